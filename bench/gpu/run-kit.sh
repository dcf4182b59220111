#!/usr/bin/env bash
# Runs on the device machine, from the kit folder make-kit.py built:
#   bash .gpu-kit/run-kit.sh "$OUT"
# 1. Every test executable (the RUN lines of cuda-execution.test), its
#    stdout+stderr and exit status saved for check-kit.sh (FileCheck runs
#    back on the build machine: the device has no LLVM).
# 2. The benchmark (bench.py), its table on stdout and in bench.md.
# Everything lands in OUTDIR/results.tar.gz plus bench.md and bench.json
# (the device tool brings back at most 8 files).
set -uo pipefail
kit=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: run-kit.sh OUTDIR}
work=$(mktemp -d)
mkdir -p "$work/tests" "$out"
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,clocks.max.mem \
  --format=csv | tee "$work/gpu.txt"
fails=0
while IFS=$'\t' read -r id exe entry expect checkfile prefix pipeline; do
  timeout 60 stdbuf -o0 "$kit/tests/$exe" "$entry" >"$work/tests/$id.out" 2>&1
  rc=$?
  echo "$rc" >"$work/tests/$id.rc"
  if { [ "$expect" = ok ] && [ "$rc" != 0 ]; } ||
     { [ "$expect" = crash ] && [ "$rc" = 0 ]; }; then
    echo "run-kit: test $id ($exe $entry) exited with $rc"
    tail -3 "$work/tests/$id.out"
    fails=$((fails + 1))
  fi
done <"$kit/tests.tsv"
echo "run-kit: $(wc -l <"$kit/tests.tsv") test runs, $fails with an unexpected exit status"
PYTHONUNBUFFERED=1 python3 "$kit/bench.py" --kit "$kit/bench" --out "$work" \
  --repeat "${REPEAT:-50}" 2>&1 | tee "$work/bench.md"
cp "$kit/tests.tsv" "$work/"
cp "$work/bench.md" "$out/" 2>/dev/null
cp "$work/bench.json" "$out/" 2>/dev/null
tar -C "$work" -czf "$out/results.tar.gz" .
