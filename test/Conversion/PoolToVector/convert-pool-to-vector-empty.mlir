// Results with a static zero dimension hold no element: every lowering that
// goes through lowerPoolOps (vector loops, GPU kernels) replaces the op with
// an empty tensor instead of slicing a zero-sized dimension, which
// tensor.extract_slice rejects even at offset 0 with size 0.
// RUN: pool-opt %s -split-input-file --convert-pool-to-vector | FileCheck %s
// RUN: pool-opt %s -split-input-file --convert-pool-to-gpu | FileCheck %s --check-prefix=GPU
// RUN: pool-opt %s -split-input-file --pool-to-llvm -o /dev/null
// RUN: pool-opt %s -split-input-file --pool-to-gpu-emulation -o /dev/null

// A dynamic result type whose inferred type has no channel: a cast of the
// empty tensor (the batch size comes from the input).
// CHECK-LABEL: func.func @adaptive_max_zero_channels(
// CHECK-SAME: %[[X:.*]]: tensor<?x7x0xbf16>
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %c0
// CHECK: %[[E:.*]] = tensor.empty(%[[N]]) : tensor<?x2x0xbf16>
// CHECK: %[[C:.*]] = tensor.cast %[[E]] : tensor<?x2x0xbf16> to tensor<?x?x?xbf16>
// CHECK-NOT: pool.
// CHECK: return %[[C]]
// GPU-LABEL: func.func @adaptive_max_zero_channels(
// GPU-NOT: gpu.launch
// GPU: tensor.empty
// GPU-NOT: gpu.launch
func.func @adaptive_max_zero_channels(%x: tensor<?x7x0xbf16>) -> tensor<?x?x?xbf16> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<?x7x0xbf16> -> tensor<?x?x?xbf16>
  return %0 : tensor<?x?x?xbf16>
}

// -----

// CHECK-LABEL: func.func @avg_zero_channels_static(
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x1x5x0xf32>
// CHECK-NOT: pool.
// CHECK: return %[[E]]
func.func @avg_zero_channels_static(%x: tensor<2x1x7x0xf32>) -> tensor<2x1x5x0xf32> {
  %0 = pool.avg %x {kernel = array<i64: 1, 3>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x1x7x0xf32> -> tensor<2x1x5x0xf32>
  return %0 : tensor<2x1x5x0xf32>
}

// -----

// CHECK-LABEL: func.func @global_avg_zero_batch(
// CHECK: tensor.empty() : tensor<0x3xf32>
// CHECK-NOT: pool.
func.func @global_avg_zero_batch(%x: tensor<0x3x5x5xf32>) -> tensor<0x3xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<0x3x5x5xf32> -> tensor<0x3xf32>
  return %0 : tensor<0x3xf32>
}
