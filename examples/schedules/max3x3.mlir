// The payload of examples/schedules/*.mlir: a 3x3 stride-1 max without
// padding, channels-first (the row/column passes lower to upstream's named
// pooling ops, which tile and fuse).
func.func @max3x3(%x: tensor<1x32x66x66xf32>) -> tensor<1x32x64x64xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x32x66x66xf32> -> tensor<1x32x64x64xf32>
  return %0 : tensor<1x32x64x64xf32>
}
