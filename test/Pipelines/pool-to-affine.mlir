// RUN: pool-opt %s -split-input-file --pool-to-affine | FileCheck %s

// CHECK-LABEL: func.func @stem
//  CHECK-SAME:   (%[[IN:.*]]: memref<1x64x112x112xf32>) -> memref<1x64x56x56xf32>
//       CHECK:   %[[OUT:.*]] = memref.alloc() {{.*}} : memref<1x64x56x56xf32>
//       CHECK:   affine.for %{{.*}} = 0 to 1 {
//       CHECK:     affine.for %{{.*}} = 0 to 64 {
//       CHECK:       affine.for %{{.*}} = 0 to 56 {
//       CHECK:         affine.for %{{.*}} = 0 to 56 {
//       CHECK:           affine.for %{{.*}} = 0 to 3 {
//       CHECK:             affine.for %{{.*}} = 0 to 3 {
//       CHECK:               memref.load %[[IN]]
//       CHECK:               arith.maximumf
//       CHECK:               affine.store %{{.*}}, %[[OUT]]
//   CHECK-NOT:   pool.
//       CHECK:   return %[[OUT]]
func.func @stem(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// -----

// Unpadded windows index the input with affine maps; pool-loop-order puts
// the contiguous channel loop innermost.
// CHECK-LABEL: func.func @avg_unpadded
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   affine.store %[[ZERO]]
//       CHECK:   affine.for %[[N:.*]] = 0 to 10 {
//       CHECK:     affine.for %[[W:.*]] = 0 to 2 {
//       CHECK:       affine.for %[[K:.*]] = 0 to 2 {
//       CHECK:         affine.for %[[C:.*]] = 0 to 10 {
//       CHECK:           affine.load %{{.*}}[%[[N]], %[[W]] * 2 + %[[K]], %[[C]]]
func.func @avg_unpadded(%y: tensor<10x4x10xf32>) -> tensor<10x2x10xf32> {
  %1 = pool.avg %y {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>
  return %1 : tensor<10x2x10xf32>
}
