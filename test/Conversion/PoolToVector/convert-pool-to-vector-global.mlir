// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 min-parallel-bytes=0 vector-bits=256" | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=skylake-avx512 vector-bits=256" | FileCheck %s --check-prefix=SERIAL

// Channels-last global max, a task per (batch, chunk of up to 16
// registers of channels): with two images, a parallel op splits the 256
// channels into single chunks for more tasks. The chunk reduces every
// spatial position (one dimension of the collapsed input) in registers. No
// separate NaN scan: a plain compare-and-select maximum plus a per-lane NaN
// flag (`cmpf uno` of each read, or-ed into an i1 vector carried by the
// loop), and NaN selected into the flagged lanes at the end.
// CHECK-LABEL: func.func @global_max_nhwc_nan_flag(
//  CHECK-SAME:     %[[IN:.*]]: tensor<2x7x7x256xf32>)
//       CHECK:   %[[FLAT:.*]] = tensor.collapse_shape %[[IN]] {{\[\[}}0], [1, 2], [3]] : tensor<2x7x7x256xf32> into tensor<2x49x256xf32>
//       CHECK:   scf.forall ({{.*}}) in (2, 2)
//   CHECK-NOT:     scf.if
//   CHECK-DAG:     %[[NONE:.*]] = arith.constant dense<false> : vector<128xi1>
//   CHECK-DAG:     %[[NEG:.*]] = vector.broadcast %{{.*}} : f32 to vector<128xf32>
//       CHECK:     %[[ACC:.*]]:2 = scf.for {{.*}} iter_args(%[[MAX:.*]] = %[[NEG]], %[[FLAG:.*]] = %[[NONE]]) -> (vector<128xf32>, vector<128xi1>)
//       CHECK:       %[[V:.*]] = vector.transfer_read %[[FLAT]]{{.*}} {in_bounds = [true]} : tensor<2x49x256xf32>, vector<128xf32>
//       CHECK:       %[[GT:.*]] = arith.cmpf ogt, %[[MAX]], %[[V]] : vector<128xf32>
//       CHECK:       %[[SEL:.*]] = arith.select %[[GT]], %[[MAX]], %[[V]]
//       CHECK:       %[[UNO:.*]] = arith.cmpf uno, %[[V]], %[[V]] : vector<128xf32>
//       CHECK:       %[[OR:.*]] = arith.ori %[[FLAG]], %[[UNO]] : vector<128xi1>
//       CHECK:       scf.yield %[[SEL]], %[[OR]]
//       CHECK:     %[[NAN:.*]] = arith.constant 0x7FC00000 : f32
//       CHECK:     %[[NANS:.*]] = vector.broadcast %[[NAN]] : f32 to vector<128xf32>
//       CHECK:     %[[R:.*]] = arith.select %[[ACC]]#1, %[[NANS]], %[[ACC]]#0 : vector<128xi1>, vector<128xf32>
//       CHECK:     vector.transfer_write %[[R]], {{.*}} : vector<128xf32>, tensor<1x128xf32>
//   CHECK-NOT:   arith.maximumf
//       CHECK:   return
func.func @global_max_nhwc_nan_flag(%x: tensor<2x7x7x256xf32>) -> tensor<2x256xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<2x7x7x256xf32> -> tensor<2x256xf32>
  return %0 : tensor<2x256xf32>
}

// -----

// With 32 images there are tasks enough: one task per image, whose 256
// channels are two chunks. The input (1.6 MB) is large enough to stream
// (VectorTiling::globalStreamMinBytes). The task streams through its input in memory
// order: per position, chunk by chunk, into a buffer of partial maxima
// (filled with -inf first), combined with `maxnumf nnan` (one vmaxps) while
// one vector of NaN flags (`cmpf uno` of each read, its slices or-ed) is
// carried for the whole task. A set flag streams the input again with the
// exact `maximumf`. The partials are written out at the end.
// CHECK-LABEL: func.func @global_max_nhwc_streamed(
//       CHECK:   %[[FLAT:.*]] = tensor.collapse_shape {{.*}} into tensor<32x49x256xf32>
//       CHECK:   scf.forall ({{.*}}) in (32, 1)
//       CHECK:     %[[BUF:.*]] = tensor.empty() : tensor<256xf32>
//       CHECK:     %[[FILLED:.*]] = scf.for {{.*}} step %c128{{.*}} iter_args(%[[B0:.*]] = %[[BUF]]) -> (tensor<256xf32>)
//       CHECK:       vector.transfer_write {{.*}}, %[[B0]]
//       CHECK:     %[[NONE:.*]] = arith.constant dense<false> : vector<8xi1>
//       CHECK:     %[[PLAIN:.*]]:2 = scf.for %[[S:.*]] = %{{.*}} to %c49{{.*}} step %c1{{.*}} iter_args(%[[B1:.*]] = %[[FILLED]], %[[F1:.*]] = %[[NONE]]) -> (tensor<256xf32>, vector<8xi1>)
//       CHECK:       scf.for %[[K:.*]] = {{.*}} iter_args(%[[B2:.*]] = %[[B1]], %[[F2:.*]] = %[[F1]]) -> (tensor<256xf32>, vector<8xi1>)
//       CHECK:         %[[P:.*]] = vector.transfer_read %[[B2]][%[[K]]]{{.*}} : tensor<256xf32>, vector<128xf32>
//       CHECK:         %[[V:.*]] = vector.transfer_read %[[FLAT]][%{{.*}}, %[[S]], %{{.*}}]{{.*}} : tensor<32x49x256xf32>, vector<128xf32>
//       CHECK:         %[[M:.*]] = arith.maxnumf %[[P]], %[[V]] fastmath<nnan> : vector<128xf32>
//       CHECK:         %[[W:.*]] = vector.transfer_write %[[M]], %[[B2]][%[[K]]]
//       CHECK:         %[[UNO:.*]] = arith.cmpf uno, %[[V]], %[[V]] : vector<128xf32>
//       CHECK:         vector.extract_strided_slice %[[UNO]] {offsets = [0], sizes = [8], strides = [1]}
//       CHECK:         %[[F3:.*]] = arith.ori %[[F2]], %{{.*}} : vector<8xi1>
//       CHECK:         scf.yield %[[W]], %[[F3]]
//       CHECK:     %[[ANY:.*]] = vector.reduction <or>, %[[PLAIN]]#1 : vector<8xi1> into i1
//       CHECK:     %[[PARTIALS:.*]] = scf.if %[[ANY]] -> (tensor<256xf32>)
//       CHECK:       scf.for {{.*}} to %c49
//       CHECK:         arith.maximumf {{.*}} : vector<128xf32>
//       CHECK:     } else {
//       CHECK:       scf.yield %[[PLAIN]]#0
//       CHECK:     scf.for {{.*}} -> (tensor<1x256xf32>)
//       CHECK:       vector.transfer_read %[[PARTIALS]]
//       CHECK:       vector.transfer_write {{.*}} : vector<128xf32>, tensor<1x256xf32>
//       CHECK:   return
func.func @global_max_nhwc_streamed(%x: tensor<32x7x7x256xf32>) -> tensor<32x256xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<32x7x7x256xf32> -> tensor<32x256xf32>
  return %0 : tensor<32x256xf32>
}

// -----

// Streamed sums over 300 channels: two whole chunks and a masked third;
// the partial sums divided by H * W on the way out.
// CHECK-LABEL: func.func @global_avg_nhwc_streamed_uneven_c(
//       CHECK:   scf.forall ({{.*}}) in (32, 1)
//       CHECK:     tensor.empty() : tensor<384xf32>
//       CHECK:     scf.for {{.*}} -> (tensor<384xf32>)
//       CHECK:       scf.for {{.*}} to %c256{{.*}} step %c128{{.*}} -> (tensor<384xf32>)
//       CHECK:         vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<32x49x300xf32>, vector<128xf32>
//       CHECK:         arith.addf {{.*}} : vector<128xf32>
//       CHECK:       vector.transfer_read %{{.*}}, %{{[a-z0-9_]+}} : tensor<32x49x300xf32>, vector<128xf32>
//       CHECK:       arith.addf {{.*}} : vector<128xf32>
//       CHECK:     scf.for
//       CHECK:       arith.divf
//       CHECK:       vector.transfer_write {{.*}} {in_bounds = [true]} : vector<128xf32>, tensor<1x300xf32>
//       CHECK:     arith.divf
//       CHECK:     vector.transfer_write %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}] : vector<128xf32>, tensor<1x300xf32>
func.func @global_avg_nhwc_streamed_uneven_c(%x: tensor<32x7x7x300xf32>) -> tensor<32x300xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<32x7x7x300xf32> -> tensor<32x300xf32>
  return %0 : tensor<32x300xf32>
}

// -----

// The one-image ResNet head (0.4 MB) is serial by default (below
// min-parallel-bytes), one task of the whole row; it is also below
// VectorTiling::globalStreamMinBytes, so it stays in the caches: each chunk
// of channels is reduced over every position in registers, no buffer of
// partials.
// SERIAL-LABEL: func.func @global_avg_nhwc_small_in_registers(
//   SERIAL-NOT:   tensor.empty() : tensor<2048xf32>
//       SERIAL:   scf.for {{.*}} to %c2048{{.*}} step %c128{{.*}} -> (tensor<1x2048xf32>)
//       SERIAL:     %[[SUM:.*]] = scf.for {{.*}} to %c49{{.*}} iter_args(%[[A:.*]] = %{{.*}}) -> (vector<128xf32>)
//       SERIAL:       %[[V:.*]] = vector.transfer_read {{.*}} : tensor<1x49x2048xf32>, vector<128xf32>
//       SERIAL:       arith.addf %[[A]], %[[V]] : vector<128xf32>
//       SERIAL:     arith.divf %[[SUM]]
//   SERIAL-NOT:   tensor.empty() : tensor<2048xf32>
//       SERIAL:   return
func.func @global_avg_nhwc_small_in_registers(%x: tensor<1x7x7x2048xf32>) -> tensor<1x2048xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<1x7x7x2048xf32> -> tensor<1x2048xf32>
  return %0 : tensor<1x2048xf32>
}

// -----

// Channels that do not divide into 128-lane chunks: ceil(300 / 128) tasks
// per batch, the last chunk partial (a dynamically sized output slice,
// masked reads and writes).
// CHECK-LABEL: func.func @global_max_nhwc_uneven_c(
//       CHECK:   scf.forall ({{.*}}) in (2, 3)
//       CHECK:     tensor.extract_slice {{.*}} to tensor<1x?xf32>
//       CHECK:     scf.if
//       CHECK:     vector.transfer_read %{{.*}}, %{{[a-z0-9_]+}} : tensor<2x49x300xf32>, vector<128xf32>
//       CHECK:     arith.cmpf uno
//       CHECK:     arith.select {{.*}} : vector<128xi1>, vector<128xf32>
func.func @global_max_nhwc_uneven_c(%x: tensor<2x7x7x300xf32>) -> tensor<2x300xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<2x7x7x300xf32> -> tensor<2x300xf32>
  return %0 : tensor<2x300xf32>
}

// -----

// Channels-last global average (keep_dims): sums over every position in
// 128-lane chunks, one division by H * W at the end, no cross-lane
// reduction.
// CHECK-LABEL: func.func @global_avg_nhwc_keep_dims(
//  CHECK-SAME:     %[[IN:.*]]: tensor<2x7x7x256xf32>)
//       CHECK:   %[[CNT:.*]] = arith.index_cast %c49{{.*}} : index to i64
//       CHECK:   %[[F:.*]] = arith.sitofp %[[CNT]] : i64 to f32
//       CHECK:   %[[FLAT:.*]] = tensor.collapse_shape %[[IN]]
//       CHECK:   scf.forall ({{.*}}) in (2, 2)
//       CHECK:     %[[SUM:.*]] = scf.for
//       CHECK:       vector.transfer_read %[[FLAT]]{{.*}} {in_bounds = [true]} : tensor<2x49x256xf32>, vector<128xf32>
//       CHECK:       arith.addf {{.*}} : vector<128xf32>
//       CHECK:     %[[FS:.*]] = vector.broadcast %[[F]] : f32 to vector<128xf32>
//       CHECK:     %[[AVG:.*]] = arith.divf %[[SUM]], %[[FS]] : vector<128xf32>
//       CHECK:     vector.transfer_write %[[AVG]], {{.*}} {in_bounds = [true]} : vector<128xf32>, tensor<1x1x1x128xf32>
//   CHECK-NOT:   vector.reduction
//       CHECK:   return
func.func @global_avg_nhwc_keep_dims(%x: tensor<2x7x7x256xf32>) -> tensor<2x1x1x256xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x7x7x256xf32> -> tensor<2x1x1x256xf32>
  return %0 : tensor<2x1x1x256xf32>
}

// -----

// Channels-first global max: the flat plane in 32-lane steps (a masked
// tail for 49 = 32 + 17), the flag reduced with <or> beside a <maximumf>
// reduction of the plain maximum, NaN selected on the scalar.
// CHECK-LABEL: func.func @global_max_nchw_nan_flag(
//       CHECK:   %[[FLAT:.*]] = tensor.collapse_shape {{.*}} into tensor<2x64x49xf32>
//       CHECK:   scf.forall ({{.*}}) in (2, 64)
//       CHECK:     scf.for {{.*}} -> (vector<32xf32>, vector<32xi1>)
//       CHECK:       vector.transfer_read %[[FLAT]]{{.*}} {in_bounds = [true]} : tensor<2x64x49xf32>, vector<32xf32>
//       CHECK:       arith.cmpf ogt
//       CHECK:       arith.cmpf uno
//       CHECK:       arith.ori {{.*}} : vector<32xi1>
//       CHECK:     %[[ACC:.*]]:2 = scf.for {{.*}} -> (vector<32xf32>, vector<32xi1>)
//       CHECK:       vector.transfer_read %[[FLAT]]{{\[.*\]}}, %{{[a-z0-9_]+}} : tensor<2x64x49xf32>, vector<32xf32>
//       CHECK:     %[[MAX:.*]] = vector.reduction <maximumf>, %[[ACC]]#0 : vector<32xf32> into f32
//       CHECK:     %[[ANY:.*]] = vector.reduction <or>, %[[ACC]]#1 : vector<32xi1> into i1
//       CHECK:     %[[NAN:.*]] = arith.constant 0x7FC00000 : f32
//       CHECK:     arith.select %[[ANY]], %[[NAN]], %[[MAX]] : f32
func.func @global_max_nchw_nan_flag(%x: tensor<2x64x7x7xf32>) -> tensor<2x64xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_first>} : tensor<2x64x7x7xf32> -> tensor<2x64xf32>
  return %0 : tensor<2x64xf32>
}

// -----

// Integer global max: maxsi, no NaN flag.
// CHECK-LABEL: func.func @global_max_nhwc_i32(
//       CHECK:   scf.forall ({{.*}}) in (2, 1)
//   CHECK-NOT:     vector<64xi1>
//       CHECK:     scf.for {{.*}} -> (vector<64xi32>)
//       CHECK:       arith.maxsi {{.*}} : vector<64xi32>
//   CHECK-NOT:   arith.cmpf
//   CHECK-NOT:   vector<64xi1>
//       CHECK:   return
func.func @global_max_nhwc_i32(%x: tensor<2x7x7x64xi32>) -> tensor<2x64xi32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<2x7x7x64xi32> -> tensor<2x64xi32>
  return %0 : tensor<2x64xi32>
}

// -----

// How finely a parallel channels-last global row is split depends on the
// threads where they are known: 16 tasks when not (8 images x 2 halves of
// 1000 channels), about 4 per thread with threads=2 (8 tasks of whole
// rows, each one stream in memory order).
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=znver3" | FileCheck %s --check-prefix=UNKNOWN
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=znver3 threads=2" | FileCheck %s --check-prefix=TWO
// RUN: pool-opt %s -split-input-file --pool-to-llvm="target-cpu=znver3 threads=2" -mlir-print-ir-after=convert-pool-to-vector -o /dev/null 2>&1 | FileCheck %s --check-prefix=TWO
// UNKNOWN-LABEL: func.func @global_max_nhwc_1000_threads(
// UNKNOWN: scf.forall ({{.*}}) in (8, 2)
// TWO-LABEL: func.func @global_max_nhwc_1000_threads(
// TWO: scf.forall ({{.*}}) in (8, 1)
func.func @global_max_nhwc_1000_threads(%x: tensor<8x13x13x1000xf32>) -> tensor<8x1000xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<8x13x13x1000xf32> -> tensor<8x1000xf32>
  return %0 : tensor<8x1000xf32>
}
