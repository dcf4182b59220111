//===- PoolToTosa.cpp - Lower pool ops to TOSA ----------------------------===//
//
// 2-D pool ops without dilation become tosa.max_pool2d / tosa.avg_pool2d on
// NHWC data. TOSA's output size is exact, `(E - K) / s + 1` for the padded
// extent E with `(E - K) % s == 0`, and its padding is ignored by max and
// not counted by avg, so each spatial dimension gets the extent the pool
// op's windows actually cover, `(O - 1) * s + K`, from the dialect's window
// arithmetic:
//
// - begin padding stays as is (it is smaller than the window);
// - a last window that ends inside the input cuts the rows after it
//   (`tosa.slice`) and needs no end padding;
// - otherwise the end padding is what the last window overhangs (with
//   `ceil_mode` possibly more than the op's own end padding, still smaller
//   than the window, and ignored as pool ignores it);
// - `count_include_pad = true` first pads with explicit zeros up to the end
//   padding the windows reach (`tosa.pad`, counted); only the `ceil_mode`
//   overhang past it stays TOSA padding (not counted).
//
//===----------------------------------------------------------------------===//

#include "pool/Conversion/PoolToTosa/PoolToTosa.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Utils/LoweringUtils.h"
#include "pool/Dialect/Pool/Utils/WindowArith.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Tosa/Utils/ConversionUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::pool {
#define GEN_PASS_DEF_CONVERTPOOLTOTOSA
#include "pool/Conversion/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

namespace {
/// TOSA's 8K level: the largest kernel, stride and padding tosa-validate
/// accepts by default.
constexpr int64_t kMaxKernel = 8192;

/// One spatial dimension of the TOSA form.
struct TosaDim {
  int64_t kernel = 1, stride = 1;
  /// tosa.pad amounts (counted: count_include_pad only).
  int64_t zeroBegin = 0, zeroEnd = 0;
  /// TOSA padding (not counted).
  int64_t padBegin = 0, padEnd = 0;
  /// The input extent the windows read (a tosa.slice when below the size).
  int64_t used = 0;
  int64_t out = 1;
};

struct TosaPlan {
  bool isMax = true;
  SmallVector<TosaDim, 2> dims;
};
} // namespace

static FailureOr<TosaPlan> planPoolToTosa(PoolOpInterface op,
                                          std::string &why) {
  PoolSpec spec = op.getSpec();
  auto inType = cast<RankedTensorType>(op.getInput().getType());
  llvm::raw_string_ostream os(why);
  if (inType.getRank() != 4) {
    os << "TOSA pools 2-D data only (rank " << inType.getRank() << ")";
    return failure();
  }
  Type elem = inType.getElementType();
  TosaPlan plan;
  plan.isMax = spec.isMax();
  bool intMax =
      plan.isMax && (elem.isSignlessInteger(8) || elem.isSignlessInteger(16));
  if (!(elem.isF16() || elem.isBF16() || elem.isF32() || intMax)) {
    os << "element type " << elem << " (TOSA pools f16, bf16, f32"
       << (plan.isMax ? ", i8 and i16)" : ")");
    return failure();
  }
  if (llvm::is_contained(inType.getShape(), 0)) {
    os << "an empty dimension (TOSA tensors have no zero-sized dimension)";
    return failure();
  }
  if (spec.isGlobal() && !spec.keepDims && inType.isDynamicDim(0) &&
      inType.isDynamicDim(getChannelDim(spec.layout, 2))) {
    os << "a dynamic batch and channel count (the global result's "
          "tosa.reshape takes one unknown dimension)";
    return failure();
  }
  SmallVector<std::optional<int64_t>> staticIn;
  for (int64_t i = 0; i < 2; ++i) {
    int64_t size = inType.getDimSize(getSpatialDim(spec.layout, i));
    if (ShapedType::isDynamic(size)) {
      os << "a dynamic spatial size (TOSA's output size is static arithmetic "
            "here)";
      return failure();
    }
    staticIn.push_back(size);
  }

  SmallVector<WindowDim, 2> windows;
  if (spec.isGlobal()) {
    for (std::optional<int64_t> in : staticIn) {
      WindowDim w;
      w.kernel = w.span = *in;
      windows.push_back(w);
    }
  } else {
    for (const DimGeometry &g : getDimGeometry(spec, staticIn)) {
      if (!g.isWindow) {
        os << "uneven adaptive bins";
        return failure();
      }
      windows.push_back(g.w);
    }
  }

  for (auto [w, in] : llvm::zip_equal(windows, staticIn)) {
    if (w.dilation != 1 && w.kernel != 1) {
      os << "dilation " << w.dilation << " (TOSA pooling has none)";
      return failure();
    }
    CheckedArith a;
    TosaDim d;
    d.kernel = w.kernel;
    d.stride = w.stride;
    d.out = computeOutputSize(a, *in, w);
    int64_t pb = computePadBegin(a, *in, w);
    int64_t pe = computePadEnd(a, *in, w);
    // The extent the windows cover, from the first window's start.
    int64_t need = a.add(a.mul(a.sub(d.out, 1), w.stride), w.kernel);
    if (a.overflow || d.out < 1) {
      os << "a window larger than the padded input";
      return failure();
    }
    int64_t reach = need - pb; // past the begin padding
    d.used = std::min(reach, *in);
    int64_t overhang = std::max<int64_t>(reach - *in, 0);
    if (!plan.isMax && spec.countIncludePad) {
      d.zeroBegin = pb;
      d.zeroEnd = std::min(overhang, pe);
      d.padEnd = overhang - d.zeroEnd;
    } else {
      d.padBegin = pb;
      d.padEnd = overhang;
    }
    for (int64_t v : {d.kernel, d.stride, d.padBegin, d.padEnd}) {
      if (v > kMaxKernel) {
        os << "a window, stride or padding of " << v
           << " (TOSA's 8K level allows " << kMaxKernel << ")";
        return failure();
      }
    }
    plan.dims.push_back(d);
  }
  return plan;
}

static RankedTensorType withShape(RankedTensorType type,
                                  ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape, type.getElementType());
}

/// `value` with `before` and `after` zeros along `dim`, by concatenation
/// with constants: TOSA 1.0's 8K level rejects the `!tosa.shape<8>` of a
/// 4-D tosa.pad (it exceeds MAX_RANK), so static shapes avoid tosa.pad.
static Value concatZeros(PatternRewriter &rewriter, Location loc, Value value,
                         int64_t dim, int64_t before, int64_t after) {
  if (!before && !after)
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  auto zeros = [&](int64_t size) -> Value {
    SmallVector<int64_t> shape = llvm::to_vector(type.getShape());
    shape[dim] = size;
    auto zeroType = withShape(type, shape);
    return tosa::ConstOp::create(
        rewriter, loc, zeroType,
        DenseElementsAttr::get(zeroType,
                               rewriter.getZeroAttr(type.getElementType())));
  };
  SmallVector<Value> parts;
  if (before)
    parts.push_back(zeros(before));
  parts.push_back(value);
  if (after)
    parts.push_back(zeros(after));
  SmallVector<int64_t> shape = llvm::to_vector(type.getShape());
  shape[dim] += before + after;
  return tosa::ConcatOp::create(rewriter, loc, withShape(type, shape), parts,
                                rewriter.getI32IntegerAttr(dim));
}

static Value transpose(PatternRewriter &rewriter, Location loc, Value value,
                       bool toChannelsLast) {
  SmallVector<int32_t> perms;
  for (int64_t p : getLayoutPermutation(4, toChannelsLast))
    perms.push_back(static_cast<int32_t>(p));
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (int32_t p : perms)
    shape.push_back(type.getDimSize(p));
  return tosa::TransposeOp::create(rewriter, loc, withShape(type, shape), value,
                                   rewriter.getDenseI32ArrayAttr(perms));
}

static LogicalResult rewritePoolToTosa(PoolOpInterface op,
                                       PatternRewriter &rewriter) {
  std::string why;
  FailureOr<TosaPlan> plan = planPoolToTosa(op, why);
  if (failed(plan))
    return rewriter.notifyMatchFailure(op, why);
  PoolSpec spec = op.getSpec();
  Location loc = op.getLoc();
  Value x = op.getInput();
  if (spec.layout == Layout::ChannelsFirst)
    x = transpose(rewriter, loc, x, /*toChannelsLast=*/true);
  auto type = cast<RankedTensorType>(x.getType());
  Type elem = type.getElementType();
  int64_t n = type.getDimSize(0), c = type.getDimSize(3);
  const TosaDim &h = plan->dims[0], &w = plan->dims[1];

  // Cut what no window reads.
  if (h.used != type.getDimSize(1) || w.used != type.getDimSize(2)) {
    SmallVector<int64_t> size = {n, h.used, w.used, c};
    SmallVector<int64_t> sizeOperand = {ShapedType::isDynamic(n) ? -1 : n,
                                        h.used, w.used,
                                        ShapedType::isDynamic(c) ? -1 : c};
    x = tosa::SliceOp::create(
        rewriter, loc, withShape(type, size), x,
        tosa::getTosaConstShape(rewriter, loc, {0, 0, 0, 0}),
        tosa::getTosaConstShape(rewriter, loc, sizeOperand));
    type = cast<RankedTensorType>(x.getType());
  }
  // Counted zeros (count_include_pad).
  if (h.zeroBegin || h.zeroEnd || w.zeroBegin || w.zeroEnd) {
    if (type.hasStaticShape()) {
      x = concatZeros(rewriter, loc, x, 1, h.zeroBegin, h.zeroEnd);
      x = concatZeros(rewriter, loc, x, 2, w.zeroBegin, w.zeroEnd);
    } else {
      SmallVector<int64_t> shape = {n, h.used + h.zeroBegin + h.zeroEnd,
                                    w.used + w.zeroBegin + w.zeroEnd, c};
      x = tosa::PadOp::create(
          rewriter, loc, withShape(type, shape), x,
          tosa::getTosaConstShape(
              rewriter, loc,
              {0, 0, h.zeroBegin, h.zeroEnd, w.zeroBegin, w.zeroEnd, 0, 0}),
          tosa::createPadConstTensor(rewriter, loc, x, 0));
    }
    type = cast<RankedTensorType>(x.getType());
  }

  auto outType = withShape(type, {n, h.out, w.out, c});
  auto kernel = rewriter.getDenseI64ArrayAttr({h.kernel, w.kernel});
  auto stride = rewriter.getDenseI64ArrayAttr({h.stride, w.stride});
  auto pad = rewriter.getDenseI64ArrayAttr(
      {h.padBegin, h.padEnd, w.padBegin, w.padEnd});
  Value pooled;
  if (plan->isMax) {
    pooled = tosa::MaxPool2dOp::create(
        rewriter, loc, outType, x, kernel, stride, pad,
        tosa::NanPropagationModeAttr::get(rewriter.getContext(),
                                          tosa::NanPropagationMode::PROPAGATE));
  } else {
    Value zp = *tosa::createZeroPointTensor(rewriter, loc, elem, 0);
    pooled = tosa::AvgPool2dOp::create(rewriter, loc, outType, x, zp, zp,
                                       kernel, stride, pad,
                                       TypeAttr::get(rewriter.getF32Type()));
  }

  Type resultType = op->getResult(0).getType();
  if (spec.isGlobal() && !spec.keepDims) {
    SmallVector<int64_t> shape = {n, c};
    pooled = tosa::ReshapeOp::create(
        rewriter, loc, withShape(outType, shape), pooled,
        tosa::getTosaConstShape(rewriter, loc,
                                {ShapedType::isDynamic(n) ? -1 : n,
                                 ShapedType::isDynamic(c) ? -1 : c}));
  } else if (spec.layout == Layout::ChannelsFirst) {
    pooled = transpose(rewriter, loc, pooled, /*toChannelsLast=*/false);
  }
  rewriter.replaceOp(op, castToType(rewriter, loc, pooled, resultType));
  return success();
}

namespace {
struct PoolToTosaPattern : OpInterfaceRewritePattern<PoolOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;
  LogicalResult matchAndRewrite(PoolOpInterface op,
                                PatternRewriter &rewriter) const override {
    return rewritePoolToTosa(op, rewriter);
  }
};

struct ConvertPoolToTosaPass
    : pool::impl::ConvertPoolToTosaBase<ConvertPoolToTosaPass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populatePoolToTosaPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    getOperation().walk([](PoolOpInterface op) {
      std::string why;
      if (failed(planPoolToTosa(op, why)))
        op->emitRemark() << "convert-pool-to-tosa: left as a pool op: " << why;
    });
  }
};
} // namespace

void mlir::pool::populatePoolToTosaPatterns(RewritePatternSet &patterns) {
  patterns.add<PoolToTosaPattern>(patterns.getContext());
}
