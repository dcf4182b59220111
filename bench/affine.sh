#!/bin/bash
# The affine path beside the vector and linalg paths, one thread, one shape
# per family (bench/affine-shapes.mlir): median of REPEAT calls per kernel
# (pool-run --repeat), each checked against the reference first. Prints a
# Markdown table for docs/performance.md.
#   bash bench/affine.sh [build-dir]      (REPEAT=30, TARGET_CPU=host)
set -euo pipefail
build=${1:-build}
repeat=${REPEAT:-30}
cpu=${TARGET_CPU:-host}
shapes=$(dirname "$0")/affine-shapes.mlir
fns=$(grep -o 'func.func @[a-z0-9_]*' "$shapes" | cut -d@ -f2)
time_of() {
  "$build/bin/pool-run" "$shapes" --entry="$1" --check --repeat="$repeat" \
    --num-threads=1 --target-cpu="$cpu" $2 |
    awk '/FAIL/ {print "FAIL"; exit} /^  time:/ {for (i = 1; i <= NF; i++) if ($i == "ms") print $(i-1)}'
}
echo "| shape | vector (ms) | affine (ms) | linalg (ms) | affine / vector |"
echo "|---|---|---|---|---|"
for f in $fns; do
  v=$(time_of "$f" "--path=vector")
  a=$(time_of "$f" "--path=affine")
  l=$(time_of "$f" "--path=linalg")
  ratio=$(awk -v a="$a" -v v="$v" 'BEGIN { if (v > 0) printf "%.2f", a / v; else print "-" }')
  echo "| $f | $v | $a | $l | $ratio |"
done
