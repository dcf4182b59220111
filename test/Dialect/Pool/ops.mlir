// RUN: pool-opt %s | pool-opt | FileCheck %s
// RUN: pool-opt %s -mlir-print-op-generic | pool-opt | FileCheck %s

// Round trip of every pool op: custom form, and generic form read back into
// the custom one. Attributes print in a fixed order (kernel, strides,
// dilations, padding, auto_pad, ceil_mode, count_include_pad, output_size,
// layout, keep_dims); default values (auto_pad explicit, false booleans) are
// elided.

//===----------------------------------------------------------------------===//
// The five examples of the issue (examples/issue_examples.mlir), verbatim.
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @issue_examples(
// CHECK-SAME:      %[[X:[^:]*]]: tensor<1x64x112x112xf32>, %[[Y:[^:]*]]: tensor<10x4x10xf32>, %[[Z:[^:]*]]: tensor<2x8x8x2048xf32>, %[[W:[^:]*]]: tensor<1x512x14x13xf32>, %[[S:[^:]*]]: tensor<4x7x3xf32>)
// CHECK-NEXT:    %[[R0:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>{{$}}
// CHECK-NEXT:    %[[R1:.*]] = pool.avg %[[Y]] {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>{{$}}
// CHECK-NEXT:    %[[R2:.*]] = pool.global_avg %[[Z]] {layout = #pool.layout<channels_last>} : tensor<2x8x8x2048xf32> -> tensor<2x2048xf32>{{$}}
// CHECK-NEXT:    %[[R3:.*]] = pool.adaptive_avg %[[W]] {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<1x512x7x7xf32>{{$}}
// CHECK-NEXT:    %[[R4:.*]] = pool.max %[[S]] {kernel = array<i64: 3>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>{{$}}
// CHECK-NEXT:    return %[[R0]], %[[R1]], %[[R2]], %[[R3]], %[[R4]]
func.func @issue_examples(%x: tensor<1x64x112x112xf32>, %y: tensor<10x4x10xf32>, %z: tensor<2x8x8x2048xf32>, %w: tensor<1x512x14x13xf32>, %s: tensor<4x7x3xf32>) -> (tensor<1x64x56x56xf32>, tensor<10x2x10xf32>, tensor<2x2048xf32>, tensor<1x512x7x7xf32>, tensor<4x4x3xf32>) {
%0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
%1 = pool.avg %y {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>
%2 = pool.global_avg %z {layout = #pool.layout<channels_last>} : tensor<2x8x8x2048xf32> -> tensor<2x2048xf32>
%3 = pool.adaptive_avg %w {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<1x512x7x7xf32>
%4 = pool.max %s {kernel = array<i64: 3>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
return %0, %1, %2, %3, %4 : tensor<1x64x56x56xf32>, tensor<10x2x10xf32>, tensor<2x2048xf32>, tensor<1x512x7x7xf32>, tensor<4x4x3xf32>
}

//===----------------------------------------------------------------------===//
// pool.max
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @max_1d_ncw_f32(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x10xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<2x3x10xf32> -> tensor<2x3x5xf32>
// CHECK:         return %[[R]]
func.func @max_1d_ncw_f32(%in: tensor<2x3x10xf32>) -> tensor<2x3x5xf32> {
  %0 = pool.max %in {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<2x3x10xf32> -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @max_1d_nwc_f16_strides(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x10x3xf16>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 3>, strides = array<i64: 1>, layout = #pool.layout<channels_last>} : tensor<2x10x3xf16> -> tensor<2x8x3xf16>
// CHECK:         return %[[R]]
func.func @max_1d_nwc_f16_strides(%in: tensor<2x10x3xf16>) -> tensor<2x8x3xf16> {
  %0 = pool.max %in {kernel = array<i64: 3>, strides = array<i64: 1>, layout = #pool.layout<channels_last>} : tensor<2x10x3xf16> -> tensor<2x8x3xf16>
  return %0 : tensor<2x8x3xf16>
}

// CHECK-LABEL: func.func @max_1d_ncw_bf16_dilations(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x11xbf16>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 3>, strides = array<i64: 2>, dilations = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x4x11xbf16> -> tensor<1x4x4xbf16>
// CHECK:         return %[[R]]
func.func @max_1d_ncw_bf16_dilations(%in: tensor<1x4x11xbf16>) -> tensor<1x4x4xbf16> {
  %0 = pool.max %in {kernel = array<i64: 3>, strides = array<i64: 2>, dilations = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x4x11xbf16> -> tensor<1x4x4xbf16>
  return %0 : tensor<1x4x4xbf16>
}

// CHECK-LABEL: func.func @max_1d_ncw_f64_padding(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x7xf64>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x7xf64> -> tensor<1x4x4xf64>
// CHECK:         return %[[R]]
func.func @max_1d_ncw_f64_padding(%in: tensor<1x4x7xf64>) -> tensor<1x4x4xf64> {
  %0 = pool.max %in {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x7xf64> -> tensor<1x4x4xf64>
  return %0 : tensor<1x4x4xf64>
}

// CHECK-LABEL: func.func @max_1d_ncw_i8(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x8xi8>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x4x8xi8> -> tensor<1x4x4xi8>
// CHECK:         return %[[R]]
func.func @max_1d_ncw_i8(%in: tensor<1x4x8xi8>) -> tensor<1x4x4xi8> {
  %0 = pool.max %in {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x4x8xi8> -> tensor<1x4x4xi8>
  return %0 : tensor<1x4x4xi8>
}

// CHECK-LABEL: func.func @max_1d_nwc_i32_valid(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x8x4xi32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 4>, strides = array<i64: 4>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_last>} : tensor<1x8x4xi32> -> tensor<1x2x4xi32>
// CHECK:         return %[[R]]
func.func @max_1d_nwc_i32_valid(%in: tensor<1x8x4xi32>) -> tensor<1x2x4xi32> {
  %0 = pool.max %in {kernel = array<i64: 4>, strides = array<i64: 4>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_last>} : tensor<1x8x4xi32> -> tensor<1x2x4xi32>
  return %0 : tensor<1x2x4xi32>
}

// CHECK-LABEL: func.func @max_2d_nhwc_same_lower(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x7x7x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<1x7x7x8xf32> -> tensor<1x4x4x8xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nhwc_same_lower(%in: tensor<1x7x7x8xf32>) -> tensor<1x4x4x8xf32> {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<1x7x7x8xf32> -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: func.func @max_2d_nchw_ceil(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x5x5xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x3x5x5xf32> -> tensor<1x3x3x3xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nchw_ceil(%in: tensor<1x3x5x5xf32>) -> tensor<1x3x3x3xf32> {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x3x5x5xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// Padding is [begin_0, begin_1, end_0, end_1]: H gets 0 + 1, W gets 1 + 0.
// CHECK-LABEL: func.func @max_2d_nchw_asymmetric_padding(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x6x6xi16>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2>, padding = array<i64: 0, 1, 1, 0>, layout = #pool.layout<channels_first>} : tensor<1x2x6x6xi16> -> tensor<1x2x3x3xi16>
// CHECK:         return %[[R]]
func.func @max_2d_nchw_asymmetric_padding(%in: tensor<1x2x6x6xi16>) -> tensor<1x2x3x3xi16> {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, padding = array<i64: 0, 1, 1, 0>, layout = #pool.layout<channels_first>} : tensor<1x2x6x6xi16> -> tensor<1x2x3x3xi16>
  return %0 : tensor<1x2x3x3xi16>
}

// Defaults written out are elided, and attributes print in the fixed order
// whatever order they were written in.
// CHECK-LABEL: func.func @max_2d_nchw_defaults_elided(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nchw_defaults_elided(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.max %in {layout = #pool.layout<channels_first>, ceil_mode = false, auto_pad = #pool.auto_pad<explicit>, strides = array<i64: 2, 2>, kernel = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// A discardable attribute of another dialect prints after the pool ones.
// CHECK-LABEL: func.func @max_2d_nchw_discardable_attr(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>, test.tag = "stem"} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nchw_discardable_attr(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.max %in {test.tag = "stem", layout = #pool.layout<channels_first>, kernel = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// CHECK-LABEL: func.func @max_2d_nchw_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nchw_dynamic(%in: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// Only the dynamic sizes stay dynamic.
// CHECK-LABEL: func.func @max_2d_nhwc_dynamic_batch_height(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x8x3xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<?x?x8x3xf32> -> tensor<?x?x4x3xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nhwc_dynamic_batch_height(%in: tensor<?x?x8x3xf32>) -> tensor<?x?x4x3xf32> {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<?x?x8x3xf32> -> tensor<?x?x4x3xf32>
  return %0 : tensor<?x?x4x3xf32>
}

// The result type may be less static than the inferred 1x3x4x4.
// CHECK-LABEL: func.func @max_2d_nchw_less_static_result(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<?x?x?x?xf32>
// CHECK:         return %[[R]]
func.func @max_2d_nchw_less_static_result(%in: tensor<1x3x8x8xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// CHECK-LABEL: func.func @max_3d_ncdhw_i64(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x8x8x8xi64>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x8x8x8xi64> -> tensor<1x2x4x4x4xi64>
// CHECK:         return %[[R]]
func.func @max_3d_ncdhw_i64(%in: tensor<1x2x8x8x8xi64>) -> tensor<1x2x4x4x4xi64> {
  %0 = pool.max %in {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x8x8x8xi64> -> tensor<1x2x4x4x4xi64>
  return %0 : tensor<1x2x4x4x4xi64>
}

// CHECK-LABEL: func.func @max_3d_ndhwc_f16_strides_dilations_padding(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x9x9x9x4xf16>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 3, 3, 3>, strides = array<i64: 2, 1, 2>, dilations = array<i64: 1, 2, 1>, padding = array<i64: 1, 0, 1, 1, 0, 1>, layout = #pool.layout<channels_last>} : tensor<1x9x9x9x4xf16> -> tensor<1x5x5x5x4xf16>
// CHECK:         return %[[R]]
func.func @max_3d_ndhwc_f16_strides_dilations_padding(%in: tensor<1x9x9x9x4xf16>) -> tensor<1x5x5x5x4xf16> {
  %0 = pool.max %in {kernel = array<i64: 3, 3, 3>, strides = array<i64: 2, 1, 2>, dilations = array<i64: 1, 2, 1>, padding = array<i64: 1, 0, 1, 1, 0, 1>, layout = #pool.layout<channels_last>} : tensor<1x9x9x9x4xf16> -> tensor<1x5x5x5x4xf16>
  return %0 : tensor<1x5x5x5x4xf16>
}

// CHECK-LABEL: func.func @max_3d_ncdhw_ceil_same_upper_i8(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x1x5x6x7xi8>)
// CHECK:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 2, 2, 2>, auto_pad = #pool.auto_pad<same_upper>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x5x6x7xi8> -> tensor<1x1x3x3x4xi8>
// CHECK:         return %[[R]]
func.func @max_3d_ncdhw_ceil_same_upper_i8(%in: tensor<1x1x5x6x7xi8>) -> tensor<1x1x3x3x4xi8> {
  %0 = pool.max %in {kernel = array<i64: 2, 2, 2>, auto_pad = #pool.auto_pad<same_upper>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x5x6x7xi8> -> tensor<1x1x3x3x4xi8>
  return %0 : tensor<1x1x3x3x4xi8>
}

//===----------------------------------------------------------------------===//
// pool.avg
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @avg_1d_ncw_f64(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x9xf64>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 3>, strides = array<i64: 3>, layout = #pool.layout<channels_first>} : tensor<1x2x9xf64> -> tensor<1x2x3xf64>
// CHECK:         return %[[R]]
func.func @avg_1d_ncw_f64(%in: tensor<1x2x9xf64>) -> tensor<1x2x3xf64> {
  %0 = pool.avg %in {kernel = array<i64: 3>, strides = array<i64: 3>, layout = #pool.layout<channels_first>} : tensor<1x2x9xf64> -> tensor<1x2x3xf64>
  return %0 : tensor<1x2x3xf64>
}

// CHECK-LABEL: func.func @avg_1d_nwc_dynamic_same_lower(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 4>, strides = array<i64: 3>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<?x?x?xf32> -> tensor<?x?x?xf32>
// CHECK:         return %[[R]]
func.func @avg_1d_nwc_dynamic_same_lower(%in: tensor<?x?x?xf32>) -> tensor<?x?x?xf32> {
  %0 = pool.avg %in {kernel = array<i64: 4>, strides = array<i64: 3>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<?x?x?xf32> -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// CHECK-LABEL: func.func @avg_2d_nchw_count_include_pad(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
// CHECK:         return %[[R]]
func.func @avg_2d_nchw_count_include_pad(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
  %0 = pool.avg %in {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// CHECK-LABEL: func.func @avg_2d_nhwc_bf16_same_upper(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x5x5x3xbf16>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<2x5x5x3xbf16> -> tensor<2x3x3x3xbf16>
// CHECK:         return %[[R]]
func.func @avg_2d_nhwc_bf16_same_upper(%in: tensor<2x5x5x3xbf16>) -> tensor<2x3x3x3xbf16> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<2x5x5x3xbf16> -> tensor<2x3x3x3xbf16>
  return %0 : tensor<2x3x3x3xbf16>
}

// CHECK-LABEL: func.func @avg_2d_nchw_f16_ceil_dilations(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x1x10x10xf16>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>, dilations = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x10x10xf16> -> tensor<1x1x4x4xf16>
// CHECK:         return %[[R]]
func.func @avg_2d_nchw_f16_ceil_dilations(%in: tensor<1x1x10x10xf16>) -> tensor<1x1x4x4xf16> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>, dilations = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x1x10x10xf16> -> tensor<1x1x4x4xf16>
  return %0 : tensor<1x1x4x4xf16>
}

// Every attribute at once, printed in the fixed order.
// CHECK-LABEL: func.func @avg_2d_nchw_all_attributes(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x1x7x7xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x1x7x7xf32> -> tensor<1x1x4x4xf32>
// CHECK:         return %[[R]]
func.func @avg_2d_nchw_all_attributes(%in: tensor<1x1x7x7xf32>) -> tensor<1x1x4x4xf32> {
  %0 = pool.avg %in {count_include_pad = true, ceil_mode = true, auto_pad = #pool.auto_pad<explicit>, layout = #pool.layout<channels_first>, padding = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, strides = array<i64: 2, 2>, kernel = array<i64: 3, 3>} : tensor<1x1x7x7xf32> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// CHECK-LABEL: func.func @avg_2d_nchw_count_include_pad_false_elided(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x8x8xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
// CHECK:         return %[[R]]
func.func @avg_2d_nchw_count_include_pad_false_elided(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, count_include_pad = false, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// CHECK-LABEL: func.func @avg_3d_ncdhw_valid(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x4x6x8xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 2, 3, 4>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_first>} : tensor<1x2x4x6x8xf32> -> tensor<1x2x2x2x2xf32>
// CHECK:         return %[[R]]
func.func @avg_3d_ncdhw_valid(%in: tensor<1x2x4x6x8xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 3, 4>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_first>} : tensor<1x2x4x6x8xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}

// CHECK-LABEL: func.func @avg_3d_ndhwc_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x4x?x4x3xf32>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_last>} : tensor<?x4x?x4x3xf32> -> tensor<?x2x?x2x3xf32>
// CHECK:         return %[[R]]
func.func @avg_3d_ndhwc_dynamic(%in: tensor<?x4x?x4x3xf32>) -> tensor<?x2x?x2x3xf32> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_last>} : tensor<?x4x?x4x3xf32> -> tensor<?x2x?x2x3xf32>
  return %0 : tensor<?x2x?x2x3xf32>
}

// CHECK-LABEL: func.func @avg_3d_ndhwc_less_static_result(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x4x4x4x3xf64>)
// CHECK:         %[[R:.*]] = pool.avg %[[IN]] {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_last>} : tensor<2x4x4x4x3xf64> -> tensor<2x?x2x?x?xf64>
// CHECK:         return %[[R]]
func.func @avg_3d_ndhwc_less_static_result(%in: tensor<2x4x4x4x3xf64>) -> tensor<2x?x2x?x?xf64> {
  %0 = pool.avg %in {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_last>} : tensor<2x4x4x4x3xf64> -> tensor<2x?x2x?x?xf64>
  return %0 : tensor<2x?x2x?x?xf64>
}

//===----------------------------------------------------------------------===//
// pool.global_max, pool.global_avg
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @global_max_1d_ncw(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x10xf32>)
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_first>} : tensor<2x3x10xf32> -> tensor<2x3xf32>
// CHECK:         return %[[R]]
func.func @global_max_1d_ncw(%in: tensor<2x3x10xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>} : tensor<2x3x10xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @global_max_1d_nwc_i8_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x10x3xi8>)
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x10x3xi8> -> tensor<2x1x3xi8>
// CHECK:         return %[[R]]
func.func @global_max_1d_nwc_i8_keep_dims(%in: tensor<2x10x3xi8>) -> tensor<2x1x3xi8> {
  %0 = pool.global_max %in {keep_dims = true, layout = #pool.layout<channels_last>} : tensor<2x10x3xi8> -> tensor<2x1x3xi8>
  return %0 : tensor<2x1x3xi8>
}

// CHECK-LABEL: func.func @global_max_2d_nchw_i32_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x5x5xi32>)
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<1x4x5x5xi32> -> tensor<1x4x1x1xi32>
// CHECK:         return %[[R]]
func.func @global_max_2d_nchw_i32_keep_dims(%in: tensor<1x4x5x5xi32>) -> tensor<1x4x1x1xi32> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<1x4x5x5xi32> -> tensor<1x4x1x1xi32>
  return %0 : tensor<1x4x1x1xi32>
}

// CHECK-LABEL: func.func @global_max_3d_ndhwc_f64_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?x?xf64>)
// CHECK:         %[[R:.*]] = pool.global_max %[[IN]] {layout = #pool.layout<channels_last>} : tensor<?x?x?x?x?xf64> -> tensor<?x?xf64>
// CHECK:         return %[[R]]
func.func @global_max_3d_ndhwc_f64_dynamic(%in: tensor<?x?x?x?x?xf64>) -> tensor<?x?xf64> {
  %0 = pool.global_max %in {layout = #pool.layout<channels_last>} : tensor<?x?x?x?x?xf64> -> tensor<?x?xf64>
  return %0 : tensor<?x?xf64>
}

// CHECK-LABEL: func.func @global_avg_1d_ncw_bf16_keep_dims_false_elided(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x10xbf16>)
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_first>} : tensor<2x3x10xbf16> -> tensor<2x3xbf16>
// CHECK:         return %[[R]]
func.func @global_avg_1d_ncw_bf16_keep_dims_false_elided(%in: tensor<2x3x10xbf16>) -> tensor<2x3xbf16> {
  %0 = pool.global_avg %in {keep_dims = false, layout = #pool.layout<channels_first>} : tensor<2x3x10xbf16> -> tensor<2x3xbf16>
  return %0 : tensor<2x3xbf16>
}

// CHECK-LABEL: func.func @global_avg_2d_nhwc_dynamic_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?xf32>)
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<?x?x?x?xf32> -> tensor<?x1x1x?xf32>
// CHECK:         return %[[R]]
func.func @global_avg_2d_nhwc_dynamic_keep_dims(%in: tensor<?x?x?x?xf32>) -> tensor<?x1x1x?xf32> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<?x?x?x?xf32> -> tensor<?x1x1x?xf32>
  return %0 : tensor<?x1x1x?xf32>
}

// CHECK-LABEL: func.func @global_avg_2d_nchw_less_static_result(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x3x4x4xf32>)
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_first>} : tensor<2x3x4x4xf32> -> tensor<?x?xf32>
// CHECK:         return %[[R]]
func.func @global_avg_2d_nchw_less_static_result(%in: tensor<2x3x4x4xf32>) -> tensor<?x?xf32> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_first>} : tensor<2x3x4x4xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// CHECK-LABEL: func.func @global_avg_3d_ncdhw_f16(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x8x2x3x4xf16>)
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_first>} : tensor<1x8x2x3x4xf16> -> tensor<1x8xf16>
// CHECK:         return %[[R]]
func.func @global_avg_3d_ncdhw_f16(%in: tensor<1x8x2x3x4xf16>) -> tensor<1x8xf16> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_first>} : tensor<1x8x2x3x4xf16> -> tensor<1x8xf16>
  return %0 : tensor<1x8xf16>
}

// CHECK-LABEL: func.func @global_avg_3d_ndhwc_f64_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x2x3x4x8xf64>)
// CHECK:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<1x2x3x4x8xf64> -> tensor<1x1x1x1x8xf64>
// CHECK:         return %[[R]]
func.func @global_avg_3d_ndhwc_f64_keep_dims(%in: tensor<1x2x3x4x8xf64>) -> tensor<1x1x1x1x8xf64> {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<1x2x3x4x8xf64> -> tensor<1x1x1x1x8xf64>
  return %0 : tensor<1x1x1x1x8xf64>
}

//===----------------------------------------------------------------------===//
// pool.adaptive_max, pool.adaptive_avg
//===----------------------------------------------------------------------===//

// The output size may exceed the input size.
// CHECK-LABEL: func.func @adaptive_max_1d_ncw_upsample(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x16x3xf32>)
// CHECK:         %[[R:.*]] = pool.adaptive_max %[[IN]] {output_size = array<i64: 5>, layout = #pool.layout<channels_first>} : tensor<1x16x3xf32> -> tensor<1x16x5xf32>
// CHECK:         return %[[R]]
func.func @adaptive_max_1d_ncw_upsample(%in: tensor<1x16x3xf32>) -> tensor<1x16x5xf32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 5>, layout = #pool.layout<channels_first>} : tensor<1x16x3xf32> -> tensor<1x16x5xf32>
  return %0 : tensor<1x16x5xf32>
}

// CHECK-LABEL: func.func @adaptive_max_2d_nhwc_i8(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x13x13x4xi8>)
// CHECK:         %[[R:.*]] = pool.adaptive_max %[[IN]] {output_size = array<i64: 5, 5>, layout = #pool.layout<channels_last>} : tensor<1x13x13x4xi8> -> tensor<1x5x5x4xi8>
// CHECK:         return %[[R]]
func.func @adaptive_max_2d_nhwc_i8(%in: tensor<1x13x13x4xi8>) -> tensor<1x5x5x4xi8> {
  %0 = pool.adaptive_max %in {layout = #pool.layout<channels_last>, output_size = array<i64: 5, 5>} : tensor<1x13x13x4xi8> -> tensor<1x5x5x4xi8>
  return %0 : tensor<1x5x5x4xi8>
}

// Adaptive outputs are static in the spatial dimensions even for a dynamic
// input.
// CHECK-LABEL: func.func @adaptive_max_3d_ncdhw_i32_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x2x?x?x?xi32>)
// CHECK:         %[[R:.*]] = pool.adaptive_max %[[IN]] {output_size = array<i64: 2, 3, 4>, layout = #pool.layout<channels_first>} : tensor<?x2x?x?x?xi32> -> tensor<?x2x2x3x4xi32>
// CHECK:         return %[[R]]
func.func @adaptive_max_3d_ncdhw_i32_dynamic(%in: tensor<?x2x?x?x?xi32>) -> tensor<?x2x2x3x4xi32> {
  %0 = pool.adaptive_max %in {output_size = array<i64: 2, 3, 4>, layout = #pool.layout<channels_first>} : tensor<?x2x?x?x?xi32> -> tensor<?x2x2x3x4xi32>
  return %0 : tensor<?x2x2x3x4xi32>
}

// CHECK-LABEL: func.func @adaptive_avg_1d_nwc_f64(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x7x3xf64>)
// CHECK:         %[[R:.*]] = pool.adaptive_avg %[[IN]] {output_size = array<i64: 3>, layout = #pool.layout<channels_last>} : tensor<2x7x3xf64> -> tensor<2x3x3xf64>
// CHECK:         return %[[R]]
func.func @adaptive_avg_1d_nwc_f64(%in: tensor<2x7x3xf64>) -> tensor<2x3x3xf64> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 3>, layout = #pool.layout<channels_last>} : tensor<2x7x3xf64> -> tensor<2x3x3xf64>
  return %0 : tensor<2x3x3xf64>
}

// CHECK-LABEL: func.func @adaptive_avg_2d_nchw_bf16_less_static_result(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x8x9x9xbf16>)
// CHECK:         %[[R:.*]] = pool.adaptive_avg %[[IN]] {output_size = array<i64: 4, 2>, layout = #pool.layout<channels_first>} : tensor<1x8x9x9xbf16> -> tensor<?x?x?x?xbf16>
// CHECK:         return %[[R]]
func.func @adaptive_avg_2d_nchw_bf16_less_static_result(%in: tensor<1x8x9x9xbf16>) -> tensor<?x?x?x?xbf16> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 4, 2>, layout = #pool.layout<channels_first>} : tensor<1x8x9x9xbf16> -> tensor<?x?x?x?xbf16>
  return %0 : tensor<?x?x?x?xbf16>
}

// CHECK-LABEL: func.func @adaptive_avg_3d_ndhwc_f16_upsample(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x4x2x4x2xf16>)
// CHECK:         %[[R:.*]] = pool.adaptive_avg %[[IN]] {output_size = array<i64: 2, 3, 8>, layout = #pool.layout<channels_last>} : tensor<1x4x2x4x2xf16> -> tensor<1x2x3x8x2xf16>
// CHECK:         return %[[R]]
func.func @adaptive_avg_3d_ndhwc_f16_upsample(%in: tensor<1x4x2x4x2xf16>) -> tensor<1x2x3x8x2xf16> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 2, 3, 8>, layout = #pool.layout<channels_last>} : tensor<1x4x2x4x2xf16> -> tensor<1x2x3x8x2xf16>
  return %0 : tensor<1x2x3x8x2xf16>
}

// CHECK-LABEL: func.func @adaptive_avg_2d_nhwc_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x16xf32>)
// CHECK:         %[[R:.*]] = pool.adaptive_avg %[[IN]] {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_last>} : tensor<?x?x?x16xf32> -> tensor<?x7x7x16xf32>
// CHECK:         return %[[R]]
func.func @adaptive_avg_2d_nhwc_dynamic(%in: tensor<?x?x?x16xf32>) -> tensor<?x7x7x16xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_last>} : tensor<?x?x?x16xf32> -> tensor<?x7x7x16xf32>
  return %0 : tensor<?x7x7x16xf32>
}
