//===- PoolToLinalg.cpp - Lower pool ops to linalg ------------------------===//
//
// Every pool op becomes linalg on tensors. Window geometry (padding, output
// sizes, divisors, adaptive bins) comes from the dialect's window arithmetic,
// emitted as IR through IndexArith, so that static and dynamic shapes share
// one code path and one set of formulas.
//
//===----------------------------------------------------------------------===//

#include "pool/Conversion/PoolToLinalg/PoolToLinalg.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Utils/LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::pool {
#define GEN_PASS_DEF_CONVERTPOOLTOLINALG
#include "pool/Conversion/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

/// Folds `value` into the accumulator: a NaN-propagating max, or a sum in
/// the accumulator's (possibly wider) type.
static Value combine(OpBuilder &b, Location loc, bool isMax, Value acc,
                     Value value) {
  if (value.getType() != acc.getType())
    value = arith::ExtFOp::create(b, loc, acc.getType(), value);
  if (!isMax)
    return arith::AddFOp::create(b, loc, acc, value);
  if (isa<FloatType>(value.getType()))
    return arith::MaximumFOp::create(b, loc, acc, value);
  return arith::MaxSIOp::create(b, loc, acc, value);
}

static Value createFilled(OpBuilder &b, Location loc,
                          ArrayRef<OpFoldResult> sizes, Type type, Value fill) {
  Value empty = tensor::EmptyOp::create(b, loc, sizes, type);
  return linalg::FillOp::create(b, loc, fill, empty).getResult(0);
}

/// An index value converted to the float type `type`.
static Value indexToFloat(OpBuilder &b, Location loc, Value index, Type type) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  return arith::SIToFPOp::create(b, loc, type, i64);
}

static SmallVector<utils::IteratorType> getIterators(int64_t parallel,
                                                     int64_t reduction) {
  SmallVector<utils::IteratorType> iterators(parallel,
                                             utils::IteratorType::parallel);
  iterators.append(reduction, utils::IteratorType::reduction);
  return iterators;
}

namespace {
/// One pool op being lowered: its spec, input, and the sizes every lowering
/// needs, computed once.
struct PoolLowering {
  OpBuilder &b;
  Location loc;
  PoolSpec spec;
  Value input;
  int64_t rank = 0, n = 0;
  Type elemType, accType;
  /// Result sizes (reified: constants where static).
  SmallVector<OpFoldResult> outSizes;
  /// Input spatial sizes as index values (constants where static).
  SmallVector<Value> inSizes;
  bool assertWindowFits = true;

  PoolLowering(OpBuilder &b, PoolOpInterface op, bool assertWindowFits)
      : b(b), loc(op.getLoc()), spec(op.getSpec()), input(op.getInput()),
        assertWindowFits(assertWindowFits) {
    auto inputType = cast<RankedTensorType>(input.getType());
    rank = inputType.getRank();
    n = getSpatialRank(spec, rank);
    elemType = inputType.getElementType();
    accType = getPoolAccumulatorType(elemType);
    for (int64_t i = 0; i < n; ++i)
      inSizes.push_back(getValueOrCreateConstantIndexOp(
          b, loc,
          tensor::getMixedSize(b, loc, input, getSpatialDim(spec.layout, i))));
  }

  bool isMax() const { return spec.isMax(); }
  int64_t spatialDim(int64_t i) const { return getSpatialDim(spec.layout, i); }

  /// Output sizes of the spatial dimensions only.
  SmallVector<OpFoldResult> spatialOutSizes() const {
    SmallVector<OpFoldResult> sizes;
    for (int64_t i = 0; i < n; ++i)
      sizes.push_back(outSizes[spatialDim(i)]);
    return sizes;
  }

  /// A reduction init of the result shape, filled with the neutral value.
  Value createInit() {
    return createFilled(b, loc, outSizes, accType,
                        createPoolNeutral(b, loc, accType, isMax()));
  }

  /// Rounds a maximum accumulated in a wider type back to the element type
  /// (exact: the maximum is one of the inputs).
  Value finishMax(Value acc) {
    if (accType == elemType)
      return acc;
    auto type = cast<RankedTensorType>(acc.getType());
    SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, acc);
    Value out = tensor::EmptyOp::create(b, loc, sizes, elemType);
    AffineMap identity = b.getMultiDimIdentityMap(type.getRank());
    return linalg::GenericOp::create(
               b, loc, out.getType(), acc, out,
               SmallVector<AffineMap>{identity, identity},
               getIterators(type.getRank(), 0),
               [&](OpBuilder &bb, Location l, ValueRange args) {
                 linalg::YieldOp::create(bb, l,
                                         ValueRange{arith::TruncFOp::create(
                                             bb, l, elemType, args[0])});
               })
        .getResult(0);
  }

  /// Divides the sums in `sum` (accumulator type, result shape) by
  /// `divisor`, given either as a tensor over the output's spatial
  /// dimensions or as a scalar, and converts to the element type.
  Value finishAverage(Value sum, Value divisorTensor, Value divisorScalar) {
    SmallVector<AffineMap> maps;
    SmallVector<Value> ins;
    MLIRContext *ctx = b.getContext();
    AffineMap identity = b.getMultiDimIdentityMap(rank);
    bool inPlace = accType == elemType;
    if (!inPlace) {
      ins.push_back(sum);
      maps.push_back(identity);
    }
    if (divisorTensor) {
      SmallVector<AffineExpr> exprs;
      for (int64_t i = 0; i < n; ++i)
        exprs.push_back(getAffineDimExpr(spatialDim(i), ctx));
      ins.push_back(divisorTensor);
      maps.push_back(AffineMap::get(rank, 0, exprs, ctx));
    }
    maps.push_back(identity);
    Value out =
        inPlace
            ? sum
            : tensor::EmptyOp::create(b, loc, outSizes, elemType).getResult();
    auto generic = linalg::GenericOp::create(
        b, loc, out.getType(), ins, out, maps, getIterators(rank, 0),
        [&](OpBuilder &bb, Location l, ValueRange args) {
          Value s = inPlace ? args.back() : args[0];
          Value d = divisorTensor ? args[inPlace ? 0 : 1] : divisorScalar;
          Value q = arith::DivFOp::create(bb, l, s, d);
          if (!inPlace)
            q = arith::TruncFOp::create(bb, l, elemType, q);
          linalg::YieldOp::create(bb, l, q);
        });
    return generic.getResult(0);
  }

  /// A tensor over the output's spatial dimensions holding, per position,
  /// the product over dimensions of `factor(i, o_i)` (at least 1), as the
  /// accumulator type.
  Value
  buildDivisorTensor(function_ref<Value(IndexArith &, int64_t, Value)> factor) {
    SmallVector<OpFoldResult> sizes = spatialOutSizes();
    Value empty = tensor::EmptyOp::create(b, loc, sizes, accType);
    AffineMap identity = b.getMultiDimIdentityMap(n);
    auto generic = linalg::GenericOp::create(
        b, loc, empty.getType(), ValueRange{}, empty, identity,
        getIterators(n, 0), [&](OpBuilder &bb, Location l, ValueRange) {
          IndexArith ia(bb, l);
          SmallVector<Value> factors;
          for (int64_t i = 0; i < n; ++i) {
            Value o = linalg::IndexOp::create(bb, l, i);
            factors.push_back(factor(ia, i, o));
          }
          Value divisor = computeClampedDivisor(ia, ArrayRef<Value>(factors));
          linalg::YieldOp::create(bb, l, indexToFloat(bb, l, divisor, accType));
        });
    return generic.getResult(0);
  }

  Value lowerLocal();
  Value lowerGlobal();
  Value lowerAdaptive();

private:
  Value buildDirectWindow(Value init, ArrayRef<WindowDim> windows);

  /// The input index tap `r` of output `o` reads along spatial dim `i`, and
  /// whether that tap counts.
  using TapFn = function_ref<std::pair<Value, Value>(IndexArith &, int64_t i,
                                                     Value o, Value r)>;
  /// A generic over (output dims, tap dims of sizes `taps`) that reads the
  /// input in place with tensor.extract at the tap's index clamped into the
  /// input, and folds it into the accumulator only where `tap` says it
  /// counts: windows leaving the input, adaptive bins.
  Value buildGatherReduction(Value init, ArrayRef<OpFoldResult> taps,
                             TapFn tap);
};
} // namespace

//===----------------------------------------------------------------------===//
// Local pooling
//===----------------------------------------------------------------------===//

/// Windows that never leave the input: the upstream named pooling op, or a
/// generic with the same indexing where upstream has none (3-D NCDHW).
Value PoolLowering::buildDirectWindow(Value init, ArrayRef<WindowDim> windows) {
  SmallVector<int64_t> kernel, strides, dilations;
  for (const WindowDim &w : windows) {
    kernel.push_back(w.kernel);
    strides.push_back(w.stride);
    dilations.push_back(w.dilation);
  }
  Value window = tensor::EmptyOp::create(b, loc, kernel, accType);
  Attribute stridesAttr = b.getI64TensorAttr(strides);
  Attribute dilationsAttr = b.getI64TensorAttr(dilations);
  bool cf = spec.layout == Layout::ChannelsFirst;
  SmallVector<Type> types = {init.getType()};
  SmallVector<Value> ins = {input, window};
  auto create = [&](auto tag) -> Value {
    using OpTy = decltype(tag);
    return OpTy::create(b, loc, types, ins, ValueRange{init}, stridesAttr,
                        dilationsAttr)
        .getResult(0);
  };
  if (isMax()) {
    if (n == 1)
      return cf ? create(linalg::PoolingNcwMaxOp())
                : create(linalg::PoolingNwcMaxOp());
    if (n == 2)
      return cf ? create(linalg::PoolingNchwMaxOp())
                : create(linalg::PoolingNhwcMaxOp());
    if (!cf)
      return create(linalg::PoolingNdhwcMaxOp());
  } else {
    if (n == 1)
      return cf ? create(linalg::PoolingNcwSumOp())
                : create(linalg::PoolingNwcSumOp());
    if (n == 2)
      return cf ? create(linalg::PoolingNchwSumOp())
                : create(linalg::PoolingNhwcSumOp());
    if (!cf)
      return create(linalg::PoolingNdhwcSumOp());
  }

  // 3-D channels-first: iteration space (output dims, window dims).
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> inputExprs, windowExprs;
  for (int64_t d = 0; d < rank; ++d)
    inputExprs.push_back(getAffineDimExpr(d, ctx));
  for (int64_t i = 0; i < n; ++i) {
    AffineExpr k = getAffineDimExpr(rank + i, ctx);
    inputExprs[spatialDim(i)] =
        getAffineDimExpr(spatialDim(i), ctx) * windows[i].stride +
        k * windows[i].dilation;
    windowExprs.push_back(k);
  }
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < rank; ++d)
    outExprs.push_back(getAffineDimExpr(d, ctx));
  SmallVector<AffineMap> maps = {AffineMap::get(rank + n, 0, inputExprs, ctx),
                                 AffineMap::get(rank + n, 0, windowExprs, ctx),
                                 AffineMap::get(rank + n, 0, outExprs, ctx)};
  bool max = isMax();
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ins, init, maps, getIterators(rank, n),
      [&](OpBuilder &bb, Location l, ValueRange args) {
        linalg::YieldOp::create(bb, l, combine(bb, l, max, args[2], args[0]));
      });
  return generic.getResult(0);
}

/// Windows that stay inside the input: see buildDirectWindow above.
Value PoolLowering::buildGatherReduction(Value init,
                                         ArrayRef<OpFoldResult> taps,
                                         TapFn tap) {
  Value window = tensor::EmptyOp::create(b, loc, taps, accType);
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> windowExprs, outExprs;
  for (int64_t i = 0; i < n; ++i)
    windowExprs.push_back(getAffineDimExpr(rank + i, ctx));
  for (int64_t d = 0; d < rank; ++d)
    outExprs.push_back(getAffineDimExpr(d, ctx));
  SmallVector<AffineMap> maps = {AffineMap::get(rank + n, 0, windowExprs, ctx),
                                 AffineMap::get(rank + n, 0, outExprs, ctx)};
  bool max = isMax();
  auto generic = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{window}, init, maps,
      getIterators(rank, n), [&](OpBuilder &bb, Location l, ValueRange args) {
        IndexArith ia(bb, l);
        SmallVector<Value> indices;
        for (int64_t d = 0; d < rank; ++d)
          indices.push_back(linalg::IndexOp::create(bb, l, d));
        Value inside;
        for (int64_t i = 0; i < n; ++i) {
          Value o = indices[spatialDim(i)];
          Value r = linalg::IndexOp::create(bb, l, rank + i);
          auto [pos, ok] = tap(ia, i, o, r);
          inside = inside ? arith::AndIOp::create(bb, l, inside, ok) : ok;
          indices[spatialDim(i)] =
              ia.min(ia.max(pos, ia.cst(0)), ia.sub(inSizes[i], ia.cst(1)));
        }
        Value value = tensor::ExtractOp::create(bb, l, input, indices);
        Value acc = args[1];
        Value updated = combine(bb, l, max, acc, value);
        linalg::YieldOp::create(
            bb, l,
            ValueRange{arith::SelectOp::create(bb, l, inside, updated, acc)});
      });
  return generic.getResult(0);
}

Value PoolLowering::lowerLocal() {
  if (assertWindowFits)
    emitPoolShapeChecks(b, loc, spec, inSizes);
  SmallVector<WindowDim> windows = getWindowDims(spec);
  IndexArith ia(b, loc);
  SmallVector<Value> padBegin;
  bool needsMask = false;
  bool constantDivisor = !isMax();
  for (int64_t i = 0; i < n; ++i) {
    const WindowDim &w = windows[i];
    Value in = inSizes[i];
    padBegin.push_back(computePadBegin(ia, in, w));
    std::optional<int64_t> staticIn = getConstantIntValue(in);
    if (!staticIn) {
      needsMask |= w.isSame() || w.padBegin > 0 || w.padEnd > 0 || w.ceilMode;
      constantDivisor = false;
      continue;
    }
    CheckedArith ca;
    int64_t pb = computePadBegin(ca, *staticIn, w);
    int64_t out = computeOutputSize(ca, *staticIn, w);
    // Every window lies inside the input when every output is interior.
    auto [lo, hi] = computeInteriorOutputs(ca, *staticIn, out, pb, w);
    needsMask |= lo != 0 || hi != out;
    // Full windows at both ends mean every window is full.
    if (constantDivisor)
      for (int64_t o : {int64_t(0), out - 1})
        constantDivisor &= computeAvgDivisor(ca, o, *staticIn, w,
                                             spec.countIncludePad) == w.kernel;
    // The verifier rules overflow out; should it happen anyway, take the
    // general path.
    if (ca.overflow) {
      needsMask = true;
      constantDivisor = false;
    }
  }

  Value init = createInit();
  // Windows that may leave the input skip the taps outside it: no padded
  // copy of the input is made.
  auto windowTap = [&](IndexArith &ia, int64_t i, Value o, Value k) {
    const WindowDim &w = windows[i];
    Value pos = computeTapPosition(
        ia, computeWindowStart(ia, o, padBegin[i], w), k, w.dilation);
    Value lo = arith::CmpIOp::create(ia.b, ia.loc, arith::CmpIPredicate::sge,
                                     pos, ia.cst(0));
    Value hi = arith::CmpIOp::create(ia.b, ia.loc, arith::CmpIPredicate::slt,
                                     pos, inSizes[i]);
    return std::make_pair(pos,
                          Value(arith::AndIOp::create(ia.b, ia.loc, lo, hi)));
  };
  SmallVector<OpFoldResult> kernel;
  for (const WindowDim &w : windows)
    kernel.push_back(b.getIndexAttr(w.kernel));
  Value pooled = needsMask ? buildGatherReduction(init, kernel, windowTap)
                           : buildDirectWindow(init, windows);
  if (isMax())
    return finishMax(pooled);
  if (constantDivisor) {
    double count = 1;
    for (const WindowDim &w : windows)
      count *= static_cast<double>(w.kernel);
    Value divisor =
        arith::ConstantOp::create(b, loc, b.getFloatAttr(accType, count));
    return finishAverage(pooled, Value(), divisor);
  }
  Value divisors = buildDivisorTensor([&](IndexArith &ia, int64_t i, Value o) {
    return computeAvgDivisor(ia, o, inSizes[i], windows[i],
                             spec.countIncludePad);
  });
  return finishAverage(pooled, divisors, Value());
}

//===----------------------------------------------------------------------===//
// Global pooling
//===----------------------------------------------------------------------===//

Value PoolLowering::lowerGlobal() {
  if (assertWindowFits)
    emitPoolShapeChecks(b, loc, spec, inSizes);
  MLIRContext *ctx = b.getContext();
  int64_t channelDim = getChannelDim(spec.layout, n);
  SmallVector<AffineExpr> outExprs;
  if (spec.keepDims) {
    for (int64_t d = 0; d < rank; ++d)
      outExprs.push_back(d == 0 || d == channelDim
                             ? getAffineDimExpr(d, ctx)
                             : getAffineConstantExpr(0, ctx));
  } else {
    outExprs = {getAffineDimExpr(0, ctx), getAffineDimExpr(channelDim, ctx)};
  }
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank),
                                 AffineMap::get(rank, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  iterators[0] = iterators[channelDim] = utils::IteratorType::parallel;
  Value init = createInit();
  bool max = isMax();
  Value reduced = linalg::GenericOp::create(
                      b, loc, init.getType(), input, init, maps, iterators,
                      [&](OpBuilder &bb, Location l, ValueRange args) {
                        linalg::YieldOp::create(
                            bb, l, combine(bb, l, max, args[1], args[0]));
                      })
                      .getResult(0);
  if (max)
    return finishMax(reduced);
  // The sum divided by the number of spatial elements.
  IndexArith ia(b, loc);
  Value count = ia.cst(1);
  for (Value size : inSizes)
    count = ia.mul(count, size);
  Value divisor;
  if (std::optional<int64_t> c = getConstantIntValue(count))
    divisor = arith::ConstantOp::create(
        b, loc, b.getFloatAttr(accType, static_cast<double>(*c)));
  else
    divisor = indexToFloat(b, loc, count, accType);
  // finishAverage works on the result shape, which here has no spatial dims
  // unless keep_dims; a scalar divisor needs none.
  int64_t savedRank = rank;
  rank = cast<RankedTensorType>(reduced.getType()).getRank();
  Value result = finishAverage(reduced, Value(), divisor);
  rank = savedRank;
  return result;
}

//===----------------------------------------------------------------------===//
// Adaptive pooling
//===----------------------------------------------------------------------===//

Value PoolLowering::lowerAdaptive() {
  if (assertWindowFits)
    emitPoolShapeChecks(b, loc, spec, inSizes);
  IndexArith ia(b, loc);
  SmallVector<OpFoldResult> bounds;
  for (int64_t i = 0; i < n; ++i)
    bounds.push_back(getAsOpFoldResult(
        computeAdaptiveBinBound(ia, inSizes[i], spec.outputSize[i])));
  // Tap r of bin o reads begin(o) + r and counts while before end(o).
  auto binTap = [&](IndexArith &ba, int64_t i, Value o, Value r) {
    int64_t out = spec.outputSize[i];
    Value pos = ba.add(computeAdaptiveBegin(ba, o, inSizes[i], out), r);
    Value end = computeAdaptiveEnd(ba, o, inSizes[i], out);
    return std::make_pair(
        pos, Value(arith::CmpIOp::create(ba.b, ba.loc,
                                         arith::CmpIPredicate::slt, pos, end)));
  };
  Value reduced = buildGatherReduction(createInit(), bounds, binTap);
  bool max = isMax();
  if (max)
    return finishMax(reduced);
  Value divisors = buildDivisorTensor([&](IndexArith &ba, int64_t i, Value o) {
    return computeAdaptiveBinSize(ba, o, inSizes[i], spec.outputSize[i]);
  });
  return finishAverage(reduced, divisors, Value());
}

//===----------------------------------------------------------------------===//
// Pattern and pass
//===----------------------------------------------------------------------===//

LogicalResult mlir::pool::lowerPoolOpToLinalg(RewriterBase &rewriter,
                                              PoolOpInterface op,
                                              bool assertWindowFits) {
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  ReifiedRankedShapedTypeDims shapes;
  if (failed(reifyPoolResultShapes(rewriter, op, shapes)))
    return rewriter.notifyMatchFailure(op, "cannot reify the result shape");
  PoolLowering lowering(rewriter, op, assertWindowFits);
  lowering.outSizes = shapes.front();
  Value result;
  if (lowering.spec.isLocal())
    result = lowering.lowerLocal();
  else if (lowering.spec.isGlobal())
    result = lowering.lowerGlobal();
  else
    result = lowering.lowerAdaptive();
  replacePoolOp(rewriter, op, result);
  return success();
}

namespace {
struct LowerPoolOp : OpInterfaceConversionPattern<PoolOpInterface> {
  LowerPoolOp(MLIRContext *ctx, bool assertWindowFits)
      : OpInterfaceConversionPattern<PoolOpInterface>(ctx),
        assertWindowFits(assertWindowFits) {}

  LogicalResult
  matchAndRewrite(PoolOpInterface op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    return lowerPoolOpToLinalg(rewriter, op, assertWindowFits);
  }

  bool assertWindowFits;
};

struct ConvertPoolToLinalgPass
    : pool::impl::ConvertPoolToLinalgBase<ConvertPoolToLinalgPass> {
  using Base::Base;
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    populatePoolToLinalgPatterns(patterns, assertWindowFits);
    ConversionTarget target(*ctx);
    target.addIllegalDialect<PoolDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace

void mlir::pool::populatePoolToLinalgPatterns(RewritePatternSet &patterns,
                                              bool assertWindowFits) {
  patterns.add<LowerPoolOp>(patterns.getContext(), assertWindowFits);
}
