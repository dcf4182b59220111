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

/// Users that accept a more static operand type without changing.
static bool acceptsRefinedType(Operation *user) {
  return isa<PoolOpInterface, tensor::CastOp>(user);
}

static void refine(PoolOpInterface op) {
  // Look through a cast that only erases static sizes.
  OpOperand &inputOperand = op->getOpOperand(0);
  if (auto cast = inputOperand.get().getDefiningOp<tensor::CastOp>())
    if (tensor::preservesStaticInformation(cast.getType(),
                                           cast.getSource().getType()))
      inputOperand.set(cast.getSource());

  SmallVector<Type> inferred;
  if (failed(inferPoolResultTypes(std::nullopt, op.getSpec(),
                                  op.getInput().getType(), inferred)))
    return;
  Value result = op->getResult(0);
  auto oldType = cast<RankedTensorType>(result.getType());
  auto inferredType = cast<RankedTensorType>(inferred.front());
  if (failed(verifyCompatibleShape(oldType, inferredType)))
    return;
  RankedTensorType newType = joinTypes(oldType, inferredType);
  if (newType == oldType)
    return;

  result.setType(newType);
  if (llvm::all_of(result.getUsers(), acceptsRefinedType))
    return;
  OpBuilder builder(op->getContext());
  builder.setInsertionPointAfter(op);
  Value back = tensor::CastOp::create(builder, op.getLoc(), oldType, result);
  result.replaceUsesWithIf(back, [&](OpOperand &use) {
    return use.getOwner() != back.getDefiningOp() &&
           !acceptsRefinedType(use.getOwner());
  });
}

namespace {
struct PoolInferShapesPass
    : pool::impl::PoolInferShapesBase<PoolInferShapesPass> {
  void runOnOperation() override {
    getOperation()->walk([](PoolOpInterface op) { refine(op); });
  }
};
} // namespace
