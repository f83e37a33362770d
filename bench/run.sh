#!/bin/sh
# bench/run.sh: measure mot on the benchmark data (a 1,000,000-customer
# telecom demo). Builds the release preset, then times and reports peak RSS
# of `mot demo` and `mot check` with GNU time. Figures go, by hand, into
# bench/README.md with the machine and the date.
#
#   sh bench/run.sh [CUSTOMERS]      (default 1000000)
set -eu
cd "$(dirname "$0")/.."
n=${1:-1000000}
cmake --preset release >/dev/null
cmake --build build/release >/dev/null
mot=build/release/mot
data=build/bench-$n
rm -rf "$data"

measure() {
    label=$1
    shift
    /usr/bin/time -f "%e %M" -o build/bench.time "$@" >/dev/null
    read -r secs kb < build/bench.time
    awk -v l="$label" -v s="$secs" -v k="$kb" 'BEGIN { printf "%-32s %8.2f s %10.1f MiB peak RSS\n", l, s, k / 1024 }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), $(gcc --version | head -1)"
echo "date:    $(date -u +%Y-%m-%d)"
measure "mot demo --customers $n" "$mot" demo --scenario telecom --customers "$n" --seed 1 --out "$data"
for f in "$data"/*.csv; do
    printf '  %-28s %12s rows %8s MiB\n' "$(basename "$f")" "$(($(wc -l < "$f") - 1))" "$(($(stat -c %s "$f") / 1048576))"
done
measure "mot check ($n customers)" "$mot" check "$data"
