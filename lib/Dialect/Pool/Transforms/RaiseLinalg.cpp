//===- RaiseLinalg.cpp - Raise linalg pooling idioms to pool ops ----------===//
//
// Producers (tosa-to-linalg-named, torch-mlir's TorchToLinalg, IREE's input
// conversions) emit pooling as
//
//   [tensor.pad] -> linalg.pooling_<layout>_{max,sum}(outs: linalg.fill c)
//                   [-> linalg.generic dividing by a per-position count]
//
// This pass replaces such chains by pool ops when they are provably equal,
// checked on the IR's meaning rather than on one producer's text:
//
// - max: the fill value is the starting value of every window. -inf (the
//   signed minimum for integers) is pool.max's own; any other constant c
//   (tosa-to-linalg's -FLT_MAX) becomes an elementwise max with c after
//   pool.max. A pad value that is -inf or equal to c folds into the pool
//   padding; any other pad stays as data.
// - sum + divide: the fill must be +0.0 and the generic must divide the sum
//   by a divisor computed from constants and linalg.index (optionally
//   rounding to the input type). The divisor is evaluated at every output
//   position of the static shape and compared with pool.avg's own divisor
//   for count_include_pad = false and true; a +0.0 pad folds into the
//   padding. Any mismatch declines.
//
// Every decline leaves the IR unchanged and, with the pass, says why in a
// remark.
//
//===----------------------------------------------------------------------===//

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Transforms/Passes.h"
#include "pool/Dialect/Pool/Utils/LoweringUtils.h"
#include "pool/Dialect/Pool/Utils/WindowArith.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace mlir::pool {
#define GEN_PASS_DEF_RAISELINALGTOPOOL
#include "pool/Dialect/Pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

namespace {
/// A linalg pooling op (named, or a linalg.generic of the same structure):
/// its reduction, data layout, strides and dilations.
struct NamedPooling {
  bool isMax = true;
  Layout layout = Layout::ChannelsLast;
  SmallVector<int64_t> strides, dilations;
};

/// What replaces a matched chain.
struct RaisePlan {
  bool isMax = true;
  Value input;
  PoolSpec spec;
  /// max: the fill constant to max with afterwards (none for -inf).
  std::optional<TypedAttr> maxWith;
  /// The value the pool result replaces.
  Value replaced;
  /// Where linalg computes only the leading outputs: pool's full result
  /// type, sliced to the replaced value's.
  RankedTensorType fullType;
  /// linalg's output operand (its sizes bound the slice).
  Value init;
};

/// Largest number of output positions at which a divisor is evaluated.
constexpr int64_t kMaxDivisorEvaluations = int64_t(1) << 22;
} // namespace

static SmallVector<int64_t> getI64s(DenseIntElementsAttr attr) {
  SmallVector<int64_t> values;
  for (const APInt &v : attr)
    values.push_back(v.getSExtValue());
  return values;
}

/// The coefficients of `expr`, a sum of dimensions times constants, per
/// dimension; none for anything else (symbols, constants, mod, div).
static std::optional<SmallVector<int64_t>> getLinearCoeffs(AffineExpr expr,
                                                           unsigned numDims) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
    SmallVector<int64_t> c(numDims, 0);
    c[dim.getPosition()] = 1;
    return c;
  }
  auto bin = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!bin)
    return std::nullopt;
  if (bin.getKind() == AffineExprKind::Add) {
    auto l = getLinearCoeffs(bin.getLHS(), numDims);
    auto r = getLinearCoeffs(bin.getRHS(), numDims);
    if (!l || !r)
      return std::nullopt;
    for (unsigned d = 0; d < numDims; ++d)
      (*l)[d] += (*r)[d];
    return l;
  }
  if (bin.getKind() == AffineExprKind::Mul) {
    auto k = dyn_cast<AffineConstantExpr>(bin.getRHS());
    auto l = getLinearCoeffs(bin.getLHS(), numDims);
    if (!k || !l)
      return std::nullopt;
    for (int64_t &c : *l)
      c *= k.getValue();
    return l;
  }
  return std::nullopt;
}

/// The reduction of a pooling body: max (maximumf / maxsi of the input and
/// the accumulator) or sum (addf, the input possibly extended first).
static std::optional<bool> getPoolingBodyIsMax(Block &body) {
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (yield.getNumOperands() != 1 || body.getNumArguments() != 3 ||
      !body.getArgument(1).use_empty())
    return std::nullopt;
  Operation *op = yield.getOperand(0).getDefiningOp();
  if (!op || op->getBlock() != &body || op->getNumOperands() != 2)
    return std::nullopt;
  Value in = body.getArgument(0), acc = body.getArgument(2);
  auto operandsAre = [&](Value a, Value b) {
    return (op->getOperand(0) == a && op->getOperand(1) == b) ||
           (op->getOperand(0) == b && op->getOperand(1) == a);
  };
  if (isa<arith::MaximumFOp, arith::MaxSIOp>(op))
    return operandsAre(in, acc) ? std::optional(true) : std::nullopt;
  if (isa<arith::AddFOp>(op)) {
    for (Value v : op->getOperands())
      if (auto ext = v.getDefiningOp<arith::ExtFOp>(); ext && ext.getIn() == in)
        return operandsAre(v, acc) ? std::optional(false) : std::nullopt;
    return operandsAre(in, acc) ? std::optional(false) : std::nullopt;
  }
  return std::nullopt;
}

/// A linalg.generic that pools (what torch-mlir emits for NCDHW, which has
/// no named op): loops (output dims..., window dims...), the output map the
/// identity on the output dims, the window map the window dims, the input
/// map batch, channel and o_i * s_i + k_i * d_i in either layout, and a max
/// or sum body.
static std::optional<NamedPooling> getGenericPooling(linalg::GenericOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1)
    return std::nullopt;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  int64_t loops = op.getNumLoops();
  int64_t rank = maps[2].getNumResults();
  int64_t n = rank - 2;
  if (n < 1 || n > 3 || loops != rank + n || maps[0].getNumResults() != rank ||
      maps[1].getNumResults() != n)
    return std::nullopt;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  for (int64_t d = 0; d < loops; ++d)
    if ((iterators[d] == utils::IteratorType::parallel) != (d < rank))
      return std::nullopt;
  MLIRContext *ctx = op.getContext();
  for (int64_t d = 0; d < rank; ++d)
    if (maps[2].getResult(d) != getAffineDimExpr(d, ctx))
      return std::nullopt;
  for (int64_t i = 0; i < n; ++i)
    if (maps[1].getResult(i) != getAffineDimExpr(rank + i, ctx))
      return std::nullopt;
  std::optional<bool> isMax = getPoolingBodyIsMax(op.getRegion().front());
  if (!isMax)
    return std::nullopt;
  for (Layout layout : {Layout::ChannelsFirst, Layout::ChannelsLast}) {
    NamedPooling p{*isMax, layout, {}, {}};
    bool ok = true;
    for (int64_t d = 0; ok && d < rank; ++d) {
      std::optional<SmallVector<int64_t>> c =
          getLinearCoeffs(maps[0].getResult(d), loops);
      if (!c) {
        ok = false;
        break;
      }
      int64_t spatial = d - getSpatialDim(layout, 0);
      bool isSpatial = spatial >= 0 && spatial < n;
      for (int64_t l = 0; ok && l < loops; ++l) {
        bool own = l == d, window = isSpatial && l == rank + spatial;
        if (!own && !window)
          ok = (*c)[l] == 0;
        else if (!isSpatial)
          ok = (*c)[l] == 1;
        else
          ok = (*c)[l] >= 1;
      }
      if (ok && isSpatial) {
        p.strides.push_back((*c)[d]);
        p.dilations.push_back((*c)[rank + spatial]);
      }
    }
    if (ok)
      return p;
  }
  return std::nullopt;
}

static std::optional<NamedPooling> getNamedPooling(Operation *op) {
  auto withAttrs = [&](bool isMax, Layout layout) {
    return NamedPooling{
        isMax, layout,
        getI64s(cast<DenseIntElementsAttr>(op->getAttr("strides"))),
        getI64s(cast<DenseIntElementsAttr>(op->getAttr("dilations")))};
  };
  if (isa<linalg::PoolingNwcMaxOp, linalg::PoolingNhwcMaxOp,
          linalg::PoolingNdhwcMaxOp>(op))
    return withAttrs(true, Layout::ChannelsLast);
  if (isa<linalg::PoolingNcwMaxOp, linalg::PoolingNchwMaxOp>(op))
    return withAttrs(true, Layout::ChannelsFirst);
  if (isa<linalg::PoolingNwcSumOp, linalg::PoolingNhwcSumOp,
          linalg::PoolingNdhwcSumOp>(op))
    return withAttrs(false, Layout::ChannelsLast);
  if (isa<linalg::PoolingNcwSumOp, linalg::PoolingNchwSumOp>(op))
    return withAttrs(false, Layout::ChannelsFirst);
  if (auto generic = dyn_cast<linalg::GenericOp>(op))
    return getGenericPooling(generic);
  return std::nullopt;
}

/// The constant a linalg.fill writes, if it is one.
static std::optional<TypedAttr> getFillConstant(Value init) {
  auto fill = init.getDefiningOp<linalg::FillOp>();
  if (!fill)
    return std::nullopt;
  Attribute attr;
  if (!matchPattern(fill.getInputs()[0], m_Constant(&attr)))
    return std::nullopt;
  if (auto typed = dyn_cast<TypedAttr>(attr))
    return typed;
  return std::nullopt;
}

static bool isNegInfOrMin(TypedAttr attr) {
  if (auto f = dyn_cast<FloatAttr>(attr))
    return f.getValue().isInfinity() && f.getValue().isNegative();
  if (auto i = dyn_cast<IntegerAttr>(attr))
    return i.getValue().isMinSignedValue();
  return false;
}

static bool isPositiveZero(TypedAttr attr) {
  auto f = dyn_cast<FloatAttr>(attr);
  return f && f.getValue().isZero() && !f.getValue().isNegative();
}

//===----------------------------------------------------------------------===//
// Divisor evaluation
//===----------------------------------------------------------------------===//

namespace {
/// Evaluates the index/integer/float arithmetic a divisor is computed with,
/// at one output position. Anything else (block arguments, loads, calls)
/// makes the evaluation fail.
struct DivisorEvaluator {
  ArrayRef<int64_t> position;
  /// The loop dimensions linalg.index read.
  llvm::SmallBitVector dimsRead;

  explicit DivisorEvaluator(int64_t rank) : dimsRead(rank) {}

  std::optional<int64_t> evalInt(Value v, int depth = 0) {
    if (depth > 256)
      return std::nullopt;
    Operation *op = v.getDefiningOp();
    if (!op)
      return std::nullopt;
    APInt c;
    if (matchPattern(v, m_ConstantInt(&c)))
      return c.getSExtValue();
    if (auto index = dyn_cast<linalg::IndexOp>(op)) {
      int64_t d = index.getDim();
      if (d >= static_cast<int64_t>(position.size()))
        return std::nullopt;
      dimsRead.set(d);
      return position[d];
    }
    if (auto dim = dyn_cast<tensor::DimOp>(op)) {
      auto type = dyn_cast<RankedTensorType>(dim.getSource().getType());
      std::optional<int64_t> i = dim.getConstantIndex();
      if (!type || !i || type.isDynamicDim(*i))
        return std::nullopt;
      return type.getDimSize(*i);
    }
    if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
            arith::ExtUIOp, arith::TruncIOp>(op))
      return evalInt(op->getOperand(0), depth + 1);
    if (auto select = dyn_cast<arith::SelectOp>(op)) {
      std::optional<int64_t> cond = evalInt(select.getCondition(), depth + 1);
      if (!cond)
        return std::nullopt;
      return evalInt(*cond ? select.getTrueValue() : select.getFalseValue(),
                     depth + 1);
    }
    if (op->getNumOperands() != 2)
      return std::nullopt;
    std::optional<int64_t> a = evalInt(op->getOperand(0), depth + 1);
    std::optional<int64_t> b = evalInt(op->getOperand(1), depth + 1);
    if (!a || !b)
      return std::nullopt;
    std::optional<int64_t> r;
    auto div = [&](auto f) -> std::optional<int64_t> {
      if (*b == 0 || (*a == INT64_MIN && *b == -1))
        return std::nullopt;
      return f(*a, *b);
    };
    if (auto cmp = dyn_cast<arith::CmpIOp>(op)) {
      switch (cmp.getPredicate()) {
      case arith::CmpIPredicate::eq:
        return *a == *b;
      case arith::CmpIPredicate::ne:
        return *a != *b;
      case arith::CmpIPredicate::slt:
        return *a < *b;
      case arith::CmpIPredicate::sle:
        return *a <= *b;
      case arith::CmpIPredicate::sgt:
        return *a > *b;
      case arith::CmpIPredicate::sge:
        return *a >= *b;
      default:
        return std::nullopt;
      }
    }
    if (isa<arith::AddIOp>(op))
      r = llvm::checkedAdd(*a, *b);
    else if (isa<arith::SubIOp>(op))
      r = llvm::checkedSub(*a, *b);
    else if (isa<arith::MulIOp>(op))
      r = llvm::checkedMul(*a, *b);
    else if (isa<arith::MinSIOp>(op))
      r = std::min(*a, *b);
    else if (isa<arith::MaxSIOp>(op))
      r = std::max(*a, *b);
    else if (isa<arith::DivSIOp>(op))
      r = div([](int64_t x, int64_t y) { return x / y; });
    else if (isa<arith::RemSIOp>(op))
      r = div([](int64_t x, int64_t y) { return x % y; });
    else if (isa<arith::FloorDivSIOp>(op))
      r = div(
          [](int64_t x, int64_t y) { return llvm::divideFloorSigned(x, y); });
    else if (isa<arith::CeilDivSIOp>(op))
      r = div(
          [](int64_t x, int64_t y) { return llvm::divideCeilSigned(x, y); });
    return r;
  }

  /// A float divisor: a constant, or an integer converted to float.
  std::optional<double> evalFloat(Value v) {
    APFloat f(0.0);
    if (matchPattern(v, m_ConstantFloat(&f)))
      return f.convertToDouble();
    Operation *op = v.getDefiningOp();
    if (isa_and_nonnull<arith::SIToFPOp, arith::UIToFPOp>(op)) {
      std::optional<int64_t> i = evalInt(op->getOperand(0));
      if (!i)
        return std::nullopt;
      return static_cast<double>(*i);
    }
    if (isa_and_nonnull<arith::ExtFOp, arith::TruncFOp>(op))
      return evalFloat(op->getOperand(0));
    return std::nullopt;
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Matching
//===----------------------------------------------------------------------===//

/// Folds a tensor.pad of the spatial dimensions with a constant `neutral`
/// value into `spec`'s padding, if the total stays below the window span.
static Value foldPad(Value input, NamedPooling named, int64_t n, PoolSpec &spec,
                     llvm::function_ref<bool(TypedAttr)> isNeutral) {
  auto pad = input.getDefiningOp<tensor::PadOp>();
  if (!pad || pad.getNofold())
    return input;
  Value value = pad.getConstantPaddingValue();
  Attribute attr;
  // tosa-to-tensor pads with an element extracted from a splat constant.
  DenseElementsAttr splat;
  if (auto extract = value ? value.getDefiningOp<tensor::ExtractOp>() : nullptr;
      extract && matchPattern(extract.getTensor(), m_Constant(&splat)) &&
      splat.isSplat())
    attr = splat.getSplatValue<Attribute>();
  else if (value)
    matchPattern(value, m_Constant(&attr));
  if (!attr || !isa<TypedAttr>(attr) || !isNeutral(cast<TypedAttr>(attr)))
    return input;
  // Constant amounts, as attributes or (tosa-to-tensor) constant operands.
  SmallVector<int64_t> low, high;
  for (OpFoldResult v : pad.getMixedLowPad())
    low.push_back(getConstantIntValue(v).value_or(-1));
  for (OpFoldResult v : pad.getMixedHighPad())
    high.push_back(getConstantIntValue(v).value_or(-1));
  int64_t rank = n + 2;
  SmallVector<int64_t> begin(n), end(n);
  for (int64_t d = 0; d < rank; ++d) {
    if (low[d] < 0 || high[d] < 0)
      return input;
    bool spatial = d >= getSpatialDim(named.layout, 0) &&
                   d < getSpatialDim(named.layout, 0) + n;
    if (!spatial) {
      if (low[d] || high[d])
        return input;
      continue;
    }
    int64_t i = d - getSpatialDim(named.layout, 0);
    int64_t span = (spec.kernel[i] - 1) * spec.dilations[i] + 1;
    if (low[d] >= span || high[d] >= span)
      return input;
    begin[i] = low[d];
    end[i] = high[d];
  }
  spec.padding = begin;
  spec.padding.append(end);
  spec.hasPadding = true;
  return pad.getSource();
}

static FailureOr<RaisePlan> planRaise(linalg::LinalgOp op, std::string &why) {
  std::optional<NamedPooling> named = getNamedPooling(op);
  if (!named) {
    why = "not a signed max or sum pooling";
    return failure();
  }
  llvm::raw_string_ostream os(why);
  Value input = op.getDpsInputs()[0];
  Value window = op.getDpsInputs()[1];
  Value init = op.getDpsInits()[0];
  auto inType = dyn_cast<RankedTensorType>(input.getType());
  auto outType = dyn_cast<RankedTensorType>(init.getType());
  auto windowType = dyn_cast<RankedTensorType>(window.getType());
  if (!inType || !outType || !windowType || !windowType.hasStaticShape()) {
    why = "not on tensors with a static window";
    return failure();
  }
  int64_t n = windowType.getRank();

  RaisePlan plan;
  plan.isMax = named->isMax;
  PoolSpec &spec = plan.spec;
  spec.kind = plan.isMax ? PoolKind::Max : PoolKind::Avg;
  spec.layout = named->layout;
  spec.kernel = llvm::to_vector(windowType.getShape());
  spec.strides = named->strides;
  spec.dilations = named->dilations;
  spec.hasStrides = spec.hasDilations = true;

  std::optional<TypedAttr> fill = getFillConstant(init);
  if (!fill) {
    why = "the output is not a linalg.fill with a constant";
    return failure();
  }
  Type elem = inType.getElementType();
  Type acc = outType.getElementType();

  if (plan.isMax) {
    if (acc != elem) {
      os << "a max accumulating in " << acc << " from " << elem;
      return failure();
    }
    if (!isNegInfOrMin(*fill))
      plan.maxWith = *fill;
    plan.input = foldPad(input, *named, n, spec, [&](TypedAttr pad) {
      return isNegInfOrMin(pad) || pad == *fill;
    });
    plan.replaced = op->getResult(0);
  } else {
    if (!isa<FloatType>(elem)) {
      os << "an integer sum (pool.avg averages floats)";
      return failure();
    }
    bool narrow = elem.isF16() || elem.isBF16();
    if (acc != (narrow ? Float32Type::get(op->getContext()) : elem)) {
      os << "a sum of " << elem << " accumulating in " << acc
         << " (pool.avg accumulates f16/bf16 in f32, others in their type)";
      return failure();
    }
    if (!isPositiveZero(*fill)) {
      why = "a sum that does not start at +0.0";
      return failure();
    }
    plan.input = foldPad(input, *named, n, spec,
                         [](TypedAttr p) { return isPositiveZero(p); });
  }

  // The window geometry pool infers must give linalg's output size.
  if (!spec.hasPadding) {
    spec.padding.assign(2 * n, 0);
    spec.hasPadding = true;
  }
  SmallVector<Type> inferred;
  if (failed(inferPoolResultTypes(std::nullopt, spec, plan.input.getType(),
                                  inferred))) {
    why = "pool does not accept this window";
    return failure();
  }
  // linalg may compute only the first outputs: pool computes them all, and
  // a slice keeps what linalg computed.
  auto full = cast<RankedTensorType>(inferred[0]);
  if (!arePoolResultTypesCompatible(
          inferred, RankedTensorType::get(outType.getShape(), elem))) {
    bool prefix = full.hasStaticShape() && outType.hasStaticShape();
    for (int64_t d = 0; prefix && d < outType.getRank(); ++d)
      prefix = outType.getDimSize(d) <= full.getDimSize(d);
    if (!prefix) {
      os << "the output " << outType << " is not the windows that fit (pool "
         << "infers " << full << ")";
      return failure();
    }
    plan.fullType = full;
  }
  // A dynamic output size is whatever linalg's output operand holds; pool
  // computes every window that fits, at least that many in a well-defined
  // linalg program, and a slice of the operand's sizes keeps linalg's.
  for (int64_t i = 0; i < n && !plan.fullType; ++i)
    if (outType.isDynamicDim(getSpatialDim(spec.layout, i)))
      plan.fullType = full;
  plan.init = init;
  if (plan.isMax)
    return plan;

  // The average: one user dividing the sum.
  Value sum = op->getResult(0);
  if (!sum.hasOneUse()) {
    why = "the sum has other uses than one division";
    return failure();
  }
  auto divide = dyn_cast<linalg::GenericOp>(*sum.getUsers().begin());
  if (!divide || divide.getNumDpsInputs() != 1 ||
      divide.getNumDpsInits() != 1 || divide.getDpsInputs()[0] != sum ||
      !llvm::all_of(divide.getIndexingMapsArray(),
                    [](AffineMap m) { return m.isIdentity(); }) ||
      divide.getNumParallelLoops() != divide.getNumLoops()) {
    why = "the sum is not divided elementwise by one linalg.generic";
    return failure();
  }
  Block &body = divide.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  Value result = yield.getOperand(0);
  auto resultType = cast<RankedTensorType>(divide.getResult(0).getType());
  if (resultType.getElementType() != elem) {
    os << "the average is returned as " << resultType.getElementType()
       << ", not " << elem;
    return failure();
  }
  if (auto trunc = result.getDefiningOp<arith::TruncFOp>();
      trunc && acc != elem)
    result = trunc.getIn();
  auto div = result.getDefiningOp<arith::DivFOp>();
  if (!div || div.getLhs() != body.getArgument(0) || div.getType() != acc) {
    why = "the generic does not yield the sum divided by a divisor";
    return failure();
  }

  // Evaluate the divisor at every output position and compare it with
  // pool.avg's for count_include_pad = false, then true.
  SmallVector<WindowDim> windows = getWindowDims(spec);
  SmallVector<int64_t> inSizes, outSizes;
  auto poolIn = cast<RankedTensorType>(plan.input.getType());
  for (int64_t i = 0; i < n; ++i) {
    inSizes.push_back(poolIn.getDimSize(getSpatialDim(spec.layout, i)));
    outSizes.push_back(outType.getDimSize(getSpatialDim(spec.layout, i)));
  }
  bool anyDynamic = llvm::any_of(llvm::concat<int64_t>(inSizes, outSizes),
                                 ShapedType::isDynamic);
  int64_t positions = 1;
  for (int64_t o : outSizes)
    positions = ShapedType::isDynamic(o)
                    ? kMaxDivisorEvaluations + 1
                    : std::min(positions * std::max<int64_t>(o, 1),
                               kMaxDivisorEvaluations + 1);
  if (anyDynamic || positions > kMaxDivisorEvaluations) {
    os << "the divisor cannot be checked at every output position ("
       << (anyDynamic ? "dynamic spatial sizes" : "too many positions") << ")";
    return failure();
  }
  int64_t rank = outType.getRank();
  std::array<bool, 2> candidates = {true, true};
  SmallVector<int64_t> position(rank, 0);
  DivisorEvaluator eval(rank);
  for (int64_t p = 0; p < positions; ++p) {
    int64_t rest = p;
    for (int64_t i = n - 1; i >= 0; --i) {
      position[getSpatialDim(spec.layout, i)] = rest % outSizes[i];
      rest /= outSizes[i];
    }
    eval.position = position;
    std::optional<double> got = eval.evalFloat(div.getRhs());
    if (!got) {
      why = "the divisor is not arithmetic on constants and output indices";
      return failure();
    }
    for (bool includePad : {false, true}) {
      CheckedArith a;
      int64_t expected = 1;
      for (int64_t i = 0; i < n; ++i)
        expected =
            a.mul(expected,
                  computeAvgDivisor(a, position[getSpatialDim(spec.layout, i)],
                                    inSizes[i], windows[i], includePad));
      candidates[includePad] &=
          !a.overflow && static_cast<double>(expected) == *got;
    }
    if (!candidates[0] && !candidates[1]) {
      os << "the divisor ";
      if (*got == std::floor(*got) && std::fabs(*got) < 1e15)
        os << static_cast<int64_t>(*got);
      else
        os << *got;
      os << " at output position (";
      llvm::interleaveComma(position, os);
      os << ") is not pool.avg's";
      return failure();
    }
  }
  for (int64_t d = 0; d < rank; ++d) {
    bool spatial = d >= getSpatialDim(spec.layout, 0) &&
                   d < getSpatialDim(spec.layout, 0) + n;
    if (eval.dimsRead.test(d) && !spatial) {
      why = "the divisor depends on the batch or channel index";
      return failure();
    }
  }
  spec.countIncludePad = !candidates[0];
  plan.replaced = divide.getResult(0);
  return plan;
}

static RankedTensorType permuteType(RankedTensorType type,
                                    ArrayRef<int64_t> perm) {
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  return RankedTensorType::get(shape, type.getElementType());
}

static Value transposeTo(PatternRewriter &rewriter, Location loc, Value value,
                         ArrayRef<int64_t> perm) {
  auto type = permuteType(cast<RankedTensorType>(value.getType()), perm);
  SmallVector<OpFoldResult> sizes;
  for (int64_t p : perm)
    sizes.push_back(tensor::getMixedSize(rewriter, loc, value, p));
  Value init =
      tensor::EmptyOp::create(rewriter, loc, sizes, type.getElementType());
  return linalg::TransposeOp::create(rewriter, loc, value, init, perm)
      .getResult()[0];
}

static LogicalResult raise(linalg::LinalgOp op, bool foldTransposes,
                           PatternRewriter &rewriter) {
  std::string why;
  FailureOr<RaisePlan> plan = planRaise(op, why);
  if (failed(plan))
    return rewriter.notifyMatchFailure(op, why);
  PoolSpec spec = plan->spec;
  MLIRContext *ctx = op->getContext();
  Location loc = op->getLoc();
  auto type = cast<RankedTensorType>(plan->replaced.getType());
  int64_t rank = type.getRank();

  // NCHW frontends transpose to NHWC around the pooling (tosa-to-linalg):
  // pool channels-first data directly instead.
  Value input = plan->input;
  bool transposed = false;
  if (foldTransposes && spec.layout == Layout::ChannelsLast &&
      !plan->fullType) {
    auto t = input.getDefiningOp<linalg::TransposeOp>();
    if (t && t.getPermutation() ==
                 ArrayRef<int64_t>(getLayoutPermutation(rank, true))) {
      input = t.getInput();
      spec.layout = Layout::ChannelsFirst;
      transposed = true;
    }
  }
  SmallVector<int64_t> toFirst = getLayoutPermutation(rank, false);
  SmallVector<int64_t> toLast = getLayoutPermutation(rank, true);
  RankedTensorType poolType = plan->fullType ? plan->fullType : type;
  if (transposed)
    poolType = permuteType(poolType, toFirst);

  SmallVector<NamedAttribute> attrs = {
      rewriter.getNamedAttr("kernel",
                            rewriter.getDenseI64ArrayAttr(spec.kernel)),
      rewriter.getNamedAttr("strides",
                            rewriter.getDenseI64ArrayAttr(spec.strides)),
      rewriter.getNamedAttr("layout", LayoutAttr::get(ctx, spec.layout))};
  if (llvm::any_of(spec.dilations, [](int64_t d) { return d != 1; }))
    attrs.push_back(rewriter.getNamedAttr(
        "dilations", rewriter.getDenseI64ArrayAttr(spec.dilations)));
  if (llvm::any_of(spec.padding, [](int64_t p) { return p; }))
    attrs.push_back(rewriter.getNamedAttr(
        "padding", rewriter.getDenseI64ArrayAttr(spec.padding)));
  if (spec.countIncludePad)
    attrs.push_back(
        rewriter.getNamedAttr("count_include_pad", rewriter.getBoolAttr(true)));
  Value pooled;
  if (plan->isMax)
    pooled = MaxOp::create(rewriter, loc, TypeRange{poolType},
                           ValueRange{input}, attrs);
  else
    pooled = AvgOp::create(rewriter, loc, TypeRange{poolType},
                           ValueRange{input}, attrs);
  if (plan->fullType) {
    SmallVector<OpFoldResult> zeros(rank, rewriter.getIndexAttr(0));
    SmallVector<OpFoldResult> ones(rank, rewriter.getIndexAttr(1));
    pooled = tensor::ExtractSliceOp::create(
        rewriter, loc, type, pooled, zeros,
        tensor::getMixedSizes(rewriter, loc, plan->init), ones);
  }
  if (plan->maxWith) {
    // The windows started at the fill constant c: max with c afterwards.
    Value c = arith::ConstantOp::create(rewriter, loc, *plan->maxWith);
    auto pooledType = cast<RankedTensorType>(pooled.getType());
    Value empty = tensor::EmptyOp::create(
        rewriter, loc, tensor::getMixedSizes(rewriter, loc, pooled),
        pooledType.getElementType());
    AffineMap id = rewriter.getMultiDimIdentityMap(rank);
    pooled =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{pooledType}, ValueRange{pooled},
            ValueRange{empty}, ArrayRef<AffineMap>{id, id},
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::parallel),
            [&](OpBuilder &b, Location l, ValueRange args) {
              Value m =
                  isa<FloatType>(c.getType())
                      ? arith::MaximumFOp::create(b, l, args[0], c).getResult()
                      : arith::MaxSIOp::create(b, l, args[0], c).getResult();
              linalg::YieldOp::create(b, l, m);
            })
            .getResult(0);
  }

  Operation *replaced = plan->replaced.getDefiningOp();
  if (transposed) {
    // Uses through the inverse transpose read the channels-first result.
    SmallVector<linalg::TransposeOp> back;
    for (Operation *user : plan->replaced.getUsers())
      if (auto t = dyn_cast<linalg::TransposeOp>(user);
          t && t.getInput() == plan->replaced &&
          t.getPermutation() == ArrayRef<int64_t>(toFirst) &&
          t->getResult(0).getType() == pooled.getType())
        back.push_back(t);
    for (linalg::TransposeOp t : back)
      rewriter.replaceOp(t, pooled);
    if (plan->replaced.use_empty())
      rewriter.eraseOp(replaced);
    else
      rewriter.replaceOp(replaced, transposeTo(rewriter, loc, pooled, toLast));
  } else {
    rewriter.replaceOp(replaced, pooled);
  }
  if (replaced != op.getOperation())
    rewriter.eraseOp(op); // the sum, whose only user was the division
  return success();
}

namespace {
struct RaiseNamedPooling : OpInterfaceRewritePattern<linalg::LinalgOp> {
  RaiseNamedPooling(MLIRContext *ctx, bool foldTransposes)
      : OpInterfaceRewritePattern(ctx), foldTransposes(foldTransposes) {}
  LogicalResult matchAndRewrite(linalg::LinalgOp op,
                                PatternRewriter &rewriter) const override {
    if (!getNamedPooling(op))
      return failure();
    return raise(op, foldTransposes, rewriter);
  }
  bool foldTransposes;
};

struct RaiseLinalgToPoolPass
    : pool::impl::RaiseLinalgToPoolBase<RaiseLinalgToPoolPass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateRaiseLinalgToPoolPatterns(patterns, foldTransposes);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    getOperation().walk([](linalg::LinalgOp op) {
      std::string why;
      if (getNamedPooling(op) && failed(planRaise(op, why)))
        op->emitRemark() << "raise-linalg-to-pool: left as linalg: " << why;
    });
  }
};
} // namespace

void mlir::pool::populateRaiseLinalgToPoolPatterns(RewritePatternSet &patterns,
                                                   bool foldTransposes) {
  patterns.add<RaiseNamedPooling>(patterns.getContext(), foldTransposes);
}
