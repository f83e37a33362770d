#!/usr/bin/env bash
# usage.sh: help, version, unknown commands and options, exit codes.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"

run --version
expect_rc "--version" 0
expect_out "--version prints the version" "mot 0."

run --help
expect_rc "--help" 0
for c in demo check analyze drivers peakend kano servqual tickets behaviour blueprint serve; do
    expect_out "--help lists $c" "  $c "
done

run
expect_rc "no command is a usage error" 64

run frobnicate
expect_rc "unknown command" 64
expect_err "unknown command is named" "unknown command 'frobnicate'"

run check --help
expect_rc "check --help" 0
expect_out "check --help shows usage" "usage: mot check DIR"

run check
expect_rc "check without DIR" 64
expect_err "check without DIR says so" "missing argument"

run check a b
expect_rc "check with two dirs" 64

run check --bogus x
expect_rc "check with an unknown option" 64
expect_err "unknown option is named" "unknown option '--bogus'"

run check "$TMP/nowhere"
expect_rc "check of a missing folder" 66

run demo --customers many --out "$TMP/d"
expect_rc "demo --customers must be a number" 64
expect_err "demo names the bad value" "found 'many'"

run demo --scenario airline --out "$TMP/d"
expect_rc "demo with an unknown scenario" 64
expect_err "demo names the scenario" "airline"

run demo
expect_rc "demo without --out" 64

for c in analyze peakend behaviour; do
    run "$c" --help
    expect_rc "$c --help" 0
    expect_out "$c --help shows usage" "usage: mot $c DIR"
    expect_out "$c --help describes --format" "--format"
done

for c in serve; do
    run "$c" x
    expect_rc "$c is not built yet" 64
    expect_err "$c says it is not built" "not built yet"
    run "$c" --help
    expect_rc "$c --help" 0
    expect_out "$c --help shows usage" "usage: mot $c"
done

finish
