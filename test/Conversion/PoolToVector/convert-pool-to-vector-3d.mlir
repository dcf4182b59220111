// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s

// 3-D windows on the direct plan (auto: 2x2x2 stride 2 reads fewer taps
// directly than through a row buffer). The separable 3-D plans are in
// convert-pool-to-vector-separable.mlir.

// NCDHW: one task per (batch, channel) volume; loops over the output depth
// and rows, the D and H taps as nested loops around each W block; W blocks
// of 8 outputs read 16 elements per tap and pick every second lane.
// CHECK-LABEL: func.func @max_3d_ncdhw(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x2x8x16x32xf32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 2)
//       CHECK:     tensor.extract_slice {{.*}} to tensor<1x1x4x8x16xf32>
//       CHECK:     scf.if
//       CHECK:       scf.for %[[OD:[a-z0-9_]+]] = %c0{{.*}} to %c4
//       CHECK:         scf.for %[[OH:[a-z0-9_]+]] =
//       CHECK:           scf.for {{.*}} -> (vector<8xf32>)
//       CHECK:             scf.for {{.*}} -> (vector<8xf32>)
//       CHECK:               %[[V:.*]] = vector.transfer_read %[[IN]]{{.*}} {in_bounds = [true]} : tensor<1x2x8x16x32xf32>, vector<16xf32>
//       CHECK:               vector.shuffle %[[V]], %[[V]] [0, 2, 4, 6, 8, 10, 12, 14]
//       CHECK:               arith.maximumf {{.*}} : vector<8xf32>
//       CHECK:           vector.transfer_write {{.*}}[%{{.*}}, %{{.*}}, %[[OD]], %[[OH]], %{{.*}}] {in_bounds = [true]} : vector<8xf32>, tensor<1x1x4x8x16xf32>
//       CHECK:     } else {
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<8xf32>
//   CHECK-NOT:   tensor.empty() : tensor<8x16x16xf32>
func.func @max_3d_ncdhw(%x: tensor<1x2x8x16x32xf32>) -> tensor<1x2x4x8x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x8x16x32xf32> -> tensor<1x2x4x8x16xf32>
  return %0 : tensor<1x2x4x8x16xf32>
}

// -----

// NDHWC: one task per (batch, output depth); loops over the output rows and
// columns and 32-lane channel chunks, the D, H and W taps nested inside.
// CHECK-LABEL: func.func @avg_3d_ndhwc(
//  CHECK-SAME:     %[[IN:.*]]: tensor<2x8x8x8x64xf32>)
//       CHECK:   scf.forall ({{.*}}) in (2, 4)
//       CHECK:     tensor.extract_slice {{.*}} to tensor<1x1x4x4x64xf32>
//       CHECK:     scf.for {{.*}} to %c4
//       CHECK:       scf.for
//       CHECK:         scf.for %[[C0:[a-z0-9_]+]] = %c0{{.*}} to %c64{{.*}} step %c32
//       CHECK:           scf.for {{.*}} -> (vector<32xf32>)
//       CHECK:             scf.for {{.*}} -> (vector<32xf32>)
//       CHECK:               scf.for {{.*}} -> (vector<32xf32>)
//       CHECK:                 vector.transfer_read %[[IN]][{{.*}}, %[[C0]]], {{.*}} {in_bounds = [true]} : tensor<2x8x8x8x64xf32>, vector<32xf32>
//       CHECK:                 arith.addf {{.*}} : vector<32xf32>
//       CHECK:           arith.divf {{.*}} : vector<32xf32>
//       CHECK:           vector.transfer_write {{.*}} {in_bounds = [true]} : vector<32xf32>, tensor<1x1x4x4x64xf32>
//   CHECK-NOT:   tensor.empty() : tensor<8x8x4x
func.func @avg_3d_ndhwc(%x: tensor<2x8x8x8x64xf32>) -> tensor<2x4x4x4x64xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_last>} : tensor<2x8x8x8x64xf32> -> tensor<2x4x4x4x64xf32>
  return %0 : tensor<2x4x4x4x64xf32>
}
