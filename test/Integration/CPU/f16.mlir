// f16 and bf16 pooling. Averages accumulate in f32: a window sum that
// overflows f16 or loses bits in it must still give the right mean. Results
// are widened to f32 with linalg.map for printing (the conversion is exact).
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
//     test/Integration/CPU/f16.mlir
// pool-model.test checks that these CHECK lines are still its output.
// The model computes exactly, then rounds to f32 and to f16/bf16 with
// round-to-nearest-even. Checked by hand in the comments. Every input is
// exact in its type.

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  // Channel 0: 2048 + 1 + 1 + 2 = 2052 is exact in f32, mean 513; added up
  // in f16 (ulp 2 above 2048) it would be 2048 + 2 = 2050, mean 512.5.
  // Channel 1: the sums exceed the f16 maximum 65504 (inf in f16);
  // in f32: (64000 + 60032 + 56000 + 40000) / 4 = 55008,
  //         (60032 + 56000 + 40000 + 8064) / 4 = 41024.
  %x = arith.constant dense<[[[2048.0, 1.0, 1.0, 2.0, 2048.0], [64000.0, 60032.0, 56000.0, 40000.0, 8064.0]]]> : tensor<1x2x5xf16>
  %0 = pool.avg %x {kernel = array<i64: 4>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf16> -> tensor<1x2x2xf16>
  %i0 = tensor.empty() : tensor<1x2x2xf32>
  %e0 = linalg.map { arith.extf } ins(%0 : tensor<1x2x2xf16>) outs(%i0 : tensor<1x2x2xf32>)
  %u0 = tensor.cast %e0 : tensor<1x2x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 2]
  // CHECK-NEXT: {{\[\[\[}}513, 513],
  // CHECK-NEXT: [55008, 41024]]]

  // k=3, s=2, padding 1/1, including padding: windows {-1,0,1} {1,2,3}
  // {3,4,5}, divisor 3 each, rounded to f16:
  //   c0: 2049 / 3 = 683, 4 / 3 -> 1.33301, 2050 / 3 = 683.33 -> 683.5
  //   c1: 124032 / 3 = 41344, 156032 / 3 = 52010.7 -> 52000,
  //       48064 / 3 = 16021.3 -> 16024
  %1 = pool.avg %x {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x5xf16> -> tensor<1x2x3xf16>
  %i1 = tensor.empty() : tensor<1x2x3xf32>
  %e1 = linalg.map { arith.extf } ins(%1 : tensor<1x2x3xf16>) outs(%i1 : tensor<1x2x3xf32>)
  %u1 = tensor.cast %e1 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}683, 1.33301, 683.5],
  // CHECK-NEXT: [41344, 52000, 16024]]]

  // Same windows, maximum.
  %2 = pool.max %x {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x5xf16> -> tensor<1x2x3xf16>
  %i2 = tensor.empty() : tensor<1x2x3xf32>
  %e2 = linalg.map { arith.extf } ins(%2 : tensor<1x2x3xf16>) outs(%i2 : tensor<1x2x3xf32>)
  %u2 = tensor.cast %e2 : tensor<1x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}2048, 2, 2048],
  // CHECK-NEXT: [64000, 60032, 40000]]]

  // Global average and maximum over the first four elements of each channel.
  %g = arith.constant dense<[[[2048.0, 1.0, 1.0, 2.0], [64000.0, 60032.0, 56000.0, 40000.0]]]> : tensor<1x2x4xf16>
  %3 = pool.global_avg %g {layout = #pool.layout<channels_first>} : tensor<1x2x4xf16> -> tensor<1x2xf16>
  %i3 = tensor.empty() : tensor<1x2xf32>
  %e3 = linalg.map { arith.extf } ins(%3 : tensor<1x2xf16>) outs(%i3 : tensor<1x2xf32>)
  %u3 = tensor.cast %e3 : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2]
  // CHECK-NEXT: {{\[\[}}513, 55008]]

  %4 = pool.global_max %g {layout = #pool.layout<channels_first>} : tensor<1x2x4xf16> -> tensor<1x2xf16>
  %i4 = tensor.empty() : tensor<1x2xf32>
  %e4 = linalg.map { arith.extf } ins(%4 : tensor<1x2xf16>) outs(%i4 : tensor<1x2xf32>)
  %u4 = tensor.cast %e4 : tensor<1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 2]
  // CHECK-NEXT: {{\[\[}}2048, 64000]]

  // A window on padding only (I=1, k=2, d=3, padding 2/2, stride 1: taps
  // {-2, 1} and {-1, 2}): the f16 maximum is -inf.
  %x1 = arith.constant dense<[[[3.0]]]> : tensor<1x1x1xf16>
  %5 = pool.max %x1 {kernel = array<i64: 2>, strides = array<i64: 1>, dilations = array<i64: 3>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x1x1xf16> -> tensor<1x1x2xf16>
  %i5 = tensor.empty() : tensor<1x1x2xf32>
  %e5 = linalg.map { arith.extf } ins(%5 : tensor<1x1x2xf16>) outs(%i5 : tensor<1x1x2xf32>)
  %u5 = tensor.cast %e5 : tensor<1x1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2]
  // CHECK-NEXT: {{\[\[\[}}-inf, -inf]]]

  // bf16 (8 significant bits, ulp 2 at 256): 256 + 1 + 1 + 2 = 260 in f32,
  // mean 65; added up in bf16 it would be 258, mean 64.5.
  %b = arith.constant dense<[[[256.0, 1.0, 1.0, 2.0]]]> : tensor<1x1x4xbf16>
  %6 = pool.global_avg %b {layout = #pool.layout<channels_first>} : tensor<1x1x4xbf16> -> tensor<1x1xbf16>
  %i6 = tensor.empty() : tensor<1x1xf32>
  %e6 = linalg.map { arith.extf } ins(%6 : tensor<1x1xbf16>) outs(%i6 : tensor<1x1xf32>)
  %u6 = tensor.cast %e6 : tensor<1x1xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1]
  // CHECK-NEXT: {{\[\[}}65]]

  // bf16 local average, k=2: (256 + 1) / 2 = 128.5 -> 128 (ulp 1 at 128,
  // ties to even), (1 + 2) / 2 = 1.5.
  %7 = pool.avg %b {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x1x4xbf16> -> tensor<1x1x2xbf16>
  %i7 = tensor.empty() : tensor<1x1x2xf32>
  %e7 = linalg.map { arith.extf } ins(%7 : tensor<1x1x2xbf16>) outs(%i7 : tensor<1x1x2xf32>)
  %u7 = tensor.cast %e7 : tensor<1x1x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 2]
  // CHECK-NEXT: {{\[\[\[}}128, 1.5]]]

  // bf16 results of a whole vector of outputs, k=2: a NaN tap (0x7fc0)
  // gives NaN, infinities stay infinite, (256 + 3) / 2 = 129.5 -> 130 (ties
  // to even), -1.75 and 0.25 are exact.
  %n = arith.constant dense<[[[1.0, 0x7FC0, 3.0, 4.0, 0xFF80, 6.0, 256.0, 3.0, 2.0, 2.0, 0x7F80, 1.0, -3.0, -0.5, 0.25, 0.25]]]> : tensor<1x1x16xbf16>
  %8 = pool.avg %n {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x1x16xbf16> -> tensor<1x1x8xbf16>
  %i8 = tensor.empty() : tensor<1x1x8xf32>
  %e8 = linalg.map { arith.extf } ins(%8 : tensor<1x1x8xbf16>) outs(%i8 : tensor<1x1x8xf32>)
  %u8 = tensor.cast %e8 : tensor<1x1x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 8]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, 3.5, -inf, 130, 2, inf, -1.75, 0.25]]]
  // f16 maxima of a whole vector, k=2: -inf windows stay -inf, -65504 (the
  // lowest finite f16) wins over -inf, NaN propagates, and the largest
  // finite 65504 wins.
  %h = arith.constant dense<[[[0xFC00, 0xFC00, -65504.0, 0xFC00, 1.0, 0x7E00, -2.0, -3.0, 3.0, 2.0, 0x7C00, 1.0, 65504.0, -1.0, 0.5, 0.25]]]> : tensor<1x1x16xf16>
  %10 = pool.max %h {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x1x16xf16> -> tensor<1x1x8xf16>
  %i10 = tensor.empty() : tensor<1x1x8xf32>
  %e10 = linalg.map { arith.extf } ins(%10 : tensor<1x1x8xf16>) outs(%i10 : tensor<1x1x8xf32>)
  %u10 = tensor.cast %e10 : tensor<1x1x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 8]
  // CHECK-NEXT: {{\[\[\[}}-inf, -65504, {{-?nan}}, -2, 3, inf, 65504, 0.5]]]
  %9 = pool.max %n {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x1x16xbf16> -> tensor<1x1x8xbf16>
  %i9 = tensor.empty() : tensor<1x1x8xf32>
  %e9 = linalg.map { arith.extf } ins(%9 : tensor<1x1x8xbf16>) outs(%i9 : tensor<1x1x8xf32>)
  %u9 = tensor.cast %e9 : tensor<1x1x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [1, 1, 8]
  // CHECK-NEXT: {{\[\[\[}}{{-?nan}}, 4, 6, 256, 2, inf, -0.5, 0.25]]]
  return
}
