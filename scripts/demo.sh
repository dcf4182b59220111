#!/usr/bin/env bash
# The main job: install what is missing, build, then show what the pool
# dialect does with the programs in examples/: shape inference, each
# lowering stage, and every example run through --pool-to-llvm on the JIT
# and checked against the independent reference.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
B=${BUILD_DIR:-build}/bin

section() { printf '\n=== %s\n' "$*"; }

section "Shape inference: pool-opt examples/onnx_dynamic.mlir --pool-infer-shapes"
"$B/pool-opt" examples/onnx_dynamic.mlir \
  --pass-pipeline='builtin.module(func.func(pool-infer-shapes))' | grep pool.

section "Canonicalization: adaptive 14x14 -> 7x7 is a 2x2 stride-2 average"
printf '%s\n' \
  'func.func @f(%x: tensor<1x512x14x14xf32>) -> tensor<1x512x7x7xf32> {' \
  '  %0 = pool.adaptive_avg %x {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x14xf32> -> tensor<1x512x7x7xf32>' \
  '  return %0 : tensor<1x512x7x7xf32>' '}' |
  "$B/pool-opt" --canonicalize | grep pool.

section "Lowering to linalg: examples/resnet_stem.mlir --convert-pool-to-linalg"
"$B/pool-opt" examples/resnet_stem.mlir \
  --pass-pipeline='builtin.module(func.func(convert-pool-to-linalg),canonicalize,cse)'

section "Lowering to affine loops: --pool-to-affine (first lines)"
"$B/pool-opt" examples/resnet_stem.mlir --pool-to-affine | head -n 30

section "Run every example: --pool-to-llvm, JIT, check against the reference"
for file in examples/*.mlir; do
  for fn in $(grep -oE 'func\.func @[A-Za-z0-9_]+' "$file" | sed 's/func.func @//'); do
    shape=()
    [ "$fn" = onnx_maxpool_gap ] && shape=(--input-shape=2x32x17x23)
    echo
    "$B/pool-run" "$file" --entry="$fn" "${shape[@]}" --check --repeat=10
  done
done
