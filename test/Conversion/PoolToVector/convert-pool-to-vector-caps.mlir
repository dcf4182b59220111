// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s

// Bounds on the compile-time plan of channels-first rows (PoolToVector.cpp:
// kMaxStaticBlocks = 8 border blocks per row, kMaxStaticTaps = 1024 taps over
// them, kMaxBlockTaps = 64 taps per block, kMaxBlockReadVectors = 16
// registers per tap read). Static border blocks read each tap's span once
// and move lanes with constant shuffles (neutral lanes where a tap is
// missing); a row beyond the bounds loops over single outputs at run time
// instead (one-lane vectors, taps clamped), so that no window or input size
// makes the IR grow without bound. All rows here are 1-D (8 f32 lanes), which
// only the direct plan handles.

// 36 outputs per border need 5 + 5 blocks > 8: single outputs up to the
// first interior block, interior blocks of 8, single outputs after.
// CHECK-LABEL: func.func @max_1d_ncw_border_blocks_over_cap(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x512xf32>)
//       CHECK:   } else {
//       CHECK:     %[[L:.*]] = scf.for %{{.*}} = %c0{{.*}} to %c36{{.*}} step %c1
//       CHECK:       scf.for {{.*}} -> (vector<1xf32>)
//       CHECK:         vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x512xf32>, vector<1xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<1xf32>, tensor<1x1x512xf32>
//       CHECK:     %[[M:.*]] = scf.for %{{.*}} = %c36{{.*}} to %c476{{.*}} step %c8{{.*}} iter_args(%{{.*}} = %[[L]])
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} {in_bounds = [true]} : tensor<1x4x512xf32>, vector<8xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x512xf32>
//       CHECK:     scf.for %{{.*}} = %c476{{.*}} to %c512{{.*}} step %c1{{.*}} iter_args(%{{.*}} = %[[M]])
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x512xf32>, vector<1xf32>
//   CHECK-NOT:   vector.shuffle
//       CHECK:   return
func.func @max_1d_ncw_border_blocks_over_cap(%x: tensor<1x4x512xf32>) -> tensor<1x4x512xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, dilations = array<i64: 36>, padding = array<i64: 36, 36>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x4x512xf32> -> tensor<1x4x512xf32>
  return %0 : tensor<1x4x512xf32>
}

// -----

// The same window with 28 outputs per border: 4 + 4 blocks, planned at
// compile time (shuffles with neutral lanes, no single outputs).
// CHECK-LABEL: func.func @max_1d_ncw_border_blocks_at_cap(
//       CHECK:   } else {
//   CHECK-NOT:     vector<1xf32>
//       CHECK:     vector.shuffle
//   CHECK-NOT:     vector<1xf32>
//       CHECK:     scf.for %{{.*}} = %c32{{.*}} to %c480{{.*}} step %c8
//   CHECK-NOT:     vector<1xf32>
//       CHECK:     vector.shuffle
//   CHECK-NOT:   vector<1xf32>
//       CHECK:   return
func.func @max_1d_ncw_border_blocks_at_cap(%x: tensor<1x4x512xf32>) -> tensor<1x4x512xf32> {
  %0 = pool.max %x {kernel = array<i64: 3>, dilations = array<i64: 28>, padding = array<i64: 28, 28>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x4x512xf32> -> tensor<1x4x512xf32>
  return %0 : tensor<1x4x512xf32>
}

// -----

// A 600-tap window: two border blocks would unroll 1200 taps > 1024. Single
// outputs at both ends; the interior blocks loop over their taps (more
// than 16) instead of unrolling them.
// CHECK-LABEL: func.func @avg_1d_ncw_window_taps_over_cap(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x2048xf32>)
//       CHECK:   scf.forall
//       CHECK:     %[[L:.*]] = scf.for %{{.*}} = %c0{{.*}} to %c1{{.*}} step %c1
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x2048xf32>, vector<1xf32>
//       CHECK:     %[[M:.*]] = scf.for %{{.*}} = %c1{{.*}} to %c1450{{.*}} step %c8{{.*}} iter_args(%{{.*}} = %[[L]])
//       CHECK:       scf.for %{{.*}} = %c0{{.*}} to %c600{{.*}} step %c1{{.*}} -> (vector<8xf32>)
//       CHECK:         vector.transfer_read %[[IN]]{{.*}} {in_bounds = [true]} : tensor<1x4x2048xf32>, vector<8xf32>
//       CHECK:       arith.divf {{.*}} : vector<8xf32>
//       CHECK:     scf.for %{{.*}} = %c1450{{.*}} to %c1451{{.*}} step %c1{{.*}} iter_args(%{{.*}} = %[[M]])
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x2048xf32>, vector<1xf32>
//   CHECK-NOT:   vector.shuffle
//       CHECK:   return
func.func @avg_1d_ncw_window_taps_over_cap(%x: tensor<1x4x2048xf32>) -> tensor<1x4x1451xf32> {
  %0 = pool.avg %x {kernel = array<i64: 600>, padding = array<i64: 1, 1>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x4x2048xf32> -> tensor<1x4x1451xf32>
  return %0 : tensor<1x4x1451xf32>
}

// -----

// 65 taps per border block (> 64): the row keeps its plan, but each border
// block becomes a loop over its 8 single outputs.
// CHECK-LABEL: func.func @max_1d_ncw_block_taps_over_cap(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x256xf32>)
//       CHECK:   } else {
//       CHECK:     %[[L:.*]] = scf.for %{{.*}} = %c0{{.*}} to %c8{{.*}} step %c1
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x256xf32>, vector<1xf32>
//       CHECK:     %[[M:.*]] = scf.for %{{.*}} = %c8{{.*}} to %c186{{.*}} step %c8{{.*}} iter_args(%{{.*}} = %[[L]])
//       CHECK:       scf.for %{{.*}} = %c0{{.*}} to %c65 step %c1{{.*}} -> (vector<8xf32>)
//       CHECK:     scf.for %{{.*}} = %c186{{.*}} to %c194{{.*}} step %c1{{.*}} iter_args(%{{.*}} = %[[M]])
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x256xf32>, vector<1xf32>
//   CHECK-NOT:   vector.shuffle
//       CHECK:   return
func.func @max_1d_ncw_block_taps_over_cap(%x: tensor<1x4x256xf32>) -> tensor<1x4x194xf32> {
  %0 = pool.max %x {kernel = array<i64: 65>, padding = array<i64: 1, 1>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x4x256xf32> -> tensor<1x4x194xf32>
  return %0 : tensor<1x4x194xf32>
}

// -----

// 64 taps per border block: still static blocks (the first tap misses lane
// 0, the last tap of the last block misses lane 7), no single outputs.
// CHECK-LABEL: func.func @max_1d_ncw_block_taps_at_cap(
//       CHECK:   } else {
//   CHECK-NOT:     vector<1xf32>
//       CHECK:     vector.shuffle {{.*}} [8, 0, 1, 2, 3, 4, 5, 6] : vector<8xf32>, vector<8xf32>
//       CHECK:     scf.for %{{.*}} = %c8{{.*}} to %c187{{.*}} step %c8
//       CHECK:     vector.shuffle {{.*}} [0, 1, 2, 3, 4, 5, 6, 8] : vector<8xf32>, vector<8xf32>
//   CHECK-NOT:   vector<1xf32>
//       CHECK:   return
func.func @max_1d_ncw_block_taps_at_cap(%x: tensor<1x4x256xf32>) -> tensor<1x4x195xf32> {
  %0 = pool.max %x {kernel = array<i64: 64>, padding = array<i64: 1, 1>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x4x256xf32> -> tensor<1x4x195xf32>
  return %0 : tensor<1x4x195xf32>
}

// -----

// Stride 20: a block of 8 outputs would read 141 elements per tap (more than
// 16 registers). No interior blocks, and each planned block falls back to
// single outputs.
// CHECK-LABEL: func.func @max_1d_ncw_read_span_over_cap(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x400xf32>)
//       CHECK:   } else {
//       CHECK:     scf.for %{{.*}} = %c0{{.*}} to %c8{{.*}} step %c1
//       CHECK:       vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x400xf32>, vector<1xf32>
//   CHECK-NOT:   vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x400xf32>, vector<{{([2-9]|[0-9][0-9]+)}}xf32>
//   CHECK-NOT:   vector.shuffle
//       CHECK:   return
func.func @max_1d_ncw_read_span_over_cap(%x: tensor<1x4x400xf32>) -> tensor<1x4x20xf32> {
  %0 = pool.max %x {kernel = array<i64: 2>, strides = array<i64: 20>, layout = #pool.layout<channels_first>} : tensor<1x4x400xf32> -> tensor<1x4x20xf32>
  return %0 : tensor<1x4x20xf32>
}

// -----

// Irregular adaptive bins of up to 1367 taps (> 1024): one loop over the
// 3 outputs, each a loop over its bin.
// CHECK-LABEL: func.func @adaptive_max_1d_ncw_huge_bins(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x4096xf32>)
//       CHECK:   } else {
//       CHECK:     scf.for %{{.*}} = %c0{{.*}} to %c3{{.*}} step %c1
//       CHECK:       scf.for {{.*}} -> (vector<1xf32>)
//       CHECK:         vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x4096xf32>, vector<1xf32>
//       CHECK:       vector.transfer_write {{.*}} : vector<1xf32>, tensor<1x1x3xf32>
//   CHECK-NOT:   vector.shuffle
//       CHECK:   return
func.func @adaptive_max_1d_ncw_huge_bins(%x: tensor<1x4x4096xf32>) -> tensor<1x4x3xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 3>, layout = #pool.layout<channels_first>} : tensor<1x4x4096xf32> -> tensor<1x4x3xf32>
  return %0 : tensor<1x4x3xf32>
}
