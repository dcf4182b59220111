// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256 strategy=separable" | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s --check-prefix=AUTO

// The separable plan: every input row is reduced along the last spatial
// dimension into a per-task row buffer (accumulator type), then every output
// is reduced from the buffer rows its window covers. No van Herk block
// suffixes (the sliding plan's `arith.remsi` block bookkeeping and suffix
// buffer) and, for channels-last, one task per (batch, channel vector).

// Channels-last 7x7 stride 1: 16-channel chunks (a 64-byte cache line of
// each pixel per task, two 8-lane vectors), a buffer [H, OW, chunk] per
// task; auto picks the same plan (sliding is only taken by
// auto for channels-first windows).
// CHECK-LABEL: func.func @max_2d_nhwc_7x7_separable(
//  CHECK-SAME:     %[[IN:.*]]: tensor<2x56x56x64xf32>)
//       CHECK:   scf.forall ({{.*}}) in (2, 4)
//       CHECK:     scf.if
//       CHECK:       %[[BUF:.*]] = tensor.empty() : tensor<56x896xf32>
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<2x56x56x64xf32>, vector<16xf32>
//       CHECK:       arith.maximumf {{.*}} : vector<16xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<16xf32>, tensor<56x896xf32>
//   CHECK-NOT:       tensor.empty
//   CHECK-NOT:       arith.remsi
//       CHECK:       vector.transfer_read {{.*}} : tensor<56x896xf32>, vector<16xf32>
//       CHECK:       arith.maximumf {{.*}} : vector<16xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<16xf32>, tensor<1x56x56x?xf32>
//       CHECK:     } else {
//       CHECK:       tensor.empty() : tensor<56x896xf32>
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<2x56x56x64xf32>, vector<16xf32>
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<16xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<16xf32>, tensor<56x896xf32>
//   CHECK-NOT:       tensor.empty
//   CHECK-NOT:       arith.remsi
//       CHECK:       vector.transfer_read {{.*}} : tensor<56x896xf32>, vector<16xf32>
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<16xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<16xf32>, tensor<1x56x56x?xf32>
//   CHECK-NOT:   arith.remsi
//   CHECK-NOT:   pool.max
// AUTO-LABEL: func.func @max_2d_nhwc_7x7_separable
//       AUTO:   scf.forall ({{.*}}) in (2, 4)
//       AUTO:     tensor.empty() : tensor<56x896xf32>
//       AUTO:     vector.transfer_write {{.*}} : vector<16xf32>, tensor<56x896xf32>
//   AUTO-NOT:     tensor.empty
//   AUTO-NOT:     arith.remsi
//       AUTO:     vector.transfer_read {{.*}} : tensor<56x896xf32>, vector<16xf32>
func.func @max_2d_nhwc_7x7_separable(%x: tensor<2x56x56x64xf32>) -> tensor<2x56x56x64xf32> {
  %0 = pool.max %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_last>} : tensor<2x56x56x64xf32> -> tensor<2x56x56x64xf32>
  return %0 : tensor<2x56x56x64xf32>
}

// -----

// Channels-last average: the first pass divides by the W factor before it
// writes the buffer, the second by the row factor before it writes the
// output.
// CHECK-LABEL: func.func @avg_2d_nhwc_3x3_separable(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x20x24x8xf32>)
//   CHECK-NOT:   scf.if
//       CHECK:   tensor.empty() : tensor<20x192xf32>
//       CHECK:   vector.transfer_read %[[IN]]{{.*}} : tensor<1x20x24x8xf32>, vector<8xf32>
//       CHECK:   arith.addf {{.*}} : vector<8xf32>
//       CHECK:   %[[ROW:.*]] = arith.divf {{.*}} : vector<8xf32>
//       CHECK:   vector.transfer_write %[[ROW]], {{.*}} : vector<8xf32>, tensor<20x192xf32>
//   CHECK-NOT:   tensor.empty
//   CHECK-NOT:   arith.remsi
//       CHECK:   vector.transfer_read {{.*}} : tensor<20x192xf32>, vector<8xf32>
//       CHECK:   arith.addf {{.*}} : vector<8xf32>
//       CHECK:   %[[AVG:.*]] = arith.divf {{.*}} : vector<8xf32>
//       CHECK:   vector.transfer_write %[[AVG]], {{.*}} : vector<8xf32>, tensor<1x20x24x?xf32>
//   CHECK-NOT:   arith.remsi
// Auto reads 3x3 stride-1 channels-last windows directly: the row buffer
// saves a third of the taps, less than it costs on channels-last rows.
// AUTO-LABEL: func.func @avg_2d_nhwc_3x3_separable
//   AUTO-NOT:   tensor<20x192xf32>
//       AUTO:   vector.transfer_read {{.*}} : tensor<1x20x24x8xf32>, vector<8xf32>
//   AUTO-NOT:   tensor<20x192xf32>
//       AUTO:   return
func.func @avg_2d_nhwc_3x3_separable(%x: tensor<1x20x24x8xf32>) -> tensor<1x20x24x8xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x20x24x8xf32> -> tensor<1x20x24x8xf32>
  return %0 : tensor<1x20x24x8xf32>
}

// -----

// Channels-last 3-D window: the buffer is [D, H, OW, chunk] (rows along D
// and H, reduced along W), read back over the 3x3 rows of each window.
// CHECK-LABEL: func.func @max_3d_ndhwc_3x3x3_separable(
//  CHECK-SAME:     %[[IN:.*]]: tensor<2x6x10x12x16xf32>)
//       CHECK:   scf.forall ({{.*}}) in (2, 1)
//       CHECK:     tensor.empty() : tensor<6x10x192xf32>
//       CHECK:     vector.transfer_read %[[IN]]{{.*}} : tensor<2x6x10x12x16xf32>, vector<16xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<16xf32>, tensor<6x10x192xf32>
//       CHECK:     vector.transfer_read {{.*}} : tensor<6x10x192xf32>, vector<16xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<16xf32>, tensor<1x6x10x12x?xf32>
//   CHECK-NOT:   arith.remsi
// AUTO-LABEL: func.func @max_3d_ndhwc_3x3x3_separable
//       AUTO:     tensor.empty() : tensor<6x10x192xf32>
func.func @max_3d_ndhwc_3x3x3_separable(%x: tensor<2x6x10x12x16xf32>) -> tensor<2x6x10x12x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3, 3>, strides = array<i64: 1, 1, 1>, padding = array<i64: 1, 1, 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x6x10x12x16xf32> -> tensor<2x6x10x12x16xf32>
  return %0 : tensor<2x6x10x12x16xf32>
}

// -----

// Channels-first 7x7 stride 1 with strategy=separable: a row buffer
// [H, OW] per plane (first pass vectorized along W), then 8-lane vectors
// along OW reduced over the 7 buffer rows of each window; no suffix buffer.
// Auto takes the sliding plan here instead (pinned in
// convert-pool-to-vector-sliding.mlir).
// CHECK-LABEL: func.func @max_2d_nchw_7x7_separable(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x56x56xf32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 4)
//       CHECK:     tensor.empty() : tensor<56x56xf32>
//       CHECK:     vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x56x56xf32>, vector<8xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<56x56xf32>
//   CHECK-NOT:     tensor.empty() : tensor<62x
//       CHECK:     vector.transfer_read {{.*}} : tensor<56x56xf32>, vector<8xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x56x56xf32>
//   CHECK-NOT:   arith.remsi
// AUTO-LABEL: func.func @max_2d_nchw_7x7_separable
//       AUTO:     tensor.empty() : tensor<56x56xf32>
//   AUTO-NOT:     tensor<62x32xf32>
//   AUTO-NOT:     arith.remsi
//       AUTO:     return
func.func @max_2d_nchw_7x7_separable(%x: tensor<1x4x56x56xf32>) -> tensor<1x4x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x4x56x56xf32> -> tensor<1x4x56x56xf32>
  return %0 : tensor<1x4x56x56xf32>
}

// -----

// A channels-first 3-D window: the buffer is [D, H, OW]; separable reads
// 3x3 buffer rows per output instead of 27 input taps.
// CHECK-LABEL: func.func @avg_3d_ncdhw_3x3x3_separable(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x2x6x10x16xf32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 2)
//       CHECK:     tensor.empty() : tensor<6x10x16xf32>
//       CHECK:     vector.transfer_read %[[IN]]{{.*}} : tensor<1x2x6x10x16xf32>, vector<8xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<6x10x16xf32>
//       CHECK:     vector.transfer_read {{.*}} : tensor<6x10x16xf32>, vector<8xf32>
//       CHECK:     arith.divf {{.*}} : vector<8xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x6x10x16xf32>
//   CHECK-NOT:   arith.remsi
// AUTO-LABEL: func.func @avg_3d_ncdhw_3x3x3_separable
//       AUTO:     tensor.empty() : tensor<6x10x16xf32>
func.func @avg_3d_ncdhw_3x3x3_separable(%x: tensor<1x2x6x10x16xf32>) -> tensor<1x2x6x10x16xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3, 3>, strides = array<i64: 1, 1, 1>, padding = array<i64: 1, 1, 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x6x10x16xf32> -> tensor<1x2x6x10x16xf32>
  return %0 : tensor<1x2x6x10x16xf32>
}
