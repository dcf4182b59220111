// RUN: pool-opt %s -split-input-file --convert-pool-to-vector="target-cpu=znver3" | FileCheck %s

// Channels-last 2-D windows over channels that fill at most half a vector
// (AVX2: up to 4 f32 channels) take flattened rows (FlatChannels.cpp): the
// input as N x H x (W * C), per task two row buffers reused by its rows, no
// masked access. The windows read (111 - 1) * 2 + 3 = 223 of the 224
// pixels: 669 elements per row.
// CHECK-LABEL: func.func @max_3x3_s2_nhwc_c3(
//  CHECK-SAME:     %[[IN:.*]]: tensor<1x224x224x3xf32>)
//       CHECK:   %[[FLAT:.*]] = tensor.collapse_shape %[[IN]] {{\[\[}}0], [1], [2, 3]] : tensor<1x224x224x3xf32> into tensor<1x224x672xf32>
//       CHECK:   scf.forall
//       CHECK:     tensor.empty() : tensor<669xf32>
//       CHECK:     tensor.empty() : tensor<663xf32>
//       CHECK:     scf.for
// The window's rows, element by element, 8 at a time from the flat row,
// then 669 - 664 = 5 = 4 + 1.
//       CHECK:       scf.for %{{.*}} = %c0{{.*}} to %c664{{.*}} step %c8
//       CHECK:         vector.transfer_read %[[FLAT]]{{.*}} {in_bounds = [true]} : tensor<1x224x672xf32>, vector<8xf32>
//       CHECK:         vector.transfer_read %[[FLAT]]{{.*}} {in_bounds = [true]} : tensor<1x224x672xf32>, vector<4xf32>
//       CHECK:         vector.transfer_read %[[FLAT]]{{.*}} {in_bounds = [true]} : tensor<1x224x672xf32>, vector<1xf32>
// The W taps, flat: 3 reads of the row buffer C = 3 elements apart.
//       CHECK:       scf.for %{{.*}} = %c0{{.*}} to %c656{{.*}} step %c8
//       CHECK:         vector.transfer_read {{.*}} : tensor<669xf32>, vector<8xf32>
//       CHECK:         vector.transfer_read {{.*}} : tensor<669xf32>, vector<8xf32>
//       CHECK:         vector.transfer_read {{.*}} : tensor<669xf32>, vector<8xf32>
// The remainder 663 - 656 = 7 = 4 + 2 + 1: whole shorter vectors.
//       CHECK:       vector<4xf32>
//       CHECK:       vector<2xf32>
//       CHECK:       vector<1xf32>
// Each output pixel: 3 elements every 2 x 3 of the tap buffer.
//       CHECK:       scf.for %{{.*}} = %c0{{.*}} to %c111
//       CHECK:         vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<663xf32>, vector<3xf32>
//       CHECK:         vector.transfer_write {{.*}} {in_bounds = [true]} : vector<3xf32>, tensor<1x?x111x3xf32>
func.func @max_3x3_s2_nhwc_c3(%x: tensor<1x224x224x3xf32>) -> tensor<1x111x111x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x224x224x3xf32> -> tensor<1x111x111x3xf32>
  return %0 : tensor<1x111x111x3xf32>
}

// -----

// Padding is neutral in the row buffer: (10 - 1) * 2 + 3 = 21 pixels of
// which 1 on the left and 1 on the right (20 input pixels) are padding;
// dynamic batch and height are fine. Averages divide per output pixel.
// CHECK-LABEL: func.func @avg_3x3_s2_p1_nhwc_c1_dynamic(
//       CHECK:   tensor.collapse_shape {{.*}} into tensor<?x?x20xf32>
//       CHECK:   tensor.empty() : tensor<21xf32>
//       CHECK:   vector.transfer_write %{{.*}} {in_bounds = [true]} : vector<1xf32>, tensor<21xf32>
//       CHECK:   arith.divf {{.*}} : vector<1xf32>
func.func @avg_3x3_s2_p1_nhwc_c1_dynamic(%x: tensor<?x?x20x1xf32>) -> tensor<?x?x10x1xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<?x?x20x1xf32> -> tensor<?x?x10x1xf32>
  return %0 : tensor<?x?x10x1xf32>
}

// -----

// Not flat: 8 channels fill a whole AVX2 vector (vectors over channels).
// CHECK-LABEL: func.func @max_nhwc_c8_not_flat(
//   CHECK-NOT:   tensor.collapse_shape
//       CHECK:   vector.transfer_read {{.*}} : tensor<1x16x16x8xf32>, vector<8xf32>
func.func @max_nhwc_c8_not_flat(%x: tensor<1x16x16x8xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x16x16x8xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

// Not flat: a dynamic W (the row buffers have static sizes).
// CHECK-LABEL: func.func @max_nhwc_c3_dynamic_w_not_flat(
//   CHECK-NOT:   tensor.collapse_shape
func.func @max_nhwc_c3_dynamic_w_not_flat(%x: tensor<1x16x?x3xf32>) -> tensor<1x8x?x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x16x?x3xf32> -> tensor<1x8x?x3xf32>
  return %0 : tensor<1x8x?x3xf32>
}
