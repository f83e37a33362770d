#!/usr/bin/env bash
# analyze.sh: `mot analyze` and `mot peakend` on a small demo in every
# format and language; -o writes the file whole and nothing on stdout; a
# broken project exits 65 with nothing written, a broken tickets.csv too
# (the analysis reads it now); bad options exit 64; the
# JSON parses (python3) and has the top-level keys of DESIGN §4, as do the
# golden JSON files of tests/report/test_analysis_report.c; its kano and
# servqual objects are those of `mot kano` and `mot servqual`, tied to the
# touchpoints, its tickets object that of `mot tickets`; its ipa grid;
# --ipa-crosshair midpoint, and a bad value (64).
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"

# json_check NAME FILE PYTHON-EXPRESSION: FILE parses as JSON and the
# expression (over the parsed value d; load(FILE) parses another file,
# drop(x, KEYS) is x without the keys KEYS at any depth) is true.
json_check() {
    if python3 -c 'import json, sys
def load(f):
    return json.load(open(f, encoding="utf-8"))
def drop(x, keys):
    if isinstance(x, dict):
        return {k: drop(v, keys) for k, v in x.items() if k not in keys}
    return [drop(v, keys) for v in x] if isinstance(x, list) else x
d = load(sys.argv[1])
sys.exit(0 if eval(sys.argv[2]) else 1)' "$2" "$3" 2>"$TMP/.py"; then
        ok "$1"
    else
        not_ok "$1" "$(cat "$TMP/.py")" "$(head -c 300 "$2")"
    fi
}

# same_json NAME A B: files A and B hold the same JSON value, numbers equal
# to 1e-9 relative.
same_json() {
    if python3 -c 'import json, sys
def same(x, y):
    if isinstance(x, dict):
        return isinstance(y, dict) and x.keys() == y.keys() and all(same(x[k], y[k]) for k in x)
    if isinstance(x, list):
        return isinstance(y, list) and len(x) == len(y) and all(map(same, x, y))
    if isinstance(x, float) and isinstance(y, (int, float)):
        return abs(x - y) <= 1e-9 * max(1.0, abs(x))
    return x == y
sys.exit(0 if same(*(json.load(open(f, encoding="utf-8")) for f in sys.argv[1:])) else 1)' "$2" "$3" 2>"$TMP/.py"; then
        ok "$1"
    else
        not_ok "$1" "$(cat "$TMP/.py")" "$(diff "$2" "$3" | head -5)"
    fi
}

for f in "$SRC"/data/golden/*.json; do
    case $(basename "$f") in tickets*) continue ;; esac   # tickets.sh
    json_check "golden $(basename "$f") is valid JSON with the report's keys" "$f" \
        '{"mot_version", "inputs", "touchpoints", "moments_of_truth", "peak_end", "recommendations"} <= set(d)'
done

run demo --scenario telecom --customers 400 --seed 3 --out "$TMP/demo"
expect_rc "demo for the analysis" 0
D=$TMP/demo

# text: the demo's mot.ini asks for Chinese; --lang overrides it
run analyze "$D" --threads 2 --bootstrap 50
expect_rc "analyze text" 0
expect_out "the text report is in the project's language" "关键时刻分析"
expect_out "the touchpoint table names the touchpoints" "首月账单"
run analyze "$D" --lang en --threads 2 --bootstrap 50
expect_rc "analyze --lang en" 0
expect_out "--lang en gives English" "Moments of truth: demo"
expect_out "the English report has the peak-end section" "Peak-end"

# the environment decides when neither --lang nor mot.ini does
cp -r "$D" "$TMP/nolang" && grep -v '^lang' "$D/mot.ini" > "$TMP/nolang/mot.ini"
out=$(LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$MOT" analyze "$TMP/nolang" --bootstrap 20 2>&1)
case "$out" in *关键时刻分析*) ok "LANG=zh_CN gives Chinese" ;; *) not_ok "LANG=zh_CN did not give Chinese" "$(echo "$out" | head -3)" ;; esac
out=$(LC_ALL=C LANG=zh_CN.UTF-8 "$MOT" analyze "$TMP/nolang" --bootstrap 20 2>&1)
case "$out" in *"Moments of truth"*) ok "LC_ALL=C wins over LANG" ;; *) not_ok "LC_ALL=C did not give English" "$(echo "$out" | head -3)" ;; esac

# json: valid, the contract's keys, identifiers in English whatever --lang
"$MOT" analyze "$D" --format json --lang zh --bootstrap 50 > "$TMP/a.json" 2>"$TMP/.stderr"
rc=$?
err=$(cat "$TMP/.stderr") out=""
expect_rc "analyze --format json" 0
json_check "the JSON has the top-level keys of DESIGN §4" "$TMP/a.json" \
    '{"mot_version", "inputs", "touchpoints", "moments_of_truth", "peak_end", "recommendations"} <= set(d)'
json_check "every touchpoint has the keys of DESIGN §4" "$TMP/a.json" \
    'all({"id", "name", "stage", "phase", "lane", "n", "reach", "mean", "sd", "below_tolerance", "impact", "tolerance_line", "mot", "priority"} <= set(t) for t in d["touchpoints"])'
json_check "the JSON counts the inputs" "$TMP/a.json" \
    'd["inputs"]["customers"] == 400 and d["inputs"]["touchpoints"] == len(d["touchpoints"])'
json_check "the inputs count tickets, interactions and staff" "$TMP/a.json" \
    'd["inputs"]["tickets"] == d["tickets"]["tickets"] > 0 and d["inputs"]["interactions"] > 0 and d["inputs"]["staff"] == 24'
json_check "behaviour is the object mot behaviour prints" "$TMP/a.json" \
    'set(d["behaviour"]) >= {"interactions", "steps", "staff", "training", "key_step"} and d["behaviour"]["interactions"] == d["inputs"]["interactions"]'
json_check "MOT kinds are English identifiers" "$TMP/a.json" \
    'all(t["mot"] in ("negative", "positive", "hygiene", "none") for t in d["touchpoints"])'
json_check "moments of truth name touchpoint ids" "$TMP/a.json" \
    'set(d["moments_of_truth"]) <= {t["id"] for t in d["touchpoints"]}'

# the survey instruments and the touchpoints' grid: "kano" and "servqual"
# are the objects `mot kano` and `mot servqual` print for the same files,
# but for the touchpoints the blueprint ties to them (the commands alone
# read no blueprint); "ipa" classifies the touchpoints with an importance
json_check "the JSON has kano, servqual, tickets, ipa, behaviour and journeys after peak_end" "$TMP/a.json" \
    '(list(d)[list(d).index("peak_end") + 1:list(d).index("recommendations")]
      == ["kano", "servqual", "tickets", "ipa", "behaviour", "journeys"])'
"$MOT" kano "$D/kano.csv" --format json > "$TMP/kano.json" 2>/dev/null
"$MOT" servqual "$D/servqual.csv" --weights "$D/servqual_weights.csv" \
    --format json > "$TMP/servqual.json" 2>/dev/null
json_check "kano is mot kano's object, features tied to touchpoints" \
    "$TMP/a.json" '(
    drop(d["kano"], {"touchpoint", "touchpoint_name"})
    == drop(load("'"$TMP"'/kano.json"), {"touchpoint", "touchpoint_name"})
    and {f["feature"]: f["touchpoint"] for f in d["kano"]["features"]
         if f["touchpoint"]}
    == {"账单准确无误": "T06", "网络覆盖与网速": "T08",
        "故障当天修复": "T11", "专属客户经理": "T14"})'
json_check "servqual is mot servqual's object, dimensions tied to touchpoints" \
    "$TMP/a.json" '(
    drop(d["servqual"], {"touchpoints"})
    == drop(load("'"$TMP"'/servqual.json"), {"touchpoints"})
    and [t["id"] for x in d["servqual"]["dimensions"]
         if x["dimension"] == "responsiveness" for t in x["touchpoints"]]
    == ["T03", "T10", "T11"])'
json_check "ipa classifies the touchpoints with an importance and a mean" \
    "$TMP/a.json" '(
    d["ipa"]["crosshair"] == "means"
    and d["ipa"]["n"] == len(d["ipa"]["touchpoints"]) > 0
    and all((t["ipa"] is None) == (t["impact"]["overall"]["importance"] is None
                                   or t["mean"] is None)
            for t in d["touchpoints"])
    and [x["touchpoint"] for x in d["ipa"]["touchpoints"]]
        == [t["id"] for t in d["touchpoints"] if t["ipa"]]
    and d["ipa"]["left_out"] == [t["id"] for t in d["touchpoints"]
                                 if not t["ipa"]]
    and {t["ipa"] for t in d["touchpoints"]}
        <= {None, "concentrate_here", "keep_up_the_good_work",
            "low_priority", "possible_overkill"})'
"$MOT" analyze "$D" --format json --bootstrap 50 --ipa-crosshair midpoint \
    > "$TMP/mid.json" 2>/dev/null
json_check "--ipa-crosshair midpoint puts performance at the scale midpoint" \
    "$TMP/mid.json" '(
    d["ipa"]["crosshair"] == "midpoint"
    and d["ipa"]["crosshair_performance"] == 3
    and d["ipa"]["crosshair_importance"]
        == load("'"$TMP"'/a.json")["ipa"]["crosshair_importance"])'
run analyze "$D" --lang en --bootstrap 50 --ipa-crosshair midpoint
expect_rc "analyze --ipa-crosshair midpoint" 0
expect_out "the text report has the grid" "Importance and performance"
expect_out "the grid's legend names the midpoint" "midpoint of the score scale (3.00)"
expect_out "the text report has the KANO section" "KANO: 6 features, 100 respondents, 600 answers"
expect_out "the text report has the SERVQUAL section" "SERVQUAL: 80 respondents, 22 items"
expect_out "a moment names its KANO feature" "is a must-be feature here"
run analyze "$D" --ipa-crosshair middle
expect_rc "a bad --ipa-crosshair" 64
expect_err "the values of --ipa-crosshair are named" \
    "--ipa-crosshair must be means or midpoint, found 'middle'"

# the same result with one thread and with two (up to the last bits of
# sums merged in another order)
"$MOT" analyze "$D" --format json --threads 1 --bootstrap 50 > "$TMP/t1.json" 2>/dev/null
"$MOT" analyze "$D" --format json --threads 2 --bootstrap 50 > "$TMP/t2.json" 2>/dev/null
same_json "--threads 1 and 2 give the same JSON" "$TMP/t1.json" "$TMP/t2.json"

# md
run analyze "$D" --format md --lang en --bootstrap 50
expect_rc "analyze --format md" 0
expect_out "Markdown has a title" "# Moments of truth: demo"
expect_out "Markdown has pipe tables" "| --: |"
expect_out "the report has the behaviour section" "## Front-line behaviour (MOT steps)"
expect_out "and its training table" "## Training effect (difference-in-differences)"
run analyze "$D" --lang zh --bootstrap 50
expect_out "the Chinese text has the behaviour section" "一线服务行为（关键时刻步骤）"
run peakend "$D" --format json --bootstrap 20
expect_rc "peakend" 0
echo "$out" > "$TMP/pe.json"
json_check "peakend does not read the behaviour files" "$TMP/pe.json" \
    '"behaviour" not in d'

# -o FILE: the file holds what stdout would have, and stdout is empty
"$MOT" analyze "$D" --lang en --bootstrap 50 > "$TMP/stdout.txt" 2>/dev/null
run analyze "$D" --lang en --bootstrap 50 -o "$TMP/report.txt"
expect_rc "analyze -o FILE" 0
expect_no_out "nothing on stdout with -o"
if cmp -s "$TMP/stdout.txt" "$TMP/report.txt"; then ok "-o writes the same report"; else not_ok "-o wrote something else"; fi
if ls "$TMP"/*.tmp >/dev/null 2>&1; then not_ok "-o left a .tmp file"; else ok "-o left no .tmp file"; fi
run analyze "$D" --bootstrap 50 -o "$TMP/no/such/dir/report.txt"
expect_rc "an unwritable -o is an I/O error" 74
expect_err "the file is named" "no/such/dir/report.txt"

if [ -w /dev/full ]; then
    "$MOT" analyze "$D" --bootstrap 50 > /dev/full 2>"$TMP/.stderr" && rc=0 || rc=$?
    err=$(cat "$TMP/.stderr") out=""
    expect_rc "a failed write to stdout is an I/O error" 74
    expect_err "the failed write is reported" "cannot write to standard output"
fi

# a broken project: every problem reported, exit 65, nothing written
rm -rf "$TMP/broken" && cp -r "$D" "$TMP/broken"
printf 'C9999999,,2026-03-01T08:30:00,T01,five,,,,\n' >> "$TMP/broken/events.csv"
line=$(wc -l < "$TMP/broken/events.csv")
run analyze "$TMP/broken" -o "$TMP/broken.txt"
expect_rc "analyze rejects a broken project" 65
expect_err "the problem is located as mot check does" "events.csv:$line:5:"
expect_err "the count of problems is given" "mot analyze: 1 problem in"
expect_no_out "nothing on stdout for a broken project"
if [ -e "$TMP/broken.txt" ]; then not_ok "a report was written for a broken project"; else ok "no report written for a broken project"; fi
run analyze "$TMP/missing"
expect_rc "a missing folder is missing input" 66

# "tickets" is the object `mot tickets` prints for the same folder (with
# consistency, expectation and trends), and the text and Markdown reports
# have its sections; without tickets.csv it is null
"$MOT" tickets "$D" --format json > "$TMP/tickets.json" 2>/dev/null
python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))["tickets"], open(sys.argv[2], "w"))' \
    "$TMP/a.json" "$TMP/a_tickets.json"
same_json "analyze's tickets is the object mot tickets prints" \
    "$TMP/a_tickets.json" "$TMP/tickets.json"
json_check "tickets has consistency, expectation and trends" "$TMP/a.json" \
    '{"consistency", "expectation", "trends", "recovery", "pareto"} <= set(d["tickets"])'
run analyze "$D" --lang en --bootstrap 20
expect_out "the text report has the tickets sections" "Tickets and service recovery"
run analyze "$D" --lang zh --bootstrap 20 --format md
expect_out "the Markdown report has them in Chinese" "## 工单与服务补救"
expect_out "its notes are told apart from the analysis's" "## 工单分析说明"
rm -rf "$TMP/notk" && cp -r "$D" "$TMP/notk" && rm "$TMP/notk/tickets.csv"
"$MOT" analyze "$TMP/notk" --format json --bootstrap 20 > "$TMP/notk.json" 2>/dev/null
json_check "without tickets.csv tickets is null" "$TMP/notk.json" \
    'd["tickets"] is None and "tickets" not in d["inputs"]'

# a broken tickets.csv stops the analysis as mot check does
rm -rf "$TMP/unused" && cp -r "$D" "$TMP/unused"
printf 'K9999999,C9999999,T99,never,,\n' >> "$TMP/unused/tickets.csv"
line=$(wc -l < "$TMP/unused/tickets.csv")
run analyze "$TMP/unused" --bootstrap 20
expect_rc "analyze reads and rejects the broken tickets.csv" 65
expect_err "the tickets problem is located" "tickets.csv:$line:"
expect_no_out "nothing on stdout for a broken tickets.csv"
run check "$TMP/unused"
expect_rc "check rejects it too" 65

# options are never silently ignored
run analyze "$D" --format pdf
expect_rc "an unknown --format" 64
expect_err "the formats are named" "text, json, md or html"
run peakend "$D" --format html
expect_rc "peakend has no --format html" 64
expect_err "peakend names its formats" "text, json or md"
run analyze "$D" --segment nope
expect_rc "--segment with an unknown column" 64
expect_err "--segment names the column" "customers.csv has no column 'nope'"
expect_no_out "nothing on stdout for a bad --segment"
run peakend "$D" --segment segment
expect_rc "--segment is not an option of peakend" 64
run analyze "$D" --segment segment --bootstrap 20 --format json
expect_rc "--segment segment" 0
echo "$out" > "$TMP/seg.json"
json_check "segments: one per value, each with its moments" "$TMP/seg.json" \
    '(d["segments"]["column"] == "segment"
      and sum(s["n"] for s in d["segments"]["segments"]) == 400
      and all(len(s["touchpoints"]) == len(d["touchpoints"])
              for s in d["segments"]["segments"])
      and all(x["touchpoint"] in {t["id"] for t in d["touchpoints"]}
              for x in d["segments"]["differs"]))'
run analyze "$D" --segment tier --bootstrap 20 --lang en
expect_rc "--segment tier" 0
expect_out "value tiers" "Value tiers by thirds"
# a tier's own tolerance (blueprint tolerance_high) in --segment tier
rm -rf "$TMP/segtier" && cp -r "$D" "$TMP/segtier"
awk -F, -v OFS=, 'NR == 1 { print $0, "tolerance_high"; next } { print $0, 4 }' \
    "$D/blueprint.csv" > "$TMP/segtier/blueprint.csv"
run analyze "$TMP/segtier" --segment tier --bootstrap 20 --format json
expect_rc "--segment tier with tolerance_high" 0
echo "$out" > "$TMP/segtier.json"
json_check "the high tier is judged by tolerance_high at every touchpoint" \
    "$TMP/segtier.json" \
    '([s["tier_tolerances"] for s in d["segments"]["segments"]]
      == [0, 0, len(d["touchpoints"])])'
run analyze "$TMP/segtier" --segment tier --bootstrap 20 --lang en
expect_out "the text says which tier has its own tolerance" "Tier high is judged by its own tolerance"
sed -i '1s/tolerance_high/tolerance_gold/' "$TMP/segtier/blueprint.csv"
run analyze "$TMP/segtier" --segment tier --bootstrap 20
expect_rc "a tolerance for a tier no customer has" 65
expect_err "the column is located" 'tolerance_gold is a standard for tier "gold", but no customer has that tier (the tiers are: low, mid, high)'
expect_no_out "no partial output for an unknown tier"
run analyze "$D" --lang fr
expect_rc "an unknown --lang" 64
run analyze "$D" --threads many
expect_rc "a non-numeric --threads" 64
run analyze
expect_rc "analyze without DIR" 64

# peakend: the peak_end part alone
run peakend "$D" --lang en --bootstrap 50
expect_rc "peakend text" 0
expect_out "peakend prints the peak-end section" "Peak-end"
"$MOT" peakend "$D" --format json --bootstrap 50 > "$TMP/pe.json" 2>/dev/null
json_check "peakend --format json is the peak_end object" "$TMP/pe.json" \
    '{"available", "r2_peak_end", "r2_mean", "winner", "peak_touchpoints", "end_touchpoints"} <= set(d)'
json_check "peakend JSON equals analyze's peak_end" "$TMP/pe.json" \
    'd == json.load(open("'"$TMP"'/a.json"))["peak_end"]'
json_check "peakend JSON has primacy and first impressions per customer" \
    "$TMP/pe.json" \
    '{"r2_primacy", "primacy_diff_ci", "primacy_adds", "first_touchpoints"} <= set(d) and sum(c["first"] for c in d["counts"]) == sum(c["worst"] for c in d["counts"]) >= d["n"]'
run peakend "$D" --format md --lang zh --bootstrap 50
expect_rc "peakend md" 0
expect_out "peakend md in Chinese" "## 峰终定律"
expect_out "peakend md names first impressions" "第一印象"

run --help
if printf '%s\n' "$out" | grep -E '^  (analyze|peakend) ' | grep -q "not built yet"; then
    not_ok "mot --help still says analyze or peakend is not built"; else ok "mot --help lists analyze and peakend as built"; fi

finish
