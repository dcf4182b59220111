// Keras 1-D pooling layers on a (batch=2, steps=5, channels=3) input in
// Keras' channels_last (NWC) layout.
// REQUIRES: mlir-runner
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm=path=affine | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s
// RUN: pool-opt %s --pool-to-llvm="threads=2 min-parallel-bytes=0" | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils,%openmp_runtime | \
// RUN: FileCheck %s

// Expected values: printed by an independent pure-Python model of the
// documented semantics, written from docs/semantics.md and sharing no code
// with lib/:
//   python3 test/Integration/CPU/Inputs/pool_model.py --check-lines \
//     test/Integration/CPU/keras-1d.mlir
// pool-model.test checks that these CHECK lines are still its output.
// Spot-checked by hand below. x[n][w][c] = (7*i) mod 31 - 10 with
// i the flat index, so values are distinct and not monotonic along w.

func.func private @printMemrefF32(tensor<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  %x = arith.constant dense<[[[-10.0, -3.0, 4.0], [11.0, 18.0, -6.0], [1.0, 8.0, 15.0], [-9.0, -2.0, 5.0], [12.0, 19.0, -5.0]],
                             [[2.0, 9.0, 16.0], [-8.0, -1.0, 6.0], [13.0, 20.0, -4.0], [3.0, 10.0, 17.0], [-7.0, 0.0, 7.0]]]> : tensor<2x5x3xf32>

  // MaxPooling1D(pool_size=2): stride 2, 'valid', O = floor((5 - 2) / 2) + 1
  // = 2; step 4 is dropped. n=0,c=0: max(-10, 11) = 11, max(1, -9) = 1.
  %max = pool.max %x {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<2x5x3xf32> -> tensor<2x2x3xf32>
  %u0 = tensor.cast %max : tensor<2x2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 2, 3]
  // CHECK-NEXT: {{\[\[\[}}11, 18, 4],
  // CHECK-NEXT: [1, 8, 15]],
  // CHECK-NEXT: {{\[\[}}2, 9, 16],
  // CHECK-NEXT: [13, 20, 17]]]

  // AveragePooling1D(pool_size=2, strides=1, padding='same'): O = 5,
  // P = (5 - 1) * 1 + 2 - 5 = 1 at the end; Keras excludes the padding, so
  // the last window averages one element: n=0,c=2: (4 - 6) / 2 = -1, ...,
  // last -5 / 1 = -5.
  %avg = pool.avg %x {kernel = array<i64: 2>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<2x5x3xf32> -> tensor<2x5x3xf32>
  %u1 = tensor.cast %avg : tensor<2x5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 5, 3]
  // CHECK-NEXT: {{\[\[\[}}0.5, 7.5, -1],
  // CHECK-NEXT: [6, 13, 4.5],
  // CHECK-NEXT: [-4, 3, 10],
  // CHECK-NEXT: [1.5, 8.5, 0],
  // CHECK-NEXT: [12, 19, -5]],
  // CHECK-NEXT: {{\[\[}}-3, 4, 11],
  // CHECK-NEXT: [2.5, 9.5, 1],
  // CHECK-NEXT: [8, 15, 6.5],
  // CHECK-NEXT: [-2, 5, 12],
  // CHECK-NEXT: [-7, 0, 7]]]

  // GlobalAveragePooling1D: n=0,c=2: (4 - 6 + 15 + 5 - 5) / 5 = 2.6.
  %gavg = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x5x3xf32> -> tensor<2x3xf32>
  %u2 = tensor.cast %gavg : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 3]
  // CHECK-NEXT: {{\[\[}}1, 8, 2.6],
  // CHECK-NEXT: [0.6, 7.6, 8.4]]

  // GlobalMaxPooling1D.
  %gmax = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<2x5x3xf32> -> tensor<2x3xf32>
  %u3 = tensor.cast %gmax : tensor<2x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  // CHECK: sizes = [2, 3]
  // CHECK-NEXT: {{\[\[}}12, 19, 15],
  // CHECK-NEXT: [13, 20, 17]]
  return
}
