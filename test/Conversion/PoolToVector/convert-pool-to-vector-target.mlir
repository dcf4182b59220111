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
