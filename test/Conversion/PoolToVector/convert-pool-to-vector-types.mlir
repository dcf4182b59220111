// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s

// Integer maxima: signed compares (`arith.maxsi`), the type's minimum as the
// neutral/padding value, and no NaN scan (no sum, no `cmpf uno`, no branch
// between an exact and a plain kernel).
// CHECK-LABEL: func.func @max_2d_nchw_i32(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x32x32xi32>)
//       CHECK:   scf.forall ({{.*}}) in (1, 4)
//   CHECK-NOT:     arith.cmpf
//   CHECK-NOT:     vector.reduction
//   CHECK-NOT:     scf.if
//       CHECK:     %[[V:.*]] = vector.transfer_read %[[IN]]{{.*}}, %c-2147483648_i32{{.*}} : tensor<1x4x32x32xi32>, vector<16xi32>
//       CHECK:     %[[L:.*]] = vector.shuffle %[[V]], {{.*}} : vector<16xi32>, vector<16xi32>
//       CHECK:     arith.maxsi {{.*}}, %[[L]] : vector<8xi32>
//       CHECK:     vector.transfer_write {{.*}} : vector<8xi32>, tensor<1x1x16x16xi32>
//   CHECK-NOT:   arith.cmpf
//   CHECK-NOT:   arith.maximumf
//   CHECK-NOT:   scf.if
//       CHECK:   return
func.func @max_2d_nchw_i32(%x: tensor<1x4x32x32xi32>) -> tensor<1x4x16x16xi32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x32x32xi32> -> tensor<1x4x16x16xi32>
  return %0 : tensor<1x4x16x16xi32>
}

// -----

// i8 channels-last: 32 lanes per 256-bit register, all 64 channels in one
// accumulator.
// CHECK-LABEL: func.func @max_2d_nhwc_i8(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x16x16x64xi8>)
//       CHECK:   scf.forall ({{.*}}) in (1, 8)
//   CHECK-NOT:     arith.cmpf
//   CHECK-NOT:     vector.reduction
//   CHECK-NOT:     scf.if
//       CHECK:     vector.transfer_read %[[IN]]{{.*}}, %c-128_i8{{.*}} {in_bounds = [true]} : tensor<1x16x16x64xi8>, vector<64xi8>
//       CHECK:     arith.maxsi {{.*}} : vector<64xi8>
//       CHECK:     vector.transfer_write {{.*}} : vector<64xi8>, tensor<1x1x8x64xi8>
//   CHECK-NOT:   arith.cmpf
//   CHECK-NOT:   scf.if
//       CHECK:   return
func.func @max_2d_nhwc_i8(%x: tensor<1x16x16x64xi8>) -> tensor<1x8x8x64xi8> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x16x16x64xi8> -> tensor<1x8x8x64xi8>
  return %0 : tensor<1x8x8x64xi8>
}

// -----

// f16 average: f32 accumulation (8 lanes per register): every read is
// extended right after it, the lane shuffles and sums are in f32, and the
// result is divided and truncated right before the write.
// CHECK-LABEL: func.func @avg_2d_nchw_f16(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x32x32xf16>)
//       CHECK:   scf.forall
//       CHECK:     %[[R:.*]] = vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x32x32xf16>, vector<16xf16>
//       CHECK:     %[[E:.*]] = arith.extf %[[R]] : vector<16xf16> to vector<16xf32>
//       CHECK:     vector.shuffle %[[E]], {{.*}} : vector<16xf32>, vector<16xf32>
//       CHECK:     arith.addf {{.*}} : vector<8xf32>
//       CHECK:     %[[D:.*]] = arith.divf {{.*}} : vector<8xf32>
//       CHECK:     %[[T:.*]] = arith.truncf %[[D]] : vector<8xf32> to vector<8xf16>
//       CHECK:     vector.transfer_write %[[T]], {{.*}} : vector<8xf16>, tensor<1x1x16x16xf16>
//   CHECK-NOT:   arith.addf {{.*}} : vector<{{[0-9]+}}xf16>
//       CHECK:   return
func.func @avg_2d_nchw_f16(%x: tensor<1x4x32x32xf16>) -> tensor<1x4x16x16xf16> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x32x32xf16> -> tensor<1x4x16x16xf16>
  return %0 : tensor<1x4x16x16xf16>
}

// -----

// f16 maximum: the f32 accumulators start from -FLT_MAX (rounded to -inf
// by the f16 store), not from -inf, and every chain of combines starts from
// it, here the row of an interior block: a compare of two extended taps, or
// of one and -inf, is narrowed back to f16 by LLVM's InstCombine, which x86
// without native half arithmetic widens again for every tap.
// CHECK-LABEL: func.func @max_2d_nchw_f16(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x32x32xf16>)
//   CHECK-NOT:   0xFF800000
//       CHECK:   } else {
//       CHECK:     scf.for
//       CHECK:       scf.for
//       CHECK:         %[[R:.*]] = vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x32x32xf16>, vector<8xf16>
//       CHECK:         %[[E:.*]] = arith.extf %[[R]] : vector<8xf16> to vector<8xf32>
//       CHECK:         %[[N:.*]] = arith.constant -3.40282347E+38 : f32
//       CHECK:         %[[NV:.*]] = vector.broadcast %[[N]] : f32 to vector<8xf32>
//       CHECK:         %[[G:.*]] = arith.cmpf ogt, %[[NV]], %[[E]] : vector<8xf32>
//       CHECK:         arith.select %[[G]], %[[NV]], %[[E]] : vector<8xi1>, vector<8xf32>
//   CHECK-NOT:   0xFF800000
//       CHECK:   return
func.func @max_2d_nchw_f16(%x: tensor<1x4x32x32xf16>) -> tensor<1x4x32x32xf16> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x32x32xf16> -> tensor<1x4x32x32xf16>
  return %0 : tensor<1x4x32x32xf16>
}

// -----

// bf16 channels-last maximum: the NaN scan sums extended values in f32,
// both kernels compare in f32, and each result, exactly a widened input
// (or -inf, or a NaN), is narrowed to its high half before the write: a
// shift, not the rounding of arith.truncf.
// CHECK-LABEL: func.func @max_2d_nhwc_bf16(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x16x16x64xbf16>)
//       CHECK:   scf.forall ({{.*}}) in (1, 8)
//       CHECK:     %[[S:.*]] = vector.transfer_read %[[IN]]{{.*}} : tensor<1x16x16x64xbf16>, vector<32xbf16>
//       CHECK:     %[[SE:.*]] = arith.extf %[[S]] : vector<32xbf16> to vector<32xf32>
//       CHECK:     arith.addf {{.*}}, %[[SE]] : vector<32xf32>
//       CHECK:     arith.cmpf uno, {{.*}} : vector<32xf32>
//       CHECK:     scf.if
//       CHECK:       %[[R:.*]] = vector.transfer_read %[[IN]]{{.*}} : tensor<1x16x16x64xbf16>, vector<32xbf16>
//       CHECK:       %[[E:.*]] = arith.extf %[[R]] : vector<32xbf16> to vector<32xf32>
//       CHECK:       arith.maximumf {{.*}}, %[[E]] : vector<32xf32>
//       CHECK:       %[[B:.*]] = arith.bitcast %{{.*}} : vector<32xf32> to vector<32xi32>
//       CHECK:       %[[H:.*]] = arith.shrui %[[B]], %{{.*}} : vector<32xi32>
//       CHECK:       %[[I:.*]] = arith.trunci %[[H]] : vector<32xi32> to vector<32xi16>
//       CHECK:       %[[T:.*]] = arith.bitcast %[[I]] : vector<32xi16> to vector<32xbf16>
//       CHECK:       vector.transfer_write %[[T]], {{.*}} : vector<32xbf16>, tensor<1x1x8x64xbf16>
//       CHECK:     } else {
//       CHECK:       arith.extf {{.*}} : vector<32xbf16> to vector<32xf32>
//       CHECK:       arith.cmpf ogt, {{.*}} : vector<32xf32>
//       CHECK:       arith.shrui {{.*}} : vector<32xi32>
//       CHECK:       arith.trunci {{.*}} : vector<32xi32> to vector<32xi16>
//   CHECK-NOT:   arith.truncf
func.func @max_2d_nhwc_bf16(%x: tensor<1x16x16x64xbf16>) -> tensor<1x8x8x64xbf16> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x16x16x64xbf16> -> tensor<1x8x8x64xbf16>
  return %0 : tensor<1x8x8x64xbf16>
}

// -----

// f16 on the separable plan: the row buffer holds the f32 accumulator
// (no rounding to f16 between the passes); only the output is truncated.
// CHECK-LABEL: func.func @avg_2d_nchw_f16_separable(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x4x32x32xf16>)
//       CHECK:   tensor.empty() : tensor<32x32xf32>
//       CHECK:   vector.transfer_read %[[IN]]{{.*}} : tensor<1x4x32x32xf16>, vector<8xf16>
//       CHECK:   arith.extf {{.*}} : vector<8xf16> to vector<8xf32>
//   CHECK-NOT:   arith.truncf
//       CHECK:   vector.transfer_write {{.*}} : vector<8xf32>, tensor<32x32xf32>
//   CHECK-NOT:   arith.truncf
//       CHECK:   vector.transfer_read {{.*}} : tensor<32x32xf32>, vector<8xf32>
//       CHECK:   %[[T:.*]] = arith.truncf {{.*}} : vector<8xf32> to vector<8xf16>
//       CHECK:   vector.transfer_write %[[T]], {{.*}} : vector<8xf16>, tensor<1x1x32x32xf16>
func.func @avg_2d_nchw_f16_separable(%x: tensor<1x4x32x32xf16>) -> tensor<1x4x32x32xf16> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x32x32xf16> -> tensor<1x4x32x32xf16>
  return %0 : tensor<1x4x32x32xf16>
}

// -----

// bf16 channels-first with stride 2: an interior tap reads 2 x 8 bf16 as
// 8 i32 and keeps one half of each: the low half shifted up (a shift) or
// the high half in place (an and), instead of widening 16 lanes and
// shuffling the even ones out. The result is exact (bf16 is the upper half
// of an f32). With padding 1 and 3 taps the pairs of tap 0 start one element
// before it (high halves) and those of taps 1 and 2 at tap 1 (low, then
// high halves): no block reads past its last tap, so the right border is
// interior too, blocks from 8 to the row's end 32 (RowLowering::
// stridedReads). Each row's taps are summed before the accumulator.
// CHECK-LABEL: func.func @avg_2d_nchw_bf16_stride2(
// (Border blocks still widen and shuffle: their taps are not every other
// lane.)
//       CHECK:   scf.for %{{.*}} = %c8 to %c32{{.*}} step %c8
//       CHECK:     %[[A:.*]] = vector.transfer_read {{.*}} : tensor<1x2x32x64xbf16>, vector<16xbf16>
//       CHECK:     %[[AW:.*]] = vector.bitcast %[[A]] : vector<16xbf16> to vector<8xi32>
//       CHECK:     %[[AH:.*]] = arith.andi %[[AW]], %{{.*}} : vector<8xi32>
//       CHECK:     %[[AF:.*]] = vector.bitcast %[[AH]] : vector<8xi32> to vector<8xf32>
//       CHECK:     %[[B:.*]] = vector.transfer_read {{.*}} : tensor<1x2x32x64xbf16>, vector<16xbf16>
//       CHECK:     %[[BW:.*]] = vector.bitcast %[[B]] : vector<16xbf16> to vector<8xi32>
//       CHECK:     %[[BL:.*]] = arith.shli %[[BW]], %{{.*}} : vector<8xi32>
//       CHECK:     %[[BF:.*]] = vector.bitcast %[[BL]] : vector<8xi32> to vector<8xf32>
//       CHECK:     %[[AB:.*]] = arith.addf %[[AF]], %[[BF]] : vector<8xf32>
//       CHECK:     %[[C:.*]] = vector.transfer_read {{.*}} : tensor<1x2x32x64xbf16>, vector<16xbf16>
//       CHECK:     %[[CW:.*]] = vector.bitcast %[[C]] : vector<16xbf16> to vector<8xi32>
//       CHECK:     %[[CH:.*]] = arith.andi %[[CW]], %{{.*}} : vector<8xi32>
//       CHECK:     %[[CF:.*]] = vector.bitcast %[[CH]] : vector<8xi32> to vector<8xf32>
//       CHECK:     %[[ROW:.*]] = arith.addf %[[AB]], %[[CF]] : vector<8xf32>
//       CHECK:     arith.addf %{{.*}}, %[[ROW]] : vector<8xf32>
func.func @avg_2d_nchw_bf16_stride2(%x: tensor<1x2x32x64xbf16>) -> tensor<1x2x16x32xbf16> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x32x64xbf16> -> tensor<1x2x16x32xbf16>
  return %0 : tensor<1x2x16x32xbf16>
}

// -----

// Without padding the pairs of a 3-tap window start at taps 0 and 2 (low
// halves) and at tap 0 for tap 1 (high halves), reading one element past
// the last tap: of 31 outputs of a 63-wide row, the last is not interior
// (its pairs would end at 63): interior blocks at 0, 8 and 16, then one
// border block for outputs 23 to 30. Starting the pairs one element early
// would lose output 0 instead.
// CHECK-LABEL: func.func @avg_1d_ncw_bf16_stride2_valid(
//       CHECK:   scf.for %{{.*}} = %c0{{.*}} to %c23 step %c8
//       CHECK:     arith.minsi %{{.*}}, %c22
//       CHECK:     arith.shli
//       CHECK:     arith.andi
//       CHECK:     arith.shli
//   CHECK-NOT:     arith.andi
//       CHECK:     vector.transfer_write
func.func @avg_1d_ncw_bf16_stride2_valid(%x: tensor<1x2x63xbf16>) -> tensor<1x2x31xbf16> {
  %0 = pool.avg %x {kernel = array<i64: 3>, strides = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x2x63xbf16> -> tensor<1x2x31xbf16>
  return %0 : tensor<1x2x31xbf16>
}

// -----

// A 2-tap window reads one pair per output: low and high halves of the
// same read, nothing outside the window, every block interior.
// CHECK-LABEL: func.func @max_1d_ncw_bf16_stride2_even_span(
//   CHECK-NOT:   vector.shuffle
//       CHECK:   scf.for %{{.*}} = %c0{{.*}} to %c32{{.*}} step %c8
//       CHECK:     %[[R:.*]] = vector.transfer_read {{.*}} : tensor<1x2x64xbf16>, vector<16xbf16>
//       CHECK:     %[[W:.*]] = vector.bitcast %[[R]] : vector<16xbf16> to vector<8xi32>
//       CHECK:     arith.shli %[[W]]
//       CHECK:     %[[R2:.*]] = vector.transfer_read {{.*}} : tensor<1x2x64xbf16>, vector<16xbf16>
//       CHECK:     %[[W2:.*]] = vector.bitcast %[[R2]] : vector<16xbf16> to vector<8xi32>
//       CHECK:     arith.andi %[[W2]]
//   CHECK-NOT:   vector.shuffle
func.func @max_1d_ncw_bf16_stride2_even_span(%x: tensor<1x2x64xbf16>) -> tensor<1x2x32xbf16> {
  %0 = pool.max %x {kernel = array<i64: 2>, strides = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x2x64xbf16> -> tensor<1x2x32xbf16>
  return %0 : tensor<1x2x32xbf16>
}
