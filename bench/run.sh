#!/bin/sh
# bench/run.sh: the benchmark of issue 3. Builds the release preset, writes
# the 1,000,000-customer telecom demo once (about 7 M events), then times,
# with GNU time (wall clock, peak resident memory, CPU of all threads):
#
#   mot demo        writing the data (once)
#   mot check       loading and checking every file
#   mot analyze     the whole analysis, --threads 2 --format json
#   DuckDB          the feature computation alone (bench/duckdb_features.mjs,
#                   2 threads), with the join streamed and, second row, stored
#   pandas          the same feature computation (bench/pandas_features.py)
#
# Each timed step but the demo runs RUNS times (default 3), round-robin so
# that a busy spell on a shared machine hits every tool alike; the table
# shows the median wall time, peak RSS and CPU. bench/compare.py then
# checks that mot, DuckDB and pandas computed the same numbers, and
# bench/phases.c shows where mot analyze's time goes (2 threads, then 1).
# Figures go, by hand, into bench/README.md with the machine and the date.
#
# Installs what it needs (idempotent): Debian python3-pandas, nodejs, npm
# and time when missing (apt, as root or with sudo), and @duckdb/node-api
# into build/bench-node/ (npm, only when not already there).
#
#   sh bench/run.sh [CUSTOMERS]      (default 1000000; RUNS=N to change 3)
set -eu
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${RUNS:-3}
py=/usr/bin/python3

# ---- what the benchmark needs ---------------------------------------------
need=""
[ -x /usr/bin/time ] || need="$need time"
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v npm >/dev/null 2>&1 || need="$need npm"
[ -x "$py" ] && "$py" -c 'import pandas' 2>/dev/null || need="$need python3-pandas"
if [ -n "$need" ]; then
    echo "bench: installing:$need" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    $sudo apt-get install -y -q --no-install-recommends $need
fi
nodedir=build/bench-node
if [ ! -f "$nodedir/node_modules/@duckdb/node-api/package.json" ]; then
    mkdir -p "$nodedir"
    [ -f "$nodedir/package.json" ] || echo '{ "private": true }' > "$nodedir/package.json"
    (cd "$nodedir" && npm install --no-audit --no-fund --loglevel=error @duckdb/node-api)
fi

cmake --preset release >/dev/null
cmake --build build/release >/dev/null
mot=build/release/mot
data=build/bench-$n
out=build/bench-out
rm -rf "$data" "$out"
mkdir -p "$out"

# ---- the machine ----------------------------------------------------------
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(uname -m)"
echo "system:  Debian $(cat /etc/debian_version), $(gcc --version | head -1), node $(node --version), @duckdb/node-api $(sed -n 's/^ *"version": "\(.*\)",*$/\1/p' "$nodedir/node_modules/@duckdb/node-api/package.json" | head -1), pandas $("$py" -c 'import pandas; print(pandas.__version__)') (python3-pandas $(pkgver python3-pandas))"
echo "date:    $(date -u +%Y-%m-%d)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"

# ---- measuring --------------------------------------------------------------
# measure KEY CMD...: run CMD once under GNU time, its stdout into
# $out/KEY.out and its stderr into $out/KEY.err; append "secs kib cpu"
# (cpu: user + system seconds, all threads) to $out/KEY.times.
measure() {
    key=$1
    shift
    /usr/bin/time -f "%e %M %U %S" -o "$out/time" "$@" >"$out/$key.out" 2>"$out/$key.err"
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$out/time" >> "$out/$key.times"
}

# median COLUMN FILE: the median of a column of numbers.
median() {
    awk -v c="$1" '{ print $c }' "$2" | sort -n |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

measure demo "$mot" demo --scenario telecom --customers "$n" --seed 1 --out "$data"
for f in "$data"/*.csv; do
    printf '  %-24s %10s rows %6s MiB\n' "$(basename "$f")" "$(($(wc -l < "$f") - 1))" "$(($(stat -c %s "$f") / 1048576))"
done

i=1
while [ "$i" -le "$runs" ]; do
    echo "run $i of $runs (load $(cut -d' ' -f1 /proc/loadavg))"
    measure check "$mot" check "$data"
    measure mot "$mot" analyze "$data" --format json --threads 2
    measure duckdb node bench/duckdb_features.mjs "$data" 2 "$nodedir"
    measure duckdb-stored node bench/duckdb_features.mjs --store-joined "$data" 2 "$nodedir"
    measure pandas "$py" bench/pandas_features.py "$data"
    i=$((i + 1))
done

# ---- are the numbers the same? ------------------------------------------------
echo
"$py" bench/compare.py "$out/mot.out" "$out/duckdb.out" "$out/duckdb-stored.out" "$out/pandas.out"

# ---- the table ------------------------------------------------------------------
echo
for k in demo check mot duckdb duckdb-stored pandas; do
    echo "$k $(median 1 "$out/$k.times") $(median 2 "$out/$k.times") $(median 3 "$out/$k.times") $(awk '{ s = s " " $1 "/" int($2 / 1024 + 0.5) } END { print s }' "$out/$k.times")"
done > "$out/medians"
awk -v n="$n" -v runs="$runs" '
    { t[$1] = $2; m[$1] = $3 / 1024; cpu[$1] = $4; all[$1] = ""; for (i = 5; i <= NF; i++) all[$1] = all[$1] " " $i }
    END {
        label["demo"] = "mot demo (writes the data)"
        label["check"] = "mot check (load, check)"
        label["mot"] = "mot analyze, 2 threads"
        label["duckdb"] = "DuckDB features, 2 threads"
        label["duckdb-stored"] = "DuckDB, joined table stored"
        label["pandas"] = "pandas features, 1 thread"
        printf "%-30s %9s %11s %9s %9s %9s   %s\n", "step (" n " customers)", "wall", "peak RSS", "CPU", "time/DB", "RSS/DB", "each run (s/MiB)"
        split("demo check mot duckdb duckdb-stored pandas", order, " ")
        for (i = 1; i <= 6; i++) {
            k = order[i]
            printf "%-30s %7.2f s %7.0f MiB %7.2f s %8.2fx %8.2fx  %s\n", label[k], t[k], m[k], cpu[k], t[k] / t["duckdb"], m[k] / m["duckdb"], all[k]
        }
        printf "(median of %d runs; the demo ran once; x = ratio to the DuckDB row)\n\n", runs
        tt = t["duckdb"] / 2; mm = m["duckdb"] / 2
        printf "target: mot analyze <= half of DuckDB'"'"'s time (%.2f s): %s, mot takes %.2f s, %.2fx DuckDB'"'"'s\n", tt, t["mot"] <= tt ? "MET" : "NOT MET", t["mot"], t["mot"] / t["duckdb"]
        printf "target: mot analyze <= half of DuckDB'"'"'s peak RSS (%.0f MiB): %s, mot uses %.0f MiB, %.2fx DuckDB'"'"'s\n", mm, m["mot"] <= mm ? "MET" : "NOT MET", m["mot"], m["mot"] / m["duckdb"]
    }' "$out/medians"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end"

# ---- where mot's time goes (bench/phases.c, one run) -------------------------
libs=$(pkg-config --libs gsl openblas libutf8proc)
# shellcheck disable=SC2086
if cc -O2 -Iinclude bench/phases.c build/release/libmot.a -lz -lm $libs -lpthread \
        -o build/release/phases 2>"$out/phases.cc"; then
    echo
    echo "mot analyze's phases, 2 threads (wall, CPU of all threads, peak RSS so far):"
    build/release/phases "$data" 2 | sed 's/^/  /'
    echo "the same, 1 thread:"
    build/release/phases "$data" 1 | sed 's/^/  /'
fi
echo
echo "phases of the last run (the tools' own clocks, seconds):"
sed -n 's/^/  /p' "$out/duckdb.err" "$out/duckdb-stored.err" "$out/pandas.err"
