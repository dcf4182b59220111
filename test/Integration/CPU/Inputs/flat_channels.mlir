// Channels-last 2-D windows over 1 to 4 channels, lowered with flattened
// rows (FlatChannels.cpp, docs/lowering.md): padding, ceil_mode, dilation,
// count_include_pad, `same` padding, a window taller than wide, bf16 and f16
// (f32 accumulators), i8 maxima, batches of 2 and 3.
func.func @flat_channels(%a: tensor<2x17x19x3xf32>, %b: tensor<1x15x16x3xf32>, %c: tensor<1x9x11x1xf32>, %d: tensor<1x13x14x3xbf16>, %e: tensor<1x8x10x4xi8>, %f: tensor<3x7x9x2xf16>, %g: tensor<2x12x12x3xf32>) -> (tensor<2x9x10x3xf32>, tensor<1x8x9x3xf32>, tensor<1x9x11x1xf32>, tensor<1x6x6x3xbf16>, tensor<1x4x5x4xi8>, tensor<3x7x9x2xf16>, tensor<2x5x5x3xf32>) {
  %0 = pool.max %a {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x17x19x3xf32> -> tensor<2x9x10x3xf32>
  %1 = pool.avg %b {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, layout = #pool.layout<channels_last>} : tensor<1x15x16x3xf32> -> tensor<1x8x9x3xf32>
  %2 = pool.avg %c {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<1x9x11x1xf32> -> tensor<1x9x11x1xf32>
  %3 = pool.max %d {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x13x14x3xbf16> -> tensor<1x6x6x3xbf16>
  %4 = pool.max %e {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x8x10x4xi8> -> tensor<1x4x5x4xi8>
  %5 = pool.avg %f {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<3x7x9x2xf16> -> tensor<3x7x9x2xf16>
  %6 = pool.max %g {kernel = array<i64: 5, 4>, strides = array<i64: 3, 3>, padding = array<i64: 2, 1, 2, 3>, ceil_mode = true, layout = #pool.layout<channels_last>} : tensor<2x12x12x3xf32> -> tensor<2x5x5x3xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2x9x10x3xf32>, tensor<1x8x9x3xf32>, tensor<1x9x11x1xf32>, tensor<1x6x6x3xbf16>, tensor<1x4x5x4xi8>, tensor<3x7x9x2xf16>, tensor<2x5x5x3xf32>
}
