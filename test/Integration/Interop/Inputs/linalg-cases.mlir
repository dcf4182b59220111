// linalg pooling as torch-mlir's TorchToLinalg (Pooling.cpp) emits it: NCHW
// and NCW named ops, -inf padding and fill for max, a zero pad and a
// division for averages. differential.py raise-linalg runs each function as
// it is and after raise-linalg-to-pool.

// max_pool2d(kernel 3, stride 2, padding 1), ResNet stem.
func.func @max_nchw_torch(%arg0: tensor<1x4x16x16xf32>) -> tensor<1x4x8x8xf32> {
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

// max_pool1d(kernel 2, stride 2, dilation 3).
func.func @max_ncw_dilated(%arg0: tensor<2x3x20xf32>) -> tensor<2x3x8xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x3x8xf32>
  %fill = linalg.fill ins(%ninf : f32) outs(%e : tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  %w = tensor.empty() : tensor<2xf32>
  %0 = linalg.pooling_ncw_max {dilations = dense<3> : vector<1xi64>, strides = dense<2> : vector<1xi64>} ins(%arg0, %w : tensor<2x3x20xf32>, tensor<2xf32>) outs(%fill : tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}

// avg_pool2d(kernel 3, stride 2, padding 1, count_include_pad = true): a
// constant divisor.
func.func @avg_nchw_include_pad(%arg0: tensor<1x4x15x15xf32>) -> tensor<1x4x8x8xf32> {
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

// avg_pool2d(count_include_pad = false): the divisor counts the real
// elements of each window, computed from linalg.index.
func.func @avg_nchw_exclude_pad(%arg0: tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x2x7x7xf32> to tensor<1x2x9x9xf32>
  %e = tensor.empty() : tensor<1x2x4x4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  %sum = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %w : tensor<1x2x9x9xf32>, tensor<3x3xf32>) outs(%fill : tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %out = tensor.empty() : tensor<1x2x4x4xf32>
  %avg = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x2x4x4xf32>) outs(%out : tensor<1x2x4x4xf32>) {
  ^bb0(%in: f32, %o: f32):
    // Per dimension: min(start + 3, 7) - max(start, 0), start = 2 o - 1.
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c7 = arith.constant 7 : index
    %oh = linalg.index 2 : index
    %ow = linalg.index 3 : index
    %sh0 = arith.muli %oh, %c2 : index
    %sh = arith.subi %sh0, %c1 : index
    %eh0 = arith.addi %sh, %c3 : index
    %eh = arith.minsi %eh0, %c7 : index
    %bh = arith.maxsi %sh, %c0 : index
    %nh = arith.subi %eh, %bh : index
    %sw0 = arith.muli %ow, %c2 : index
    %sw = arith.subi %sw0, %c1 : index
    %ew0 = arith.addi %sw, %c3 : index
    %ew = arith.minsi %ew0, %c7 : index
    %bw = arith.maxsi %sw, %c0 : index
    %nw = arith.subi %ew, %bw : index
    %count = arith.muli %nh, %nw : index
    %ci = arith.index_cast %count : index to i64
    %cf = arith.sitofp %ci : i64 to f32
    %d = arith.divf %in, %cf : f32
    linalg.yield %d : f32
  } -> tensor<1x2x4x4xf32>
  return %avg : tensor<1x2x4x4xf32>
}

// max_pool3d(kernel 3, stride 3, ceil_mode = true) as a linalg.generic
// (NCDHW has no named op), with ceil_mode's end padding.
func.func @max_ncdhw_generic_ceil(%arg0: tensor<1x3x10x10x10xf32>) -> tensor<1x3x4x4x4xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %padded = tensor.pad %arg0 low[0, 0, 0, 0, 0] high[0, 0, 2, 2, 2] {
  ^bb0(%a: index, %b: index, %c: index, %d: index, %e: index):
    tensor.yield %ninf : f32
  } : tensor<1x3x10x10x10xf32> to tensor<1x3x12x12x12xf32>
  %empty = tensor.empty() : tensor<1x3x4x4x4xf32>
  %fill = linalg.fill ins(%ninf : f32) outs(%empty : tensor<1x3x4x4x4xf32>) -> tensor<1x3x4x4x4xf32>
  %w = tensor.empty() : tensor<3x3x3xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2 * 3 + d5, d3 * 3 + d6, d4 * 3 + d7)>, affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>, affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%padded, %w : tensor<1x3x12x12x12xf32>, tensor<3x3x3xf32>) outs(%fill : tensor<1x3x4x4x4xf32>) {
  ^bb0(%in: f32, %k: f32, %acc: f32):
    %m = arith.maximumf %in, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x3x4x4x4xf32>
  return %0 : tensor<1x3x4x4x4xf32>
}
