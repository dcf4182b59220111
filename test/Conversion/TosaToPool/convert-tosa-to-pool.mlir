// RUN: pool-opt %s -split-input-file -verify-diagnostics --convert-tosa-to-pool | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-tosa-to-pool=fold-transposes=false 2>/dev/null | FileCheck %s --check-prefix=NOFOLD

// TOSA's pad [top, bottom, left, right] is pool's [begin_h, begin_w, end_h,
// end_w]; TOSA's padding is ignored, as pool's.
// CHECK-LABEL: func.func @max_nhwc(
// CHECK-SAME: %[[X:.*]]: tensor<1x6x34x62xf32>
// CHECK: %[[R:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x6x34x62xf32> -> tensor<1x3x17x62xf32>
// CHECK: return %[[R]]
func.func @max_nhwc(%arg0: tensor<1x6x34x62xf32>) -> tensor<1x3x17x62xf32> {
  %0 = tosa.max_pool2d %arg0 {kernel = array<i64: 3, 3>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<1x6x34x62xf32>) -> tensor<1x3x17x62xf32>
  return %0 : tensor<1x3x17x62xf32>
}

// -----

// The average's own padding is not counted: count_include_pad = false.
// CHECK-LABEL: func.func @avg_nhwc_padded(
// CHECK-NOT: tosa.
// CHECK: pool.avg %{{.*}} {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x8x8x5xf32> -> tensor<2x8x8x5xf32>
// CHECK-NOT: tosa.
func.func @avg_nhwc_padded(%arg0: tensor<2x8x8x5xf32>) -> tensor<2x8x8x5xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.avg_pool2d %arg0, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<2x8x8x5xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x8x8x5xf32>
  return %0 : tensor<2x8x8x5xf32>
}

// -----

// NCHW frontends: transpose, pool, transpose back is one channels-first op.
// CHECK-LABEL: func.func @max_nchw_transposes(
// CHECK-SAME: %[[X:.*]]: tensor<1x64x112x112xf32>
// CHECK-NOT: tosa.transpose
// CHECK: %[[R:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
// CHECK-NOT: tosa.transpose
// CHECK: return %[[R]]
// NOFOLD-LABEL: func.func @max_nchw_transposes(
// NOFOLD: tosa.transpose
// NOFOLD: pool.max %{{.*}} layout = #pool.layout<channels_last>
// NOFOLD: tosa.transpose
func.func @max_nchw_transposes(%arg0: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %t = tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x64x112x112xf32>) -> tensor<1x112x112x64xf32>
  %0 = tosa.max_pool2d %t {kernel = array<i64: 3, 3>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x112x112x64xf32>) -> tensor<1x56x56x64xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x56x56x64xf32>) -> tensor<1x64x56x56xf32>
  return %r : tensor<1x64x56x56xf32>
}

// -----

// A use of the NHWC result besides the inverse transpose gets one transpose
// of the channels-first result.
// CHECK-LABEL: func.func @max_nchw_nhwc_use(
// CHECK-SAME: %[[X:.*]]: tensor<1x4x8x8xf32>
// CHECK: %[[R:.*]] = pool.max %[[X]] {{.*}}layout = #pool.layout<channels_first>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
// CHECK: %[[T:.*]] = tosa.transpose %[[R]] {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
// CHECK: return %[[R]], %[[T]]
func.func @max_nchw_nhwc_use(%arg0: tensor<1x4x8x8xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) {
  %t = tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x4x8x8xf32>) -> tensor<1x8x8x4xf32>
  %0 = tosa.max_pool2d %t {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %r, %0 : tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>
}

// -----

// A -inf pad never wins a max: it folds into the padding, added to the op's
// own.
// CHECK-LABEL: func.func @max_fold_neg_inf_pad(
// CHECK-SAME: %[[X:.*]]: tensor<1x8x8x4xf32>
// CHECK-NOT: tosa.pad
// CHECK: pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 2, 1, 1, 0>, layout = #pool.layout<channels_last>}
func.func @max_fold_neg_inf_pad(%arg0: tensor<1x8x8x4xf32>) -> tensor<1x5x4x4xf32> {
  %p = tosa.const_shape {values = dense<[0, 0, 1, 0, 1, 0, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %c = "tosa.const"() <{values = dense<0xFF800000> : tensor<1xf32>}> : () -> tensor<1xf32>
  %x = tosa.pad %arg0, %p, %c : (tensor<1x8x8x4xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x9x9x4xf32>
  %0 = tosa.max_pool2d %x {kernel = array<i64: 3, 3>, pad = array<i64: 1, 1, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x9x9x4xf32>) -> tensor<1x5x4x4xf32>
  return %0 : tensor<1x5x4x4xf32>
}

// -----

// Integers: the signed minimum is the neutral pad.
// CHECK-LABEL: func.func @max_i8_fold_min_pad(
// CHECK-NOT: tosa.pad
// CHECK: pool.max %{{.*}} {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x6x6x16xi8> -> tensor<1x4x4x16xi8>
func.func @max_i8_fold_min_pad(%arg0: tensor<1x6x6x16xi8>) -> tensor<1x4x4x16xi8> {
  %p = tosa.const_shape {values = dense<[0, 0, 1, 1, 1, 1, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %c = "tosa.const"() <{values = dense<-128> : tensor<1xi8>}> : () -> tensor<1xi8>
  %x = tosa.pad %arg0, %p, %c : (tensor<1x6x6x16xi8>, !tosa.shape<8>, tensor<1xi8>) -> tensor<1x8x8x16xi8>
  %0 = tosa.max_pool2d %x {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x8x8x16xi8>) -> tensor<1x4x4x16xi8>
  return %0 : tensor<1x4x4x16xi8>
}

// -----

// PyTorch count_include_pad = true through torch-mlir / onnx-mlir: a zero
// pad on the NCHW tensor, a transpose, an unpadded average.
// CHECK-LABEL: func.func @avg_nchw_zero_pad_counted(
// CHECK-SAME: %[[X:.*]]: tensor<1x6x13x13xf32>
// CHECK-NOT: tosa.
// CHECK: %[[R:.*]] = pool.avg %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x6x13x13xf32> -> tensor<1x6x7x7xf32>
// CHECK: return %[[R]]
func.func @avg_nchw_zero_pad_counted(%arg0: tensor<1x6x13x13xf32>) -> tensor<1x6x7x7xf32> {
  %p = tosa.const_shape {values = dense<[0, 0, 0, 0, 1, 1, 1, 1]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %c = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %x = tosa.pad %arg0, %p, %c : (tensor<1x6x13x13xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x6x15x15xf32>
  %t = tosa.transpose %x {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x6x15x15xf32>) -> tensor<1x15x15x6xf32>
  %0 = tosa.avg_pool2d %t, %c, %c {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x15x15x6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x7x7x6xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x7x7x6xf32>) -> tensor<1x6x7x7xf32>
  return %r : tensor<1x6x7x7xf32>
}

// -----

// Pads that are data stay in front of the pool op: a pad value that is not
// the neutral element (-FLT_MAX is not -inf), a zero pad before an average
// with padding of its own (one counted, the other not), a pad of channels,
// a pad that would reach the window size.
// CHECK-LABEL: func.func @pads_stay(
// CHECK-COUNT-4: tosa.pad
// CHECK-NOT: tosa.max_pool2d
// CHECK-NOT: tosa.avg_pool2d
func.func @pads_stay(%arg0: tensor<1x8x8x4xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x9x9x4xf32>, tensor<1x8x8x5xf32>, tensor<1x5x5x4xf32>) {
  %p = tosa.const_shape {values = dense<[0, 0, 1, 0, 1, 0, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %lowest = "tosa.const"() <{values = dense<-3.40282347E+38> : tensor<1xf32>}> : () -> tensor<1xf32>
  %x = tosa.pad %arg0, %p, %lowest : (tensor<1x8x8x4xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x9x9x4xf32>
  %0 = tosa.max_pool2d %x {kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x9x9x4xf32>) -> tensor<1x4x4x4xf32>
  %zero = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.pad %arg0, %p, %zero : (tensor<1x8x8x4xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x9x9x4xf32>
  %1 = tosa.avg_pool2d %y, %zero, %zero {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x9x9x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x9x9x4xf32>
  %pc = tosa.const_shape {values = dense<[0, 0, 0, 0, 0, 0, 0, 1]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %ninf = "tosa.const"() <{values = dense<0xFF800000> : tensor<1xf32>}> : () -> tensor<1xf32>
  %z = tosa.pad %arg0, %pc, %ninf : (tensor<1x8x8x4xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x8x8x5xf32>
  %2 = tosa.max_pool2d %z {kernel = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x5xf32>) -> tensor<1x8x8x5xf32>
  %pw = tosa.const_shape {values = dense<[0, 0, 2, 0, 2, 0, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %w = tosa.pad %arg0, %pw, %ninf : (tensor<1x8x8x4xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x10x10x4xf32>
  %3 = tosa.max_pool2d %w {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x10x10x4xf32>) -> tensor<1x5x5x4xf32>
  return %0, %1, %2, %3 : tensor<1x4x4x4xf32>, tensor<1x9x9x4xf32>, tensor<1x8x8x5xf32>, tensor<1x5x5x4xf32>
}

// -----

// Dynamic batch and channels stay dynamic.
// CHECK-LABEL: func.func @avg_dynamic_batch(
// CHECK: pool.avg %{{.*}} : tensor<?x9x9x?xf16> -> tensor<?x4x4x?xf16>
func.func @avg_dynamic_batch(%arg0: tensor<?x9x9x?xf16>) -> tensor<?x4x4x?xf16> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
  %0 = tosa.avg_pool2d %arg0, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<?x9x9x?xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<?x4x4x?xf16>
  return %0 : tensor<?x4x4x?xf16>
}

// -----

// Declined, with one remark each: what pool cannot express exactly.
// CHECK-LABEL: func.func @negative_nan_mode_ignore(
// CHECK: tosa.max_pool2d
func.func @negative_nan_mode_ignore(%arg0: tensor<1x6x6x8xf32>) -> tensor<1x3x3x8xf32> {
  // expected-remark @+1 {{convert-tosa-to-pool: left as TOSA: nan_mode = IGNORE (pool.max propagates NaN)}}
  %0 = tosa.max_pool2d %arg0 {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>, nan_mode = IGNORE} : (tensor<1x6x6x8xf32>) -> tensor<1x3x3x8xf32>
  return %0 : tensor<1x3x3x8xf32>
}

// -----

// CHECK-LABEL: func.func @negative_f16_accumulator(
// CHECK: tosa.avg_pool2d
func.func @negative_f16_accumulator(%arg0: tensor<1x6x6x8xf16>) -> tensor<1x3x3x8xf16> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
  // expected-remark @+1 {{convert-tosa-to-pool: left as TOSA: acc_type = f16 (pool.avg accumulates in f32, or f64 for f64)}}
  %0 = tosa.avg_pool2d %arg0, %zp, %zp {acc_type = f16, kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x6x6x8xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x3x3x8xf16>
  return %0 : tensor<1x3x3x8xf16>
}

// -----

// CHECK-LABEL: func.func @negative_integer_average(
// CHECK: tosa.avg_pool2d
func.func @negative_integer_average(%arg0: tensor<1x6x6x8xi8>) -> tensor<1x3x3x8xi8> {
  %zp = "tosa.const"() <{values = dense<3> : tensor<1xi8>}> : () -> tensor<1xi8>
  // expected-remark @+1 {{convert-tosa-to-pool: left as TOSA: an integer average (TOSA rounds a quantized average; pool.avg averages floats)}}
  %0 = tosa.avg_pool2d %arg0, %zp, %zp {acc_type = i32, kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x6x6x8xi8>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x3x3x8xi8>
  return %0 : tensor<1x3x3x8xi8>
}

// -----

// CHECK-LABEL: func.func @negative_fp8(
// CHECK: tosa.max_pool2d
func.func @negative_fp8(%arg0: tensor<1x6x6x8xf8E4M3FN>) -> tensor<1x3x3x8xf8E4M3FN> {
  // expected-remark @+1 {{convert-tosa-to-pool: left as TOSA: element type f8E4M3FN (pool supports f16, bf16, f32, f64 and signless integers)}}
  %0 = tosa.max_pool2d %arg0 {kernel = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x6x6x8xf8E4M3FN>) -> tensor<1x3x3x8xf8E4M3FN>
  return %0 : tensor<1x3x3x8xf8E4M3FN>
}
