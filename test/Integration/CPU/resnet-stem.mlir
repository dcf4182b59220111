// The ResNet stem max pool (3x3, stride 2, padding 1) on a 6x6 image with two
// channels, in NCHW and in NHWC (the same data transposed).
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

// Inputs: a shuffled permutation of 0..71, so every maximum is unique.
// Expected values: printed by an independent pure-Python model of the
// documented semantics, written from docs/semantics.md and sharing no code
// with lib/:
//   python3 test/Integration/CPU/Inputs/pool_model.py --check-lines \
//     test/Integration/CPU/resnet-stem.mlir
// pool-model.test checks that these CHECK lines are still its output.
// O = floor((6 + 1 + 1 - 3) / 2) + 1 = 3, windows start at rows
// and columns -1, 1, 3. By hand, channel 0:
//   (0,0): rows 0-1, cols 0-1: max(54, 42, 0, 16) = 54
//   (0,1): rows 0-1, cols 1-3: max(42, 32, 66, 16, 21, 24) = 66
//   (1,1): rows 1-3, cols 1-3: max(16, 21, 24, 34, 33, 10, 1, 28, 39) = 39
//   (2,2): rows 3-5, cols 3-5: max(39, 22, 17, 20, 29, 44, 69, 67, 59) = 69

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  %nchw = arith.constant dense<[[[[54.0, 42.0, 32.0, 66.0, 43.0, 23.0], [0.0, 16.0, 21.0, 24.0, 58.0, 56.0], [47.0, 34.0, 33.0, 10.0, 13.0, 57.0], [38.0, 1.0, 28.0, 39.0, 22.0, 17.0], [30.0, 31.0, 68.0, 20.0, 29.0, 44.0], [71.0, 11.0, 70.0, 69.0, 67.0, 59.0]],
                                 [[18.0, 8.0, 55.0, 62.0, 49.0, 45.0], [25.0, 65.0, 51.0, 53.0, 37.0, 48.0], [40.0, 14.0, 64.0, 36.0, 52.0, 3.0], [60.0, 35.0, 61.0, 15.0, 4.0, 26.0], [63.0, 5.0, 2.0, 27.0, 7.0, 46.0], [12.0, 9.0, 6.0, 50.0, 19.0, 41.0]]]]> : tensor<1x2x6x6xf32>
  %0 = pool.max %nchw {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  %u0 = tensor.cast %0 : tensor<1x2x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3, 3]
  // CHECK-NEXT: {{\[\[\[\[}}54, 66, 66],
  // CHECK-NEXT: [47, 39, 58],
  // CHECK-NEXT: [71, 70, 69]],
  // CHECK-NEXT: {{\[\[}}65, 65, 62],
  // CHECK-NEXT: [65, 65, 53],
  // CHECK-NEXT: [63, 61, 50]]]]

  %nhwc = arith.constant dense<[[[[54.0, 18.0], [42.0, 8.0], [32.0, 55.0], [66.0, 62.0], [43.0, 49.0], [23.0, 45.0]], [[0.0, 25.0], [16.0, 65.0], [21.0, 51.0], [24.0, 53.0], [58.0, 37.0], [56.0, 48.0]], [[47.0, 40.0], [34.0, 14.0], [33.0, 64.0], [10.0, 36.0], [13.0, 52.0], [57.0, 3.0]],
                                 [[38.0, 60.0], [1.0, 35.0], [28.0, 61.0], [39.0, 15.0], [22.0, 4.0], [17.0, 26.0]], [[30.0, 63.0], [31.0, 5.0], [68.0, 2.0], [20.0, 27.0], [29.0, 7.0], [44.0, 46.0]], [[71.0, 12.0], [11.0, 9.0], [70.0, 6.0], [69.0, 50.0], [67.0, 19.0], [59.0, 41.0]]]]> : tensor<1x6x6x2xf32>
  %1 = pool.max %nhwc {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x6x6x2xf32> -> tensor<1x3x3x2xf32>
  %u1 = tensor.cast %1 : tensor<1x3x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // The NCHW result above, transposed.
  // CHECK: sizes = [1, 3, 3, 2]
  // CHECK-NEXT: {{\[\[\[\[}}54, 65],
  // CHECK-NEXT: [66, 65],
  // CHECK-NEXT: [66, 62]],
  // CHECK-NEXT: {{\[\[}}47, 65],
  // CHECK-NEXT: [39, 65],
  // CHECK-NEXT: [58, 53]],
  // CHECK-NEXT: {{\[\[}}71, 63],
  // CHECK-NEXT: [70, 61],
  // CHECK-NEXT: [69, 50]]]]
  return
}
