// PyTorch layers on NCHW data.

// nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=True):
// the last window overhangs the padding; the overhang never counts.
func.func @avg_pool2d_ceil(%x: tensor<2x16x15x15xf32>) -> tensor<2x16x8x8xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<2x16x15x15xf32> -> tensor<2x16x8x8xf32>
  return %0 : tensor<2x16x8x8xf32>
}

// nn.AdaptiveAvgPool2d((7, 7)) on a map whose width (13) is not a multiple of 7.
func.func @adaptive_avg_pool2d(%x: tensor<1x512x14x13xf32>) -> tensor<1x512x7x7xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<1x512x7x7xf32>
  return %0 : tensor<1x512x7x7xf32>
}

// nn.MaxPool3d(2) on NCDHW video features, in half precision.
func.func @max_pool3d_f16(%x: tensor<2x16x8x28x28xf16>) -> tensor<2x16x4x14x14xf16> {
  %0 = pool.max %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<2x16x8x28x28xf16> -> tensor<2x16x4x14x14xf16>
  return %0 : tensor<2x16x4x14x14xf16>
}
