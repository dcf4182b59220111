// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s

// Dynamic sizes: no compile-time border plan. Channels-first rows loop over
// single outputs (one-lane vectors, taps clamped to the input) up to the
// first interior block, run the interior blocks whose reads end inside the
// input (8 outputs per block), then single outputs to the end of the row.
// The block range [lo, hi) is used only when it holds a whole block.
// CHECK-LABEL: func.func @max_2d_nchw_dynamic_hw(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x?x?xf32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 4)
//       CHECK:     } else {
//       CHECK:       %[[GE:.*]] = arith.cmpi sge, {{.*}}, %c8{{.*}} : index
//       CHECK:       %[[END:.*]] = arith.select %[[GE]], {{.*}} : index
//       CHECK:       %[[LEFT:.*]] = scf.for %{{.*}} = %c0{{.*}} to %[[LO:[^ ]+]] step %c1
//       CHECK:         vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x?x?xf32>, vector<1xf32>
//       CHECK:         arith.cmpf ogt, {{.*}} : vector<1xf32>
//       CHECK:         vector.transfer_write {{.*}} : vector<1xf32>, tensor<1x1x?x?xf32>
//       CHECK:       %[[MID:.*]] = scf.for %{{.*}} = %[[LO]] to %[[END]] step %c8{{.*}} iter_args(%{{.*}} = %[[LEFT]])
//       CHECK:         %[[V:.*]] = vector.transfer_read %[[IN]]{{.*}} {in_bounds = [true]} : tensor<1x4x?x?xf32>, vector<16xf32>
//       CHECK:         vector.shuffle %[[V]], %[[V]] [0, 2, 4, 6, 8, 10, 12, 14] : vector<16xf32>, vector<16xf32>
//       CHECK:         arith.cmpf ogt, {{.*}} : vector<8xf32>
//       CHECK:         vector.transfer_write {{.*}} {in_bounds = [true]} : vector<8xf32>, tensor<1x1x?x?xf32>
//       CHECK:       scf.for %{{.*}} = %[[END]] to %{{.*}} step %c1{{.*}} iter_args(%{{.*}} = %[[MID]])
//       CHECK:         vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x?x?xf32>, vector<1xf32>
//       CHECK:         vector.transfer_write {{.*}} : vector<1xf32>, tensor<1x1x?x?xf32>
// Border blocks planned at compile time select lanes with constant shuffles
// against a neutral vector; none here.
//   CHECK-NOT:   vector.shuffle {{.*}} : vector<8xf32>, vector<8xf32>
//       CHECK:   return
func.func @max_2d_nchw_dynamic_hw(%x: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x?x?xf32> -> tensor<1x4x?x?xf32>
  return %0 : tensor<1x4x?x?xf32>
}

// -----

// Dynamic batch and channels: the task grid comes from the input's sizes.
// CHECK-LABEL: func.func @avg_2d_nchw_dynamic_nc(
//  CHECK-SAME:     %[[IN:.*]]: tensor<?x?x16x16xf32>)
//   CHECK-DAG:   %[[N:.*]] = tensor.dim %[[IN]], %c0
//   CHECK-DAG:   %[[C:.*]] = tensor.dim %[[IN]], %c1
//       CHECK:   scf.forall ({{.*}}) in (%[[N]], %[[C]])
//       CHECK:     vector.transfer_read %[[IN]]{{.*}} : tensor<?x?x16x16xf32>, vector<16xf32>
//       CHECK:     vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12, 14]
//       CHECK:     arith.divf {{.*}} : vector<8xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x8x8xf32>
func.func @avg_2d_nchw_dynamic_nc(%x: tensor<?x?x16x16xf32>) -> tensor<?x?x8x8xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<?x?x16x16xf32> -> tensor<?x?x8x8xf32>
  return %0 : tensor<?x?x8x8xf32>
}

// -----

// Channels-last with dynamic C: 32-lane chunks (four registers) over the
// channels that divide evenly, unmasked, then, if channels remain, one
// chunk whose reads and writes may run past C (no in_bounds: masked by the
// transfer ops).
// CHECK-LABEL: func.func @avg_2d_nhwc_dynamic_c(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x16x16x?xf32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 8)
//       CHECK:     %[[FULL:.*]] = scf.for %{{.*}} = %c0{{.*}} to %[[CF:[^ ]+]] step %c32
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} {in_bounds = [true]} : tensor<1x16x16x?xf32>, vector<32xf32>
//       CHECK:       arith.addf {{.*}} : vector<32xf32>
//       CHECK:       arith.divf {{.*}} : vector<32xf32>
//       CHECK:       vector.transfer_write {{.*}} {in_bounds = [true]} : vector<32xf32>, tensor<1x1x8x?xf32>
//       CHECK:     %[[REST:.*]] = arith.cmpi slt, %[[CF]], %{{.*}} : index
//       CHECK:     scf.if %[[REST]] -> (tensor<1x1x8x?xf32>)
//       CHECK:       vector.transfer_read %[[IN]][%{{.*}}, %{{.*}}, %{{.*}}, %[[CF]]], %{{[a-z0-9_]+}} : tensor<1x16x16x?xf32>, vector<32xf32>
//       CHECK:       arith.divf {{.*}} : vector<32xf32>
//       CHECK:       vector.transfer_write %{{.*}}, %{{.*}}{{\[.*\]}} : vector<32xf32>, tensor<1x1x8x?xf32>
func.func @avg_2d_nhwc_dynamic_c(%x: tensor<1x16x16x?xf32>) -> tensor<1x8x8x?xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x16x16x?xf32> -> tensor<1x8x8x?xf32>
  return %0 : tensor<1x8x8x?xf32>
}

// -----

// Static C that is not a multiple of the chunk: one 16-lane chunk (C rounded
// up to a power of two), read and written masked, and no loop over chunks.
// CHECK-LABEL: func.func @max_2d_nhwc_c12_masked(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x8x8x12xf32>)
//   CHECK-NOT:   step %c16
//       CHECK:     vector.transfer_read %[[IN]]{{\[.*\]}}, %{{[a-z0-9_]+}} : tensor<1x8x8x12xf32>, vector<16xf32>
//       CHECK:     vector.transfer_write %{{.*}}, %{{.*}}{{\[.*\]}} : vector<16xf32>, tensor<1x1x4x12xf32>
func.func @max_2d_nhwc_c12_masked(%x: tensor<1x8x8x12xf32>) -> tensor<1x4x4x12xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x8x8x12xf32> -> tensor<1x4x4x12xf32>
  return %0 : tensor<1x4x4x12xf32>
}
