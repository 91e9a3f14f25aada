#!/bin/bash
# check-translations.sh POT PO...
#
# Fails when a catalogue is not complete against the current sources: POT is
# a template freshly extracted from the files in po/POTFILES; each PO is
# merged with it (as `ninja relance-update-po` would), and any message left
# untranslated or fuzzy, or any fuzzy message in the PO itself, is printed.
# Set MSGMERGE and MSGATTRIB to choose the programs.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 POT PO..." >&2
  exit 2
fi

msgmerge=${MSGMERGE:-msgmerge}
msgattrib=${MSGATTRIB:-msgattrib}
pot=$1
shift

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0

for po in "$@"; do
  merged="$tmp/$(basename "$po")"

  if ! "$msgmerge" --quiet --no-wrap -o "$merged" "$po" "$pot"; then
    echo "$po: cannot be merged with $pot" >&2
    status=1
    continue
  fi

  for kind in untranslated only-fuzzy; do
    # msgattrib writes no file at all when no message is left.
    rm -f "$tmp/left.po" "$tmp/entries"
    if ! "$msgattrib" --"$kind" --no-obsolete --no-wrap -o "$tmp/left.po" "$merged"; then
      echo "$po: msgattrib failed" >&2
      status=1
      continue
    fi
    # The messages left, without the header entry (msgid "" then msgstr),
    # which msgattrib writes whenever anything is left.
    [ -f "$tmp/left.po" ] || continue
    awk 'BEGIN { RS = "" } !/(^|\n)msgid ""\nmsgstr/ { print; print "" }' "$tmp/left.po" >"$tmp/entries"
    if [ -s "$tmp/entries" ]; then
      n=$(grep -c '^msgid ' "$tmp/entries")
      echo "$po: $n ${kind#only-} message(s) against the current sources:" >&2
      cat "$tmp/entries" >&2
      status=1
    fi
  done

  if [ "$status" -eq 0 ]; then
    echo "$po: complete"
  fi
done

exit "$status"
