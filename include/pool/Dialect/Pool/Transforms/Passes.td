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

#endif // POOL_DIALECT_POOL_TRANSFORMS_PASSES
