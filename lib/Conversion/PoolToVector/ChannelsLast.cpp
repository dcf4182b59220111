//===- ChannelsLast.cpp - Channels-last windows, vectors over channels ----===//
//
// One task per (batch, first output spatial index): a row of outputs. Each
// output position reduces its window's taps for every chunk of channels
// (up to VectorTiling::directChannels hardware vectors per accumulator, a
// masked chunk for the remainder). Taps outside the input are skipped by
// clamping the tap loops, so no padded copy of the input is made; interior
// outputs get constant tap ranges, which LLVM unrolls.
//
//===----------------------------------------------------------------------===//

#include "VectorBuilder.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

namespace {
class ChannelsLastLowering : public PoolVectorBuilder {
public:
  using PoolVectorBuilder::PoolVectorBuilder;
  Value lower(Value empty);

private:
  Value buildRow(Value tile, Value batch, Positions &at, MaxMode mode);
};
} // namespace

/// The outputs of one task, from its first output index in `at`.
Value ChannelsLastLowering::buildRow(Value tile, Value batch, Positions &at,
                                     MaxMode mode) {
  Value channels = inDims[rank - 1];
  std::optional<int64_t> staticC = getConstantIntValue(channels);
  int64_t chunk = getChunkLength(staticC, plan.tiling.directChannels * lanes);
  // One output position: every channel chunk.
  auto leaf = [&](Value t) -> Value {
    IndexArith pa(b, loc);
    Value divisor = isMax() ? Value() : divisorOf(at);
    auto chunkAt = [&](Value c0, Value t3, bool inBounds,
                       int64_t len) -> Value {
      Value acc = splat(neutral(accType), len);
      acc = reduceTaps(
          at.taps, at.steps, acc, [&](Value a, ArrayRef<Value> pos) -> Value {
            SmallVector<Value> idx = {batch};
            idx.append(pos.begin(), pos.end());
            idx.push_back(c0);
            return combine(a, read(input, idx, len, inBounds), mode);
          });
      SmallVector<Value> dst(rank, cst(0));
      for (int64_t d = 1; d < n; ++d)
        dst[1 + d] = at.out[d];
      dst[rank - 1] = c0;
      return write(acc, t3, dst, inBounds, divisor);
    };
    Value full = pa.mul(pa.floorDiv(channels, pa.cst(chunk)), pa.cst(chunk));
    t = loopOver(cst(0), full, cst(chunk), t, [&](Value c0, Value t3) {
      return chunkAt(c0, t3, true, chunk);
    });
    if (staticC && *staticC % chunk == 0)
      return t;
    if (staticC && !plan.maskedTails) {
      // The remainder in whole shorter vectors, largest first.
      int64_t rest = *staticC % chunk, offset = *staticC - rest;
      for (int64_t len = chunk / 2; len >= 1; len /= 2) {
        if (!(rest & len))
          continue;
        t = chunkAt(cst(offset), t, true, len);
        offset += len;
      }
      return t;
    }
    return loopOver(full, channels, cst(chunk), t, [&](Value c0, Value t3) {
      return chunkAt(c0, t3, false, chunk);
    });
  };
  return nestOutputs(1, n, at, tile, leaf);
}

Value ChannelsLastLowering::lower(Value empty) {
  auto slice = [&](ValueRange ivs) { return leadingSlice(ivs); };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    Value batch = ivs[0];
    IndexArith ia(b, loc);
    TapRange<Value> first =
        computeOutputTaps(ia, geom[0], ivs[1], inSizes[0], padBegin[0]);
    Positions at;
    at.out = {ivs[1]};
    at.taps = {first};
    at.steps = {geom[0].step()};
    // The input rows this task reads, for the NaN scan.
    SmallVector<Value> lo(rank, cst(0)), hi(inDims.begin(), inDims.end());
    lo[0] = batch;
    hi[0] = ia.add(batch, ia.cst(1));
    std::tie(lo[1], hi[1]) = computeTapExtent(ia, first, geom[0].step());
    return withNaNCheck(tile, lo, hi, [&](Value t, MaxMode mode) {
      return buildRow(t, batch, at, mode);
    });
  };
  return buildForall({outDims[0], outDims[1]}, empty, slice, body);
}

void vector_lowering::populateChannelsLastPatterns(
    RewritePatternSet &patterns, const FamilyOptions &options) {
  patterns.add<
      LowerPoolFamily<VectorFamily::ChannelsLastDirect, ChannelsLastLowering>>(
      patterns.getContext(), options);
}
