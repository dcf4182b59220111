// RUN: pool-opt %s -split-input-file -verify-diagnostics --convert-pool-to-tosa | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-tosa 2>/dev/null | pool-opt --tosa-validate -o /dev/null

// Channels-first data goes through NHWC; ceil_mode's overhang is TOSA end
// padding (ignored by max, as pool ignores it).
// CHECK-LABEL: func.func @max_nchw_ceil(
// CHECK-SAME: %[[X:.*]]: tensor<2x3x7x7xf32>
// CHECK: %[[T:.*]] = tosa.transpose %[[X]] {perms = array<i32: 0, 2, 3, 1>} : (tensor<2x3x7x7xf32>) -> tensor<2x7x7x3xf32>
// CHECK: %[[P:.*]] = tosa.max_pool2d %[[T]] {kernel = array<i64: 2, 2>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<2x7x7x3xf32>) -> tensor<2x4x4x3xf32>
// CHECK: %[[R:.*]] = tosa.transpose %[[P]] {perms = array<i32: 0, 3, 1, 2>} : (tensor<2x4x4x3xf32>) -> tensor<2x3x4x4xf32>
// CHECK: return %[[R]]
func.func @max_nchw_ceil(%x: tensor<2x3x7x7xf32>) -> tensor<2x3x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<2x3x7x7xf32> -> tensor<2x3x4x4xf32>
  return %0 : tensor<2x3x4x4xf32>
}

// -----

// Exact divisibility: rows no window reads are cut, not padded.
// CHECK-LABEL: func.func @avg_floor_slice(
// CHECK-SAME: %[[X:.*]]: tensor<1x8x8x5xf32>
// CHECK-DAG: %[[START:.*]] = tosa.const_shape {values = dense<0> : tensor<4xindex>}
// CHECK-DAG: %[[SIZE:.*]] = tosa.const_shape {values = dense<[1, 6, 6, 5]> : tensor<4xindex>}
// CHECK: %[[S:.*]] = tosa.slice %[[X]], %[[START]], %[[SIZE]] : (tensor<1x8x8x5xf32>, !tosa.shape<4>, !tosa.shape<4>) -> tensor<1x6x6x5xf32>
// CHECK: tosa.avg_pool2d %[[S]], %{{.*}}, %{{.*}} {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 3, 3>}
func.func @avg_floor_slice(%x: tensor<1x8x8x5xf32>) -> tensor<1x2x2x5xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 3, 3>, layout = #pool.layout<channels_last>} : tensor<1x8x8x5xf32> -> tensor<1x2x2x5xf32>
  return %0 : tensor<1x2x2x5xf32>
}

// -----

// Unused end padding is trimmed: 8 + 1 + 1 - 3 is odd, 8 + 1 + 0 - 3 is not.
// CHECK-LABEL: func.func @max_trim_end_padding(
// CHECK: tosa.max_pool2d %{{.*}} {kernel = array<i64: 3, 3>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32>
func.func @max_trim_end_padding(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// count_include_pad: the counted padding is explicit zeros (concatenated:
// TOSA 1.0's 8K level rejects the shape operand of a 4-D tosa.pad); the
// ceil_mode overhang past it stays uncounted TOSA padding.
// CHECK-LABEL: func.func @avg_include_pad_ceil(
// CHECK-SAME: %[[X:.*]]: tensor<1x8x8x5xf32>
// CHECK-DAG: %[[ROW:.*]] = "tosa.const"() <{values = dense<0.000000e+00> : tensor<1x1x8x5xf32>}>
// CHECK-DAG: %[[COL:.*]] = "tosa.const"() <{values = dense<0.000000e+00> : tensor<1x10x1x5xf32>}>
// CHECK: %[[H:.*]] = tosa.concat %[[ROW]], %[[X]], %[[ROW]] {axis = 1 : i32} : (tensor<1x1x8x5xf32>, tensor<1x8x8x5xf32>, tensor<1x1x8x5xf32>) -> tensor<1x10x8x5xf32>
// CHECK: %[[W:.*]] = tosa.concat %[[COL]], %[[H]], %[[COL]] {axis = 2 : i32} : (tensor<1x10x1x5xf32>, tensor<1x10x8x5xf32>, tensor<1x10x1x5xf32>) -> tensor<1x10x10x5xf32>
// CHECK: tosa.avg_pool2d %[[W]], %{{.*}}, %{{.*}} {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<1x10x10x5xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x5xf32>
func.func @avg_include_pad_ceil(%x: tensor<1x8x8x5xf32>) -> tensor<1x5x5x5xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<1x8x8x5xf32> -> tensor<1x5x5x5xf32>
  return %0 : tensor<1x5x5x5xf32>
}

// -----

// auto_pad: the padding the dialect computes (ONNX SAME_LOWER: the odd
// element at the beginning).
// CHECK-LABEL: func.func @avg_same_lower(
// CHECK: tosa.avg_pool2d %{{.*}} {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x10x10x3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x3xf32>
func.func @avg_same_lower(%x: tensor<1x10x10x3xf32>) -> tensor<1x5x5x3xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<1x10x10x3xf32> -> tensor<1x5x5x3xf32>
  return %0 : tensor<1x5x5x3xf32>
}

// -----

// Global pooling is a window over the whole plane; keep_dims = false
// reshapes, and the NHWC result needs no transpose back.
// CHECK-LABEL: func.func @global_avg_nchw(
// CHECK: tosa.transpose
// CHECK: %[[P:.*]] = tosa.avg_pool2d %{{.*}} {acc_type = f32, kernel = array<i64: 7, 7>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<2x7x7x64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x1x1x64xf32>
// CHECK: %[[R:.*]] = tosa.reshape %[[P]], %{{.*}} : (tensor<2x1x1x64xf32>, !tosa.shape<2>) -> tensor<2x64xf32>
// CHECK-NOT: tosa.transpose
// CHECK: return %[[R]]
func.func @global_avg_nchw(%x: tensor<2x64x7x7xf32>) -> tensor<2x64xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<2x64x7x7xf32> -> tensor<2x64xf32>
  return %0 : tensor<2x64xf32>
}

// -----

// Adaptive pooling with even bins: kernel = stride = In / Out.
// CHECK-LABEL: func.func @adaptive_max_even(
// CHECK: tosa.max_pool2d %{{.*}} {kernel = array<i64: 4, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 4, 3>} : (tensor<1x12x12x4xf32>) -> tensor<1x3x4x4xf32>
func.func @adaptive_max_even(%x: tensor<1x12x12x4xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 3, 4>, layout = #pool.layout<channels_last>} : tensor<1x12x12x4xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// Declined, with one remark each.
// CHECK-LABEL: func.func @negative_dilation(
// CHECK: pool.max
func.func @negative_dilation(%x: tensor<1x8x8x5xf32>) -> tensor<1x6x6x5xf32> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: dilation 2 (TOSA pooling has none)}}
  %0 = pool.max %x {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x8x8x5xf32> -> tensor<1x6x6x5xf32>
  return %0 : tensor<1x6x6x5xf32>
}

// -----

// CHECK-LABEL: func.func @negative_1d(
// CHECK: pool.avg
func.func @negative_1d(%x: tensor<2x8x5xf32>) -> tensor<2x4x5xf32> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: TOSA pools 2-D data only (rank 3)}}
  %0 = pool.avg %x {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<2x8x5xf32> -> tensor<2x4x5xf32>
  return %0 : tensor<2x4x5xf32>
}

// -----

// CHECK-LABEL: func.func @negative_dynamic_spatial(
// CHECK: pool.max
func.func @negative_dynamic_spatial(%x: tensor<1x?x8x5xf32>) -> tensor<1x?x4x5xf32> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: a dynamic spatial size (TOSA's output size is static arithmetic here)}}
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x?x8x5xf32> -> tensor<1x?x4x5xf32>
  return %0 : tensor<1x?x4x5xf32>
}

// -----

// 15 = 2 * 7 + 1: every bin is [2o, 2o + 3), a 3x3 window of stride 2.
// CHECK-LABEL: func.func @adaptive_avg_remainder_one(
// CHECK:         tosa.avg_pool2d %{{.*}} {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x15x15x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x7x7x4xf32>
// CHECK-NOT:     pool.
func.func @adaptive_avg_remainder_one(%x: tensor<1x4x15x15xf32>) -> tensor<1x4x7x7xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x4x15x15xf32> -> tensor<1x4x7x7xf32>
  return %0 : tensor<1x4x7x7xf32>
}

// -----

// 14 = 3 * 4 + 2: the bins do not start at a constant stride.
// CHECK-LABEL: func.func @negative_uneven_bins(
// CHECK: pool.adaptive_avg
func.func @negative_uneven_bins(%x: tensor<1x4x14x14xf32>) -> tensor<1x4x4x4xf32> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: uneven adaptive bins}}
  %0 = pool.adaptive_avg %x {output_size = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x4x14x14xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @negative_f64(
// CHECK: pool.max
func.func @negative_f64(%x: tensor<1x4x4x2xf64>) -> tensor<1x2x2x2xf64> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: element type f64 (TOSA pools f16, bf16, f32, i8 and i16)}}
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x4x4x2xf64> -> tensor<1x2x2x2xf64>
  return %0 : tensor<1x2x2x2xf64>
}

// -----

// CHECK-LABEL: func.func @negative_i32_max(
// CHECK: pool.max
func.func @negative_i32_max(%x: tensor<1x4x4x2xi32>) -> tensor<1x2x2x2xi32> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: element type i32 (TOSA pools f16, bf16, f32, i8 and i16)}}
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x4x4x2xi32> -> tensor<1x2x2x2xi32>
  return %0 : tensor<1x2x2x2xi32>
}

// -----

// CHECK-LABEL: func.func @negative_huge_window(
// CHECK: pool.global_max
func.func @negative_huge_window(%x: tensor<1x3x9000x1xf32>) -> tensor<1x3xf32> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: a window, stride or padding of 9000 (TOSA's 8K level allows 8192)}}
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<1x3x9000x1xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

// CHECK-LABEL: func.func @negative_zero_channels(
// CHECK: pool.max
func.func @negative_zero_channels(%x: tensor<2x1x3x0xf32>) -> tensor<2x1x2x0xf32> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: an empty dimension (TOSA tensors have no zero-sized dimension)}}
  %0 = pool.max %x {kernel = array<i64: 1, 2>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x1x3x0xf32> -> tensor<2x1x2x0xf32>
  return %0 : tensor<2x1x2x0xf32>
}

// -----

// CHECK-LABEL: func.func @negative_global_dynamic_batch_and_channels(
// CHECK: pool.global_max
func.func @negative_global_dynamic_batch_and_channels(%x: tensor<?x3x1x?xf16>) -> tensor<?x?xf16> {
  // expected-remark @+1 {{convert-pool-to-tosa: left as a pool op: a dynamic batch and channel count (the global result's tosa.reshape takes one unknown dimension)}}
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<?x3x1x?xf16> -> tensor<?x?xf16>
  return %0 : tensor<?x?xf16>
}
