// Shapes for bench/affine.sh: one per family, both layouts.
func.func @stem_nchw(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}
func.func @stem_nhwc(%x: tensor<1x112x112x64xf32>) -> tensor<1x56x56x64xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x112x112x64xf32> -> tensor<1x56x56x64xf32>
  return %0 : tensor<1x56x56x64xf32>
}
func.func @avg3x3s1_nhwc(%x: tensor<8x35x35x192xf32>) -> tensor<8x35x35x192xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<8x35x35x192xf32> -> tensor<8x35x35x192xf32>
  return %0 : tensor<8x35x35x192xf32>
}
func.func @avg3x3s1_nchw(%x: tensor<8x192x35x35xf32>) -> tensor<8x192x35x35xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<8x192x35x35xf32> -> tensor<8x192x35x35xf32>
  return %0 : tensor<8x192x35x35xf32>
}
func.func @gap_nchw(%x: tensor<64x2048x7x7xf32>) -> tensor<64x2048xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<64x2048x7x7xf32> -> tensor<64x2048xf32>
  return %0 : tensor<64x2048xf32>
}
func.func @gap_nhwc(%x: tensor<64x7x7x2048xf32>) -> tensor<64x2048xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<64x7x7x2048xf32> -> tensor<64x2048xf32>
  return %0 : tensor<64x2048xf32>
}
func.func @gmp1d_nwc(%x: tensor<64x300x512xf32>) -> tensor<64x512xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<64x300x512xf32> -> tensor<64x512xf32>
  return %0 : tensor<64x512xf32>
}
func.func @adaptive7_nchw(%x: tensor<8x512x15x15xf32>) -> tensor<8x512x7x7xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<8x512x15x15xf32> -> tensor<8x512x7x7xf32>
  return %0 : tensor<8x512x7x7xf32>
}
