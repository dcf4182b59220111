//===- TosaToPool.cpp - Raise TOSA pooling to pool ops --------------------===//
//
// `tosa.max_pool2d` / `tosa.avg_pool2d` (NHWC, pad = [top, bottom, left,
// right], floor-mode output with exact divisibility) become `pool.max` /
// `pool.avg` with the same semantics:
//
// - TOSA's padding never takes part: max ignores it, avg divides by the
//   number of real elements; that is pool's explicit padding with
//   `count_include_pad = false`.
// - A `tosa.transpose` NCHW -> NHWC on the input (perms [0, 2, 3, 1]) makes
//   the pool op channels-first on the transpose's input; uses of the result
//   through the inverse transpose (perms [0, 3, 1, 2]) take the pool result
//   directly, any other use gets one transpose back.
// - A `tosa.pad` of the spatial dimensions folds into the pool padding when
//   that is exact: a pad value of -inf (the signed minimum for integers) for
//   max; a pad value of +0.0 for an average without padding of its own,
//   which then counts the padding (`count_include_pad = true`). Any other pad
//   stays as data in front of the pool op, which is still exact.
//
// What pool cannot express exactly stays TOSA, with a remark that says why.
//
//===----------------------------------------------------------------------===//

#include "pool/Conversion/TosaToPool/TosaToPool.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Utils/LoweringUtils.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::pool {
#define GEN_PASS_DEF_CONVERTTOSATOPOOL
#include "pool/Conversion/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

namespace {

/// tosa.transpose's NCHW -> NHWC ([0, 2, 3, 1]) or NHWC -> NCHW perms.
static SmallVector<int32_t> getTosaPerms(bool toChannelsLast) {
  SmallVector<int32_t> perms;
  for (int64_t p : getLayoutPermutation(4, toChannelsLast))
    perms.push_back(static_cast<int32_t>(p));
  return perms;
}

/// What the rewrite of one TOSA pooling op builds.
struct TosaPoolPlan {
  bool isMax = true;
  Value input;
  Layout layout = Layout::ChannelsLast;
  SmallVector<int64_t> kernel, strides;
  /// TOSA order: [top, bottom, left, right].
  SmallVector<int64_t> pad;
  bool countIncludePad = false;
  RankedTensorType resultType;
};

struct TosaToPoolOptions {
  bool foldTransposes = true;
  bool foldPads = true;
};
} // namespace

/// The spatial padding [top, bottom, left, right] of `pad` applied to a 4-D
/// tensor in `layout`, if it pads nothing else, by nothing negative, with
/// the constant that makes it vanish into the pool op (see the file comment).
static std::optional<SmallVector<int64_t>>
matchFoldablePad(tosa::PadOp pad, Layout layout, bool isMax) {
  auto shape = pad.getPadding().getDefiningOp<tosa::ConstShapeOp>();
  if (!shape)
    return std::nullopt;
  SmallVector<int64_t> amounts;
  for (const APInt &v : cast<DenseIntElementsAttr>(shape.getValues()))
    amounts.push_back(v.getSExtValue());
  if (amounts.size() != 8 ||
      llvm::any_of(amounts, [](int64_t a) { return a < 0; }))
    return std::nullopt;
  int64_t h = getSpatialDim(layout, 0), w = getSpatialDim(layout, 1);
  for (int64_t d = 0; d < 4; ++d)
    if (d != h && d != w && (amounts[2 * d] || amounts[2 * d + 1]))
      return std::nullopt;

  DenseElementsAttr value;
  if (!matchPattern(pad.getPadConst(), m_Constant(&value)) || !value.isSplat())
    return std::nullopt;
  Type elem = value.getElementType();
  bool neutral = false;
  if (isa<FloatType>(elem)) {
    APFloat f = value.getSplatValue<APFloat>();
    neutral = isMax ? f.isInfinity() && f.isNegative()
                    : f.isZero() && !f.isNegative();
  } else if (isMax && isa<IntegerType>(elem)) {
    neutral = value.getSplatValue<APInt>().isMinSignedValue();
  }
  if (!neutral)
    return std::nullopt;
  return SmallVector<int64_t>{amounts[2 * h], amounts[2 * h + 1],
                              amounts[2 * w], amounts[2 * w + 1]};
}

static bool isPoolElementType(Type elem, bool isMax) {
  if (elem.isF16() || elem.isBF16() || elem.isF32() || elem.isF64())
    return true;
  return isMax && elem.isSignlessInteger() && elem.getIntOrFloatBitWidth() > 1;
}

static FailureOr<TosaPoolPlan> planTosaPool(Operation *op,
                                            const TosaToPoolOptions &options,
                                            std::string &why) {
  TosaPoolPlan plan;
  plan.isMax = isa<tosa::MaxPool2dOp>(op);
  auto inType = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  auto outType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!inType || !outType || inType.getRank() != 4) {
    why = "unranked tensors";
    return failure();
  }
  Type elem = inType.getElementType();
  if (!isPoolElementType(elem, plan.isMax)) {
    llvm::raw_string_ostream os(why);
    if (!plan.isMax && isa<IntegerType>(elem))
      os << "an integer average (TOSA rounds a quantized average; pool.avg "
            "averages floats)";
    else
      os << "element type " << elem << " (pool supports f16, bf16, f32, f64"
         << (plan.isMax ? " and signless integers)" : ")");
    return failure();
  }
  if (auto max = dyn_cast<tosa::MaxPool2dOp>(op)) {
    if (max.getNanMode() == tosa::NanPropagationMode::IGNORE &&
        isa<FloatType>(elem)) {
      why = "nan_mode = IGNORE (pool.max propagates NaN)";
      return failure();
    }
    plan.kernel = llvm::to_vector(max.getKernel());
    plan.strides = llvm::to_vector(max.getStride());
    plan.pad = llvm::to_vector(max.getPad());
  } else {
    auto avg = cast<tosa::AvgPool2dOp>(op);
    if (!avg.getAccType().isF32()) {
      llvm::raw_string_ostream(why)
          << "acc_type = " << avg.getAccType()
          << " (pool.avg accumulates in f32, or f64 for f64)";
      return failure();
    }
    FailureOr<int64_t> inZp = avg.getInputZeroPoint();
    FailureOr<int64_t> outZp = avg.getOutputZeroPoint();
    if (failed(inZp) || failed(outZp) || *inZp != 0 || *outZp != 0) {
      why = "a zero point that is not a constant 0";
      return failure();
    }
    plan.kernel = llvm::to_vector(avg.getKernel());
    plan.strides = llvm::to_vector(avg.getStride());
    plan.pad = llvm::to_vector(avg.getPad());
  }

  // Peel the producers' wrapping: [pad] <- [transpose NCHW->NHWC] <- [pad].
  Value cur = op->getOperand(0);
  bool folded = false;
  auto tryFoldPad = [&]() {
    auto pad = cur.getDefiningOp<tosa::PadOp>();
    if (!options.foldPads || folded || !pad)
      return;
    std::optional<SmallVector<int64_t>> extra =
        matchFoldablePad(pad, plan.layout, plan.isMax);
    if (!extra)
      return;
    // An average's own padding is not counted, the tosa.pad's would be.
    if (!plan.isMax && llvm::any_of(plan.pad, [](int64_t p) { return p; }))
      return;
    SmallVector<int64_t> total = plan.pad;
    for (int64_t i = 0; i < 4; ++i) {
      total[i] += (*extra)[i];
      if (total[i] >= plan.kernel[i / 2])
        return; // pool's padding must stay smaller than the window
    }
    plan.pad = total;
    plan.countIncludePad = !plan.isMax;
    folded = true;
    cur = pad.getInput1();
  };
  tryFoldPad();
  if (auto transpose = cur.getDefiningOp<tosa::TransposeOp>();
      options.foldTransposes && transpose &&
      transpose.getPerms() == ArrayRef<int32_t>(getTosaPerms(true))) {
    cur = transpose.getInput1();
    plan.layout = Layout::ChannelsFirst;
    tryFoldPad();
  }
  plan.input = cur;

  // The result type pool infers must agree with TOSA's.
  PoolSpec spec;
  spec.kind = plan.isMax ? PoolKind::Max : PoolKind::Avg;
  spec.layout = plan.layout;
  spec.kernel = plan.kernel;
  spec.strides = plan.strides;
  spec.padding = {plan.pad[0], plan.pad[2], plan.pad[1], plan.pad[3]};
  spec.hasStrides = spec.hasPadding = true;
  spec.countIncludePad = plan.countIncludePad;
  SmallVector<Type> inferred;
  if (failed(inferPoolResultTypes(std::nullopt, spec, plan.input.getType(),
                                  inferred))) {
    why = "pool does not accept this window";
    return failure();
  }
  plan.resultType = cast<RankedTensorType>(inferred[0]);
  SmallVector<int64_t> expected = llvm::to_vector(outType.getShape());
  if (plan.layout == Layout::ChannelsFirst)
    expected = {expected[0], expected[3], expected[1], expected[2]};
  if (!arePoolResultTypesCompatible(inferred,
                                    RankedTensorType::get(expected, elem))) {
    llvm::raw_string_ostream(why)
        << "the result type " << outType
        << " differs from the floor-mode output pool infers";
    return failure();
  }
  return plan;
}

static LogicalResult rewriteTosaPool(Operation *op,
                                     const TosaToPoolOptions &options,
                                     PatternRewriter &rewriter) {
  std::string why;
  FailureOr<TosaPoolPlan> plan = planTosaPool(op, options, why);
  if (failed(plan))
    return rewriter.notifyMatchFailure(op, why);
  Location loc = op->getLoc();
  MLIRContext *ctx = op->getContext();
  const SmallVector<int64_t> &p = plan->pad;
  SmallVector<NamedAttribute> attrs = {
      rewriter.getNamedAttr("kernel",
                            rewriter.getDenseI64ArrayAttr(plan->kernel)),
      rewriter.getNamedAttr("strides",
                            rewriter.getDenseI64ArrayAttr(plan->strides)),
      rewriter.getNamedAttr("layout", LayoutAttr::get(ctx, plan->layout))};
  if (llvm::any_of(p, [](int64_t v) { return v; }))
    attrs.push_back(rewriter.getNamedAttr(
        "padding", rewriter.getDenseI64ArrayAttr({p[0], p[2], p[1], p[3]})));
  if (plan->countIncludePad)
    attrs.push_back(
        rewriter.getNamedAttr("count_include_pad", rewriter.getBoolAttr(true)));
  Value pooled;
  if (plan->isMax)
    pooled = MaxOp::create(rewriter, loc, TypeRange{plan->resultType},
                           ValueRange{plan->input}, attrs);
  else
    pooled = AvgOp::create(rewriter, loc, TypeRange{plan->resultType},
                           ValueRange{plan->input}, attrs);

  Value result = op->getResult(0);
  if (plan->layout == Layout::ChannelsLast) {
    rewriter.replaceOp(op, castToType(rewriter, loc, pooled, result.getType()));
    return success();
  }
  // Uses through the inverse transpose read the channels-first result.
  SmallVector<tosa::TransposeOp> back;
  for (Operation *user : result.getUsers())
    if (auto t = dyn_cast<tosa::TransposeOp>(user);
        t && t.getPerms() == ArrayRef<int32_t>(getTosaPerms(false)))
      back.push_back(t);
  for (tosa::TransposeOp t : back)
    rewriter.replaceOp(t, castToType(rewriter, loc, pooled, t.getType()));
  if (result.use_empty()) {
    rewriter.eraseOp(op);
    return success();
  }
  Value nhwc = tosa::TransposeOp::create(
      rewriter, loc, result.getType(), pooled,
      rewriter.getDenseI32ArrayAttr(getTosaPerms(true)));
  rewriter.replaceOp(op, nhwc);
  return success();
}

namespace {
template <typename OpTy> struct TosaPoolToPool : OpRewritePattern<OpTy> {
  TosaPoolToPool(MLIRContext *ctx, TosaToPoolOptions options)
      : OpRewritePattern<OpTy>(ctx), options(options) {}
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    return rewriteTosaPool(op, options, rewriter);
  }
  TosaToPoolOptions options;
};
} // namespace

static void populatePatterns(RewritePatternSet &patterns,
                             TosaToPoolOptions options) {
  patterns.add<TosaPoolToPool<tosa::MaxPool2dOp>,
               TosaPoolToPool<tosa::AvgPool2dOp>>(patterns.getContext(),
                                                  options);
}

void mlir::pool::populateTosaToPoolPatterns(RewritePatternSet &patterns) {
  populatePatterns(patterns, TosaToPoolOptions());
}

std::string mlir::pool::getTosaToPoolDeclineReason(Operation *op) {
  std::string why;
  if (succeeded(planTosaPool(op, TosaToPoolOptions(), why)))
    return "";
  return why;
}

namespace {
struct ConvertTosaToPoolPass
    : pool::impl::ConvertTosaToPoolBase<ConvertTosaToPoolPass> {
  using Base::Base;
  void runOnOperation() override {
    TosaToPoolOptions options;
    options.foldTransposes = foldTransposes;
    options.foldPads = foldPads;
    RewritePatternSet patterns(&getContext());
    populatePatterns(patterns, options);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    // One remark per op left alone, after the driver's repeated attempts.
    getOperation().walk([&](Operation *op) {
      if (!isa<tosa::MaxPool2dOp, tosa::AvgPool2dOp>(op))
        return;
      std::string why;
      if (failed(planTosaPool(op, options, why)))
        op->emitRemark() << "convert-tosa-to-pool: left as TOSA: " << why;
    });
  }
};
} // namespace
