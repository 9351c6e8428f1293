#!/usr/bin/env bash
# Before/after check for refactors: writes, for every corpus report and sample, the JSON model, the
# findings, the workbook's JSON model and the exported text into OUTDIR. Compare two snapshots with
# `diff -r BEFORE AFTER`; a refactor that changes a figure shows up there.
#   scripts/snapshot.sh OUTDIR [BUILD_DIR]
set -uo pipefail
out=${1:?usage: scripts/snapshot.sh OUTDIR [BUILD_DIR]}
bin=${2:-build}/budgetxl
cd "$(dirname "$0")/.."
mkdir -p "$out"
shopt -s nullglob
for report in ../shared/corpus/*.txt ../shared/corpus/*/*.txt samples/*.txt; do
  name=$(basename "$report" .txt)
  tmp=$(mktemp -d)
  "$bin" json "$report" -v -o "$tmp/m.json" 2>"$out/$name.findings"; echo "exit $?" >>"$out/$name.findings"
  # The source file name differs between runs only by the temporary folder; drop it.
  [[ -f $tmp/m.json ]] && grep -v '"file":' "$tmp/m.json" >"$out/$name.json"
  if "$bin" import "$report" -q -o "$tmp/b.xlsx" 2>/dev/null; [[ -f $tmp/b.xlsx ]]; then
    "$bin" json "$tmp/b.xlsx" -v -o "$tmp/b.json" 2>"$tmp/b.findings"
    sed "s|$tmp/||g" "$tmp/b.findings" >"$out/$name.xlsx.findings"
    grep -v '"file":' "$tmp/b.json" >"$out/$name.xlsx.json"
    # The sheets as written (cells, merges, formats), for changes the read-back cannot see.
    command -v unzip >/dev/null && unzip -p "$tmp/b.xlsx" xl/sharedStrings.xml 'xl/worksheets/*.xml' xl/styles.xml \
      >"$out/$name.xlsx.xml" 2>/dev/null
    "$bin" export "$tmp/b.xlsx" -q -o "$tmp/b.txt" 2>/dev/null && cp "$tmp/b.txt" "$out/$name.export.txt"
  fi
  rm -rf "$tmp"
done
echo "snapshot: $(ls "$out" | wc -l) files in $out"
