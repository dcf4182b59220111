//===- Passes.td - Pool dialect passes ---------------------*- tablegen -*-===//

#ifndef POOL_DIALECT_POOL_TRANSFORMS_PASSES
#define POOL_DIALECT_POOL_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

// Function passes: `--pool-infer-shapes` on a module nests under each
// `func.func`, and the functions are processed in parallel.
def PoolInferShapes : Pass<"pool-infer-shapes", "mlir::func::FuncOp"> {
  let summary = "Refine pool op result types to their inferred types";
  let description = [{
    A pool op's result type may be less static than the type its input and
    attributes imply (`tensor<?x?x?x?xf32>` for `tensor<1x64x56x56xf32>`).
    This pass walks each function in order and gives every pool op the most
    static type that agrees with both, so refined types flow from one pool
    op into the next:

    - a `tensor.cast` feeding a pool op that only erases static sizes is
      looked through;
    - pool ops and `tensor.cast` ops using a refined result take the new type
      as it is; any other user (`func.return`, a call, an op of another
      dialect) gets a `tensor.cast` back to the type it saw before, so the
      function's signature and foreign ops never change.

    ```mlir
    %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<?x?x?x?xf32>
    // becomes
    %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
    ```
  }];
  let dependentDialects = ["mlir::tensor::TensorDialect"];
}

def RaiseLinalgToPool : Pass<"raise-linalg-to-pool", "mlir::func::FuncOp"> {
  let summary = "Replace the linalg pooling idioms frontends emit by pool ops";
  let description = [{
    Producers emit pooling as `[tensor.pad] -> linalg.pooling_<layout>_max`
    or `_sum` (outs: a `linalg.fill`), an average then dividing the sum in a
    `linalg.generic` (what `tosa-to-linalg-named` and torch-mlir's
    `TorchToLinalg` emit). This pass replaces such chains by `pool.max` /
    `pool.avg` where they are provably equal, matched on meaning:

    - `linalg.pooling_{nwc,ncw,nhwc,nchw,ndhwc}_max`: the fill value starts
      every window. `-inf` (the signed minimum for integers) is pool.max's
      own; any other constant `c` (tosa-to-linalg's `-FLT_MAX`) becomes an
      elementwise max with `c` after the pool op. A `tensor.pad` of the
      spatial dimensions whose value is `-inf` or `c` folds into the padding.
    - `linalg.pooling_{nwc,ncw,nhwc,nchw,ndhwc}_sum` from a `+0.0` fill, with
      a single user: a `linalg.generic` yielding the sum divided by a divisor
      computed from constants, `tensor.dim` of static shapes and
      `linalg.index` (optionally `arith.truncf` to the input type). The
      divisor is evaluated at every output position of the static shape and
      compared with pool.avg's divisor for `count_include_pad = false` and
      `true`; a `+0.0` pad folds into the padding. f16/bf16 sums must
      accumulate in f32, as pool.avg does.
    - a `linalg.generic` of the same structure (loops: output dims, then
      window dims as reductions; input map `o_i * s_i + k_i * d_i`; a
      `maximumf`/`maxsi`/`addf` body), as torch-mlir emits for NCDHW;
    - a dynamic spatial output size (max): every window that fits, sliced
      to the sizes of linalg's output operand;
    - pool's padding must stay smaller than the window span, and the window
      geometry pool infers must give linalg's output size (or more, then a
      `tensor.extract_slice` keeps linalg's leading outputs).
    - `fold-transposes`: a channels-last pooling of a `linalg.transpose`
      from channels-first data (what tosa-to-linalg makes of NCHW models)
      pools the channels-first tensor directly; uses through the inverse
      transpose take the result as it is.

    Declines leave the IR unchanged, with a remark on the linalg op naming
    the reason: unsigned and min pooling, a fill that is not a constant, an
    integer sum, an f16 accumulator, a divisor that differs from pool's at
    some output position (or that is not index arithmetic), dynamic spatial
    sizes for an average, an output smaller than the windows that fit.
  }];
  let options = [
    Option<"foldTransposes", "fold-transposes", "bool", /*default=*/"true",
           "Pool channels-first data behind a linalg.transpose directly">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::pool::PoolDialect",
    "mlir::tensor::TensorDialect",
  ];
}

#endif // POOL_DIALECT_POOL_TRANSFORMS_PASSES
