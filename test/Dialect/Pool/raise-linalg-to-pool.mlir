// RUN: pool-opt %s -split-input-file -verify-diagnostics --raise-linalg-to-pool | FileCheck %s
// RUN: pool-opt %s -split-input-file --raise-linalg-to-pool=fold-transposes=false 2>/dev/null | FileCheck %s --check-prefix=NOFOLD

// torch-mlir's max_pool2d: -inf pad and fill fold into pool.max's padding.
// CHECK-LABEL: func.func @max_nchw_neg_inf(
// CHECK-SAME: %[[X:.*]]: tensor<1x4x16x16xf32>
// CHECK-NOT: linalg.
// CHECK: %[[R:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x4x16x16xf32> -> tensor<1x4x8x8xf32>
// CHECK: return %[[R]]
func.func @max_nchw_neg_inf(%arg0: tensor<1x4x16x16xf32>) -> tensor<1x4x8x8xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x4x16x16xf32> to tensor<1x4x18x18xf32>
  %e = tensor.empty() : tensor<1x4x8x8xf32>
  %fill = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %w : tensor<1x4x18x18xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// tosa-to-linalg-named's max: -FLT_MAX is not -inf. The pad of the same
// value folds; the windows' start value becomes a max with -FLT_MAX after
// the pool op.
// CHECK-LABEL: func.func @max_nhwc_lowest(
// CHECK-SAME: %[[X:.*]]: tensor<1x6x34x62xf32>
// CHECK-DAG: %[[C:.*]] = arith.constant -3.40282347E+38 : f32
// CHECK-DAG: %[[P:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x6x34x62xf32> -> tensor<1x3x17x62xf32>
// CHECK: %[[R:.*]] = linalg.generic {{.*}} ins(%[[P]] : tensor<1x3x17x62xf32>)
// CHECK: arith.maximumf %{{.*}}, %[[C]] : f32
// CHECK-NOT: linalg.pooling
// CHECK: return %[[R]]
func.func @max_nhwc_lowest(%arg0: tensor<1x6x34x62xf32>) -> tensor<1x3x17x62xf32> {
  %cst = arith.constant -3.40282347E+38 : f32
  %padded = tensor.pad %arg0 low[0, 0, 0, 0] high[0, 1, 1, 0] {
  ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
    tensor.yield %cst : f32
  } : tensor<1x6x34x62xf32> to tensor<1x7x35x62xf32>
  %0 = tensor.empty() : tensor<1x3x17x62xf32>
  %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x3x17x62xf32>) -> tensor<1x3x17x62xf32>
  %2 = tensor.empty() : tensor<3x3xf32>
  %3 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %2 : tensor<1x7x35x62xf32>, tensor<3x3xf32>) outs(%1 : tensor<1x3x17x62xf32>) -> tensor<1x3x17x62xf32>
  return %3 : tensor<1x3x17x62xf32>
}

// -----

// Integers: the signed minimum starts every window, as in pool.max.
// CHECK-LABEL: func.func @max_nwc_i8(
// CHECK: pool.max %{{.*}} {kernel = array<i64: 3>, strides = array<i64: 1>, dilations = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<2x10x4xi8> -> tensor<2x6x4xi8>
// CHECK-NOT: linalg.
func.func @max_nwc_i8(%arg0: tensor<2x10x4xi8>) -> tensor<2x6x4xi8> {
  %min = arith.constant -128 : i8
  %e = tensor.empty() : tensor<2x6x4xi8>
  %fill = linalg.fill ins(%min : i8) outs(%e : tensor<2x6x4xi8>) -> tensor<2x6x4xi8>
  %w = tensor.empty() : tensor<3xi8>
  %0 = linalg.pooling_nwc_max {dilations = dense<2> : vector<1xi64>, strides = dense<1> : vector<1xi64>} ins(%arg0, %w : tensor<2x10x4xi8>, tensor<3xi8>) outs(%fill : tensor<2x6x4xi8>) -> tensor<2x6x4xi8>
  return %0 : tensor<2x6x4xi8>
}

// -----

// linalg may compute only the first outputs: pool computes all that fit,
// and a slice keeps linalg's.
// CHECK-LABEL: func.func @max_ncw_prefix(
// CHECK: %[[P:.*]] = pool.max %{{.*}} : tensor<2x3x20xf32> -> tensor<2x3x9xf32>
// CHECK: %[[S:.*]] = tensor.extract_slice %[[P]][0, 0, 0] [2, 3, 8] [1, 1, 1] : tensor<2x3x9xf32> to tensor<2x3x8xf32>
// CHECK: return %[[S]]
func.func @max_ncw_prefix(%arg0: tensor<2x3x20xf32>) -> tensor<2x3x8xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x3x8xf32>
  %fill = linalg.fill ins(%ninf : f32) outs(%e : tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  %w = tensor.empty() : tensor<2xf32>
  %0 = linalg.pooling_ncw_max {dilations = dense<3> : vector<1xi64>, strides = dense<2> : vector<1xi64>} ins(%arg0, %w : tensor<2x3x20xf32>, tensor<2xf32>) outs(%fill : tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}

// -----

// Dynamic batch and channels: the max needs no divisor.
// CHECK-LABEL: func.func @max_ndhwc_dynamic(
// CHECK: pool.max %{{.*}} {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, layout = #pool.layout<channels_last>} : tensor<?x4x4x4x?xf32> -> tensor<?x2x2x2x?xf32>
func.func @max_ndhwc_dynamic(%arg0: tensor<?x4x4x4x?xf32>, %init: tensor<?x2x2x2x?xf32>) -> tensor<?x2x2x2x?xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %fill = linalg.fill ins(%ninf : f32) outs(%init : tensor<?x2x2x2x?xf32>) -> tensor<?x2x2x2x?xf32>
  %w = tensor.empty() : tensor<2x2x2xf32>
  %0 = linalg.pooling_ndhwc_max {dilations = dense<1> : vector<3xi64>, strides = dense<2> : vector<3xi64>} ins(%arg0, %w : tensor<?x4x4x4x?xf32>, tensor<2x2x2xf32>) outs(%fill : tensor<?x2x2x2x?xf32>) -> tensor<?x2x2x2x?xf32>
  return %0 : tensor<?x2x2x2x?xf32>
}

// -----

// A constant divisor equal to the window size over padding: the padding is
// counted.
// CHECK-LABEL: func.func @avg_include_pad(
// CHECK-SAME: %[[X:.*]]: tensor<1x4x15x15xf32>
// CHECK-NOT: linalg.
// CHECK: %[[R:.*]] = pool.avg %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x4x15x15xf32> -> tensor<1x4x8x8xf32>
// CHECK: return %[[R]]
func.func @avg_include_pad(%arg0: tensor<1x4x15x15xf32>) -> tensor<1x4x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x15x15xf32> to tensor<1x4x17x17xf32>
  %e = tensor.empty() : tensor<1x4x8x8xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  %sum = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %w : tensor<1x4x17x17xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %nine = arith.constant 9.0 : f32
  %out = tensor.empty() : tensor<1x4x8x8xf32>
  %avg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x4x8x8xf32>) outs(%out : tensor<1x4x8x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %d = arith.divf %in, %nine : f32
    linalg.yield %d : f32
  } -> tensor<1x4x8x8xf32>
  return %avg : tensor<1x4x8x8xf32>
}

// -----

// tosa-to-linalg-named's f16 average: f32 sum, a divisor counting the real
// elements (evaluated at each of the 25 positions), a truncf to f16.
// CHECK-LABEL: func.func @avg_f16_exclude_pad(
// CHECK-SAME: %[[X:.*]]: tensor<1x9x9x8xf16>
// CHECK-NOT: linalg.
// CHECK: %[[R:.*]] = pool.avg %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x9x9x8xf16> -> tensor<1x5x5x8xf16>
// CHECK: return %[[R]]
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @avg_f16_exclude_pad(%arg0: tensor<1x9x9x8xf16>) -> tensor<1x5x5x8xf16> {
  %cst_0 = arith.constant 0.000000e+00 : f16
  %padded = tensor.pad %arg0 low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
    tensor.yield %cst_0 : f16
  } : tensor<1x9x9x8xf16> to tensor<1x11x11x8xf16>
  %cst_1 = arith.constant 0.000000e+00 : f32
  %0 = tensor.empty() : tensor<1x5x5x8xf32>
  %1 = linalg.fill ins(%cst_1 : f32) outs(%0 : tensor<1x5x5x8xf32>) -> tensor<1x5x5x8xf32>
  %2 = tensor.empty() : tensor<3x3xf32>
  %3 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %2 : tensor<1x11x11x8xf16>, tensor<3x3xf32>) outs(%1 : tensor<1x5x5x8xf32>) -> tensor<1x5x5x8xf32>
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %4 = arith.subi %c5, %c1 : index
  %5 = arith.subi %c5, %c1 : index
  %6 = tensor.empty() : tensor<1x5x5x8xf16>
  %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x5x5x8xf32>) outs(%6 : tensor<1x5x5x8xf16>) {
  ^bb0(%in: f32, %out: f16):
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %8 = linalg.index 1 : index
    %9 = arith.subi %4, %8 : index
    %10 = arith.muli %8, %c2 : index
    %11 = arith.muli %9, %c2 : index
    %12 = arith.subi %10, %c1 : index
    %13 = arith.minsi %12, %c0 : index
    %14 = arith.addi %c3, %13 : index
    %15 = arith.subi %11, %c1 : index
    %16 = arith.minsi %15, %c0 : index
    %17 = arith.addi %14, %16 : index
    %18 = arith.maxsi %c1, %17 : index
    %19 = linalg.index 2 : index
    %20 = arith.subi %5, %19 : index
    %21 = arith.muli %19, %c2 : index
    %22 = arith.muli %20, %c2 : index
    %23 = arith.subi %21, %c1 : index
    %24 = arith.minsi %23, %c0 : index
    %25 = arith.addi %c3, %24 : index
    %26 = arith.subi %22, %c1 : index
    %27 = arith.minsi %26, %c0 : index
    %28 = arith.addi %25, %27 : index
    %29 = arith.maxsi %c1, %28 : index
    %30 = arith.muli %18, %29 : index
    %31 = arith.index_cast %30 : index to i32
    %32 = arith.sitofp %31 : i32 to f32
    %33 = arith.divf %in, %32 : f32
    %34 = arith.truncf %33 : f32 to f16
    linalg.yield %34 : f16
  } -> tensor<1x5x5x8xf16>
  return %7 : tensor<1x5x5x8xf16>
}

// -----

// Declines. A divisor that is pool's nowhere (8 for a 3x3 window).
// CHECK-LABEL: func.func @negative_wrong_divisor(
// CHECK: linalg.pooling_nchw_sum
func.func @negative_wrong_divisor(%arg0: tensor<1x4x8x8xf32>) -> tensor<1x4x6x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x6x6xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: the divisor 8 at output position (0, 0, 0, 0) is not pool.avg's}}
  %sum = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %w : tensor<1x4x8x8xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %eight = arith.constant 8.0 : f32
  %avg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x4x6x6xf32>) outs(%e : tensor<1x4x6x6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %d = arith.divf %in, %eight : f32
    linalg.yield %d : f32
  } -> tensor<1x4x6x6xf32>
  return %avg : tensor<1x4x6x6xf32>
}

// -----

// A multiplication by the reciprocal rounds differently from a division.
// CHECK-LABEL: func.func @negative_reciprocal(
// CHECK: linalg.pooling_nchw_sum
func.func @negative_reciprocal(%arg0: tensor<1x4x8x8xf32>) -> tensor<1x4x6x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x6x6xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: the generic does not yield the sum divided by a divisor}}
  %sum = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %w : tensor<1x4x8x8xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %r = arith.constant 0.111111112 : f32
  %avg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x4x6x6xf32>) outs(%e : tensor<1x4x6x6xf32>) {
  ^bb0(%in: f32, %o: f32):
    %d = arith.mulf %in, %r : f32
    linalg.yield %d : f32
  } -> tensor<1x4x6x6xf32>
  return %avg : tensor<1x4x6x6xf32>
}

// -----

// A sum nobody divides is not an average.
// CHECK-LABEL: func.func @negative_plain_sum(
// CHECK: linalg.pooling_nhwc_sum
func.func @negative_plain_sum(%arg0: tensor<1x8x8x4xf32>) -> tensor<1x6x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x6x6x4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x6x6x4xf32>) -> tensor<1x6x6x4xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: the sum is not divided elementwise by one linalg.generic}}
  %sum = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %w : tensor<1x8x8x4xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x6x6x4xf32>) -> tensor<1x6x6x4xf32>
  return %sum : tensor<1x6x6x4xf32>
}

// -----

// A divisor read from memory is not provably pool's.
// CHECK-LABEL: func.func @negative_divisor_argument(
// CHECK: linalg.pooling_nhwc_sum
func.func @negative_divisor_argument(%arg0: tensor<1x8x8x4xf32>, %div: f32) -> tensor<1x6x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x6x6x4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x6x6x4xf32>) -> tensor<1x6x6x4xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: the divisor is not arithmetic on constants and output indices}}
  %sum = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %w : tensor<1x8x8x4xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x6x6x4xf32>) -> tensor<1x6x6x4xf32>
  %avg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x6x6x4xf32>) outs(%e : tensor<1x6x6x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %d = arith.divf %in, %div : f32
    linalg.yield %d : f32
  } -> tensor<1x6x6x4xf32>
  return %avg : tensor<1x6x6x4xf32>
}

// -----

// A divisor that varies along the channels is not a window count (it is
// pool's at channel 0).
// CHECK-LABEL: func.func @negative_divisor_by_channel(
// CHECK: linalg.pooling_nhwc_sum
func.func @negative_divisor_by_channel(%arg0: tensor<1x8x8x4xf32>) -> tensor<1x6x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x6x6x4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x6x6x4xf32>) -> tensor<1x6x6x4xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: the divisor depends on the batch or channel index}}
  %sum = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %w : tensor<1x8x8x4xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x6x6x4xf32>) -> tensor<1x6x6x4xf32>
  %avg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x6x6x4xf32>) outs(%e : tensor<1x6x6x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %c9 = arith.constant 9 : index
    %ch = linalg.index 3 : index
    %n = arith.addi %c9, %ch : index
    %i = arith.index_cast %n : index to i64
    %f = arith.sitofp %i : i64 to f32
    %d = arith.divf %in, %f : f32
    linalg.yield %d : f32
  } -> tensor<1x6x6x4xf32>
  return %avg : tensor<1x6x6x4xf32>
}

// -----

// f16 summed in f16 rounds at every tap; pool.avg sums in f32.
// CHECK-LABEL: func.func @negative_f16_accumulator(
// CHECK: linalg.pooling_nhwc_sum
func.func @negative_f16_accumulator(%arg0: tensor<1x8x8x4xf16>) -> tensor<1x6x6x4xf16> {
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<1x6x6x4xf16>
  %fill = linalg.fill ins(%zero : f16) outs(%e : tensor<1x6x6x4xf16>) -> tensor<1x6x6x4xf16>
  %w = tensor.empty() : tensor<3x3xf16>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: a sum of f16 accumulating in f16 (pool.avg accumulates f16/bf16 in f32, others in their type)}}
  %sum = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %w : tensor<1x8x8x4xf16>, tensor<3x3xf16>) outs(%fill : tensor<1x6x6x4xf16>) -> tensor<1x6x6x4xf16>
  return %sum : tensor<1x6x6x4xf16>
}

// -----

// An unsigned max is not pool.max (signed): not matched, no remark.
// CHECK-LABEL: func.func @negative_unsigned_max(
// CHECK: linalg.pooling_nhwc_max_unsigned
func.func @negative_unsigned_max(%arg0: tensor<1x8x8x4xi8>) -> tensor<1x4x4x4xi8> {
  %zero = arith.constant 0 : i8
  %e = tensor.empty() : tensor<1x4x4x4xi8>
  %fill = linalg.fill ins(%zero : i8) outs(%e : tensor<1x4x4x4xi8>) -> tensor<1x4x4x4xi8>
  %w = tensor.empty() : tensor<2x2xi8>
  %0 = linalg.pooling_nhwc_max_unsigned {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %w : tensor<1x8x8x4xi8>, tensor<2x2xi8>) outs(%fill : tensor<1x4x4x4xi8>) -> tensor<1x4x4x4xi8>
  return %0 : tensor<1x4x4x4xi8>
}

// -----

// A fill that is not a constant.
// CHECK-LABEL: func.func @negative_fill_argument(
// CHECK: linalg.pooling_nhwc_max
func.func @negative_fill_argument(%arg0: tensor<1x8x8x4xf32>, %start: f32) -> tensor<1x4x4x4xf32> {
  %e = tensor.empty() : tensor<1x4x4x4xf32>
  %fill = linalg.fill ins(%start : f32) outs(%e : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %w = tensor.empty() : tensor<2x2xf32>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: the output is not a linalg.fill with a constant}}
  %0 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%arg0, %w : tensor<1x8x8x4xf32>, tensor<2x2xf32>) outs(%fill : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// An average over dynamic spatial sizes: the divisor cannot be checked.
// CHECK-LABEL: func.func @negative_dynamic_average(
// CHECK: linalg.pooling_nhwc_sum
func.func @negative_dynamic_average(%arg0: tensor<1x?x8x4xf32>, %e: tensor<1x?x6x4xf32>) -> tensor<1x?x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x?x6x4xf32>) -> tensor<1x?x6x4xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  // expected-remark @+1 {{raise-linalg-to-pool: left as linalg: the divisor cannot be checked at every output position (dynamic spatial sizes)}}
  %sum = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %w : tensor<1x?x8x4xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x?x6x4xf32>) -> tensor<1x?x6x4xf32>
  %nine = arith.constant 9.0 : f32
  %avg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x?x6x4xf32>) outs(%e : tensor<1x?x6x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %d = arith.divf %in, %nine : f32
    linalg.yield %d : f32
  } -> tensor<1x?x6x4xf32>
  return %avg : tensor<1x?x6x4xf32>
}

// -----

// tosa-to-linalg of an NCHW model: transposes around an NHWC pooling. The
// channels-first tensor is pooled directly (fold-transposes, the default).
// CHECK-LABEL: func.func @max_transposed_nchw(
// CHECK-SAME: %[[X:.*]]: tensor<1x8x56x56xf32>
// CHECK-NOT: linalg.transpose
// CHECK: %[[P:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>, layout = #pool.layout<channels_first>} : tensor<1x8x56x56xf32> -> tensor<1x8x28x28xf32>
// CHECK: %[[R:.*]] = linalg.generic {{.*}} ins(%[[P]] : tensor<1x8x28x28xf32>)
// CHECK-NOT: linalg.transpose
// CHECK: return %[[R]]
func.func @max_transposed_nchw(%arg0: tensor<1x8x56x56xf32>) -> tensor<1x8x28x28xf32> {
  %0 = tensor.empty() : tensor<1x56x56x8xf32>
  %transposed = linalg.transpose ins(%arg0 : tensor<1x8x56x56xf32>) outs(%0 : tensor<1x56x56x8xf32>) permutation = [0, 2, 3, 1]
  %cst = arith.constant -3.40282347E+38 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %padded = tensor.pad %transposed low[%c0, %c1, %c1, %c0] high[%c0, %c0, %c0, %c0] {
  ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
    tensor.yield %cst : f32
  } : tensor<1x56x56x8xf32> to tensor<1x57x57x8xf32>
  %1 = tensor.empty() : tensor<1x28x28x8xf32>
  %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<1x28x28x8xf32>) -> tensor<1x28x28x8xf32>
  %3 = tensor.empty() : tensor<3x3xf32>
  %4 = linalg.pooling_nhwc_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %3 : tensor<1x57x57x8xf32>, tensor<3x3xf32>) outs(%2 : tensor<1x28x28x8xf32>) -> tensor<1x28x28x8xf32>
  %5 = tensor.empty() : tensor<1x8x28x28xf32>
  %transposed_1 = linalg.transpose ins(%4 : tensor<1x28x28x8xf32>) outs(%5 : tensor<1x8x28x28xf32>) permutation = [0, 3, 1, 2]
  return %transposed_1 : tensor<1x8x28x28xf32>
}
// NOFOLD-LABEL: func.func @max_transposed_nchw(
// NOFOLD: linalg.transpose
// NOFOLD: pool.max %{{.*}} layout = #pool.layout<channels_last>
// NOFOLD: linalg.transpose

// -----

// torch-mlir's max_pool3d (NCDHW has no named op): a linalg.generic over
// (output, window) dims. ceil_mode's extra end padding folds into padding.
// CHECK-LABEL: func.func @max_ncdhw_generic(
// CHECK-SAME: %[[X:.*]]: tensor<1x3x10x10x10xf32>
// CHECK-NOT: linalg.
// CHECK: %[[R:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3, 3>, strides = array<i64: 3, 3, 3>, padding = array<i64: 0, 0, 0, 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x10x10x10xf32> -> tensor<1x3x4x4x4xf32>
// CHECK: return %[[R]]
#in3 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2 * 3 + d5, d3 * 3 + d6, d4 * 3 + d7)>
#win3 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>
#out3 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
func.func @max_ncdhw_generic(%arg0: tensor<1x3x10x10x10xf32>) -> tensor<1x3x4x4x4xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %padded = tensor.pad %arg0 low[0, 0, 0, 0, 0] high[0, 0, 2, 2, 2] {
  ^bb0(%a: index, %b: index, %c: index, %d: index, %e: index):
    tensor.yield %ninf : f32
  } : tensor<1x3x10x10x10xf32> to tensor<1x3x12x12x12xf32>
  %empty = tensor.empty() : tensor<1x3x4x4x4xf32>
  %fill = linalg.fill ins(%ninf : f32) outs(%empty : tensor<1x3x4x4x4xf32>) -> tensor<1x3x4x4x4xf32>
  %w = tensor.empty() : tensor<3x3x3xf32>
  %0 = linalg.generic {indexing_maps = [#in3, #win3, #out3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%padded, %w : tensor<1x3x12x12x12xf32>, tensor<3x3x3xf32>) outs(%fill : tensor<1x3x4x4x4xf32>) {
  ^bb0(%in: f32, %k: f32, %acc: f32):
    %m = arith.maximumf %in, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x3x4x4x4xf32>
  return %0 : tensor<1x3x4x4x4xf32>
}

// -----

// A generic whose window reads the kernel operand is a convolution, not a
// pooling: not matched, no remark.
// CHECK-LABEL: func.func @generic_reading_window(
// CHECK: linalg.generic
#in1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 + d3)>
#win1 = affine_map<(d0, d1, d2, d3) -> (d3)>
#out1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
func.func @generic_reading_window(%arg0: tensor<1x3x10xf32>, %w: tensor<3xf32>) -> tensor<1x3x8xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %empty = tensor.empty() : tensor<1x3x8xf32>
  %fill = linalg.fill ins(%ninf : f32) outs(%empty : tensor<1x3x8xf32>) -> tensor<1x3x8xf32>
  %0 = linalg.generic {indexing_maps = [#in1, #win1, #out1], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%arg0, %w : tensor<1x3x10xf32>, tensor<3xf32>) outs(%fill : tensor<1x3x8xf32>) {
  ^bb0(%in: f32, %k: f32, %acc: f32):
    %p = arith.mulf %in, %k : f32
    %m = arith.maximumf %p, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x3x8xf32>
  return %0 : tensor<1x3x8xf32>
}

// -----

// torch-mlir on dynamic shapes: linalg's output operand holds the output
// size; pool computes every window that fits and a slice keeps the
// operand's size.
// CHECK-LABEL: func.func @max_nchw_dynamic_spatial(
// CHECK-SAME: %[[X:.*]]: tensor<?x?x?x?xf32>, %[[INIT:.*]]: tensor<?x?x?x?xf32>
// CHECK: %[[P:.*]] = pool.max %[[X]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
// CHECK: %[[S:.*]] = tensor.extract_slice %[[P]][0, 0, 0, 0] [%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] [1, 1, 1, 1]
// CHECK: return %[[S]]
func.func @max_nchw_dynamic_spatial(%arg0: tensor<?x?x?x?xf32>, %init: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %ninf : f32
  } : tensor<?x?x?x?xf32> to tensor<?x?x?x?xf32>
  %fill = linalg.fill ins(%ninf : f32) outs(%init : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %w : tensor<?x?x?x?xf32>, tensor<3x3xf32>) outs(%fill : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
