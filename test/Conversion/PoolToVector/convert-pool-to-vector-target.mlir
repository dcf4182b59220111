// The cost model plans for the target CPU (LLVM's description of it), not
// for the host: AVX2 (znver3: 16 ymm, no mask registers) against AVX-512
// (skylake-avx512: 32 zmm, NaN flags in k registers). Channels-last global
// maxima keep 4 ymm of maxima and 4 ymm of integer NaN flags on AVX2, 16
// zmm and i1 flags on AVX-512; sums 8 ymm. A task whose channels span
// several chunks streams through each position's channels into a buffer of
// partials, a maximum with one vector of NaN flags (i32 lanes on AVX2). A channel count that the chunk does not divide (300) reads
// whole vectors in every full chunk and masks only the last one. Ops too small to pay for a fork/join are serial loops.
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=znver3" | FileCheck %s --check-prefix=AVX2
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512" | FileCheck %s --check-prefix=AVX512
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=znver3 min-parallel-bytes=0" | FileCheck %s --check-prefix=PAR

// AVX2-LABEL: func.func @global_max_nwc_c300(
//       AVX2:   scf.forall (%{{.*}}, %{{.*}}) in (64, 1)
//       AVX2:     tensor.empty() : tensor<320xf32>
//       AVX2:     scf.for {{.*}} -> (tensor<320xf32>, vector<8xi32>)
//       AVX2:       scf.for {{.*}} to %c288{{.*}} step %c32{{.*}} -> (tensor<320xf32>, vector<8xi32>)
//       AVX2:         vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<64x512x300xf32>, vector<32xf32>
//       AVX2:         arith.maxnumf {{.*}} fastmath<nnan> : vector<32xf32>
//       AVX2:         arith.cmpf uno
//       AVX2:       vector.transfer_read %{{.*}}, %{{[a-z0-9_]+}} : tensor<64x512x300xf32>, vector<32xf32>
// AVX512-LABEL: func.func @global_max_nwc_c300(
//       AVX512:   scf.forall (%{{.*}}, %{{.*}}) in (64, 1)
//       AVX512:     tensor.empty() : tensor<512xf32>
//       AVX512:         vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<64x512x300xf32>, vector<256xf32>
func.func @global_max_nwc_c300(%x: tensor<64x512x300xf32>) -> tensor<64x300xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<64x512x300xf32> -> tensor<64x300xf32>
  return %0 : tensor<64x300xf32>
}

// -----

// AVX2-LABEL: func.func @global_avg_nwc_c512(
//       AVX2:   scf.forall (%{{.*}}, %{{.*}}) in (64, 1)
//   AVX2-NOT:     scf.if
//       AVX2:       scf.for {{.*}} to %c512{{.*}} step %c64{{.*}} -> (tensor<512xf32>)
//       AVX2:         vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<64x300x512xf32>, vector<64xf32>
// AVX512-LABEL: func.func @global_avg_nwc_c512(
//       AVX512:   scf.forall (%{{.*}}, %{{.*}}) in (64, 1)
//       AVX512:       scf.for {{.*}} to %c512{{.*}} step %c256{{.*}} -> (tensor<512xf32>)
//       AVX512:         vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<64x300x512xf32>, vector<256xf32>
func.func @global_avg_nwc_c512(%x: tensor<64x300x512xf32>) -> tensor<64x512xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<64x300x512xf32> -> tensor<64x512xf32>
  return %0 : tensor<64x512xf32>
}

// -----

// The ResNet head of one image moves 0.4 MB: serial loops, no forall,
// unless min-parallel-bytes says otherwise.
// AVX2-LABEL: func.func @global_avg_head_n1(
//   AVX2-NOT:   scf.forall
//       AVX2:   scf.for
//       AVX2:     scf.for
//       AVX2:       tensor.insert_slice
// PAR-LABEL: func.func @global_avg_head_n1(
//       PAR:   scf.forall
func.func @global_avg_head_n1(%x: tensor<1x7x7x2048xf32>) -> tensor<1x2048xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<1x7x7x2048xf32> -> tensor<1x2048xf32>
  return %0 : tensor<1x2048xf32>
}

// -----

// Keras AveragePooling1D(2) over 256 channels (eight 32-lane chunks on
// AVX2): windows of one row that do not overlap stream through the window
// in memory order, each tap's pixel chunk by chunk added into the output's
// channels (zero first, divided in place at the end), instead of every tap
// of one chunk in registers.
// AVX2-LABEL: func.func @avg_nwc_k2_streamed(
//       AVX2:   %[[ZERO:.*]] = scf.for %{{.*}} step %c32{{.*}} iter_args(%[[T0:.*]] = %{{.*}}) -> (tensor<1x1x256xf32>)
//       AVX2:     vector.transfer_write %{{.*}}, %[[T0]]{{.*}} {in_bounds = [true]} : vector<32xf32>, tensor<1x1x256xf32>
//       AVX2:   %[[SUM:.*]] = scf.for %{{.*}} iter_args(%[[T1:.*]] = %[[ZERO]]) -> (tensor<1x1x256xf32>)
//       AVX2:     scf.for %[[C:.*]] = %{{.*}} step %c32{{.*}} iter_args(%[[T2:.*]] = %[[T1]]) -> (tensor<1x1x256xf32>)
//       AVX2:       %[[P:.*]] = vector.transfer_read %[[T2]][%{{.*}}, %{{.*}}, %[[C]]]{{.*}} : tensor<1x1x256xf32>, vector<32xf32>
//       AVX2:       %[[V:.*]] = vector.transfer_read %{{.*}} : tensor<4x10x256xf32>, vector<32xf32>
//       AVX2:       %[[S:.*]] = arith.addf %[[P]], %[[V]] : vector<32xf32>
//       AVX2:       vector.transfer_write %[[S]], %[[T2]][%{{.*}}, %{{.*}}, %[[C]]]
//       AVX2:   scf.for %{{.*}} step %c32{{.*}} iter_args(%[[T3:.*]] = %[[SUM]]) -> (tensor<1x1x256xf32>)
//       AVX2:     vector.transfer_read %[[T3]]
//       AVX2:     arith.divf {{.*}} : vector<32xf32>
// AVX512-LABEL: func.func @avg_nwc_k2_streamed(
//   AVX512-NOT:   arith.addf {{.*}} : vector<64xf32>
//       AVX512:   scf.for {{.*}} -> (tensor<1x1x256xf32>)
//       AVX512:     arith.addf {{.*}} : vector<64xf32>
func.func @avg_nwc_k2_streamed(%x: tensor<4x10x256xf32>) -> tensor<4x5x256xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x10x256xf32> -> tensor<4x5x256xf32>
  return %0 : tensor<4x5x256xf32>
}

// -----

// The same windows overlapping (stride 1), and a float maximum (its NaN
// scan has read the task's input in memory order already): every tap of a
// chunk in registers.
// AVX2-LABEL: func.func @avg_nwc_k2_overlapping(
//       AVX2:   scf.for {{.*}} -> (vector<32xf32>)
//       AVX2:     arith.addf {{.*}} : vector<32xf32>
// AVX2-LABEL: func.func @max_nwc_k2_registers(
//       AVX2:   scf.for {{.*}} -> (vector<32xf32>)
func.func @avg_nwc_k2_overlapping(%x: tensor<4x10x256xf32>) -> tensor<4x9x256xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2>, strides = array<i64: 1>, layout = #pool.layout<channels_last>} : tensor<4x10x256xf32> -> tensor<4x9x256xf32>
  return %0 : tensor<4x9x256xf32>
}
func.func @max_nwc_k2_registers(%x: tensor<4x10x256xf32>) -> tensor<4x5x256xf32> {
  %0 = pool.max %x {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<4x10x256xf32> -> tensor<4x5x256xf32>
  return %0 : tensor<4x5x256xf32>
}
