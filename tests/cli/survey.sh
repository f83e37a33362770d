#!/usr/bin/env bash
# survey.sh: `mot kano` and `mot servqual` on single files: text and JSON,
# English and Chinese, segments, weights, the derived importance from an
# overall column; bad files are located
# (file:line:column, exit 65, nothing on stdout), missing ones exit 66;
# bad options exit 64.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"

run demo --scenario telecom --customers 500 --seed 5 --out "$TMP/t"
expect_rc "demo for the survey files" 0
K=$TMP/t/kano.csv
S=$TMP/t/servqual.csv
W=$TMP/t/servqual_weights.csv

# ---- mot kano ----
run kano "$K"
expect_rc "kano text" 0
expect_out "kano names a planted must-be feature" "账单准确无误"
expect_out "kano shows its category" "M must-be"
expect_out "kano counts the answers" "100 respondents, 600 answers"

run kano "$K" --lang zh
expect_rc "kano in Chinese" 0
expect_out "kano zh labels" "必备"
expect_out "kano zh header" "功能"

run kano "$K" --segment
expect_rc "kano by segment" 0
expect_out "kano names a segment" "segment 家庭"

run kano "$K" --format md --lang zh
expect_rc "kano md" 0
expect_out "kano md has its heading" "## KANO 分析："
expect_out "kano md has a pipe table" "| 功能 |"

run kano "$K" --format json --lang zh
expect_rc "kano json" 0
expect_out "kano json has features" '"features": ['
expect_out "kano json has counts" '"counts": {'
expect_out "kano json keeps English identifiers" '"category_name": "must_be"'
expect_out "kano json has Better intervals" '"better_ci": ['
if command -v python3 >/dev/null; then
    if printf '%s' "$out" | python3 -c '
import json, sys
k = json.load(sys.stdin)
f = {x["feature"]: x for x in k["features"]}
assert f["账单准确无误"]["category"] == "M"
assert f["流量惊喜包"]["category"] == "A"
assert f["积分兑换商城"]["category"] == "I"
assert set(f["账单准确无误"]["counts"]) == set("AOMIRQ")
assert k["respondents"] == 100'; then ok "kano json parses with the planted categories"
    else not_ok "kano json does not parse or lacks the planted categories"; fi
fi

printf 'respondent_id,feature,functional,dysfunctional,touchpoint\nR1,wifi,1,5,报修\nR2,wifi,1,5,报修\n' > "$TMP/tp.csv"
run kano "$TMP/tp.csv"
expect_rc "kano with a touchpoint column and no blueprint" 0
expect_out "the touchpoint text is shown" "报修"

cp "$K" "$TMP/bad.csv"
printf 'C9999,流量惊喜包,sometimes,2,3,个人\n' >> "$TMP/bad.csv"
line=$(wc -l < "$TMP/bad.csv")
run kano "$TMP/bad.csv"
expect_rc "kano rejects a bad answer" 65
expect_err "the bad answer is located" "$TMP/bad.csv:$line:3: functional must be a KANO answer"
expect_no_out "nothing on stdout for a bad kano file"

run kano "$TMP/none.csv"
expect_rc "kano of a missing file" 66
expect_err "the missing file is named" "none.csv"

run kano "$K" --format xml
expect_rc "kano --format xml" 64
expect_err "the bad format is named" "found 'xml'"
run kano "$K" --lang fr
expect_rc "kano --lang fr" 64
run kano
expect_rc "kano without a file" 64
run kano --help
expect_rc "kano --help" 0
expect_out "kano --help shows usage" "usage: mot kano FILE.csv"

# ---- mot servqual ----
run servqual "$S" --weights "$W"
expect_rc "servqual text" 0
expect_out "servqual shows the planted dimension" "responsiveness"
expect_out "servqual labels it below the zone" "below"
expect_out "servqual gives the weighted score" "weighted"
expect_out "servqual gives the IPA" "concentrate here"

run servqual "$S" --lang zh
expect_rc "servqual in Chinese" 0
expect_out "servqual zh dimension" "响应性"
expect_out "servqual zh zone" "低于容忍区"

run servqual "$S" --weights "$W" --format md
expect_rc "servqual md" 0
expect_out "servqual md has its heading" "## SERVQUAL: "
expect_out "servqual md has a pipe table" "| dimension |"

run servqual "$S" --weights "$W" --format json
expect_rc "servqual json" 0
expect_out "servqual json has dimensions" '"dimensions": ['
expect_out "servqual json has the weighted score" '"weighted_score": -'
expect_out "servqual json has the unweighted score" '"unweighted_score": -'
expect_out "servqual json labels the zone" '"zone": "below"'
if command -v python3 >/dev/null; then
    if printf '%s' "$out" | python3 -c '
import json, sys
s = json.load(sys.stdin)
d = {x["dimension"]: x for x in s["dimensions"]}
assert len(d) == 5
worst = min(d.values(), key=lambda x: x["gap"])
assert worst["dimension"] == "responsiveness" and worst["zone"] == "below"
for x in d.values():
    for k in ("expectation", "perception", "gap", "msa", "mss", "alpha"):
        assert k in x
assert s["weighted_score"] < 0 and s["unweighted_score"] < 0
assert s["ipa"]["crosshair"] == "means"'; then ok "servqual json parses with the planted gap"
    else not_ok "servqual json does not parse or misses the planted gap"; fi
fi

run servqual "$S" --format json
expect_rc "servqual json without weights" 0
expect_out "no weighted score without weights" '"weighted_score": null'
expect_out "no importance without weights or overall" '"importance_source": null'

# an overall column: the dimensions' derived importance, on the factorial
# of tests/analyse/sqfactorial.h with Y times 4 plus a constant (whole
# numbers; the shares are unchanged: tangibles 0.6)
printf 'respondent_id,item,expectation,perception,overall\n' > "$TMP/ov.csv"
for i in 0 1 2 3 4 5 6 7; do
    a=$(( i & 1 ? 1 : -1 )) b=$(( i & 2 ? 1 : -1 )) c=$(( i & 4 ? 1 : -1 ))
    y=$(( 12 + 3 * a + 2 * b + c + a * b + a * b * c ))
    printf 'R%d,1,5,%d,%d\nR%d,5,5,%d,%d\nR%d,10,5,%d,%d\nR%d,14,5,%d,%d\nR%d,18,5,%d,%d\n' \
        $i $((4 + a)) $y $i $((3 + b)) $y $i $((6 + c)) $y \
        $i $((5 + a * b)) $y $i $((4 + a * c)) $y >> "$TMP/ov.csv"
done
run servqual "$TMP/ov.csv" --format json
expect_rc "servqual with an overall column" 0
expect_out "the importance is derived" '"importance_source": "derived"'
expect_out "the IPA uses it" '"importance": "derived"'
run servqual "$TMP/ov.csv"
expect_out "the table gives the importance" "0.60  ["
expect_out "the sentence says what it is" "Derived importance:"
printf 'R0,2,5,5,1\n' >> "$TMP/ov.csv"
line=$(wc -l < "$TMP/ov.csv")
run servqual "$TMP/ov.csv"
expect_rc "servqual rejects two overall scores of one respondent" 65
expect_err "the second score is located" "$TMP/ov.csv:$line:5: respondent \"R0\" has overall 1 here but"

printf 'respondent_id,dimension,points\nC9999,tangibles,90\n' > "$TMP/w.csv"
run servqual "$S" --weights "$TMP/w.csv"
expect_rc "servqual rejects weights not adding up" 65
expect_err "the weights file is named" "$TMP/w.csv:2:3: points of respondent \"C9999\" add up to 90"
expect_no_out "nothing on stdout for bad weights"

run servqual "$S" --weights "$TMP/none.csv"
expect_rc "servqual with a missing weights file" 66

cp "$S" "$TMP/badsq.csv"
printf 'C9999,1,8,11,5,6\n' >> "$TMP/badsq.csv"
line=$(wc -l < "$TMP/badsq.csv")
run servqual "$TMP/badsq.csv"
expect_rc "servqual rejects a rating of 11" 65
expect_err "the bad rating is located" "$TMP/badsq.csv:$line:4: perception must be a number between 1 and 10"

run servqual "$S" --weights
expect_rc "servqual --weights without a file" 64
run servqual --help
expect_rc "servqual --help" 0
expect_out "servqual --help shows usage" "usage: mot servqual FILE.csv"

finish
