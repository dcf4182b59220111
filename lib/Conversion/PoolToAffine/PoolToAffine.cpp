//===- PoolToAffine.cpp - Pool ops to affine loop nests -------------------===//
//
// Every pool op becomes affine.for nests with affine.load / affine.store on
// the op's input as a buffer (bufferization.to_buffer) and a new output
// buffer (memref.alloc, returned through bufferization.to_tensor, which
// one-shot bufferization folds). Windows that leave the input are handled
// by the loop bounds: the taps of output o run over
//   [max(ceil((0 - start) / d), 0), min(ceil((I - start) / d), K))
// with start = o * s - pb (computeTapRange), a max and a min map, and the
// adaptive bins over [0, size(o)): no padded copy, no affine.if. Every
// bound and subscript is an affine expression built by AffineExprArith from
// the shared window formulas; sizes known only at run time are symbols.
//
// Loop orders, per layout:
//   - channels-last: the channel loop innermost, accumulating in the output
//     buffer (a fill nest, then (n, o..., k..., c), then the averages'
//     division): every access is contiguous along the innermost loop, which
//     is what affine-super-vectorize needs;
//   - channels-first: (n, c, o...) then the taps innermost, reducing into
//     iter_args, one store per output.
//
//===----------------------------------------------------------------------===//

#include "pool/Conversion/Passes.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Utils/LoweringUtils.h"
#include "pool/Dialect/Pool/Utils/WindowArith.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::pool {
#define GEN_PASS_DEF_CONVERTPOOLTOAFFINE
#include "pool/Conversion/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

using AEA = AffineExprArith;

namespace {

/// One loop of a nest: bounds over the enclosing loops' induction variables
/// (dimension i is the i-th loop of the whole nest) and the symbols.
struct LoopBounds {
  AEA::Value lower, upper;
};

/// The body of the innermost loop: gets every induction variable of the
/// nest and the iteration arguments, returns what to yield.
using BodyFn =
    function_ref<SmallVector<Value>(OpBuilder &, ValueRange ivs, ValueRange)>;

/// One pool op being lowered.
struct AffineLowering {
  OpBuilder &b;
  Location loc;
  Operation *op;
  PoolSpec spec;
  Value input;
  RankedTensorType inType, outType;
  int64_t rank = 0, n = 0;
  Type elemType, accType;
  bool assertWindowFits;
  AEA d;
  /// Every input dimension's size (constants where static).
  SmallVector<Value> inSizes;
  /// Every result dimension's size.
  SmallVector<Value> outSizes;
  Value inBuf;
  /// Why the op cannot become affine loops, when it cannot.
  std::string why;

  AffineLowering(OpBuilder &b, PoolOpInterface op, bool assertWindowFits)
      : b(b), loc(op.getLoc()), op(op), spec(op.getSpec()),
        input(op.getInput()), assertWindowFits(assertWindowFits),
        d(op.getContext()) {
    inType = cast<RankedTensorType>(input.getType());
    outType = cast<RankedTensorType>(op->getResult(0).getType());
    rank = inType.getRank();
    n = getSpatialRank(spec, rank);
    elemType = inType.getElementType();
    accType = getPoolAccumulatorType(elemType);
  }

  bool isMax() const { return spec.isMax(); }
  bool channelsLast() const { return spec.layout == Layout::ChannelsLast; }
  int64_t channelDim() const { return getChannelDim(spec.layout, n); }
  int64_t spatialDim(int64_t i) const { return getSpatialDim(spec.layout, i); }

  FailureOr<Value> lower();

private:
  LogicalResult prepare();
  Value allocate(Type type);
  SmallVector<Value> buildNest(OpBuilder &ob, ValueRange outerIvs,
                               ArrayRef<LoopBounds> loops, ValueRange inits,
                               BodyFn body);
  std::pair<AffineMap, SmallVector<Value>>
  access(ArrayRef<AEA::Value> subscripts, ValueRange ivs);
  Value load(OpBuilder &ob, Value buffer, ArrayRef<AEA::Value> subscripts,
             ValueRange ivs);
  void store(OpBuilder &ob, Value value, Value buffer,
             ArrayRef<AEA::Value> subscripts, ValueRange ivs);
  Value combine(OpBuilder &ob, Value acc, Value value);
  Value toElement(OpBuilder &ob, Value acc);
  Value divide(OpBuilder &ob, Value sum, Value divisor);
  SmallVector<AEA::Value> outSubscripts(AEA::Value batch, AEA::Value channel,
                                        ArrayRef<AEA::Value> spatial);
  LoopBounds upTo(Value size) { return {d.cst(0), d.sym(size)}; }
  void fillOutput(Value buffer, Value neutral);
  void finish(Value acc, Value out,
              function_ref<Value(OpBuilder &, ValueRange spatial)> div);

  using DivisorFn = function_ref<Value(OpBuilder &, ValueRange spatial)>;
  void accumulateInOutput(Value out, ArrayRef<LoopBounds> loops,
                          ArrayRef<AEA::Value> inSubs,
                          ArrayRef<AEA::Value> outSubs, DivisorFn divisor);
  void reducePerOutput(Value out, ArrayRef<LoopBounds> outer,
                       ArrayRef<LoopBounds> inner, ArrayRef<AEA::Value> inSubs,
                       ArrayRef<AEA::Value> outSubs,
                       function_ref<Value(OpBuilder &, ValueRange, Value)> div);
  std::optional<int64_t> getConstantDivisor(ArrayRef<DimGeometry> geometry);
  FailureOr<Value> lowerWindows();
  FailureOr<Value> lowerGlobal();
};
} // namespace

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

LogicalResult AffineLowering::prepare() {
  auto inMemref = MemRefType::get(inType.getShape(), elemType);
  inBuf = bufferization::ToBufferOp::create(b, loc, inMemref, input,
                                            /*read_only=*/true);
  for (int64_t i = 0; i < rank; ++i)
    inSizes.push_back(
        inType.isDynamicDim(i)
            ? memref::DimOp::create(b, loc, inBuf, i).getResult()
            : arith::ConstantIndexOp::create(b, loc, inType.getDimSize(i))
                  .getResult());
  ReifiedRankedShapedTypeDims shapes;
  if (failed(reifyPoolResultShapes(b, cast<PoolOpInterface>(op), shapes))) {
    why = "its result sizes cannot be computed";
    return failure();
  }
  for (OpFoldResult size : shapes[0])
    outSizes.push_back(getValueOrCreateConstantIndexOp(b, loc, size));
  if (assertWindowFits) {
    SmallVector<Value> spatial;
    for (int64_t i = 0; i < n; ++i)
      spatial.push_back(inSizes[spatialDim(i)]);
    emitPoolShapeChecks(b, loc, spec, spatial);
  }
  return success();
}

Value AffineLowering::allocate(Type type) {
  auto memref = MemRefType::get(outType.getShape(), type);
  SmallVector<Value> dynamic;
  for (int64_t i = 0; i < outType.getRank(); ++i)
    if (outType.isDynamicDim(i))
      dynamic.push_back(outSizes[i]);
  return memref::AllocOp::create(b, loc, memref, dynamic);
}

/// Loops `loops` at `ob`'s insertion point, inside loops whose induction
/// variables are `outerIvs` (dimensions 0 to outerIvs.size() - 1 of the
/// bounds), `inits` threaded through all of them as iteration arguments.
/// The body gets every induction variable, outer ones first.
SmallVector<Value> AffineLowering::buildNest(OpBuilder &ob, ValueRange outerIvs,
                                             ArrayRef<LoopBounds> loops,
                                             ValueRange inits, BodyFn body) {
  SmallVector<Value> ivs(outerIvs);
  std::function<SmallVector<Value>(OpBuilder &, ArrayRef<LoopBounds>,
                                   ValueRange)>
      build = [&](OpBuilder &lb, ArrayRef<LoopBounds> rest,
                  ValueRange args) -> SmallVector<Value> {
    if (rest.empty())
      return body(lb, ivs, args);
    unsigned depth = ivs.size();
    SmallVector<Value> operands(ivs);
    llvm::append_range(operands, d.symbols);
    AffineMap lower = d.getMap(rest.front().lower, depth);
    AffineMap upper = d.getMap(rest.front().upper, depth);
    auto loop = affine::AffineForOp::create(
        lb, loc, operands, lower, operands, upper, /*step=*/1, args,
        [&](OpBuilder &nb, Location l, Value iv, ValueRange iterArgs) {
          ivs.push_back(iv);
          SmallVector<Value> results = build(nb, rest.drop_front(), iterArgs);
          ivs.pop_back();
          affine::AffineYieldOp::create(nb, l, results);
        });
    return SmallVector<Value>(loop.getResults());
  };
  return build(ob, loops, inits);
}

/// The map and operands of an access at `subscripts`, over the induction
/// variables `ivs` and the symbols.
std::pair<AffineMap, SmallVector<Value>>
AffineLowering::access(ArrayRef<AEA::Value> subscripts, ValueRange ivs) {
  SmallVector<AffineExpr> exprs;
  for (const AEA::Value &s : subscripts)
    exprs.push_back(s.expr());
  AffineMap map =
      AffineMap::get(ivs.size(), d.symbols.size(), exprs, b.getContext());
  SmallVector<Value> operands(ivs);
  llvm::append_range(operands, d.symbols);
  return {map, operands};
}

Value AffineLowering::load(OpBuilder &ob, Value buffer,
                           ArrayRef<AEA::Value> subscripts, ValueRange ivs) {
  auto [map, operands] = access(subscripts, ivs);
  return affine::AffineLoadOp::create(ob, loc, buffer, map, operands);
}

void AffineLowering::store(OpBuilder &ob, Value value, Value buffer,
                           ArrayRef<AEA::Value> subscripts, ValueRange ivs) {
  auto [map, operands] = access(subscripts, ivs);
  affine::AffineStoreOp::create(ob, loc, value, buffer, map, operands);
}

/// acc (accumulator type) folded with value (element type): a NaN-propagating
/// max, a signed integer max, or a sum.
Value AffineLowering::combine(OpBuilder &ob, Value acc, Value value) {
  if (value.getType() != accType)
    value = arith::ExtFOp::create(ob, loc, accType, value);
  if (!isMax())
    return arith::AddFOp::create(ob, loc, acc, value);
  if (isa<FloatType>(accType))
    return arith::MaximumFOp::create(ob, loc, acc, value);
  return arith::MaxSIOp::create(ob, loc, acc, value);
}

Value AffineLowering::toElement(OpBuilder &ob, Value acc) {
  if (acc.getType() == elemType)
    return acc;
  return arith::TruncFOp::create(ob, loc, elemType, acc);
}

Value AffineLowering::divide(OpBuilder &ob, Value sum, Value divisor) {
  Value i64 = arith::IndexCastOp::create(ob, loc, ob.getI64Type(), divisor);
  Value count = arith::SIToFPOp::create(ob, loc, accType, i64);
  return arith::DivFOp::create(ob, loc, sum, count);
}

/// The result subscripts of (batch, channel, spatial outputs): the global
/// ops' spatial dimensions are 0 with keep_dims and absent without.
SmallVector<AEA::Value>
AffineLowering::outSubscripts(AEA::Value batch, AEA::Value channel,
                              ArrayRef<AEA::Value> spatial) {
  SmallVector<AEA::Value> subs(outType.getRank(), d.cst(0));
  subs[0] = batch;
  if (outType.getRank() == 2) {
    subs[1] = channel;
    return subs;
  }
  subs[channelDim()] = channel;
  for (auto [i, s] : llvm::enumerate(spatial))
    subs[spatialDim(i)] = s;
  return subs;
}

/// Every element of `buffer` (the result's shape) set to `neutral`.
void AffineLowering::fillOutput(Value buffer, Value neutral) {
  SmallVector<LoopBounds> loops;
  SmallVector<AEA::Value> subs;
  for (int64_t i = 0; i < outType.getRank(); ++i) {
    loops.push_back(upTo(outSizes[i]));
    subs.push_back(d.dim(i));
  }
  buildNest(b, {}, loops, {}, [&](OpBuilder &ob, ValueRange ivs, ValueRange) {
    store(ob, neutral, buffer, subs, ivs);
    return SmallVector<Value>();
  });
}

/// out = acc / divisor (averages) or acc (maxima) in the element type,
/// over the result's shape; the divisor is computed from the spatial output
/// indices. Nothing to do for a maximum accumulated in the output itself.
void AffineLowering::finish(
    Value acc, Value out,
    function_ref<Value(OpBuilder &, ValueRange spatial)> divisor) {
  if (isMax() && acc == out)
    return;
  SmallVector<LoopBounds> loops;
  SmallVector<AEA::Value> subs;
  for (int64_t i = 0; i < outType.getRank(); ++i) {
    loops.push_back(upTo(outSizes[i]));
    subs.push_back(d.dim(i));
  }
  bool local = outType.getRank() == rank;
  buildNest(b, {}, loops, {}, [&](OpBuilder &ob, ValueRange ivs, ValueRange) {
    SmallVector<Value> spatial;
    if (local)
      for (int64_t i = 0; i < n; ++i)
        spatial.push_back(ivs[spatialDim(i)]);
    Value value = load(ob, acc, subs, ivs);
    if (!isMax())
      value = divide(ob, value, divisor(ob, spatial));
    store(ob, toElement(ob, value), out, subs, ivs);
    return SmallVector<Value>();
  });
}

/// Channels-last: fills an accumulator of the result's shape (the output
/// itself unless f16/bf16 averages accumulate in f32), folds every input
/// element into it over `loops` (the channels innermost), then writes the
/// output (finish).
void AffineLowering::accumulateInOutput(Value out, ArrayRef<LoopBounds> loops,
                                        ArrayRef<AEA::Value> inSubs,
                                        ArrayRef<AEA::Value> outSubs,
                                        DivisorFn divisor) {
  Value acc = accType == elemType ? out : allocate(accType);
  fillOutput(acc, createPoolNeutral(b, loc, accType, isMax()));
  buildNest(b, {}, loops, {}, [&](OpBuilder &ob, ValueRange ivs, ValueRange) {
    Value value = load(ob, inBuf, inSubs, ivs);
    Value sum = load(ob, acc, outSubs, ivs);
    if (sum.getType() != accType)
      sum = arith::ExtFOp::create(ob, loc, accType, sum);
    Value next = combine(ob, sum, value);
    store(ob, acc == out ? toElement(ob, next) : next, acc, outSubs, ivs);
    return SmallVector<Value>();
  });
  finish(acc, out, divisor);
}

/// Channels-first: over `outer` (one iteration per output), reduces `inner`
/// in iteration arguments, divides averages with `div(builder, outer ivs,
/// sum)` and stores one element.
void AffineLowering::reducePerOutput(
    Value out, ArrayRef<LoopBounds> outer, ArrayRef<LoopBounds> inner,
    ArrayRef<AEA::Value> inSubs, ArrayRef<AEA::Value> outSubs,
    function_ref<Value(OpBuilder &, ValueRange, Value)> div) {
  Value neutral = createPoolNeutral(b, loc, accType, isMax());
  buildNest(b, {}, outer, {}, [&](OpBuilder &ob, ValueRange ivs, ValueRange) {
    SmallVector<Value> outerIvs(ivs);
    SmallVector<Value> result =
        buildNest(ob, outerIvs, inner, neutral,
                  [&](OpBuilder &ib, ValueRange all, ValueRange args) {
                    Value value = load(ib, inBuf, inSubs, all);
                    return SmallVector<Value>{combine(ib, args[0], value)};
                  });
    Value acc = result[0];
    if (!isMax())
      acc = div(ob, outerIvs, acc);
    store(ob, toElement(ob, acc), out, outSubs, outerIvs);
    return SmallVector<Value>();
  });
}

//===----------------------------------------------------------------------===//
// Local and adaptive pooling
//===----------------------------------------------------------------------===//

/// The average divisor when it is the same at every output position: the
/// product of each static dimension's factor (computeDivisorFactor) when
/// that factor is the same for every output; nothing otherwise.
std::optional<int64_t>
AffineLowering::getConstantDivisor(ArrayRef<DimGeometry> geometry) {
  int64_t product = 1;
  for (int64_t i = 0; i < n; ++i) {
    int64_t dim = spatialDim(i);
    if (inType.isDynamicDim(dim) || outType.isDynamicDim(dim))
      return std::nullopt;
    int64_t in = inType.getDimSize(dim), out = outType.getDimSize(dim);
    // Long dimensions are not scanned: their divisor is computed.
    if (out > (1 << 16))
      return std::nullopt;
    CheckedArith ca;
    int64_t first = computeDivisorFactor(ca, geometry[i], int64_t(0), in,
                                         spec.countIncludePad);
    for (int64_t o = 1; o < out; ++o)
      if (computeDivisorFactor(ca, geometry[i], o, in, spec.countIncludePad) !=
          first)
        return std::nullopt;
    if (ca.overflow)
      return std::nullopt;
    product *= first;
  }
  return std::max<int64_t>(product, 1);
}

FailureOr<Value> AffineLowering::lowerWindows() {
  SmallVector<std::optional<int64_t>> staticSizes;
  for (int64_t i = 0; i < n; ++i)
    staticSizes.push_back(
        inType.isDynamicDim(spatialDim(i))
            ? std::nullopt
            : std::optional<int64_t>(inType.getDimSize(spatialDim(i))));
  SmallVector<DimGeometry> geometry = getDimGeometry(spec, staticSizes);
  IndexArith ia(b, loc);
  SmallVector<Value> padBegin;
  for (int64_t i = 0; i < n; ++i)
    padBegin.push_back(
        computePadBegin(ia, inSizes[spatialDim(i)], geometry[i]));

  // Loop positions: batch, then channels-first: c, o..., k...;
  // channels-last: o..., k..., c.
  bool last = channelsLast();
  unsigned batchPos = 0, channelPos = last ? 1 + 2 * n : 1;
  auto outPos = [&](int64_t i) { return unsigned((last ? 1 : 2) + i); };
  auto tapPos = [&](int64_t i) { return unsigned((last ? 1 : 2) + n + i); };

  SmallVector<LoopBounds> outer, taps;
  SmallVector<AEA::Value> inSubs(rank, d.cst(0)), spatialOut;
  outer.push_back(upTo(outSizes[0]));
  if (!last)
    outer.push_back(upTo(outSizes[channelDim()]));
  for (int64_t i = 0; i < n; ++i) {
    outer.push_back(upTo(outSizes[spatialDim(i)]));
    spatialOut.push_back(d.dim(outPos(i)));
    TapRange<AEA::Value> range =
        computeOutputTaps(d, geometry[i], d.dim(outPos(i)),
                          d.sym(inSizes[spatialDim(i)]), d.sym(padBegin[i]));
    if (range.lo.kind == AEA::Value::Min || range.hi.kind == AEA::Value::Max)
      d.failed = true;
    taps.push_back({range.lo, range.hi});
    inSubs[spatialDim(i)] = computeTapPosition(d, range.start, d.dim(tapPos(i)),
                                               geometry[i].step());
  }
  inSubs[0] = d.dim(batchPos);
  inSubs[channelDim()] = d.dim(channelPos);
  SmallVector<AEA::Value> outSubs =
      outSubscripts(d.dim(batchPos), d.dim(channelPos), spatialOut);
  if (d.failed) {
    why = "its windows are not affine in the output index (adaptive bins "
          "over a dynamic input size)";
    return failure();
  }

  Value out = allocate(elemType);
  // A divisor that is the same at every output (static sizes, windows that
  // never leave the input or count the padding) is one constant.
  std::optional<int64_t> constantDivisor =
      isMax() ? std::nullopt : getConstantDivisor(geometry);
  auto divisor = [&](OpBuilder &ob, ValueRange spatial) -> Value {
    if (constantDivisor)
      return arith::ConstantIndexOp::create(ob, loc, *constantDivisor);
    IndexArith oa(ob, loc);
    SmallVector<Value> factors;
    for (int64_t i = 0; i < n; ++i)
      factors.push_back(computeDivisorFactor(oa, geometry[i], spatial[i],
                                             inSizes[spatialDim(i)],
                                             spec.countIncludePad));
    return computeClampedDivisor(oa, ArrayRef<Value>(factors));
  };

  if (last) {
    SmallVector<LoopBounds> loops(outer);
    llvm::append_range(loops, taps);
    loops.push_back(upTo(outSizes[channelDim()]));
    accumulateInOutput(out, loops, inSubs, outSubs, divisor);
    return out;
  }

  // Channels-first: one reduction per output, the taps innermost.
  reducePerOutput(out, outer, taps, inSubs, outSubs,
                  [&](OpBuilder &ob, ValueRange outerIvs, Value sum) {
                    SmallVector<Value> spatial;
                    for (int64_t i = 0; i < n; ++i)
                      spatial.push_back(outerIvs[outPos(i)]);
                    return divide(ob, sum, divisor(ob, spatial));
                  });
  return out;
}

//===----------------------------------------------------------------------===//
// Global pooling
//===----------------------------------------------------------------------===//

FailureOr<Value> AffineLowering::lowerGlobal() {
  bool last = channelsLast();
  IndexArith ia(b, loc);
  SmallVector<Value> spatialSizes;
  for (int64_t i = 0; i < n; ++i)
    spatialSizes.push_back(inSizes[spatialDim(i)]);
  Value count = computeClampedDivisor(ia, ArrayRef<Value>(spatialSizes));

  // Loop positions: batch, then channels-first: c, s...; channels-last:
  // s..., c.
  unsigned channelPos = last ? 1 + n : 1;
  auto spatialPos = [&](int64_t i) { return unsigned((last ? 1 : 2) + i); };
  SmallVector<LoopBounds> outer{upTo(inSizes[0])}, spatial;
  SmallVector<AEA::Value> inSubs(rank, d.cst(0));
  inSubs[0] = d.dim(0);
  inSubs[channelDim()] = d.dim(channelPos);
  for (int64_t i = 0; i < n; ++i) {
    spatial.push_back(upTo(spatialSizes[i]));
    inSubs[spatialDim(i)] = d.dim(spatialPos(i));
  }
  SmallVector<AEA::Value> outSubs =
      outSubscripts(d.dim(0), d.dim(channelPos), {});

  Value out = allocate(elemType);
  if (last) {
    SmallVector<LoopBounds> loops(outer);
    llvm::append_range(loops, spatial);
    loops.push_back(upTo(inSizes[channelDim()]));
    accumulateInOutput(out, loops, inSubs, outSubs,
                       [&](OpBuilder &, ValueRange) { return count; });
    return out;
  }
  outer.push_back(upTo(inSizes[channelDim()]));
  reducePerOutput(out, outer, spatial, inSubs, outSubs,
                  [&](OpBuilder &ob, ValueRange, Value sum) {
                    return divide(ob, sum, count);
                  });
  return out;
}

FailureOr<Value> AffineLowering::lower() {
  if (failed(prepare()))
    return failure();
  FailureOr<Value> out = spec.isGlobal() ? lowerGlobal() : lowerWindows();
  if (failed(out))
    return failure();
  // The sizes are computed beside the op: valid symbols only where the op
  // is at the top level of an affine scope (a function body).
  Operation *parent = op->getParentOp();
  if (!d.symbols.empty() &&
      !(parent && parent->hasTrait<OpTrait::AffineScope>())) {
    why = "its sizes are dynamic and it is not at the top level of an "
          "affine scope (a function body), so they are not valid affine "
          "symbols";
    return failure();
  }
  return Value(bufferization::ToTensorOp::create(
      b, loc, outType, *out, /*restrict=*/true, /*writable=*/true));
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

FailureOr<Value> mlir::pool::lowerPoolOpToAffine(RewriterBase &rewriter,
                                                 PoolOpInterface op,
                                                 bool assertWindowFits,
                                                 std::string &why) {
  // The lowering's ops go in a scratch block first, so that a decline
  // leaves the IR as it was.
  OpBuilder::InsertionGuard guard(rewriter);
  Block scratch;
  rewriter.setInsertionPointToStart(&scratch);
  AffineLowering lowering(rewriter, op, assertWindowFits);
  FailureOr<Value> result = lowering.lower();
  if (failed(result)) {
    why = lowering.why;
    // Later ops first: they use the earlier ones.
    while (!scratch.empty()) {
      scratch.back().dropAllUses();
      scratch.back().erase();
    }
    return failure();
  }
  // Moved into place op by op, so that a listening rewriter sees each.
  while (!scratch.empty()) {
    Operation *moved = &scratch.front();
    rewriter.moveOpBefore(moved, op);
  }
  replacePoolOp(rewriter, op, *result);
  return result;
}

namespace {
struct ConvertPoolToAffinePass
    : public pool::impl::ConvertPoolToAffineBase<ConvertPoolToAffinePass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<PoolOpInterface> ops;
    getOperation()->walk([&](PoolOpInterface op) { ops.push_back(op); });
    for (PoolOpInterface op : ops) {
      IRRewriter rewriter(op);
      std::string why;
      if (failed(lowerPoolOpToAffine(rewriter, op, assertWindowFits, why)))
        op.emitRemark() << "left for the default lowering: " << why;
    }
  }
};
} // namespace
