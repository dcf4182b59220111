// Many functions (96) compiled with their passes in parallel (pool-opt's
// default) give the same IR as a single-threaded run. scripts/sanitize.sh
// runs this test with a ThreadSanitizer build of pool-opt, which also fails
// on a data race in our passes. "Parallel" is the compiler's threads here
// (MLIR's multi-threaded pass manager), not the generated code's: both the
// default lowering (threads=1, serial code) and the OpenMP one (threads=0,
// pool-run's default, with the OpenMP conversion and
// pool-inline-alloca-scopes) are compiled that way.

// RUN: pool-opt %s --pool-to-llvm > %t.parallel
// RUN: pool-opt %s --pool-to-llvm > %t.parallel2
// RUN: pool-opt %s --pool-to-llvm > %t.parallel3
// RUN: pool-opt %s --pool-to-llvm --mlir-disable-threading > %t.serial
// RUN: diff %t.parallel %t.serial
// RUN: diff %t.parallel2 %t.serial
// RUN: diff %t.parallel3 %t.serial
// RUN: FileCheck %s < %t.parallel
// RUN: pool-opt %s --pool-to-llvm="threads=0 min-parallel-bytes=0" > %t.omp.parallel
// RUN: pool-opt %s --pool-to-llvm="threads=0 min-parallel-bytes=0" > %t.omp.parallel2
// RUN: pool-opt %s --pool-to-llvm="threads=0 min-parallel-bytes=0" --mlir-disable-threading > %t.omp.serial
// RUN: diff %t.omp.parallel %t.omp.serial
// RUN: diff %t.omp.parallel2 %t.omp.serial
// RUN: FileCheck %s --check-prefix=OMP < %t.omp.parallel

// OMP-COUNT-96: omp.parallel

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
// CHECK-LABEL: llvm.func @f32(
func.func @f32(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f33(
func.func @f33(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f34(
func.func @f34(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f35(
func.func @f35(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f36(
func.func @f36(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f37(
func.func @f37(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f38(
func.func @f38(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f39(
func.func @f39(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f40(
func.func @f40(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f41(
func.func @f41(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f42(
func.func @f42(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f43(
func.func @f43(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f44(
func.func @f44(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f45(
func.func @f45(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f46(
func.func @f46(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f47(
func.func @f47(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f48(
func.func @f48(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f49(
func.func @f49(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f50(
func.func @f50(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f51(
func.func @f51(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f52(
func.func @f52(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f53(
func.func @f53(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f54(
func.func @f54(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f55(
func.func @f55(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f56(
func.func @f56(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f57(
func.func @f57(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f58(
func.func @f58(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f59(
func.func @f59(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f60(
func.func @f60(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f61(
func.func @f61(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f62(
func.func @f62(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f63(
func.func @f63(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f64(
func.func @f64(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f65(
func.func @f65(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f66(
func.func @f66(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f67(
func.func @f67(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f68(
func.func @f68(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f69(
func.func @f69(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f70(
func.func @f70(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f71(
func.func @f71(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f72(
func.func @f72(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f73(
func.func @f73(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f74(
func.func @f74(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f75(
func.func @f75(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f76(
func.func @f76(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f77(
func.func @f77(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f78(
func.func @f78(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f79(
func.func @f79(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f80(
func.func @f80(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f81(
func.func @f81(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f82(
func.func @f82(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f83(
func.func @f83(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f84(
func.func @f84(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f85(
func.func @f85(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f86(
func.func @f86(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f87(
func.func @f87(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
// CHECK-LABEL: llvm.func @f88(
func.func @f88(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
// CHECK-LABEL: llvm.func @f89(
func.func @f89(%x: tensor<2x9x9x4xf32>) -> tensor<2x5x5x4xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_last>} : tensor<2x9x9x4xf32> -> tensor<2x5x5x4xf32>
  return %0 : tensor<2x5x5x4xf32>
}
// CHECK-LABEL: llvm.func @f90(
func.func @f90(%x: tensor<4x7x3xf32>) -> tensor<4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, auto_pad = #pool.auto_pad<same_upper>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
  return %0 : tensor<4x4x3xf32>
}
// CHECK-LABEL: llvm.func @f91(
func.func @f91(%x: tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x4x4x4xf32> -> tensor<1x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2xf32>
}
// CHECK-LABEL: llvm.func @f92(
func.func @f92(%x: tensor<2x8x8x16xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x8x8x16xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}
// CHECK-LABEL: llvm.func @f93(
func.func @f93(%x: tensor<2x3x5xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x3x5xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-LABEL: llvm.func @f94(
func.func @f94(%x: tensor<1x4x7x8xf32>) -> tensor<1x4x3x3xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x7x8xf32> -> tensor<1x4x3x3xf32>
  return %0 : tensor<1x4x3x3xf32>
}
// CHECK-LABEL: llvm.func @f95(
func.func @f95(%x: tensor<1x13x2xf32>) -> tensor<1x5x2xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 5>, layout = #pool.layout<channels_last>} : tensor<1x13x2xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}
