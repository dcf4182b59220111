// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=znver3 min-parallel-bytes=0" | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0" | FileCheck %s --check-prefix=AVX512

// Channels-first stride-1 windows of a vector of taps or more along W
// (RowLowering::emitHalfVectorGroup): the interior blocks of a row go in
// groups that share vectors of half-vector (h-tap) maxima or sums; the
// pieces between vector boundaries are those vectors moved by half a vector
// (one shuffle), the remainder taps read directly. AVX2: 8 lanes, h = 4.

// 9 taps = 4 + 4 + 1. Static row of 56: the interior blocks 8..47 are one
// group of 5 (its reads end inside the row); each output vector combines
// one h-tap vector, one moved (shuffle) and one read.
// CHECK-LABEL: func.func @max_ncw_9(
//       CHECK:   scf.for %{{.*}} = %c8{{(_[0-9]+)?}} to %c48{{(_[0-9]+)?}} step %c40{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-5:   vector.shuffle {{.*}} [4, 5, 6, 7, 8, 9, 10, 11] : vector<8xf32>, vector<8xf32>
//   CHECK-NOT:     vector.shuffle
// CHECK-COUNT-5:   vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x56xf32>
//   CHECK-NOT:     vector.transfer_write
//       CHECK:     scf.yield
// AVX512-LABEL: func.func @max_ncw_9(
//   AVX512-NOT:   [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]
//       AVX512:   return
func.func @max_ncw_9(%x: tensor<1x2x56xf32>) -> tensor<1x2x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 9>, strides = array<i64: 1>, padding = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x2x56xf32> -> tensor<1x2x56xf32>
  return %0 : tensor<1x2x56xf32>
}

// -----

// Averages: 11 taps = 4 + 4 + 3, interior outputs divided by 11; the 54
// outputs are one group of 6 vectors and a last block.
// CHECK-LABEL: func.func @avg_ncw_11(
//       CHECK:   scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c48{{(_[0-9]+)?}} step %c48{{(_[0-9]+)?}} iter_args
//       CHECK:     vector.shuffle {{.*}} [4, 5, 6, 7, 8, 9, 10, 11] : vector<8xf32>, vector<8xf32>
//       CHECK:     arith.addf
//       CHECK:     %[[K:.*]] = arith.constant 1.100000e+01 : f32
//       CHECK:     %[[D:.*]] = arith.mulf %{{.*}}, %[[K]] : f32
//       CHECK:     arith.divf
func.func @avg_ncw_11(%x: tensor<1x2x64xf32>) -> tensor<1x2x54xf32> {
  %0 = pool.avg %x {kernel = array<i64: 11>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x2x64xf32> -> tensor<1x2x54xf32>
  return %0 : tensor<1x2x54xf32>
}

// -----

// A dynamic row: groups of 4 vectors (VectorTiling::halfVectorGroup).
// CHECK-LABEL: func.func @max_ncw_dynamic(
//       CHECK:   scf.for {{.*}} step %c32{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-4:   vector.shuffle {{.*}} [4, 5, 6, 7, 8, 9, 10, 11] : vector<8xf32>, vector<8xf32>
func.func @max_ncw_dynamic(%x: tensor<1x2x?xf32>) -> tensor<1x2x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 9>, strides = array<i64: 1>, padding = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x2x?xf32> -> tensor<1x2x?xf32>
  return %0 : tensor<1x2x?xf32>
}

// -----

// AVX-512 (16 lanes, h = 8) from 16 taps on.
// AVX512-LABEL: func.func @max_nchw_1x16(
//       AVX512:   vector.shuffle {{.*}} [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23] : vector<16xf32>, vector<16xf32>
func.func @max_nchw_1x16(%x: tensor<1x2x3x96xf32>) -> tensor<1x2x3x81xf32> {
  %0 = pool.max %x {kernel = array<i64: 1, 16>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x3x96xf32> -> tensor<1x2x3x81xf32>
  return %0 : tensor<1x2x3x81xf32>
}

// -----

// Not below a vector of taps (7 on AVX2), not above 32 taps, not strided.
// CHECK-LABEL: func.func @max_ncw_not_grouped(
//   CHECK-NOT:   [4, 5, 6, 7, 8, 9, 10, 11]
//       CHECK:   return
func.func @max_ncw_not_grouped(%x: tensor<1x2x96xf32>) -> (tensor<1x2x90xf32>, tensor<1x2x64xf32>, tensor<1x2x44xf32>) {
  %0 = pool.max %x {kernel = array<i64: 7>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x2x96xf32> -> tensor<1x2x90xf32>
  %1 = pool.max %x {kernel = array<i64: 33>, strides = array<i64: 1>, layout = #pool.layout<channels_first>} : tensor<1x2x96xf32> -> tensor<1x2x64xf32>
  %2 = pool.max %x {kernel = array<i64: 9>, strides = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x2x96xf32> -> tensor<1x2x44xf32>
  return %0, %1, %2 : tensor<1x2x90xf32>, tensor<1x2x64xf32>, tensor<1x2x44xf32>
}
