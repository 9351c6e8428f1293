#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan and UBSan) and runs each for SECONDS
# (default 300), seeded from the corpus reports (../shared/corpus), the workbooks budgetxl writes
# from them, the official Shanghai templates and templates/. Seeds are made in a temporary folder,
# never in the repository; what the fuzzer learns is kept in build-fuzz/fuzz-corpus/ so that later
# runs go on from it.
#   scripts/fuzz.sh [SECONDS] [TARGET...]    targets: fuzz_text fuzz_workbook fuzz_workbook_xml fuzz_templates
# Exits 1 when a target found a crash, a leak or a timeout (the input is in build-fuzz/fuzz-artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-300}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_text fuzz_workbook fuzz_workbook_xml fuzz_templates)
build=${BUDGETXL_FUZZ_BUILD:-build-fuzz}
corpus_dir=${BUDGETXL_CORPUS:-$root/../shared/corpus}
jobs=${BUDGETXL_FUZZ_BUILD_JOBS:-$(nproc)}

scripts/setup-debian.sh --fuzz
mkdir -p "$build"
(
  flock 9  # one build at a time when several runs share the build folder
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUDGETXL_FUZZ=ON \
    -DBUDGETXL_TESTS=OFF >/dev/null
  cmake --build "$build" -j"$jobs" --target budgetxl "${targets[@]}" >/dev/null
) 9>"$build/.build.lock"

seeds=$(mktemp -d /tmp/budgetxl-fuzz-seeds.XXXXXX)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds"/{fuzz_text,fuzz_workbook,fuzz_workbook_xml,fuzz_templates}

# Text reports: the corpus (every family) and the sample.
texts=()
if [[ -d "$corpus_dir" ]]; then
  while IFS= read -r -d '' f; do texts+=("$f"); done < <(find "$corpus_dir" -name '*.txt' -print0 | sort -z)
fi
texts+=(samples/*.txt)
i=0
for f in "${texts[@]}"; do
  cp "$f" "$seeds/fuzz_text/$i.txt"
  # The workbooks budgetxl writes from them (a report it cannot read gives none).
  ASAN_OPTIONS=detect_leaks=0 "$build/budgetxl" -q import "$f" -o "$seeds/fuzz_workbook/$i.xlsx" >/dev/null 2>&1 || true
  i=$((i + 1))
done
# The official Shanghai templates (workbooks people fill in).
if [[ -d "$corpus_dir/shanghai" ]]; then
  for f in "$corpus_dir"/shanghai/*.xlsx; do cp "$f" "$seeds/fuzz_workbook/template-$(basename "$f")"; done
fi
# XML seeds: each worksheet of those workbooks with its shared strings ("SST\0SHEET"), and the
# template files, numbered as fuzz_templates numbers them (its first byte picks the file).
python3 - "$seeds" "$root/templates" <<'PY'
import os, sys, zipfile
seeds, templates = sys.argv[1], sys.argv[2]
# Text: the reports are up to 270 KB and fuzz_text runs with -max_len=32768, so each report is also
# cut into pieces of 150 lines (the later tables and forms).
text_dir = os.path.join(seeds, "fuzz_text")
for name in sorted(os.listdir(text_dir)):
    with open(os.path.join(text_dir, name), "rb") as f:
        lines = f.read().split(b"\n")
    for k, start in enumerate(range(150, len(lines), 150)):
        with open(os.path.join(text_dir, f"{name}.{k}"), "wb") as out:
            out.write(b"\n".join(lines[start:start + 150]))
n = 0
for name in sorted(os.listdir(os.path.join(seeds, "fuzz_workbook"))):
    try:
        with zipfile.ZipFile(os.path.join(seeds, "fuzz_workbook", name)) as z:
            names = z.namelist()
            sst = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
            for part in names:
                if part.startswith("xl/worksheets/") and part.endswith(".xml") and n < 400:
                    with open(os.path.join(seeds, "fuzz_workbook_xml", f"{n}.xml"), "wb") as out:
                        out.write(sst + b"\0" + z.read(part))
                    n += 1
    except (zipfile.BadZipFile, KeyError):
        pass
files = sorted(os.path.relpath(os.path.join(d, f), templates).replace(os.sep, "/")
               for d, _, fs in os.walk(templates) for f in fs if f.endswith(".json"))
for i, rel in enumerate(files):
    with open(os.path.join(templates, rel), "rb") as f:
        data = f.read()
    with open(os.path.join(seeds, "fuzz_templates", f"{i}.json"), "wb") as out:
        out.write(bytes([i % 256]) + data)
PY

mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$build/fuzz-corpus/$t"
  log="$build/fuzz-artifacts/$t.log"
  echo "fuzz: $t for ${seconds}s (seeds: $(ls "$seeds/$t" | wc -l), log: $log)"
  # -timeout: one input may take this long (a hang is a finding); -rss_limit_mb: memory is a finding too.
  max_len=1048576
  [[ $t == fuzz_text ]] && max_len=32768  # the text reader runs every family and the writer: ~0.1 s per 30 KB under the sanitizers
  if "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=$max_len -print_final_stats=1 \
       -artifact_prefix="$build/fuzz-artifacts/$t-" "$build/fuzz-corpus/$t" "$seeds/$t" >"$log" 2>&1; then
    echo "fuzz: $t: $(grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -1) — no finding"
  else
    echo "fuzz: $t: FINDING, see $log:"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5
    failed+=("$t")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: findings in ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no finding"
