// ceil_mode: the extra window, the rule that drops a window starting in the
// end padding, and averages whose divisor never counts the overhang past the
// end padding (PyTorch MaxPool/AvgPool with ceil_mode=True).
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
//     test/Integration/CPU/ceil-mode.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Checked by hand in the comments. Channel 0 of each input is
// 1, 2, 3, ... for readable arithmetic; channel 1 is scrambled.

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  %x5 = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 7.0, 1.0, 8.0, 3.0]]]> : tensor<1x2x5xf32>
  %x6 = arith.constant dense<[[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [5.0, 2.0, 9.0, 6.0, 1.0, 4.0]]]> : tensor<1x2x6xf32>

  // I=5, k=2, s=2, no padding: O = floor((5 - 2 + 1) / 2) + 1 = 3 (floor
  // mode: 2); the third window [4, 6) holds x[4] only.
  %0 = pool.max %x5 {kernel = array<i64: 2>, strides = array<i64: 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u0 = tensor.cast %0 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}2, 4, 5],
  // CHECK-NEXT: [7, 8, 3]]]

  // Same windows, count_include_pad = true: there is no end padding, so the
  // overhang x[5] does not count: the third average is 5 / 1 = 5.
  %1 = pool.avg %x5 {kernel = array<i64: 2>, strides = array<i64: 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u1 = tensor.cast %1 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1.5, 3.5, 5],
  // CHECK-NEXT: [4.5, 4.5, 3]]]

  // I=5, k=2, s=2, padding 1/1: floor((5 + 2 - 2 + 1) / 2) + 1 = 4, but the
  // fourth window would start at 3 * 2 - 1 = 5 >= I: it is dropped, O = 3.
  // Windows {-1, 0}, {1, 2}, {3, 4}.
  %2 = pool.max %x5 {kernel = array<i64: 2>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u2 = tensor.cast %2 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1, 3, 5],
  // CHECK-NEXT: [2, 7, 8]]]

  // I=5, k=3, s=2, padding 1/1: O = floor((5 + 2 - 3 + 1) / 2) + 1 = 3 (as
  // in floor mode). Windows {-1,0,1}, {1,2,3}, {3,4,5}; padded input [-1, 6).
  // Including padding: (0+1+2)/3 = 1, (2+3+4)/3 = 3, (4+5+0)/3 = 3.
  %3 = pool.avg %x5 {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u3 = tensor.cast %3 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1, 3, 3],
  // CHECK-NEXT: [3, 5.33333, 3.66667]]]

  // Excluding padding: (1+2)/2 = 1.5, (2+3+4)/3 = 3, (4+5)/2 = 4.5.
  %4 = pool.avg %x5 {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u4 = tensor.cast %4 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}1.5, 3, 4.5],
  // CHECK-NEXT: [4.5, 5.33333, 5.5]]]

  // I=6, k=3, s=2, padding 1/1: O = floor((6 + 2 - 3 + 1) / 2) + 1 = 4
  // (floor mode: 3); the last window {5, 6, 7} starts inside the input.
  %5 = pool.max %x6 {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x2x6xf32> -> tensor<1x2x4xf32>
  %u5 = tensor.cast %5 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}2, 4, 6, 6],
  // CHECK-NEXT: [5, 9, 6, 4]]]

  // Including padding, padded input [-1, 7): the last window counts x[5] and
  // the end padding x[6], not the overhang x[7]: 6 / 2 = 3 (channel 1:
  // 4 / 2 = 2). Others: (0+1+2)/3 = 1, (2+3+4)/3 = 3, (4+5+6)/3 = 5.
  %6 = pool.avg %x6 {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x6xf32> -> tensor<1x2x4xf32>
  %u6 = tensor.cast %6 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}1, 3, 5, 3],
  // CHECK-NEXT: [2.33333, 5.66667, 3.66667, 2]]]

  // Excluding padding: (1+2)/2 = 1.5, 3, 5, 6/1 = 6.
  %7 = pool.avg %x6 {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x2x6xf32> -> tensor<1x2x4xf32>
  %u7 = tensor.cast %7 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}1.5, 3, 5, 6],
  // CHECK-NEXT: [3.5, 5.66667, 3.66667, 4]]]

  // 2-D, both cases at once: H (I=5, k=2, padding 1/1) drops to 3 windows,
  // W (I=6, k=3, padding 1/1) gains a fourth. Row windows {-1,0} {1,2}
  // {3,4}, column windows {-1,0,1} {1,2,3} {3,4,5} {5,6,7}.
  %x2 = arith.constant dense<[[[[19.0, 9.0, 13.0, 12.0, 22.0, 11.0], [28.0, 7.0, 21.0, 0.0, 10.0, 8.0], [1.0, 2.0, 4.0, 26.0, 3.0, 20.0], [15.0, 23.0, 5.0, 6.0, 18.0, 16.0], [25.0, 29.0, 24.0, 17.0, 27.0, 14.0]]]]> : tensor<1x1x5x6xf32>
  %8 = pool.max %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x5x6xf32> -> tensor<1x1x3x4xf32>
  %u8 = tensor.cast %8 : tensor<1x1x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 3, 4]
  // CHECK-NEXT: {{\[\[\[\[}}19, 13, 22, 11],
  // CHECK-NEXT: [28, 26, 26, 20],
  // CHECK-NEXT: [29, 29, 27, 16]]]]

  // Including padding, divisor = rows counted * columns counted:
  //   (0,0): (19 + 9) / (2 * 3) = 4.66667; (0,3): 11 / (2 * 2) = 2.75;
  //   (2,3): (16 + 14) / (2 * 2) = 7.5.
  %9 = pool.avg %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x1x5x6xf32> -> tensor<1x1x3x4xf32>
  %u9 = tensor.cast %9 : tensor<1x1x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 3, 4]
  // CHECK-NEXT: {{\[\[\[\[}}4.66667, 5.66667, 7.5, 2.75],
  // CHECK-NEXT: [6.33333, 10, 11.1667, 7],
  // CHECK-NEXT: [15.3333, 17.3333, 16.3333, 7.5]]]]

  // Excluding padding: (0,0): (19 + 9) / 2 = 14; (0,3): 11 / 1 = 11;
  // (2,3): (16 + 14) / 2 = 15.
  %10 = pool.avg %x2 {kernel = array<i64: 2, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x5x6xf32> -> tensor<1x1x3x4xf32>
  %u10 = tensor.cast %10 : tensor<1x1x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 3, 4]
  // CHECK-NEXT: {{\[\[\[\[}}14, 11.3333, 15, 11],
  // CHECK-NEXT: [9.5, 10, 11.1667, 14],
  // CHECK-NEXT: [23, 17.3333, 16.3333, 15]]]]
  return
}
