# assert.sh: a tiny harness for tests that drive the real `mot` program.
# Source it with: . "$SRC/cli/lib/assert.sh"  after setting MOT, SRC, TMP.
# Each check prints "ok - name" or "not ok - name" with the evidence;
# finish prints "N passed, N failed" and exits non-zero on any failure.

passed=0
failed=0

# run CMD...: run mot with the arguments, capturing stdout, stderr and the
# exit code into $out, $err and $rc.
run() {
    out=$("$MOT" "$@" 2>"$TMP/.stderr") && rc=0 || rc=$?
    err=$(cat "$TMP/.stderr")
}

ok() {
    passed=$((passed + 1))
    echo "ok - $1"
}

not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
    shift
    for line in "$@"; do echo "    $line"; done
}

# expect_rc NAME CODE: the last run exited with CODE.
expect_rc() {
    if [ "$rc" -eq "$2" ]; then ok "$1 (exit $2)"; else
        not_ok "$1: exit $rc, expected $2" "stdout: $out" "stderr: $err"; fi
}

# expect_out NAME TEXT / expect_err NAME TEXT: stdout/stderr contains TEXT.
expect_out() {
    case "$out" in *"$2"*) ok "$1" ;; *) not_ok "$1: stdout lacks '$2'" "stdout: $out" "stderr: $err" ;; esac
}
expect_err() {
    case "$err" in *"$2"*) ok "$1" ;; *) not_ok "$1: stderr lacks '$2'" "stderr: $err" ;; esac
}

# expect_no_out NAME: the last run printed nothing on stdout.
expect_no_out() {
    if [ -z "$out" ]; then ok "$1"; else not_ok "$1: unexpected stdout" "stdout: $out"; fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
