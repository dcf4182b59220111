// NaN and infinities: NaN propagates through every maximum wherever it sits
// in the window (not maxnum semantics), -inf inputs stay -inf, and averages
// follow IEEE arithmetic (inf - inf = nan).
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
//     test/Integration/CPU/nan-inf.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Checked by hand in the comments. The sign of a NaN is not
// specified, so both nan and -nan are accepted.
//   c0 = [1, nan, 3, 4, nan, 6]   (NaN as the last and as the first tap)
//   c1 = [-inf, -inf, 2, -inf, inf, 7]
//   c2 = [5, -2, 8, 0, -1, 3]

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  %x = arith.constant dense<[[[1.0, 0x7FC00000, 3.0, 4.0, 0x7FC00000, 6.0], [0xFF800000, 0xFF800000, 2.0, 0xFF800000, 0x7F800000, 7.0], [5.0, -2.0, 8.0, 0.0, -1.0, 3.0]]]> : tensor<1x3x6xf32>

  // k=2: windows {0,1} {2,3} {4,5}. c0: max(1, nan) = nan, 4,
  // max(nan, 6) = nan; c1: max(-inf, -inf) = -inf, 2, inf.
  %0 = pool.max %x {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3x3xf32>
  %u0 = tensor.cast %0 : tensor<1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 3]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, 4, {{-?nan}}],
  // CHECK-NEXT: [-inf, 2, inf],
  // CHECK-NEXT: [5, 8, 3]]]

  // k=3, s=2, padding 1/1: windows {-1,0,1} {1,2,3} {3,4,5}; every c0
  // window holds a NaN; c1's first window is -inf and padding: -inf.
  %1 = pool.max %x {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3x3xf32>
  %u1 = tensor.cast %1 : tensor<1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 3]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, {{-?nan}}, {{-?nan}}],
  // CHECK-NEXT: [-inf, 2, inf],
  // CHECK-NEXT: [5, 8, 3]]]

  // Averages, k=2: c0 nan, (3 + 4) / 2 = 3.5, nan;
  // c1 -inf, (2 - inf) / 2 = -inf, (inf + 7) / 2 = inf.
  %2 = pool.avg %x {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3x3xf32>
  %u2 = tensor.cast %2 : tensor<1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 3]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, 3.5, {{-?nan}}],
  // CHECK-NEXT: [-inf, -inf, inf],
  // CHECK-NEXT: [1.5, 4, 1]]]

  // k=3, s=2, padding 1/1, excluding padding: c1's last window
  // (-inf + inf + 7) / 3 = nan; c2: (5 - 2) / 2 = 1.5, (-2 + 8 + 0) / 3 = 2,
  // (0 - 1 + 3) / 3 = 0.666667.
  %3 = pool.avg %x {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3x3xf32>
  %u3 = tensor.cast %3 : tensor<1x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 3]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, {{-?nan}}, {{-?nan}}],
  // CHECK-NEXT: [-inf, -inf, {{-?nan}}],
  // CHECK-NEXT: [1.5, 2, 0.666667]]]

  %4 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3xf32>
  %u4 = tensor.cast %4 : tensor<1x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3]
  // CHECK-NEXT: {{\[\[}}{{-?nan}}, inf, 8]]

  // c2: (5 - 2 + 8 + 0 - 1 + 3) / 6 = 2.16667.
  %5 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3xf32>
  %u5 = tensor.cast %5 : tensor<1x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3]
  // CHECK-NEXT: {{\[\[}}{{-?nan}}, {{-?nan}}, 2.16667]]

  // Adaptive 6 -> 5 (6 -> 3 would become the k=2 max above): bins [0,2)
  // [1,3) [2,4) [3,5) [4,6); c0: nan, nan, max(3, 4) = 4, nan, nan.
  %6 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3x5xf32>
  %u6 = tensor.cast %6 : tensor<1x3x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 5]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, {{-?nan}}, 4, {{-?nan}}, {{-?nan}}],
  // CHECK-NEXT: [-inf, 2, 2, inf, inf],
  // CHECK-NEXT: [5, 8, 8, 0, 3]]]

  // Adaptive 6 -> 4: bins [0,2) [1,3) [3,5) [4,6), each c0 bin holds a NaN.
  %7 = pool.adaptive_max %x {output_size = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x3x6xf32> -> tensor<1x3x4xf32>
  %u7 = tensor.cast %7 : tensor<1x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 4]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, {{-?nan}}, {{-?nan}}, {{-?nan}}],
  // CHECK-NEXT: [-inf, 2, inf, inf],
  // CHECK-NEXT: [5, 8, 0, 3]]]

  // NHWC 1x2x3x2: channel 0 all -inf, channel 1 = [[1, 2, nan], [4, 5, 6]].
  %y = arith.constant dense<[[[[0xFF800000, 1.0], [0xFF800000, 2.0], [0xFF800000, 0x7FC00000]], [[0xFF800000, 4.0], [0xFF800000, 5.0], [0xFF800000, 6.0]]]]> : tensor<1x2x3x2xf32>
  %8 = pool.global_max %y {layout = #pool.layout<channels_last>} : tensor<1x2x3x2xf32> -> tensor<1x2xf32>
  %u8 = tensor.cast %8 : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2]
  // CHECK-NEXT: {{\[\[}}-inf, {{-?nan}}]]

  // Adaptive 2x3 -> 1x2: row bin [0,2), column bins [0,2) [1,3);
  // c1: max(1, 2, 4, 5) = 5, max(2, nan, 5, 6) = nan.
  %9 = pool.adaptive_max %y {output_size = array<i64: 1, 2>, layout = #pool.layout<channels_last>} : tensor<1x2x3x2xf32> -> tensor<1x1x2x2xf32>
  %u9 = tensor.cast %9 : tensor<1x1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 2]
  // CHECK-NEXT: {{\[\[\[\[}}-inf, 5],
  // CHECK-NEXT: [-inf, {{-?nan}}]]]]

  // The same windows as a local 2x2 stride-1 max over 2 channels: the
  // flattened-rows plan of few channels (FlatChannels.cpp) under auto.
  %10 = pool.max %y {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x2x3x2xf32> -> tensor<1x1x2x2xf32>
  %u10 = tensor.cast %10 : tensor<1x1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 2]
  // CHECK-NEXT: {{\[\[\[\[}}-inf, 5],
  // CHECK-NEXT: [-inf, {{-?nan}}]]]]
  return
}
