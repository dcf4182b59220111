// Adaptive pooling (PyTorch AdaptiveAvgPool/AdaptiveMaxPool): bins
// [floor(i * In / Out), ceil((i + 1) * In / Out)) that overlap and differ in
// size, including Out > In.
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
//     test/Integration/CPU/adaptive.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Checked by hand in the comments.

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  // AdaptiveAvgPool2d((2, 3)) on 5x7 (a shuffled 0..34). Row bins (5 -> 2):
  // [0,3) [2,5); column bins (7 -> 3): [0,3) [2,5) [4,7); every bin is 3x3.
  //   (0,0): (14+11+5 + 16+1+26 + 3+4+12) / 9 = 92 / 9 = 10.2222
  //   (1,1): (12+31+27 + 17+33+34 + 20+30+23) / 9 = 227 / 9 = 25.2222
  %x = arith.constant dense<[[[[14.0, 11.0, 5.0, 22.0, 9.0, 29.0, 13.0], [16.0, 1.0, 26.0, 21.0, 24.0, 28.0, 10.0], [3.0, 4.0, 12.0, 31.0, 27.0, 32.0, 25.0], [6.0, 7.0, 17.0, 33.0, 34.0, 0.0, 19.0], [2.0, 18.0, 20.0, 30.0, 23.0, 8.0, 15.0]]]]> : tensor<1x1x5x7xf32>
  %0 = pool.adaptive_avg %x {output_size = array<i64: 2, 3>, layout = #pool.layout<channels_first>} : tensor<1x1x5x7xf32> -> tensor<1x1x2x3xf32>
  %u0 = tensor.cast %0 : tensor<1x1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 3]
  // CHECK-NEXT: {{\[\[\[\[}}10.2222, 19.6667, 21.8889],
  // CHECK-NEXT: [9.88889, 25.2222, 20.3333]]]]

  // Same bins, maximum: (0,0) max(14, 11, 5, 16, 1, 26, 3, 4, 12) = 26.
  %1 = pool.adaptive_max %x {output_size = array<i64: 2, 3>, layout = #pool.layout<channels_first>} : tensor<1x1x5x7xf32> -> tensor<1x1x2x3xf32>
  %u1 = tensor.cast %1 : tensor<1x1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2, 3]
  // CHECK-NEXT: {{\[\[\[\[}}26, 31, 32],
  // CHECK-NEXT: [20, 34, 34]]]]

  // 1-D, In = 5 not a multiple of Out = 3: bins [0,2) [1,4) [3,5).
  //   c0 = [3, 9, 1, 7, 5]: (3+9)/2 = 6, (9+1+7)/3 = 5.66667, (7+5)/2 = 6
  //   c1 = [2, -4, 8, 6, 0]: (2-4)/2 = -1, (-4+8+6)/3 = 3.33333, (6+0)/2 = 3
  %y = arith.constant dense<[[[3.0, 9.0, 1.0, 7.0, 5.0], [2.0, -4.0, 8.0, 6.0, 0.0]]]> : tensor<1x2x5xf32>
  %2 = pool.adaptive_avg %y {output_size = array<i64: 3>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u2 = tensor.cast %2 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}6, 5.66667, 6],
  // CHECK-NEXT: [-1, 3.33333, 3]]]

  %3 = pool.adaptive_max %y {output_size = array<i64: 3>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf32> -> tensor<1x2x3xf32>
  %u3 = tensor.cast %3 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}9, 9, 7],
  // CHECK-NEXT: [2, 8, 6]]]

  // The same data in NWC.
  %yl = arith.constant dense<[[[3.0, 2.0], [9.0, -4.0], [1.0, 8.0], [7.0, 6.0], [5.0, 0.0]]]> : tensor<1x5x2xf32>
  %4 = pool.adaptive_avg %yl {output_size = array<i64: 3>, layout = #pool.layout<channels_last>} : tensor<1x5x2xf32> -> tensor<1x3x2xf32>
  %u4 = tensor.cast %4 : tensor<1x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 2]
  // CHECK-NEXT: {{\[\[\[}}6, -1],
  // CHECK-NEXT: [5.66667, 3.33333],
  // CHECK-NEXT: [6, 3]]]

  %5 = pool.adaptive_max %yl {output_size = array<i64: 3>, layout = #pool.layout<channels_last>} : tensor<1x5x2xf32> -> tensor<1x3x2xf32>
  %u5 = tensor.cast %5 : tensor<1x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 3, 2]
  // CHECK-NEXT: {{\[\[\[}}9, 2],
  // CHECK-NEXT: [9, 8],
  // CHECK-NEXT: [7, 6]]]

  // Out = 4 > In = 2: bins [0,1) [0,1) [1,2) [1,2), each input repeated.
  %z = arith.constant dense<[[[3.0, -1.0], [4.0, 8.0]]]> : tensor<1x2x2xf32>
  %6 = pool.adaptive_avg %z {output_size = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x2x2xf32> -> tensor<1x2x4xf32>
  %u6 = tensor.cast %6 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}3, 3, -1, -1],
  // CHECK-NEXT: [4, 4, 8, 8]]]

  %7 = pool.adaptive_max %z {output_size = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x2x2xf32> -> tensor<1x2x4xf32>
  %u7 = tensor.cast %7 : tensor<1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 4]
  // CHECK-NEXT: {{\[\[\[}}3, 3, -1, -1],
  // CHECK-NEXT: [4, 4, 8, 8]]]

  // Out = 3 > In = 2: bins [0,1) [0,2) [1,2); the middle bin spans both:
  // avg (3 - 1) / 2 = 1, (4 + 8) / 2 = 6.
  %8 = pool.adaptive_avg %z {output_size = array<i64: 3>, layout = #pool.layout<channels_first>} : tensor<1x2x2xf32> -> tensor<1x2x3xf32>
  %u8 = tensor.cast %8 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}3, 1, -1],
  // CHECK-NEXT: [4, 6, 8]]]

  %9 = pool.adaptive_max %z {output_size = array<i64: 3>, layout = #pool.layout<channels_first>} : tensor<1x2x2xf32> -> tensor<1x2x3xf32>
  %u9 = tensor.cast %9 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}3, 3, -1],
  // CHECK-NEXT: [4, 8, 8]]]
  return
}
