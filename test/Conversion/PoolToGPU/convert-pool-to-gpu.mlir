// RUN: pool-opt %s -split-input-file --convert-pool-to-gpu | FileCheck %s
// RUN: pool-opt %s -split-input-file \
// RUN:   --convert-pool-to-gpu="block-size=64 vector-loads=false assert-window-fits=false" | \
// RUN: FileCheck %s --check-prefix=OPTS

// Channels-first window: one thread per output element, ceil(48 / 256)
// blocks of 256, a bounds check, the item's indices from its linear id
// (consecutive threads along the output's last dimension). Taps outside the
// input are skipped by clamped loops; a window wholly inside the input takes
// the copy with constant bounds [0, 3).
// CHECK-LABEL: func.func @max_2d_nchw_padded_window(
//  CHECK-SAME:     %[[ARG:.*]]: tensor<1x3x8x8xf32>)
//       CHECK:   %[[IN:.*]] = bufferization.to_buffer %[[ARG]] read_only : tensor<1x3x8x8xf32> to memref<1x3x8x8xf32>
//       CHECK:   %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x3x4x4xf32>
//   CHECK-DAG:   %[[ITEMS:.*]] = arith.constant 48 : index
//   CHECK-DAG:   %[[BLOCK:.*]] = arith.constant 256 : index
//       CHECK:   %[[GRID:.*]] = arith.ceildivui %[[ITEMS]], %[[BLOCK]] : index
//   CHECK-NOT:   scf.if
//       CHECK:   gpu.launch blocks(%[[BX:[a-z0-9_]+]], %{{.*}}, %{{.*}}) in (%{{[a-z0-9_]+}} = %[[GRID]], {{.*}} threads(%[[TX:[a-z0-9_]+]], %{{.*}}, %{{.*}}) in (%[[BDIM:[a-z0-9_]+]] = %[[BLOCK]],
//       CHECK:     %[[BASE:.*]] = arith.muli %[[BX]], %[[BDIM]] : index
//       CHECK:     %[[ID:.*]] = arith.addi %[[BASE]], %[[TX]] : index
//       CHECK:     %[[VALID:.*]] = arith.cmpi ult, %[[ID]], %[[ITEMS]] : index
//       CHECK:     scf.if %[[VALID]] {
//       CHECK:       %[[OW:.*]] = arith.remui %[[ID]], %{{.*}} : index
//       CHECK:       %[[REST:.*]] = arith.divui %[[ID]], %{{.*}} : index
//       CHECK:       %[[OH:.*]] = arith.remui %[[REST]], %{{.*}} : index
//       CHECK:       %[[LO0:.*]] = arith.maxsi
//       CHECK:       %[[HI0:.*]] = arith.minsi
//       CHECK:       %[[LO1:.*]] = arith.maxsi
//       CHECK:       %[[HI1:.*]] = arith.minsi
//       CHECK:       %[[ACC:.*]] = scf.if %{{.*}} -> (f32) {
//   CHECK-DAG:         %[[K0:.*]] = arith.constant 0 : index
//   CHECK-DAG:         %[[K3:.*]] = arith.constant 3 : index
//       CHECK:         scf.for %{{.*}} = %[[K0]] to %[[K3]] step %{{.*}} iter_args(%{{.*}}) -> (f32) {
//   CHECK-DAG:           %[[K0B:.*]] = arith.constant 0 : index
//   CHECK-DAG:           %[[K3B:.*]] = arith.constant 3 : index
//       CHECK:           scf.for %{{.*}} = %[[K0B]] to %[[K3B]] step %{{.*}} iter_args(%{{.*}}) -> (f32) {
//       CHECK:             %[[V:.*]] = memref.load %[[IN]][{{.*}}] : memref<1x3x8x8xf32>
//       CHECK:             arith.maximumf %{{.*}}, %[[V]] : f32
//       CHECK:       } else {
//       CHECK:         scf.for %{{.*}} = %[[LO0]] to %[[HI0]] step
//       CHECK:           scf.for %{{.*}} = %[[LO1]] to %[[HI1]] step
//       CHECK:             %[[W:.*]] = memref.load %[[IN]][{{.*}}] : memref<1x3x8x8xf32>
//       CHECK:             arith.maximumf %{{.*}}, %[[W]] : f32
//       CHECK:       memref.store %[[ACC]], %[[OUT]][%{{.*}}, %{{.*}}, %[[OH]], %[[OW]]] : memref<1x3x4x4xf32>
//       CHECK:     gpu.terminator
//       CHECK:   %[[R:.*]] = bufferization.to_tensor %[[OUT]] restrict writable : memref<1x3x4x4xf32> to tensor<1x3x4x4xf32>
//       CHECK:   return %[[R]]
func.func @max_2d_nchw_padded_window(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// Channels-last f32 with C = 8: one thread per 16-byte chunk of channels
// (4 x 4 x 8 / 4 = 32 items), aligned vector<4xf32> loads and store at
// channel 4 * chunk.
// CHECK-LABEL: func.func @max_2d_nhwc_vector4(
//       CHECK:   %[[IN:.*]] = bufferization.to_buffer %{{.*}} read_only
//       CHECK:   %[[OUT:.*]] = memref.alloc() {alignment = 64 : i64} : memref<1x4x4x8xf32>
//   CHECK-DAG:   %[[ITEMS:.*]] = arith.constant 32 : index
//   CHECK-DAG:   %[[BLOCK:.*]] = arith.constant 256 : index
//       CHECK:   arith.ceildivui %[[ITEMS]], %[[BLOCK]] : index
//       CHECK:   gpu.launch
//       CHECK:     %[[ID:.*]] = arith.addi
//       CHECK:     arith.cmpi ult, %[[ID]], %[[ITEMS]] : index
//       CHECK:       %[[CHUNKS:.*]] = arith.divui %{{.*}}, %{{.*}} : index
//       CHECK:       %[[CHUNK:.*]] = arith.remui %[[ID]], %[[CHUNKS]] : index
//       CHECK:       %[[CH:.*]] = arith.muli %[[CHUNK]], %{{.*}} : index
//   CHECK-NOT:       memref.load
//       CHECK:       %[[V:.*]] = vector.load %[[IN]][%{{.*}}, %{{.*}}, %{{.*}}, %[[CH]]] {alignment = 16 : i64} : memref<1x9x9x8xf32>, vector<4xf32>
//       CHECK:       arith.maximumf %{{.*}}, %[[V]] : vector<4xf32>
//       CHECK:       vector.load %[[IN]][%{{.*}}, %{{.*}}, %{{.*}}, %[[CH]]] {alignment = 16 : i64} : memref<1x9x9x8xf32>, vector<4xf32>
//   CHECK-NOT:       memref.load
//       CHECK:       vector.store %{{.*}}, %[[OUT]][%{{.*}}, %{{.*}}, %{{.*}}, %[[CH]]] {alignment = 16 : i64} : memref<1x4x4x8xf32>, vector<4xf32>
// Without vector loads: one thread per output element, 128 of them in two
// blocks of 64.
// OPTS-LABEL: func.func @max_2d_nhwc_vector4(
//   OPTS-DAG:   %[[ITEMS:.*]] = arith.constant 128 : index
//   OPTS-DAG:   %[[BLOCK:.*]] = arith.constant 64 : index
//       OPTS:   arith.ceildivui %[[ITEMS]], %[[BLOCK]] : index
//   OPTS-NOT:   vector.
//       OPTS:   memref.load {{.*}} : memref<1x9x9x8xf32>
//   OPTS-NOT:   vector.
//       OPTS:   memref.store {{.*}} : memref<1x4x4x8xf32>
//   OPTS-NOT:   vector.
//       OPTS:   return
func.func @max_2d_nhwc_vector4(%x: tensor<1x9x9x8xf32>) -> tensor<1x4x4x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x9x9x8xf32> -> tensor<1x4x4x8xf32>
  return %0 : tensor<1x4x4x8xf32>
}

// -----

// Channels-last with C = 3 (no whole 16-byte chunk): one thread per output
// element, scalar loads and stores.
// CHECK-LABEL: func.func @max_2d_nhwc_c3_scalar(
//   CHECK-DAG:   %[[ITEMS:.*]] = arith.constant 48 : index
//   CHECK-DAG:   %[[BLOCK:.*]] = arith.constant 256 : index
//       CHECK:   arith.ceildivui %[[ITEMS]], %[[BLOCK]] : index
//   CHECK-NOT:   vector.
//       CHECK:   gpu.launch
//   CHECK-NOT:   vector.
//       CHECK:   memref.load {{.*}} : memref<1x9x9x3xf32>
//   CHECK-NOT:   vector.
//       CHECK:   memref.store {{.*}} : memref<1x4x4x3xf32>
//   CHECK-NOT:   vector.
//       CHECK:   return
func.func @max_2d_nhwc_c3_scalar(%x: tensor<1x9x9x3xf32>) -> tensor<1x4x4x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x9x9x3xf32> -> tensor<1x4x4x3xf32>
  return %0 : tensor<1x4x4x3xf32>
}

// -----

// f16 channels-last with C = 16: 16-byte chunks are vector<8xf16> (3 x 3 x 2
// items), loaded as such and extended to f32, summed in f32, divided and truncated back.
// CHECK-LABEL: func.func @avg_2d_nhwc_f16_vector8(
//   CHECK-DAG:   %[[ITEMS:.*]] = arith.constant 18 : index
//   CHECK-DAG:   %[[BLOCK:.*]] = arith.constant 256 : index
//       CHECK:   arith.ceildivui %[[ITEMS]], %[[BLOCK]] : index
//       CHECK:   gpu.launch
//       CHECK:     %[[ACC:.*]] = scf.if %{{.*}} -> (vector<8xf32>) {
//       CHECK:       %[[H:.*]] = vector.load %{{.*}} {alignment = 16 : i64} : memref<1x6x6x16xf16>, vector<8xf16>
//       CHECK:       %[[F:.*]] = arith.extf %[[H]] : vector<8xf16> to vector<8xf32>
//       CHECK:       arith.addf %{{.*}}, %[[F]] : vector<8xf32>
//       CHECK:     } else {
//       CHECK:       vector.load %{{.*}} {alignment = 16 : i64} : memref<1x6x6x16xf16>, vector<8xf16>
//       CHECK:       arith.extf {{.*}} : vector<8xf16> to vector<8xf32>
//       CHECK:     %[[DIV:.*]] = vector.broadcast %{{.*}} : f32 to vector<8xf32>
//       CHECK:     %[[AVG:.*]] = arith.divf %[[ACC]], %[[DIV]] : vector<8xf32>
//       CHECK:     %[[T:.*]] = arith.truncf %[[AVG]] : vector<8xf32> to vector<8xf16>
//       CHECK:     vector.store %[[T]], %{{.*}} {alignment = 16 : i64} : memref<1x3x3x16xf16>, vector<8xf16>
func.func @avg_2d_nhwc_f16_vector8(%x: tensor<1x6x6x16xf16>) -> tensor<1x3x3x16xf16> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x6x6x16xf16> -> tensor<1x3x3x16xf16>
  return %0 : tensor<1x3x3x16xf16>
}

// -----

// Adaptive bins have no constant size (5 -> 3 and 7 -> 4 are not one window
// at a constant stride): one copy of the loops, from 0 to the bin's size, no
// interior branch.
// CHECK-LABEL: func.func @adaptive_avg_2d_nchw(
//       CHECK:   gpu.launch
//       CHECK:     scf.if %{{.*}} {
//       CHECK:       arith.floordivsi
//       CHECK:       arith.ceildivsi
//   CHECK-NOT:       scf.if
//       CHECK:       %[[SUM:.*]] = scf.for {{.*}} -> (f32) {
//       CHECK:         scf.for {{.*}} -> (f32) {
//       CHECK:           memref.load {{.*}} : memref<1x2x5x7xf32>
//       CHECK:           arith.addf
//   CHECK-NOT:       scf.if
//       CHECK:       %[[AVG:.*]] = arith.divf %[[SUM]], %{{.*}} : f32
//   CHECK-NOT:       scf.if
//       CHECK:       memref.store %[[AVG]], %{{.*}} : memref<1x2x3x4xf32>
//       CHECK:     gpu.terminator
func.func @adaptive_avg_2d_nchw(%x: tensor<1x2x5x7xf32>) -> tensor<1x2x3x4xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 3, 4>, layout = #pool.layout<channels_first>} : tensor<1x2x5x7xf32> -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

// -----

// Global channels-first: the input viewed as [N, C, H * W], the output as
// [N * C]; one subgroup per row, 256 / 32 = 8 rows per block, lanes 32
// apart, one gpu.subgroup_reduce, lane 0 of a valid row stores. No
// workgroup memory, no barrier.
// CHECK-LABEL: func.func @global_max_nchw_subgroup(
//       CHECK:   %[[IN:.*]] = memref.collapse_shape %{{.*}} {{\[\[}}0], [1], [2, 3]] : memref<2x64x7x7xf32> into memref<2x64x49xf32>
//       CHECK:   %[[OUT:.*]] = memref.collapse_shape %{{.*}} {{\[\[}}0, 1]] : memref<2x64xf32> into memref<128xf32>
//   CHECK-DAG:   %[[ROWS:.*]] = arith.constant 128 : index
//   CHECK-DAG:   %[[BLOCK:.*]] = arith.constant 256 : index
//   CHECK-DAG:   %[[PER:.*]] = arith.constant 8 : index
//       CHECK:   %[[GRID:.*]] = arith.ceildivui %[[ROWS]], %[[PER]] : index
//   CHECK-NOT:   workgroup
//       CHECK:   gpu.launch blocks(%[[BX:[a-z0-9_]+]], {{.*}} in (%{{[a-z0-9_]+}} = %[[GRID]], {{.*}} threads(%[[TX:[a-z0-9_]+]], {{.*}} in (%{{[a-z0-9_]+}} = %[[BLOCK]], {{.*}}) {
//       CHECK:     %[[LANE:.*]] = arith.remui %[[TX]], %{{.*}} : index
//       CHECK:     %[[WARP:.*]] = arith.divui %[[TX]], %{{.*}} : index
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[BX]], %{{.*}} : index
//       CHECK:     %[[ROW:.*]] = arith.addi %[[FIRST]], %[[WARP]] : index
//       CHECK:     %[[VALID:.*]] = arith.cmpi ult, %[[ROW]], %{{.*}} : index
//       CHECK:     %[[ACC:.*]] = scf.for %{{.*}} = %[[LANE]] to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (f32) {
//       CHECK:       memref.load %[[IN]]
//       CHECK:       arith.maximumf
//       CHECK:     %[[TOTAL:.*]] = gpu.subgroup_reduce maximumf %[[ACC]] : (f32) -> f32
//       CHECK:     %[[LANE0:.*]] = arith.cmpi eq, %[[LANE]], %{{.*}} : index
//       CHECK:     %[[STORE:.*]] = arith.andi %[[LANE0]], %[[VALID]] : i1
//       CHECK:     scf.if %[[STORE]] {
//       CHECK:       memref.store %[[TOTAL]], %[[OUT]][%[[ROW]]] : memref<128xf32>
//   CHECK-NOT:   gpu.barrier
//       CHECK:   return
func.func @global_max_nchw_subgroup(%x: tensor<2x64x7x7xf32>) -> tensor<2x64xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x64x7x7xf32> -> tensor<2x64xf32>
  return %0 : tensor<2x64xf32>
}

// -----

// Global channels-last, too few blocks for vector chunks (2 x 256 / 32 =
// 16): blocks of 32 x 8 threads, one channel per thread along x, rows of
// threads along H * W; the 8 partial sums meet in workgroup memory after a
// barrier, row 0 adds them and divides by H * W.
// CHECK-LABEL: func.func @global_avg_nhwc_workgroup(
//       CHECK:   %[[IN:.*]] = memref.collapse_shape %{{.*}} {{\[\[}}0], [1, 2], [3]] : memref<2x7x7x256xf32> into memref<2x49x256xf32>
//       CHECK:   %[[OUT:.*]] = memref.collapse_shape %{{.*}} {{\[\[}}0, 1]] : memref<2x256xf32> into memref<512xf32>
//       CHECK:   gpu.launch blocks({{.*}} threads(%[[TX:[a-z0-9_]+]], %[[TY:[a-z0-9_]+]], %{{.*}}) in {{.*}} workgroup(%[[WG:.*]] : memref<8x32xf32, #gpu.address_space<workgroup>>) {
//       CHECK:     %[[ACC:.*]] = scf.for %{{.*}} = %[[TY]] to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (f32) {
//       CHECK:       memref.load %[[IN]]
//       CHECK:       arith.addf
//       CHECK:     memref.store %[[ACC]], %[[WG]][%[[TY]], %{{.*}}] : memref<8x32xf32, #gpu.address_space<workgroup>>
//       CHECK:     gpu.barrier
//       CHECK:     %[[ROW0:.*]] = arith.cmpi eq, %[[TY]], %{{.*}} : index
//       CHECK:     %[[STORE:.*]] = arith.andi %[[ROW0]], %{{.*}} : i1
//       CHECK:     scf.if %[[STORE]] {
// CHECK-COUNT-8:       memref.load %[[WG]]
//   CHECK-NOT:       memref.load
//       CHECK:       %[[AVG:.*]] = arith.divf
//       CHECK:       memref.store %[[AVG]], %[[OUT]][%{{.*}}] : memref<512xf32>
//   CHECK-NOT:   gpu.subgroup_reduce
//       CHECK:   return
func.func @global_avg_nhwc_workgroup(%x: tensor<2x7x7x256xf32>) -> tensor<2x256xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x7x7x256xf32> -> tensor<2x256xf32>
  return %0 : tensor<2x256xf32>
}

// -----

// Global channels-last with enough blocks (64 x 2048 / 4 / 32 = 1024):
// vector<4xf32> chunks, 32 x 4 floats of workgroup memory per row of
// threads.
// CHECK-LABEL: func.func @global_max_nhwc_vector4(
//       CHECK:   gpu.launch {{.*}} workgroup(%[[WG:.*]] : memref<8x128xf32, #gpu.address_space<workgroup>>) {
//       CHECK:     scf.for {{.*}} -> (vector<4xf32>) {
//       CHECK:       vector.load {{.*}} {alignment = 16 : i64} : memref<64x49x2048xf32>, vector<4xf32>
//       CHECK:       arith.maximumf {{.*}} : vector<4xf32>
//       CHECK:     vector.store %{{.*}}, %[[WG]][{{.*}}] : memref<8x128xf32, #gpu.address_space<workgroup>>, vector<4xf32>
//       CHECK:     gpu.barrier
//       CHECK:     scf.if
//       CHECK:       vector.load %[[WG]]
//       CHECK:       vector.store {{.*}} {alignment = 16 : i64} : memref<131072xf32>, vector<4xf32>
func.func @global_max_nhwc_vector4(%x: tensor<64x7x7x2048xf32>) -> tensor<64x2048xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<64x7x7x2048xf32> -> tensor<64x2048xf32>
  return %0 : tensor<64x2048xf32>
}

// -----

// Dynamic shapes: the run-time shape checks on the host before the launch,
// the result allocated with its computed sizes, and the launch skipped when
// there is nothing to compute (a grid of 0 blocks is a device error).
// CHECK-LABEL: func.func @max_2d_nchw_dynamic(
//       CHECK:   cf.assert %{{.*}}, "pool.max: input spatial dimension 0 is smaller than the window (span 3 including padding) at run time"
//       CHECK:   cf.assert %{{.*}}, "pool.max: input spatial dimension 1 is smaller than the window (span 3 including padding) at run time"
//   CHECK-NOT:   gpu.launch
//       CHECK:   %[[IN:.*]] = bufferization.to_buffer %{{.*}} read_only : tensor<?x?x?x?xf32> to memref<?x?x?x?xf32>
//       CHECK:   %[[OUT:.*]] = memref.alloc(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) {alignment = 64 : i64} : memref<?x?x?x?xf32>
//       CHECK:   %[[GRID:.*]] = arith.ceildivui %[[ITEMS:[a-z0-9_]+]], %{{.*}} : index
//       CHECK:   %[[ANY:.*]] = arith.cmpi ne, %[[ITEMS]], %{{.*}} : index
//       CHECK:   scf.if %[[ANY]] {
//       CHECK:     gpu.launch blocks({{.*}}) in (%{{[a-z0-9_]+}} = %[[GRID]],
//       CHECK:       arith.cmpi ult, %{{.*}}, %[[ITEMS]] : index
//       CHECK:       memref.load %[[IN]]{{.*}} : memref<?x?x?x?xf32>
//       CHECK:       memref.store %{{.*}}, %[[OUT]]{{.*}} : memref<?x?x?x?xf32>
//       CHECK:       gpu.terminator
//       CHECK:     }
//       CHECK:   }
//       CHECK:   %[[R:.*]] = bufferization.to_tensor %[[OUT]] restrict writable : memref<?x?x?x?xf32> to tensor<?x?x?x?xf32>
//       CHECK:   return %[[R]]
// OPTS-LABEL: func.func @max_2d_nchw_dynamic(
//   OPTS-NOT:   cf.assert
//       OPTS:   gpu.launch
//       OPTS:   return
func.func @max_2d_nchw_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// -----

// Dynamic global channels-last: the empty-dimension checks, then the
// guarded launch with its workgroup buffer.
// CHECK-LABEL: func.func @global_avg_nhwc_dynamic(
//       CHECK:   cf.assert %{{.*}}, "pool.global_avg: input spatial dimension 0 is empty at run time"
//       CHECK:   cf.assert %{{.*}}, "pool.global_avg: input spatial dimension 1 is empty at run time"
//   CHECK-NOT:   gpu.launch
//       CHECK:   memref.collapse_shape %{{.*}} {{\[\[}}0], [1, 2], [3]] : memref<?x?x?x?xf32> into memref<?x?x?xf32>
//       CHECK:   scf.if %{{.*}} {
//       CHECK:     gpu.launch {{.*}} workgroup(%{{.*}} : memref<8x32xf32, #gpu.address_space<workgroup>>)
//       CHECK:       gpu.barrier
//       CHECK:   bufferization.to_tensor %{{.*}} restrict writable : memref<?x?xf32> to tensor<?x?xf32>
func.func @global_avg_nhwc_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<?x?x?x?xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// A statically empty result launches nothing: it is an empty tensor
// (lowerPoolOps, as in every lowering).
// CHECK-LABEL: func.func @max_2d_nchw_empty_batch(
//   CHECK-NOT:   gpu.launch
//   CHECK-NOT:   scf.if
//       CHECK:   tensor.empty() : tensor<0x3x4x4xf32>
func.func @max_2d_nchw_empty_batch(%x: tensor<0x3x8x8xf32>) -> tensor<0x3x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<0x3x8x8xf32> -> tensor<0x3x4x4xf32>
  return %0 : tensor<0x3x4x4xf32>
}

// -----

// A batch of 0 leaves a global channels-last pooling no work: no launch
// (a grid of 0 blocks is an error on the device).
// CHECK-LABEL: func.func @global_avg_nhwc_empty_batch
// CHECK-NOT: gpu.launch
// CHECK: return
func.func @global_avg_nhwc_empty_batch(%x: tensor<0x7x7x256xf32>) -> tensor<0x256xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<0x7x7x256xf32> -> tensor<0x256xf32>
  return %0 : tensor<0x256xf32>
}

// -----

// Channels-first 9x9 stride-1 window: one block per tile of 8 x 32 outputs
// (2 planes x 2 row tiles x 2 column tiles = 8 blocks of 256); the tile's
// 16 x 40 inputs go to workgroup memory, then the 16 x 32 row results; a
// barrier after each phase. With 64 threads a tile is 2 x 32 outputs.
// CHECK-LABEL: func.func @max_2d_nchw_9x9_s1_tiled(
//       CHECK:   gpu.launch blocks({{.*}}) in (%{{[a-z0-9]+}} = %c8{{[_0-9]*}}, {{.*}} threads({{.*}}) in (%{{[a-z0-9]+}} = %c256{{[_0-9]*}}, {{.*}} workgroup(%[[TILE:[a-z0-9_]+]] : memref<16x40xf32, #gpu.address_space<workgroup>>, %[[ROWS:[a-z0-9_]+]] : memref<16x32xf32, #gpu.address_space<workgroup>>) {
//       CHECK:     scf.for
//       CHECK:       memref.load {{.*}} : memref<1x2x10x37xf32>
//       CHECK:       memref.store {{.*}}, %[[TILE]]
//       CHECK:     gpu.barrier
//       CHECK:     scf.for
//       CHECK:       memref.load %[[TILE]]
//       CHECK:       memref.store {{.*}}, %[[ROWS]]
//       CHECK:     gpu.barrier
//       CHECK:     scf.for
//       CHECK:       memref.load %[[ROWS]]
//       CHECK:       memref.store {{.*}} : memref<1x2x10x37xf32>
//   CHECK-NOT:     gpu.barrier
//       CHECK:     gpu.terminator
// OPTS-LABEL: func.func @max_2d_nchw_9x9_s1_tiled(
//       OPTS:   gpu.launch {{.*}} workgroup(%{{.*}} : memref<10x40xf32, #gpu.address_space<workgroup>>, %{{.*}} : memref<10x32xf32, #gpu.address_space<workgroup>>) {
func.func @max_2d_nchw_9x9_s1_tiled(%x: tensor<1x2x10x37xf32>) -> tensor<1x2x10x37xf32> {
  %0 = pool.max %x {kernel = array<i64: 9, 9>, strides = array<i64: 1, 1>, padding = array<i64: 4, 4, 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x2x10x37xf32> -> tensor<1x2x10x37xf32>
  return %0 : tensor<1x2x10x37xf32>
}

// -----

// 3x3 stride 1 stays direct (6.75 tiled reads per output against 9), as
// do strided and dilated large windows.
// CHECK-LABEL: func.func @max_2d_nchw_direct_kinds(
//   CHECK-NOT:   workgroup
//       CHECK:   return
func.func @max_2d_nchw_direct_kinds(%x: tensor<1x2x16x16xf32>) -> (tensor<1x2x16x16xf32>, tensor<1x2x4x4xf32>, tensor<1x2x8x8xf32>) {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x16x16xf32> -> tensor<1x2x16x16xf32>
  %1 = pool.max %x {kernel = array<i64: 7, 7>, strides = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<1x2x16x16xf32> -> tensor<1x2x4x4xf32>
  %2 = pool.max %x {kernel = array<i64: 5, 5>, strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, 0>, layout = #pool.layout<channels_first>} : tensor<1x2x16x16xf32> -> tensor<1x2x8x8xf32>
  return %0, %1, %2 : tensor<1x2x16x16xf32>, tensor<1x2x4x4xf32>, tensor<1x2x8x8xf32>
}
