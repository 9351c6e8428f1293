#!/usr/bin/env bash
# LibreOffice opens every workbook budgetxl writes: imports the sample and every corpus report, then
# converts each workbook with `soffice --headless --convert-to csv`, one CSV per sheet. Fails when a
# conversion fails, a sheet is missing or a CSV is empty.
# Usage: bash libreoffice_open.sh BUDGETXL_BINARY SOURCE_DIR WORK_DIR   (exit 77 = skipped)
set -u

binary=${1:?usage: libreoffice_open.sh BUDGETXL_BINARY SOURCE_DIR WORK_DIR}
source_dir=${2:?source dir}
work_dir=${3:?work dir}

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "SKIP: soffice is not installed (apt-get install libreoffice-calc-nogui)"
  exit 77
fi

rm -rf "$work_dir"
mkdir -p "$work_dir"
# A private profile: never touches the user's, and parallel runs do not share a lock.
profile=$(mktemp -d /tmp/budgetxl-lo.XXXXXX)
trap 'rm -rf "$profile"' EXIT

reports=("$source_dir/samples/demo-department-2025.txt")
corpus="$source_dir/../shared/corpus"
if [ -d "$corpus" ]; then
  for f in "$corpus"/*.txt; do
    [ -e "$f" ] && reports+=("$f")
  done
fi

# Number of sheets declared in xl/workbook.xml.
sheet_count() {
  if command -v unzip >/dev/null; then
    unzip -p "$1" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | wc -l
  else
    python3 -c 'import re, sys, zipfile; print(len(re.findall(r"<sheet name=", zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())))' "$1"
  fi
}

# Field separator, text delimiter, UTF-8, first line, …, sheet -1 = every sheet to its own file.
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'

failures=0
opened=0
for report in "${reports[@]}"; do
  name=$(basename "$report" .txt)
  book="$work_dir/$name.xlsx"
  "$binary" --quiet import "$report" -o "$book"
  rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
    echo "FAIL: $name: budgetxl import exited $rc"
    failures=$((failures + 1))
    continue
  fi
  out="$work_dir/$name-csv"
  mkdir -p "$out"
  if ! timeout 600 "$soffice" "-env:UserInstallation=file://$profile" --headless --norestore \
      --convert-to "$filter" --outdir "$out" "$book" >"$out.log" 2>&1; then
    echo "FAIL: $name: soffice could not convert the workbook"
    cat "$out.log"
    failures=$((failures + 1))
    continue
  fi
  # The sheets the workbook declares, against the CSV files LibreOffice wrote.
  sheets=$(sheet_count "$book")
  csvs=$(find "$out" -name '*.csv' | wc -l)
  empty=$(find "$out" -name '*.csv' -empty | wc -l)
  if [ "$sheets" -eq 0 ] || [ "$csvs" -ne "$sheets" ] || [ "$empty" -ne 0 ]; then
    echo "FAIL: $name: $sheets sheets, $csvs CSV files written by LibreOffice, $empty empty"
    failures=$((failures + 1))
    continue
  fi
  # Each table sheet still starts with its title (a sanity check on what LibreOffice read).
  bad=0
  for csv in "$out/$name-表"*.csv; do
    [ -e "$csv" ] || continue
    head -1 "$csv" | grep -q '表' || { echo "FAIL: $csv: first line $(head -1 "$csv")"; bad=1; }
  done
  if [ $bad -ne 0 ]; then
    failures=$((failures + 1))
    continue
  fi
  echo "ok: $name: LibreOffice opened $sheets sheets"
  opened=$((opened + 1))
done

echo "libreoffice_open.sh: $opened workbooks opened, $failures failures"
[ $failures -eq 0 ] && [ $opened -gt 0 ]
