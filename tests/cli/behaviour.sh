#!/usr/bin/env bash
# behaviour.sh: `mot behaviour DIR` on a demo project (text in both
# languages with the planted key step and S10 flagged, JSON that python3
# parses), and the exit codes of DESIGN §3 with nothing on stdout when it
# fails.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"

run demo --scenario telecom --customers 3000 --seed 8 --out "$TMP/demo"
expect_rc "demo" 0

run behaviour "$TMP/demo" --lang en
expect_rc "text" 0
expect_out "title" "Front-line behaviour (MOT steps)"
expect_out "the planted key step" "moves the customer's score most: 解决问题"
expect_out "S10 is flagged" "S10 *"
expect_out "training table" "Training effect (difference-in-differences)"

run behaviour "$TMP/demo" --lang zh
expect_rc "text in Chinese" 0
expect_out "Chinese title" "一线服务行为"
expect_out "Chinese key step" "对客户评分影响最大的步骤：解决问题"

run behaviour "$TMP/demo" --format md --lang en
expect_rc "md" 0
expect_out "a Markdown title" "# Front-line behaviour (MOT steps)"
expect_out "Markdown sections" "## Branches: shrunken shares done well and coaching priority"
expect_out "a Markdown table" "| S10 * |"

run behaviour "$TMP/demo" --format json
expect_rc "json" 0
echo "$out" > "$TMP/b.json"
if python3 - "$TMP/b.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["key_step"] == "解决问题", d["key_step"]
assert d["most_missing"] == "解决问题"
assert [s["step"] for s in d["steps"]] == ["营造氛围", "分析问题", "解决问题", "总结问题", "完善跟进"]
flagged = [s["staff_id"] for s in d["staff"] if s["flagged"]]
assert flagged == ["S10"], flagged
s10 = [s for s in d["staff"] if s["staff_id"] == "S10"][0]
assert s10["priority"] == "营造氛围" and s10["ranked"]
assert abs(sum(s["importance"] for s in d["steps"]) - d["model"]["r2"]) < 1e-9
assert d["training"][0]["branch"] is None
works, idle = d["training"][1], d["training"][2]
assert works["steps"]["解决问题"]["ci"][0] > 0, works
assert idle["steps"]["解决问题"]["ci"][0] < 0 < idle["steps"]["解决问题"]["ci"][1], idle
assert [b["branch"] for b in d["branches"]] == ["朝阳营业厅", "海淀营业厅", "浦东营业厅", "天河营业厅"]
assert len(d["training"][0]["score"]["ci"]) == 2
for k in ("interactions", "ratings", "low_below", "min_staff"):
    assert k in d, k
PY
then ok "json parses, key step, S10 alone flagged, LMG sums to R2"; else not_ok "json content"; fi

run behaviour --help
expect_rc "--help" 0
expect_out "--help shows the usage" "usage: mot behaviour DIR"
run behaviour
expect_rc "DIR is required" 64
run behaviour "$TMP/demo" --format xml
expect_rc "a bad format" 64
expect_no_out "no output for a usage error"
run behaviour "$TMP/none"
expect_rc "a missing folder" 66
mkdir -p "$TMP/bare" && printf 'id,name,stage\nA,x,s\n' > "$TMP/bare/blueprint.csv"
run behaviour "$TMP/bare"
expect_rc "no interactions.csv" 66
expect_err "the missing file is named" "no interactions.csv"
mkdir -p "$TMP/bad" && cp "$TMP/bare/blueprint.csv" "$TMP/bad/"
printf 'interaction_id,staff_id,time,A\ni1,S1,yesterday,1\n' > "$TMP/bad/interactions.csv"
run behaviour "$TMP/bad"
expect_rc "bad data" 65
expect_err "the bad field is located" "interactions.csv:2:"
expect_no_out "no partial output on bad data"

finish
