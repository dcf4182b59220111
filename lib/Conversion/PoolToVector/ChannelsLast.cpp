//===- ChannelsLast.cpp - Channels-last windows, vectors over channels ----===//
//
// One task per (batch, first output spatial index): a row of outputs. Each
// output position reduces its window's taps for every chunk of channels
// (up to VectorTiling::directChannels hardware vectors per accumulator, a
// masked chunk for the remainder). Taps outside the input are skipped by
// clamping the tap loops, so no padded copy of the input is made; interior
// outputs get constant tap ranges, which LLVM unrolls. Non-overlapping 1-D
// windows over several chunks instead stream tap by tap, in memory order,
// into the output's channels.
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
  std::optional<int64_t> rest;
  if (staticC)
    rest = *staticC % chunk;
  // 1-D windows that do not overlap (every input read once: DRAM-bound)
  // over channels of several whole chunks stream through the window in
  // memory order: each tap's pixel, chunk by chunk, combined into the
  // output's channels. Reducing one chunk over every tap in registers
  // reads the window's adjacent pixels in strided runs, which AMD's
  // prefetchers serve badly (Keras AveragePooling1D(2) 32x1000x256: 3.9
  // against 2.1 ms, docs/performance.md). Not where the extra load and
  // store of the output per tap cost more than that (overlapping or 2-D
  // windows measured slower or no faster), not for float maxima (their
  // NaN scan has already read the task's input in memory order), not
  // below VectorTiling::directStreamChunks chunks, not for f16/bf16 (f32
  // accumulators). A remainder chunk stays in registers (a masked store
  // per tap is slow on AMD).
  int64_t fullChunks = staticC ? *staticC / chunk : 0;
  const WindowDim &w0 = geom[0].w;
  bool streamed = n == 1 && geom[0].isWindow && w0.stride >= w0.span &&
                  !isFloatMax() && accType == elemType &&
                  fullChunks >= plan.tiling.directStreamChunks;
  using State = SmallVector<Value>;
  auto inputIndices = [&](ArrayRef<Value> pos, Value c0) {
    SmallVector<Value> idx = {batch};
    idx.append(pos.begin(), pos.end());
    idx.push_back(c0);
    return idx;
  };
  // One output position: every channel chunk.
  auto leaf = [&](Value t) -> Value {
    Value divisor = isMax() ? Value() : divisorOf(at);
    auto dst = [&](Value c0) {
      SmallVector<Value> idx(rank, cst(0));
      for (int64_t d = 1; d < n; ++d)
        idx[1 + d] = at.out[d];
      idx[rank - 1] = c0;
      return idx;
    };
    // Every tap of channels c0, ..., c0 + len - 1 in registers.
    auto inRegisters = [&](Value t3, Value c0, int64_t len, bool inBounds) {
      Value acc = reduceTaps(
          at.taps, at.steps, splat(neutral(accType), len),
          [&](Value a, ArrayRef<Value> pos) -> Value {
            return combine(a, read(input, inputIndices(pos, c0), len, inBounds),
                           mode);
          });
      return write(acc, t3, dst(c0), inBounds, divisor);
    };
    using Part = function_ref<Value(Value t, Value c0, int64_t len, bool)>;
    auto eachChunk = [&](Value width, std::optional<int64_t> r, Value t3,
                         Part part, bool wholeChunks = true) -> Value {
      return forEachChunk(
                 width, chunk, r, t3,
                 [&](ValueRange t4, Value c0, int64_t len, bool inBounds)
                     -> State { return {part(t4[0], c0, len, inBounds)}; },
                 wholeChunks)
          .front();
    };
    if (!streamed)
      return eachChunk(channels, rest, t, inRegisters);
    Value full = cst(fullChunks * chunk);
    t = eachChunk(full, 0, t, [&](Value t4, Value c0, int64_t len, bool) {
      return write(splat(neutral(accType), len), t4, dst(c0), true, Value());
    });
    t = reduceTaps(
        at.taps, at.steps, t, [&](Value t3, ArrayRef<Value> pos) -> Value {
          return eachChunk(
              full, 0, t3, [&](Value t4, Value c0, int64_t len, bool) {
                Value partial = read(t4, dst(c0), len, true);
                Value v = read(input, inputIndices(pos, c0), len, true);
                return write(combineInBuffer(partial, v, mode), t4, dst(c0),
                             true, Value());
              });
        });
    if (divisor)
      t = eachChunk(full, 0, t, [&](Value t4, Value c0, int64_t len, bool) {
        return write(read(t4, dst(c0), len, true), t4, dst(c0), true, divisor);
      });
    // The remainder chunk in registers.
    return eachChunk(channels, rest, t, inRegisters, /*wholeChunks=*/false);
  };
  // A block of stride-1 outputs along the last spatial dimension
  // (combineWindowBlock), a hardware vector of channels at a time: the
  // block's accumulators and partial combines stay in registers.
  auto block = [&](Value t) -> Value {
    SmallVector<BlockOutput> outs = blockOutputs(at);
    std::optional<int64_t> rest;
    if (staticC)
      rest = *staticC % lanes;
    return forEachChunk(channels, lanes, rest, t,
                        [&](ValueRange t3, Value c0, int64_t len,
                            bool inBounds) -> State {
                          SmallVector<Value> accs = reduceBlock(
                              at, len,
                              [&](ArrayRef<Value> pos) {
                                return read(input, inputIndices(pos, c0), len,
                                            inBounds);
                              },
                              mode);
                          Value t4 = t3[0];
                          for (auto [acc, o] : llvm::zip_equal(accs, outs)) {
                            SmallVector<Value> idx(rank, cst(0));
                            for (int64_t d = 1; d < n; ++d)
                              idx[1 + d] = o.out[d];
                            idx[rank - 1] = c0;
                            t4 = write(acc, t4, idx, inBounds, o.divisor);
                          }
                          return {t4};
                        })
        .front();
  };
  // Maxima only: averages measured no faster at 64 channels and slower at
  // 300 (avg 3x3/1 over 8x35x35x300, AVX2 code, one thread: 3.4-3.6
  // against 2.6-3.0 ms; over 1x35x35x300 0.11-0.12 against 0.09-0.10 ms),
  // maxima faster at both (max 3x3/1 1x56x56x64 0.047-0.057 against
  // 0.056-0.064 ms, 1x35x35x300 0.10-0.135 against 0.13-0.15 ms).
  return nestOutputs(1, n, at, tile, leaf,
                     isMax() ? function_ref<Value(Value)>(block) : nullptr);
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
