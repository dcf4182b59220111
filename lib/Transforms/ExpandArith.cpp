//===- ExpandArith.cpp - arith-expand that keeps nnan maxnumf/minnumf -----===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLEXPANDARITH
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;

/// Whether `op` promises no NaN operand: LLVM lowers it to one instruction.
static bool hasNoNaNs(arith::ArithFastMathInterface op) {
  return arith::bitEnumContainsAll(op.getFastMathFlagsAttr().getValue(),
                                   arith::FastMathFlags::nnan);
}

namespace {
struct PoolExpandArithPass
    : pool::impl::PoolExpandArithBase<PoolExpandArithPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    arith::populateArithExpandOpsPatterns(patterns);
    arith::populateExpandBFloat16Patterns(patterns);
    ConversionTarget target(*ctx);
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    target
        .addIllegalOp<arith::CeilDivSIOp, arith::CeilDivUIOp,
                      arith::FloorDivSIOp, arith::MaximumFOp, arith::MinimumFOp,
                      arith::ScalingExtFOp, arith::ScalingTruncFOp>();
    target.addDynamicallyLegalOp<arith::MaxNumFOp, arith::MinNumFOp>(
        [](Operation *op) {
          return hasNoNaNs(cast<arith::ArithFastMathInterface>(op));
        });
    target.addDynamicallyLegalOp<arith::ExtFOp>([](arith::ExtFOp op) {
      return !(getElementTypeOrSelf(op.getIn().getType()).isBF16() &&
               getElementTypeOrSelf(op.getType()).isF32());
    });
    target.addDynamicallyLegalOp<arith::TruncFOp>([](arith::TruncFOp op) {
      return !(getElementTypeOrSelf(op.getIn().getType()).isF32() &&
               getElementTypeOrSelf(op.getType()).isBF16());
    });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
