// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=512" | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=512 strategy=direct" | FileCheck %s --check-prefix=DIRECT
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=512 strategy=separable" | FileCheck %s --check-prefix=SEPARABLE
// RUN: pool-opt %s -split-input-file --pool-to-llvm="vector-bits=512 threads=2" | FileCheck %s --check-prefix=LLVM

// Channels-first stem: one task per (batch, channel) plane, a NaN scan of
// the plane, and two kernels: exact (maximumf) and plain (cmpf + select),
// both vectorized along W with strided lanes picked by shuffles.
// CHECK-LABEL: func.func @max_2d_nchw_stem
//       CHECK:   scf.forall ({{.*}}) in (1, 64)
//       CHECK:     arith.cmpf uno, {{.*}} : vector<64xf32>
//       CHECK:     vector.reduction <or>
//       CHECK:     scf.if
//       CHECK:       vector.shuffle
//       CHECK:       arith.maximumf {{.*}} : vector<16xf32>
//       CHECK:     } else {
//       CHECK:       vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<1x64x112x112xf32>, vector<32xf32>
//       CHECK:       vector.shuffle {{.*}} [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<16xf32>
//       CHECK:       arith.select {{.*}} : vector<16xi1>, vector<16xf32>
//       CHECK:     tensor.parallel_insert_slice
//   CHECK-NOT:   linalg.
// LLVM-LABEL: llvm.func @max_2d_nchw_stem
//       LLVM:   omp.parallel
//       LLVM:   omp.wsloop
//       LLVM:   llvm.load {{.*}} -> vector<32xf32>
//       LLVM:   llvm.fcmp "ogt" {{.*}} : vector<16xf32>
func.func @max_2d_nchw_stem(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// -----

// Channels-last: vectors over 64 channels (four AVX-512 registers), taps
// clamped to the input instead of masked.
// CHECK-LABEL: func.func @max_2d_nhwc_stem
//       CHECK:   scf.forall ({{.*}}) in (16, 56)
//       CHECK:     scf.if
//       CHECK:     } else {
//       CHECK:       vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<16x112x112x64xf32>, vector<64xf32>
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<64xf32>
//       CHECK:       vector.transfer_write {{.*}} {in_bounds = [true]} : vector<64xf32>
//   CHECK-NOT:   linalg.
func.func @max_2d_nhwc_stem(%x: tensor<16x112x112x64xf32>) -> tensor<16x56x56x64xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<16x112x112x64xf32> -> tensor<16x56x56x64xf32>
  return %0 : tensor<16x56x56x64xf32>
}

// -----

// 7x7 stride 1 on channels-first data, one plan per strategy. Auto picks
// the separable plan (sliding rows pay from 10 rows on): the row buffer
// reduced along W, then the 7 buffer rows of each window, with no van Herk
// suffix buffer (convert-pool-to-vector-sliding.mlir has that plan);
// strategy=direct reads all 49 taps from the input.
// CHECK-LABEL: func.func @avg_2d_nchw_7x7_stride1
//       CHECK:   scf.forall
//       CHECK:     tensor.empty() : tensor<56x56xf32>
//       CHECK:     vector.transfer_write {{.*}} : vector<16xf32>, tensor<56x56xf32>
//   CHECK-NOT:     tensor<62x64xf32>
//   CHECK-NOT:     arith.remsi
//       CHECK:     vector.transfer_read {{.*}} : tensor<56x56xf32>, vector<16xf32>
//       CHECK:     arith.divf {{.*}} : vector<16xf32>
// SEPARABLE-LABEL: func.func @avg_2d_nchw_7x7_stride1
//       SEPARABLE:   tensor.empty() : tensor<56x56xf32>
//       SEPARABLE:   vector.transfer_write {{.*}} : vector<16xf32>, tensor<56x56xf32>
//   SEPARABLE-NOT:   tensor<62x64xf32>
//   SEPARABLE-NOT:   arith.remsi
//       SEPARABLE:   vector.transfer_read {{.*}} : tensor<56x56xf32>, vector<16xf32>
//   SEPARABLE-NOT:   arith.remsi
//       SEPARABLE:   arith.divf {{.*}} : vector<16xf32>
//   SEPARABLE-NOT:   tensor<62x64xf32>
//   SEPARABLE-NOT:   arith.remsi
//       SEPARABLE:   return
// DIRECT-LABEL: func.func @avg_2d_nchw_7x7_stride1
//   DIRECT-NOT:   tensor<56x56xf32>
//       DIRECT:   vector.transfer_read {{.*}} : tensor<1x64x56x56xf32>, vector<16xf32>
func.func @avg_2d_nchw_7x7_stride1(%x: tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.avg %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// -----

// Global average over channels-first planes: each plane is reduced as one
// flat array with a reassociating reduction; the accumulator is no longer
// than the 49-element plane (32 lanes): one unmasked read, then the masked
// remainder.
// CHECK-LABEL: func.func @global_avg_nchw
//       CHECK:   tensor.collapse_shape {{.*}} into tensor<64x2048x49xf32>
//       CHECK:   scf.forall ({{.*}}) in (64, 2048)
//       CHECK:     vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<64x2048x49xf32>, vector<32xf32>
//       CHECK:     vector.transfer_read {{.*}} : tensor<64x2048x49xf32>, vector<32xf32>
//       CHECK:     vector.reduction <add>, {{.*}} fastmath<reassoc>
func.func @global_avg_nchw(%x: tensor<64x2048x7x7xf32>) -> tensor<64x2048xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<64x2048x7x7xf32> -> tensor<64x2048xf32>
  return %0 : tensor<64x2048xf32>
}

// -----

// Irregular adaptive bins (15 -> 7) on channels-first data with static
// sizes: each bin tap is one read plus one constant shuffle, no per-element
// index computation.
// CHECK-LABEL: func.func @adaptive_avg_irregular
//       CHECK:   scf.forall
//       CHECK:     vector.transfer_read {{.*}} : tensor<1x512x15x15xf32>, vector<16xf32>
//       CHECK:     vector.shuffle {{.*}} : vector<16xf32>, vector<16xf32>
//   CHECK-NOT:   tensor.extract
func.func @adaptive_avg_irregular(%x: tensor<1x512x15x15xf32>) -> tensor<1x512x7x7xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x15x15xf32> -> tensor<1x512x7x7xf32>
  return %0 : tensor<1x512x7x7xf32>
}
