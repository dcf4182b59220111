// Many functions compiled with their passes in parallel (pool-opt's
// default) give the same IR as a single-threaded run. scripts/sanitize.sh
// runs this test with a ThreadSanitizer build of pool-opt, which also fails
// on a data race in our passes.

// RUN: pool-opt %s --pool-to-llvm > %t.parallel
// RUN: pool-opt %s --pool-to-llvm --mlir-disable-threading > %t.serial
// RUN: diff %t.parallel %t.serial
// RUN: FileCheck %s < %t.parallel

// CHECK-LABEL: llvm.func @f0(
func.func @f0(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f1(
func.func @f1(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f2(
func.func @f2(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f3(
func.func @f3(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f4(
func.func @f4(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f5(
func.func @f5(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f6(
func.func @f6(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f7(
func.func @f7(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f8(
func.func @f8(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f9(
func.func @f9(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f10(
func.func @f10(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f11(
func.func @f11(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f12(
func.func @f12(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f13(
func.func @f13(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f14(
func.func @f14(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f15(
func.func @f15(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f16(
func.func @f16(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f17(
func.func @f17(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f18(
func.func @f18(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f19(
func.func @f19(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f20(
func.func @f20(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f21(
func.func @f21(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f22(
func.func @f22(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f23(
func.func @f23(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f24(
func.func @f24(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f25(
func.func @f25(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f26(
func.func @f26(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f27(
func.func @f27(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f28(
func.func @f28(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f29(
func.func @f29(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f30(
func.func @f30(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f31(
func.func @f31(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
