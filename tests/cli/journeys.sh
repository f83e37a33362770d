#!/usr/bin/env bash
# journeys.sh: the journeys part of `mot analyze DIR` on a demo project
# (the "journeys" JSON key with the planted churn path T11 -> T14 among the
# steps whose churn differs, the text section in both languages) and the
# --repeat-days option with its usage error.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"

run demo --scenario telecom --customers 2000 --seed 3 --out "$TMP/demo"
expect_rc "demo" 0

run analyze "$TMP/demo" --lang en --bootstrap 20
expect_rc "text" 0
expect_out "section" "Journeys"
expect_out "churn steps" "Steps whose customers churn differently from the rest:"
expect_out "first-contact resolution" "First-contact resolution"
expect_out "needs" "High-frequency needs"

run analyze "$TMP/demo" --lang zh --bootstrap 20
expect_rc "text in Chinese" 0
expect_out "Chinese section" "客户旅程"
expect_out "Chinese FCR" "首次解决率"

run analyze "$TMP/demo" --format json --bootstrap 20 --repeat-days 14
expect_rc "json" 0
echo "$out" > "$TMP/a.json"
if python3 - "$TMP/a.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))["journeys"]
assert j["repeat_days"] == 14 and j["customers"] == 2000
steps = {(e["from"], e["to"]): e for e in j["directly_follows"]}
path = steps[("T11", "T14")]
assert path["churn"]["p_adjusted"] < 0.05, path
assert path["churn"]["rate"] > path["churn"]["rest_rate"], path
assert sum(e["count"] for e in j["directly_follows"] if e["from"] == "start") == 2000
assert j["variants"]["top"] and j["variants"]["top"][0]["path"][-1] == "T14"
t10 = [f for f in j["first_contact_resolution"] if f["touchpoint"] == "T10"][0]
assert 0 < t10["fcr"] < 1 and t10["ci"][0] < t10["fcr"] < t10["ci"][1]
for k in ("by_touchpoint", "by_stage", "by_segment"):
    assert j["needs"][k], k
PY
then ok "json: journeys keys, the planted churn path T11 -> T14"; else not_ok "json content"; fi

run analyze "$TMP/demo" --repeat-days 0
expect_rc "--repeat-days 0" 64
expect_no_out "nothing on stdout"
finish
