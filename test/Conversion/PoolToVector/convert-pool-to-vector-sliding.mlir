// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256 strategy=sliding" | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s --check-prefix=AUTO

// The sliding plan: the separable row buffer, then van Herk/Gil-Werman along
// the rows: a per-task suffix buffer [OH + K - 1, width], a backward sweep
// that restarts at block ends (`remsi` by K) and stores suffixes, and a
// forward sweep that keeps the block prefix in a register and combines it
// with the stored suffix of each output row.

// Channels-first 3x3: sliding only because it is asked for (auto takes the
// separable plan for K = 3 rows). Columns of 4 x 8 lanes.
// CHECK-LABEL: func.func @max_2d_nchw_3x3_sliding(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x32x32xf32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 4)
//       CHECK:     scf.if
//       CHECK:       %[[BUF:.*]] = scf.for {{.*}} -> (tensor<32x32xf32>)
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x32x32xf32>, vector<8xf32>
//       CHECK:       %[[SFX:.*]] = tensor.empty() : tensor<34x32xf32>
//       CHECK:       scf.for {{.*}} iter_args({{.*}} = %[[SFX]])
//       CHECK:         vector.transfer_read %[[BUF]]{{.*}} : tensor<32x32xf32>, vector<32xf32>
//       CHECK:         arith.remsi {{.*}}, %c3
//       CHECK:         arith.maximumf {{.*}} : vector<32xf32>
//       CHECK:         arith.select {{.*}} : vector<32xf32>
//       CHECK:         vector.transfer_write {{.*}} : vector<32xf32>, tensor<34x32xf32>
//       CHECK:       scf.for
//       CHECK:         vector.transfer_read %[[BUF]]{{.*}} : tensor<32x32xf32>, vector<32xf32>
//       CHECK:         arith.remsi
//       CHECK:         arith.select {{.*}} : vector<32xf32>
//       CHECK:         scf.if
//       CHECK:           vector.transfer_read {{.*}} : tensor<34x32xf32>, vector<32xf32>
//       CHECK:           arith.maximumf {{.*}} : vector<32xf32>
//       CHECK:           vector.transfer_write {{.*}} : vector<32xf32>, tensor<1x1x32x32xf32>
//       CHECK:     } else {
//       CHECK:       tensor.empty() : tensor<34x32xf32>
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<32xf32>
// AUTO-LABEL: func.func @max_2d_nchw_3x3_sliding
//   AUTO-NOT:   tensor<34x32xf32>
//   AUTO-NOT:   arith.remsi
//       AUTO:   return
func.func @max_2d_nchw_3x3_sliding(%x: tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x32x32xf32> -> tensor<1x4x32x32xf32>
  return %0 : tensor<1x4x32x32xf32>
}

// -----

// Channels-first 5x5 average, which auto also runs sliding (stride 1, at
// least 4 rows). A window that is exactly one block takes the suffix alone
// (the select on `oh rem K == 0`), then the row divisor. W = 40: one full
// 32-lane column, then a column with masked reads and writes.
// CHECK-LABEL: func.func @avg_2d_nchw_5x5_sliding(
//       CHECK:   tensor.empty() : tensor<20x40xf32>
//       CHECK:   tensor.empty() : tensor<24x32xf32>
//       CHECK:   scf.for {{.*}} -> (tensor<1x1x20x40xf32>, tensor<24x32xf32>)
//       CHECK:     arith.remsi {{.*}}, %c5
//       CHECK:     vector.transfer_write {{.*}} : vector<32xf32>, tensor<24x32xf32>
//       CHECK:     scf.if
//       CHECK:       %[[S:.*]] = vector.transfer_read {{.*}} : tensor<24x32xf32>, vector<32xf32>
//       CHECK:       %[[V:.*]] = arith.addf %[[S]], {{.*}} : vector<32xf32>
//       CHECK:       arith.remsi
//       CHECK:       %[[W:.*]] = arith.select {{.*}}, %[[S]], %[[V]] : vector<32xf32>
//       CHECK:       %[[A:.*]] = arith.divf %[[W]], {{.*}} : vector<32xf32>
//       CHECK:       vector.transfer_write %[[A]], {{.*}} {in_bounds = [true]} : vector<32xf32>, tensor<1x1x20x40xf32>
//       CHECK:   scf.for {{.*}} -> (tensor<1x1x20x40xf32>, tensor<24x32xf32>)
//       CHECK:       vector.transfer_read {{.*}} : tensor<20x40xf32>, vector<32xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<32xf32>, tensor<1x1x20x40xf32>
// Auto keeps 5 rows separable (sliding rows pay from 10 rows on).
// AUTO-LABEL: func.func @avg_2d_nchw_5x5_sliding
//   AUTO-NOT:   tensor<24x32xf32>
//   AUTO-NOT:   arith.remsi
//       AUTO:   return
func.func @avg_2d_nchw_5x5_sliding(%x: tensor<1x4x20x40xf32>) -> tensor<1x4x20x40xf32> {
  %0 = pool.avg %x {kernel = array<i64: 5, 5>, strides = array<i64: 1, 1>, padding = array<i64: 2, 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x4x20x40xf32> -> tensor<1x4x20x40xf32>
  return %0 : tensor<1x4x20x40xf32>
}

// -----

// Channels-last 7x7: the buffer is [H, OW * lanes], so a read of four columns stays in bounds; four output columns at a
// time are one 32-lane vector of the buffer (four independent chains),
// written back as four 8-lane channel vectors; the remaining OW % 4 columns
// one 8-lane vector at a time. Auto keeps the separable plan here, with
// 16-channel chunks (a cache line per pixel and task).
// CHECK-LABEL: func.func @max_2d_nhwc_7x7_sliding(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x30x30x16xf32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 2)
//       CHECK:     scf.if
//       CHECK:       %[[BUF:.*]] = scf.for {{.*}} -> (tensor<30x240xf32>)
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x30x30x16xf32>, vector<8xf32>
//       CHECK:       tensor.empty() : tensor<36x32xf32>
//       CHECK:       scf.for %{{.*}} = %c0{{.*}} to %c28 step %c4
//       CHECK:         vector.transfer_read %[[BUF]]{{.*}} : tensor<30x240xf32>, vector<32xf32>
//       CHECK:         arith.remsi {{.*}}, %c7
//       CHECK:         vector.transfer_write {{.*}} : vector<32xf32>, tensor<36x32xf32>
//       CHECK:         vector.transfer_read {{.*}} : tensor<36x32xf32>, vector<32xf32>
//       CHECK:         arith.maximumf {{.*}} : vector<32xf32>
//       CHECK-COUNT-4:   vector.extract_strided_slice {{.*}} : vector<32xf32> to vector<8xf32>
//       CHECK:       scf.for %{{.*}} = %c28 to %c30{{.*}} step %c1
//       CHECK:         vector.transfer_read %[[BUF]]{{.*}} : tensor<30x240xf32>, vector<8xf32>
//       CHECK:         vector.transfer_write {{.*}} : vector<8xf32>, tensor<36x32xf32>
//       CHECK:         vector.transfer_read {{.*}} : tensor<36x32xf32>, vector<8xf32>
//       CHECK:         vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x30x30x?xf32>
//       CHECK:     } else {
//       CHECK:       tensor.empty() : tensor<36x32xf32>
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<32xf32>
// AUTO-LABEL: func.func @max_2d_nhwc_7x7_sliding
//       AUTO:   tensor.empty() : tensor<30x480xf32>
//   AUTO-NOT:   tensor<36x32xf32>
//   AUTO-NOT:   arith.remsi
//       AUTO:   return
func.func @max_2d_nhwc_7x7_sliding(%x: tensor<1x30x30x16xf32>) -> tensor<1x30x30x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_last>} : tensor<1x30x30x16xf32> -> tensor<1x30x30x16xf32>
  return %0 : tensor<1x30x30x16xf32>
}

// -----

// strategy=sliding needs stride-1, undilated rows of a 2-D window; anything
// else falls back to the separable plan (row buffer, no suffix buffer).
// CHECK-LABEL: func.func @max_2d_nchw_stride2_sliding_falls_back
//       CHECK:   tensor.empty() : tensor<32x16xf32>
//   CHECK-NOT:   arith.remsi
//       CHECK:   vector.transfer_read {{.*}} : tensor<32x16xf32>, vector<8xf32>
//   CHECK-NOT:   arith.remsi
//       CHECK:   return
func.func @max_2d_nchw_stride2_sliding_falls_back(%x: tensor<1x4x32x32xf32>) -> tensor<1x4x16x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 7, 7>, strides = array<i64: 2, 2>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x32x32xf32> -> tensor<1x4x16x16xf32>
  return %0 : tensor<1x4x16x16xf32>
}

// -----

// CHECK-LABEL: func.func @max_2d_nchw_dilated_sliding_falls_back
//       CHECK:   tensor.empty() : tensor<32x32xf32>
//   CHECK-NOT:   arith.remsi
//       CHECK:   vector.transfer_read {{.*}} : tensor<32x32xf32>, vector<8xf32>
//   CHECK-NOT:   arith.remsi
//       CHECK:   return
func.func @max_2d_nchw_dilated_sliding_falls_back(%x: tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32> {
  %0 = pool.max %x {kernel = array<i64: 5, 5>, dilations = array<i64: 2, 2>, padding = array<i64: 4, 4, 4, 4>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x32x32xf32> -> tensor<1x4x32x32xf32>
  return %0 : tensor<1x4x32x32xf32>
}

// -----

// CHECK-LABEL: func.func @max_3d_ndhwc_sliding_falls_back
//       CHECK:   tensor.empty() : tensor<6x10x192xf32>
//   CHECK-NOT:   arith.remsi
//       CHECK:   vector.transfer_read {{.*}} : tensor<6x10x192xf32>, vector<16xf32>
//   CHECK-NOT:   arith.remsi
//       CHECK:   return
func.func @max_3d_ndhwc_sliding_falls_back(%x: tensor<2x6x10x12x16xf32>) -> tensor<2x6x10x12x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 5, 5, 5>, strides = array<i64: 1, 1, 1>, padding = array<i64: 2, 2, 2, 2, 2, 2>, layout = #pool.layout<channels_last>} : tensor<2x6x10x12x16xf32> -> tensor<2x6x10x12x16xf32>
  return %0 : tensor<2x6x10x12x16xf32>
}
