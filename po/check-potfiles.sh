#!/bin/bash
# check-potfiles.sh [SOURCE_ROOT]
#
# Fails, naming the file, when a source with translatable strings is missing
# from po/POTFILES (its strings would never reach the translators), or when
# po/POTFILES lists a file that does not exist (xgettext would stop there).
#
# A source has translatable strings when it is:
#   - a C file under src/ that calls _(), N_(), C_(), NC_(), ngettext() or
#     g_dngettext()/g_dpgettext2() with a literal string;
#   - a GtkBuilder file under src/ with a translatable="yes" property;
#   - the desktop entry, AppStream metadata or GSettings schema in data/.
# A C file that only mentions _( in a comment, or only translates a variable
# (_(column->title), whose literal is marked where it is defined), needs no
# entry: the candidates found by grep are confirmed with xgettext, using the
# keywords of meson's glib preset. Set XGETTEXT to choose the program.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2

potfiles=po/POTFILES
xgettext=${XGETTEXT:-xgettext}

if [ ! -f "$potfiles" ]; then
  echo "$potfiles: missing" >&2
  exit 1
fi

# The entries: no comments, no blank lines, no trailing spaces or CR.
mapfile -t listed < <(sed -e 's/\r$//' -e 's/[[:space:]]*$//' -e '/^[[:space:]]*#/d' -e '/^$/d' "$potfiles")

is_listed () {
  local f
  for f in "${listed[@]}"; do
    [ "$f" = "$1" ] && return 0
  done
  return 1
}

# Whether xgettext finds at least one message in $1 (besides the header).
# Without a working xgettext, every grep candidate counts.
has_messages () {
  local out
  command -v "$xgettext" >/dev/null 2>&1 || return 0
  out=$("$xgettext" --from-code=UTF-8 --omit-header \
          --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
          --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
          --keyword=g_dpgettext2:2c,3 \
          -o - -- "$1" 2>/dev/null) || return 0
  grep -q '^msgid' <<<"$out"
}

status=0

for f in "${listed[@]}"; do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist" >&2
    status=1
  fi
done

c_calls='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?|g_dcgettext)[[:space:]]*\('
ui_marks='translatable[[:space:]]*=[[:space:]]*["'\''](yes|true|1)["'\'']'

mapfile -t candidates < <(
  {
    grep -rlE --include='*.c' --include='*.h' "$c_calls" src
    grep -rlE --include='*.ui' "$ui_marks" src
    find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
                                     -o -name '*.appdata.xml.in' -o -name '*.gschema.xml' \)
  } 2>/dev/null | sed 's|^\./||' | LC_ALL=C sort -u)

for f in "${candidates[@]}"; do
  if is_listed "$f"; then
    continue
  fi
  case "$f" in
    src/*) has_messages "$f" || continue ;;
  esac
  echo "$f has translatable strings but is missing from $potfiles" >&2
  status=1
done

if [ "$status" -eq 0 ]; then
  echo "$potfiles lists all ${#listed[@]} sources with translatable strings"
fi

exit "$status"
