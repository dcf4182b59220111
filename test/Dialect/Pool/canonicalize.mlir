// RUN: pool-opt %s -split-input-file -canonicalize | FileCheck %s

//===----------------------------------------------------------------------===//
// Identity local pooling (kernel 1, stride 1, no padding) folds to its input.
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @max_2d_nchw_identity(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK-NOT:     pool.max
// CHECK:         return %[[IN]] : tensor<1x3x8x8xf32>
func.func @max_2d_nchw_identity(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  %0 = pool.max %in {kernel = array<i64: 1, 1>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// -----

// The default stride is the kernel, 1; explicit zero padding, ceil_mode and
// count_include_pad change nothing.
// CHECK-LABEL: func.func @avg_1d_nwc_identity_default_stride(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x7x3xf16>)
// CHECK-NOT:     pool.avg
// CHECK:         return %[[IN]] : tensor<2x7x3xf16>
func.func @avg_1d_nwc_identity_default_stride(%in: tensor<2x7x3xf16>) -> tensor<2x7x3xf16> {
  %0 = pool.avg %in {kernel = array<i64: 1>, padding = array<i64: 0, 0>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x7x3xf16> -> tensor<2x7x3xf16>
  return %0 : tensor<2x7x3xf16>
}

// -----

// `same` padding of a one-element window with stride 1 is 0; dilation does
// not matter with kernel 1.
// CHECK-LABEL: func.func @max_3d_ncdhw_identity_same_upper_i32(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x3x4x5xi32>)
// CHECK-NOT:     pool.max
// CHECK:         return %[[IN]] : tensor<1x2x3x4x5xi32>
func.func @max_3d_ncdhw_identity_same_upper_i32(%in: tensor<1x2x3x4x5xi32>) -> tensor<1x2x3x4x5xi32> {
  %0 = pool.max %in {kernel = array<i64: 1, 1, 1>, dilations = array<i64: 2, 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x2x3x4x5xi32> -> tensor<1x2x3x4x5xi32>
  return %0 : tensor<1x2x3x4x5xi32>
}

// -----

// CHECK-LABEL: func.func @avg_2d_nchw_identity_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?xf32>)
// CHECK-NOT:     pool.avg
// CHECK:         return %[[IN]] : tensor<?x?x?x?xf32>
func.func @avg_2d_nchw_identity_dynamic(%in: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 1, 1>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// A result type less static than the input gets a cast.
// CHECK-LABEL: func.func @max_2d_nhwc_identity_cast(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x8x8x3xf32>)
// CHECK-NOT:     pool.max
// CHECK:         %[[CAST:.*]] = tensor.cast %[[IN]] : tensor<1x8x8x3xf32> to tensor<?x?x?x?xf32>
// CHECK:         return %[[CAST]]
func.func @max_2d_nhwc_identity_cast(%in: tensor<1x8x8x3xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x8x8x3xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// Kernel 1 with stride 2 subsamples: not an identity.
// CHECK-LABEL: func.func @negative_max_kernel_1_stride_2(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 1, 1>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         return %[[R]]
func.func @negative_max_kernel_1_stride_2(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.max %in {kernel = array<i64: 1, 1>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// Stride 1 in one dimension only.
// CHECK-LABEL: func.func @negative_avg_kernel_1_stride_1_and_2(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x8x8x3xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {{.*}} : tensor<1x8x8x3xf32> -> tensor<1x8x4x3xf32>
// CHECK:         return %[[R]]
func.func @negative_avg_kernel_1_stride_1_and_2(%in: tensor<1x8x8x3xf32>) -> tensor<1x8x4x3xf32> {
  %0 = pool.avg %in {kernel = array<i64: 1, 1>, strides = array<i64: 1, 2>, layout = #pool.layout<channels_last>} : tensor<1x8x8x3xf32> -> tensor<1x8x4x3xf32>
  return %0 : tensor<1x8x4x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Global pooling over spatial size 1 is its input, reshaped.
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @global_max_2d_nchw_unit_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x1x1xf32>)
// CHECK-NOT:     pool.global_max
// CHECK:         return %[[IN]] : tensor<2x3x1x1xf32>
func.func @global_max_2d_nchw_unit_keep_dims(%in: tensor<2x3x1x1xf32>) -> tensor<2x3x1x1xf32> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<2x3x1x1xf32> -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// -----

// CHECK-LABEL: func.func @global_avg_3d_ndhwc_unit_keep_dims_cast(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x1x1x1x8xf32>)
// CHECK-NOT:     pool.global_avg
// CHECK:         %[[CAST:.*]] = tensor.cast %[[IN]] : tensor<?x1x1x1x8xf32> to tensor<?x?x?x?x?xf32>
// CHECK:         return %[[CAST]]
func.func @global_avg_3d_ndhwc_unit_keep_dims_cast(%in: tensor<?x1x1x1x8xf32>) -> tensor<?x?x?x?x?xf32> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<?x1x1x1x8xf32> -> tensor<?x?x?x?x?xf32>
  return %0 : tensor<?x?x?x?x?xf32>
}

// -----

// CHECK-LABEL: func.func @global_avg_2d_nchw_unit_collapse(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x1x1xf32>)
// CHECK-NOT:     pool.global_avg
// CHECK:         %[[R:.*]] = tensor.collapse_shape %[[IN]] {{\[}}[0], [1, 2, 3]] : tensor<2x3x1x1xf32> into tensor<2x3xf32>
// CHECK:         return %[[R]]
func.func @global_avg_2d_nchw_unit_collapse(%in: tensor<2x3x1x1xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_first>} : tensor<2x3x1x1xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @global_max_2d_nhwc_unit_collapse_i8(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x1x1x3xi8>)
// CHECK-NOT:     pool.global_max
// CHECK:         %[[R:.*]] = tensor.collapse_shape %[[IN]] {{\[}}[0, 1, 2], [3]] : tensor<2x1x1x3xi8> into tensor<2x3xi8>
// CHECK:         return %[[R]]
func.func @global_max_2d_nhwc_unit_collapse_i8(%in: tensor<2x1x1x3xi8>) -> tensor<2x3xi8> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_last>} : tensor<2x1x1x3xi8> -> tensor<2x3xi8>
  return %0 : tensor<2x3xi8>
}

// -----

// CHECK-LABEL: func.func @global_max_1d_nwc_unit_collapse_dynamic_batch(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x1x8xf32>)
// CHECK-NOT:     pool.global_max
// CHECK:         %[[R:.*]] = tensor.collapse_shape %[[IN]] {{\[}}[0, 1], [2]] : tensor<?x1x8xf32> into tensor<?x8xf32>
// CHECK:         return %[[R]]
func.func @global_max_1d_nwc_unit_collapse_dynamic_batch(%in: tensor<?x1x8xf32>) -> tensor<?x8xf32> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_last>} : tensor<?x1x8xf32> -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// CHECK-LABEL: func.func @global_avg_3d_ncdhw_unit_collapse_cast(
// CHECK-SAME:      %[[IN:.*]]: tensor<4x5x1x1x1xf64>)
// CHECK-NOT:     pool.global_avg
// CHECK:         %[[C:.*]] = tensor.collapse_shape %[[IN]] {{\[}}[0], [1, 2, 3, 4]] : tensor<4x5x1x1x1xf64> into tensor<4x5xf64>
// CHECK:         %[[CAST:.*]] = tensor.cast %[[C]] : tensor<4x5xf64> to tensor<?x?xf64>
// CHECK:         return %[[CAST]]
func.func @global_avg_3d_ncdhw_unit_collapse_cast(%in: tensor<4x5x1x1x1xf64>) -> tensor<?x?xf64> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_first>} : tensor<4x5x1x1x1xf64> -> tensor<?x?xf64>
  return %0 : tensor<?x?xf64>
}

// -----

// CHECK-LABEL: func.func @negative_global_max_spatial_size_2(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x1x2xf32>)
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_first>} : tensor<2x3x1x2xf32> -> tensor<2x3xf32>
// CHECK:         return %[[R]]
func.func @negative_global_max_spatial_size_2(%in: tensor<2x3x1x2xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>} : tensor<2x3x1x2xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @negative_global_avg_dynamic_spatial_size(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x?x3xf32>)
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x?x3xf32> -> tensor<2x1x3xf32>
// CHECK:         return %[[R]]
func.func @negative_global_avg_dynamic_spatial_size(%in: tensor<2x?x3xf32>) -> tensor<2x1x3xf32> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x?x3xf32> -> tensor<2x1x3xf32>
  return %0 : tensor<2x1x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Adaptive pooling to size 1 is global pooling with keep_dims.
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @adaptive_avg_2d_nchw_to_global(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x512x7x5xf32>)
// CHECK-NOT:     pool.adaptive_avg
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<1x512x7x5xf32> -> tensor<1x512x1x1xf32>
// CHECK:         return %[[R]]
func.func @adaptive_avg_2d_nchw_to_global(%in: tensor<1x512x7x5xf32>) -> tensor<1x512x1x1xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x512x7x5xf32> -> tensor<1x512x1x1xf32>
  return %0 : tensor<1x512x1x1xf32>
}

// -----

// Also for dynamic input sizes.
// CHECK-LABEL: func.func @adaptive_max_3d_ndhwc_dynamic_to_global(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?x16xi32>)
// CHECK-NOT:     pool.adaptive_max
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<?x?x?x?x16xi32> -> tensor<?x1x1x1x16xi32>
// CHECK:         return %[[R]]
func.func @adaptive_max_3d_ndhwc_dynamic_to_global(%in: tensor<?x?x?x?x16xi32>) -> tensor<?x1x1x1x16xi32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<?x?x?x?x16xi32> -> tensor<?x1x1x1x16xi32>
  return %0 : tensor<?x1x1x1x16xi32>
}

// -----

//===----------------------------------------------------------------------===//
// Adaptive pooling with even bins is local pooling, kernel = stride = In / Out.
//===----------------------------------------------------------------------===//

// 14 / 7 = 2, 12 / 4 = 3.
// CHECK-LABEL: func.func @adaptive_max_2d_nchw_to_local(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x14x12xf32>)
// CHECK-NOT:     pool.adaptive_max
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 3>, strides = array<i64: 2, 3>, layout = #pool.layout<channels_first>} : tensor<1x3x14x12xf32> -> tensor<1x3x7x4xf32>
// CHECK:         return %[[R]]
func.func @adaptive_max_2d_nchw_to_local(%in: tensor<1x3x14x12xf32>) -> tensor<1x3x7x4xf32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 7, 4>, layout = #pool.layout<channels_first>} : tensor<1x3x14x12xf32> -> tensor<1x3x7x4xf32>
  return %0 : tensor<1x3x7x4xf32>
}

// -----

// 8 / 2 = 4; the dynamic batch does not matter; the result type is kept.
// CHECK-LABEL: func.func @adaptive_avg_1d_nwc_to_local_dynamic_batch(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x8x3xf32>)
// CHECK-NOT:     pool.adaptive_avg
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 4>, strides = array<i64: 4>, layout = #pool.layout<channels_last>} : tensor<?x8x3xf32> -> tensor<?x?x?xf32>
// CHECK:         return %[[R]]
func.func @adaptive_avg_1d_nwc_to_local_dynamic_batch(%in: tensor<?x8x3xf32>) -> tensor<?x?x?xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<?x8x3xf32> -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// Output size equal to the input size: kernel = stride = 1, an identity,
// which folds away in turn.
// CHECK-LABEL: func.func @adaptive_avg_3d_ncdhw_same_size_to_identity(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x3x4x5xf32>)
// CHECK-NOT:     pool.
// CHECK:         return %[[IN]] : tensor<1x2x3x4x5xf32>
func.func @adaptive_avg_3d_ncdhw_same_size_to_identity(%in: tensor<1x2x3x4x5xf32>) -> tensor<1x2x3x4x5xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 3, 4, 5>, layout = #pool.layout<channels_first>} : tensor<1x2x3x4x5xf32> -> tensor<1x2x3x4x5xf32>
  return %0 : tensor<1x2x3x4x5xf32>
}

// -----

// 15 = 2 * 7 + 1 and 13 = 2 * 6 + 1: every bin is [2o, 2o + 3), a 3-wide
// window of stride 2 (PyTorch's bins: floor(o * I / O) to
// ceil((o + 1) * I / O)).
// CHECK-LABEL: func.func @adaptive_avg_2d_nchw_remainder_one_to_local(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x512x15x13xf32>)
// CHECK-NOT:     pool.adaptive_avg
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x512x15x13xf32> -> tensor<1x512x7x6xf32>
// CHECK:         return %[[R]]
func.func @adaptive_avg_2d_nchw_remainder_one_to_local(%in: tensor<1x512x15x13xf32>) -> tensor<1x512x7x6xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 7, 6>, layout = #pool.layout<channels_first>} : tensor<1x512x15x13xf32> -> tensor<1x512x7x6xf32>
  return %0 : tensor<1x512x7x6xf32>
}

// -----

// 4 = 1 * 3 + 1: bins [0, 2), [1, 3), [2, 4); 57 = 8 * 7 + 1: kernel 9,
// stride 8; 8 / 4 = 2 even.
// CHECK-LABEL: func.func @adaptive_max_3d_ndhwc_remainder_one_to_local(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x4x57x8x5xf32>)
// CHECK-NOT:     pool.adaptive_max
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 9, 2>, strides = array<i64: 1, 8, 2>, layout = #pool.layout<channels_last>} : tensor<2x4x57x8x5xf32> -> tensor<2x3x7x4x5xf32>
// CHECK:         return %[[R]]
func.func @adaptive_max_3d_ndhwc_remainder_one_to_local(%in: tensor<2x4x57x8x5xf32>) -> tensor<2x3x7x4x5xf32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 3, 7, 4>, layout = #pool.layout<channels_last>} : tensor<2x4x57x8x5xf32> -> tensor<2x3x7x4x5xf32>
  return %0 : tensor<2x3x7x4x5xf32>
}

// -----

// 14 = 3 * 4 + 2: bins [0, 4), [3, 7), [7, 11), [10, 14) do not start at a
// constant stride (6 = 2 * 3 is even and stays).
// CHECK-LABEL: func.func @negative_adaptive_avg_uneven_bins(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x14x6xf32>)
// CHECK:         %[[R:.*]] = pool.adaptive_avg %[[IN]] {output_size = array<i64: 4, 3>, layout = #pool.layout<channels_first>} : tensor<1x3x14x6xf32> -> tensor<1x3x4x3xf32>
// CHECK:         return %[[R]]
func.func @negative_adaptive_avg_uneven_bins(%in: tensor<1x3x14x6xf32>) -> tensor<1x3x4x3xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 4, 3>, layout = #pool.layout<channels_first>} : tensor<1x3x14x6xf32> -> tensor<1x3x4x3xf32>
  return %0 : tensor<1x3x4x3xf32>
}

// -----

// 1 % 2 == 1, but the input is smaller than the output: bins [0, 1) twice
// are not a window with a positive stride.
// CHECK-LABEL: func.func @negative_adaptive_avg_remainder_one_upsample(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x1xf32>)
// CHECK:         pool.adaptive_avg %[[IN]] {output_size = array<i64: 2>
func.func @negative_adaptive_avg_remainder_one_upsample(%in: tensor<1x2x1xf32>) -> tensor<1x2x2xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x2x1xf32> -> tensor<1x2x2xf32>
  return %0 : tensor<1x2x2xf32>
}

// -----

// Output larger than the input: not a local pooling.
// CHECK-LABEL: func.func @negative_adaptive_max_upsample(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x16x3xf32>)
// CHECK:         %[[R:.*]] = pool.adaptive_max %[[IN]] {output_size = array<i64: 6>, layout = #pool.layout<channels_first>} : tensor<1x16x3xf32> -> tensor<1x16x6xf32>
// CHECK:         return %[[R]]
func.func @negative_adaptive_max_upsample(%in: tensor<1x16x3xf32>) -> tensor<1x16x6xf32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 6>, layout = #pool.layout<channels_first>} : tensor<1x16x3xf32> -> tensor<1x16x6xf32>
  return %0 : tensor<1x16x6xf32>
}

// -----

// CHECK-LABEL: func.func @negative_adaptive_max_dynamic_spatial_size(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x?x8x3xf32>)
// CHECK:         %[[R:.*]] = pool.adaptive_max %[[IN]] {output_size = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x?x8x3xf32> -> tensor<1x2x2x3xf32>
// CHECK:         return %[[R]]
func.func @negative_adaptive_max_dynamic_spatial_size(%in: tensor<1x?x8x3xf32>) -> tensor<1x2x2x3xf32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x?x8x3xf32> -> tensor<1x2x2x3xf32>
  return %0 : tensor<1x2x2x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// A local window covering exactly the whole unpadded input is global pooling
// with keep_dims.
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @max_2d_nchw_window_covers_input(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x4x5xf32>)
// CHECK-NOT:     pool.max
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<1x3x4x5xf32> -> tensor<1x3x1x1xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nchw_window_covers_input(%in: tensor<1x3x4x5xf32>) -> tensor<1x3x1x1xf32> {
  %0 = pool.max %in {kernel = array<i64: 4, 5>, layout = #pool.layout<channels_first>} : tensor<1x3x4x5xf32> -> tensor<1x3x1x1xf32>
  return %0 : tensor<1x3x1x1xf32>
}

// -----

// Any stride gives one window; ceil_mode adds none (floor((0 + 1) / 2) + 1 = 1),
// count_include_pad has no padding to count.
// CHECK-LABEL: func.func @avg_1d_nwc_window_covers_input_ceil(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x7x3xf32>)
// CHECK-NOT:     pool.avg
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x7x3xf32> -> tensor<2x?x3xf32>
// CHECK:         return %[[R]]
func.func @avg_1d_nwc_window_covers_input_ceil(%in: tensor<2x7x3xf32>) -> tensor<2x?x3xf32> {
  %0 = pool.avg %in {kernel = array<i64: 7>, strides = array<i64: 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x7x3xf32> -> tensor<2x?x3xf32>
  return %0 : tensor<2x?x3xf32>
}

// -----

// same_upper with stride >= I: O = ceil(4 / 4) = 1, P = max(0 * 4 + 4 - 4, 0) = 0.
// CHECK-LABEL: func.func @max_3d_ndhwc_window_covers_input_same_upper(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x2x3x8xf16>)
// CHECK-NOT:     pool.max
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<1x4x2x3x8xf16> -> tensor<1x1x1x1x8xf16>
// CHECK:         return %[[R]]
func.func @max_3d_ndhwc_window_covers_input_same_upper(%in: tensor<1x4x2x3x8xf16>) -> tensor<1x1x1x1x8xf16> {
  %0 = pool.max %in {kernel = array<i64: 4, 2, 3>, strides = array<i64: 4, 2, 3>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<1x4x2x3x8xf16> -> tensor<1x1x1x1x8xf16>
  return %0 : tensor<1x1x1x1x8xf16>
}

// -----

// Padding: the single window [-1, 2) misses the last element.
// CHECK-LABEL: func.func @negative_max_window_covers_padded_input(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x3x3xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x3x3xf32> -> tensor<1x3x1x1xf32>
// CHECK:         return %[[R]]
func.func @negative_max_window_covers_padded_input(%in: tensor<1x3x3x3xf32>) -> tensor<1x3x1x1xf32> {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x3x3xf32> -> tensor<1x3x1x1xf32>
  return %0 : tensor<1x3x1x1xf32>
}

// -----

// Dilation 2: the window spans 3 elements but skips the middle one.
// CHECK-LABEL: func.func @negative_avg_dilated_window_spans_input(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x3xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {{.*}} : tensor<1x3x3xf32> -> tensor<1x3x1xf32>
// CHECK:         return %[[R]]
func.func @negative_avg_dilated_window_spans_input(%in: tensor<1x3x3xf32>) -> tensor<1x3x1xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2>, dilations = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x3x3xf32> -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// same_upper with stride < I: ceil(4 / 2) = 2 windows.
// CHECK-LABEL: func.func @negative_max_window_covers_input_same_two_windows(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x4xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x4xf32> -> tensor<1x3x2xf32>
// CHECK:         return %[[R]]
func.func @negative_max_window_covers_input_same_two_windows(%in: tensor<1x3x4xf32>) -> tensor<1x3x2xf32> {
  %0 = pool.max %in {kernel = array<i64: 4>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x3x4xf32> -> tensor<1x3x2xf32>
  return %0 : tensor<1x3x2xf32>
}

// -----

// The window covers only the first dimension.
// CHECK-LABEL: func.func @negative_avg_window_covers_one_dimension(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x6x3xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {{.*}} : tensor<1x4x6x3xf32> -> tensor<1x1x3x3xf32>
// CHECK:         return %[[R]]
func.func @negative_avg_window_covers_one_dimension(%in: tensor<1x4x6x3xf32>) -> tensor<1x1x3x3xf32> {
  %0 = pool.avg %in {kernel = array<i64: 4, 2>, layout = #pool.layout<channels_last>} : tensor<1x4x6x3xf32> -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @negative_max_window_dynamic_input(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x?x4xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x3x?x4xf32> -> tensor<1x3x?x1xf32>
// CHECK:         return %[[R]]
func.func @negative_max_window_dynamic_input(%in: tensor<1x3x?x4xf32>) -> tensor<1x3x?x1xf32> {
  %0 = pool.max %in {kernel = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x3x?x4xf32> -> tensor<1x3x?x1xf32>
  return %0 : tensor<1x3x?x1xf32>
}
