// Pool ops convert-pool-to-tosa rewrites: differential.py runs each function
// through pool-to-llvm and through convert-pool-to-tosa + upstream's
// tosa-to-linalg, and compares.

// ceil_mode overhang as TOSA end padding, NCHW through transposes.
func.func @max_nchw_ceil(%x: tensor<2x3x7x7xf32>) -> tensor<2x3x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<2x3x7x7xf32> -> tensor<2x3x4x4xf32>
  return %0 : tensor<2x3x4x4xf32>
}

// Floor mode with rows no window reads: tosa.slice.
func.func @avg_nhwc_floor_cut(%x: tensor<1x8x8x5xf32>) -> tensor<1x2x2x5xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 3, 3>, layout = #pool.layout<channels_last>} : tensor<1x8x8x5xf32> -> tensor<1x2x2x5xf32>
  return %0 : tensor<1x2x2x5xf32>
}

// count_include_pad with a ceil_mode overhang: counted zeros, uncounted
// overhang.
func.func @avg_nhwc_include_pad_ceil(%x: tensor<1x8x8x5xf32>) -> tensor<1x5x5x5xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<1x8x8x5xf32> -> tensor<1x5x5x5xf32>
  return %0 : tensor<1x5x5x5xf32>
}

// count_include_pad = false with padding, NCHW.
func.func @avg_nchw_exclude_pad(%x: tensor<1x6x14x14xf32>) -> tensor<1x6x7x7xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x6x14x14xf32> -> tensor<1x6x7x7xf32>
  return %0 : tensor<1x6x7x7xf32>
}

// Keras same (same_upper) and ONNX SAME_LOWER.
func.func @max_nhwc_same_upper(%x: tensor<1x10x10x3xf32>) -> tensor<1x5x5x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<1x10x10x3xf32> -> tensor<1x5x5x3xf32>
  return %0 : tensor<1x5x5x3xf32>
}
func.func @avg_nchw_same_lower(%x: tensor<1x3x10x10xf32>) -> tensor<1x3x5x5xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<1x3x10x10xf32> -> tensor<1x3x5x5xf32>
  return %0 : tensor<1x3x5x5xf32>
}

// Global and even adaptive pooling.
func.func @global_avg_nchw(%x: tensor<2x16x7x7xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<2x16x7x7xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
func.func @global_max_nhwc_keep_dims(%x: tensor<2x5x6x16xf16>) -> tensor<2x1x1x16xf16> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x5x6x16xf16> -> tensor<2x1x1x16xf16>
  return %0 : tensor<2x1x1x16xf16>
}
func.func @adaptive_avg_nchw_even(%x: tensor<1x4x12x12xf32>) -> tensor<1x4x3x4xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 4>, layout = #pool.layout<channels_first>} : tensor<1x4x12x12xf32> -> tensor<1x4x3x4xf32>
  return %0 : tensor<1x4x3x4xf32>
}

// f16 average, i8 max.
func.func @avg_nhwc_f16(%x: tensor<1x9x9x24xf16>) -> tensor<1x4x4x24xf16> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x9x9x24xf16> -> tensor<1x4x4x24xf16>
  return %0 : tensor<1x4x4x24xf16>
}
func.func @max_nchw_i8(%x: tensor<1x4x9x9xi8>) -> tensor<1x4x5x5xi8> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x9x9xi8> -> tensor<1x4x5x5xi8>
  return %0 : tensor<1x4x5x5xi8>
}
