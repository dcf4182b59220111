// RUN: pool-opt %s -split-input-file --pool-to-llvm | FileCheck %s

// Destination-style kernel: the result is computed straight into %out, with
// no allocation and no copy.
// CHECK-LABEL: llvm.func @stem_in_destination
//   CHECK-NOT:   llvm.call @malloc
//   CHECK-NOT:   llvm.call @aligned_alloc
//   CHECK-NOT:   "llvm.intr.memcpy"
//       CHECK:   llvm.fcmp "uno"
//   CHECK-NOT:   llvm.call @malloc
//   CHECK-NOT:   "llvm.intr.memcpy"
//       CHECK:   llvm.return
func.func @stem_in_destination(%in: memref<1x64x112x112xf32>, %out: memref<1x64x56x56xf32>) {
  %x = bufferization.to_tensor %in restrict : memref<1x64x112x112xf32> to tensor<1x64x112x112xf32>
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  bufferization.materialize_in_destination %0 in restrict writable %out : (tensor<1x64x56x56xf32>, memref<1x64x56x56xf32>) -> ()
  return
}

// -----

// CHECK-LABEL: llvm.func @avg_in_destination
//   CHECK-NOT:   llvm.call @malloc
//   CHECK-NOT:   "llvm.intr.memcpy"
//       CHECK:   llvm.fdiv
//   CHECK-NOT:   llvm.call @malloc
//   CHECK-NOT:   "llvm.intr.memcpy"
//       CHECK:   llvm.return
func.func @avg_in_destination(%in: memref<10x4x10xf32>, %out: memref<10x2x10xf32>) {
  %y = bufferization.to_tensor %in restrict : memref<10x4x10xf32> to tensor<10x4x10xf32>
  %1 = pool.avg %y {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>
  bufferization.materialize_in_destination %1 in restrict writable %out : (tensor<10x2x10xf32>, memref<10x2x10xf32>) -> ()
  return
}

// -----

// A module mixing pool ops with func, arith, math, tensor, linalg, scf and
// memref ops lowers completely to the LLVM dialect.
// CHECK-LABEL: llvm.func @mixed
//   CHECK-NOT:   pool.
//   CHECK-NOT:   linalg.
//   CHECK-NOT:   tensor.
//   CHECK-NOT:   scf.
//   CHECK-NOT:   memref.
//       CHECK:   llvm.return
func.func @mixed(%x: tensor<2x3x9x9xf32>, %n: index) -> tensor<2x3x3x3xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = tensor.empty() : tensor<2x3x9x9xf32>
  %exp = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x9x9xf32>) outs(%e : tensor<2x3x9x9xf32>) {
  ^bb0(%a: f32, %b: f32):
    %t = math.tanh %a : f32
    linalg.yield %t : f32
  } -> tensor<2x3x9x9xf32>
  %p = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %exp) -> tensor<2x3x9x9xf32> {
    %s = pool.max %acc {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<2x3x9x9xf32> -> tensor<2x3x9x9xf32>
    scf.yield %s : tensor<2x3x9x9xf32>
  }
  %r = pool.avg %p {kernel = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<2x3x9x9xf32> -> tensor<?x?x3x3xf32>
  %c = tensor.cast %r : tensor<?x?x3x3xf32> to tensor<2x3x3x3xf32>
  return %c : tensor<2x3x3x3xf32>
}
