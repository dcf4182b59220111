//===- InferShapes.cpp - Refine pool op result types ----------------------===//

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Transforms/Passes.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLINFERSHAPES
#include "pool/Dialect/Pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

/// The most static type that agrees with two compatible tensor types.
static RankedTensorType joinTypes(RankedTensorType a, RankedTensorType b) {
  SmallVector<int64_t> shape;
  for (auto [x, y] : llvm::zip_equal(a.getShape(), b.getShape()))
    shape.push_back(ShapedType::isDynamic(x) ? y : x);
  return RankedTensorType::get(shape, a.getElementType(), a.getEncoding());
}

/// The type `op` infers for its result with an input of type `inputType`.
static FailureOr<RankedTensorType> inferWithInput(PoolOpInterface op,
                                                  Type inputType) {
  SmallVector<Type> inferred;
  if (failed(inferPoolResultTypes(std::nullopt, op.getSpec(), inputType,
                                  inferred)))
    return failure();
  return cast<RankedTensorType>(inferred.front());
}

/// Whether `user` stays valid, unchanged, when its operand takes `type`: a
/// pool op whose result type still agrees with what it then infers, or a
/// cast that is still compatible.
static bool acceptsRefinedType(Operation *user, RankedTensorType type) {
  if (auto pool = dyn_cast<PoolOpInterface>(user)) {
    FailureOr<RankedTensorType> inferred = inferWithInput(pool, type);
    return succeeded(inferred) && succeeded(verifyCompatibleShape(
                                      *inferred, pool->getResult(0).getType()));
  }
  if (auto cast = dyn_cast<tensor::CastOp>(user))
    return tensor::CastOp::areCastCompatible(type, cast.getType());
  return false;
}

static void refine(PoolOpInterface op) {
  // Look through a cast that only erases static sizes, when the pool op
  // stays valid on the cast's source.
  OpOperand &inputOperand = op->getOpOperand(0);
  Value result = op->getResult(0);
  auto oldType = cast<RankedTensorType>(result.getType());
  if (auto cast = inputOperand.get().getDefiningOp<tensor::CastOp>()) {
    FailureOr<RankedTensorType> inferred =
        inferWithInput(op, cast.getSource().getType());
    if (tensor::preservesStaticInformation(cast.getType(),
                                           cast.getSource().getType()) &&
        succeeded(inferred) &&
        succeeded(verifyCompatibleShape(*inferred, oldType)))
      inputOperand.set(cast.getSource());
  }

  FailureOr<RankedTensorType> inferred =
      inferWithInput(op, op.getInput().getType());
  if (failed(inferred) || failed(verifyCompatibleShape(oldType, *inferred)))
    return;
  RankedTensorType newType = joinTypes(oldType, *inferred);
  if (newType == oldType)
    return;

  SmallVector<OpOperand *> needOldType;
  for (OpOperand &use : result.getUses())
    if (!acceptsRefinedType(use.getOwner(), newType))
      needOldType.push_back(&use);
  result.setType(newType);
  if (needOldType.empty())
    return;
  OpBuilder builder(op->getContext());
  builder.setInsertionPointAfter(op);
  Value back = tensor::CastOp::create(builder, op.getLoc(), oldType, result);
  for (OpOperand *use : needOldType)
    use->set(back);
}

namespace {
struct PoolInferShapesPass
    : pool::impl::PoolInferShapesBase<PoolInferShapesPass> {
  void runOnOperation() override {
    getOperation()->walk([](PoolOpInterface op) { refine(op); });
  }
};
} // namespace
