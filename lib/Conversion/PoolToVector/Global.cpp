//===- Global.cpp - Global pooling, multi-accumulator reductions ----------===//
//
// Channels-last: tasks over (batch, channel chunk), each reducing every
// spatial position into VectorTiling::globalChannels registers.
// Channels-first: each (batch, channel) plane is contiguous and reduced as
// one flat array. Float maxima keep a per-lane NaN flag beside a plain
// maximum instead of scanning for NaN first.
//
//===----------------------------------------------------------------------===//

#include "VectorBuilder.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/bit.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

namespace {
class GlobalLowering : public PoolVectorBuilder {
public:
  using PoolVectorBuilder::PoolVectorBuilder;
  Value lower(Value empty);
};
} // namespace

Value GlobalLowering::lower(Value empty) {
  IndexArith ia(b, loc);
  // The spatial elements of one plane, and the average's divisor.
  Value count = ia.cst(1);
  for (Value size : inSizes)
    count = ia.mul(count, size);
  Value divisor =
      isMax() ? Value()
              : indexToAcc(computeClampedDivisor(ia, ArrayRef<Value>(inSizes)));
  int64_t outRank = cast<RankedTensorType>(empty.getType()).getRank();
  int64_t outChannelDim = spec.keepDims ? channelDim() : 1;
  Value channels = inDims[channelDim()];

  if (spec.layout == Layout::ChannelsLast) {
    // Tasks over (batch, channel chunk of VectorTiling::globalChannels
    // registers); each reduces every spatial position.
    std::optional<int64_t> staticC = getConstantIntValue(channels);
    int64_t chunk = getChunkLength(staticC, plan.tiling.globalChannels * lanes);
    Value chunks = ia.ceilDiv(channels, ia.cst(chunk));
    // Unmasked reads and writes when the chunks divide the channels.
    bool evenChunks = staticC && *staticC % chunk == 0;
    auto slice = [&](ValueRange ivs) {
      IndexArith sa(b, loc);
      Value c0 = sa.mul(ivs[1], sa.cst(chunk));
      SmallVector<OpFoldResult> offsets(outRank, b.getIndexAttr(0)),
          sizes(outRank, b.getIndexAttr(1));
      offsets[0] = ivs[0];
      offsets[outChannelDim] = c0;
      sizes[outChannelDim] =
          getAsOpFoldResult(sa.min(sa.cst(chunk), sa.sub(channels, c0)));
      return std::make_pair(offsets, sizes);
    };
    auto body = [&](ValueRange ivs, Value tile) -> Value {
      IndexArith ba(b, loc);
      Value c0 = ba.mul(ivs[1], ba.cst(chunk));
      // Reduces channels [c0 + offset, c0 + offset + len) into the tile.
      auto reducePart = [&](Value t, int64_t offset, int64_t len,
                            bool inBounds) -> Value {
        Value cAt = offset ? ba.add(c0, ba.cst(offset)) : c0;
        SmallVector<TapRange<Value>> taps;
        for (Value in : inSizes)
          taps.push_back({cst(0), cst(0), in});
        SmallVector<int64_t> steps(n, 1);
        SmallVector<Value> accs = {splat(neutral(accType), len)};
        if (isFloatMax())
          accs.push_back(noneSet(len));
        accs = reduceTapsN(
            taps, steps, accs,
            [&](ValueRange a, ArrayRef<Value> pos) -> SmallVector<Value> {
              SmallVector<Value> idx = {ivs[0]};
              idx.append(pos.begin(), pos.end());
              idx.push_back(cAt);
              Value v = read(input, idx, len, inBounds);
              if (isFloatMax())
                return combineFlagged(a, v);
              return {combine(a[0], v, MaxMode::Exact)};
            });
        Value acc = isFloatMax() ? applyNaNFlag(accs[0], accs[1]) : accs[0];
        SmallVector<Value> dst(outRank, cst(0));
        dst[outChannelDim] = cst(offset);
        return write(acc, t, dst, inBounds, divisor);
      };
      auto reduceChunk = [&](bool inBounds) -> Value {
        if (inBounds || !staticC || plan.maskedTails)
          return reducePart(tile, 0, chunk, inBounds);
        // The static remainder in whole shorter vectors, largest first.
        int64_t rest = *staticC % chunk, offset = 0;
        Value t = tile;
        for (int64_t len = chunk / 2; len >= 1; len /= 2) {
          if (!(rest & len))
            continue;
          t = reducePart(t, offset, len, true);
          offset += len;
        }
        return t;
      };
      if (evenChunks)
        return reduceChunk(true);
      // Full chunks read and write whole vectors; only the last, partial
      // chunk is masked.
      Value full = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle,
                                         ba.add(c0, ba.cst(chunk)), channels);
      auto ifOp = scf::IfOp::create(
          b, loc, full,
          [&](OpBuilder &, Location) {
            scf::YieldOp::create(b, loc, reduceChunk(true));
          },
          [&](OpBuilder &, Location) {
            scf::YieldOp::create(b, loc, reduceChunk(false));
          });
      return ifOp.getResult(0);
    };
    return buildForall({outDims[0], chunks}, empty, slice, body);
  }

  // Channels-first: each (batch, channel) plane is contiguous; reduce it
  // as one flat array.
  SmallVector<ReassociationIndices> reassoc = {{0}, {1}, {}};
  for (int64_t d = 2; d < rank; ++d)
    reassoc.back().push_back(d);
  Value flat = tensor::CollapseShapeOp::create(b, loc, input, reassoc);
  std::optional<int64_t> staticCount = getConstantIntValue(count);
  // A chunk no longer than the static plane where the plane spans whole
  // vectors, so that the unmasked loop runs and only the remainder is
  // masked (a 7x7 plane: 32 lanes, then 17; a 64-lane chunk would mask all
  // 49).
  int64_t chunk = getChunkLength(staticCount, plan.tiling.globalFlat * lanes);
  if (staticCount && *staticCount >= lanes)
    chunk = std::min<int64_t>(chunk, static_cast<int64_t>(llvm::bit_floor(
                                         static_cast<uint64_t>(*staticCount))));
  auto slice = [&](ValueRange ivs) {
    SmallVector<OpFoldResult> offsets(outRank, b.getIndexAttr(0)),
        sizes(outRank, b.getIndexAttr(1));
    offsets[0] = ivs[0];
    offsets[1] = ivs[1];
    return std::make_pair(offsets, sizes);
  };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    IndexArith ba(b, loc);
    Value full = ba.mul(ba.floorDiv(count, ba.cst(chunk)), ba.cst(chunk));
    auto step = [&](bool inBounds) {
      return [&, inBounds](Value i, ValueRange args) -> SmallVector<Value> {
        Value v = read(flat, ValueRange{ivs[0], ivs[1], i}, chunk, inBounds);
        if (isFloatMax())
          return combineFlagged(args, v);
        return {combine(args[0], v, MaxMode::Exact)};
      };
    };
    SmallVector<Value> accs = {splat(neutral(accType), chunk)};
    if (isFloatMax())
      accs.push_back(noneSet(chunk));
    accs = forLoop(cst(0), full, cst(chunk), accs, step(true));
    accs = forLoop(full, count, cst(chunk), accs, step(false));
    Value acc = accs[0];
    vector::CombiningKind kind = vector::CombiningKind::ADD;
    auto fastmath = arith::FastMathFlags::none;
    if (!isMax())
      fastmath = arith::FastMathFlags::reassoc;
    else if (isa<FloatType>(accType))
      kind = vector::CombiningKind::MAXIMUMF;
    else
      kind = vector::CombiningKind::MAXSI;
    Value r = vector::ReductionOp::create(b, loc, kind, acc, fastmath);
    if (isFloatMax())
      r = applyNaNFlag(r, vector::ReductionOp::create(
                              b, loc, vector::CombiningKind::OR, accs[1]));
    SmallVector<Value> dst(outRank, cst(0));
    return write(splat(r, 1), tile, dst, /*inBounds=*/true, divisor);
  };
  return buildForall({outDims[0], outDims[1]}, empty, slice, body);
}

void vector_lowering::populateGlobalPatterns(RewritePatternSet &patterns,
                                             const FamilyOptions &options) {
  patterns.add<LowerPoolFamily<VectorFamily::Global, GlobalLowering>>(
      patterns.getContext(), options);
}
