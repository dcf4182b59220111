//===- Passes.td - Passes on lowered pool IR ---------------*- tablegen -*-===//
//
// Passes that run on what the pool lowerings produce (linalg, memref and
// OpenMP IR), never on pool ops; the pipelines schedule them.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_TRANSFORMS_PASSES
#define POOL_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

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

#endif // POOL_TRANSFORMS_PASSES
