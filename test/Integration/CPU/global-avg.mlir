// Global average pooling (ONNX GlobalAveragePool, Keras
// GlobalAveragePooling2D) on a 2x3x2x2 input in NCHW and in NHWC (the same
// data transposed), with and without keep_dims.
// REQUIRES: mlir-runner
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm=path=affine | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm="strategy=direct threads=1" | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm="strategy=separable threads=2 min-parallel-bytes=0" | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils,%openmp_runtime | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm="vectorize=false" | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s

// Expected values: printed by an independent pure-Python model of the
// documented semantics, written from docs/semantics.md and sharing no code
// with lib/:
//   python3 test/Integration/CPU/Inputs/pool_model.py --check-lines \
//     test/Integration/CPU/global-avg.mlir
// pool-model.test checks that these CHECK lines are still its output.
// By hand, each (n, c) averages its four pixels:
//   n=0: c0 (-7 - 2 + 3 + 8) / 4 = 0.5, c1 (13 - 6 - 1 + 4) / 4 = 2.5,
//        c2 (9 + 14 - 5 + 0) / 4 = 4.5
//   n=1: c0 (5 + 10 + 15 - 4) / 4 = 6.5, c1 (1 + 6 + 11 + 16) / 4 = 8.5,
//        c2 (-3 + 2 + 7 + 12) / 4 = 4.5

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  %nchw = arith.constant dense<[[[[-7.0, -2.0], [3.0, 8.0]], [[13.0, -6.0], [-1.0, 4.0]], [[9.0, 14.0], [-5.0, 0.0]]],
                                [[[5.0, 10.0], [15.0, -4.0]], [[1.0, 6.0], [11.0, 16.0]], [[-3.0, 2.0], [7.0, 12.0]]]]> : tensor<2x3x2x2xf32>
  %nhwc = arith.constant dense<[[[[-7.0, 13.0, 9.0], [-2.0, -6.0, 14.0]], [[3.0, -1.0, -5.0], [8.0, 4.0, 0.0]]],
                                [[[5.0, 1.0, -3.0], [10.0, 6.0, 2.0]], [[15.0, 11.0, 7.0], [-4.0, 16.0, 12.0]]]]> : tensor<2x2x2x3xf32>

  %0 = pool.global_avg %nchw {layout = #pool.layout<channels_first>} : tensor<2x3x2x2xf32> -> tensor<2x3xf32>
  %u0 = tensor.cast %0 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 3]
  // CHECK-NEXT: {{\[\[}}0.5, 2.5, 4.5],
  // CHECK-NEXT: [6.5, 8.5, 4.5]]

  %1 = pool.global_avg %nchw {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<2x3x2x2xf32> -> tensor<2x3x1x1xf32>
  %u1 = tensor.cast %1 : tensor<2x3x1x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 3, 1, 1]
  // CHECK-NEXT: {{\[\[\[\[}}0.5]],
  // CHECK-NEXT: {{\[\[}}2.5]],
  // CHECK-NEXT: {{\[\[}}4.5]]],
  // CHECK-NEXT: {{\[\[\[}}6.5]],
  // CHECK-NEXT: {{\[\[}}8.5]],
  // CHECK-NEXT: {{\[\[}}4.5]]]]

  %2 = pool.global_avg %nhwc {layout = #pool.layout<channels_last>} : tensor<2x2x2x3xf32> -> tensor<2x3xf32>
  %u2 = tensor.cast %2 : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 3]
  // CHECK-NEXT: {{\[\[}}0.5, 2.5, 4.5],
  // CHECK-NEXT: [6.5, 8.5, 4.5]]

  %3 = pool.global_avg %nhwc {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x2x2x3xf32> -> tensor<2x1x1x3xf32>
  %u3 = tensor.cast %3 : tensor<2x1x1x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 1, 1, 3]
  // CHECK-NEXT: {{\[\[\[\[}}0.5, 2.5, 4.5]]],
  // CHECK-NEXT: {{\[\[\[}}6.5, 8.5, 4.5]]]]
  return
}
