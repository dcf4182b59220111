// RUN: pool-opt %s -split-input-file -resolve-shaped-type-result-dims | FileCheck %s

// tensor.dim of a pool result is rewritten into arith on tensor.dim of the
// input (ReifyRankedShapedTypeOpInterface), following the formulas:
//   floor mode: O = floor((I + pb + pe - K) / s) + 1
//   ceil mode:  O' = floor((I + pb + pe - K + s - 1) / s) + 1,
//               O = (O' - 1) * s >= I + pb ? O' - 1 : O'
//   same_*:     O = ceil(I / s)

// Floor mode, k = 3, s = 2, pb = pe = 1: ((I + 1) + 1 - 3) floordiv 2 + 1.
// CHECK-LABEL: func.func @max_2d_nchw_dynamic_height_floor(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x?x8xf32>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : index
// CHECK:         %[[I:.*]] = tensor.dim %[[IN]], %[[C2]] : tensor<1x3x?x8xf32>
// CHECK:         %[[PB:.*]] = arith.addi %[[I]], %[[C1]] : index
// CHECK:         %[[PADDED:.*]] = arith.addi %[[PB]], %[[C1]] : index
// CHECK:         %[[ROOM:.*]] = arith.subi %[[PADDED]], %[[C3]] : index
// CHECK:         %[[DIV:.*]] = arith.floordivsi %[[ROOM]], %[[C2]] : index
// CHECK:         %[[O:.*]] = arith.addi %[[DIV]], %[[C1]] : index
// CHECK-NOT:     pool.max
// CHECK:         return %[[O]] : index
func.func @max_2d_nchw_dynamic_height_floor(%in: tensor<1x3x?x8xf32>) -> index {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x?x8xf32> -> tensor<1x3x?x4xf32>
  %c2 = arith.constant 2 : index
  %d = tensor.dim %0, %c2 : tensor<1x3x?x4xf32>
  return %d : index
}

// -----

// ceil_mode, k = 3, s = 2, pb = pe = 1:
//   O' = (((I + 1) + 1 - 3) + 1) floordiv 2 + 1, and O' - 1 folds to the
//   quotient; O = quotient * 2 >= I + 1 ? quotient : O'.
// CHECK-LABEL: func.func @max_2d_nchw_dynamic_height_ceil(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x3x?x8xf32>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : index
// CHECK:         %[[I:.*]] = tensor.dim %[[IN]], %[[C2]] : tensor<1x3x?x8xf32>
// CHECK:         %[[PB:.*]] = arith.addi %[[I]], %[[C1]] : index
// CHECK:         %[[PADDED:.*]] = arith.addi %[[PB]], %[[C1]] : index
// CHECK:         %[[ROOM:.*]] = arith.subi %[[PADDED]], %[[C3]] : index
// CHECK:         %[[ROUND:.*]] = arith.addi %[[ROOM]], %[[C1]] : index
// CHECK:         %[[DIV:.*]] = arith.floordivsi %[[ROUND]], %[[C2]] : index
// CHECK:         %[[OUT:.*]] = arith.addi %[[DIV]], %[[C1]] : index
// CHECK:         %[[LAST:.*]] = arith.muli %[[DIV]], %[[C2]] : index
// CHECK:         %[[LIMIT:.*]] = arith.addi %[[I]], %[[C1]] : index
// CHECK:         %[[CMP:.*]] = arith.cmpi sge, %[[LAST]], %[[LIMIT]] : index
// CHECK:         %[[O:.*]] = arith.select %[[CMP]], %[[DIV]], %[[OUT]] : index
// CHECK:         return %[[O]] : index
func.func @max_2d_nchw_dynamic_height_ceil(%in: tensor<1x3x?x8xf32>) -> index {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x3x?x8xf32> -> tensor<1x3x?x5xf32>
  %c2 = arith.constant 2 : index
  %d = tensor.dim %0, %c2 : tensor<1x3x?x5xf32>
  return %d : index
}

// -----

// same_upper, s = 2: ceildivsi(I, 2). The static sizes fold to constants:
// batch 1, W = ceil(8 / 2) = 4, channels 3.
// CHECK-LABEL: func.func @avg_2d_nhwc_dynamic_height_same_upper(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x?x8x3xf32>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG:     %[[C4:.*]] = arith.constant 4 : index
// CHECK:         %[[I:.*]] = tensor.dim %[[IN]], %[[C1]] : tensor<1x?x8x3xf32>
// CHECK:         %[[O:.*]] = arith.ceildivsi %[[I]], %[[C2]] : index
// CHECK-NOT:     tensor.dim
// CHECK:         return %[[C1]], %[[O]], %[[C4]], %[[C3]] : index, index, index, index
func.func @avg_2d_nhwc_dynamic_height_same_upper(%in: tensor<1x?x8x3xf32>) -> (index, index, index, index) {
  %0 = pool.avg %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<1x?x8x3xf32> -> tensor<?x?x?x?xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %0, %c0 : tensor<?x?x?x?xf32>
  %h = tensor.dim %0, %c1 : tensor<?x?x?x?xf32>
  %w = tensor.dim %0, %c2 : tensor<?x?x?x?xf32>
  %c = tensor.dim %0, %c3 : tensor<?x?x?x?xf32>
  return %n, %h, %w, %c : index, index, index, index
}

// -----

// same_lower takes the same output size: ceildivsi(I, 3).
// CHECK-LABEL: func.func @max_1d_ncw_dynamic_same_lower(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x4x?xi8>)
// CHECK-DAG:     %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : index
// CHECK:         %[[I:.*]] = tensor.dim %[[IN]], %[[C2]] : tensor<2x4x?xi8>
// CHECK:         %[[O:.*]] = arith.ceildivsi %[[I]], %[[C3]] : index
// CHECK:         return %[[O]] : index
func.func @max_1d_ncw_dynamic_same_lower(%in: tensor<2x4x?xi8>) -> index {
  %0 = pool.max %in {kernel = array<i64: 5>, strides = array<i64: 3>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<2x4x?xi8> -> tensor<2x4x?xi8>
  %c2 = arith.constant 2 : index
  %d = tensor.dim %0, %c2 : tensor<2x4x?xi8>
  return %d : index
}

// -----

// valid with dilation: K = (3 - 1) * 2 + 1 = 5, s = 1, so
// (I + 0 + 0 - 5) floordiv 1 + 1, the zero padding and the division by 1
// folded away.
// CHECK-LABEL: func.func @avg_1d_nwc_dynamic_valid_dilation(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x?x3xf32>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:     %[[C5:.*]] = arith.constant 5 : index
// CHECK:         %[[I:.*]] = tensor.dim %[[IN]], %[[C1]] : tensor<1x?x3xf32>
// CHECK:         %[[ROOM:.*]] = arith.subi %[[I]], %[[C5]] : index
// CHECK:         %[[O:.*]] = arith.addi %[[ROOM]], %[[C1]] : index
// CHECK:         return %[[O]] : index
func.func @avg_1d_nwc_dynamic_valid_dilation(%in: tensor<1x?x3xf32>) -> index {
  %0 = pool.avg %in {kernel = array<i64: 3>, strides = array<i64: 1>, dilations = array<i64: 2>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_last>} : tensor<1x?x3xf32> -> tensor<1x?x3xf32>
  %c1 = arith.constant 1 : index
  %d = tensor.dim %0, %c1 : tensor<1x?x3xf32>
  return %d : index
}

// -----

// Batch and channel sizes are the input's: channels_last puts the channels
// last.
// CHECK-LABEL: func.func @max_2d_nhwc_dynamic_batch_channels(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x8x8x?xf32>)
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG:     %[[N:.*]] = tensor.dim %[[IN]], %[[C0]] : tensor<?x8x8x?xf32>
// CHECK-DAG:     %[[C:.*]] = tensor.dim %[[IN]], %[[C3]] : tensor<?x8x8x?xf32>
// CHECK:         return %[[N]], %[[C]] : index, index
func.func @max_2d_nhwc_dynamic_batch_channels(%in: tensor<?x8x8x?xf32>) -> (index, index) {
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<?x8x8x?xf32> -> tensor<?x4x4x?xf32>
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %0, %c0 : tensor<?x4x4x?xf32>
  %c = tensor.dim %0, %c3 : tensor<?x4x4x?xf32>
  return %n, %c : index, index
}

// -----

// channels_first: the channels are dimension 1 (3-D pooling, rank 5).
// CHECK-LABEL: func.func @avg_3d_ncdhw_dynamic_channels(
// CHECK-SAME:      %[[IN:.*]]: tensor<2x?x4x4x4xf32>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK:         %[[C:.*]] = tensor.dim %[[IN]], %[[C1]] : tensor<2x?x4x4x4xf32>
// CHECK:         return %[[C]] : index
func.func @avg_3d_ncdhw_dynamic_channels(%in: tensor<2x?x4x4x4xf32>) -> index {
  %0 = pool.avg %in {kernel = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<2x?x4x4x4xf32> -> tensor<2x?x2x2x2xf32>
  %c1 = arith.constant 1 : index
  %d = tensor.dim %0, %c1 : tensor<2x?x2x2x2xf32>
  return %d : index
}

// -----

// Global pooling without keep_dims: result dimension 1 is the channels,
// input dimension 3 under channels_last.
// CHECK-LABEL: func.func @global_avg_2d_nhwc_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?x?xf32>)
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:     %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG:     %[[N:.*]] = tensor.dim %[[IN]], %[[C0]] : tensor<?x?x?x?xf32>
// CHECK-DAG:     %[[C:.*]] = tensor.dim %[[IN]], %[[C3]] : tensor<?x?x?x?xf32>
// CHECK:         return %[[N]], %[[C]] : index, index
func.func @global_avg_2d_nhwc_dynamic(%in: tensor<?x?x?x?xf32>) -> (index, index) {
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>} : tensor<?x?x?x?xf32> -> tensor<?x?xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %0, %c0 : tensor<?x?xf32>
  %c = tensor.dim %0, %c1 : tensor<?x?xf32>
  return %n, %c : index, index
}

// -----

// Global pooling with keep_dims: the spatial sizes are 1 whatever the input.
// CHECK-LABEL: func.func @global_max_1d_ncw_dynamic_keep_dims(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x?x?xf32>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-NOT:     tensor.dim
// CHECK:         return %[[C1]] : index
func.func @global_max_1d_ncw_dynamic_keep_dims(%in: tensor<?x?x?xf32>) -> index {
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<?x?x?xf32> -> tensor<?x?x?xf32>
  %c2 = arith.constant 2 : index
  %d = tensor.dim %0, %c2 : tensor<?x?x?xf32>
  return %d : index
}

// -----

// Adaptive pooling: spatial sizes are output_size, the batch the input's.
// CHECK-LABEL: func.func @adaptive_max_2d_nchw_dynamic(
// CHECK-SAME:      %[[IN:.*]]: tensor<?x3x?x?xf32>)
// CHECK-DAG:     %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG:     %[[C7:.*]] = arith.constant 7 : index
// CHECK-DAG:     %[[C5:.*]] = arith.constant 5 : index
// CHECK-DAG:     %[[N:.*]] = tensor.dim %[[IN]], %[[C0]] : tensor<?x3x?x?xf32>
// CHECK:         return %[[N]], %[[C7]], %[[C5]] : index, index, index
func.func @adaptive_max_2d_nchw_dynamic(%in: tensor<?x3x?x?xf32>) -> (index, index, index) {
  %0 = pool.adaptive_max %in {output_size = array<i64: 7, 5>, layout = #pool.layout<channels_first>} : tensor<?x3x?x?xf32> -> tensor<?x?x?x?xf32>
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %0, %c0 : tensor<?x?x?x?xf32>
  %h = tensor.dim %0, %c2 : tensor<?x?x?x?xf32>
  %w = tensor.dim %0, %c3 : tensor<?x?x?x?xf32>
  return %n, %h, %w : index, index, index
}

// -----

// A static input and a less static result: every size folds to a constant.
// H, W: floor((112 + 1 + 1 - 3) / 2) + 1 = 56.
// CHECK-LABEL: func.func @max_2d_nchw_static_input_dynamic_result(
// CHECK-SAME:      %[[IN:.*]]: tensor<1x64x112x112xf32>)
// CHECK-DAG:     %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG:     %[[C64:.*]] = arith.constant 64 : index
// CHECK-DAG:     %[[C56:.*]] = arith.constant 56 : index
// CHECK-NOT:     tensor.dim
// CHECK:         return %[[C1]], %[[C64]], %[[C56]], %[[C56]] : index, index, index, index
func.func @max_2d_nchw_static_input_dynamic_result(%in: tensor<1x64x112x112xf32>) -> (index, index, index, index) {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<?x?x?x?xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %n = tensor.dim %0, %c0 : tensor<?x?x?x?xf32>
  %c = tensor.dim %0, %c1 : tensor<?x?x?x?xf32>
  %h = tensor.dim %0, %c2 : tensor<?x?x?x?xf32>
  %w = tensor.dim %0, %c3 : tensor<?x?x?x?xf32>
  return %n, %c, %h, %w : index, index, index, index
}
