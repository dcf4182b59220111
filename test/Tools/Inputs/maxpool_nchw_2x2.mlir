func.func @maxpool(%x: tensor<2x3x6x8xf32>) -> tensor<2x3x3x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<2x3x6x8xf32> -> tensor<2x3x3x4xf32>
  return %0 : tensor<2x3x3x4xf32>
}
