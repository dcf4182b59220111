//===- VectorBuilder.cpp - Shared state of the vector lowering ------------===//
//
// The building blocks of every family (VectorBuilder.h).
//
//===----------------------------------------------------------------------===//

#include "VectorBuilder.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

PoolVectorBuilder::PoolVectorBuilder(OpBuilder &b, PoolOpInterface op,
                                     const VectorPlan &plan)
    : b(b), loc(op.getLoc()), spec(op.getSpec()), input(op.getInput()),
      plan(plan), lanes(plan.lanes) {
  auto inputType = cast<RankedTensorType>(input.getType());
  rank = inputType.getRank();
  n = getSpatialRank(spec, rank);
  elemType = inputType.getElementType();
  accType = getPoolAccumulatorType(elemType);
  for (int64_t d = 0; d < rank; ++d)
    inDims.push_back(getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, input, d)));
  for (int64_t i = 0; i < n; ++i) {
    inSizes.push_back(inDims[spatialDim(i)]);
    staticIn.push_back(getConstantIntValue(inSizes.back()));
  }
  geom = getDimGeometry(spec, staticIn);
  IndexArith ia(b, loc);
  for (auto [g, in] : llvm::zip(geom, inSizes))
    padBegin.push_back(computePadBegin(ia, in, g));
}

Value PoolVectorBuilder::createResult(ArrayRef<OpFoldResult> outSizes,
                                      bool assertWindowFits) {
  if (assertWindowFits)
    emitPoolShapeChecks(b, loc, spec, inSizes);
  for (OpFoldResult size : outSizes)
    outDims.push_back(getValueOrCreateConstantIndexOp(b, loc, size));
  return tensor::EmptyOp::create(b, loc, outSizes, elemType);
}

/// The lane type of NaN flags (noneSet).
static Type getFlagType(OpBuilder &b, const VectorPlan &plan, Type accType) {
  if (plan.flagsInMaskRegisters)
    return b.getI1Type();
  return b.getIntegerType(accType.getIntOrFloatBitWidth());
}

Value PoolVectorBuilder::noneSet(int64_t len) {
  Type flag = getFlagType(b, plan, accType);
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(vecType(len, flag), b.getZeroAttr(flag)));
}

Value PoolVectorBuilder::indexToAcc(Value index) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  return arith::SIToFPOp::create(b, loc, accType, i64);
}

Value PoolVectorBuilder::loopOver(
    Value lo, Value hi, Value step, Value tile,
    function_ref<Value(Value iv, Value tile)> body) {
  return forLoop(lo, hi, step, tile,
                 [&](Value iv, ValueRange args) -> SmallVector<Value> {
                   return {body(iv, args[0])};
                 })
      .front();
}

std::pair<SmallVector<OpFoldResult>, SmallVector<OpFoldResult>>
PoolVectorBuilder::leadingSlice(ValueRange ivs) {
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
      sizes = getAsOpFoldResult(outDims);
  offsets[0] = ivs[0];
  offsets[1] = ivs[1];
  sizes[0] = sizes[1] = b.getIndexAttr(1);
  return {offsets, sizes};
}

/// A vector of `len` elements of `source` from `indices` along the last
/// dimension, in the accumulator type. Lanes past the end of the source read
/// the neutral value unless `inBounds`.
Value PoolVectorBuilder::read(Value source, ValueRange indices, int64_t len,
                              bool inBounds) {
  Value v = vector::TransferReadOp::create(b, loc, vecType(len, elemType),
                                           source, indices, neutral(elemType),
                                           ArrayRef<bool>{inBounds});
  if (accType != elemType)
    v = arith::ExtFOp::create(b, loc, vecType(len, accType), v);
  return v;
}

Value PoolVectorBuilder::readEvery(Value source, ValueRange indices,
                                   int64_t len, int64_t stride,
                                   bool highHalves) {
  if (stride == 1)
    return read(source, indices, len, /*inBounds=*/true);
  if (stride == 2 && elemType.isBF16() && accType.isF32()) {
    // bf16 is the upper half of an f32: read the pairs as i32 and move each
    // even (little-endian low) half up, or keep each odd (high) half in
    // place. One shift or and per tap instead of two widening loads, two
    // shifts and a cross-lane shuffle.
    Type i32 = b.getI32Type();
    SmallVector<Value> at(indices.begin(), indices.end());
    if (highHalves) {
      IndexArith ia(b, loc);
      at.back() = ia.sub(at.back(), ia.cst(1));
    }
    Value pairs = vector::TransferReadOp::create(
        b, loc, vecType(len * 2, elemType), source, at, neutral(elemType),
        ArrayRef<bool>{true});
    Value words = vector::BitCastOp::create(b, loc, vecType(len, i32), pairs);
    auto splatI32 = [&](int32_t v) -> Value {
      return arith::ConstantOp::create(
          b, loc,
          DenseElementsAttr::get(vecType(len, i32), b.getI32IntegerAttr(v)));
    };
    Value halves =
        highHalves
            ? arith::AndIOp::create(b, loc, words,
                                    splatI32(static_cast<int32_t>(0xffff0000u)))
                  .getResult()
            : arith::ShLIOp::create(b, loc, words, splatI32(16)).getResult();
    return vector::BitCastOp::create(b, loc, vecType(len, accType), halves);
  }
  SmallVector<int64_t> pick;
  for (int64_t l = 0; l < len; ++l)
    pick.push_back(l * stride);
  Value v = read(source, indices, len * stride, /*inBounds=*/true);
  return vector::ShuffleOp::create(b, loc, v, v, pick);
}

bool PoolVectorBuilder::fpextMax() const {
  return isMax() && accType != elemType && isa<FloatType>(elemType) &&
         isa<FloatType>(accType) && !elemType.isBF16();
}

Value PoolVectorBuilder::startChain(Value tap, MaxMode mode) {
  if (!fpextMax())
    return tap;
  int64_t len = cast<VectorType>(tap.getType()).getNumElements();
  return combine(splat(neutral(accType), len), tap, mode);
}

Value PoolVectorBuilder::neutral(Type type) {
  if (fpextMax() && type == accType) {
    const llvm::fltSemantics &sem = cast<FloatType>(type).getFloatSemantics();
    return arith::ConstantOp::create(
        b, loc,
        b.getFloatAttr(type, APFloat::getLargest(sem, /*Negative=*/true)));
  }
  return createPoolNeutral(b, loc, type, isMax());
}

Value PoolVectorBuilder::combine(Value acc, Value value, MaxMode mode) {
  if (!isMax())
    return arith::AddFOp::create(b, loc, acc, value);
  if (!isa<FloatType>(accType))
    return arith::MaxSIOp::create(b, loc, acc, value);
  if (mode == MaxMode::Exact)
    return arith::MaximumFOp::create(b, loc, acc, value);
  // acc > value ? acc : value: one vmaxps on x86, exact without NaNs.
  Value greater =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, acc, value);
  return arith::SelectOp::create(b, loc, greater, acc, value);
}

Value PoolVectorBuilder::combineInBuffer(Value partial, Value value,
                                         MaxMode mode) {
  if (mode == MaxMode::Plain && isFloatMax())
    return arith::MaxNumFOp::create(b, loc, partial, value,
                                    arith::FastMathFlags::nnan);
  return combine(partial, value, mode);
}

Value PoolVectorBuilder::readBuffer(Value buffer, Value k, int64_t len) {
  return vector::TransferReadOp::create(b, loc, vecType(len, accType), buffer,
                                        ValueRange{k}, neutral(accType),
                                        ArrayRef<bool>{true});
}

Value PoolVectorBuilder::writeBuffer(Value value, Value buffer, Value k) {
  return vector::TransferWriteOp::create(b, loc, value, buffer, ValueRange{k},
                                         ArrayRef<bool>{true})
      .getResult();
}

SmallVector<Value> PoolVectorBuilder::forEachChunk(Value width, int64_t chunk,
                                                   std::optional<int64_t> rest,
                                                   ValueRange init,
                                                   ChunkBody part,
                                                   bool wholeChunks) {
  using State = SmallVector<Value>;
  IndexArith ia(b, loc);
  Value fullEnd = ia.mul(ia.floorDiv(width, ia.cst(chunk)), ia.cst(chunk));
  auto remainder = [&](ValueRange r) -> State {
    if (!rest || plan.maskedTails)
      return part(r, fullEnd, chunk, false);
    State t(r.begin(), r.end());
    int64_t offset = 0;
    for (int64_t len = chunk / 2; len >= 1; len /= 2) {
      if (!(*rest & len))
        continue;
      IndexArith pa(b, loc);
      t = part(t, pa.add(fullEnd, pa.cst(offset)), len, true);
      offset += len;
    }
    return t;
  };
  State t(init.begin(), init.end());
  std::optional<int64_t> staticEnd = getConstantIntValue(fullEnd);
  if (wholeChunks && staticEnd && *staticEnd == chunk)
    t = part(t, cst(0), chunk, true);
  else if (wholeChunks && (!staticEnd || *staticEnd > 0))
    t = forLoop(cst(0), fullEnd, cst(chunk), t,
                [&](Value k, ValueRange t) -> State {
                  return part(t, k, chunk, true);
                });
  if (rest && *rest == 0)
    return t;
  std::optional<int64_t> staticWidth = getConstantIntValue(width);
  if (staticEnd && staticWidth)
    return *staticEnd < *staticWidth ? remainder(t) : t;
  Value hasRest =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, fullEnd, width);
  auto ifOp = scf::IfOp::create(
      b, loc, hasRest,
      [&](OpBuilder &, Location) {
        scf::YieldOp::create(b, loc, remainder(t));
      },
      [&](OpBuilder &, Location) { scf::YieldOp::create(b, loc, t); });
  return State(ifOp.getResults());
}

/// Divides `acc` by `divisor` (averages), converts it to the element type and
/// writes it into `tile` at `indices`.
Value PoolVectorBuilder::write(Value acc, Value tile, ValueRange indices,
                               bool inBounds, Value divisor) {
  auto type = cast<VectorType>(acc.getType());
  if (divisor) {
    if (!isa<VectorType>(divisor.getType()))
      divisor = splat(divisor, type.getNumElements());
    acc = arith::DivFOp::create(b, loc, acc, divisor);
  }
  int64_t len = type.getNumElements();
  if (accType != elemType && isMax() && elemType.isBF16() && accType.isF32()) {
    // A bf16 maximum is one of its (widened) inputs, -inf or a NaN whose
    // high half is one: the high halves are exact, a shift instead of the
    // rounding (no native f32 -> bf16 conversion on AVX2).
    Type i32 = vecType(len, b.getI32Type());
    Value bits = arith::BitcastOp::create(b, loc, i32, acc);
    Value high = arith::ShRUIOp::create(
        b, loc, bits,
        arith::ConstantOp::create(
            b, loc,
            DenseElementsAttr::get(cast<ShapedType>(i32),
                                   b.getI32IntegerAttr(16))));
    acc = arith::BitcastOp::create(
        b, loc, vecType(len, elemType),
        arith::TruncIOp::create(b, loc, vecType(len, b.getI16Type()), high));
  } else if (accType != elemType) {
    acc = arith::TruncFOp::create(b, loc, vecType(len, elemType), acc);
  }
  return vector::TransferWriteOp::create(b, loc, acc, tile, indices,
                                         ArrayRef<bool>{inBounds})
      .getResult();
}

SmallVector<Value> PoolVectorBuilder::forLoop(
    Value lo, Value hi, Value step, ValueRange inits,
    function_ref<SmallVector<Value>(Value iv, ValueRange args)> body) {
  auto loop =
      scf::ForOp::create(b, loc, lo, hi, step, inits,
                         [&](OpBuilder &, Location, Value iv, ValueRange args) {
                           scf::YieldOp::create(b, loc, body(iv, args));
                         });
  return loop.getResults();
}

/// Folds `body` over every tap of `taps` (nested loops, outermost first),
/// passing the input position of each tap.
Value PoolVectorBuilder::reduceTaps(ArrayRef<TapRange<Value>> taps,
                                    ArrayRef<int64_t> steps, Value acc,
                                    TapBody body) {
  return reduceTapsN(
             taps, steps, acc,
             [&](ValueRange accs, ArrayRef<Value> pos) -> SmallVector<Value> {
               return {body(accs[0], pos)};
             })
      .front();
}

SmallVector<Value>
PoolVectorBuilder::reduceTapsN(ArrayRef<TapRange<Value>> taps,
                               ArrayRef<int64_t> steps, ValueRange accs,
                               TapBodyN body) {
  // The innermost dimensions whose static tap counts multiply to at most
  // kMaxUnrolledTaps are unrolled (LLVM leaves such short nested loops
  // rolled: a branch and index updates per tap).
  size_t unrolledFrom = taps.size();
  for (int64_t count = 1; unrolledFrom > 0; --unrolledFrom) {
    const TapRange<Value> &t = taps[unrolledFrom - 1];
    std::optional<int64_t> lo = getConstantIntValue(t.lo),
                           hi = getConstantIntValue(t.hi);
    if (!lo || !hi || *hi - *lo > kMaxUnrolledTaps / count)
      break;
    count *= std::max<int64_t>(*hi - *lo, 1);
  }
  SmallVector<Value> positions;
  std::function<SmallVector<Value>(size_t, ValueRange)> nest =
      [&](size_t d, ValueRange a) -> SmallVector<Value> {
    if (d == taps.size())
      return body(a, positions);
    auto tap = [&](Value k, ValueRange args) -> SmallVector<Value> {
      IndexArith ia(b, loc);
      positions.push_back(computeTapPosition(ia, taps[d].start, k, steps[d]));
      SmallVector<Value> r = nest(d + 1, args);
      positions.pop_back();
      return r;
    };
    if (d < unrolledFrom)
      return forLoop(taps[d].lo, taps[d].hi, cst(1), a, tap);
    SmallVector<Value> r(a.begin(), a.end());
    for (int64_t k = *getConstantIntValue(taps[d].lo),
                 e = *getConstantIntValue(taps[d].hi);
         k < e; ++k)
      r = tap(cst(k), r);
    return r;
  };
  return nest(0, accs);
}

/// Folds `value` into a plain maximum and a per-lane NaN flag: the exact
/// NaN-propagating maximum for the price of one compare more per vector.
SmallVector<Value> PoolVectorBuilder::combineFlagged(ValueRange accs,
                                                     Value value) {
  Value plain = combine(accs[0], value, MaxMode::Plain);
  Value nan =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, value, value);
  if (nan.getType() != accs[1].getType())
    nan = arith::ExtSIOp::create(b, loc, accs[1].getType(), nan);
  return {plain, arith::OrIOp::create(b, loc, accs[1], nan)};
}

Value PoolVectorBuilder::foldNaNFlag(Value flags, Value value) {
  auto flagType = cast<VectorType>(flags.getType());
  int64_t width = flagType.getNumElements();
  int64_t len = cast<VectorType>(value.getType()).getNumElements();
  Value nan =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, value, value);
  if (flagType.getElementType() != b.getI1Type())
    nan = arith::ExtSIOp::create(b, loc,
                                 vecType(len, flagType.getElementType()), nan);
  if (len < width)
    nan = vector::InsertStridedSliceOp::create(b, loc, nan, noneSet(width),
                                               ArrayRef<int64_t>{0},
                                               ArrayRef<int64_t>{1});
  if (len <= width)
    return arith::OrIOp::create(b, loc, flags, nan);
  assert(len % width == 0 && "flags must divide the value's lanes");
  // A tree of ors over the value's slices, then one into the flags: the
  // flags' dependency chain grows by one op per call.
  SmallVector<Value> slices;
  for (int64_t i = 0; i < len; i += width)
    slices.push_back(vector::ExtractStridedSliceOp::create(
        b, loc, nan, ArrayRef<int64_t>{i}, ArrayRef<int64_t>{width},
        ArrayRef<int64_t>{1}));
  while (slices.size() > 1) {
    SmallVector<Value> next;
    for (size_t i = 0; i + 1 < slices.size(); i += 2)
      next.push_back(arith::OrIOp::create(b, loc, slices[i], slices[i + 1]));
    if (slices.size() % 2)
      next.push_back(slices.back());
    slices = std::move(next);
  }
  return arith::OrIOp::create(b, loc, flags, slices.front());
}

/// NaN where `flag` is set, `plain` elsewhere.
Value PoolVectorBuilder::applyNaNFlag(Value plain, Value flag) {
  auto floatType = cast<FloatType>(accType);
  Value nan = arith::ConstantOp::create(
      b, loc,
      b.getFloatAttr(floatType,
                     APFloat::getQNaN(floatType.getFloatSemantics())));
  if (auto type = dyn_cast<VectorType>(plain.getType()))
    nan = splat(nan, type.getNumElements());
  if (!getElementTypeOrSelf(flag.getType()).isInteger(1)) {
    Value zero = arith::ConstantOp::create(b, loc, flag.getType(),
                                           b.getZeroAttr(flag.getType()));
    flag = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, flag, zero);
  }
  return arith::SelectOp::create(b, loc, flag, nan, plain);
}

/// Whether the input box [lo, hi) (every dimension) may hold a NaN: a sum
/// of its elements in independent vector lanes (one add per vector, along
/// the last dimension) is NaN if it holds one. A NaN-free box whose sum
/// still turns NaN (+inf and -inf, or overflow both ways) takes the exact
/// path too, which is only slower.
Value PoolVectorBuilder::anyNaN(ArrayRef<Value> lo, ArrayRef<Value> hi,
                                int64_t len, Value source) {
  int64_t sourceRank = cast<ShapedType>(source.getType()).getRank();
  auto type = vecType(len, accType);
  Value zero = arith::ConstantOp::create(b, loc, b.getFloatAttr(accType, 0.0));
  Value elemZero =
      arith::ConstantOp::create(b, loc, b.getFloatAttr(elemType, 0.0));
  SmallVector<Value> indices;
  IndexArith ia(b, loc);
  auto scanRow = [&](Value sum) -> Value {
    Value first = lo.back(), end = hi.back();
    Value full =
        ia.add(first, ia.mul(ia.floorDiv(ia.sub(end, first), ia.cst(len)),
                             ia.cst(len)));
    auto step = [&](bool inBounds) {
      return [&, inBounds](Value i, ValueRange args) -> SmallVector<Value> {
        SmallVector<Value> idx = indices;
        idx.push_back(i);
        // Lanes past the input's end read 0.
        Value v = vector::TransferReadOp::create(b, loc, vecType(len, elemType),
                                                 source, idx, elemZero,
                                                 ArrayRef<bool>{inBounds});
        if (accType != elemType)
          v = arith::ExtFOp::create(b, loc, type, v);
        return {arith::AddFOp::create(b, loc, args[0], v)};
      };
    };
    sum = forLoop(first, full, cst(len), sum, step(true)).front();
    return forLoop(full, end, cst(len), sum, step(false)).front();
  };
  std::function<Value(int64_t, Value)> nest = [&](int64_t d,
                                                  Value sum) -> Value {
    if (d == sourceRank - 1)
      return scanRow(sum);
    return forLoop(lo[d], hi[d], cst(1), sum,
                   [&](Value i, ValueRange args) -> SmallVector<Value> {
                     indices.push_back(i);
                     Value r = nest(d + 1, args[0]);
                     indices.pop_back();
                     return {r};
                   })
        .front();
  };
  Value sum = nest(0, splat(zero, len));
  Value nan =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, sum, sum);
  return vector::ReductionOp::create(b, loc, vector::CombiningKind::OR, nan);
}

Value PoolVectorBuilder::withNaNCheck(
    Value tile, ArrayRef<Value> lo, ArrayRef<Value> hi,
    function_ref<Value(Value tile, MaxMode mode)> build, int64_t scanLen,
    Value source) {
  if (!isFloatMax())
    return build(tile, MaxMode::Exact);
  Value hasNaN = anyNaN(lo, hi, scanLen ? scanLen : plan.tiling.nanScan * lanes,
                        source ? source : input);
  auto ifOp = scf::IfOp::create(b, loc, tile.getType(), hasNaN,
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  scf::YieldOp::create(b, loc, build(tile, MaxMode::Exact));
  b.setInsertionPointToStart(ifOp.elseBlock());
  scf::YieldOp::create(b, loc, build(tile, MaxMode::Plain));
  return ifOp.getResult(0);
}

/// Loops over the outputs o along spatial dimension `i`, passing each one's
/// taps. With `split`, the outputs whose window lies inside the input get a
/// loop of their own whose taps have the constant range [0, K): LLVM
/// unrolls their tap loops, and only the few border outputs clamp.
Value PoolVectorBuilder::loopOutputs(int64_t i, Value tile, OutputBody body,
                                     bool split, int64_t block,
                                     OutputBody blockBody) {
  Value size = outDims[spatialDim(i)];
  const DimGeometry &g = geom[i];
  auto general = [&](Value o, Value t) {
    IndexArith ia(b, loc);
    return body(o, computeOutputTaps(ia, g, o, inSizes[i], padBegin[i]), t);
  };
  if (!split || !g.isWindow)
    return loopOver(cst(0), size, cst(1), tile, general);
  IndexArith ia(b, loc);
  const WindowDim &w = g.w;
  auto [lo, hi] = computeInteriorOutputs(ia, inSizes[i], size, padBegin[i], w);
  auto interior = [&, &w = w](OutputBody fn) {
    return [&, fn](Value o, Value t) {
      IndexArith oa(b, loc);
      TapRange<Value> full{computeWindowStart(oa, o, padBegin[i], w), cst(0),
                           cst(w.kernel)};
      return fn(o, full, t);
    };
  };
  tile = loopOver(cst(0), lo, cst(1), tile, general);
  Value rest = lo;
  if (block > 1 && blockBody) {
    // lo <= hi (computeInteriorOutputs).
    rest = ia.add(
        lo, ia.mul(ia.floorDiv(ia.sub(hi, lo), ia.cst(block)), ia.cst(block)));
    tile = loopOver(lo, rest, cst(block), tile, interior(blockBody));
  }
  tile = loopOver(rest, hi, cst(1), tile, interior(body));
  return loopOver(hi, size, cst(1), tile, general);
}

/// Nested loops over the outputs of spatial dimensions [from, to), the
/// innermost split into border and interior outputs; `pos` holds each
/// loop's index and taps while `leaf` (or `blockLeaf`) builds the body.
Value PoolVectorBuilder::nestOutputs(int64_t from, int64_t to, Positions &pos,
                                     Value tile,
                                     function_ref<Value(Value)> leaf,
                                     function_ref<Value(Value)> blockLeaf) {
  if (from == to)
    return leaf(tile);
  auto descend = [&](function_ref<Value(Value)> inner) {
    return [&, inner](Value o, const TapRange<Value> &tp, Value t) {
      pos.out.push_back(o);
      pos.taps.push_back(tp);
      pos.steps.push_back(geom[from].step());
      Value r =
          inner ? inner(t) : nestOutputs(from + 1, to, pos, t, leaf, blockLeaf);
      pos.out.pop_back();
      pos.taps.pop_back();
      pos.steps.pop_back();
      return r;
    };
  };
  bool innermost = from == to - 1;
  int64_t block = innermost && blockLeaf ? windowBlockOf(from) : 1;
  auto each = descend(nullptr), blocks = descend(blockLeaf);
  return loopOutputs(from, tile, each, /*split=*/innermost, block,
                     block > 1 ? OutputBody(blocks) : OutputBody());
}

int64_t PoolVectorBuilder::windowBlockOf(int64_t i) const {
  const DimGeometry &g = geom[i];
  if (!g.isWindow || g.w.stride != 1 || g.w.dilation != 1 || g.w.kernel < 2 ||
      g.w.kernel > kMaxWindowBlockTaps)
    return 1;
  return std::max<int64_t>(
      1, std::min<int64_t>(
             g.w.kernel,
             std::max<int64_t>(2, plan.tiling.windowBlock /
                                      std::max<int64_t>(blockVectors, 1))));
}

SmallVector<Value> PoolVectorBuilder::combineWindowBlock(
    int64_t k, int64_t r, function_ref<Value(int64_t)> elem, MaxMode mode) {
  assert(r >= 2 && r <= k && "a block of 2 to k outputs");
  SmallVector<Value> x;
  for (int64_t e = 0; e < r + k - 1; ++e)
    x.push_back(elem(e));
  Value middle = startChain(x[r - 1], mode);
  for (int64_t e = r; e < k; ++e)
    middle = combine(middle, x[e], mode);
  // suffix[j] = [j, r - 1) for j < r - 1.
  SmallVector<Value> suffix(r - 1);
  suffix[r - 2] = startChain(x[r - 2], mode);
  for (int64_t j = r - 3; j >= 0; --j)
    suffix[j] = combine(suffix[j + 1], x[j], mode);
  SmallVector<Value> out;
  Value prefix;
  for (int64_t j = 0; j < r; ++j) {
    Value v = j < r - 1 ? combine(suffix[j], middle, mode) : middle;
    if (j > 0) {
      prefix =
          j == 1 ? startChain(x[k], mode) : combine(prefix, x[k + j - 1], mode);
      v = combine(v, prefix, mode);
    }
    out.push_back(v);
  }
  return out;
}

SmallVector<PoolVectorBuilder::BlockOutput>
PoolVectorBuilder::blockOutputs(const Positions &pos) {
  int64_t d = pos.out.size() - 1;
  SmallVector<BlockOutput> outs;
  for (int64_t j = 0, r = windowBlockOf(d); j < r; ++j) {
    IndexArith ja(b, loc);
    Positions p = pos;
    p.out[d] = ja.add(pos.out[d], ja.cst(j));
    outs.push_back({p.out, isMax() ? Value() : divisorOf(p)});
  }
  return outs;
}

SmallVector<Value>
PoolVectorBuilder::reduceBlock(const Positions &pos, int64_t len,
                               function_ref<Value(ArrayRef<Value>)> readAt,
                               MaxMode mode) {
  int64_t d = pos.out.size() - 1;
  int64_t k = geom[d].w.kernel, r = windowBlockOf(d);
  Value start = pos.taps[d].start;
  auto blockAt = [&](ArrayRef<Value> outer) {
    return combineWindowBlock(
        k, r,
        [&](int64_t e) {
          IndexArith ea(b, loc);
          SmallVector<Value> at(outer.begin(), outer.end());
          at.push_back(ea.add(start, ea.cst(e)));
          return readAt(at);
        },
        mode);
  };
  if (d == 0)
    return blockAt({});
  SmallVector<Value> init(r, splat(neutral(accType), len));
  return reduceTapsN(ArrayRef(pos.taps).drop_back(),
                     ArrayRef(pos.steps).drop_back(), init,
                     [&](ValueRange a, ArrayRef<Value> outer) {
                       SmallVector<Value> v = blockAt(outer);
                       for (int64_t j = 0; j < r; ++j)
                         v[j] = combine(a[j], v[j], mode);
                       return v;
                     });
}

/// The average divisor (accumulator type) over the dimensions in `pos`.
Value PoolVectorBuilder::divisorOf(const Positions &pos) {
  IndexArith ia(b, loc);
  SmallVector<Value> factors;
  for (auto [d, o] : llvm::enumerate(pos.out))
    factors.push_back(
        computeDivisorFactor(ia, geom[d], o, inSizes[d], spec.countIncludePad));
  return indexToAcc(computeClampedDivisor(ia, ArrayRef<Value>(factors)));
}

Value PoolVectorBuilder::dimDivisor(int64_t d, Value o) {
  IndexArith ia(b, loc);
  Value factor =
      computeDivisorFactor(ia, geom[d], o, inSizes[d], spec.countIncludePad);
  return indexToAcc(computeClampedDivisor(ia, ArrayRef<Value>{factor}));
}

Value PoolVectorBuilder::buildForall(
    ArrayRef<Value> bounds, Value dest, SliceFn slice,
    function_ref<Value(ValueRange ivs, Value tile)> body) {
  if (!plan.parallel) {
    // Serial: nested loops carrying the result, one slice per iteration.
    SmallVector<Value> ivs;
    std::function<Value(size_t, Value)> nest = [&](size_t d,
                                                   Value acc) -> Value {
      if (d == bounds.size()) {
        auto [offsets, sizes] = slice(ivs);
        SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
        Value tile = tensor::ExtractSliceOp::create(b, loc, acc, offsets, sizes,
                                                    strides);
        Value result = body(ivs, tile);
        return tensor::InsertSliceOp::create(b, loc, result, acc, offsets,
                                             sizes, strides);
      }
      return forLoop(cst(0), bounds[d], cst(1), acc,
                     [&](Value iv, ValueRange args) -> SmallVector<Value> {
                       ivs.push_back(iv);
                       Value r = nest(d + 1, args[0]);
                       ivs.pop_back();
                       return {r};
                     })
          .front();
    };
    return nest(0, dest);
  }
  SmallVector<OpFoldResult> ubs = getAsOpFoldResult(ValueRange(bounds));
  auto forall = scf::ForallOp::create(
      b, loc, ubs, ValueRange{dest}, std::nullopt,
      [&](OpBuilder &, Location, ValueRange args) {
        ValueRange ivs = args.take_front(bounds.size());
        Value shared = args.back();
        auto [offsets, sizes] = slice(ivs);
        SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
        Value tile = tensor::ExtractSliceOp::create(b, loc, shared, offsets,
                                                    sizes, strides);
        Value result = body(ivs, tile);
        auto terminator = scf::InParallelOp::create(b, loc);
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(terminator.getBody());
        tensor::ParallelInsertSliceOp::create(b, loc, result, shared, offsets,
                                              sizes, strides);
      });
  return forall.getResult(0);
}
