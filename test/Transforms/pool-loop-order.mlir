// RUN: pool-opt %s -split-input-file --pass-pipeline="builtin.module(func.func(convert-pool-to-linalg,pool-loop-order))" | FileCheck %s

// Channels-last: the window loops move before the channel loop, which
// becomes the innermost (contiguous) loop.
// CHECK-DAG: #[[$IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d3, d2 * 2 + d4, d5)>
// CHECK-DAG: #[[$OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d5)>
// CHECK-LABEL: func.func @nhwc_named_op_generalized
//   CHECK-NOT:   linalg.pooling_nhwc_max
//       CHECK:   linalg.generic {indexing_maps = [#[[$IN]], #{{.*}}, #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
//       CHECK:     arith.maximumf
func.func @nhwc_named_op_generalized(%x: tensor<1x8x8x16xf32>) -> tensor<1x4x4x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x8x8x16xf32> -> tensor<1x4x4x16xf32>
  return %0 : tensor<1x4x4x16xf32>
}

// -----

// Channels-first: the output width becomes the innermost loop.
// CHECK-DAG: #[[$OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d5)>
// CHECK-LABEL: func.func @nchw_padded_generic
//       CHECK:   linalg.generic {indexing_maps = [#{{.*}}, #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
//       CHECK:     tensor.extract
func.func @nchw_padded_generic(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// -----

// Element-wise generics (no reduction) keep their order: the division by
// the window size still indexes its operand with the identity map (a
// reordering would permute it). The reduction before it is reordered (its
// window loop d2 moves before the channel loop d3).
// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[$SUM_OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-LABEL: func.func @elementwise_untouched
//       CHECK:   %[[SUM:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #[[$SUM_OUT]]], iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
//       CHECK:   linalg.generic {indexing_maps = [#[[$ID]]], iterator_types = ["parallel", "parallel", "parallel"]} outs(%[[SUM]] : tensor<10x2x10xf32>)
//       CHECK:     arith.divf
func.func @elementwise_untouched(%y: tensor<10x4x10xf32>) -> tensor<10x2x10xf32> {
  %1 = pool.avg %y {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>
  return %1 : tensor<10x2x10xf32>
}
