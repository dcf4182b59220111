// Pooling on fully dynamic shapes: output sizes, same_upper padding, ceil
// mode, include-pad divisors and adaptive bins are computed at run time.
// Each function is called on two inputs of different sizes.
// REQUIRES: mlir-runner
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm=path=affine | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm="threads=0 min-parallel-bytes=0" | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils,%openmp_runtime | \
// RUN: FileCheck %s

// Expected values: printed by an independent pure-Python model of the
// documented semantics, written from docs/semantics.md and sharing no code
// with lib/:
//   python3 test/Integration/CPU/Inputs/pool_model.py --check-lines \
//     test/Integration/CPU/dynamic.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Checked by hand in the comments.

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @max_2d_nchw_dynamic_same_upper(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

func.func @avg_2d_nchw_dynamic_ceil_include_pad(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

func.func @adaptive_avg_2d_nchw_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 2, 3>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

func.func @global_avg_2d_nchw_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

func.func @main() {
  // 1x1x5x5 (a shuffled 0..24).
  %a = arith.constant dense<[[[[3.0, 19.0, 16.0, 12.0, 0.0], [22.0, 4.0, 7.0, 13.0, 15.0], [18.0, 21.0, 14.0, 10.0, 17.0], [20.0, 24.0, 6.0, 8.0, 9.0], [5.0, 11.0, 23.0, 2.0, 1.0]]]]> : tensor<1x1x5x5xf32>
  // 2x1x4x6 (a shuffled 0..47).
  %b = arith.constant dense<[[[[12.0, 16.0, 40.0, 43.0, 7.0, 34.0], [39.0, 47.0, 27.0, 21.0, 32.0, 10.0], [46.0, 31.0, 13.0, 2.0, 11.0, 36.0], [42.0, 29.0, 38.0, 22.0, 28.0, 20.0]]],
                             [[[0.0, 45.0, 8.0, 37.0, 26.0, 41.0], [24.0, 17.0, 23.0, 33.0, 14.0, 3.0], [18.0, 35.0, 44.0, 1.0, 4.0, 5.0], [9.0, 30.0, 25.0, 6.0, 19.0, 15.0]]]]> : tensor<2x1x4x6xf32>
  %da = tensor.cast %a : tensor<1x1x5x5xf32> to tensor<?x?x?x?xf32>
  %db = tensor.cast %b : tensor<2x1x4x6xf32> to tensor<?x?x?x?xf32>

  // same_upper, k=3, s=2. 5x5: O = 3, P = 2 * 2 + 3 - 5 = 2, padding 1/1;
  // (0,0) = max(3, 19, 22, 4) = 22.
  %0 = call @max_2d_nchw_dynamic_same_upper(%da) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u0 = tensor.cast %0 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 3, 3]
  // CHECK-NEXT: {{\[\[\[\[}}22, 19, 15],
  // CHECK-NEXT: [24, 24, 17],
  // CHECK-NEXT: [24, 24, 9]]]]

  // 4x6: H O = 2, P = 1 (padding 0/1); W O = 3, P = 1 (padding 0/1).
  // n=0 (1,2): rows 2-3, cols 4-5: max(11, 36, 28, 20) = 36.
  %1 = call @max_2d_nchw_dynamic_same_upper(%db) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u1 = tensor.cast %1 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 1, 2, 3]
  // CHECK-NEXT: {{\[\[\[\[}}47, 43, 36],
  // CHECK-NEXT: [46, 38, 36]]],
  // CHECK-NEXT: {{\[\[\[}}45, 44, 41],
  // CHECK-NEXT: [44, 44, 19]]]]

  // k=3, s=2, padding 1/1, ceil, including padding. 5x5: O = 3, windows
  // {-1,0,1} {1,2,3} {3,4,5}, all taps in [-1, 6): divisor 9.
  // (0,0) = (3 + 19 + 22 + 4) / 9 = 5.33333.
  %2 = call @avg_2d_nchw_dynamic_ceil_include_pad(%da) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u2 = tensor.cast %2 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 3, 3]
  // CHECK-NEXT: {{\[\[\[\[}}5.33333, 7.88889, 4.44444],
  // CHECK-NEXT: [12.1111, 11.8889, 8],
  // CHECK-NEXT: [6.66667, 8.22222, 2.22222]]]]

  // 4x6: H O = 3, last rows {3, 4, 5} count 2 (row 5 is overhang); W O = 4
  // (floor mode: 3), last columns {5, 6, 7} count 2.
  // n=0: (0,3) = (34 + 10) / (3 * 2) = 7.33333, (2,0) = (42 + 29) / (2 * 3)
  // = 11.8333, (2,3) = 20 / (2 * 2) = 5.
  %3 = call @avg_2d_nchw_dynamic_ceil_include_pad(%db) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u3 = tensor.cast %3 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 1, 3, 4]
  // CHECK-NEXT: {{\[\[\[\[}}12.6667, 21.5556, 16.3333, 7.33333],
  // CHECK-NEXT: [26, 25.5556, 20.2222, 11],
  // CHECK-NEXT: [11.8333, 14.8333, 11.6667, 5]]],
  // CHECK-NEXT: {{\[\[\[}}9.55556, 18.1111, 17.1111, 7.33333],
  // CHECK-NEXT: [14.7778, 23.7778, 11.1111, 3.83333],
  // CHECK-NEXT: [6.5, 10.1667, 6.66667, 3.75]]]]

  // Adaptive (2, 3). 5x5: row bins [0,3) [2,5), column bins [0,2) [1,4)
  // [3,5); (0,0) = (3 + 19 + 22 + 4 + 18 + 21) / 6 = 14.5.
  %4 = call @adaptive_avg_2d_nchw_dynamic(%da) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u4 = tensor.cast %4 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 3]
  // CHECK-NEXT: {{\[\[\[\[}}14.5, 12.8889, 11.1667],
  // CHECK-NEXT: [16.5, 13.2222, 7.83333]]]]

  // 4x6: bins [0,2) [2,4) and [0,2) [2,4) [4,6);
  // n=0 (0,0) = (12 + 16 + 39 + 47) / 4 = 28.5.
  %5 = call @adaptive_avg_2d_nchw_dynamic(%db) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u5 = tensor.cast %5 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 1, 2, 3]
  // CHECK-NEXT: {{\[\[\[\[}}28.5, 32.75, 20.75],
  // CHECK-NEXT: [37, 18.75, 23.75]]],
  // CHECK-NEXT: {{\[\[\[}}21.5, 25.25, 21],
  // CHECK-NEXT: [23, 19, 10.75]]]]

  // 5x5: (0 + 1 + ... + 24) / 25 = 12.
  %6 = call @global_avg_2d_nchw_dynamic(%da) : (tensor<?x?x?x?xf32>) -> tensor<?x?xf32>
  %u6 = tensor.cast %6 : tensor<?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1]
  // CHECK-NEXT: {{\[\[}}12]]

  // 4x6: n=0 646 / 24 = 26.9167, n=1 482 / 24 = 20.0833.
  %7 = call @global_avg_2d_nchw_dynamic(%db) : (tensor<?x?x?x?xf32>) -> tensor<?x?xf32>
  %u7 = tensor.cast %7 : tensor<?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 1]
  // CHECK-NEXT: {{\[\[}}26.9167],
  // CHECK-NEXT: [20.0833]]
  return
}
