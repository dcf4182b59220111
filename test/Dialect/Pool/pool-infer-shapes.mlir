// RUN: pool-opt %s -split-input-file --pass-pipeline="builtin.module(func.func(pool-infer-shapes))" | FileCheck %s

// Every expected size below is computed by hand (I input size, k kernel,
// s stride, d dilation, pb/pe padding, K = (k - 1) * d + 1):
//   floor mode: O = floor((I + pb + pe - K) / s) + 1
//   ceil mode:  O = floor((I + pb + pe - K + s - 1) / s) + 1,
//               minus 1 if (O - 1) * s >= I + pb
//   same_*:     O = ceil(I / s)

// The func.return user gets a tensor.cast back to the type it saw.
// H, W: floor((112 + 1 + 1 - 3) / 2) + 1 = 55 + 1 = 56.
// CHECK-LABEL: func.func @max_2d_nchw_resnet_stem(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x64x112x112xf32>) -> tensor<?x?x?x?xf32>
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<1x64x56x56xf32> to tensor<?x?x?x?xf32>
// CHECK:         return %[[CAST]] : tensor<?x?x?x?xf32>
func.func @max_2d_nchw_resnet_stem(%in: tensor<1x64x112x112xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// W: floor((10 - 3) / 1) + 1 = 8.
// CHECK-LABEL: func.func @max_1d_nwc_i8_stride_1(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x10x3xi8>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<2x10x3xi8> -> tensor<2x8x3xi8>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<2x8x3xi8> to tensor<2x?x3xi8>
// CHECK:         return %[[CAST]]
func.func @max_1d_nwc_i8_stride_1(%in: tensor<2x10x3xi8>) -> tensor<2x?x3xi8> {
  %0 = pool.max %in {kernel = array<i64: 3>, strides = array<i64: 1>, layout = #pool.layout<channels_last>} : tensor<2x10x3xi8> -> tensor<2x?x3xi8>
  return %0 : tensor<2x?x3xi8>
}

// -----

// K = (3 - 1) * 2 + 1 = 5; D, H, W: floor((9 - 5) / 1) + 1 = 5.
// CHECK-LABEL: func.func @max_3d_ncdhw_dilation(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x9x9x9xf32>)
// CHECK:         pool.max %[[IN]] {{.*}} : tensor<1x2x9x9x9xf32> -> tensor<1x2x5x5x5xf32>
func.func @max_3d_ncdhw_dilation(%in: tensor<1x2x9x9x9xf32>) -> tensor<?x?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 3, 3, 3>, strides = array<i64: 1, 1, 1>, dilations = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x9x9x9xf32> -> tensor<?x?x?x?x?xf32>
  return %0 : tensor<?x?x?x?x?xf32>
}

// -----

// W: floor((7 + 1 + 1 - 3) / 2) + 1 = 3 + 1 = 4.
// CHECK-LABEL: func.func @avg_1d_ncw_explicit_padding(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x7xf64>)
// CHECK:         pool.avg %[[IN]] {{.*}} : tensor<1x4x7xf64> -> tensor<1x4x4xf64>
func.func @avg_1d_ncw_explicit_padding(%in: tensor<1x4x7xf64>) -> tensor<?x?x?xf64> {
  %0 = pool.avg %in {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x4x7xf64> -> tensor<?x?x?xf64>
  return %0 : tensor<?x?x?xf64>
}

// -----

// H: floor((6 + 0 + 1 - 2) / 2) + 1 = 3; W: floor((7 + 1 + 0 - 2) / 2) + 1 = 4.
// CHECK-LABEL: func.func @avg_2d_nchw_asymmetric_padding(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x6x7xf32>)
// CHECK:         pool.avg %[[IN]] {{.*}} : tensor<1x2x6x7xf32> -> tensor<1x2x3x4xf32>
func.func @avg_2d_nchw_asymmetric_padding(%in: tensor<1x2x6x7xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, padding = array<i64: 0, 1, 1, 0>, layout = #pool.layout<channels_first>} : tensor<1x2x6x7xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// same_upper, stride 2: H, W = ceil(7 / 2) = 4.
// CHECK-LABEL: func.func @avg_2d_nhwc_same_upper(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x7x7x8xf16>)
// CHECK:         pool.avg %[[IN]] {{.*}} : tensor<1x7x7x8xf16> -> tensor<1x4x4x8xf16>
func.func @avg_2d_nhwc_same_upper(%in: tensor<1x7x7x8xf16>) -> tensor<?x?x?x?xf16> {
  %0 = pool.avg %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<1x7x7x8xf16> -> tensor<?x?x?x?xf16>
  return %0 : tensor<?x?x?x?xf16>
}

// -----

// same_lower, stride 3: H = ceil(10 / 3) = 4, W = ceil(5 / 3) = 2.
// CHECK-LABEL: func.func @max_2d_nchw_same_lower(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x10x5xbf16>)
// CHECK:         pool.max %[[IN]] {{.*}} : tensor<2x3x10x5xbf16> -> tensor<2x3x4x2xbf16>
func.func @max_2d_nchw_same_lower(%in: tensor<2x3x10x5xbf16>) -> tensor<?x?x?x?xbf16> {
  %0 = pool.max %in {kernel = array<i64: 4, 4>, strides = array<i64: 3, 3>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<2x3x10x5xbf16> -> tensor<?x?x?x?xbf16>
  return %0 : tensor<?x?x?x?xbf16>
}

// -----

// valid: D = floor((5 - 2) / 2) + 1 = 2, H = floor((6 - 2) / 2) + 1 = 3,
// W = floor((7 - 2) / 2) + 1 = 3.
// CHECK-LABEL: func.func @avg_3d_ndhwc_valid(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x5x6x7x2xf32>)
// CHECK:         pool.avg %[[IN]] {{.*}} : tensor<1x5x6x7x2xf32> -> tensor<1x2x3x3x2xf32>
func.func @avg_3d_ndhwc_valid(%in: tensor<1x5x6x7x2xf32>) -> tensor<?x?x?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2, 2>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_last>} : tensor<1x5x6x7x2xf32> -> tensor<?x?x?x?x?xf32>
  return %0 : tensor<?x?x?x?x?xf32>
}

// -----

// PyTorch ceil_mode, I = 5, k = 2, s = 2, p = 0:
//   floor((5 - 2 + 1) / 2) + 1 = 3; (3 - 1) * 2 = 4 < 5 + 0, so 3 stays
//   (floor mode would give floor(3 / 2) + 1 = 2).
// CHECK-LABEL: func.func @max_1d_ncw_ceil_extra_window(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x1x5xf32>)
// CHECK:         pool.max %[[IN]] {{.*}} : tensor<1x1x5xf32> -> tensor<1x1x3xf32>
func.func @max_1d_ncw_ceil_extra_window(%in: tensor<1x1x5xf32>) -> tensor<?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 2>, strides = array<i64: 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x5xf32> -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// I = 6, k = 3, s = 2, p = 1 + 1, ceil_mode:
//   floor((6 + 2 - 3 + 1) / 2) + 1 = 4; (4 - 1) * 2 = 6 < 6 + 1, so 4 stays
//   (floor mode would give floor(5 / 2) + 1 = 3).
// CHECK-LABEL: func.func @max_1d_ncw_ceil_padded(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x1x6xf32>)
// CHECK:         pool.max %[[IN]] {{.*}} : tensor<1x1x6xf32> -> tensor<1x1x4xf32>
func.func @max_1d_ncw_ceil_padded(%in: tensor<1x1x6xf32>) -> tensor<?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x6xf32> -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// The PyTorch trap: I = 5, k = 2, s = 2, p = 1 + 1, ceil_mode:
//   floor((5 + 2 - 2 + 1) / 2) + 1 = 4, but the last window would start at
//   (4 - 1) * 2 = 6 >= 5 + 1, entirely in the end padding: O = 3.
// CHECK-LABEL: func.func @avg_1d_nwc_ceil_last_window_dropped(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x5x1xf32>)
// CHECK:         pool.avg %[[IN]] {{.*}} : tensor<1x5x1xf32> -> tensor<1x3x1xf32>
func.func @avg_1d_nwc_ceil_last_window_dropped(%in: tensor<1x5x1xf32>) -> tensor<?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, layout = #pool.layout<channels_last>} : tensor<1x5x1xf32> -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// ceil_mode with dilation: K = (2 - 1) * 2 + 1 = 3, I = 10, s = 3:
//   floor((10 - 3 + 2) / 3) + 1 = 4; (4 - 1) * 3 = 9 < 10, so 4 stays.
// 3-D, ceil_mode in the other dimensions too: I = 4, k = 2, s = 2 gives
//   floor((4 - 2 + 1) / 2) + 1 = 2; (2 - 1) * 2 = 2 < 4.
// CHECK-LABEL: func.func @max_3d_ndhwc_ceil_dilation(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x10x4x4x3xf32>)
// CHECK:         pool.max %[[IN]] {{.*}} : tensor<1x10x4x4x3xf32> -> tensor<1x4x2x2x3xf32>
func.func @max_3d_ndhwc_ceil_dilation(%in: tensor<1x10x4x4x3xf32>) -> tensor<?x?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 2, 2, 2>, strides = array<i64: 3, 2, 2>, dilations = array<i64: 2, 1, 1>, ceil_mode = true, layout = #pool.layout<channels_last>} : tensor<1x10x4x4x3xf32> -> tensor<?x?x?x?x?xf32>
  return %0 : tensor<?x?x?x?x?xf32>
}

// -----

// Dynamic input sizes stay dynamic; static ones are computed, batch and
// channels copied. W: floor((9 + 1 + 1 - 3) / 2) + 1 = 5.
// CHECK-LABEL: func.func @max_2d_nchw_dynamic_batch_height(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x3x?x9xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<?x3x?x9xf32> -> tensor<?x3x?x5xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<?x3x?x5xf32> to tensor<?x?x?x?xf32>
// CHECK:         return %[[CAST]]
func.func @max_2d_nchw_dynamic_batch_height(%in: tensor<?x3x?x9xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<?x3x?x9xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// A result size more static than the inferred one (batch 2 of a dynamic
// input) is kept: the new type is the most static one agreeing with both.
// W: ceil(9 / 2) = 5.
// CHECK-LABEL: func.func @avg_2d_nhwc_dynamic_keeps_static_result_size(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x9x?xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {{.*}} : tensor<?x?x9x?xf32> -> tensor<2x?x5x?xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<2x?x5x?xf32> to tensor<2x?x?x?xf32>
// CHECK:         return %[[CAST]]
func.func @avg_2d_nhwc_dynamic_keeps_static_result_size(%in: tensor<?x?x9x?xf32>) -> tensor<2x?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<?x?x9x?xf32> -> tensor<2x?x?x?xf32>
  return %0 : tensor<2x?x?x?xf32>
}

// -----

// A fully static result is left alone: no cast.
// CHECK-LABEL: func.func @max_2d_nchw_already_static(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK-NOT:     tensor.cast
// CHECK:         return %[[R]] : tensor<1x3x4x4xf32>
func.func @max_2d_nchw_already_static(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// A dynamic input gives nothing to refine: no cast.
// CHECK-LABEL: func.func @avg_2d_nchw_fully_dynamic_unchanged(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {{.*}} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
// CHECK-NOT:     tensor.cast
// CHECK:         return %[[R]] : tensor<?x?x?x?xf32>
func.func @avg_2d_nchw_fully_dynamic_unchanged(%in: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// CHECK-LABEL: func.func @global_max_1d_ncw(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x10xf32>)
// CHECK:         pool.global_max %[[IN]] {{.*}} : tensor<2x3x10xf32> -> tensor<2x3xf32>
func.func @global_max_1d_ncw(%in: tensor<2x3x10xf32>) -> tensor<?x?xf32> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>} : tensor<2x3x10xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// keep_dims: spatial sizes 1, channels last.
// CHECK-LABEL: func.func @global_avg_3d_ndhwc_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x5x6x8xf32>)
// CHECK:         pool.global_avg %[[IN]] {{.*}} : tensor<1x4x5x6x8xf32> -> tensor<1x1x1x1x8xf32>
func.func @global_avg_3d_ndhwc_keep_dims(%in: tensor<1x4x5x6x8xf32>) -> tensor<?x?x?x?x?xf32> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<1x4x5x6x8xf32> -> tensor<?x?x?x?x?xf32>
  return %0 : tensor<?x?x?x?x?xf32>
}

// -----

// Global outputs are static in the spatial dimensions even for a dynamic
// input; the dynamic batch stays dynamic.
// CHECK-LABEL: func.func @global_max_2d_nchw_dynamic_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x3x?x?xi32>)
// CHECK:         pool.global_max %[[IN]] {{.*}} : tensor<?x3x?x?xi32> -> tensor<?x3x1x1xi32>
func.func @global_max_2d_nchw_dynamic_keep_dims(%in: tensor<?x3x?x?xi32>) -> tensor<?x?x?x?xi32> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<?x3x?x?xi32> -> tensor<?x?x?x?xi32>
  return %0 : tensor<?x?x?x?xi32>
}

// -----

// CHECK-LABEL: func.func @global_avg_2d_nhwc_dynamic_spatial(
// CHECK-SAME:      %[[IN:.*]]: tensor<4x?x?x16xf32>)
// CHECK:         pool.global_avg %[[IN]] {{.*}} : tensor<4x?x?x16xf32> -> tensor<4x16xf32>
func.func @global_avg_2d_nhwc_dynamic_spatial(%in: tensor<4x?x?x16xf32>) -> tensor<?x?xf32> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>} : tensor<4x?x?x16xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @adaptive_avg_2d_nchw(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x512x14x13xf32>)
// CHECK:         pool.adaptive_avg %[[IN]] {{.*}} : tensor<1x512x14x13xf32> -> tensor<1x512x7x7xf32>
func.func @adaptive_avg_2d_nchw(%in: tensor<1x512x14x13xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// Adaptive outputs are static in the spatial dimensions even for a dynamic
// input.
// CHECK-LABEL: func.func @adaptive_max_1d_nwc_dynamic_spatial(
// CHECK-SAME:      %[[IN:.*]]: tensor<4x?x3xi8>)
// CHECK:         pool.adaptive_max %[[IN]] {{.*}} : tensor<4x?x3xi8> -> tensor<4x5x3xi8>
func.func @adaptive_max_1d_nwc_dynamic_spatial(%in: tensor<4x?x3xi8>) -> tensor<?x?x?xi8> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<4x?x3xi8> -> tensor<?x?x?xi8>
  return %0 : tensor<?x?x?xi8>
}

// -----

// CHECK-LABEL: func.func @adaptive_max_3d_ncdhw_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?x?xf32>)
// CHECK:         pool.adaptive_max %[[IN]] {{.*}} : tensor<?x?x?x?x?xf32> -> tensor<?x?x2x3x4xf32>
func.func @adaptive_max_3d_ncdhw_dynamic(%in: tensor<?x?x?x?x?xf32>) -> tensor<?x?x?x?x?xf32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 2, 3, 4>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?x?xf32> -> tensor<?x?x?x?x?xf32>
  return %0 : tensor<?x?x?x?x?xf32>
}

// -----

// CHECK-LABEL: func.func @adaptive_avg_1d_ncw_upsample(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x4xf64>)
// CHECK:         pool.adaptive_avg %[[IN]] {{.*}} : tensor<2x3x4xf64> -> tensor<2x3x9xf64>
func.func @adaptive_avg_1d_ncw_upsample(%in: tensor<2x3x4xf64>) -> tensor<2x3x?xf64> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 9>, layout = #pool.layout<channels_first>} : tensor<2x3x4xf64> -> tensor<2x3x?xf64>
  return %0 : tensor<2x3x?xf64>
}

// -----

// Refined types flow down a chain of pool ops; pool users take the new type
// as it is, and only the func.return gets a cast.
//   max: floor((16 - 2) / 2) + 1 = 8;  avg: floor((8 - 2) / 2) + 1 = 4.
// CHECK-LABEL: func.func @chain_max_avg_global_avg(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x16x16xf32>)
// CHECK:         %[[MAX:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x16x16xf32> -> tensor<1x3x8x8xf32>
// CHECK-NOT:     tensor.cast
// CHECK:         %[[AVG:.*]] = pool.avg %[[MAX]] {{.*}} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK-NOT:     tensor.cast
// CHECK:         %[[GAVG:.*]] = pool.global_avg %[[AVG]] {{.*}} : tensor<1x3x4x4xf32> -> tensor<1x3xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[GAVG]] : tensor<1x3xf32> to tensor<?x?xf32>
// CHECK:         return %[[CAST]] : tensor<?x?xf32>
func.func @chain_max_avg_global_avg(%in: tensor<1x3x16x16xf32>) -> tensor<?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x16x16xf32> -> tensor<?x?x?x?xf32>
  %1 = pool.avg %0 {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  %2 = pool.global_avg %1 {layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?xf32>
  return %2 : tensor<?x?xf32>
}

// -----

// A chain through adaptive pooling, channels last, with a dynamic batch:
//   adaptive_max to 6x6; max: same_upper ceil(6 / 4) = 2.
// CHECK-LABEL: func.func @chain_adaptive_max_max_nhwc_dynamic_batch(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x17x17x8xf16>)
// CHECK:         %[[A:.*]] = pool.adaptive_max %[[IN]] {{.*}} : tensor<?x17x17x8xf16> -> tensor<?x6x6x8xf16>
// CHECK:         %[[M:.*]] = pool.max %[[A]] {{.*}} : tensor<?x6x6x8xf16> -> tensor<?x2x2x8xf16>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[M]] : tensor<?x2x2x8xf16> to tensor<?x?x?x?xf16>
// CHECK:         return %[[CAST]]
func.func @chain_adaptive_max_max_nhwc_dynamic_batch(%in: tensor<?x17x17x8xf16>) -> tensor<?x?x?x?xf16> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 6, 6>, layout = #pool.layout<channels_last>} : tensor<?x17x17x8xf16> -> tensor<?x?x?x?xf16>
  %1 = pool.max %0 {kernel = array<i64: 3, 3>, strides = array<i64: 4, 4>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<?x?x?x?xf16> -> tensor<?x?x?x?xf16>
  return %1 : tensor<?x?x?x?xf16>
}

// -----

// A producer tensor.cast that only erases static sizes is looked through.
// CHECK-LABEL: func.func @cast_look_through(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<1x3x4x4xf32> to tensor<?x?x?x?xf32>
// CHECK:         return %[[CAST]]
func.func @cast_look_through(%in: tensor<1x3x8x8xf32>) -> tensor<?x?x?x?xf32> {
  %cast = tensor.cast %in : tensor<1x3x8x8xf32> to tensor<?x?x?x?xf32>
  %0 = pool.max %cast {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// A cast that adds static information is not looked through.
// CHECK-LABEL: func.func @cast_adding_static_info_kept(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x3x8x8xf32>)
// CHECK:         %[[C:.*]] = tensor.cast %[[IN]] : tensor<?x3x8x8xf32> to tensor<2x?x?x?xf32>
// CHECK:         %[[R:.*]] = pool.max %[[C]] {{.*}} : tensor<2x?x?x?xf32> -> tensor<2x?x?x?xf32>
// CHECK:         return %[[R]]
func.func @cast_adding_static_info_kept(%in: tensor<?x3x8x8xf32>) -> tensor<2x?x?x?xf32> {
  %cast = tensor.cast %in : tensor<?x3x8x8xf32> to tensor<2x?x?x?xf32>
  %0 = pool.max %cast {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<2x?x?x?xf32> -> tensor<2x?x?x?xf32>
  return %0 : tensor<2x?x?x?xf32>
}

// -----

// A tensor.cast user takes the refined type as its source: no second cast.
// CHECK-LABEL: func.func @cast_user_takes_refined_type(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {{.*}} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK-NEXT:    %[[C:.*]] = tensor.cast %[[R]] : tensor<1x3x4x4xf32> to tensor<1x?x?x?xf32>
// CHECK-NEXT:    return %[[C]] : tensor<1x?x?x?xf32>
func.func @cast_user_takes_refined_type(%in: tensor<1x3x8x8xf32>) -> tensor<1x?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<?x?x?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?x?x?xf32> to tensor<1x?x?x?xf32>
  return %1 : tensor<1x?x?x?xf32>
}

// -----

// A result used by a pool op and by func.return: the pool op takes the new
// type, the return the cast back.
// CHECK-LABEL: func.func @mixed_users(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<1x3x4x4xf32> to tensor<?x?x?x?xf32>
// CHECK:         %[[G:.*]] = pool.global_max %[[R]] {{.*}} : tensor<1x3x4x4xf32> -> tensor<1x3xf32>
// CHECK:         return %[[CAST]], %[[G]] : tensor<?x?x?x?xf32>, tensor<1x3xf32>
func.func @mixed_users(%in: tensor<1x3x8x8xf32>) -> (tensor<?x?x?x?xf32>, tensor<1x3xf32>) {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<?x?x?x?xf32>
  %1 = pool.global_max %0 {layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<1x3xf32>
  return %0, %1 : tensor<?x?x?x?xf32>, tensor<1x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Refinement keeps the IR valid. A statically valid function can still
// contradict itself at run time; the pass must not turn that into IR that
// fails to verify.
//===----------------------------------------------------------------------===//

// Looking through the cast would give a 2x2 input to a 3x3 window, which the
// verifier rejects: the op keeps its input and types.
// CHECK-LABEL: func.func @cast_look_through_would_be_invalid(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x2x2xf32>)
// CHECK:         %[[C:.*]] = tensor.cast %[[IN]] : tensor<1x3x2x2xf32> to tensor<?x?x?x?xf32>
// CHECK:         %[[R:.*]] = pool.max %[[C]] {{.*}} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
// CHECK:         return %[[R]]
func.func @cast_look_through_would_be_invalid(%in: tensor<1x3x2x2xf32>) -> tensor<?x?x?x?xf32> {
  %cast = tensor.cast %in : tensor<1x3x2x2xf32> to tensor<?x?x?x?xf32>
  %0 = pool.max %cast {kernel = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// The second pool op claims a 3x3 result; with the refined 1x3x4x4 input it
// would infer 2x2 and fail to verify, so it keeps seeing the old type through
// a cast, like a foreign user.
// CHECK-LABEL: func.func @pool_user_incompatible_with_refined_type(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<1x3x4x4xf32> to tensor<?x?x?x?xf32>
// CHECK:         %[[R2:.*]] = pool.max %[[CAST]] {{.*}} : tensor<?x?x?x?xf32> -> tensor<1x3x3x3xf32>
// CHECK:         return %[[R2]]
func.func @pool_user_incompatible_with_refined_type(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<?x?x?x?xf32>
  %1 = pool.max %0 {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<1x3x3x3xf32>
  return %1 : tensor<1x3x3x3xf32>
}

// -----

// A tensor.cast user whose destination contradicts the refined type keeps
// its old source type too.
// CHECK-LABEL: func.func @cast_user_incompatible_with_refined_type(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {{.*}} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<1x3x4x4xf32> to tensor<?x?x?x?xf32>
// CHECK:         %[[C2:.*]] = tensor.cast %[[CAST]] : tensor<?x?x?x?xf32> to tensor<1x3x3x3xf32>
// CHECK:         return %[[C2]]
func.func @cast_user_incompatible_with_refined_type(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<?x?x?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?x?x?xf32> to tensor<1x3x3x3xf32>
  return %1 : tensor<1x3x3x3xf32>
}
