// With assert-window-fits (the default), a dynamic input too small for the
// window, or with an empty spatial dimension, stops with a message at run
// time instead of reading out of bounds. Each @main_* is one scenario, run
// with -e. The message is printed with puts and abort() does not flush
// stdout, so stdbuf -o0 makes it visible through the pipe.
// REQUIRES: mlir-runner
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: not --crash stdbuf -o0 mlir-runner -e main_max_too_small -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils 2>&1 | \
// RUN: FileCheck %s --check-prefix=MAX
// RUN: pool-opt %s --pool-to-llvm=path=affine | \
// RUN: not --crash stdbuf -o0 mlir-runner -e main_max_too_small -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils 2>&1 | \
// RUN: FileCheck %s --check-prefix=MAX
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: not --crash stdbuf -o0 mlir-runner -e main_avg_dilated_too_small -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils 2>&1 | \
// RUN: FileCheck %s --check-prefix=AVG
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: not --crash stdbuf -o0 mlir-runner -e main_global_avg_empty -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils 2>&1 | \
// RUN: FileCheck %s --check-prefix=EMPTY
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: mlir-runner -e main_fits -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s --check-prefix=FITS
// RUN: pool-opt %s --pool-to-llvm=path=affine | \
// RUN: mlir-runner -e main_fits -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s --check-prefix=FITS
// RUN: pool-opt %s --pool-to-llvm="threads=2 min-parallel-bytes=0" | \
// RUN: mlir-runner -e main_fits -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils,%openmp_runtime | \
// RUN: FileCheck %s --check-prefix=FITS
// The checks are in the IR with the option's default, and gone without it.
// RUN: pool-opt %s --pass-pipeline="builtin.module(func.func(convert-pool-to-linalg))" | \
// RUN: FileCheck %s --check-prefix=ASSERT
// RUN: pool-opt %s --pass-pipeline="builtin.module(func.func(convert-pool-to-linalg{assert-window-fits=false}))" | \
// RUN: FileCheck %s --check-prefix=NOASSERT

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

// ASSERT-LABEL: func.func @max_2d_nchw_dynamic(
// ASSERT: cf.assert {{.*}} "pool.max: input spatial dimension 0 is smaller than the window (span 3 including padding) at run time"
// ASSERT: cf.assert {{.*}} "pool.max: input spatial dimension 1 is smaller than the window (span 3 including padding) at run time"
// NOASSERT-LABEL: func.func @max_2d_nchw_dynamic(
// NOASSERT-NOT: cf.assert
// NOASSERT: return
func.func @max_2d_nchw_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// k=2, d=3: span 4 in dimension 1, padding 1/1.
// ASSERT-LABEL: func.func @avg_2d_nhwc_dynamic_dilated(
// ASSERT: cf.assert {{.*}} "pool.avg: input spatial dimension 1 is smaller than the window (span 4 including padding) at run time"
// NOASSERT-LABEL: func.func @avg_2d_nhwc_dynamic_dilated(
// NOASSERT-NOT: cf.assert
// NOASSERT: return
func.func @avg_2d_nhwc_dynamic_dilated(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.avg %x {kernel = array<i64: 1, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 3>, padding = array<i64: 0, 1, 0, 1>, layout = #pool.layout<channels_last>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// ASSERT-LABEL: func.func @global_avg_1d_ncw_dynamic(
// ASSERT: cf.assert {{.*}} "pool.global_avg: input spatial dimension 0 is empty at run time"
// NOASSERT-LABEL: func.func @global_avg_1d_ncw_dynamic(
// NOASSERT-NOT: cf.assert
// NOASSERT: return
func.func @global_avg_1d_ncw_dynamic(%x: tensor<?x?x?xf32>) -> tensor<?x?xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<?x?x?xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// 2x2 input, 3x3 window, no padding: neither dimension fits.
// MAX: pool.max: input spatial dimension 0 is smaller than the window (span 3 including padding) at run time
// MAX-NOT: Unranked Memref
func.func @main_max_too_small() {
  %a = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %d = tensor.cast %a : tensor<1x1x2x2xf32> to tensor<?x?x?x?xf32>
  %0 = call @max_2d_nchw_dynamic(%d) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u = tensor.cast %0 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// NHWC 1x3x1x1: dimension 0 (size 3, kernel 1) fits; dimension 1 (size 1,
// padded 1 + 1 + 1 = 3 < span 4) does not.
// AVG: pool.avg: input spatial dimension 1 is smaller than the window (span 4 including padding) at run time
// AVG-NOT: Unranked Memref
func.func @main_avg_dilated_too_small() {
  %a = arith.constant dense<[[[[1.0]], [[2.0]], [[3.0]]]]> : tensor<1x3x1x1xf32>
  %d = tensor.cast %a : tensor<1x3x1x1xf32> to tensor<?x?x?x?xf32>
  %0 = call @avg_2d_nhwc_dynamic_dilated(%d) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u = tensor.cast %0 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// EMPTY: pool.global_avg: input spatial dimension 0 is empty at run time
// EMPTY-NOT: Unranked Memref
func.func @main_global_avg_empty() {
  %a = arith.constant dense<> : tensor<1x2x0xf32>
  %d = tensor.cast %a : tensor<1x2x0xf32> to tensor<?x?x?xf32>
  %0 = call @global_avg_1d_ncw_dynamic(%d) : (tensor<?x?x?xf32>) -> tensor<?x?xf32>
  %u = tensor.cast %0 : tensor<?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// Inputs that just fit run normally. Expected values by hand, and printed by
// the pure-Python model (pool-model.test checks that they agree):
//   python3 test/Integration/CPU/Inputs/pool_model.py --check-lines \
//     -e main_fits --check-prefix=FITS test/Integration/CPU/runtime-check.mlir
func.func @main_fits() {
  // 3x3 input, 3x3 window: one output, the maximum 9.
  %a = arith.constant dense<[[[[1.0, 9.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]]> : tensor<1x1x3x3xf32>
  %da = tensor.cast %a : tensor<1x1x3x3xf32> to tensor<?x?x?x?xf32>
  %0 = call @max_2d_nchw_dynamic(%da) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u0 = tensor.cast %0 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // FITS: sizes = [1, 1, 1, 1]
  // FITS-NEXT: {{\[\[\[\[}}9]]]]

  // NHWC 1x1x2x1 = [10, 20]: padded 1 + 2 + 1 = 4 = span, one output with
  // taps -1 and 2, both in the padding: no counted tap, 0.
  %b = arith.constant dense<[[[[10.0], [20.0]]]]> : tensor<1x1x2x1xf32>
  %db = tensor.cast %b : tensor<1x1x2x1xf32> to tensor<?x?x?x?xf32>
  %1 = call @avg_2d_nhwc_dynamic_dilated(%db) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %u1 = tensor.cast %1 : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // FITS: sizes = [1, 1, 1, 1]
  // FITS-NEXT: {{\[\[\[\[}}0]]]]

  // One element per channel: the mean is the element.
  %c = arith.constant dense<[[[4.5], [-2.0]]]> : tensor<1x2x1xf32>
  %dc = tensor.cast %c : tensor<1x2x1xf32> to tensor<?x?x?xf32>
  %2 = call @global_avg_1d_ncw_dynamic(%dc) : (tensor<?x?x?xf32>) -> tensor<?x?xf32>
  %u2 = tensor.cast %2 : tensor<?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // FITS: sizes = [1, 2]
  // FITS-NEXT: {{\[\[}}4.5, -2]]
  return
}
