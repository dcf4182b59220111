//===- LowerPoolOps.h - Drive a pool lowering's patterns --------*- C++ -*-===//
//
// What every conversion out of the pool dialect does once its patterns are
// populated: apply them to the pool ops present (not to what they create)
// and report, as an error on the op, any pool op that no pattern took.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_CONVERSION_LOWERPOOLOPS_H
#define POOL_CONVERSION_LOWERPOOLOPS_H

#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::pool {

/// Applies `patterns` to the pool ops under `root`; fails, with
/// "could not be lowered to <what>" on the first op left, when one stays.
inline LogicalResult lowerPoolOps(Operation *root, RewritePatternSet &&patterns,
                                  StringRef what) {
  SmallVector<Operation *> ops;
  root->walk([&](PoolOpInterface op) { ops.push_back(op); });
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
