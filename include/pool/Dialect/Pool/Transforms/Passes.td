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

def PoolLoopOrder : Pass<"pool-loop-order", "mlir::func::FuncOp"> {
  let summary = "Put the contiguous output dimension innermost in reductions";
  let description = [{
    Generalizes linalg named pooling ops and reorders the loops of every
    `linalg.generic` that has reduction dimensions so that the parallel
    dimension indexing the output's innermost (contiguous) dimension comes
    last, after the window dimensions: `(n, oh, ow, kh, kw, c)` for
    channels-last pooling, `(n, c, oh, kh, kw, ow)` for channels-first. The
    innermost loop then walks consecutive (or evenly strided) elements, which
    LLVM vectorizes, instead of a window of a few taps.

    Part of `--pool-to-llvm`; results are unchanged (the reduction order per
    output element is the same).
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

def PoolInlineAllocaScopes : Pass<"pool-inline-alloca-scopes"> {
  let summary = "Inline memref.alloca_scope ops that allocate nothing on "
                "the stack";
  let description = [{
    `convert-scf-to-openmp` wraps every parallel loop body in a
    `memref.alloca_scope`, whose region must stay a single block. The
    canonicalizer inlines such scopes only when they contain no operation
    that might allocate on the stack; a call (the deallocation helper that
    buffer deallocation emits for loops with several dynamic buffers) keeps
    the scope, and `convert-scf-to-cf` then breaks it. This pass inlines
    every scope whose body holds no `memref.alloca` outside nested scopes:
    calls cannot allocate in the caller's frame, so dropping the scope
    changes nothing. Part of `--pool-to-llvm` after the OpenMP conversion.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

#endif // POOL_DIALECT_POOL_TRANSFORMS_PASSES
