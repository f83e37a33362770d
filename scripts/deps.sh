#!/bin/sh
# Install the Debian packages mot needs to build and test. Idempotent: does
# nothing when every package is already installed; otherwise runs
# `apt-get update` once and `apt-get install -y` for what is missing.
# Needs root (or sudo). The list and why each package is there: README.md.
set -eu

PKGS="cmake ninja-build pkg-config gcc make clang libclang-rt-14-dev \
      zlib1g-dev libcmocka-dev libgsl-dev libopenblas-dev \
      libutf8proc-dev python3 gettext chromium fonts-wqy-microhei"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
