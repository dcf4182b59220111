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
/// f32 -> bf16 rounding to nearest even, NaN to the quiet NaN 0x7fc0 (as
/// upstream's bf16 expansion and PyTorch's round_to_nearest_even do), with
/// the NaN select on the 32-bit integers. Upstream selects between bf16
/// vectors, which LLVM's x86 backend scalarizes without AVX512-BF16: eight
/// compares, extracts and 16-bit stores per ymm (avg 3x3/2 over
/// 16x64x56x56 bf16, docs/performance.md).
struct TruncFToBF16 : OpRewritePattern<arith::TruncFOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(arith::TruncFOp op,
                                PatternRewriter &rewriter) const override {
    Type inType = op.getIn().getType(), outType = op.getType();
    if (!getElementTypeOrSelf(inType).isF32() ||
        !getElementTypeOrSelf(outType).isBF16())
      return failure();
    // Scalars and vectors with the default rounding; the rest go to
    // upstream's pattern.
    if (!isa<FloatType, VectorType>(inType))
      return failure();
    if (std::optional<arith::RoundingMode> mode = op.getRoundingmode();
        mode && *mode != arith::RoundingMode::to_nearest_even)
      return failure();
    Location loc = op.getLoc();
    auto like = [&](Type elem) -> Type {
      if (auto vec = dyn_cast<VectorType>(inType))
        return vec.clone(elem);
      return elem;
    };
    Type i32 = like(rewriter.getI32Type()), i16 = like(rewriter.getI16Type());
    auto splat = [&](int64_t v) -> Value {
      TypedAttr attr = rewriter.getI32IntegerAttr(v);
      if (auto vec = dyn_cast<VectorType>(i32))
        attr = SplatElementsAttr::get(vec, attr);
      return arith::ConstantOp::create(rewriter, loc, i32, attr);
    };
    Value quietNaN = splat(0x7fc00000), c16 = splat(16), c1 = splat(1),
          c7fff = splat(0x7fff);
    // NaN inputs become 0x7fc00000 first, which rounds to 0x7fc0. The
    // select has two uses, so LLVM's InstCombine cannot push it past the
    // shifts and casts onto the bf16 vector.
    Value bits = arith::BitcastOp::create(rewriter, loc, i32, op.getIn());
    Value isNaN = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::UNO, op.getIn(), op.getIn());
    Value x = arith::SelectOp::create(rewriter, loc, isNaN, quietNaN, bits);
    Value lsb = arith::AndIOp::create(
        rewriter, loc, arith::ShRUIOp::create(rewriter, loc, x, c16), c1);
    Value rounded = arith::AddIOp::create(
        rewriter, loc, arith::AddIOp::create(rewriter, loc, x, c7fff), lsb);
    Value high = arith::ShRUIOp::create(rewriter, loc, rounded, c16);
    Value half = arith::TruncIOp::create(rewriter, loc, i16, high);
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(op, outType, half);
    return success();
  }
};

struct PoolExpandArithPass
    : pool::impl::PoolExpandArithBase<PoolExpandArithPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    arith::populateArithExpandOpsPatterns(patterns);
    patterns.add<TruncFToBF16>(ctx, /*benefit=*/2);
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
