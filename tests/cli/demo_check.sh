#!/usr/bin/env bash
# demo_check.sh: every demo scenario is written, deterministic, and passes
# `mot check`; a broken file makes `mot check` name the place and exit 65.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"

for s in telecom rail property hotel; do
    run demo --scenario "$s" --customers 300 --seed 7 --out "$TMP/$s"
    expect_rc "demo $s" 0
    for f in mot.ini blueprint.csv events.csv customers.csv kano.csv servqual.csv \
             servqual_weights.csv tickets.csv interactions.csv staff.csv; do
        if [ -s "$TMP/$s/$f" ]; then ok "demo $s wrote $f"; else not_ok "demo $s did not write $f"; fi
    done
    if ls "$TMP/$s"/*.tmp >/dev/null 2>&1; then not_ok "demo $s left .tmp files"; else ok "demo $s left no .tmp files"; fi
    run check "$TMP/$s"
    expect_rc "check accepts the $s demo" 0
    expect_out "check summarises the $s demo" "customers 300"
    expect_out "check counts the $s touchpoints" "touchpoints"
done

run demo --scenario telecom --customers 300 --seed 7 --out "$TMP/again"
if diff -r "$TMP/telecom" "$TMP/again" >/dev/null; then ok "same seed, same files"; else not_ok "same seed gave different files"; fi
run demo --scenario telecom --customers 300 --seed 8 --out "$TMP/other"
if cmp -s "$TMP/telecom/events.csv" "$TMP/other/events.csv"; then not_ok "another seed gave the same events"; else ok "another seed, other events"; fi

# A broken project: copy the demo and damage one file at a time.
broken() {
    rm -rf "$TMP/broken" && cp -r "$TMP/telecom" "$TMP/broken"
}

broken
printf 'C9999999,,2026-03-01T08:30:00,T01,five,,,,\n' >> "$TMP/broken/events.csv"
line=$(wc -l < "$TMP/broken/events.csv")
run check "$TMP/broken"
expect_rc "check rejects a non-numeric score" 65
expect_err "the bad score is located" "events.csv:$line:5: score must be a number between 1 and 5, found \"five\""
expect_no_out "no summary on stdout for a broken project"

broken
printf 'C9999999,,yesterday,T01,4,,,,\n' >> "$TMP/broken/events.csv"
line=$(wc -l < "$TMP/broken/events.csv")
run check "$TMP/broken"
expect_rc "check rejects a bad time" 65
expect_err "the bad time is located" "events.csv:$line:3: time must be"

broken
rm "$TMP/broken/blueprint.csv"
run check "$TMP/broken"
expect_rc "a project without blueprint.csv is missing input" 66
expect_err "the missing blueprint is named" "blueprint.csv"

broken
printf 'C9999999,,2026-03-01T08:30:00,T01,9,,,,\nC9999998,,2026-03-01T08:30:00,NOPE,4,,,,\n' >> "$TMP/broken/events.csv"
run check "$TMP/broken"
expect_rc "two problems" 65
expect_err "the out-of-scale score is reported" "found \"9\""
expect_err "the unknown touchpoint is reported too" "found \"NOPE\""
expect_err "the count of problems is given" "2 problems"
expect_err "what loaded is summarised" "rows without problems: customers 300, events"

broken
for i in 1 2 3 4 5; do printf 'C999999%d,,2026-03-01T08:30:00,T01,0,,,,\n' "$i" >> "$TMP/broken/events.csv"; done
run check "$TMP/broken" --max-errors 3
expect_rc "many problems" 65
expect_err "the limit is said" "stopped after 3 problems"

finish
