//===- Separable.cpp - Separable and sliding windows, both layouts --------===//
//
// Windows of two or more dimensions in two passes: every input row reduced
// along W into a per-task row buffer, then every output reduced over the
// buffer rows its window covers. With VectorPlan::sliding, stride-1 rows of
// 2-D windows are reduced with van Herk/Gil-Werman block suffixes and
// prefixes: two combines per output whatever the window height.
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
class SeparableLowering : public RowLowering {
public:
  using RowLowering::RowLowering;

protected:
  /// Channels-first: one task per (batch, channel) plane.
  Value lowerChannelsFirst(Value empty) {
    return lowerPlanes(
        empty, [&](Value tile, Value batch, Value channel, MaxMode mode) {
          return buildPlane(tile, batch, channel, mode);
        });
  }
  /// Channels-last: one task per (batch, channel vector).
  Value lowerChannelsLast(Value empty);

private:
  Value buildPlane(Value tile, Value batch, Value channel, MaxMode mode);
  Value rowDivisor(Value oh);
  using RowRead = function_ref<Value(Value h)>;
  using RowWrite = function_ref<Value(Value oh, Value acc, Value tile)>;
  Value makeSuffixBuffer(int64_t width);
  std::pair<Value, Value> slideRows(Value tile, Value suffix, int64_t width,
                                    MaxMode mode, RowRead readRow,
                                    RowWrite writeOut);
};

struct ChannelsFirstSeparableLowering : SeparableLowering {
  using SeparableLowering::SeparableLowering;
  Value lower(Value empty) { return lowerChannelsFirst(empty); }
};

struct ChannelsLastSeparableLowering : SeparableLowering {
  using SeparableLowering::SeparableLowering;
  Value lower(Value empty) { return lowerChannelsLast(empty); }
};
} // namespace

/// Channels-last windows of two or more dimensions in two passes, one task
/// per (batch, channel vector): every input row reduced along W into a
/// buffer [rows..., OW * lanes], then every output reduced over the buffer
/// rows its window covers. Same cost model as channels-first.
Value SeparableLowering::lowerChannelsLast(Value empty) {
  Value channels = inDims[rank - 1];
  std::optional<int64_t> staticC = getConstantIntValue(channels);
  // A task reads whole cache lines of each pixel where the channels allow:
  // 64 bytes of input elements, one or two hardware vectors (max 9x9 over
  // 1x56x56x64 on AVX2: 0.063-0.070 against 0.073 ms with one, 5x5 0.055
  // against 0.073: tasks of one vector read half of each line).
  int64_t lineElements =
      64 / std::max<int64_t>(1, elemType.getIntOrFloatBitWidth() / 8);
  // Not for sliding sweeps, whose columns already span several vectors.
  int64_t chunk = getChunkLength(
      staticC, plan.sliding
                   ? lanes
                   : std::clamp<int64_t>(lineElements, lanes, 2 * lanes));
  blockVectors = std::max<int64_t>(1, chunk / lanes);
  bool even = staticC && *staticC % chunk == 0;
  IndexArith ia(b, loc);
  Value chunks = ia.ceilDiv(channels, ia.cst(chunk));
  auto slice = [&](ValueRange ivs) {
    IndexArith sa(b, loc);
    Value c0 = sa.mul(ivs[1], sa.cst(chunk));
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
        sizes = getAsOpFoldResult(outDims);
    offsets[0] = ivs[0];
    offsets[rank - 1] = c0;
    sizes[0] = b.getIndexAttr(1);
    sizes[rank - 1] =
        getAsOpFoldResult(sa.min(sa.cst(chunk), sa.sub(channels, c0)));
    return std::make_pair(offsets, sizes);
  };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    Value batch = ivs[0];
    IndexArith ba(b, loc);
    Value c0 = ba.mul(ivs[1], ba.cst(chunk));
    int64_t d = n - 1;
    auto build = [&](Value tile, MaxMode mode) -> Value {
      SmallVector<OpFoldResult> bufSizes;
      for (int64_t i = 0; i < n - 1; ++i)
        bufSizes.push_back(getAsOpFoldResult(inSizes[i]));
      // [rows..., OW * chunk]: a column of `chunk` channels per output, so
      // that a sliding sweep reads several neighbouring columns at once,
      // in bounds.
      IndexArith za(b, loc);
      bufSizes.push_back(
          getAsOpFoldResult(za.mul(outDims[rank - 2], za.cst(chunk))));
      Value buf = tensor::EmptyOp::create(b, loc, bufSizes, accType);
      SmallVector<Value> idx;
      // Pass 1: each input row along W.
      std::function<Value(int64_t, Value)> rowsPass = [&](int64_t i,
                                                          Value t) -> Value {
        if (i < n - 1)
          return loopOver(cst(0), inSizes[i], cst(1), t,
                          [&](Value h, Value t2) {
                            idx.push_back(h);
                            Value r = rowsPass(i + 1, t2);
                            idx.pop_back();
                            return r;
                          });
        auto readAt = [&](Value w) {
          SmallVector<Value> at = {batch};
          at.append(idx.begin(), idx.end());
          at.push_back(w);
          at.push_back(c0);
          return read(input, at, chunk, even);
        };
        auto toBuffer = [&](Value ow, Value acc, Value t2) -> Value {
          if (!isMax())
            acc = arith::DivFOp::create(b, loc, acc,
                                        splat(dimDivisor(d, ow), chunk));
          SmallVector<Value> at = idx;
          IndexArith wa(b, loc);
          at.push_back(wa.mul(ow, wa.cst(chunk)));
          return vector::TransferWriteOp::create(b, loc, acc, t2, at,
                                                 ArrayRef<bool>{true})
              .getResult();
        };
        int64_t k = geom[d].w.kernel, r = windowBlockOf(d);
        return loopOutputs(
            d, t,
            [&](Value ow, const TapRange<Value> &w, Value t2) {
              Value acc = splat(neutral(accType), chunk);
              acc = reduceTaps({w}, {geom[d].step()}, acc,
                               [&](Value a, ArrayRef<Value> pos) -> Value {
                                 return combine(a, readAt(pos[0]), mode);
                               });
              return toBuffer(ow, acc, t2);
            },
            /*split=*/true, r,
            [&](Value ow0, const TapRange<Value> &w, Value t2) {
              SmallVector<Value> accs = combineWindowBlock(
                  k, r,
                  [&](int64_t e) {
                    IndexArith ea(b, loc);
                    return readAt(ea.add(w.start, ea.cst(e)));
                  },
                  mode);
              for (int64_t j = 0; j < r; ++j) {
                IndexArith ja(b, loc);
                t2 = toBuffer(ja.add(ow0, ja.cst(j)), accs[j], t2);
              }
              return t2;
            });
      };
      buf = rowsPass(0, buf);
      // Pass 2: each output from the buffer rows.
      Positions rows;
      auto readBuf = [&](ArrayRef<Value> at, Value ow) -> Value {
        SmallVector<Value> idx(at.begin(), at.end());
        IndexArith wa(b, loc);
        idx.push_back(wa.mul(ow, wa.cst(chunk)));
        return vector::TransferReadOp::create(b, loc, vecType(chunk, accType),
                                              buf, idx, neutral(accType),
                                              ArrayRef<bool>{true});
      };
      auto outIndices = [&](ArrayRef<Value> out, Value ow) {
        SmallVector<Value> dst = {cst(0)};
        dst.append(out.begin(), out.end());
        dst.push_back(ow);
        dst.push_back(cst(0));
        return dst;
      };
      auto outputs = [&](Value t) -> Value {
        Value divisor = isMax() ? Value() : divisorOf(rows);
        return loopOver(
            cst(0), outDims[rank - 2], cst(1), t, [&](Value ow, Value t2) {
              Value acc = splat(neutral(accType), chunk);
              acc = reduceTaps(rows.taps, rows.steps, acc,
                               [&](Value a, ArrayRef<Value> pos) -> Value {
                                 return combine(a, readBuf(pos, ow), mode);
                               });
              return write(acc, t2, outIndices(rows.out, ow), even, divisor);
            });
      };
      // A block of interior output rows (combineWindowBlock): each output
      // column reads the block's r + K - 1 buffer rows once per outer tap.
      auto block = [&](Value t) -> Value {
        SmallVector<BlockOutput> outs = blockOutputs(rows);
        return loopOver(
            cst(0), outDims[rank - 2], cst(1), t, [&](Value ow, Value t2) {
              SmallVector<Value> accs = reduceBlock(
                  rows, chunk,
                  [&](ArrayRef<Value> at) { return readBuf(at, ow); }, mode);
              for (auto [acc, o] : llvm::zip_equal(accs, outs))
                t2 = write(acc, t2, outIndices(o.out, ow), even, o.divisor);
              return t2;
            });
      };
      if (!plan.sliding)
        return nestOutputs(0, n - 1, rows, tile, outputs, block);
      // VectorTiling::slidingColumns columns at a time (contiguous in the
      // buffer): independent dependency chains; the remaining columns one by
      // one.
      auto columns = [&](int64_t group) {
        return [&, group](Value ow, ValueRange args) -> SmallVector<Value> {
          auto [t, sfx] = slideRows(
              args[0], args[1], group * chunk, mode,
              [&](Value h) -> Value {
                IndexArith ra(b, loc);
                return vector::TransferReadOp::create(
                    b, loc, vecType(group * chunk, accType), buf,
                    ValueRange{h, ra.mul(ow, ra.cst(chunk))}, neutral(accType),
                    ArrayRef<bool>{true});
              },
              [&](Value oh, Value acc, Value t2) {
                Value divisor = rowDivisor(oh);
                for (int64_t j = 0; j < group; ++j) {
                  Value part = acc;
                  if (group > 1)
                    part = vector::ExtractStridedSliceOp::create(
                        b, loc, acc, ArrayRef<int64_t>{j * chunk},
                        ArrayRef<int64_t>{chunk}, ArrayRef<int64_t>{1});
                  IndexArith ja(b, loc);
                  t2 = write(
                      part, t2,
                      ValueRange{cst(0), oh, ja.add(ow, ja.cst(j)), cst(0)},
                      even, divisor);
                }
                return t2;
              });
          return {t, sfx};
        };
      };
      IndexArith ga(b, loc);
      Value outW = outDims[rank - 2];
      int64_t group = plan.tiling.slidingColumns;
      Value grouped = ga.mul(ga.floorDiv(outW, ga.cst(group)), ga.cst(group));
      SmallVector<Value> state = {tile, makeSuffixBuffer(group * chunk)};
      state = forLoop(cst(0), grouped, cst(group), state, columns(group));
      return forLoop(grouped, outW, cst(1), state, columns(1))[0];
    };
    SmallVector<Value> lo(rank, cst(0)), hi(inDims.begin(), inDims.end());
    lo[0] = batch;
    hi[0] = ba.add(batch, ba.cst(1));
    lo[rank - 1] = c0;
    hi[rank - 1] = ba.min(ba.add(c0, ba.cst(chunk)), channels);
    return withNaNCheck(tile, lo, hi, build, chunk);
  };
  return buildForall({outDims[0], chunks}, empty, slice, body);
}

/// The average divisor factor of output row `oh` (none for maxima).
Value SeparableLowering::rowDivisor(Value oh) {
  if (isMax())
    return Value();
  return dimDivisor(0, oh);
}

/// van Herk/Gil-Werman along the rows of one column of vectors: the padded
/// rows [0, OH + K - 1) fall into blocks of K; a backward sweep stores each
/// row's suffix over its block, a forward sweep keeps the prefix in a
/// register, and output row oh (window [oh, oh + K)) is suffix[oh] combined
/// with prefix[oh + K - 1]: two combines per output whatever K. Rows outside
/// the input are neutral. Sums use the same blocks (a window that is
/// exactly a block takes the suffix alone), so each output adds at most
/// 2K - 1 terms in a different order than the direct sum.
/// The per-task buffer of block suffixes, [OH + K - 1, width], allocated
/// once outside the column loops.
Value SeparableLowering::makeSuffixBuffer(int64_t width) {
  IndexArith ia(b, loc);
  Value padded = ia.add(outDims[spatialDim(0)], ia.cst(geom[0].w.kernel - 1));
  return tensor::EmptyOp::create(
      b, loc,
      ArrayRef<OpFoldResult>{getAsOpFoldResult(padded), b.getIndexAttr(width)},
      accType);
}

std::pair<Value, Value>
SeparableLowering::slideRows(Value tile, Value suffix, int64_t width,
                             MaxMode mode, RowRead readRow, RowWrite writeOut) {
  int64_t k = geom[0].w.kernel;
  IndexArith ia(b, loc);
  Value padded = ia.add(outDims[spatialDim(0)], ia.cst(k - 1));
  VectorType type = vecType(width, accType);
  Value none = splat(neutral(accType), width);
  auto cmp = [&](arith::CmpIPredicate pred, Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, loc, pred, x, y);
  };
  auto remainderIs = [&](Value v, int64_t r) {
    Value rem = arith::RemSIOp::create(b, loc, v, cst(k));
    return cmp(arith::CmpIPredicate::eq, rem, cst(r));
  };
  auto rowAt = [&](Value p) -> Value {
    IndexArith ra(b, loc);
    Value h = ra.sub(p, padBegin[0]);
    Value inside =
        arith::AndIOp::create(b, loc, cmp(arith::CmpIPredicate::sge, h, cst(0)),
                              cmp(arith::CmpIPredicate::slt, h, inSizes[0]));
    auto ifOp = scf::IfOp::create(b, loc, TypeRange{type}, inside,
                                  /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    scf::YieldOp::create(b, loc, readRow(h));
    b.setInsertionPointToStart(ifOp.elseBlock());
    scf::YieldOp::create(b, loc, none);
    return ifOp.getResult(0);
  };

  suffix = forLoop(
      cst(0), padded, cst(1), ValueRange{none, suffix},
      [&](Value q, ValueRange a) -> SmallVector<Value> {
        IndexArith qa(b, loc);
        Value p = qa.sub(qa.sub(padded, qa.cst(1)), q);
        Value x = rowAt(p);
        Value restart =
            arith::OrIOp::create(b, loc, remainderIs(p, k - 1),
                                 cmp(arith::CmpIPredicate::eq, q, cst(0)));
        Value run =
            arith::SelectOp::create(b, loc, restart, x, combine(x, a[0], mode));
        Value s = vector::TransferWriteOp::create(b, loc, run, a[1],
                                                  ValueRange{p, cst(0)},
                                                  ArrayRef<bool>{true})
                      .getResult();
        return {run, s};
      })[1];

  Value result = forLoop(
      cst(0), padded, cst(1), ValueRange{none, tile},
      [&](Value p, ValueRange a) -> SmallVector<Value> {
        Value x = rowAt(p);
        Value run = arith::SelectOp::create(b, loc, remainderIs(p, 0), x,
                                            combine(a[0], x, mode));
        IndexArith fa(b, loc);
        Value oh = fa.sub(p, fa.cst(k - 1));
        auto ifOp =
            scf::IfOp::create(b, loc, TypeRange{a[1].getType()},
                              cmp(arith::CmpIPredicate::sge, oh, cst(0)),
                              /*withElseRegion=*/true);
        {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(ifOp.thenBlock());
          Value s = vector::TransferReadOp::create(
              b, loc, type, suffix, ValueRange{oh, cst(0)}, neutral(accType),
              ArrayRef<bool>{true});
          Value v = combine(s, run, mode);
          if (!isMax())
            v = arith::SelectOp::create(b, loc, remainderIs(oh, 0), s, v);
          scf::YieldOp::create(b, loc, writeOut(oh, v, a[1]));
          b.setInsertionPointToStart(ifOp.elseBlock());
          scf::YieldOp::create(b, loc, a[1]);
        }
        return {run, ifOp.getResult(0)};
      })[1];
  return {result, suffix};
}

/// One (batch, channel) plane in two passes: every input row reduced along
/// W into a row buffer (the direct row code, border blocks included), then
/// every output row reduced from the buffer rows its window covers, vectors
/// along W. Averages divide by the W factor in the first pass and by the
/// row factor in the second.
Value SeparableLowering::buildPlane(Value tile, Value batch, Value channel,
                                    MaxMode mode) {
  SmallVector<OpFoldResult> bufSizes;
  for (int64_t i = 0; i < n - 1; ++i)
    bufSizes.push_back(getAsOpFoldResult(inSizes[i]));
  bufSizes.push_back(getAsOpFoldResult(outDims[rank - 1]));
  Value buf = tensor::EmptyOp::create(b, loc, bufSizes, accType);

  Row first;
  first.n = batch;
  first.c = channel;
  first.toBuffer = true;
  first.mode = mode;
  if (!isMax())
    first.divisor =
        arith::ConstantOp::create(b, loc, b.getFloatAttr(accType, 1.0));
  std::function<Value(int64_t, Value)> rowsPass = [&](int64_t i,
                                                      Value t) -> Value {
    if (i == n - 1)
      return emitRow(t, first);
    return loopOver(cst(0), inSizes[i], cst(1), t, [&](Value h, Value t2) {
      first.out.push_back(h);
      first.taps.push_back({h, cst(0), cst(1)});
      first.steps.push_back(1);
      Value r = rowsPass(i + 1, t2);
      first.out.pop_back();
      first.taps.pop_back();
      first.steps.pop_back();
      return r;
    });
  };
  buf = rowsPass(0, buf);

  Positions rows;
  // The output row's vectors along W: whole vectors, then the remainder.
  using VectorBody = function_ref<Value(Value ow0, bool inBounds, Value t)>;
  auto overVectors = [&](Value t, VectorBody body) -> Value {
    IndexArith ia(b, loc);
    Value outW = outDims[rank - 1];
    Value full = ia.mul(ia.floorDiv(outW, ia.cst(lanes)), ia.cst(lanes));
    auto vectors = [&](bool inBounds) {
      return [&, inBounds](Value ow0, Value t3) {
        return body(ow0, inBounds, t3);
      };
    };
    t = loopOver(cst(0), full, cst(lanes), t, vectors(true));
    return loopOver(full, outW, cst(lanes), t, vectors(false));
  };
  auto readBuf = [&](ArrayRef<Value> at, Value ow0, bool inBounds) -> Value {
    SmallVector<Value> idx(at.begin(), at.end());
    idx.push_back(ow0);
    return vector::TransferReadOp::create(b, loc, vecType(lanes, accType), buf,
                                          idx, neutral(accType),
                                          ArrayRef<bool>{inBounds});
  };
  auto outputs = [&](Value t) -> Value {
    Value divisor = isMax() ? Value() : divisorOf(rows);
    return overVectors(t, [&](Value ow0, bool inBounds, Value t3) -> Value {
      Value acc = splat(neutral(accType), lanes);
      acc = reduceTaps(rows.taps, rows.steps, acc,
                       [&](Value a, ArrayRef<Value> pos) -> Value {
                         return combine(a, readBuf(pos, ow0, inBounds), mode);
                       });
      return write(acc, t3, tileIndices(rows.out, ow0), inBounds, divisor);
    });
  };
  // A block of interior output rows (combineWindowBlock): each vector
  // column reads the block's r + K - 1 buffer rows once per outer tap.
  auto block = [&](Value t) -> Value {
    SmallVector<BlockOutput> outs = blockOutputs(rows);
    return overVectors(t, [&](Value ow0, bool inBounds, Value t3) -> Value {
      SmallVector<Value> accs = reduceBlock(
          rows, lanes,
          [&](ArrayRef<Value> at) { return readBuf(at, ow0, inBounds); }, mode);
      for (auto [acc, o] : llvm::zip_equal(accs, outs))
        t3 = write(acc, t3, tileIndices(o.out, ow0), inBounds, o.divisor);
      return t3;
    });
  };
  if (!plan.sliding)
    return nestOutputs(0, n - 1, rows, tile, outputs, block);
  // Sliding rows: per column block, one sweep down and one up the rows.
  // VectorTiling::slidingColumns registers per block: independent
  // dependency chains.
  int64_t width = plan.tiling.slidingColumns * lanes;
  IndexArith ia(b, loc);
  Value outW = outDims[rank - 1];
  Value full = ia.mul(ia.floorDiv(outW, ia.cst(width)), ia.cst(width));
  auto column = [&](bool inBounds) {
    return [&, inBounds](Value ow0, ValueRange args) -> SmallVector<Value> {
      auto [t, sfx] = slideRows(
          args[0], args[1], width, mode,
          [&](Value h) -> Value {
            return vector::TransferReadOp::create(
                b, loc, vecType(width, accType), buf, ValueRange{h, ow0},
                neutral(accType), ArrayRef<bool>{inBounds});
          },
          [&](Value oh, Value acc, Value t2) {
            return write(acc, t2, tileIndices({oh}, ow0), inBounds,
                         rowDivisor(oh));
          });
      return {t, sfx};
    };
  };
  SmallVector<Value> state = {tile, makeSuffixBuffer(width)};
  state = forLoop(cst(0), full, cst(width), state, column(true));
  return forLoop(full, outW, cst(width), state, column(false))[0];
}

void vector_lowering::populateSeparablePatterns(RewritePatternSet &patterns,
                                                const FamilyOptions &options) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<LowerPoolFamily<VectorFamily::ChannelsFirstSeparable,
                               ChannelsFirstSeparableLowering>>(ctx, options);
  patterns.add<LowerPoolFamily<VectorFamily::ChannelsLastSeparable,
                               ChannelsLastSeparableLowering>>(ctx, options);
}
