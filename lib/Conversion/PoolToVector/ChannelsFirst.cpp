//===- ChannelsFirst.cpp - Channels-first rows, vectors along W ----------===//
//
// One task per (batch, channel): a whole output plane, row by row. Each row
// along the contiguous last spatial dimension W is emitted as blocks of
// `lanes` outputs: interior blocks read whole vectors per tap (strided
// windows pick their lanes with vector.shuffle); with static sizes, border
// blocks and irregular adaptive bins read a vector once and place lanes with
// one constant shuffle; only dynamic borders take one output at a time.
// RowLowering::emitRow also writes the first pass of the separable family.
//
//===----------------------------------------------------------------------===//

#include "VectorBuilder.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

Value RowLowering::lowerPlanes(Value empty, PlaneBuilder buildPlane) {
  auto slice = [&](ValueRange ivs) { return leadingSlice(ivs); };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    Value batch = ivs[0], channel = ivs[1];
    SmallVector<Value> lo(rank, cst(0)), hi(inDims.begin(), inDims.end());
    IndexArith ia(b, loc);
    lo[0] = batch;
    hi[0] = ia.add(batch, ia.cst(1));
    lo[1] = channel;
    hi[1] = ia.add(channel, ia.cst(1));
    return withNaNCheck(tile, lo, hi, [&](Value t, MaxMode mode) {
      return buildPlane(t, batch, channel, mode);
    });
  };
  return buildForall({outDims[0], outDims[1]}, empty, slice, body);
}

/// Input indices [n, c, positions..., last].
SmallVector<Value>
RowLowering::rowIndices(const Row &row, ArrayRef<Value> positions, Value last) {
  SmallVector<Value> idx = {row.n, row.c};
  idx.append(positions.begin(), positions.end());
  idx.push_back(last);
  return idx;
}

SmallVector<Value> RowLowering::tileIndices(ArrayRef<Value> out, Value last) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  SmallVector<Value> idx = {zero, zero};
  idx.append(out.begin(), out.end());
  idx.push_back(last);
  return idx;
}

/// Writes a block of the row: into the output slice (converted to the
/// element type) or into the row buffer.
Value RowLowering::writeRow(const Row &row, Value acc, Value tile, Value ow,
                            Value divisor) {
  if (!row.toBuffer)
    return write(acc, tile, tileIndices(row.out, ow),
                 /*inBounds=*/true, divisor);
  if (divisor) {
    if (!isa<VectorType>(divisor.getType()))
      divisor =
          splat(divisor, cast<VectorType>(acc.getType()).getNumElements());
    acc = arith::DivFOp::create(b, loc, acc, divisor);
  }
  SmallVector<Value> idx = row.out;
  idx.push_back(ow);
  return vector::TransferWriteOp::create(b, loc, acc, tile, idx,
                                         ArrayRef<bool>{true})
      .getResult();
}

RowLowering::StridedReads RowLowering::stridedReads() const {
  const DimGeometry &g = geom[n - 1];
  StridedReads r;
  r.extra = g.w.stride - 1;
  // The half of each tap is chosen at compile time: unrolled taps only.
  if (!g.isWindow || g.w.stride != 2 || !elemType.isBF16() ||
      !accType.isF32() || g.w.kernel > kMaxUnrolledTaps)
    return r;
  r.pairs = true;
  if (g.w.span % 2 == 0) {
    r.extra = 0;
    return r;
  }
  std::optional<int64_t> in = staticIn[n - 1],
                         out = getConstantIntValue(outDims[rank - 1]),
                         pb = getConstantIntValue(padBegin[n - 1]);
  if (!in || !out || !pb)
    return r;
  CheckedArith ca;
  auto [lo, hi] = computeInteriorOutputs(ca, *in, *out, *pb, g.w, 1);
  auto [hlo, hhi] = computeInteriorOutputs(ca, *in, *out, *pb, g.w, 0, 1);
  if (!ca.overflow && hhi - hlo > hi - lo) {
    r.before = 1;
    r.extra = 0;
    r.highFirst = true;
  }
  return r;
}

/// One output row along the last spatial dimension W: border blocks,
/// interior blocks of `lanes` outputs whose taps all lie inside the input,
/// and single outputs where sizes are dynamic.
Value RowLowering::emitRow(Value tile, const Row &row) {
  int64_t d = n - 1;
  const DimGeometry &g = geom[d];
  Value outW = outDims[rank - 1];
  std::optional<int64_t> staticOut = getConstantIntValue(outW);
  int64_t width = lanes;
  IndexArith ia(b, loc);
  // Interior blocks read `width * stride` elements per tap; wider strides
  // take single outputs (there are few of them).
  bool blocks =
      g.isWindow && g.w.stride <= kMaxBlockReadVectors * lanes / width;
  // Static sizes: a compile-time plan of border blocks, as long as it stays
  // small (hostile sizes must not blow up the IR).
  std::optional<std::pair<int64_t, int64_t>> plan;
  if (staticIn[d] && staticOut) {
    int64_t in = *staticIn[d], out = *staticOut;
    CheckedArith ca;
    int64_t lo = out, hi = out;
    if (blocks) {
      // Interior blocks read `width * stride` elements around each tap
      // (stridedReads): those reads must lie inside the input.
      const WindowDim &w = g.w;
      int64_t pb = computePadBegin(ca, in, w);
      StridedReads reads = stridedReads();
      std::tie(lo, hi) =
          computeInteriorOutputs(ca, in, out, pb, w, reads.extra, reads.before);
      if (ca.overflow)
        lo = hi = out;
    }
    if (hi - lo < width)
      lo = hi = out;
    int64_t w = std::max<int64_t>(std::min(width, out), 1);
    // Output sizes up to INT64_MAX are legal when another dimension is 0.
    int64_t borderBlocks =
        ca.add(ca.ceilDiv(lo, w), ca.ceilDiv(ca.sub(out, hi), w));
    int64_t taps =
        g.isWindow ? g.w.kernel : computeAdaptiveBinBound(ca, in, g.outSize);
    if (!ca.overflow && borderBlocks <= kMaxStaticBlocks &&
        taps <= kMaxStaticTaps / std::max<int64_t>(borderBlocks, 1))
      plan = {lo, hi};
  }
  if (plan) {
    int64_t out = *staticOut;
    int64_t lo = plan->first, hi = plan->second;
    if (out == 0)
      return tile;
    width = std::min(width, out);
    // Static blocks cover [0, lo) and [hi, out), overlapping neighbours
    // rather than reading past the row.
    auto staticBlocks = [&](int64_t from, int64_t to, Value t) -> Value {
      for (int64_t ow0 = from; ow0 < to; ow0 += width) {
        int64_t start = std::min(ow0, out - width);
        std::optional<Value> r = emitStaticBlock(t, row, start, width);
        if (r) {
          t = *r;
          continue;
        }
        t = loopOver(
            cst(start), cst(start + width), cst(1), t,
            [&](Value ow, Value t2) { return emitOneOutput(t2, row, ow); });
      }
      return t;
    };
    // Left border blocks from 0, right ones aligned to the end; interior
    // blocks fill the gap, the last one overlapping its neighbour.
    int64_t from = std::min((lo + width - 1) / width * width, out);
    int64_t rightBlocks = (out - hi + width - 1) / width;
    int64_t to = std::max<int64_t>(out - rightBlocks * width, 0);
    tile = staticBlocks(0, lo, tile);
    if (hi > lo && to > from)
      tile = emitInteriorRun(tile, row, cst(from), cst(to), cst(hi), width);
    for (int64_t k = rightBlocks; k >= 1; --k)
      tile = staticBlocks(std::max<int64_t>(out - k * width, 0),
                          std::max<int64_t>(out - k * width, 0) + 1, tile);
    return tile;
  }

  // Dynamic sizes: interior blocks where they fit, single outputs around.
  auto single = [&](Value from, Value to, Value t) {
    return loopOver(from, to, cst(1), t, [&](Value ow, Value t2) {
      return emitOneOutput(t2, row, ow);
    });
  };
  if (!blocks)
    return single(cst(0), outW, tile);
  const WindowDim &w = g.w;
  StridedReads reads = stridedReads();
  auto [lo, hi] = computeInteriorOutputs(ia, inSizes[d], outW, padBegin[d], w,
                                         reads.extra, reads.before);
  // hi - lo >= width ? hi : lo
  Value blocksEnd = ia.selectGE(ia.sub(hi, lo), ia.cst(width), hi, lo);
  tile = single(cst(0), lo, tile);
  tile = emitInteriorRun(tile, row, lo, blocksEnd, blocksEnd, width);
  return single(blocksEnd, outW, tile);
}

Value RowLowering::emitInteriorRun(Value tile, const Row &row, Value from,
                                   Value to, Value end, int64_t width) {
  IndexArith ia(b, loc);
  if (int64_t q = halfVectorPieces(); q > 0 && width == lanes) {
    const WindowDim &w = geom[n - 1].w;
    int64_t h = lanes / 2;
    // Elements a group of `group` blocks reads from its first window start:
    // the h-tap vectors up to the one after its last block's last piece
    // (q even: the piece moved by half a vector comes from there), and the
    // remainder taps of its last block; each tap reads a whole vector.
    auto reach = [&](int64_t group) {
      int64_t vectors = group - 1 + (q - 1) / 2 + ((q - 1) % 2 ? 1 : 0);
      return std::max(vectors * lanes + h, (group - 1) * lanes + w.kernel) +
             lanes - 1;
    };
    // Static runs: one group over every block whose reads stay in the row
    // (up to kMaxHalfVectorGroup); dynamic ones VectorTiling's group.
    int64_t group = plan.tiling.halfVectorGroup;
    std::optional<int64_t> sFrom = getConstantIntValue(from),
                           sTo = getConstantIntValue(to),
                           sEnd = getConstantIntValue(end),
                           sIn = staticIn[n - 1],
                           sPad = getConstantIntValue(padBegin[n - 1]);
    if (sFrom && sTo && sEnd && sIn && sPad) {
      group = std::min((std::min(*sTo, *sEnd) - *sFrom) / width,
                       kMaxHalfVectorGroup);
      while (group >= 1 && *sFrom - *sPad + reach(group) > *sIn)
        --group;
    }
    if (group >= 1) {
      int64_t span = group * width;
      // The last group start whose reads end inside the row.
      Value ghi =
          computeInteriorOutputs(ia, inSizes[n - 1], outDims[rank - 1],
                                 padBegin[n - 1], w, reach(group) - w.kernel)
              .second;
      // Groups whose every block lies in [from, min(to, end)) and whose
      // reads end inside the row.
      Value limit =
          ia.min(ia.add(ia.sub(ia.min(to, end), ia.cst(span)), ia.cst(1)), ghi);
      Value groups =
          ia.ceilDiv(ia.max(ia.sub(limit, from), ia.cst(0)), ia.cst(span));
      Value groupsEnd = ia.add(from, ia.mul(groups, ia.cst(span)));
      tile = loopOver(from, groupsEnd, cst(span), tile, [&](Value g0, Value t) {
        return emitHalfVectorGroup(t, row, g0, group);
      });
      from = groupsEnd;
    }
  }
  return loopOver(from, to, cst(width), tile, [&](Value ow0, Value t) {
    IndexArith la(b, loc);
    Value start = la.min(ow0, la.sub(end, la.cst(width)));
    return emitInteriorBlock(t, row, start, width);
  });
}

int64_t RowLowering::halfVectorPieces() const {
  const DimGeometry &g = geom[n - 1];
  if (!g.isWindow || g.w.stride != 1 || g.w.dilation != 1 || lanes < 4 ||
      lanes % 2 || g.w.kernel < lanes || g.w.kernel > kMaxHalfVectorTaps)
    return 0;
  return g.w.kernel / (lanes / 2);
}

Value RowLowering::emitHalfVectorGroup(Value tile, const Row &row, Value g0,
                                       int64_t group) {
  const WindowDim &w = geom[n - 1].w;
  int64_t h = lanes / 2;
  int64_t q = w.kernel / h, rem = w.kernel % h;
  IndexArith ia(b, loc);
  Value base = computeWindowStart(ia, g0, padBegin[n - 1], w);
  SmallVector<Value> init(group, splat(neutral(accType), lanes));
  SmallVector<Value> accs = reduceTapsN(
      row.taps, row.steps, init,
      [&](ValueRange a, ArrayRef<Value> pos) -> SmallVector<Value> {
        auto readAt = [&](int64_t offset) {
          IndexArith ra(b, loc);
          return read(input, rowIndices(row, pos, ra.add(base, ra.cst(offset))),
                      lanes, /*inBounds=*/true);
        };
        // taps(off, len): lane l combines elements off + l, ..., off + l +
        // len - 1 from the window start of the group.
        auto taps = [&](int64_t off, int64_t len) {
          Value v = startChain(readAt(off), row.mode);
          for (int64_t e = 1; e < len; ++e)
            v = combine(v, readAt(off + e), row.mode);
          return v;
        };
        DenseMap<int64_t, Value> halves;
        auto half = [&](int64_t i) {
          auto [it, inserted] = halves.try_emplace(i);
          if (inserted)
            it->second = taps(i * lanes, h);
          return it->second;
        };
        SmallVector<int64_t> shift;
        for (int64_t l = 0; l < lanes; ++l)
          shift.push_back(h + l);
        SmallVector<Value> out;
        for (int64_t j = 0; j < group; ++j) {
          Value v;
          for (int64_t p = 0; p < q; ++p) {
            Value piece = half(j + p / 2);
            if (p % 2)
              piece = vector::ShuffleOp::create(b, loc, piece,
                                                half(j + p / 2 + 1), shift);
            v = v ? combine(v, piece, row.mode) : piece;
          }
          if (rem)
            v = combine(v, taps(j * lanes + q * h, rem), row.mode);
          out.push_back(combine(a[j], v, row.mode));
        }
        return out;
      });
  Value divisor = interiorDivisor(row);
  for (int64_t j = 0; j < group; ++j) {
    IndexArith ja(b, loc);
    tile = writeRow(row, accs[j], tile, ja.add(g0, ja.cst(j * lanes)), divisor);
  }
  return tile;
}

/// `width` outputs from `ow0` whose taps all lie inside the input: per tap
/// one unmasked read, strided windows picking every stride-th lane.
Value RowLowering::emitInteriorBlock(Value tile, const Row &row, Value ow0,
                                     int64_t width) {
  const WindowDim &w = geom[n - 1].w;
  IndexArith ia(b, loc);
  Value base = computeWindowStart(ia, ow0, padBegin[n - 1], w);
  StridedReads reads = stridedReads();
  Value acc = splat(neutral(accType), width);
  acc = reduceTaps(
      row.taps, row.steps, acc, [&](Value a, ArrayRef<Value> pos) -> Value {
        auto tap = [&](Value k, Value a2) {
          IndexArith ka(b, loc);
          Value at = computeTapPosition(ka, base, k, w.dilation);
          Value v = readEvery(input, rowIndices(row, pos, at), width, w.stride);
          return combine(a2, v, row.mode);
        };
        if (w.kernel > kMaxUnrolledTaps)
          return loopOver(cst(0), cst(w.kernel), cst(1), a, tap);
        // The row's taps first, then into the accumulator: the dependent
        // chain of combines is K - 1 + rows long instead of K * rows.
        Value rowAcc;
        for (int64_t k = 0; k < w.kernel; ++k) {
          IndexArith ka(b, loc);
          Value at = computeTapPosition(ka, base, cst(k), w.dilation);
          bool high =
              reads.pairs && ((k * w.dilation) % 2 == 1) != reads.highFirst;
          Value v =
              readEvery(input, rowIndices(row, pos, at), width, w.stride, high);
          rowAcc =
              rowAcc ? combine(rowAcc, v, row.mode) : startChain(v, row.mode);
        }
        return combine(a, rowAcc, row.mode);
      });
  return writeRow(row, acc, tile, ow0, interiorDivisor(row));
}

/// The divisor of an interior output of the row (none for maxima): the
/// row's factor times the W kernel.
Value RowLowering::interiorDivisor(const Row &row) {
  if (isMax())
    return Value();
  return arith::MulFOp::create(
      b, loc, row.divisor,
      arith::ConstantOp::create(
          b, loc,
          b.getFloatAttr(accType, static_cast<double>(geom[n - 1].w.kernel))));
}

/// `width` outputs from the static `ow0` with static sizes: each tap reads
/// the span of input its lanes need once and moves the lanes into place
/// with one constant shuffle, neutral lanes where the tap does not exist
/// (padding, shorter adaptive bins). None if a span is too wide.
std::optional<Value> RowLowering::emitStaticBlock(Value tile, const Row &row,
                                                  int64_t ow0, int64_t width) {
  int64_t d = n - 1;
  const DimGeometry &g = geom[d];
  int64_t in = *staticIn[d];
  CheckedArith ca;
  int64_t pb = computePadBegin(ca, in, g);
  struct Tap {
    int64_t base, len;
    SmallVector<int64_t> mask;
  };
  SmallVector<Tap> taps;
  SmallVector<TapRange<int64_t>> laneTaps;
  int64_t maxTaps = 0;
  for (int64_t l = 0; l < width; ++l) {
    laneTaps.push_back(computeOutputTaps(ca, g, ow0 + l, in, pb));
    maxTaps = std::max(maxTaps, laneTaps.back().hi);
  }
  if (maxTaps > kMaxBlockTaps)
    return std::nullopt;
  for (int64_t k = 0; k < maxTaps; ++k) {
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = -1;
    SmallVector<int64_t> pos(width, -1);
    for (int64_t l = 0; l < width; ++l) {
      const TapRange<int64_t> &t = laneTaps[l];
      if (k < t.lo || k >= t.hi)
        continue;
      pos[l] = computeTapPosition(ca, t.start, k, g.step());
      lo = std::min(lo, pos[l]);
      hi = std::max(hi, pos[l]);
    }
    if (hi < 0)
      continue;
    Tap tap{lo, hi - lo + 1, {}};
    if (tap.len > kMaxBlockReadVectors * lanes || ca.overflow)
      return std::nullopt;
    // One full (or masked) register load instead of LLVM splitting an odd
    // length into several.
    tap.len = static_cast<int64_t>(llvm::PowerOf2Ceil(tap.len));
    for (int64_t l = 0; l < width; ++l)
      tap.mask.push_back(pos[l] < 0 ? tap.len : pos[l] - lo);
    taps.push_back(std::move(tap));
  }

  Value acc = splat(neutral(accType), width);
  acc = reduceTaps(
      row.taps, row.steps, acc, [&](Value a, ArrayRef<Value> pos) -> Value {
        for (const Tap &tap : taps) {
          Value v = read(input, rowIndices(row, pos, cst(tap.base)), tap.len,
                         /*inBounds=*/tap.base + tap.len <= in);
          bool identity = tap.len == width;
          for (int64_t l = 0; identity && l < width; ++l)
            identity = tap.mask[l] == l;
          if (!identity)
            v = vector::ShuffleOp::create(
                b, loc, v, splat(neutral(accType), tap.len), tap.mask);
          a = combine(a, v, row.mode);
        }
        return a;
      });
  Value divisor;
  if (!isMax()) {
    SmallVector<Attribute> factors;
    for (int64_t l = 0; l < width; ++l) {
      int64_t f = computeClampedDivisor(
          ca, ArrayRef<int64_t>{computeDivisorFactor(ca, g, ow0 + l, in,
                                                     spec.countIncludePad)});
      factors.push_back(b.getFloatAttr(accType, static_cast<double>(f)));
    }
    Value laneFactors = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(vecType(width, accType), factors));
    divisor =
        arith::MulFOp::create(b, loc, splat(row.divisor, width), laneFactors);
  }
  return writeRow(row, acc, tile, cst(ow0), divisor);
}

/// The single output `ow` of the row, its taps clamped to the input.
Value RowLowering::emitOneOutput(Value tile, const Row &row, Value ow) {
  int64_t d = n - 1;
  IndexArith ia(b, loc);
  SmallVector<TapRange<Value>> taps = row.taps;
  SmallVector<int64_t> steps = row.steps;
  taps.push_back(computeOutputTaps(ia, geom[d], ow, inSizes[d], padBegin[d]));
  steps.push_back(geom[d].step());
  Value acc = splat(neutral(accType), 1);
  acc =
      reduceTaps(taps, steps, acc, [&](Value a, ArrayRef<Value> pos) -> Value {
        return combine(a,
                       read(input, rowIndices(row, pos.drop_back(), pos.back()),
                            1, /*inBounds=*/true),
                       row.mode);
      });
  Value divisor;
  if (!isMax())
    divisor = arith::MulFOp::create(b, loc, row.divisor, dimDivisor(d, ow));
  return writeRow(row, acc, tile, ow, divisor);
}

namespace {
/// Every output row of the plane, reduced directly from the input.
class ChannelsFirstRowsLowering : public RowLowering {
public:
  using RowLowering::RowLowering;
  Value lower(Value empty) {
    return lowerPlanes(
        empty, [&](Value tile, Value batch, Value channel, MaxMode mode) {
          Row row;
          row.n = batch;
          row.c = channel;
          row.mode = mode;
          return nestOutputs(0, n - 1, row, tile, [&](Value t) -> Value {
            if (!isMax())
              row.divisor = divisorOf(row);
            return emitRow(t, row);
          });
        });
  }
};
} // namespace

void vector_lowering::populateChannelsFirstPatterns(
    RewritePatternSet &patterns, const FamilyOptions &options) {
  patterns.add<LowerPoolFamily<VectorFamily::ChannelsFirstRows,
                               ChannelsFirstRowsLowering>>(
      patterns.getContext(), options);
}
