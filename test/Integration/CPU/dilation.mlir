// Dilated windows: taps `dilation` apart, padding skipped per tap, and
// windows whose taps all land in the padding.
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
//     test/Integration/CPU/dilation.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Checked by hand in the comments.

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  // I=7, k=3, d=2 (span K = 5), padding 2/2, stride 1: O = 7 + 4 - 5 + 1 = 7.
  // Output o reads taps o-2, o, o+2. Channel 0, excluding padding:
  //   o=0: {x0, x2} = (1 + 3) / 2 = 2; o=2: {x0, x2, x4} = 9 / 3 = 3;
  //   o=6: {x4, x6} = (5 + 7) / 2 = 6.
  %x7 = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], [4.0, -3.0, 8.0, 0.0, 6.0, -1.0, 5.0]]]> : tensor<1x2x7xf32>
  %0 = pool.avg %x7 {kernel = array<i64: 3>, strides = array<i64: 1>, dilations = array<i64: 2>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x7xf32> -> tensor<1x2x7xf32>
  %u0 = tensor.cast %0 : tensor<1x2x7xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 7]
  // CHECK-NEXT: {{\[\[\[}}2, 3, 3, 4, 5, 5, 6],
  // CHECK-NEXT: [6, -1.5, 6, -1.33333, 6.33333, -0.5, 5.5]]]

  // Including padding every tap counts (all lie in [-2, 9)): o=0: 4 / 3.
  %1 = pool.avg %x7 {kernel = array<i64: 3>, strides = array<i64: 1>, dilations = array<i64: 2>, padding = array<i64: 2, 2>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x7xf32> -> tensor<1x2x7xf32>
  %u1 = tensor.cast %1 : tensor<1x2x7xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 7]
  // CHECK-NEXT: {{\[\[\[}}1.33333, 2, 3, 4, 5, 3.33333, 4],
  // CHECK-NEXT: [4, -1, 6, -1.33333, 6.33333, -0.333333, 3.66667]]]

  // Channel 1 = [4, -3, 8, 0, 6, -1, 5]: even outputs see the even
  // positions (max 8, 8, 8, then {x4, x6} = 6), odd ones the odd positions.
  %2 = pool.max %x7 {kernel = array<i64: 3>, strides = array<i64: 1>, dilations = array<i64: 2>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x7xf32> -> tensor<1x2x7xf32>
  %u2 = tensor.cast %2 : tensor<1x2x7xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 7]
  // CHECK-NEXT: {{\[\[\[}}3, 4, 5, 6, 7, 6, 7],
  // CHECK-NEXT: [8, 0, 8, 0, 8, 0, 6]]]

  // Default stride = kernel = 3: O = floor((7 + 4 - 5) / 3) + 1 = 3, windows
  // {-2, 0, 2}, {1, 3, 5}, {4, 6, 8}: (1+3)/2 = 2, (2+4+6)/3 = 4, (5+7)/2 = 6.
  %3 = pool.avg %x7 {kernel = array<i64: 3>, dilations = array<i64: 2>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x7xf32> -> tensor<1x2x3xf32>
  %u3 = tensor.cast %3 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}2, 4, 6],
  // CHECK-NEXT: [6, -1.33333, 5.5]]]

  // I=1, k=2, d=3 (K = 4), padding 2/2, stride 1: O = 1 + 4 - 4 + 1 = 2.
  // Taps {-2, 1} and {-1, 2}: none is the input element x0.
  %x1 = arith.constant dense<[[[5.0], [-7.0]]]> : tensor<1x2x1xf32>
  // Max of no element: -inf.
  %4 = pool.max %x1 {kernel = array<i64: 2>, strides = array<i64: 1>, dilations = array<i64: 3>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x1xf32> -> tensor<1x2x2xf32>
  %u4 = tensor.cast %4 : tensor<1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 2]
  // CHECK-NEXT: {{\[\[\[}}-inf, -inf],
  // CHECK-NEXT: [-inf, -inf]]]

  // Excluding padding, no counted tap: 0 (not 0 / 0 = nan).
  %5 = pool.avg %x1 {kernel = array<i64: 2>, strides = array<i64: 1>, dilations = array<i64: 3>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x1xf32> -> tensor<1x2x2xf32>
  %u5 = tensor.cast %5 : tensor<1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 2]
  // CHECK-NEXT: {{\[\[\[}}0, 0],
  // CHECK-NEXT: [0, 0]]]

  // Including padding: both taps lie in [-2, 3), 0 / 2 = 0.
  %6 = pool.avg %x1 {kernel = array<i64: 2>, strides = array<i64: 1>, dilations = array<i64: 3>, padding = array<i64: 2, 2>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x1xf32> -> tensor<1x2x2xf32>
  %u6 = tensor.cast %6 : tensor<1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 2]
  // CHECK-NEXT: {{\[\[\[}}0, 0],
  // CHECK-NEXT: [0, 0]]]

  // 2-D, different dilation per dimension. H: I=5, k=2, d=3 (K = 4),
  // padding 1/1, stride 2: O = 2, row taps {-1, 2} and {1, 4}. W: I=6, k=3,
  // d=2 (K = 5), padding 2/2, stride 1: O = 6, column taps {o-2, o, o+2}.
  //   (0,0): rows {2}, cols {0, 2}: max(7, 18) = 18, avg 12.5, including
  //          padding (7 + 18) / (2 * 3) = 4.16667.
  %x2 = arith.constant dense<[[[[15.0, 25.0, 26.0, 24.0, 20.0, 17.0], [22.0, 3.0, 9.0, 28.0, 6.0, 13.0], [7.0, 27.0, 18.0, 12.0, 1.0, 23.0], [2.0, 29.0, 16.0, 10.0, 0.0, 21.0], [5.0, 4.0, 8.0, 11.0, 19.0, 14.0]]]]> : tensor<1x1x5x6xf32>
  %7 = pool.max %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 1>, dilations = array<i64: 3, 2>, padding = array<i64: 1, 2, 1, 2>, layout = #pool.layout<channels_first>} : tensor<1x1x5x6xf32> -> tensor<1x1x2x6xf32>
  %u7 = tensor.cast %7 : tensor<1x1x2x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 6]
  // CHECK-NEXT: {{\[\[\[\[}}18, 27, 18, 27, 18, 23],
  // CHECK-NEXT: [22, 28, 22, 28, 19, 28]]]]

  %8 = pool.avg %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 1>, dilations = array<i64: 3, 2>, padding = array<i64: 1, 2, 1, 2>, layout = #pool.layout<channels_first>} : tensor<1x1x5x6xf32> -> tensor<1x1x2x6xf32>
  %u8 = tensor.cast %8 : tensor<1x1x2x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 6]
  // CHECK-NEXT: {{\[\[\[\[}}12.5, 19.5, 8.66667, 20.6667, 9.5, 17.5],
  // CHECK-NEXT: [11, 11.5, 11.5, 12.1667, 10.5, 16.5]]]]

  %9 = pool.avg %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 1>, dilations = array<i64: 3, 2>, padding = array<i64: 1, 2, 1, 2>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x1x5x6xf32> -> tensor<1x1x2x6xf32>
  %u9 = tensor.cast %9 : tensor<1x1x2x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 6]
  // CHECK-NEXT: {{\[\[\[\[}}4.16667, 6.5, 4.33333, 10.3333, 3.16667, 5.83333],
  // CHECK-NEXT: [7.33333, 7.66667, 11.5, 12.1667, 7, 11]]]]
  return
}
