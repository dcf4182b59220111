// RUN: pool-opt %s --transform-interpreter -split-input-file -verify-diagnostics | FileCheck %s

// decompose: one pool op per spatial dimension, the last one first, each
// with that dimension's kernel, stride, dilation and padding.
// CHECK-LABEL: func.func @decompose(
// CHECK: %[[W:.*]] = pool.avg %{{.*}} {kernel = array<i64: 1, 3>, strides = array<i64: 1, 2>, dilations = array<i64: 1, 1>, padding = array<i64: 0, 1, 0, 0>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x9x9xf32> -> tensor<1x2x9x5xf32>
// CHECK: %[[H:.*]] = pool.avg %[[W]] {kernel = array<i64: 2, 1>, strides = array<i64: 2, 1>, dilations = array<i64: 2, 1>, padding = array<i64: 1, 0, 0, 0>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x9x5xf32> -> tensor<1x2x5x5xf32>
// CHECK: return %[[H]]
func.func @decompose(%x: tensor<1x2x9x9xf32>) -> tensor<1x2x5x5xf32> {
  %0 = pool.avg %x {kernel = array<i64: 2, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, padding = array<i64: 1, 1, 0, 0>, ceil_mode = true, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x2x9x9xf32> -> tensor<1x2x5x5xf32>
  return %0 : tensor<1x2x5x5xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["pool.avg"]} in %root : (!transform.any_op) -> !transform.any_op
    %parts = transform.pool.decompose %p : (!transform.any_op) -> !transform.any_op
    %n = transform.num_associations %parts : (!transform.any_op) -> !transform.param<i64>
    // expected-remark @below {{2}}
    transform.debug.emit_param_as_remark %n : !transform.param<i64>
    transform.yield
  }
}

// -----

// lower_to_linalg: the named pooling op for a window inside the input; the
// handle points to the linalg ops.
// CHECK-LABEL: func.func @to_linalg(
// CHECK: linalg.fill
// CHECK: linalg.pooling_nhwc_max
// CHECK-NOT: = pool.
func.func @to_linalg(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x8x8x4xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["pool.max"]} in %root : (!transform.any_op) -> !transform.any_op
    %l = transform.pool.lower_to_linalg %p : (!transform.any_op) -> !transform.any_op
    %pooling = transform.structured.match ops{["linalg.pooling_nhwc_max"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill, %named = transform.split_handle %l : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    // The second linalg op of the handle is the named pooling op.
    %same = transform.merge_handles %named, %pooling {deduplicate} : !transform.any_op
    %n = transform.num_associations %same : (!transform.any_op) -> !transform.param<i64>
    // expected-remark @below {{1}}
    transform.debug.emit_param_as_remark %n : !transform.param<i64>
    transform.yield
  }
}

// -----

// lower_to_vector with a strategy and width (256 bits: 8 f32 lanes): the
// handle points to the ops made in the pool op's place.
// CHECK-LABEL: func.func @to_vector(
// CHECK: vector.transfer_read {{.*}} vector<8xf32>
// CHECK-NOT: = pool.
func.func @to_vector(%x: tensor<1x4x16x16xf32>) -> tensor<1x4x14x14xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x16x16xf32> -> tensor<1x4x14x14xf32>
  return %0 : tensor<1x4x14x14xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["pool.max"]} in %root : (!transform.any_op) -> !transform.any_op
    %v = transform.pool.lower_to_vector %p {strategy = "direct", vector_bits = 256, target_cpu = "x86-64-v3"} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// lower_to_affine: the handle points to the outermost affine.for loops,
// which upstream's loop transforms then take.
// CHECK-LABEL: func.func @to_affine(
// CHECK: affine.for %{{.*}} = 0 to 1 {
// CHECK: affine.for %{{.*}} iter_args
// CHECK-NOT: = pool.
func.func @to_affine(%x: tensor<1x4x7x7xf32>) -> tensor<1x4xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<1x4x7x7xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["pool.global_avg"]} in %root : (!transform.any_op) -> !transform.any_op
    %loops = transform.pool.lower_to_affine %p : (!transform.any_op) -> !transform.any_op
    %n = transform.num_associations %loops : (!transform.any_op) -> !transform.param<i64>
    // expected-remark @below {{1}}
    transform.debug.emit_param_as_remark %n : !transform.param<i64>
    transform.yield
  }
}

// -----

// A payload op that is not a pool op: the transform op and the payload op
// are both named.
func.func @not_pool(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-note @below {{payload op}}
  %0 = math.absf %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["math.absf"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{expects pool ops, got 'math.absf'}}
    %l = transform.pool.lower_to_linalg %p : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// An op the affine lowering cannot express: its reason, and the payload op.
func.func @adaptive_dynamic(%x: tensor<1x3x?xf32>) -> tensor<1x3x4xf32> {
  // expected-note @below {{payload op}}
  %0 = pool.adaptive_avg %x {output_size = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x3x?xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["pool.adaptive_avg"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{cannot lower to affine loops: its windows are not affine in the output index (adaptive bins over a dynamic input size)}}
    %l = transform.pool.lower_to_affine %p : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// decompose of a 1-D window.
func.func @one_dim(%x: tensor<1x3x8xf32>) -> tensor<1x3x4xf32> {
  // expected-note @below {{payload op}}
  %0 = pool.max %x {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["pool.max"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{cannot decompose: it has one spatial dimension: nothing to separate}}
    %parts = transform.pool.decompose %p : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// -----

// A strategy the vector lowering does not have.
func.func @bad_strategy(%x: tensor<1x3x8xf32>) -> tensor<1x3x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %p = transform.structured.match ops{["pool.max"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @below {{strategy 'fastest' is not one of auto, direct, separable, sliding}}
    %v = transform.pool.lower_to_vector %p {strategy = "fastest"} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
