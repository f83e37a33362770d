#!/bin/sh
# Run every libFuzzer target in build dir $1 for $2 seconds each, starting
# from the seed corpus in fuzz/corpus/<target> (copied, never written to).
set -eu
dir=$1
secs=${2:-20}
here=$(dirname "$0")
status=0
found=0
for f in "$dir"/fuzz_*; do
    [ -f "$f" ] && [ -x "$f" ] || continue
    found=$((found + 1))
    name=$(basename "$f")
    work="$dir/corpus-$name"
    mkdir -p "$work"
    [ -d "$here/corpus/$name" ] && cp -n "$here/corpus/$name"/* "$work"/ 2>/dev/null || true
    echo "fuzz: $name for ${secs}s"
    if ! "$f" -max_total_time="$secs" -max_len=65536 -print_final_stats=1 \
            -artifact_prefix="$dir/crash-$name-" "$work" >"$dir/$name.log" 2>&1; then
        tail -40 "$dir/$name.log"
        status=1
    else
        grep -E 'stat::number_of_executed_units' "$dir/$name.log" || true
    fi
done
if [ "$found" -eq 0 ]; then
    echo "fuzz: no fuzz_* programs in $dir" >&2
    exit 1
fi
exit $status
