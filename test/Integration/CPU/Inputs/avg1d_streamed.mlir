// Keras AveragePooling1D(2) and AveragePooling1D(3) over channels of several
// register chunks (256) and with a remainder (300, 300 = 9 * 32 + 12 on
// AVX2), `same` padding (a clamped last window), and i32 maxima: windows
// of one row that do not overlap stream through the window in memory
// order (docs/lowering.md).
func.func @avg1d_streamed(%a: tensor<3x20x256xf32>, %b: tensor<3x20x300xf32>, %c: tensor<2x7x300xi32>) -> (tensor<3x10x256xf32>, tensor<3x7x300xf32>, tensor<2x3x300xi32>) {
  %0 = pool.avg %a {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<3x20x256xf32> -> tensor<3x10x256xf32>
  %1 = pool.avg %b {kernel = array<i64: 3>, strides = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<3x20x300xf32> -> tensor<3x7x300xf32>
  %2 = pool.max %c {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<2x7x300xi32> -> tensor<2x3x300xi32>
  return %0, %1, %2 : tensor<3x10x256xf32>, tensor<3x7x300xf32>, tensor<2x3x300xi32>
}
