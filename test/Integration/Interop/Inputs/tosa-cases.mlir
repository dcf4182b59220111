// TOSA pooling as producers emit it (tosa-to-linalg's input, torch-mlir's
// and onnx-mlir's TOSA paths): NCHW frontends wrap NHWC pooling in
// transposes; ceil_mode appears as extra bottom/right padding, SAME as the
// padding it computes, count_include_pad as a zero tosa.pad in front of an
// unpadded average. differential.py runs each function through upstream's
// tosa-to-linalg and through convert-tosa-to-pool + pool-to-llvm.

// ResNet stem max pooling, NCHW through transposes (torch-mlir).
func.func @max_nchw_resnet_stem(%arg0: tensor<1x8x56x56xf32>) -> tensor<1x8x28x28xf32> {
  %t = tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x8x56x56xf32>) -> tensor<1x56x56x8xf32>
  %0 = tosa.max_pool2d %t {kernel = array<i64: 3, 3>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x56x56x8xf32>) -> tensor<1x28x28x8xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x28x28x8xf32>) -> tensor<1x8x28x28xf32>
  return %r : tensor<1x8x28x28xf32>
}

// Floor mode, NHWC (TFLite), channel count not a multiple of the vector.
func.func @max_nhwc_floor(%arg0: tensor<2x15x15x19xf32>) -> tensor<2x7x7x19xf32> {
  %0 = tosa.max_pool2d %arg0 {kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<2x15x15x19xf32>) -> tensor<2x7x7x19xf32>
  return %0 : tensor<2x7x7x19xf32>
}

// ceil_mode = true as torch-mlir emits it: 7 -> 4 with kernel 2 stride 2,
// one extra row and column of padding.
func.func @max_nchw_ceil_like(%arg0: tensor<2x5x7x7xf32>) -> tensor<2x5x4x4xf32> {
  %t = tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<2x5x7x7xf32>) -> tensor<2x7x7x5xf32>
  %0 = tosa.max_pool2d %t {kernel = array<i64: 2, 2>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<2x7x7x5xf32>) -> tensor<2x4x4x5xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<2x4x4x5xf32>) -> tensor<2x5x4x4xf32>
  return %r : tensor<2x5x4x4xf32>
}

// Keras padding="same", 3x3 stride 2 on 9x9: pad 1 on every side.
func.func @avg_nhwc_same(%arg0: tensor<1x9x9x16xf32>) -> tensor<1x5x5x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.avg_pool2d %arg0, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x9x9x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x16xf32>
  return %0 : tensor<1x5x5x16xf32>
}

// Keras padding="same" with odd total padding: the extra row at the end.
func.func @avg_nhwc_same_odd(%arg0: tensor<1x10x10x3xf32>) -> tensor<1x5x5x3xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.avg_pool2d %arg0, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 0, 1, 0, 1>, stride = array<i64: 2, 2>} : (tensor<1x10x10x3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x3xf32>
  return %0 : tensor<1x5x5x3xf32>
}

// PyTorch count_include_pad = true: a zero tosa.pad, then no padding.
func.func @avg_nchw_include_pad(%arg0: tensor<1x6x13x13xf32>) -> tensor<1x6x7x7xf32> {
  %t = tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x6x13x13xf32>) -> tensor<1x13x13x6xf32>
  %p = tosa.const_shape {values = dense<[0, 0, 1, 1, 1, 1, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %c = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %x = tosa.pad %t, %p, %c : (tensor<1x13x13x6xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x15x15x6xf32>
  %0 = tosa.avg_pool2d %x, %c, %c {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x15x15x6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x7x7x6xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x7x7x6xf32>) -> tensor<1x6x7x7xf32>
  return %r : tensor<1x6x7x7xf32>
}

// count_include_pad = false with padding: TOSA's own padding, not counted.
func.func @avg_nchw_exclude_pad(%arg0: tensor<1x6x14x14xf32>) -> tensor<1x6x7x7xf32> {
  %t = tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x6x14x14xf32>) -> tensor<1x14x14x6xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.avg_pool2d %t, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, pad = array<i64: 1, 0, 1, 0>, stride = array<i64: 2, 2>} : (tensor<1x14x14x6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x7x7x6xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x7x7x6xf32>) -> tensor<1x6x7x7xf32>
  return %r : tensor<1x6x7x7xf32>
}

// A -inf tosa.pad in front of a max folds into the padding.
func.func @max_nhwc_neg_inf_pad(%arg0: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %p = tosa.const_shape {values = dense<[0, 0, 1, 0, 1, 0, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %c = "tosa.const"() <{values = dense<0xFF800000> : tensor<1xf32>}> : () -> tensor<1xf32>
  %x = tosa.pad %arg0, %p, %c : (tensor<1x8x8x4xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x9x9x4xf32>
  %0 = tosa.max_pool2d %x {kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x9x9x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// A pad of 1.0 is data: it stays in front of the pool op.
func.func @max_nhwc_data_pad(%arg0: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %p = tosa.const_shape {values = dense<[0, 0, 1, 0, 1, 0, 0, 0]> : tensor<8xindex>} : () -> !tosa.shape<8>
  %c = "tosa.const"() <{values = dense<1.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %x = tosa.pad %arg0, %p, %c : (tensor<1x8x8x4xf32>, !tosa.shape<8>, tensor<1xf32>) -> tensor<1x9x9x4xf32>
  %0 = tosa.max_pool2d %x {kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x9x9x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// f16 average with f32 accumulation; global average as a full window.
func.func @avg_nhwc_f16_global(%arg0: tensor<2x7x7x40xf16>) -> tensor<2x1x1x40xf16> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
  %0 = tosa.avg_pool2d %arg0, %zp, %zp {acc_type = f32, kernel = array<i64: 7, 7>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<2x7x7x40xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<2x1x1x40xf16>
  return %0 : tensor<2x1x1x40xf16>
}

// Signed 8-bit max (TOSA PRO-INT).
func.func @max_nhwc_i8(%arg0: tensor<1x9x9x32xi8>) -> tensor<1x4x4x32xi8> {
  %0 = tosa.max_pool2d %arg0 {kernel = array<i64: 3, 3>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x9x9x32xi8>) -> tensor<1x4x4x32xi8>
  return %0 : tensor<1x4x4x32xi8>
}

// Stride 1, large window (VGG-style 5x5 "same").
func.func @max_nchw_5x5_same(%arg0: tensor<1x4x20x20xf32>) -> tensor<1x4x20x20xf32> {
  %t = tosa.transpose %arg0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x4x20x20xf32>) -> tensor<1x20x20x4xf32>
  %0 = tosa.max_pool2d %t {kernel = array<i64: 5, 5>, pad = array<i64: 2, 2, 2, 2>, stride = array<i64: 1, 1>} : (tensor<1x20x20x4xf32>) -> tensor<1x20x20x4xf32>
  %r = tosa.transpose %0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x20x20x4xf32>) -> tensor<1x4x20x20xf32>
  return %r : tensor<1x4x20x20xf32>
}
