#!/bin/sh
# Extract the report messages (MSG(key, english) in src/report/i18n.c, and
# tr(zh, english) and N_(english) in src/report/survey.c) into
# the template po/mot.pot and merge it into every translation po/*.po.
# New messages arrive untranslated (msgstr ""), changed ones marked fuzzy;
# `po/update.sh --check` (a ctest) fails until each is translated.
# With --check, change nothing: exit 1 if the template is out of date.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.po"' EXIT
xgettext --language=C --from-code=UTF-8 --keyword= --keyword=MSG:1c,2 \
    --keyword=tr:2 --keyword=N_ \
    --add-comments=TRANSLATORS --no-wrap --no-location \
    --package-name=mot -o "$tmp" src/report/i18n.c src/report/survey.c
if [ "${1:-}" = "--check" ]; then
    # the template's creation date changes on every run: compare the rest
    grep -v '^"POT-Creation-Date:' "$tmp" > "$tmp.po"
    grep -v '^"POT-Creation-Date:' po/mot.pot | cmp -s "$tmp.po" - || { echo "po/mot.pot is out of date: run make po" >&2; exit 1; }
    for po in po/*.po; do
        if [ -n "$(msgattrib --untranslated --no-obsolete "$po")$(msgattrib --only-fuzzy --no-obsolete "$po")" ]; then
            echo "$po: untranslated or fuzzy messages (msgattrib --untranslated, --only-fuzzy list them)" >&2
            exit 1
        fi
    done
    exit 0
fi
sed 's/charset=CHARSET/charset=UTF-8/' "$tmp" > po/mot.pot
for po in po/*.po; do
    msgmerge --quiet --no-wrap --no-location --previous -o "$tmp.po" "$po" po/mot.pot
    # messages gone from the code are dropped, not kept as #~ comments
    msgattrib --no-obsolete --no-wrap -o "$po" "$tmp.po"
done
