// RUN: pool-opt %s --convert-pool-to-affine --canonicalize -split-input-file -verify-diagnostics | FileCheck %s
// Upstream's affine transforms run on what --pool-to-affine makes of it
// (convert-pool-to-affine, scf loops for what it declines, bufferization,
// canonicalization), one at a time. (affine-super-vectorize without
// vectorize-reductions crashes on these nests in Debian's MLIR 22:
// docs/performance.md, "The affine path".)
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-loop-normalize))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-loop-tile{tile-size=4}))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-scalrep))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-loop-unroll{unroll-factor=2}))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-loop-unroll-jam{unroll-jam-factor=2}))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-loop-invariant-code-motion))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-data-copy-generate{generate-dma=false fast-mem-space=0}))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-loop-fusion))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-super-vectorize{virtual-vector-size=8 vectorize-reductions=true}))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(affine-parallelize))"
// RUN: pool-opt %s -split-input-file -verify-diagnostics -o /dev/null \
// RUN:   --pass-pipeline="builtin.module(pool-to-affine, func.func(pool-affine-vectorize{vector-size=8}))"

// Channels-first: (n, c, oh, ow), then the taps, whose bounds clip the
// window to the input: a max map and a min map, no padded copy, no
// affine.if; the taps reduce in iter_args.
// (The canonicalizer proves the upper bound min(7 - 2 * o, 3) is 3 for
// every o in [0, 3).)
// CHECK-DAG: #[[$LO:.*]] = affine_map<(d0) -> (d0 * -2 + 1, 0)>
// CHECK-LABEL: func.func @max_nchw_padded(
// CHECK-SAME: %[[X:.*]]: tensor<1x2x6x6xf32>
// CHECK: %[[IN:.*]] = bufferization.to_buffer %[[X]] read_only
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<1x2x3x3xf32>
// CHECK: affine.for %[[N:.*]] = 0 to 1 {
// CHECK: affine.for %[[C:.*]] = 0 to 2 {
// CHECK: affine.for %[[OH:.*]] = 0 to 3 {
// CHECK: affine.for %[[OW:.*]] = 0 to 3 {
// CHECK: %[[R:.*]] = affine.for %[[KH:.*]] = max #[[$LO]](%[[OH]]) to 3 iter_args(%[[A:.*]] = %{{.*}}) -> (f32) {
// CHECK: affine.for %[[KW:.*]] = max #[[$LO]](%[[OW]]) to 3 iter_args(%[[B:.*]] = %[[A]]) -> (f32) {
// CHECK: %[[V:.*]] = affine.load %[[IN]][%[[N]], %[[C]], %[[OH]] * 2 + %[[KH]] - 1, %[[OW]] * 2 + %[[KW]] - 1]
// CHECK: arith.maximumf %[[B]], %[[V]] : f32
// CHECK: affine.store %[[R]], %[[OUT]][%[[N]], %[[C]], %[[OH]], %[[OW]]]
// CHECK-NOT: affine.if
// CHECK-NOT: tensor.pad
// CHECK: bufferization.to_tensor %[[OUT]] restrict writable
func.func @max_nchw_padded(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// -----

// Channels-last f16 average: a fill of an f32 accumulator, then
// (n, oh, ow, kh, kw, c) with the channels innermost, every access
// contiguous along c, then the division by the per-position divisor and the
// truncation to f16.
// CHECK-LABEL: func.func @avg_nhwc_f16(
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<1x3x3x8xf16>
// CHECK: %[[ACC:.*]] = memref.alloc() : memref<1x3x3x8xf32>
// CHECK: affine.store %{{.*}}, %[[ACC]]
// CHECK: affine.for %[[N:.*]] = 0 to 1 {
// CHECK: affine.for %[[OH:.*]] = 0 to 3 {
// CHECK: affine.for %[[OW:.*]] = 0 to 3 {
// CHECK: affine.for %[[KH:.*]] = max
// CHECK: affine.for %[[KW:.*]] = max
// CHECK: affine.for %[[C:.*]] = 0 to 8 {
// CHECK: %[[V:.*]] = affine.load %{{.*}}[%[[N]], %[[OH]] * 2 + %[[KH]] - 1, %[[OW]] * 2 + %[[KW]] - 1, %[[C]]] : memref<1x6x6x8xf16>
// CHECK: %[[S:.*]] = affine.load %[[ACC]][%[[N]], %[[OH]], %[[OW]], %[[C]]]
// CHECK: arith.extf %[[V]] : f16 to f32
// CHECK: affine.store %{{.*}}, %[[ACC]][%[[N]], %[[OH]], %[[OW]], %[[C]]]
// CHECK: arith.divf
// CHECK: arith.truncf {{.*}} : f32 to f16
// CHECK: affine.store %{{.*}}, %[[OUT]]
func.func @avg_nhwc_f16(%x: tensor<1x6x6x8xf16>) -> tensor<1x3x3x8xf16> {
  %0 = pool.avg %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x6x6x8xf16> -> tensor<1x3x3x8xf16>
  return %0 : tensor<1x3x3x8xf16>
}

// -----

// Dynamic sizes are symbols: the input size and the `same` padding,
// computed once before the loops.
// CHECK-DAG: #[[$DLO:.*]] = affine_map<(d0)[s0] -> (d0 * -2 + s0, 0)>
// CHECK-DAG: #[[$DHI:.*]] = affine_map<(d0)[s0, s1] -> (d0 * -2 + s0 + s1, 3)>
// CHECK-LABEL: func.func @avg_dynamic_same(
// CHECK: bufferization.to_buffer
// CHECK: cf.assert
// CHECK: affine.for %{{.*}} = 0 to %{{.*}} {
// CHECK: affine.for %[[KW:.*]] = max #[[$DLO]](%{{.*}})[%{{.*}}] to min #[[$DHI]](%{{.*}})[%{{.*}}, %{{.*}}]
func.func @avg_dynamic_same(%x: tensor<?x?x?xf32>) -> tensor<?x?x?xf32> {
  %0 = pool.avg %x {kernel = array<i64: 3>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<?x?x?xf32> -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// Global average, channels-first: the spatial loops reduce per (n, c), the
// divisor is the plane size.
// CHECK-LABEL: func.func @global_avg_nchw(
// CHECK: affine.for %[[N:.*]] = 0 to 2 {
// CHECK: affine.for %[[C:.*]] = 0 to 16 {
// CHECK: affine.for %{{.*}} = 0 to 7 iter_args
// CHECK: affine.for %{{.*}} = 0 to 7 iter_args
// CHECK: arith.addf
// CHECK: arith.divf %{{.*}}, %cst{{.*}} : f32
// CHECK: affine.store %{{.*}}, %{{.*}}[%[[N]], %[[C]]] : memref<2x16xf32>
func.func @global_avg_nchw(%x: tensor<2x16x7x7xf32>) -> tensor<2x16xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<2x16x7x7xf32> -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}

// -----

// Global max, channels-last, keep_dims: accumulated in the output with the
// channels innermost; an integer maximum is arith.maxsi.
// CHECK-LABEL: func.func @global_max_nhwc_i32(
// CHECK: affine.for %[[N:.*]] = 0 to 2 {
// CHECK: affine.for %{{.*}} = 0 to 5 {
// CHECK: affine.for %{{.*}} = 0 to 5 {
// CHECK: affine.for %[[C:.*]] = 0 to 3 {
// CHECK: arith.maxsi
// CHECK: affine.store %{{.*}}, %{{.*}}[%[[N]], 0, 0, %[[C]]] : memref<2x1x1x3xi32>
func.func @global_max_nhwc_i32(%x: tensor<2x5x5x3xi32>) -> tensor<2x1x1x3xi32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x5x5x3xi32> -> tensor<2x1x1x3xi32>
  return %0 : tensor<2x1x1x3xi32>
}

// -----

// Adaptive bins of a static input: [floor(o * 10 / 4), ceil((o + 1) * 10 / 4)),
// a loop over the bin size.
// CHECK-DAG: #[[$BIN:.*]] = affine_map<(d0) -> ((d0 * 5 + 5) ceildiv 2 - (d0 * 5) floordiv 2)>
// CHECK-LABEL: func.func @adaptive_max(
// CHECK: affine.for %[[O:.*]] = 0 to 4 {
// CHECK: affine.for %[[K:.*]] = 0 to #[[$BIN]](%[[O]]) iter_args
// CHECK: affine.load %{{.*}}[%{{.*}}, %{{.*}}, %[[K]] + (%[[O]] * 5) floordiv 2]
func.func @adaptive_max(%x: tensor<1x3x10xf32>) -> tensor<1x3x4xf32> {
  %0 = pool.adaptive_max %x {output_size = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x3x10xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

// Adaptive bins over a dynamic size are not affine (o * I / O with I a
// symbol): the op stays, with a remark, for the default lowering.
// CHECK-LABEL: func.func @adaptive_dynamic(
// CHECK: pool.adaptive_avg
// CHECK-NOT: affine.for
func.func @adaptive_dynamic(%x: tensor<1x3x?xf32>) -> tensor<1x3x4xf32> {
  // expected-remark @below {{left for the default lowering: its windows are not affine in the output index (adaptive bins over a dynamic input size)}}
  %0 = pool.adaptive_avg %x {output_size = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x3x?xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

// Dynamic sizes inside a loop body are not valid affine symbols: the op
// stays, with a remark.
// CHECK-LABEL: func.func @dynamic_in_loop(
// CHECK: scf.for
// CHECK: pool.max
func.func @dynamic_in_loop(%x: tensor<1x3x?xf32>, %n: index) -> tensor<1x3x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%t = %x) -> tensor<1x3x?xf32> {
    // expected-remark @below {{left for the default lowering: its sizes are dynamic and it is not at the top level of an affine scope (a function body), so they are not valid affine symbols}}
    %0 = pool.max %t {kernel = array<i64: 2>, strides = array<i64: 1>, padding = array<i64: 0, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x?xf32> -> tensor<1x3x?xf32>
    scf.yield %0 : tensor<1x3x?xf32>
  }
  return %r : tensor<1x3x?xf32>
}
