//===- AffineVectorize.cpp - Selective use of the affine vectorizer -------===//
//
// Picks the innermost affine loops whose vectorization upstream's
// vectorizer gets right (contiguous or invariant accesses, whole last
// dimensions, recognized reductions) and vectorizes each with
// affine::vectorizeAffineLoopNest.
//
//===----------------------------------------------------------------------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/AffineExpr.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLAFFINEVECTORIZE
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;

/// Whether the access `map(operands)` of a memref of type `type` is
/// invariant in `iv` or contiguous along it: `iv` only in the last
/// subscript, with coefficient 1, and that dimension's static size equal to
/// the loop's trip count `trip`.
static bool isVectorizableAccess(AffineMap map, ValueRange operands,
                                 MemRefType type, Value iv, int64_t trip) {
  std::optional<unsigned> position;
  for (auto [i, operand] : llvm::enumerate(operands))
    if (operand == iv)
      position = i;
  if (!position)
    return true;
  if (*position >= map.getNumDims())
    return false;
  MLIRContext *ctx = map.getContext();
  AffineExpr d = getAffineDimExpr(*position, ctx);
  unsigned last = map.getNumResults() - 1;
  for (unsigned r = 0; r < last; ++r)
    if (map.getResult(r).isFunctionOfDim(*position))
      return false;
  AffineExpr rest = simplifyAffineExpr(map.getResult(last) - d,
                                       map.getNumDims(), map.getNumSymbols());
  if (rest.isFunctionOfDim(*position))
    return false;
  // The loop covers the whole dimension from its start: the rest must be 0.
  auto zero = dyn_cast<AffineConstantExpr>(rest);
  return zero && zero.getValue() == 0 && type.getRank() > 0 &&
         type.getDimSize(type.getRank() - 1) == trip;
}

/// Whether `loop` is one that upstream's vectorizer gets right, and its
/// reductions.
static bool isVectorizableLoop(affine::AffineForOp loop,
                               SmallVectorImpl<affine::LoopReduction> &red) {
  if (loop.getStepAsInt() != 1 || !loop.hasConstantLowerBound() ||
      loop.getConstantLowerBound() != 0)
    return false;
  if (!loop.hasConstantUpperBound() || loop.getConstantUpperBound() < 2)
    return false;
  std::optional<int64_t> trip = loop.getConstantUpperBound();
  bool innermost = true, accessesOk = true;
  Value iv = loop.getInductionVar();
  loop.getBody()->walk([&](Operation *op) {
    if (isa<affine::AffineForOp, affine::AffineIfOp, affine::AffineParallelOp>(
            op))
      innermost = false;
    if (auto read = dyn_cast<affine::AffineLoadOp>(op))
      accessesOk &=
          isVectorizableAccess(read.getAffineMap(), read.getMapOperands(),
                               read.getMemRefType(), iv, *trip);
    else if (auto write = dyn_cast<affine::AffineStoreOp>(op))
      accessesOk &=
          isVectorizableAccess(write.getAffineMap(), write.getMapOperands(),
                               write.getMemRefType(), iv, *trip);
    else if (isa<memref::LoadOp, memref::StoreOp>(op))
      accessesOk = false;
  });
  if (!innermost || !accessesOk)
    return false;
  if (!affine::isLoopParallel(loop, &red))
    return false;
  return red.size() == loop.getNumIterOperands();
}

namespace {
struct PoolAffineVectorizePass
    : public pool::impl::PoolAffineVectorizeBase<PoolAffineVectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    if (vectorSize < 1) {
      getOperation().emitError()
          << "pool-affine-vectorize: vector-size must be positive, got "
          << int64_t(vectorSize);
      return signalPassFailure();
    }
    SmallVector<affine::AffineForOp> candidates;
    getOperation().walk(
        [&](affine::AffineForOp loop) { candidates.push_back(loop); });
    for (affine::AffineForOp loop : candidates) {
      SmallVector<affine::LoopReduction> reductions;
      if (!isVectorizableLoop(loop, reductions))
        continue;
      affine::VectorizationStrategy strategy;
      strategy.vectorSizes.push_back(vectorSize);
      strategy.loopToVectorDim[loop] = 0;
      if (!reductions.empty())
        strategy.reductionLoops[loop] = reductions;
      std::vector<SmallVector<affine::AffineForOp, 2>> nest = {{loop}};
      // A loop the vectorizer declines stays scalar.
      (void)affine::vectorizeAffineLoopNest(nest, strategy);
    }
  }
};
} // namespace
