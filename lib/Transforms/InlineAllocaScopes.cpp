//===- InlineAllocaScopes.cpp - Drop alloca scopes without allocas -------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLINLINEALLOCASCOPES
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;

/// Whether `scope` holds a stack allocation of its own (nested scopes free
/// theirs).
static bool allocatesOnStack(memref::AllocaScopeOp scope) {
  return scope
      ->walk<WalkOrder::PreOrder>([&](Operation *op) {
        if (op != scope && isa<memref::AllocaScopeOp>(op))
          return WalkResult::skip();
        return isa<memref::AllocaOp>(op) ? WalkResult::interrupt()
                                         : WalkResult::advance();
      })
      .wasInterrupted();
}

namespace {
struct PoolInlineAllocaScopesPass
    : pool::impl::PoolInlineAllocaScopesBase<PoolInlineAllocaScopesPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation()->walk([&](memref::AllocaScopeOp scope) {
      if (!allocatesOnStack(scope))
        scopes.push_back(scope);
    });
    IRRewriter rewriter(&getContext());
    // Innermost first (post-order walk): an outer scope is inlined after
    // the scopes it holds.
    for (memref::AllocaScopeOp scope : scopes) {
      Block *body = &scope.getBodyRegion().front();
      auto terminator =
          cast<memref::AllocaScopeReturnOp>(body->getTerminator());
      SmallVector<Value> results = terminator.getResults();
      rewriter.inlineBlockBefore(body, scope);
      rewriter.replaceOp(scope, results);
      rewriter.eraseOp(terminator);
    }
  }
};
} // namespace
