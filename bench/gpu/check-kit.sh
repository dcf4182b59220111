#!/usr/bin/env bash
# Back on the build machine: FileCheck what the kit's test executables
# printed on the GPU against the CHECK lines of test/Integration/CPU.
#   bash bench/gpu/check-kit.sh <folder with results.tar.gz>
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
res=${1:?usage: check-kit.sh RESULTS_FOLDER}
work=$(mktemp -d)
tar -C "$work" -xzf "$res/results.tar.gz"
fc=/usr/lib/llvm-22/bin/FileCheck
pass=0 fail=0
while IFS=$'\t' read -r id exe entry expect checkfile prefix pipeline; do
  rc=$(cat "$work/tests/$id.rc")
  ok=1
  if [ "$expect" = ok ] && [ "$rc" != 0 ]; then ok=0; fi
  if [ "$expect" = crash ] && [ "$rc" = 0 ]; then ok=0; fi
  if [ $ok = 1 ] && ! "$fc" "$root/$checkfile" --check-prefix="$prefix" \
      --input-file="$work/tests/$id.out" 2>"$work/tests/$id.fc"; then ok=0; fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else
    fail=$((fail + 1))
    echo "FAIL $id: $exe $entry ($pipeline) exit $rc"
    head -5 "$work/tests/$id.fc" 2>/dev/null || true
  fi
done <"$work/tests.tsv"
echo "check-kit: $pass passed, $fail failed (GPU: $(tail -1 "$work/gpu.txt"))"
[ "$fail" = 0 ]
