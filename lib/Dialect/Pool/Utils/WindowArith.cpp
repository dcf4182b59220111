//===- WindowArith.cpp - Pooling window arithmetic ------------------------===//

#include "pool/Dialect/Pool/Utils/WindowArith.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::pool;

StringRef mlir::pool::getPoolOpName(PoolKind kind) {
  switch (kind) {
  case PoolKind::Max:
    return "pool.max";
  case PoolKind::Avg:
    return "pool.avg";
  case PoolKind::GlobalMax:
    return "pool.global_max";
  case PoolKind::GlobalAvg:
    return "pool.global_avg";
  case PoolKind::AdaptiveMax:
    return "pool.adaptive_max";
  case PoolKind::AdaptiveAvg:
    return "pool.adaptive_avg";
  }
  llvm_unreachable("unknown pool kind");
}

int64_t mlir::pool::getSpatialRank(const PoolSpec &spec, int64_t inputRank) {
  if (spec.isLocal())
    return spec.kernel.size();
  if (spec.isAdaptive())
    return spec.outputSize.size();
  return inputRank - 2;
}

SmallVector<WindowDim> mlir::pool::getWindowDims(const PoolSpec &spec) {
  int64_t n = spec.kernel.size();
  SmallVector<WindowDim> dims(n);
  for (int64_t i = 0; i < n; ++i) {
    WindowDim &w = dims[i];
    w.kernel = spec.kernel[i];
    w.stride = spec.hasStrides ? spec.strides[i] : spec.kernel[i];
    w.dilation = spec.hasDilations ? spec.dilations[i] : 1;
    if (spec.autoPad == AutoPad::Explicit && spec.hasPadding) {
      w.padBegin = spec.padding[i];
      w.padEnd = spec.padding[n + i];
    }
    w.span = (w.kernel - 1) * w.dilation + 1;
    w.autoPad = spec.autoPad;
    // ceil_mode changes explicit padding only: ONNX's `valid` size
    // ceil((I - K + 1) / s) is the floor-mode one, and `same` is ceil(I / s).
    w.ceilMode = spec.ceilMode && spec.autoPad == AutoPad::Explicit;
  }
  return dims;
}

std::optional<WindowDim> mlir::pool::getUniformAdaptiveWindow(int64_t in,
                                                              int64_t out) {
  if (out <= 0 || in < out)
    return std::nullopt;
  // With I = s * O + r, bin o is [o * s + floor(o * r / O),
  // (o + 1) * s + ceil((o + 1) * r / O)). For r = 0 that is [o * s, o * s +
  // s); for r = 1 it is [o * s, o * s + s + 1), as o * r < O for every bin.
  // For r > 1, bin O - 1 starts at (O - 1) * s + r - 1 > (O - 1) * s: not a
  // window.
  int64_t s = in / out, r = in % out;
  if (r > 1)
    return std::nullopt;
  WindowDim w;
  w.stride = s;
  w.kernel = w.span = s + r;
  return w;
}

SmallVector<DimGeometry>
mlir::pool::getDimGeometry(const PoolSpec &spec,
                           ArrayRef<std::optional<int64_t>> staticSizes) {
  SmallVector<DimGeometry> geom;
  if (spec.isLocal()) {
    for (const WindowDim &w : getWindowDims(spec)) {
      DimGeometry g;
      g.w = w;
      geom.push_back(g);
    }
    return geom;
  }
  if (!spec.isAdaptive())
    return geom;
  for (auto [i, out] : llvm::enumerate(spec.outputSize)) {
    DimGeometry g;
    g.outSize = out;
    std::optional<WindowDim> even;
    if (i < staticSizes.size() && staticSizes[i])
      even = getUniformAdaptiveWindow(*staticSizes[i], out);
    g.isWindow = even.has_value();
    if (even)
      g.w = *even;
    geom.push_back(g);
  }
  return geom;
}

ResultDimSource mlir::pool::getResultDimSource(const PoolSpec &spec,
                                               int64_t inputRank,
                                               int64_t resultDim) {
  int64_t n = getSpatialRank(spec, inputRank);
  int64_t channelDim = getChannelDim(spec.layout, n);
  if (resultDim == 0)
    return {ResultDimSource::Batch, 0, -1};
  if (spec.isGlobal() && !spec.keepDims)
    return {ResultDimSource::Channel, channelDim, -1};
  if (resultDim == channelDim)
    return {ResultDimSource::Channel, channelDim, -1};
  int64_t i =
      spec.layout == Layout::ChannelsFirst ? resultDim - 2 : resultDim - 1;
  return {ResultDimSource::Spatial, resultDim, i};
}

//===----------------------------------------------------------------------===//
// Checking and shape inference
//===----------------------------------------------------------------------===//

namespace {
/// Collects the first error; later checks are skipped once one is set.
struct Checker {
  std::string &error;
  bool failed() const { return !error.empty(); }
  template <typename... Ts> LogicalResult fail(const char *fmt, Ts &&...vals) {
    error = llvm::formatv(fmt, std::forward<Ts>(vals)...).str();
    return failure();
  }
};
} // namespace

static LogicalResult checkLength(Checker &c, StringRef name,
                                 ArrayRef<int64_t> values, int64_t expected,
                                 StringRef what) {
  if (static_cast<int64_t>(values.size()) == expected)
    return success();
  return c.fail("'{0}' must have {1} values ({2}), got {3}", name, expected,
                what, values.size());
}

static LogicalResult checkAllPositive(Checker &c, StringRef name,
                                      ArrayRef<int64_t> values) {
  for (auto [i, v] : llvm::enumerate(values))
    if (v <= 0)
      return c.fail("'{0}[{1}]' = {2} must be positive", name, i, v);
  return success();
}

static LogicalResult checkSpatialRank(Checker &c, const PoolSpec &spec,
                                      StringRef name, int64_t n,
                                      int64_t inputRank) {
  if (n < 1 || n > 3)
    return c.fail("'{0}' must have 1, 2 or 3 values (one per spatial "
                  "dimension), got {1}",
                  name, n);
  if (inputRank != n + 2)
    return c.fail("input rank {0} does not match the {1} spatial dimension{2} "
                  "of '{3}': expected rank {4} (batch, channel and spatial "
                  "dimensions)",
                  inputRank, n, n == 1 ? "" : "s", name, n + 2);
  return success();
}

static LogicalResult checkSpatialSizes(Checker &c, const PoolSpec &spec,
                                       ArrayRef<int64_t> shape, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    int64_t d = getSpatialDim(spec.layout, i);
    if (shape[d] == 0)
      return c.fail("input spatial dimension {0} (tensor dimension {1}, "
                    "layout {2}) has size 0: pooling needs at least one "
                    "element",
                    i, d, stringifyLayout(spec.layout));
  }
  return success();
}

/// Checks the window attributes of a local pooling; on success `dims` holds
/// the windows with defaults applied.
static LogicalResult checkWindow(Checker &c, const PoolSpec &spec,
                                 SmallVectorImpl<WindowDim> &dims) {
  int64_t n = spec.kernel.size();
  if (spec.hasStrides && failed(checkLength(c, "strides", spec.strides, n,
                                            "one per spatial dimension")))
    return failure();
  if (spec.hasDilations && failed(checkLength(c, "dilations", spec.dilations, n,
                                              "one per spatial dimension")))
    return failure();
  if (spec.hasPadding) {
    if (spec.autoPad != AutoPad::Explicit)
      return c.fail("'padding' cannot be combined with auto_pad = {0}, which "
                    "computes the padding; use auto_pad = explicit or drop "
                    "'padding'",
                    stringifyAutoPad(spec.autoPad));
    if (failed(checkLength(c, "padding", spec.padding, 2 * n,
                           "begin then end padding of each spatial "
                           "dimension")))
      return failure();
  }
  if (failed(checkAllPositive(c, "kernel", spec.kernel)) ||
      (spec.hasStrides &&
       failed(checkAllPositive(c, "strides", spec.strides))) ||
      (spec.hasDilations &&
       failed(checkAllPositive(c, "dilations", spec.dilations))))
    return failure();
  if (spec.hasPadding)
    for (auto [i, p] : llvm::enumerate(spec.padding))
      if (p < 0)
        return c.fail("'padding[{0}]' = {1} must be non-negative", i, p);

  for (int64_t i = 0; i < n; ++i) {
    int64_t k = spec.kernel[i];
    int64_t dil = spec.hasDilations ? spec.dilations[i] : 1;
    CheckedArith a;
    a.add(a.mul(a.sub(k, 1), dil), 1);
    if (a.overflow)
      return c.fail("the window along spatial dimension {0} overflows: "
                    "(kernel - 1) * dilation + 1 with 'kernel[{0}]' = {1} and "
                    "dilation {2} exceeds 64 bits",
                    i, k, dil);
  }
  dims = getWindowDims(spec);
  if (spec.hasPadding)
    for (int64_t i = 0; i < 2 * n; ++i) {
      const WindowDim &w = dims[i % n];
      if (spec.padding[i] >= w.span)
        return c.fail("'padding[{0}]' = {1} must be smaller than the window "
                      "along spatial dimension {2}, which spans {3} "
                      "element{4} (kernel {5}, dilation {6})",
                      i, spec.padding[i], i % n, w.span, w.span == 1 ? "" : "s",
                      w.kernel, w.dilation);
    }
  return success();
}

/// Evaluates, with the extreme outputs, the formulas the lowerings evaluate
/// on a static dimension (where IndexArith folds them to constants), so that
/// what would overflow there is rejected here. The vector lowering's block
/// plan (computeInteriorOutputs with an extra read) checks its own
/// arithmetic and falls back to single outputs when it overflows.
static void evaluateLoweringFormulas(CheckedArith &a, int64_t in, int64_t out,
                                     const WindowDim &w) {
  int64_t pb = computePadBegin(a, in, w);
  computePadEnd(a, in, w);
  computeInteriorOutputs(a, in, out, pb, w);
  for (int64_t o : {int64_t(0), out - 1}) {
    computeTapRange(a, computeWindowStart(a, o, pb, w), w, a.cst(0), in);
    computeAvgDivisor(a, o, in, w, /*countIncludePad=*/false);
    computeAvgDivisor(a, o, in, w, /*countIncludePad=*/true);
  }
  // The end of a window past the last one, a loop bound.
  a.add(a.mul(out, w.stride), w.span);
}

/// The output size along spatial dimension `i` of input size `in` (static).
static FailureOr<int64_t> checkOutputSize(Checker &c, const WindowDim &w,
                                          int64_t i, int64_t in) {
  CheckedArith a;
  if (!w.isSame()) {
    int64_t padded = a.add(a.add(in, w.padBegin), w.padEnd);
    if (a.overflow)
      return c.fail("input size {0} plus padding {1} + {2} along spatial "
                    "dimension {3} overflows 64 bits",
                    in, w.padBegin, w.padEnd, i);
    if (padded < w.span)
      return c.fail("the window along spatial dimension {0} spans {1} "
                    "elements (kernel {2}, dilation {3}) but the padded input "
                    "has only {4} (size {5}, padding {6} + {7})",
                    i, w.span, w.kernel, w.dilation, padded, in, w.padBegin,
                    w.padEnd);
  }
  int64_t out = computeOutputSize(a, in, w);
  evaluateLoweringFormulas(a, in, out, w);
  if (a.overflow)
    return c.fail("the output size along spatial dimension {0} overflows 64 "
                  "bits (input size {1}, stride {2}, window span {3})",
                  i, in, w.stride, w.span);
  return out;
}

FailureOr<SmallVector<int64_t>>
mlir::pool::inferPoolShape(const PoolSpec &spec, ArrayRef<int64_t> inputShape,
                           std::string &error) {
  error.clear();
  Checker c{error};
  int64_t rank = inputShape.size();
  SmallVector<int64_t> result;

  if (spec.isGlobal()) {
    if (rank < 3 || rank > 5)
      return c.fail("expected an input of rank 3, 4 or 5 (batch, channel and "
                    "1-3 spatial dimensions), got rank {0}",
                    rank);
    int64_t n = rank - 2;
    if (failed(checkSpatialSizes(c, spec, inputShape, n)))
      return failure();
    int64_t channelDim = getChannelDim(spec.layout, n);
    if (!spec.keepDims)
      return SmallVector<int64_t>{inputShape[0], inputShape[channelDim]};
    result.assign(rank, 1);
    result[0] = inputShape[0];
    result[channelDim] = inputShape[channelDim];
    return result;
  }

  if (spec.isAdaptive()) {
    int64_t n = spec.outputSize.size();
    if (failed(checkSpatialRank(c, spec, "output_size", n, rank)) ||
        failed(checkAllPositive(c, "output_size", spec.outputSize)) ||
        failed(checkSpatialSizes(c, spec, inputShape, n)))
      return failure();
    result.assign(inputShape.begin(), inputShape.end());
    for (int64_t i = 0; i < n; ++i) {
      int64_t d = getSpatialDim(spec.layout, i);
      result[d] = spec.outputSize[i];
      if (ShapedType::isDynamic(inputShape[d]))
        continue;
      // The bins the lowerings compute, the last one included.
      CheckedArith a;
      int64_t out = spec.outputSize[i], in = inputShape[d];
      computeAdaptiveBinSize(a, out - 1, in, out);
      computeAdaptiveBinBound(a, in, out);
      if (a.overflow)
        return c.fail("'output_size[{0}]' = {1} times the input size {2} "
                      "overflows 64 bits",
                      i, spec.outputSize[i], inputShape[d]);
    }
    return result;
  }

  int64_t n = spec.kernel.size();
  SmallVector<WindowDim> dims;
  if (failed(checkSpatialRank(c, spec, "kernel", n, rank)) ||
      failed(checkWindow(c, spec, dims)) ||
      failed(checkSpatialSizes(c, spec, inputShape, n)))
    return failure();
  result.assign(inputShape.begin(), inputShape.end());
  for (int64_t i = 0; i < n; ++i) {
    int64_t d = getSpatialDim(spec.layout, i);
    if (ShapedType::isDynamic(inputShape[d]))
      continue;
    FailureOr<int64_t> out = checkOutputSize(c, dims[i], i, inputShape[d]);
    if (failed(out))
      return failure();
    result[d] = *out;
  }
  return result;
}

//===----------------------------------------------------------------------===//
// IndexArith
//===----------------------------------------------------------------------===//

Value IndexArith::cst(int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}
Value IndexArith::add(Value a, Value c) {
  return b.createOrFold<arith::AddIOp>(loc, a, c);
}
Value IndexArith::sub(Value a, Value c) {
  return b.createOrFold<arith::SubIOp>(loc, a, c);
}
Value IndexArith::mul(Value a, Value c) {
  return b.createOrFold<arith::MulIOp>(loc, a, c);
}
Value IndexArith::floorDiv(Value a, Value c) {
  return b.createOrFold<arith::FloorDivSIOp>(loc, a, c);
}
Value IndexArith::ceilDiv(Value a, Value c) {
  return b.createOrFold<arith::CeilDivSIOp>(loc, a, c);
}
Value IndexArith::max(Value a, Value c) {
  return b.createOrFold<arith::MaxSIOp>(loc, a, c);
}
Value IndexArith::min(Value a, Value c) {
  return b.createOrFold<arith::MinSIOp>(loc, a, c);
}
Value IndexArith::selectGE(Value a, Value c, Value x, Value y) {
  Value cond =
      b.createOrFold<arith::CmpIOp>(loc, arith::CmpIPredicate::sge, a, c);
  return b.createOrFold<arith::SelectOp>(loc, cond, x, y);
}

//===----------------------------------------------------------------------===//
// AffineExprArith
//===----------------------------------------------------------------------===//

using AEA = AffineExprArith;

AEA::Value AEA::cst(int64_t v) { return plain(getAffineConstantExpr(v, ctx)); }

AEA::Value AEA::dim(unsigned position) {
  return plain(getAffineDimExpr(position, ctx));
}

AEA::Value AEA::sym(::mlir::Value value) {
  APInt c;
  if (matchPattern(value, m_ConstantInt(&c)))
    return cst(c.getSExtValue());
  auto *it = llvm::find(symbols, value);
  unsigned position = it - symbols.begin();
  if (it == symbols.end())
    symbols.push_back(value);
  return plain(getAffineSymbolExpr(position, ctx));
}

AEA::Value AEA::combine(Value a, Value c,
                        function_ref<AffineExpr(AffineExpr, AffineExpr)> f) {
  if (a.kind != Value::Plain || c.kind != Value::Plain)
    return fail();
  AffineExpr e = f(a.expr(), c.expr());
  if (!e.isPureAffine())
    return fail();
  return plain(e);
}

AEA::Value AEA::add(Value a, Value c) {
  return combine(a, c, [](AffineExpr x, AffineExpr y) { return x + y; });
}
AEA::Value AEA::sub(Value a, Value c) {
  return combine(a, c, [](AffineExpr x, AffineExpr y) { return x - y; });
}
AEA::Value AEA::mul(Value a, Value c) {
  return combine(a, c, [](AffineExpr x, AffineExpr y) { return x * y; });
}

/// Divisions by positive constants only: affine maps divide by nothing else.
static bool isPositiveConstant(const AEA::Value &v) {
  auto c = dyn_cast<AffineConstantExpr>(v.expr());
  return v.kind == AEA::Value::Plain && c && c.getValue() > 0;
}
AEA::Value AEA::floorDiv(Value a, Value c) {
  if (!isPositiveConstant(c))
    return fail();
  return combine(a, c,
                 [](AffineExpr x, AffineExpr y) { return x.floorDiv(y); });
}
AEA::Value AEA::ceilDiv(Value a, Value c) {
  if (!isPositiveConstant(c))
    return fail();
  return combine(a, c, [](AffineExpr x, AffineExpr y) { return x.ceilDiv(y); });
}

AEA::Value AEA::extremum(Value a, Value c, Value::Kind kind) {
  for (const Value *v : {&a, &c})
    if (v->kind != Value::Plain && v->kind != kind)
      return fail();
  Value result{{}, kind};
  for (const Value *v : {&a, &c})
    for (AffineExpr e : v->exprs)
      if (!llvm::is_contained(result.exprs, e))
        result.exprs.push_back(e);
  // Constants fold: max(3, 5) is 5.
  std::optional<int64_t> best;
  SmallVector<AffineExpr, 2> rest;
  for (AffineExpr e : result.exprs) {
    auto k = dyn_cast<AffineConstantExpr>(e);
    if (!k) {
      rest.push_back(e);
      continue;
    }
    int64_t v = k.getValue();
    best = !best                ? v
           : kind == Value::Max ? std::max(*best, v)
                                : std::min(*best, v);
  }
  if (best)
    rest.push_back(getAffineConstantExpr(*best, ctx));
  result.exprs = rest;
  if (result.exprs.size() == 1)
    result.kind = Value::Plain;
  return result;
}
AEA::Value AEA::max(Value a, Value c) { return extremum(a, c, Value::Max); }
AEA::Value AEA::min(Value a, Value c) { return extremum(a, c, Value::Min); }

AEA::Value AEA::selectGE(Value a, Value c, Value x, Value y) {
  if (a.kind != Value::Plain || c.kind != Value::Plain)
    return fail();
  auto ka = dyn_cast<AffineConstantExpr>(a.expr());
  auto kc = dyn_cast<AffineConstantExpr>(c.expr());
  if (!ka || !kc)
    return fail();
  return ka.getValue() >= kc.getValue() ? x : y;
}

AffineMap AEA::getMap(const Value &v, unsigned numDims) const {
  return AffineMap::get(numDims, symbols.size(), v.exprs, ctx);
}
