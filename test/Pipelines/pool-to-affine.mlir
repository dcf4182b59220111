// RUN: pool-opt %s -split-input-file --pool-to-affine | FileCheck %s

// convert-pool-to-affine's nests on buffers: the padded window's taps are
// clipped by the loop bounds (the upper bound min(113 - 2 * o, 3) is 3 for
// every o the canonicalizer sees), every access is an affine.load.
//       CHECK: #[[$LO:.*]] = affine_map<(d0) -> (d0 * -2 + 1, 0)>
// CHECK-LABEL: func.func @stem
//  CHECK-SAME:   (%[[IN:.*]]: memref<1x64x112x112xf32>) -> memref<1x64x56x56xf32>
//       CHECK:   %[[OUT:.*]] = memref.alloc() : memref<1x64x56x56xf32>
//       CHECK:   affine.for %{{.*}} = 0 to 1 {
//       CHECK:     affine.for %{{.*}} = 0 to 64 {
//       CHECK:       affine.for %[[OH:.*]] = 0 to 56 {
//       CHECK:         affine.for %[[OW:.*]] = 0 to 56 {
//       CHECK:           affine.for %{{.*}} = max #[[$LO]](%[[OH]]) to 3 iter_args
//       CHECK:             affine.for %{{.*}} = max #[[$LO]](%[[OW]]) to 3 iter_args
//       CHECK:               affine.load %[[IN]]
//       CHECK:               arith.maximumf
//       CHECK:           affine.store %{{.*}}, %[[OUT]]
//   CHECK-NOT:   pool.
//       CHECK:   return %[[OUT]]
func.func @stem(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// -----

// Channels-last: a fill, then the accumulation with the contiguous channel
// loop innermost, then the division (by the constant window size).
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
