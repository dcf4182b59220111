//===- LoweringUtils.cpp - Helpers shared by the pool lowerings -----------===//

#include "pool/Dialect/Pool/Utils/LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::pool;

void mlir::pool::replacePoolOp(RewriterBase &rewriter, Operation *op,
                               Value result) {
  Type resultType = op->getResult(0).getType();
  if (result.getType() != resultType)
    result = tensor::CastOp::create(rewriter, op->getLoc(), resultType, result);
  rewriter.replaceOp(op, result);
}

Type mlir::pool::getPoolAccumulatorType(Type elemType) {
  if (isa<FloatType>(elemType) && elemType.getIntOrFloatBitWidth() < 32)
    return Float32Type::get(elemType.getContext());
  return elemType;
}

Value mlir::pool::createPoolNeutral(OpBuilder &b, Location loc, Type type,
                                    bool isMax) {
  if (auto floatType = dyn_cast<FloatType>(type)) {
    const llvm::fltSemantics &sem = floatType.getFloatSemantics();
    APFloat value =
        isMax ? APFloat::getInf(sem, /*Negative=*/true) : APFloat::getZero(sem);
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(floatType, value));
  }
  unsigned width = type.getIntOrFloatBitWidth();
  APInt value = isMax ? APInt::getSignedMinValue(width) : APInt::getZero(width);
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

//===----------------------------------------------------------------------===//
// Run-time shape checks
//===----------------------------------------------------------------------===//

void mlir::pool::emitPoolShapeChecks(OpBuilder &b, Location loc,
                                     const PoolSpec &spec,
                                     ArrayRef<Value> inSizes) {
  IndexArith ia(b, loc);
  SmallVector<WindowDim> windows;
  if (spec.isLocal())
    windows = getWindowDims(spec);
  StringRef name = getPoolOpName(spec.kind);
  for (auto [i, in] : llvm::enumerate(inSizes)) {
    if (getConstantIntValue(in))
      continue;
    Value cond =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, in, ia.cst(1));
    std::string message;
    if (spec.isLocal()) {
      // The window must fit in the padded input.
      const WindowDim &w = windows[i];
      Value padded = ia.add(ia.add(in, computePadBegin(ia, in, w)),
                            computePadEnd(ia, in, w));
      Value fits = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge,
                                         padded, ia.cst(w.span));
      cond = arith::AndIOp::create(b, loc, fits, cond);
      message = (Twine(name) + ": input spatial dimension " + Twine(i) +
                 " is smaller than the window (span " + Twine(w.span) +
                 " including padding) at run time")
                    .str();
    } else {
      message = (Twine(name) + ": input spatial dimension " + Twine(i) +
                 " is empty at run time")
                    .str();
    }
    cf::AssertOp::create(b, loc, cond, message);
  }
}

SmallVector<int64_t> mlir::pool::getLayoutPermutation(int64_t rank,
                                                      bool toChannelsLast) {
  SmallVector<int64_t> perm = {0};
  if (toChannelsLast) {
    for (int64_t d = 2; d < rank; ++d)
      perm.push_back(d);
    perm.push_back(1);
  } else {
    perm.push_back(rank - 1);
    for (int64_t d = 1; d < rank - 1; ++d)
      perm.push_back(d);
  }
  return perm;
}

Value mlir::pool::castToType(OpBuilder &b, Location loc, Value value,
                             Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}
