//===- LoopOrder.cpp - Contiguous dimension innermost in reductions -------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLLOOPORDER
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;

/// The loop order that puts every reduction dimension before the parallel
/// dimension indexing the output's last dimension, or nothing when the op
/// has no reduction or already has that order.
static std::optional<SmallVector<unsigned>>
getVectorFriendlyOrder(linalg::GenericOp op) {
  if (op.getNumReductionLoops() == 0 || op.getNumDpsInits() != 1)
    return std::nullopt;
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (outMap.getNumResults() == 0)
    return std::nullopt;
  auto last = dyn_cast<AffineDimExpr>(outMap.getResults().back());
  if (!last)
    return std::nullopt;
  unsigned inner = last.getPosition();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<unsigned> order;
  for (unsigned d = 0, e = iterators.size(); d < e; ++d)
    if (d != inner && iterators[d] == utils::IteratorType::parallel)
      order.push_back(d);
  for (unsigned d = 0, e = iterators.size(); d < e; ++d)
    if (iterators[d] == utils::IteratorType::reduction)
      order.push_back(d);
  order.push_back(inner);
  if (llvm::equal(order, llvm::seq<unsigned>(0, order.size())))
    return std::nullopt;
  return order;
}

namespace {
struct PoolLoopOrderPass : pool::impl::PoolLoopOrderBase<PoolLoopOrderPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::LinalgOp> pooling;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (isa<linalg::PoolingNcwMaxOp, linalg::PoolingNcwSumOp,
              linalg::PoolingNwcMaxOp, linalg::PoolingNwcSumOp,
              linalg::PoolingNchwMaxOp, linalg::PoolingNchwSumOp,
              linalg::PoolingNhwcMaxOp, linalg::PoolingNhwcSumOp,
              linalg::PoolingNdhwcMaxOp, linalg::PoolingNdhwcSumOp>(
              op.getOperation()))
        pooling.push_back(op);
    });
    for (linalg::LinalgOp op : pooling) {
      rewriter.setInsertionPoint(op);
      (void)linalg::generalizeNamedOp(rewriter, op);
    }
    SmallVector<linalg::GenericOp> generics;
    getOperation()->walk([&](linalg::GenericOp op) { generics.push_back(op); });
    for (linalg::GenericOp op : generics) {
      std::optional<SmallVector<unsigned>> order = getVectorFriendlyOrder(op);
      if (!order)
        continue;
      rewriter.setInsertionPoint(op);
      (void)linalg::interchangeGenericOp(rewriter, op, *order);
    }
  }
};
} // namespace
