//===- FlatChannels.cpp - Channels-last rows of few channels, flattened ---===//
//
// Channels-last 2-D windows over channels that fill at most half a vector
// (image stems: C = 1 or 3). Vectors over channels would leave most lanes
// empty and take a masked load per tap and a masked store per output.
// Instead a row of W pixels is one run of W x C contiguous elements, and
// each task (batch, group of output rows) reuses two row buffers:
//
//  1. the window's input rows, combined element by element (flat vectors)
//     into the padded row `pad`: (OW - 1) * stride + span pixels, neutral
//     where the window reaches past the input (written once per task);
//  2. the W taps, combined flat in `pad`: element f of `taps` is the
//     combination of pad[f + t * dilation * C] over t < K_W;
//  3. each output pixel ow copies its C elements from taps[ow * stride * C],
//     divided by its divisor for averages.
//
// No access is masked: static remainders are shorter whole vectors.
//
//===----------------------------------------------------------------------===//

#include "VectorBuilder.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

namespace {
class FlatChannelsLowering : public PoolVectorBuilder {
public:
  FlatChannelsLowering(OpBuilder &b, PoolOpInterface op, const VectorPlan &plan)
      : PoolVectorBuilder(b, op, exactTails(plan)) {}
  Value lower(Value empty);

private:
  static VectorPlan exactTails(VectorPlan plan) {
    plan.maskedTails = false;
    return plan;
  }
  /// Output rows [oh0, oh1) of `batch` into `tile` (rows from oh0).
  Value buildRows(Value tile, Value batch, Value oh0, Value oh1, MaxMode mode);
  /// Folds `part(t, offset, len)` over [from, to) of a flat buffer, in
  /// vectors of `lanes` and exact shorter ones for the static remainder.
  SmallVector<Value>
  forEachFlat(int64_t from, int64_t to, ValueRange init,
              function_ref<SmallVector<Value>(ValueRange, Value, int64_t)>);

  /// Static sizes (the cost model checked them).
  int64_t channels = 1, width = 1, outWidth = 1;
  /// Pixels of the padded row, its begin padding and the input pixels
  /// [padLo, padHi) of it that lie inside the input.
  int64_t pixels = 1, padW = 0, padLo = 0, padHi = 0;
  /// Elements of the tap buffer.
  int64_t tapElements = 1;
  /// The input as tensor<N x H x (W * C)>: a row is one run of elements.
  Value flat;
};
} // namespace

SmallVector<Value> FlatChannelsLowering::forEachFlat(
    int64_t from, int64_t to, ValueRange init,
    function_ref<SmallVector<Value>(ValueRange, Value, int64_t)> part) {
  if (to <= from)
    return SmallVector<Value>(init.begin(), init.end());
  return forEachChunk(cst(to - from), lanes, (to - from) % lanes, init,
                      [&](ValueRange t, Value f, int64_t len, bool) {
                        IndexArith ia(b, loc);
                        return part(t, ia.add(f, ia.cst(from)), len);
                      });
}

Value FlatChannelsLowering::buildRows(Value tile, Value batch, Value oh0,
                                      Value oh1, MaxMode mode) {
  const WindowDim &w = geom[1].w;
  Value pad = tensor::EmptyOp::create(
      b, loc, ArrayRef<int64_t>{pixels * channels}, accType);
  Value taps =
      tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{tapElements}, accType);
  auto fillNeutral = [&](Value buf, int64_t from, int64_t to) {
    return forEachFlat(from, to, buf,
                       [&](ValueRange t, Value f, int64_t len) {
                         return SmallVector<Value>{writeBuffer(
                             splat(neutral(accType), len), t[0], f)};
                       })
        .front();
  };
  pad = fillNeutral(pad, 0, padLo * channels);
  pad = fillNeutral(pad, padHi * channels, pixels * channels);

  auto row = [&](Value oh, ValueRange state) -> SmallVector<Value> {
    Value t = state[0], padRow = state[1], tapRow = state[2];
    IndexArith ia(b, loc);
    TapRange<Value> rows =
        computeOutputTaps(ia, geom[0], oh, inSizes[0], padBegin[0]);
    // 1. The window's rows, element by element.
    padRow = forEachFlat(
                 padLo * channels, padHi * channels, padRow,
                 [&](ValueRange s, Value f, int64_t len) {
                   // Buffer pixel p holds input column p - padW.
                   IndexArith fa(b, loc);
                   Value column = fa.sub(f, fa.cst(padW * channels));
                   Value acc = reduceTaps(
                       {rows}, {geom[0].step()}, splat(neutral(accType), len),
                       [&](Value a, ArrayRef<Value> pos) {
                         return combine(a,
                                        read(flat, {batch, pos[0], column}, len,
                                             /*inBounds=*/true),
                                        mode);
                       });
                   return SmallVector<Value>{writeBuffer(acc, s[0], f)};
                 })
                 .front();
    // 2. The W taps, flat.
    tapRow = forEachFlat(0, tapElements, tapRow,
                         [&](ValueRange s, Value f, int64_t len) {
                           TapRange<Value> across{f, cst(0), cst(w.kernel)};
                           Value acc = reduceTaps(
                               {across}, {w.dilation * channels},
                               splat(neutral(accType), len),
                               [&](Value a, ArrayRef<Value> pos) {
                                 return combine(
                                     a, readBuffer(padRow, pos[0], len), mode);
                               });
                           return SmallVector<Value>{writeBuffer(acc, s[0], f)};
                         })
                 .front();
    // 3. Every output pixel's channels.
    Value local = ia.sub(oh, oh0);
    t = loopOver(cst(0), cst(outWidth), cst(1), t, [&](Value ow, Value t2) {
      IndexArith oa(b, loc);
      Value v =
          readBuffer(tapRow, oa.mul(ow, oa.cst(w.stride * channels)), channels);
      Value divisor;
      if (!isMax()) {
        Positions at;
        at.out = {oh, ow};
        divisor = divisorOf(at);
      }
      return write(v, t2, {cst(0), local, ow, cst(0)}, /*inBounds=*/true,
                   divisor);
    });
    return {t, padRow, tapRow};
  };
  return forLoop(oh0, oh1, cst(1), ValueRange{tile, pad, taps},
                 [&](Value oh, ValueRange state) { return row(oh, state); })
      .front();
}

Value FlatChannelsLowering::lower(Value empty) {
  const WindowDim &w = geom[1].w;
  CheckedArith ca;
  channels = cast<RankedTensorType>(input.getType()).getDimSize(rank - 1);
  width = *staticIn[1];
  outWidth = computeOutputSize(ca, width, w);
  padW = computePadBegin(ca, width, geom[1]);
  pixels = (outWidth - 1) * w.stride + w.span;
  padLo = std::clamp<int64_t>(padW, 0, pixels);
  padHi = std::clamp<int64_t>(padW + width, padLo, pixels);
  tapElements = ((outWidth - 1) * w.stride + 1) * channels;
  flat = tensor::CollapseShapeOp::create(
      b, loc, input, SmallVector<ReassociationIndices>{{0}, {1}, {2, 3}});

  // Tasks: (batch, group of output rows), about 16 groups in all so that
  // two or more threads share the rows and each task allocates its two
  // buffers once.
  Value outH = outDims[1];
  IndexArith ia(b, loc);
  std::optional<int64_t> staticN = getConstantIntValue(outDims[0]);
  int64_t groupsPerImage =
      std::max<int64_t>(1, 16 / std::max<int64_t>(staticN.value_or(16), 1));
  Value rowsPerGroup =
      ia.max(ia.ceilDiv(outH, ia.cst(groupsPerImage)), ia.cst(1));
  Value groups = ia.ceilDiv(outH, rowsPerGroup);
  auto rowRange = [&](IndexArith &a, Value g) {
    Value oh0 = a.mul(g, rowsPerGroup);
    return std::make_pair(oh0, a.min(a.add(oh0, rowsPerGroup), outH));
  };
  auto slice = [&](ValueRange ivs) {
    IndexArith sa(b, loc);
    auto [oh0, oh1] = rowRange(sa, ivs[1]);
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
        sizes = getAsOpFoldResult(outDims);
    offsets[0] = ivs[0];
    offsets[1] = oh0;
    sizes[0] = b.getIndexAttr(1);
    sizes[1] = getAsOpFoldResult(sa.sub(oh1, oh0));
    return std::make_pair(offsets, sizes);
  };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    Value batch = ivs[0];
    IndexArith ba(b, loc);
    Value oh0, oh1;
    std::tie(oh0, oh1) = rowRange(ba, ivs[1]);
    // The input rows the task reads, for the NaN scan.
    TapRange<Value> first =
        computeOutputTaps(ba, geom[0], oh0, inSizes[0], padBegin[0]);
    TapRange<Value> last = computeOutputTaps(
        ba, geom[0], ba.sub(oh1, ba.cst(1)), inSizes[0], padBegin[0]);
    Value rowLo = computeTapExtent(ba, first, geom[0].step()).first;
    SmallVector<Value> lo = {batch, rowLo, cst(0)};
    SmallVector<Value> hi = {
        ba.add(batch, ba.cst(1)),
        ba.max(rowLo, computeTapExtent(ba, last, geom[0].step()).second),
        cst(width * channels)};
    return withNaNCheck(
        tile, lo, hi,
        [&](Value t, MaxMode mode) {
          return buildRows(t, batch, oh0, oh1, mode);
        },
        /*scanLen=*/0, flat);
  };
  return buildForall({outDims[0], groups}, empty, slice, body);
}

void vector_lowering::populateFlatChannelsPatterns(
    RewritePatternSet &patterns, const FamilyOptions &options) {
  patterns.add<
      LowerPoolFamily<VectorFamily::ChannelsLastFlat, FlatChannelsLowering>>(
      patterns.getContext(), options);
}
