func.func @net(%x: tensor<1x4x17x17xf32>, %y: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x17x17xf32> -> tensor<1x4x9x9xf32>
  %1 = pool.avg %0 {kernel = array<i64: 2, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x4x9x9xf32> -> tensor<1x4x9x9xf32>
  %2 = pool.max %1 {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x4x9x9xf32> -> tensor<1x4x4x4xf32>
  %3 = pool.global_avg %x {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<1x4x17x17xf32> -> tensor<1x4x1x1xf32>
  %4 = pool.adaptive_max %2 {output_size = array<i64: 8, 8>, layout = #pool.layout<channels_first>} : tensor<1x4x4x4xf32> -> tensor<1x4x8x8xf32>
  %e = tensor.empty() : tensor<1x4x8x8xf32>
  %5 = linalg.add ins(%4, %y : tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) outs(%e : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %5 : tensor<1x4x8x8xf32>
}
func.func @other(%x: tensor<2x8x8x3xf32>) -> tensor<2x4x4x3xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<2x8x8x3xf32> -> tensor<2x4x4x3xf32>
  return %0 : tensor<2x4x4x3xf32>
}
