// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=znver3 min-parallel-bytes=0" | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0" | FileCheck %s --check-prefix=AVX512

// Blocks of stride-1 outputs (PoolVectorBuilder::combineWindowBlock): r
// consecutive interior outputs of a K-tap window read their r + K - 1
// elements once and share partial combines. r = min(K, half the vector
// registers): 8 on AVX2 (16 ymm), 16 on AVX-512 (32 zmm).

// Channels-first 5x5 (separable): the second pass takes interior output rows
// five at a time: 9 buffer rows read per vector column, 14 maxima (20
// direct), 5 rows written.
// CHECK-LABEL: func.func @max_nchw_5x5(
//       CHECK:   scf.for %{{.*}} = %c2{{(_[0-9]+)?}} to %c7{{(_[0-9]+)?}} step %c5{{(_[0-9]+)?}} iter_args
//       CHECK:     scf.for {{.*}} step %c8{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-9:     vector.transfer_read {{.*}} : tensor<12x16xf32>, vector<8xf32>
//   CHECK-NOT:       vector.transfer_read
// CHECK-COUNT-14:    arith.maximumf {{.*}} : vector<8xf32>
//   CHECK-NOT:       arith.maximumf
// CHECK-COUNT-5:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x12x16xf32>
func.func @max_nchw_5x5(%x: tensor<1x2x12x16xf32>) -> tensor<1x2x12x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 5, 5>, strides = array<i64: 1, 1>, padding = array<i64: 2, 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x12x16xf32> -> tensor<1x2x12x16xf32>
  return %0 : tensor<1x2x12x16xf32>
}

// -----

// 9 rows: blocks of 8 on AVX2 (16 rows read), 9 on AVX-512 (17).
// CHECK-LABEL: func.func @max_nchw_9x9(
//       CHECK:   scf.for %{{.*}} = %c4{{(_[0-9]+)?}} to %c36{{(_[0-9]+)?}} step %c8{{(_[0-9]+)?}} iter_args
//       CHECK:     scf.for {{.*}} step %c8{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-16:    vector.transfer_read {{.*}} : tensor<40x40xf32>, vector<8xf32>
//   CHECK-NOT:       vector.transfer_read
//       CHECK:       arith.maximumf
// CHECK-COUNT-8:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x40x40xf32>
// AVX512-LABEL: func.func @max_nchw_9x9(
//       AVX512:   scf.for %{{.*}} = %c4{{(_[0-9]+)?}} to %c31{{(_[0-9]+)?}} step %c9{{(_[0-9]+)?}} iter_args
//       AVX512:     scf.for {{.*}} step %c16{{(_[0-9]+)?}} iter_args
// AVX512-COUNT-17:    vector.transfer_read {{.*}} : tensor<40x40xf32>, vector<16xf32>
//   AVX512-NOT:       vector.transfer_read
//       AVX512:       arith.maximumf
// AVX512-COUNT-9:     vector.transfer_write {{.*}} : vector<16xf32>, tensor<1x1x40x40xf32>
func.func @max_nchw_9x9(%x: tensor<1x2x40x40xf32>) -> tensor<1x2x40x40xf32> {
  %0 = pool.max %x {kernel = array<i64: 9, 9>, strides = array<i64: 1, 1>, padding = array<i64: 4, 4, 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x2x40x40xf32> -> tensor<1x2x40x40xf32>
  return %0 : tensor<1x2x40x40xf32>
}

// -----

// Averages without the padding in the divisor: one divisor per output row
// of the block, each output divided once.
// CHECK-LABEL: func.func @avg_nchw_3x3(
//       CHECK:   scf.for %{{.*}} = %c1{{(_[0-9]+)?}} to %c7{{(_[0-9]+)?}} step %c3{{(_[0-9]+)?}} iter_args
//       CHECK:     scf.for {{.*}} step %c8{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-5:     vector.transfer_read {{.*}} : tensor<10x16xf32>, vector<8xf32>
//   CHECK-NOT:       vector.transfer_read
// CHECK-COUNT-3:     arith.divf {{.*}} : vector<8xf32>
//   CHECK-NOT:       arith.divf
//       CHECK:       vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x10x16xf32>
func.func @avg_nchw_3x3(%x: tensor<1x3x10x16xf32>) -> tensor<1x3x10x16xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x10x16xf32> -> tensor<1x3x10x16xf32>
  return %0 : tensor<1x3x10x16xf32>
}

// -----

// Channels-last 3x3 (direct): interior outputs along W three at a time, a
// vector of channels at a time: 5 pixels read per row tap, 3 outputs
// written; 12 channels are a whole vector and a masked one.
// CHECK-LABEL: func.func @max_nhwc_3x3(
//       CHECK:   scf.for %{{.*}} = %c1{{(_[0-9]+)?}} to %c13{{(_[0-9]+)?}} step %c3{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-5:     vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<2x9x14x12xf32>, vector<8xf32>
//   CHECK-NOT:       vector.transfer_read
// CHECK-COUNT-3:     vector.transfer_write {{.*}} {in_bounds = [true]} : vector<8xf32>, tensor<1x1x14x12xf32>
// CHECK-COUNT-5:     vector.transfer_read {{.*}}, %{{[^ ]*}} : tensor<2x9x14x12xf32>, vector<8xf32>
//   CHECK-NOT:       vector.transfer_read
// CHECK-COUNT-3:     vector.transfer_write {{.*}}] : vector<8xf32>, tensor<1x1x14x12xf32>
func.func @max_nhwc_3x3(%x: tensor<2x9x14x12xf32>) -> tensor<2x9x14x12xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x9x14x12xf32> -> tensor<2x9x14x12xf32>
  return %0 : tensor<2x9x14x12xf32>
}

// -----

// Channels-last 7x7 (separable): both passes in blocks of 7, along W into
// the row buffer and down the buffer rows.
// CHECK-LABEL: func.func @max_nhwc_7x7(
//       CHECK:   scf.for %{{.*}} = %c3{{(_[0-9]+)?}} to %c24{{(_[0-9]+)?}} step %c7{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-13:    vector.transfer_read {{.*}} : tensor<1x20x30x8xf32>, vector<8xf32>
// CHECK-COUNT-7:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<20x240xf32>
//       CHECK:   scf.for %{{.*}} = %c3{{(_[0-9]+)?}} to %c17{{(_[0-9]+)?}} step %c7{{(_[0-9]+)?}} iter_args
//       CHECK:     scf.for
// CHECK-COUNT-13:      vector.transfer_read {{.*}} : tensor<20x240xf32>, vector<8xf32>
// CHECK-COUNT-7:       vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x20x30x?xf32>
func.func @max_nhwc_7x7(%x: tensor<1x20x30x8xf32>) -> tensor<1x20x30x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_last>} : tensor<1x20x30x8xf32> -> tensor<1x20x30x8xf32>
  return %0 : tensor<1x20x30x8xf32>
}

// -----

// 3-D (separable rows over D and H): blocks of H rows, combined over the D
// taps (a loop): 5 buffer rows per D tap and vector column.
// CHECK-LABEL: func.func @max_ncdhw_3x3x3(
//       CHECK:   scf.for %{{.*}} = %c1{{(_[0-9]+)?}} to %c7{{(_[0-9]+)?}} step %c3{{(_[0-9]+)?}} iter_args
//       CHECK:     scf.for {{.*}} step %c8{{(_[0-9]+)?}} iter_args
//       CHECK:       scf.for
// CHECK-COUNT-5:       vector.transfer_read {{.*}} : tensor<6x9x16xf32>, vector<8xf32>
//   CHECK-NOT:       vector.transfer_read
// CHECK-COUNT-3:     vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x6x9x16xf32>
func.func @max_ncdhw_3x3x3(%x: tensor<1x2x6x9x16xf32>) -> tensor<1x2x6x9x16xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3, 3>, strides = array<i64: 1, 1, 1>, padding = array<i64: 1, 1, 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x6x9x16xf32> -> tensor<1x2x6x9x16xf32>
  return %0 : tensor<1x2x6x9x16xf32>
}

// -----

// No blocks for strides or dilations above 1: their consecutive outputs
// share no run of elements.
// CHECK-LABEL: func.func @max_nhwc_strided_dilated(
//   CHECK-NOT:   step %c3{{(_[0-9]+)?}} iter_args
//       CHECK:   return
func.func @max_nhwc_strided_dilated(%x: tensor<1x16x16x8xf32>) -> (tensor<1x8x8x8xf32>, tensor<1x12x12x8xf32>) {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x16x16x8xf32> -> tensor<1x8x8x8xf32>
  %1 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x16x16x8xf32> -> tensor<1x12x12x8xf32>
  return %0, %1 : tensor<1x8x8x8xf32>, tensor<1x12x12x8xf32>
}

// -----

// Channels-last separable over 32 channels: 16-channel chunks (two AVX2
// vectors, a cache line of each pixel), so blocks of 4 (half the registers
// over two-vector values): 4 + 6 pixels read along W.
// CHECK-LABEL: func.func @max_nhwc_7x7_two_vector_chunks(
//       CHECK:   scf.forall ({{.*}}) in (1, 2)
//       CHECK:   scf.for %{{.*}} = %c3{{(_[0-9]+)?}} to %c27{{(_[0-9]+)?}} step %c4{{(_[0-9]+)?}} iter_args
// CHECK-COUNT-10:    vector.transfer_read {{.*}} : tensor<1x20x30x32xf32>, vector<16xf32>
// CHECK-COUNT-4:     vector.transfer_write {{.*}} : vector<16xf32>, tensor<20x480xf32>
func.func @max_nhwc_7x7_two_vector_chunks(%x: tensor<1x20x30x32xf32>) -> tensor<1x20x30x32xf32> {
  %0 = pool.max %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, layout = #pool.layout<channels_last>} : tensor<1x20x30x32xf32> -> tensor<1x20x30x32xf32>
  return %0 : tensor<1x20x30x32xf32>
}

// -----

// No blocks above 32 taps: a block unrolls its r + K - 1 reads, and hostile
// window sizes must not blow up the IR (a 33-tap window would be a block of
// 8 outputs reading 40 pixels per row tap).
// CHECK-LABEL: func.func @max_nhwc_33_taps(
//   CHECK-NOT:   step %c8{{(_[0-9]+)?}} iter_args
//       CHECK:   return
func.func @max_nhwc_33_taps(%x: tensor<1x4x48x8xf32>) -> tensor<1x4x16x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 1, 33>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x4x48x8xf32> -> tensor<1x4x16x8xf32>
  return %0 : tensor<1x4x16x8xf32>
}
