func.func @global_max_nan(%x: tensor<4x5x7x300xf32>) -> tensor<4x300xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<4x5x7x300xf32> -> tensor<4x300xf32>
  return %0 : tensor<4x300xf32>
}
