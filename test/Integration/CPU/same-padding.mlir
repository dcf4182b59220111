// auto_pad same_upper (Keras/TF 'same') and same_lower (ONNX SAME_LOWER) with
// an odd total padding: the odd element goes to the end or the beginning.
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
//     test/Integration/CPU/same-padding.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Checked by hand in the comments.

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  // I=4, k=2, s=1: O = 4, P = 3 * 1 + 2 - 4 = 1.
  // same_upper: padding 0/1, windows {0,1} {1,2} {2,3} {3,4}.
  // same_lower: padding 1/0, windows {-1,0} {0,1} {1,2} {2,3}.
  %x4 = arith.constant dense<[[[3.0, 1.0, 4.0, 2.0], [-2.0, 6.0, 0.0, 5.0]]]> : tensor<1x2x4xf32>

  %0 = pool.max %x4 {kernel = array<i64: 2>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x2x4xf32> -> tensor<1x2x4xf32>
  %u0 = tensor.cast %0 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}3, 4, 4, 2],
  // CHECK-NEXT: [6, 6, 5, 5]]]

  %1 = pool.max %x4 {kernel = array<i64: 2>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<1x2x4xf32> -> tensor<1x2x4xf32>
  %u1 = tensor.cast %1 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}3, 3, 4, 4],
  // CHECK-NEXT: [-2, 6, 6, 5]]]

  // Excluding padding: upper (3+1)/2 = 2, 2.5, 3, 2/1 = 2.
  %2 = pool.avg %x4 {kernel = array<i64: 2>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x2x4xf32> -> tensor<1x2x4xf32>
  %u2 = tensor.cast %2 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}2, 2.5, 3, 2],
  // CHECK-NEXT: [2, 3, 2.5, 5]]]

  // lower: 3/1 = 3, (3+1)/2 = 2, 2.5, 3.
  %3 = pool.avg %x4 {kernel = array<i64: 2>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<1x2x4xf32> -> tensor<1x2x4xf32>
  %u3 = tensor.cast %3 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}3, 2, 2.5, 3],
  // CHECK-NEXT: [-2, 2, 3, 2.5]]]

  // Including padding the one-element windows divide by 2: upper 2/2 = 1,
  // lower 3/2 = 1.5.
  %4 = pool.avg %x4 {kernel = array<i64: 2>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_upper>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x4xf32> -> tensor<1x2x4xf32>
  %u4 = tensor.cast %4 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}2, 2.5, 3, 1],
  // CHECK-NEXT: [2, 3, 2.5, 2.5]]]

  %5 = pool.avg %x4 {kernel = array<i64: 2>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_lower>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x4xf32> -> tensor<1x2x4xf32>
  %u5 = tensor.cast %5 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}1.5, 2, 2.5, 3],
  // CHECK-NEXT: [-1, 2, 3, 2.5]]]

  // Stride 2 on I=5, k=2: O = ceil(5 / 2) = 3, P = 2 * 2 + 2 - 5 = 1.
  // same_upper: windows {0,1} {2,3} {4,5}; same_lower: {-1,0} {1,2} {3,4}.
  %x5 = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 7.0, 1.0, 8.0, 3.0]]]> : tensor<1x2x5xf32>

  %6 = pool.max %x5 {kernel = array<i64: 2>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u6 = tensor.cast %6 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}2, 4, 5],
  // CHECK-NEXT: [7, 8, 3]]]

  %7 = pool.max %x5 {kernel = array<i64: 2>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u7 = tensor.cast %7 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1, 3, 5],
  // CHECK-NEXT: [2, 7, 8]]]

  // upper: 1.5, 3.5, 5/1 = 5; lower: 1/1 = 1, 2.5, 4.5.
  %8 = pool.avg %x5 {kernel = array<i64: 2>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u8 = tensor.cast %8 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1.5, 3.5, 5],
  // CHECK-NEXT: [4.5, 4.5, 3]]]

  %9 = pool.avg %x5 {kernel = array<i64: 2>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u9 = tensor.cast %9 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1, 2.5, 4.5],
  // CHECK-NEXT: [2, 4, 5.5]]]

  // k=3, s=2 on I=5: P = 2 * 2 + 3 - 5 = 2 is even, padding 1/1 for both
  // modes; including padding: (0+1+2)/3 = 1, (2+3+4)/3 = 3, (4+5+0)/3 = 3.
  %10 = pool.avg %x5 {kernel = array<i64: 3>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_lower>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u10 = tensor.cast %10 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1, 3, 3],
  // CHECK-NEXT: [3, 5.33333, 3.66667]]]

  // 2-D NHWC 1x5x4x2, kernel 2x3, strides 2x1: H as above (O = 3, P = 1),
  // W: O = 4, P = 3 + 3 - 4 = 2, padding 1/1 in both modes.
  // same_upper (0,0,c0): rows {0,1}, cols {0,1}: max(23, 4, 21, 14) = 23,
  //   avg (23 + 4 + 21 + 14) / 4 = 15.5.
  // same_lower (0,0,c0): row {0}, cols {0,1}: max(23, 4) = 23, avg 13.5.
  %x2 = arith.constant dense<[[[[23.0, 24.0], [4.0, 19.0], [38.0, 20.0], [34.0, 31.0]], [[21.0, 9.0], [14.0, 35.0], [37.0, 28.0], [2.0, 25.0]], [[5.0, 8.0], [13.0, 6.0], [0.0, 26.0], [18.0, 30.0]], [[17.0, 12.0], [7.0, 27.0], [36.0, 11.0], [32.0, 10.0]], [[3.0, 15.0], [29.0, 1.0], [33.0, 22.0], [16.0, 39.0]]]]> : tensor<1x5x4x2xf32>

  %11 = pool.max %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<1x5x4x2xf32> -> tensor<1x3x4x2xf32>
  %u11 = tensor.cast %11 : tensor<1x3x4x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u11) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 4, 2]
  // CHECK-NEXT: {{\[\[\[\[}}23, 35],
  // CHECK-NEXT: [38, 35],
  // CHECK-NEXT: [38, 35],
  // CHECK-NEXT: [38, 31]],
  // CHECK-NEXT: {{\[\[}}17, 27],
  // CHECK-NEXT: [36, 27],
  // CHECK-NEXT: [36, 30],
  // CHECK-NEXT: [36, 30]],
  // CHECK-NEXT: {{\[\[}}29, 15],
  // CHECK-NEXT: [33, 22],
  // CHECK-NEXT: [33, 39],
  // CHECK-NEXT: [33, 39]]]]

  %12 = pool.avg %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<1x5x4x2xf32> -> tensor<1x3x4x2xf32>
  %u12 = tensor.cast %12 : tensor<1x3x4x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u12) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 4, 2]
  // CHECK-NEXT: {{\[\[\[\[}}15.5, 21.75],
  // CHECK-NEXT: [22.8333, 22.5],
  // CHECK-NEXT: [21.5, 26.3333],
  // CHECK-NEXT: [27.75, 26]],
  // CHECK-NEXT: {{\[\[}}10.5, 13.25],
  // CHECK-NEXT: [13, 15],
  // CHECK-NEXT: [17.6667, 18.3333],
  // CHECK-NEXT: [21.5, 19.25]],
  // CHECK-NEXT: {{\[\[}}16, 8],
  // CHECK-NEXT: [21.6667, 12.6667],
  // CHECK-NEXT: [26, 20.6667],
  // CHECK-NEXT: [24.5, 30.5]]]]

  %13 = pool.max %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 1>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<1x5x4x2xf32> -> tensor<1x3x4x2xf32>
  %u13 = tensor.cast %13 : tensor<1x3x4x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u13) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 4, 2]
  // CHECK-NEXT: {{\[\[\[\[}}23, 24],
  // CHECK-NEXT: [38, 24],
  // CHECK-NEXT: [38, 31],
  // CHECK-NEXT: [38, 31]],
  // CHECK-NEXT: {{\[\[}}21, 35],
  // CHECK-NEXT: [37, 35],
  // CHECK-NEXT: [37, 35],
  // CHECK-NEXT: [37, 30]],
  // CHECK-NEXT: {{\[\[}}29, 27],
  // CHECK-NEXT: [36, 27],
  // CHECK-NEXT: [36, 39],
  // CHECK-NEXT: [36, 39]]]]

  %14 = pool.avg %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 1>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<1x5x4x2xf32> -> tensor<1x3x4x2xf32>
  %u14 = tensor.cast %14 : tensor<1x3x4x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u14) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 4, 2]
  // CHECK-NEXT: {{\[\[\[\[}}13.5, 21.5],
  // CHECK-NEXT: [21.6667, 21],
  // CHECK-NEXT: [25.3333, 23.3333],
  // CHECK-NEXT: [36, 25.5]],
  // CHECK-NEXT: {{\[\[}}13.25, 14.5],
  // CHECK-NEXT: [15, 18.6667],
  // CHECK-NEXT: [14, 25],
  // CHECK-NEXT: [14.25, 27.25]],
  // CHECK-NEXT: {{\[\[}}14, 13.75],
  // CHECK-NEXT: [20.8333, 14.6667],
  // CHECK-NEXT: [25.5, 18.3333],
  // CHECK-NEXT: [29.25, 20.5]]]]
  return
}
