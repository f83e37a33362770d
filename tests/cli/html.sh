#!/usr/bin/env bash
# html.sh: the HTML report of every demo scenario (telecom, rail,
# property, hotel), looked at in headless Chromium as a person would.
#
# For each scenario, `mot analyze --format html` must write one
# self-contained page: nothing in it that would fetch anything (no src=,
# no <link>, no url(), no @import, no http(s) address but the SVG
# namespace) and no script. The page, with tests/cli/lib/html_check.js
# inserted at the end of its body, is then opened by Chromium with
# --dump-dom (the checker's findings) and --screenshot (kept in
# build/.../screenshots/ to look at, with the rail report printed to
# PDF, which must be A4 pages); the checks: no console message
# (--enable-logging), no resource fetched (performance entries), every
# chart present with a non-zero size, the blueprint's text inside its boxes
# (the browser's own glyph widths, CJK included) and no two boxes
# overlapping. A 40-touchpoint blueprint with long Chinese names is checked
# the same way. The Markdown report has the same sections as the page.
#
# Chromium comes from scripts/deps.sh (Debian `chromium`, and a CJK font);
# without it the test fails, it is not skipped. Each browser run has a
# fresh profile, no network services, and a 60 s timeout.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"
SHOTS=$(cd "$(dirname "$MOT")" && pwd)/screenshots
mkdir -p "$SHOTS"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    not_ok "chromium is installed (scripts/deps.sh installs it)"
    finish
fi

# browse PAGE PNG WIDTHxHEIGHT: open PAGE (a file) in headless Chromium,
# with the checker inserted; the checker's lines in $TMP/check.txt and
# the console messages in $TMP/console.txt. Returns Chromium's status.
browse() {
    local page=$1 png=$2 size=$3 prof
    prof=$(mktemp -d "$TMP/profile.XXXXXX")
    python3 - "$page" "$SRC/cli/lib/html_check.js" "$TMP/checked.html" <<'EOF'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
js = open(sys.argv[2], encoding="utf-8").read()
assert page.count("</body>") == 1
open(sys.argv[3], "w", encoding="utf-8").write(
    page.replace("</body>", "<script>\n" + js + "</script>\n</body>"))
EOF
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
        --disable-dev-shm-usage --no-first-run --no-default-browser-check \
        --disable-background-networking --disable-component-update \
        --disable-sync --disable-extensions --disable-default-apps \
        --host-resolver-rules="MAP * ~NOTFOUND" \
        --user-data-dir="$prof" --hide-scrollbars \
        --enable-logging=stderr --v=0 \
        --window-size="$size" --screenshot="$png" --dump-dom \
        "file://$TMP/checked.html" >"$TMP/dom.html" 2>"$TMP/chromium.log"
    local st=$?
    rm -rf "$prof"
    python3 - "$TMP/dom.html" >"$TMP/check.txt" <<'EOF'
import sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
mark = '<pre id="mot-check">'
i = dom.rfind(mark)
if i >= 0:
    print(dom[i + len(mark):dom.index("</pre>", i)].strip())
EOF
    grep -a "CONSOLE" "$TMP/chromium.log" >"$TMP/console.txt"
    return $st
}

# check_page NAME PNG CHARTS...: the findings of the last browse: it ran,
# no console message, nothing fetched, each chart of CHARTS with a size,
# the blueprint's text inside its boxes and no boxes overlapping.
check_page() {
    local name=$1 png=$2
    shift 2
    if grep -qx DONE "$TMP/check.txt"; then ok "$name: the checks ran"; else
        not_ok "$name: the checks ran" "$(tail -5 "$TMP/chromium.log")"; fi
    if [ -s "$TMP/console.txt" ]; then
        not_ok "$name: no console message" "$(head -5 "$TMP/console.txt")"
    else ok "$name: no console message"; fi
    if grep -q '^RESOURCE' "$TMP/check.txt"; then
        not_ok "$name: nothing fetched" "$(grep '^RESOURCE' "$TMP/check.txt")"
    else ok "$name: nothing fetched"; fi
    for c in "$@"; do
        if awk -v c="$c" '$1 == "CHART" && $2 == c && $3 > 0 && $4 > 0 { f = 1 }
                          END { exit !f }' "$TMP/check.txt"; then
            ok "$name: chart $c drawn"
        else
            not_ok "$name: chart $c drawn" "$(grep '^CHART' "$TMP/check.txt")"
        fi
    done
    if grep -q '^OVERFLOW\|^OVERLAP' "$TMP/check.txt"; then
        not_ok "$name: blueprint text inside its boxes, no overlaps" \
            "$(grep '^OVERFLOW\|^OVERLAP' "$TMP/check.txt" | head -5)"
    else
        ok "$name: blueprint text inside its boxes, no overlaps ($(grep '^BOXES' "$TMP/check.txt"))"
    fi
    if [ -s "$png" ]; then ok "$name: screenshot $(basename "$png")"; else
        not_ok "$name: screenshot $(basename "$png")"; fi
}

# self_contained NAME FILE: nothing in FILE would fetch or run anything.
self_contained() {
    local bad
    bad=$(sed 's#xmlns="http://www.w3.org/2000/svg"##g' "$2" |
        grep -noiE '<script|<link|<img|<iframe|src=|url\([^#]|@import|https?://' |
        head -3)
    if [ -z "$bad" ]; then ok "$1: self-contained"; else
        not_ok "$1: self-contained" "$bad"; fi
}

# same_sections NAME HTML MD: the page's section headings are the
# Markdown's, in order.
same_sections() {
    if python3 - "$2" "$3" <<'EOF'
import re, sys, html
page = open(sys.argv[1], encoding="utf-8").read()
md = open(sys.argv[2], encoding="utf-8").read()
h = [html.unescape(x) for x in re.findall(r"<h2>(.*?)</h2>", page)]
m = [x[3:] for x in md.splitlines() if x.startswith("## ")]
sys.exit(0 if h == m and h else 1)
EOF
    then ok "$1: the Markdown has the page's sections"; else
        not_ok "$1: the Markdown has the page's sections"; fi
}

lang_of() { case $1 in telecom | property) echo en ;; *) echo zh ;; esac; }

for s in telecom rail property hotel; do
    lang=$(lang_of "$s")
    run demo --scenario "$s" --customers 300 --seed 2 --out "$TMP/$s"
    expect_rc "demo $s" 0
    run analyze "$TMP/$s" --format html --lang "$lang" --threads 2 \
        --bootstrap 20 -o "$TMP/$s.html"
    expect_rc "analyze --format html ($s, $lang)" 0
    expect_no_out "-o writes nothing on stdout ($s)"
    self_contained "$s" "$TMP/$s.html"
    run analyze "$TMP/$s" --format md --lang "$lang" --threads 2 \
        --bootstrap 20 -o "$TMP/$s.md"
    expect_rc "analyze --format md ($s)" 0
    same_sections "$s" "$TMP/$s.html" "$TMP/$s.md"
    browse "$TMP/$s.html" "$SHOTS/$s.$lang.png" 1280,6000
    st=$?
    if [ "$st" -eq 0 ]; then ok "chromium opened the $s page"; else
        not_ok "chromium opened the $s page (status $st)" \
            "$(tail -5 "$TMP/chromium.log")"
    fi
    check_page "$s" "$SHOTS/$s.$lang.png" blueprint curve importance ipa \
        peak_end kano servqual
done

# printed: A4 pages (the page's @page rule), kept beside the screenshots
prof=$(mktemp -d "$TMP/profile.XXXXXX")
timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
    --disable-dev-shm-usage --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$prof" \
    --no-pdf-header-footer --print-to-pdf="$SHOTS/rail.zh.pdf" \
    "file://$TMP/rail.html" >/dev/null 2>"$TMP/chromium.log"
rm -rf "$prof"
pages=$(grep -a -c '/Type /Page\b' "$SHOTS/rail.zh.pdf" 2>/dev/null)
boxes=$(grep -a -o '/MediaBox \[[^]]*\]' "$SHOTS/rail.zh.pdf" 2>/dev/null |
    sort -u)
if [ "${pages:-0}" -ge 2 ] &&
    [ "$boxes" = "/MediaBox [0 0 594.95996 841.91998]" ]; then
    ok "the rail report prints on $pages A4 pages"
else
    not_ok "the rail report prints on A4 pages" "pages: ${pages:-0}" "$boxes"
fi

# a 40-touchpoint blueprint with long Chinese names, in a page of its own
mkdir -p "$TMP/big"
{
    echo "id,name,stage,lane,supports,sla_hours"
    for i in $(seq 1 40); do
        st=$(( (i - 1) / 6 + 1 ))
        case $((i % 5)) in
            0) lane=evidence ;; 1) lane=customer ;; 2) lane=frontstage ;;
            3) lane=backstage ;; *) lane=support ;;
        esac
        sup=""
        [ "$lane" = backstage ] && sup="T$((i - 1))"
        echo "T$i,第${i}号触点：营业厅办理开户与实名登记及后续回访服务流程,阶段${st},$lane,$sup,24"
    done
} >"$TMP/big/blueprint.csv"
run blueprint "$TMP/big" --lang zh -o "$TMP/big.svg"
expect_rc "blueprint of 40 touchpoints" 0
{
    printf '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
    printf '<title>40</title></head><body>\n'
    printf '<figure class="chart" data-chart="blueprint">\n'
    sed 1d "$TMP/big.svg"
    printf '</figure>\n</body></html>\n'
} >"$TMP/big.html"
browse "$TMP/big.html" "$SHOTS/blueprint40.zh.png" 1400,1200
check_page "40 touchpoints" "$SHOTS/blueprint40.zh.png" blueprint
if grep -q '^BOXES 40$' "$TMP/check.txt"; then ok "40 boxes checked"; else
    not_ok "40 boxes checked" "$(grep '^BOXES' "$TMP/check.txt")"; fi

finish
