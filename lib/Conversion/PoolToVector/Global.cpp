//===- Global.cpp - Global pooling, multi-accumulator reductions ----------===//
//
// Channels-last: tasks over (batch, channel group). A group of one chunk
// of VectorTiling::globalChannels registers is reduced in registers; a
// group of several streams through its positions in memory order into a
// buffer of partials where the input is at least
// VectorTiling::globalStreamMinBytes, else chunk by chunk in registers (float
// maxima: a plain maximum and one NaN flag for the task, streamed again exactly
// when the flag is set). Channels-first: each (batch, channel) plane is
// contiguous and reduced as one flat array. Float maxima keep a per-lane NaN
// flag beside a plain maximum instead of scanning for NaN first.
//
//===----------------------------------------------------------------------===//

#include "VectorBuilder.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

namespace {
class GlobalLowering : public PoolVectorBuilder {
public:
  using PoolVectorBuilder::PoolVectorBuilder;
  Value lower(Value empty);

private:
  Value lowerChannelsLast(Value empty, Value count, Value divisor);
};
} // namespace

/// Channels-last: tasks over (batch, channel group), a group of whole
/// chunks of VectorTiling::globalChannels registers. A task of one chunk
/// reduces every spatial position into registers, and so does a task of
/// several chunks over an input smaller than
/// VectorTiling::globalStreamMinBytes (it stays in the caches), chunk by
/// chunk. Otherwise a task of several chunks streams through its input in
/// memory order: each position's channels,
/// chunk by chunk, into a per-task buffer of partial results (L1-resident);
/// a float maximum combines plainly and or-s a NaN flag of one vector over
/// the whole task, and streams its input again with the exact maximum if
/// the flag is set.
/// Reducing one chunk over every position instead reads the input in
/// strided runs, which measured 2x to 2.5x slower on AMD Zen (AVX2 code,
/// docs/performance.md): GlobalMaxPooling1D 64x300x512 4.7-5.9 ms against
/// 2.0-2.3 ms; blocks of 2 to 8 positions per chunk were as slow.
Value GlobalLowering::lowerChannelsLast(Value empty, Value count,
                                        Value divisor) {
  IndexArith ia(b, loc);
  int64_t outRank = cast<RankedTensorType>(empty.getType()).getRank();
  int64_t outChannelDim = spec.keepDims ? channelDim() : 1;
  Value channels = inDims[channelDim()];
  std::optional<int64_t> staticC = getConstantIntValue(channels);
  std::optional<int64_t> staticCount = getConstantIntValue(count);
  std::optional<int64_t> staticN = getConstantIntValue(outDims[0]);
  int64_t chunk = getChunkLength(staticC, plan.tiling.globalChannels * lanes);
  int64_t elemBytes =
      std::max<int64_t>(1, elemType.getIntOrFloatBitWidth() / 8);
  // A task's channels: the whole row where the channels are static, split
  // (in whole chunks) only to give parallel ops with a small batch enough
  // tasks (a dynamic batch is taken as large); dynamic channels in groups
  // of about VectorTiling::globalGroupBytes.
  int64_t group = staticC
                      ? std::max<int64_t>(chunk, llvm::alignTo(*staticC, chunk))
                      : std::max<int64_t>(chunk, plan.tiling.globalGroupBytes /
                                                     elemBytes / chunk * chunk);
  if (plan.parallel && staticN && staticC) {
    while (group > chunk &&
           *staticN * static_cast<int64_t>(llvm::divideCeil(*staticC, group)) <
               plan.tiling.globalMinTasks)
      group = llvm::alignTo(group / 2, chunk);
  }
  CheckedArith ca;
  bool small = staticN && staticCount && staticC &&
               ca.mul(ca.mul(ca.mul(*staticN, *staticCount), *staticC),
                      elemBytes) < plan.tiling.globalStreamMinBytes &&
               !ca.overflow;
  bool streamed = group > chunk && (!staticCount || *staticCount > 1) && !small;
  // Every group but the last is full.
  bool evenGroups = staticC && *staticC % group == 0;

  // The spatial positions of one image as one dimension: [N, S, C].
  SmallVector<ReassociationIndices> reassoc = {{0}, {}, {n + 1}};
  for (int64_t d = 1; d <= n; ++d)
    reassoc[1].push_back(d);
  Value flat = tensor::CollapseShapeOp::create(b, loc, input, reassoc);

  Value groups = ia.ceilDiv(channels, ia.cst(group));
  auto groupWidth = [&](IndexArith &a, Value g0) {
    if (staticC && group >= *staticC)
      return a.cst(*staticC);
    return evenGroups ? a.cst(group) : a.min(a.cst(group), a.sub(channels, g0));
  };
  auto slice = [&](ValueRange ivs) {
    IndexArith sa(b, loc);
    Value g0 = sa.mul(ivs[1], sa.cst(group));
    SmallVector<OpFoldResult> offsets(outRank, b.getIndexAttr(0)),
        sizes(outRank, b.getIndexAttr(1));
    offsets[0] = ivs[0];
    offsets[outChannelDim] = g0;
    sizes[outChannelDim] = getAsOpFoldResult(groupWidth(sa, g0));
    return std::make_pair(offsets, sizes);
  };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    IndexArith ba(b, loc);
    Value g0 = ba.mul(ivs[1], ba.cst(group));
    Value width = groupWidth(ba, g0);
    // The chunks of the group; the last group's remainder is the
    // channels' (groups are whole chunks).
    using State = SmallVector<Value>;
    std::optional<int64_t> rest;
    if (staticC)
      rest = *staticC % chunk;
    auto forEachGroupChunk = [&](ValueRange init, ChunkBody part) -> State {
      return forEachChunk(width, chunk, rest, init, part);
    };
    // The output slice `tile`, written chunk by chunk from `chunkResult(k,
    // len, inBounds)`.
    auto writeChunks =
        [&](function_ref<Value(Value k, int64_t len, bool inBounds)>
                chunkResult) -> Value {
      return forEachGroupChunk(tile,
                               [&](ValueRange t, Value k, int64_t len,
                                   bool inBounds) -> State {
                                 SmallVector<Value> dst(outRank, cst(0));
                                 dst[outChannelDim] = k;
                                 return {write(chunkResult(k, len, inBounds),
                                               t[0], dst, inBounds, divisor)};
                               })
          .front();
    };

    if (!streamed)
      return writeChunks([&](Value k, int64_t len, bool inBounds) -> Value {
        // Every position of channels g0 + k, ... (len) in registers.
        IndexArith ra(b, loc);
        Value c = ra.add(g0, k);
        SmallVector<Value> accs = {splat(neutral(accType), len)};
        if (isFloatMax())
          accs.push_back(noneSet(len));
        accs = forLoop(
            cst(0), count, cst(1), accs,
            [&](Value s, ValueRange a) -> SmallVector<Value> {
              Value v = read(flat, ValueRange{ivs[0], s, c}, len, inBounds);
              if (isFloatMax())
                return combineFlagged(a, v);
              return {combine(a[0], v, MaxMode::Exact)};
            });
        return isFloatMax() ? applyNaNFlag(accs[0], accs[1]) : accs[0];
      });

    // The group's partial results, in the accumulator type, updated
    // position by position.
    // One pass over the task's input into fresh partials, combining with
    // `mode`; with `flagged`, also a NaN flag of one vector for the whole
    // task (any lane set: some input was NaN).
    auto stream = [&](MaxMode mode, bool flagged) -> State {
      Value partials =
          tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{group}, accType);
      partials = loopOver(
          cst(0), cst(group), cst(chunk), partials, [&](Value k, Value buf) {
            return writeBuffer(splat(neutral(accType), chunk), buf, k);
          });
      State init = {partials};
      if (flagged)
        init.push_back(noneSet(lanes));
      return forLoop(
          cst(0), count, cst(1), init, [&](Value s, ValueRange st) -> State {
            return forEachGroupChunk(
                st,
                [&](ValueRange t, Value k, int64_t len,
                    bool inBounds) -> State {
                  IndexArith ra(b, loc);
                  Value partial = readBuffer(t[0], k, len);
                  Value v = read(flat, ValueRange{ivs[0], s, ra.add(g0, k)},
                                 len, inBounds);
                  Value r = combineInBuffer(partial, v, mode);
                  State next = {writeBuffer(r, t[0], k)};
                  if (flagged)
                    next.push_back(foldNaNFlag(t[1], v));
                  return next;
                });
          });
    };
    // A float maximum streams with the plain maximum (one vmaxps) and the
    // task's NaN flag, and streams again with the exact maximum if the
    // flag is set: a per-position select of NaN partials, which LLVM turns
    // into a masked store (slow on AMD), costs more than the flag.
    State plain =
        stream(isFloatMax() ? MaxMode::Plain : MaxMode::Exact, isFloatMax());
    Value partials = plain[0];
    if (isFloatMax()) {
      Value any = vector::ReductionOp::create(b, loc, vector::CombiningKind::OR,
                                              plain[1]);
      if (!any.getType().isInteger(1))
        any = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::ne, any,
            arith::ConstantOp::create(b, loc, any.getType(),
                                      b.getZeroAttr(any.getType())));
      auto ifOp = scf::IfOp::create(
          b, loc, any,
          [&](OpBuilder &, Location) {
            scf::YieldOp::create(b, loc, stream(MaxMode::Exact, false)[0]);
          },
          [&](OpBuilder &, Location) {
            scf::YieldOp::create(b, loc, partials);
          });
      partials = ifOp.getResult(0);
    }
    return writeChunks([&](Value k, int64_t len, bool) -> Value {
      return readBuffer(partials, k, len);
    });
  };
  return buildForall({outDims[0], groups}, empty, slice, body);
}

Value GlobalLowering::lower(Value empty) {
  IndexArith ia(b, loc);
  // The spatial elements of one plane, and the average's divisor.
  Value count = ia.cst(1);
  for (Value size : inSizes)
    count = ia.mul(count, size);
  Value divisor =
      isMax() ? Value()
              : indexToAcc(computeClampedDivisor(ia, ArrayRef<Value>(inSizes)));
  if (spec.layout == Layout::ChannelsLast)
    return lowerChannelsLast(empty, count, divisor);
  int64_t outRank = cast<RankedTensorType>(empty.getType()).getRank();

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
