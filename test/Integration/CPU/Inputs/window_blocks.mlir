// Stride-1 windows whose interior outputs go in blocks
// (PoolVectorBuilder::combineWindowBlock, docs/lowering.md): blocks of 8
// rows with a remainder (9x9 on 30 rows), averages with and without the
// padding in the divisor, `same` and asymmetric padding, channel counts
// with a masked remainder, f16, bf16 and i8, 3-D windows in both layouts,
// a dilated window (no blocks) as a control, and channels-first windows of
// 8 to 12 taps along W in half-vector groups (RowLowering::
// emitHalfVectorGroup: 9 = 4 + 4 + 1 on an odd row, 12 = three pieces in a
// 2-D average without the padding in the divisor, 8 taps of f16).
func.func @window_blocks(%a: tensor<1x3x30x21xf32>, %b: tensor<2x2x19x17xf32>, %c: tensor<2x11x13x20xf32>, %d: tensor<1x14x17x9xf32>, %e: tensor<1x12x15x16xf16>, %f: tensor<1x2x9x24xbf16>, %g: tensor<1x2x7x11x16xf32>, %h: tensor<1x5x9x10x8xf32>, %i: tensor<1x8x10x16xi8>, %j: tensor<1x2x20x20xf32>, %k: tensor<1x3x61xf32>, %l: tensor<1x2x5x50xf32>, %m: tensor<1x2x40xf16>) -> (tensor<1x3x30x21xf32>, tensor<2x2x19x17xf32>, tensor<2x11x13x20xf32>, tensor<1x14x17x9xf32>, tensor<1x12x15x16xf16>, tensor<1x2x9x24xbf16>, tensor<1x2x7x11x16xf32>, tensor<1x4x7x7x8xf32>, tensor<1x8x10x16xi8>, tensor<1x2x16x16xf32>, tensor<1x3x61xf32>, tensor<1x2x5x46xf32>, tensor<1x2x33xf16>) {
  %0 = pool.max %a {kernel = array<i64: 9, 9>, strides = array<i64: 1, 1>, padding = array<i64: 4, 4, 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x3x30x21xf32> -> tensor<1x3x30x21xf32>
  %1 = pool.avg %b {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_first>} : tensor<2x2x19x17xf32> -> tensor<2x2x19x17xf32>
  %2 = pool.max %c {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x11x13x20xf32> -> tensor<2x11x13x20xf32>
  %3 = pool.avg %d {kernel = array<i64: 5, 5>, strides = array<i64: 1, 1>, auto_pad = #pool.auto_pad<same_upper>, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<1x14x17x9xf32> -> tensor<1x14x17x9xf32>
  %4 = pool.max %e {kernel = array<i64: 4, 4>, strides = array<i64: 1, 1>, padding = array<i64: 1, 2, 2, 1>, layout = #pool.layout<channels_last>} : tensor<1x12x15x16xf16> -> tensor<1x12x15x16xf16>
  %5 = pool.avg %f {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x9x24xbf16> -> tensor<1x2x9x24xbf16>
  %6 = pool.max %g {kernel = array<i64: 3, 3, 3>, strides = array<i64: 1, 1, 1>, padding = array<i64: 1, 1, 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x7x11x16xf32> -> tensor<1x2x7x11x16xf32>
  %7 = pool.avg %h {kernel = array<i64: 2, 3, 4>, strides = array<i64: 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x5x9x10x8xf32> -> tensor<1x4x7x7x8xf32>
  %8 = pool.max %i {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x8x10x16xi8> -> tensor<1x8x10x16xi8>
  %9 = pool.max %j {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x20x20xf32> -> tensor<1x2x16x16xf32>
  %10 = pool.max %k {kernel = array<i64: 9>, strides = array<i64: 1>, padding = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x3x61xf32> -> tensor<1x3x61xf32>
  %11 = pool.avg %l {kernel = array<i64: 3, 12>, strides = array<i64: 1, 1>, padding = array<i64: 1, 3, 1, 4>, layout = #pool.layout<channels_first>} : tensor<1x2x5x50xf32> -> tensor<1x2x5x46xf32>
  %12 = pool.max %m {kernel = array<i64: 8>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x2x40xf16> -> tensor<1x2x33xf16>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12 : tensor<1x3x30x21xf32>, tensor<2x2x19x17xf32>, tensor<2x11x13x20xf32>, tensor<1x14x17x9xf32>, tensor<1x12x15x16xf16>, tensor<1x2x9x24xbf16>, tensor<1x2x7x11x16xf32>, tensor<1x4x7x7x8xf32>, tensor<1x8x10x16xi8>, tensor<1x2x16x16xf32>, tensor<1x3x61xf32>, tensor<1x2x5x46xf32>, tensor<1x2x33xf16>
}
