// bf16 channels-first windows of stride 2 along W, whose interior blocks
// read i32 pairs and keep their low halves (a shift) or high halves (an
// and) per tap (RowLowering::stridedReads, docs/lowering.md): odd spans
// with padding 1 (the pairs of tap 0 start one element before it, so the
// right border is interior), an odd row, a valid window (the pairs start
// at the taps and read one element past the last), even spans (2 and 4,
// asymmetric padding), a dilated window (all taps at even offsets),
// count_include_pad with ceil_mode, and `same` padding of a 5x5 window.
func.func @bf16_stride2(%a: tensor<1x3x9x56xbf16>, %b: tensor<1x2x5x57xbf16>, %c: tensor<1x2x4x40xbf16>, %d: tensor<1x2x4x48xbf16>, %e: tensor<1x3x50xbf16>, %f: tensor<1x2x45xbf16>, %g: tensor<1x2x34xbf16>, %h: tensor<1x2x7x37xbf16>) -> (tensor<1x3x5x28xbf16>, tensor<1x2x3x29xbf16>, tensor<1x2x1x19xbf16>, tensor<1x2x2x24xbf16>, tensor<1x3x25xbf16>, tensor<1x2x23xbf16>, tensor<1x2x18xbf16>, tensor<1x2x4x19xbf16>) {
  %0 = pool.avg %a {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x9x56xbf16> -> tensor<1x3x5x28xbf16>
  %1 = pool.max %b {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x5x57xbf16> -> tensor<1x2x3x29xbf16>
  %2 = pool.avg %c {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x40xbf16> -> tensor<1x2x1x19xbf16>
  %3 = pool.max %d {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x48xbf16> -> tensor<1x2x2x24xbf16>
  %4 = pool.avg %e {kernel = array<i64: 4>, strides = array<i64: 2>, padding = array<i64: 1, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x50xbf16> -> tensor<1x3x25xbf16>
  %5 = pool.max %f {kernel = array<i64: 3>, strides = array<i64: 2>, dilations = array<i64: 2>, padding = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x45xbf16> -> tensor<1x2x23xbf16>
  %6 = pool.avg %g {kernel = array<i64: 3>, strides = array<i64: 2>, padding = array<i64: 1, 1>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x34xbf16> -> tensor<1x2x18xbf16>
  %7 = pool.avg %h {kernel = array<i64: 5, 5>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x2x7x37xbf16> -> tensor<1x2x4x19xbf16>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<1x3x5x28xbf16>, tensor<1x2x3x29xbf16>, tensor<1x2x1x19xbf16>, tensor<1x2x2x24xbf16>, tensor<1x3x25xbf16>, tensor<1x2x23xbf16>, tensor<1x2x18xbf16>, tensor<1x2x4x19xbf16>
}
