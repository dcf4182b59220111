// RUN: pool-opt %s -split-input-file --pass-pipeline="builtin.module(func.func(convert-pool-to-linalg),canonicalize,cse)" | FileCheck %s
// RUN: pool-opt %s -split-input-file --pass-pipeline="builtin.module(func.func(convert-pool-to-linalg{assert-window-fits=false}))" | FileCheck %s --check-prefix=NOASSERT

// Windows that stay inside the input use the upstream named ops.
// CHECK-LABEL: func.func @max_2d_nchw_unpadded
//  CHECK-SAME:   %[[IN:.*]]: tensor<1x3x8x8xf32>
//   CHECK-DAG:   %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
//   CHECK-DAG:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x3x4x4xf32>
//       CHECK:   %[[INIT:.*]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%[[EMPTY]]
//       CHECK:   %[[WIN:.*]] = tensor.empty() : tensor<2x2xf32>
//       CHECK:   %[[MAX:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[IN]], %[[WIN]] : {{.*}}) outs(%[[INIT]] : {{.*}})
//       CHECK:   return %[[MAX]]
// NOASSERT-LABEL: func.func @max_2d_nchw_unpadded
func.func @max_2d_nchw_unpadded(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @max_1d_nwc_dilated_i32
//   CHECK-DAG:   arith.constant -2147483648 : i32
//       CHECK:   linalg.pooling_nwc_max {dilations = dense<2> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
func.func @max_1d_nwc_dilated_i32(%x: tensor<2x9x4xi32>) -> tensor<2x7x4xi32> {
  %0 = pool.max %x {kernel = array<i64: 2>, strides = array<i64: 1>, dilations = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<2x9x4xi32> -> tensor<2x7x4xi32>
  return %0 : tensor<2x7x4xi32>
}

// -----

// Upstream has no channels-first 3-D pooling op: a generic with the same
// indexing.
// CHECK-DAG: #[[$IN3:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2 * 2 + d5, d3 * 2 + d6, d4 * 2 + d7)>
// CHECK-DAG: #[[$WIN3:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>
// CHECK-DAG: #[[$OUT3:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @max_3d_ncdhw
//       CHECK:   linalg.generic {indexing_maps = [#[[$IN3]], #[[$WIN3]], #[[$OUT3]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
//       CHECK:     arith.maximumf
func.func @max_3d_ncdhw(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}

// -----

// Padded windows read the input in place at a clamped index and skip taps
// outside it: no tensor.pad, no padded copy.
// CHECK-LABEL: func.func @max_2d_nchw_padded
//  CHECK-SAME:   %[[IN:.*]]: tensor<1x64x112x112xf32>
//   CHECK-NOT:   tensor.pad
//       CHECK:   linalg.generic
//  CHECK-SAME:     iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
//       CHECK:     arith.cmpi sge
//       CHECK:     arith.cmpi slt
//       CHECK:     %[[V:.*]] = tensor.extract %[[IN]]
//       CHECK:     %[[M:.*]] = arith.maximumf %{{.*}}, %[[V]] : f32
//       CHECK:     arith.select %{{.*}}, %[[M]], %{{.*}} : f32
func.func @max_2d_nchw_padded(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// -----

// Full windows everywhere: the average divides by the constant window size,
// in place in the sum.
// CHECK-LABEL: func.func @avg_1d_nwc_constant_divisor
//   CHECK-DAG:   %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
//       CHECK:   %[[SUM:.*]] = linalg.pooling_nwc_sum
//       CHECK:   linalg.generic {{.*}} outs(%[[SUM]] : tensor<10x2x10xf32>)
//       CHECK:     arith.divf %{{.*}}, %[[TWO]] : f32
func.func @avg_1d_nwc_constant_divisor(%y: tensor<10x4x10xf32>) -> tensor<10x2x10xf32> {
  %1 = pool.avg %y {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>
  return %1 : tensor<10x2x10xf32>
}

// -----

// Padded averages divide by a divisor table over the output's spatial
// positions only (4x5 here, not 2x4x5x16), computed from the window
// arithmetic.
// CHECK-DAG: #[[$SP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// CHECK-LABEL: func.func @avg_2d_nhwc_ceil_divisor_table
//       CHECK:   %[[SUM:.*]] = linalg.generic
//       CHECK:   %[[DIVS:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<4x5xf32>)
//       CHECK:     linalg.index 0
//       CHECK:     linalg.index 1
//       CHECK:     arith.sitofp
//       CHECK:   linalg.generic {indexing_maps = [#[[$SP]], #{{.*}}]{{.*}} ins(%[[DIVS]] : tensor<4x5xf32>) outs(%[[SUM]] : tensor<2x4x5x16xf32>)
//       CHECK:     arith.divf
func.func @avg_2d_nhwc_ceil_divisor_table(%x: tensor<2x8x9x16xf32>) -> tensor<2x4x5x16xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_last>} : tensor<2x8x9x16xf32> -> tensor<2x4x5x16xf32>
  return %0 : tensor<2x4x5x16xf32>
}

// -----

// f16 averages accumulate in f32 and round once at the end.
// CHECK-LABEL: func.func @avg_2d_nchw_f16
//       CHECK:   %[[SUM:.*]] = linalg.pooling_nchw_sum {{.*}} outs(%{{.*}} : tensor<1x2x2x2xf32>)
//       CHECK:   linalg.generic {{.*}} ins(%[[SUM]] : tensor<1x2x2x2xf32>) outs(%{{.*}} : tensor<1x2x2x2xf16>)
//       CHECK:     arith.divf {{.*}} : f32
//       CHECK:     arith.truncf {{.*}} : f32 to f16
func.func @avg_2d_nchw_f16(%x: tensor<1x2x4x4xf16>) -> tensor<1x2x2x2xf16> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4xf16> -> tensor<1x2x2x2xf16>
  return %0 : tensor<1x2x2x2xf16>
}

// -----

// bf16 maxima are taken in f32 and rounded back once (exact).
// CHECK-LABEL: func.func @max_1d_bf16_in_f32
//       CHECK:   %[[M:.*]] = linalg.pooling_ncw_max {{.*}} outs(%{{.*}} : tensor<1x2x3xf32>)
//       CHECK:   linalg.generic {{.*}} ins(%[[M]] : tensor<1x2x3xf32>) outs(%{{.*}} : tensor<1x2x3xbf16>)
//       CHECK:     arith.truncf {{.*}} : f32 to bf16
func.func @max_1d_bf16_in_f32(%x: tensor<1x2x6xbf16>) -> tensor<1x2x3xbf16> {
  %0 = pool.max %x {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x2x6xbf16> -> tensor<1x2x3xbf16>
  return %0 : tensor<1x2x3xbf16>
}

// -----

// CHECK-DAG: #[[$GIN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$GOUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3)>
// CHECK-LABEL: func.func @global_avg_nhwc
//   CHECK-DAG:   %[[COUNT:.*]] = arith.constant 6.400000e+01 : f32
//       CHECK:   linalg.generic {indexing_maps = [#[[$GIN]], #[[$GOUT]]], iterator_types = ["parallel", "reduction", "reduction", "parallel"]}
//       CHECK:     arith.addf
//       CHECK:   arith.divf %{{.*}}, %[[COUNT]]
func.func @global_avg_nhwc(%z: tensor<2x8x8x2048xf32>) -> tensor<2x2048xf32> {
  %0 = pool.global_avg %z {layout = #pool.layout<channels_last>} : tensor<2x8x8x2048xf32> -> tensor<2x2048xf32>
  return %0 : tensor<2x2048xf32>
}

// -----

// keep_dims writes the reduction straight into the size-1 dimensions.
// CHECK-DAG: #[[$KOUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
// CHECK-LABEL: func.func @global_max_keep_dims
//       CHECK:   linalg.generic {indexing_maps = [#{{.*}}, #[[$KOUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
//       CHECK:     arith.maximumf
func.func @global_max_keep_dims(%x: tensor<4x3x7xf32>) -> tensor<4x3x1xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<4x3x7xf32> -> tensor<4x3x1xf32>
  return %0 : tensor<4x3x1xf32>
}

// -----

// Adaptive bins: a loop over the largest bin (14 -> 4: 2 * ceil(14/4) -
// floor(14/4) = 5) with the bin bounds computed in the body, and a divisor
// table of bin sizes.
// CHECK-LABEL: func.func @adaptive_avg_uneven
//       CHECK:   tensor.empty() : tensor<5x5xf32>
//       CHECK:   linalg.generic
//       CHECK:     arith.floordivsi
//       CHECK:     arith.ceildivsi
//       CHECK:     tensor.extract
//       CHECK:   linalg.generic {{.*}} outs(%{{.*}} : tensor<4x4xf32>)
//       CHECK:   arith.divf
func.func @adaptive_avg_uneven(%w: tensor<1x8x14x14xf32>) -> tensor<1x8x4x4xf32> {
  %0 = pool.adaptive_avg %w {output_size = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x8x14x14xf32> -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// Dynamic sizes come from reification; a dynamic spatial size is checked
// against the window at run time unless assert-window-fits=false.
// CHECK-LABEL: func.func @max_dynamic_same_upper
//  CHECK-SAME:   %[[IN:.*]]: tensor<?x?x?xf32>
//       CHECK:   %[[W:.*]] = tensor.dim %[[IN]], %c2
//       CHECK:   %[[OW:.*]] = arith.ceildivsi %[[W]], %c2
//       CHECK:   cf.assert %{{.*}}, "pool.max: input spatial dimension 0 is smaller than the window (span 3 including padding) at run time"
//       CHECK:   tensor.empty(%{{.*}}, %{{.*}}, %[[OW]]) : tensor<?x?x?xf32>
// NOASSERT-LABEL: func.func @max_dynamic_same_upper
//   NOASSERT-NOT:   cf.assert
func.func @max_dynamic_same_upper(%x: tensor<?x?x?xf32>) -> tensor<?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<?x?x?xf32> -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// The result keeps the op's (less static) type.
// CHECK-LABEL: func.func @cast_back_to_declared_type
//       CHECK:   %[[R:.*]] = linalg.pooling_nhwc_max
//       CHECK:   %[[C:.*]] = tensor.cast %[[R]] : tensor<1x2x2x3xf32> to tensor<?x?x?x?xf32>
//       CHECK:   return %[[C]]
func.func @cast_back_to_declared_type(%x: tensor<1x4x4x3xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x4x4x3xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
