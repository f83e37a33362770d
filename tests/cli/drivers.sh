#!/usr/bin/env bash
# drivers.sh: `mot drivers` on the real telco table (text and JSON), the
# same output whatever the threads, and the exit codes of DESIGN §3 with
# nothing on stdout when it fails.
# Arguments: path to mot, tests/ source dir, scratch dir.
set -u
MOT=$1 SRC=$2 TMP=$3
rm -rf "$TMP" && mkdir -p "$TMP"
. "$SRC/cli/lib/assert.sh"
TELCO="$SRC/../../shared/data/telco_churn.csv"

run drivers "$TELCO" --outcome churn --bootstrap 20
expect_rc "drivers on telco" 0
expect_out "the model is said" "logistic regression on 7032 of 7043 rows"
expect_out "tenure comes first" "  tenure "
expect_out "contract levels are named with their reference" "contract=Two year (vs Month-to-month)"
expect_out "tenure has a tolerance line" "< 17:"
expect_out "aliased terms are noted" "7 terms left out"

run drivers "$TELCO" --outcome churn --bootstrap 20 --format json --threads 1
expect_rc "json" 0
echo "$out" > "$TMP/one.json"
expect_out "json outcome" '"outcome": "churn"'
expect_out "json odds ratio" '"odds_ratio": '
expect_out "json interval" '"ci": ['
expect_out "json tolerance line" '"tolerance_line": {'
expect_out "json line direction" '"direction": "below"'
expect_out "json method" '"importance_method": "relative_weights"'
run drivers "$TELCO" --outcome churn --bootstrap 20 --format json --threads 2
echo "$out" > "$TMP/two.json"
if cmp -s "$TMP/one.json" "$TMP/two.json"; then ok "same result on 1 and 2 threads"; else not_ok "threads changed the result"; fi

run drivers "$SRC/data/mtcars.csv" --outcome mpg --id model --bootstrap 10 --format json
expect_rc "numeric outcome" 0
expect_out "betas for a numeric outcome" '"beta": '
expect_out "lmg below 16 terms" '"importance_method": "lmg"'

run drivers "$SRC/data/swiss.csv" --outcome Fertility --bootstrap 20 --format md --lang zh
expect_rc "drivers --format md" 0
expect_out "a Markdown title" "# Fertility 的驱动因素"
expect_out "a Markdown table in Chinese" "| 驱动因素 | 重要性 |"
run drivers "$SRC/data/swiss.csv" --outcome Fertility --bootstrap 20 --lang en
expect_out "English text" "A linear regression on 47 of 47 rows."
run drivers "$SRC/data/swiss.csv" --outcome Fertility --lang fr
expect_rc "a bad language" 64

run drivers --help
expect_rc "--help" 0
expect_out "--help shows the usage" "usage: mot drivers"
run drivers "$TELCO"
expect_rc "--outcome is required" 64
expect_err "the missing option is named" "--outcome COL is required"
run drivers "$TELCO" --outcome nope
expect_rc "an unknown outcome column" 64
expect_err "the column is named" 'no column "nope"'
expect_no_out "no output for a usage error"
run drivers "$TELCO" --outcome churn --format xml
expect_rc "a bad format" 64
run drivers "$TMP/none.csv" --outcome churn
expect_rc "a missing file" 66
printf 'y,x\na,1\nb,2\nc,3\n' > "$TMP/three.csv"
run drivers "$TMP/three.csv" --outcome y
expect_rc "an outcome with three texts" 65
expect_err "the problem is said" "3 different texts"
expect_no_out "no partial output on bad data"
printf 'y,x\n1,2\n3\n' > "$TMP/short.csv"
run drivers "$TMP/short.csv" --outcome y
expect_rc "a short row" 65
expect_err "the short row is located" "short.csv:3:"

finish
