// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256 assert-window-fits=false" | FileCheck %s --check-prefix=NOASSERT

// Dynamic spatial sizes are checked at run time before the loops: the
// padded input must hold the window, and must not be empty. One assert per
// dynamic spatial dimension, none for static ones, none at all with
// assert-window-fits=false.
// CHECK-LABEL: func.func @max_2d_nchw_dynamic_hw(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x?x?xf32>)
//       CHECK:   tensor.dim %[[IN]], %c2
//       CHECK:   %[[HNE:.*]] = arith.cmpi sge, %{{.*}}, %c1
//       CHECK:   %[[HFITS:.*]] = arith.cmpi sge, %{{.*}}, %c3
//       CHECK:   %[[HOK:.*]] = arith.andi %[[HFITS]], %[[HNE]] : i1
//       CHECK:   cf.assert %[[HOK]], "pool.max: input spatial dimension 0 is smaller than the window (span 3 including padding) at run time"
//       CHECK:   arith.cmpi sge, %{{.*}}, %c1
//       CHECK:   cf.assert %{{.*}}, "pool.max: input spatial dimension 1 is smaller than the window (span 3 including padding) at run time"
//   CHECK-NOT:   cf.assert
//       CHECK:   scf.forall
//   CHECK-NOT:   cf.assert
//       CHECK:   return
// NOASSERT-LABEL: func.func @max_2d_nchw_dynamic_hw
//   NOASSERT-NOT:   cf.assert
//       NOASSERT:   scf.forall
//   NOASSERT-NOT:   cf.assert
//       NOASSERT:   return
func.func @max_2d_nchw_dynamic_hw(%x: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x?x?xf32> -> tensor<1x4x?x?xf32>
  return %0 : tensor<1x4x?x?xf32>
}

// -----

// Only the dynamic spatial dimension (H) gets an assert; dynamic batch and
// channels need none.
// CHECK-LABEL: func.func @avg_2d_nhwc_dynamic_h_only(
//       CHECK:   cf.assert %{{.*}}, "pool.avg: input spatial dimension 0 is smaller than the window (span 7 including padding) at run time"
//   CHECK-NOT:   cf.assert
//       CHECK:   return
// NOASSERT-LABEL: func.func @avg_2d_nhwc_dynamic_h_only
//   NOASSERT-NOT:   cf.assert
//       NOASSERT:   return
func.func @avg_2d_nhwc_dynamic_h_only(%x: tensor<?x?x16x?xf32>) -> tensor<?x?x16x?xf32> {
  %0 = pool.avg %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_last>} : tensor<?x?x16x?xf32> -> tensor<?x?x16x?xf32>
  return %0 : tensor<?x?x16x?xf32>
}

// -----

// Global and adaptive pooling have no window: the check is that the
// dimension is not empty.
// CHECK-LABEL: func.func @global_avg_nhwc_dynamic(
//       CHECK:   cf.assert %{{.*}}, "pool.global_avg: input spatial dimension 0 is empty at run time"
//       CHECK:   cf.assert %{{.*}}, "pool.global_avg: input spatial dimension 1 is empty at run time"
//   CHECK-NOT:   cf.assert
//       CHECK:   scf.forall
// NOASSERT-LABEL: func.func @global_avg_nhwc_dynamic
//   NOASSERT-NOT:   cf.assert
//       NOASSERT:   return
func.func @global_avg_nhwc_dynamic(%x: tensor<1x?x?x8xf32>) -> tensor<1x8xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<1x?x?x8xf32> -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

// CHECK-LABEL: func.func @adaptive_avg_nchw_dynamic_h(
//       CHECK:   cf.assert %{{.*}}, "pool.adaptive_avg: input spatial dimension 0 is empty at run time"
//   CHECK-NOT:   cf.assert
//       CHECK:   return
// NOASSERT-LABEL: func.func @adaptive_avg_nchw_dynamic_h
//   NOASSERT-NOT:   cf.assert
//       NOASSERT:   return
func.func @adaptive_avg_nchw_dynamic_h(%x: tensor<1x4x?x16xf32>) -> tensor<1x4x2x2xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x4x?x16xf32> -> tensor<1x4x2x2xf32>
  return %0 : tensor<1x4x2x2xf32>
}

// -----

// Static sizes are checked by the verifier: no run-time assert.
// CHECK-LABEL: func.func @max_2d_nchw_static_no_assert(
//   CHECK-NOT:   cf.assert
//       CHECK:   return
func.func @max_2d_nchw_static_no_assert(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}
