// Keras layers on (batch, steps, features) data, channels-last.

// MaxPooling1D(pool_size=2)
func.func @max_pooling_1d(%x: tensor<32x1000x256xf32>) -> tensor<32x500x256xf32> {
  %0 = pool.max %x {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<32x1000x256xf32> -> tensor<32x500x256xf32>
  return %0 : tensor<32x500x256xf32>
}

// AveragePooling1D(pool_size=3, strides=2, padding="same"): the padding is
// excluded from the average.
func.func @average_pooling_1d_same(%x: tensor<8x99x64xf32>) -> tensor<8x50x64xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<8x99x64xf32> -> tensor<8x50x64xf32>
  return %0 : tensor<8x50x64xf32>
}

// GlobalAveragePooling1D and GlobalMaxPooling1D
func.func @global_pooling_1d(%x: tensor<64x300x512xf32>) -> (tensor<64x512xf32>, tensor<64x512xf32>) {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<64x300x512xf32> -> tensor<64x512xf32>
  %1 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<64x300x512xf32> -> tensor<64x512xf32>
  return %0, %1 : tensor<64x512xf32>, tensor<64x512xf32>
}
