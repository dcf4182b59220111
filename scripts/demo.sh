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

section "The affine path (--pool-to-llvm=path=affine) and a user schedule (examples/schedules)"
"$B/pool-run" examples/resnet_stem.mlir --path=affine --check --repeat=10
"$B/pool-run" examples/schedules/max3x3.mlir \
  --schedule=examples/schedules/separable-tiled-fused.mlir --check --repeat=10

section "Run every example: --pool-to-llvm, JIT, check against the reference"
for file in examples/*.mlir; do
  for fn in $(grep -oE 'func\.func @[A-Za-z0-9_]+' "$file" | sed 's/func.func @//'); do
    shape=()
    [ "$fn" = onnx_maxpool_gap ] && shape=(--input-shape=2x32x17x23)
    echo
    "$B/pool-run" "$file" --entry="$fn" "${shape[@]}" --check --repeat=10
  done
done

if [ -x "$B/pool-translate" ]; then
  section "A PyTorch network in: export to ONNX, import its pooling layers, run them"
  tmp=$(mktemp -d)
  /usr/bin/python3 - "$tmp" <<'PY' 2>/dev/null
import sys, torch
from torch import nn
torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 16, 7, 2, 3), nn.ReLU(), nn.MaxPool2d(3, 2, 1),
                    nn.Conv2d(16, 32, 3, padding=1), nn.AvgPool2d(3, 1, 1),
                    nn.AdaptiveAvgPool2d(1)).eval()
torch.onnx.export(net, torch.randn(1, 3, 112, 112), sys.argv[1] + "/net.onnx",
                  opset_version=13)
PY
  "$B/pool-translate" --import-onnx --extract-pooling "$tmp/net.onnx" -o "$tmp/layers.mlir"
  grep -E "pool\." "$tmp/layers.mlir"
  for fn in $(grep -oE 'func\.func @[A-Za-z0-9_]+' "$tmp/layers.mlir" | sed 's/func.func @//'); do
    echo
    "$B/pool-run" "$tmp/layers.mlir" --entry="$fn" --check --repeat=10
  done
  rm -rf "$tmp"
fi
