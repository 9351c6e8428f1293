#!/usr/bin/env bash
# Read-back test: imports the sample and every corpus report with the budgetxl binary, then opens
# each workbook with an independent reader (openpyxl, tests/readback/readback.py) and compares every
# table cell with the canonical model (`budgetxl json`). A deliberately damaged copy must fail, so
# that a read-back which checks nothing cannot pass.
# Usage: bash readback.sh BUDGETXL_BINARY SOURCE_DIR WORK_DIR   (exit 77 = skipped)
set -u

binary=${1:?usage: readback.sh BUDGETXL_BINARY SOURCE_DIR WORK_DIR}
source_dir=${2:?source dir}
work_dir=${3:?work dir}
python=/usr/bin/python3
readback="$source_dir/tests/readback/readback.py"

if [ ! -x "$python" ] || ! "$python" -c 'import openpyxl' 2>/dev/null; then
  echo "SKIP: /usr/bin/python3 with openpyxl is not available (apt-get install python3-openpyxl)"
  exit 77
fi

rm -rf "$work_dir"
mkdir -p "$work_dir"

reports=("$source_dir/samples/demo-department-2025.txt")
corpus="$source_dir/../shared/corpus"
if [ -d "$corpus" ]; then
  for f in "$corpus"/*.txt; do
    [ -e "$f" ] && reports+=("$f")
  done
else
  echo "note: no corpus at $corpus; checking the sample only"
fi

failures=0
checked=0
for report in "${reports[@]}"; do
  name=$(basename "$report" .txt)
  book="$work_dir/$name.xlsx"
  model="$work_dir/$name.json"
  # Exit 3 means "converted, but the report has errors": the workbook is still written.
  "$binary" --quiet import "$report" -o "$book"
  rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
    echo "FAIL: $name: budgetxl import exited $rc"
    failures=$((failures + 1))
    continue
  fi
  "$binary" --quiet json "$report" -o "$model"
  rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
    echo "FAIL: $name: budgetxl json exited $rc"
    failures=$((failures + 1))
    continue
  fi
  echo "== $name"
  if ! "$python" "$readback" "$book" "$model"; then
    echo "FAIL: $name: the workbook differs from the model"
    failures=$((failures + 1))
  fi
  checked=$((checked + 1))
done

# Negative control: damage one amount, one code and one blank of the sample; the read-back must
# notice all three.
sample="$work_dir/demo-department-2025"
if [ -f "$sample.xlsx" ]; then
  "$python" - "$sample.xlsx" "$work_dir/damaged.xlsx" <<'EOF'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["表2 预算收入总表"]
done = set()
for row in ws.iter_rows(min_row=5):
    for cell in row:
        v = cell.value
        if "amount" not in done and isinstance(v, (int, float)) and not isinstance(v, bool):
            cell.value = v + 0.01
            done.add("amount")
        elif "code" not in done and isinstance(v, str) and v.isdigit():
            cell.value = int(v)
            done.add("code")
        elif "blank" not in done and v is None and cell.column > 2:
            cell.value = 0
            done.add("blank")
assert done == {"amount", "code", "blank"}, done
wb.save(sys.argv[2])
EOF
  out=$("$python" "$readback" "$work_dir/damaged.xlsx" "$sample.json")
  if [ $? -eq 1 ] && echo "$out" | grep -q "readback: .* 3 mismatches"; then
    echo "negative control: the damaged workbook was caught (3 mismatches)"
  else
    echo "FAIL: negative control: the read-back did not report the 3 damaged cells"
    echo "$out" | tail -5
    failures=$((failures + 1))
  fi
fi

echo "readback.sh: $checked workbooks checked, $failures failures"
[ $failures -eq 0 ]
