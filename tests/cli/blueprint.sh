#!/usr/bin/env bash
# blueprint.sh: `mot blueprint` on a small demo of every scenario, with
# and without the analysis, in both languages: the SVG parses as XML
# (python3), has the lanes and lines, and its boxes carry numbers when
# analysed; -o writes the file whole and nothing on stdout; bad options
# exit 64, a missing folder 66 with nothing written; with tickets.csv the
# boxes show the share of tickets resolved after the SLA. The golden SVG
# files of tests/report/test_blueprint_svg.c parse as XML too.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"

# xml_check NAME FILE: FILE parses as XML.
xml_check() {
    if python3 -c 'import xml.dom.minidom, sys; xml.dom.minidom.parse(sys.argv[1])' \
        "$2" 2>"$TMP/.py"; then
        ok "$1"
    else
        not_ok "$1" "$(cat "$TMP/.py")"
    fi
}

# expect_file NAME FILE TEXT: FILE contains TEXT.
expect_file() {
    if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1: $2 lacks '$3'"; fi
}

for f in "$SRC"/data/golden/*.svg; do
    xml_check "golden $(basename "$f") parses as XML" "$f"
done

for s in telecom rail property hotel; do
    run demo --scenario "$s" --customers 300 --seed 2 --out "$TMP/$s"
    expect_rc "demo $s" 0
    run blueprint "$TMP/$s" --threads 2 --bootstrap 20 -o "$TMP/$s.svg"
    expect_rc "blueprint of $s" 0
    expect_no_out "blueprint -o writes nothing on stdout ($s)"
    xml_check "the $s blueprint parses as XML" "$TMP/$s.svg"
    expect_file "the $s blueprint is in the project's language" "$TMP/$s.svg" ">可视线</text>"
    expect_file "the $s blueprint's boxes carry their means" "$TMP/$s.svg" ">均分 "
    [ -e "$TMP/$s.svg.tmp" ] && not_ok "no temporary file is left ($s)" || ok "no temporary file is left ($s)"
done

# tickets.csv: the share of tickets resolved after the SLA, on its own line
expect_file "the telecom blueprint shows tickets past the SLA" "$TMP/telecom.svg" ">工单超时 "

run blueprint "$TMP/telecom" --lang en --no-analysis
expect_rc "blueprint --no-analysis to stdout" 0
expect_out "stdout holds the SVG" "<svg xmlns="
expect_out "--lang en gives English" ">line of visibility</text>"
expect_out "the title is English" ">Service blueprint</text>"
case "$out" in *">mean "*) not_ok "--no-analysis draws no numbers" ;; *) ok "--no-analysis draws no numbers" ;; esac
if printf '%s\n' "$out" | grep -qE '>[0-9]+% of tickets late<'; then
    not_ok "--no-analysis reads no tickets"
else
    ok "--no-analysis reads no tickets"
fi
printf '%s\n' "$out" >"$TMP/plain.svg"
xml_check "the SVG on stdout parses as XML" "$TMP/plain.svg"

mkdir -p "$TMP/bare"
printf 'id,name,stage\nT1,首月账单,账单\nT2,Hotline,账单\nT3,上门维修,售后\n' >"$TMP/bare/blueprint.csv"
run blueprint "$TMP/bare" --lang zh -o "$TMP/bare.svg"
expect_rc "a blueprint without events draws without analysis" 0
xml_check "the bare blueprint parses as XML" "$TMP/bare.svg"

run blueprint "$TMP/telecom" --lang fr
expect_rc "blueprint --lang fr" 64
run blueprint "$TMP/telecom" --format json
expect_rc "blueprint has no --format" 64
run blueprint "$TMP/nowhere" -o "$TMP/none.svg"
expect_rc "blueprint of a missing folder" 66
[ -e "$TMP/none.svg" ] && not_ok "nothing is written for a missing folder" || ok "nothing is written for a missing folder"
run blueprint --help
expect_rc "blueprint --help" 0
expect_out "blueprint --help shows usage" "usage: mot blueprint DIR"

finish
