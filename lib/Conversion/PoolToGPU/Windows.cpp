//===- Windows.cpp - Local and adaptive windows, one output per thread ----===//
//
// One work item per output element (channels-first: consecutive threads
// along the output's last spatial dimension, so that neighbouring threads
// read neighbouring inputs) or per 16-byte chunk of channels (channels-last:
// consecutive threads along C, each loading whole vectors). Each item folds
// the taps of its window that fall inside the input (computeOutputTaps: the
// tap loops are clamped, no padded copy, no per-tap mask). Windows lying
// wholly inside the input take a second copy of the loops with constant
// bounds [0, K), which the backend unrolls.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::gpu_lowering;

/// Windows up to this many taps get the unrolled interior copy.
static constexpr int64_t kMaxUnrolledTaps = 64;

LaunchShape PoolKernelBuilder::planWindows(ArrayRef<Value> inDims,
                                           ArrayRef<Value> outDims) {
  if (spec.layout == Layout::ChannelsLast)
    vec = vectorChannels(getConstantIntValue(inDims[rank - 1]));
  IndexArith ia(b, loc);
  Value items = cst(1);
  for (int64_t d = 0; d < rank; ++d) {
    Value size = outDims[d];
    if (d == rank - 1 && vec > 1)
      size = ia.floorDiv(size, cst(vec));
    items = ia.mul(items, size);
  }
  LaunchShape shape;
  shape.items = items;
  shape.blockX = cst(opts.blockSize);
  shape.blockY = cst(1);
  shape.gridX = arith::CeilDivUIOp::create(b, loc, items, shape.blockX);
  return shape;
}

void PoolKernelBuilder::buildWindows(Value input, Value output, Value id,
                                     Value items) {
  Value valid =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, id, items);
  auto ifOp = scf::IfOp::create(b, loc, valid, /*withElseRegion=*/false);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(ifOp.thenBlock());

  SmallVector<Value> inDims, outDims;
  for (int64_t d = 0; d < rank; ++d) {
    inDims.push_back(memref::DimOp::create(b, loc, input, d));
    outDims.push_back(memref::DimOp::create(b, loc, output, d));
  }
  // The item's output indices, innermost (contiguous) first.
  SmallVector<Value> outIdx(rank);
  Value rest = id;
  for (int64_t d = rank - 1; d >= 0; --d) {
    Value size = outDims[d];
    if (d == rank - 1 && vec > 1)
      size = arith::DivUIOp::create(b, loc, size, cst(vec));
    outIdx[d] = d == 0 ? rest : arith::RemUIOp::create(b, loc, rest, size);
    if (d > 0)
      rest = arith::DivUIOp::create(b, loc, rest, size);
  }
  if (vec > 1)
    outIdx[rank - 1] =
        arith::MulIOp::create(b, loc, outIdx[rank - 1], cst(vec));

  IndexArith ia(b, loc);
  SmallVector<Value> inSizes, outPos;
  SmallVector<TapRange<Value>> taps;
  bool allWindows = true;
  int64_t tapCount = 1;
  for (int64_t i = 0; i < n; ++i) {
    Value in = inDims[spatialDim(i)];
    inSizes.push_back(in);
    outPos.push_back(outIdx[spatialDim(i)]);
    Value pb = computePadBegin(ia, in, geom[i]);
    taps.push_back(computeOutputTaps(ia, geom[i], outPos.back(), in, pb));
    allWindows &= geom[i].isWindow;
    if (geom[i].isWindow)
      tapCount *= geom[i].w.kernel;
  }

  auto inputIndices = [&](ArrayRef<Value> pos) {
    SmallVector<Value> idx(rank);
    idx[0] = outIdx[0];
    idx[channelDim()] = outIdx[channelDim()];
    for (int64_t i = 0; i < n; ++i)
      idx[spatialDim(i)] = pos[i];
    return idx;
  };
  // The tap loops, clamped (taps inside the input) or, for a window wholly
  // inside it, with the constant bounds [0, K).
  auto reduce = [&](bool interior) -> Value {
    SmallVector<Value> pos;
    std::function<Value(int64_t, Value)> nest = [&](int64_t i,
                                                    Value acc) -> Value {
      if (i == n)
        return combine(acc, load(input, inputIndices(pos), vec, true));
      Value lo = interior ? cst(0) : taps[i].lo;
      Value hi = interior ? cst(geom[i].w.kernel) : taps[i].hi;
      return forLoop(lo, hi, cst(1), acc,
                     [&](Value k, ValueRange args) -> SmallVector<Value> {
                       pos.push_back(computeTapPosition(ia, taps[i].start, k,
                                                        geom[i].step()));
                       Value r = nest(i + 1, args[0]);
                       pos.pop_back();
                       return {r};
                     })
          .front();
    };
    return nest(0, neutralOf(vec));
  };
  Value acc;
  if (allWindows && tapCount <= kMaxUnrolledTaps) {
    Value inside;
    for (int64_t i = 0; i < n; ++i) {
      Value atStart = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                            taps[i].lo, cst(0));
      Value atEnd = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                          taps[i].hi, cst(geom[i].w.kernel));
      Value both = arith::AndIOp::create(b, loc, atStart, atEnd);
      inside = inside ? arith::AndIOp::create(b, loc, inside, both) : both;
    }
    acc = ifElse(
        inside, neutralOf(vec).getType(), [&] { return reduce(true); },
        [&] { return reduce(false); });
  } else {
    acc = reduce(false);
  }

  Value divisor;
  if (!isMax()) {
    SmallVector<Value> factors;
    for (int64_t i = 0; i < n; ++i)
      factors.push_back(computeDivisorFactor(ia, geom[i], outPos[i], inSizes[i],
                                             spec.countIncludePad));
    divisor = indexToAcc(computeClampedDivisor(ia, ArrayRef<Value>(factors)));
  }
  store(acc, output, outIdx, divisor, true);
}
