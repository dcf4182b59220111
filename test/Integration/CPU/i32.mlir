// Integer max pooling: signed comparison, the extremes of i32, and the
// type's minimum for a window on padding only.
// REQUIRES: mlir-runner
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm=path=affine | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm="threads=2 min-parallel-bytes=0" | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils,%openmp_runtime | \
// RUN: FileCheck %s

// Expected values: printed by an independent pure-Python model of the
// documented semantics, written from docs/semantics.md and sharing no code
// with lib/:
//   python3 test/Integration/CPU/Inputs/pool_model.py --check-lines \
//     test/Integration/CPU/i32.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Checked by hand in the comments. Channel 0 is negative except
// for one 2, so a padding value of 0 would win if padding took part; channel
// 1 holds INT32_MAX and INT32_MIN, which an unsigned comparison would swap.

func.func private @printMemrefI32(tensor<*xi32>) attributes { llvm.emit_c_interface }

func.func @main() {
  %x = arith.constant dense<[[[[-5, -1, -9], [2, -3, -8], [-4, -6, -2]],
                              [[7, 2147483647, 0], [-2147483648, 3, -7], [1, -1, 5]]]]> : tensor<1x2x3x3xi32>

  // 2x2, stride 1, padding 1/1: O = 3 + 2 - 2 + 1 = 4. Corners see one
  // element: (0,0) = -5, (0,3) = -9, (3,0) = -4, (3,3) = -2.
  %0 = pool.max %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x3x3xi32> -> tensor<1x2x4x4xi32>
  %u0 = tensor.cast %0 : tensor<1x2x4x4xi32> to tensor<*xi32>
  call @printMemrefI32(%u0) : (tensor<*xi32>) -> ()
  // CHECK: sizes = [1, 2, 4, 4]
  // CHECK-NEXT: {{\[\[\[\[}}-5, -1, -1, -9],
  // CHECK-NEXT: [2, 2, -1, -8],
  // CHECK-NEXT: [2, 2, -2, -2],
  // CHECK-NEXT: [-4, -4, -2, -2]],
  // CHECK-NEXT: {{\[\[}}7, 2147483647, 2147483647, 0],
  // CHECK-NEXT: [7, 2147483647, 2147483647, 0],
  // CHECK-NEXT: [1, 3, 5, 5],
  // CHECK-NEXT: [1, 1, 5, 5]]]]

  %1 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<1x2x3x3xi32> -> tensor<1x2xi32>
  %u1 = tensor.cast %1 : tensor<1x2xi32> to tensor<*xi32>
  call @printMemrefI32(%u1) : (tensor<*xi32>) -> ()
  // CHECK: sizes = [1, 2]
  // CHECK-NEXT: {{\[\[}}2, 2147483647]]

  %2 = pool.global_max %x {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<1x2x3x3xi32> -> tensor<1x2x1x1xi32>
  %u2 = tensor.cast %2 : tensor<1x2x1x1xi32> to tensor<*xi32>
  call @printMemrefI32(%u2) : (tensor<*xi32>) -> ()
  // CHECK: sizes = [1, 2, 1, 1]
  // CHECK-NEXT: {{\[\[\[\[}}2]],
  // CHECK-NEXT: {{\[\[}}2147483647]]]]

  // Adaptive 3x3 -> 2x2: bins [0,2) [1,3) in both dimensions.
  //   c0 (1,1): max(-3, -8, -6, -2) = -2; c1 (1,0): max(INT32_MIN, 3, 1, -1) = 3.
  %3 = pool.adaptive_max %x {output_size = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x3x3xi32> -> tensor<1x2x2x2xi32>
  %u3 = tensor.cast %3 : tensor<1x2x2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%u3) : (tensor<*xi32>) -> ()
  // CHECK: sizes = [1, 2, 2, 2]
  // CHECK-NEXT: {{\[\[\[\[}}2, -1],
  // CHECK-NEXT: [2, -2]],
  // CHECK-NEXT: {{\[\[}}2147483647, 2147483647],
  // CHECK-NEXT: [3, 5]]]]

  // NHWC, 2x2, stride 2, same_lower: O = 2, P = 2 + 2 - 3 = 1 at the
  // beginning; windows {-1, 0} and {1, 2} in both dimensions.
  //   (0,0): only x(0,0): c0 -5, c1 7.
  %xl = arith.constant dense<[[[[-5, 7], [-1, 2147483647], [-9, 0]], [[2, -2147483648], [-3, 3], [-8, -7]], [[-4, 1], [-6, -1], [-2, 5]]]]> : tensor<1x3x3x2xi32>
  %4 = pool.max %xl {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<1x3x3x2xi32> -> tensor<1x2x2x2xi32>
  %u4 = tensor.cast %4 : tensor<1x2x2x2xi32> to tensor<*xi32>
  call @printMemrefI32(%u4) : (tensor<*xi32>) -> ()
  // CHECK: sizes = [1, 2, 2, 2]
  // CHECK-NEXT: {{\[\[\[\[}}-5, 7],
  // CHECK-NEXT: [-1, 2147483647]],
  // CHECK-NEXT: {{\[\[}}2, 1],
  // CHECK-NEXT: [-2, 5]]]]

  // A window on padding only (I=1, k=2, d=3, padding 2/2, stride 1: taps
  // {-2, 1} and {-1, 2}): the i32 minimum.
  %x1 = arith.constant dense<[[[42]]]> : tensor<1x1x1xi32>
  %5 = pool.max %x1 {kernel = array<i64: 2>, strides = array<i64: 1>, dilations = array<i64: 3>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x1x1xi32> -> tensor<1x1x2xi32>
  %u5 = tensor.cast %5 : tensor<1x1x2xi32> to tensor<*xi32>
  call @printMemrefI32(%u5) : (tensor<*xi32>) -> ()
  // CHECK: sizes = [1, 1, 2]
  // CHECK-NEXT: {{\[\[\[}}-2147483648, -2147483648]]]
  return
}
