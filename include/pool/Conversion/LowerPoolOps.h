//===- LowerPoolOps.h - Drive a pool lowering's patterns --------*- C++ -*-===//
//
// What every conversion out of the pool dialect does once its patterns are
// populated: apply them to the pool ops present (not to what they create)
// and report, as an error on the op, any pool op that no pattern took.
// Results with a static zero dimension hold no element: they become empty
// tensors first, so that no lowering slices a zero-sized dimension (which
// tensor.extract_slice rejects even at offset 0 with size 0).
//
//===----------------------------------------------------------------------===//

#ifndef POOL_CONVERSION_LOWERPOOLOPS_H
#define POOL_CONVERSION_LOWERPOOLOPS_H

#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::pool {

/// Applies `patterns` to the pool ops under `root`; fails, with
/// "could not be lowered to <what>" on the first op left, when one stays.
inline LogicalResult lowerPoolOps(Operation *root, RewritePatternSet &&patterns,
                                  StringRef what) {
  SmallVector<Operation *> ops;
  IRRewriter rewriter(root->getContext());
  root->walk([&](PoolOpInterface op) {
    SmallVector<Type> inferred;
    if (failed(inferPoolResultTypes(std::nullopt, op.getSpec(),
                                    op.getInput().getType(), inferred)) ||
        !llvm::is_contained(cast<ShapedType>(inferred.front()).getShape(), 0)) {
      ops.push_back(op);
      return;
    }
    rewriter.setInsertionPoint(op);
    ReifiedRankedShapedTypeDims shapes;
    if (failed(reifyPoolResultShapes(rewriter, op, shapes))) {
      ops.push_back(op);
      return;
    }
    Type type = op->getResult(0).getType();
    Value empty =
        tensor::EmptyOp::create(rewriter, op.getLoc(), shapes.front(),
                                cast<ShapedType>(type).getElementType());
    if (empty.getType() != type)
      empty = tensor::CastOp::create(rewriter, op.getLoc(), type, empty);
    rewriter.replaceOp(op, empty);
  });
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingOps);
  if (failed(applyOpPatternsGreedily(ops, std::move(patterns), config)))
    return failure();
  WalkResult left = root->walk([&](PoolOpInterface op) {
    op.emitOpError("could not be lowered to ") << what;
    return WalkResult::interrupt();
  });
  return failure(left.wasInterrupted());
}

} // namespace mlir::pool

#endif // POOL_CONVERSION_LOWERPOOLOPS_H
