//===- Separable.cpp - Large stride-1 windows through workgroup memory ----===//
//
// Channels-first 2-D windows with stride 1 and no dilation whose direct form
// would read many taps per output (useSeparableWindows). One block computes
// a tile of TH x 32 outputs of one (n, c) plane, TH = block size / 32, in
// three phases separated by barriers:
//   1. the (TH + KH - 1) x (32 + KW - 1) inputs the tile reads are loaded
//      once into workgroup memory (coalesced: consecutive threads along W;
//      positions outside the input hold the neutral value);
//   2. each of those rows is reduced along W: rows[r][x] = fold of
//      tile[r][x .. x + KW);
//   3. each output folds its KH row results: out[y][x] = fold of
//      rows[y .. y + KH)[x], then divides (averages) and stores.
// A 9x9 max reads 27 values from workgroup memory per output instead of 81
// from global memory. Window positions and divisors come from the shared
// window arithmetic (computePadBegin, computeWindowStart,
// computeDivisorFactor), as in Windows.cpp.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::gpu_lowering;

/// Reads per output of the tiled form (KW per row of the tile, over TH
/// outputs, plus KH) against KH * KW of the direct form: the tiled form when
/// it reads at most 2/3 as many, which needs windows of about 4x4 and up
/// (3x3 stays direct: 6.75 against 9).
bool PoolKernelBuilder::useSeparableWindows() const {
  if (!opts.separableWindows || spec.layout != Layout::ChannelsFirst ||
      n != 2 || spec.isGlobal())
    return false;
  for (const DimGeometry &g : geom)
    if (!g.isWindow || g.w.stride != 1 || g.w.dilation != 1)
      return false;
  double th = static_cast<double>(opts.blockSize / kSubgroupSize);
  double kh = static_cast<double>(geom[0].w.kernel);
  double kw = static_cast<double>(geom[1].w.kernel);
  double tiled = kw * (th + kh - 1) / th + kh;
  return 1.5 * tiled <= kh * kw;
}

/// The tile's rows of inputs (phase 1 and 2) and columns of inputs.
static std::pair<int64_t, int64_t> getTileInputs(int64_t th, int64_t kh,
                                                 int64_t kw) {
  return {th + kh - 1, kSubgroupSize + kw - 1};
}

LaunchShape PoolKernelBuilder::planSeparable(ArrayRef<Value> outDims) {
  IndexArith ia(b, loc);
  int64_t th = opts.blockSize / kSubgroupSize;
  auto [rows, cols] = getTileInputs(th, geom[0].w.kernel, geom[1].w.kernel);
  Value tilesH = ia.ceilDiv(outDims[2], cst(th));
  Value tilesW = ia.ceilDiv(outDims[3], cst(kSubgroupSize));
  LaunchShape shape;
  shape.items = ia.mul(ia.mul(outDims[0], outDims[1]), ia.mul(tilesH, tilesW));
  shape.gridX = shape.items;
  shape.blockX = cst(opts.blockSize);
  shape.blockY = cst(1);
  auto workgroup =
      gpu::AddressSpaceAttr::get(b.getContext(), gpu::AddressSpace::Workgroup);
  shape.workgroup.push_back(
      MemRefType::get({rows, cols}, accType, AffineMap(), workgroup));
  shape.workgroup.push_back(
      MemRefType::get({rows, kSubgroupSize}, accType, AffineMap(), workgroup));
  return shape;
}

void PoolKernelBuilder::buildSeparable(Value input, Value output,
                                       gpu::KernelDim3 blockIds,
                                       gpu::KernelDim3 threadIds,
                                       ValueRange workgroup) {
  IndexArith ia(b, loc);
  auto cmp = [&](arith::CmpIPredicate p, Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, loc, p, x, y);
  };
  auto divui = [&](Value x, Value y) -> Value {
    return arith::DivUIOp::create(b, loc, x, y);
  };
  auto remui = [&](Value x, Value y) -> Value {
    return arith::RemUIOp::create(b, loc, x, y);
  };
  int64_t th = opts.blockSize / kSubgroupSize;
  int64_t kh = geom[0].w.kernel, kw = geom[1].w.kernel;
  auto [rows, cols] = getTileInputs(th, kh, kw);
  Value tile = workgroup[0], rowBuf = workgroup[1];

  SmallVector<Value> inDims, outDims;
  for (int64_t d = 0; d < 4; ++d) {
    inDims.push_back(memref::DimOp::create(b, loc, input, d));
    outDims.push_back(memref::DimOp::create(b, loc, output, d));
  }
  // The block's tile: plane (n, c), output rows [oh0, oh0 + TH), columns
  // [ow0, ow0 + 32).
  Value tilesW = ia.ceilDiv(outDims[3], cst(kSubgroupSize));
  Value tilesH = ia.ceilDiv(outDims[2], cst(th));
  Value bid = blockIds.x, tid = threadIds.x;
  Value ow0 = ia.mul(remui(bid, tilesW), cst(kSubgroupSize));
  Value rest = divui(bid, tilesW);
  Value oh0 = ia.mul(remui(rest, tilesH), cst(th));
  Value plane = divui(rest, tilesH);
  Value batch = divui(plane, inDims[1]);
  Value channel = remui(plane, inDims[1]);
  // Input position of the tile's first tap along each dimension.
  Value pbH = computePadBegin(ia, inDims[2], geom[0]);
  Value pbW = computePadBegin(ia, inDims[3], geom[1]);
  Value ih0 = computeWindowStart(ia, oh0, pbH, geom[0].w);
  Value iw0 = computeWindowStart(ia, ow0, pbW, geom[1].w);

  // A loop of the block over `count` elements of a [*, width] array,
  // thread tid taking every block-size-th one.
  auto blockLoop = [&](int64_t count, int64_t width,
                       function_ref<void(Value r, Value x)> body) {
    forLoop(tid, cst(count), cst(opts.blockSize), {},
            [&](Value e, ValueRange) -> SmallVector<Value> {
              body(divui(e, cst(width)), remui(e, cst(width)));
              return {};
            });
  };
  // 1. The tile's inputs, the neutral value outside the input.
  blockLoop(rows * cols, cols, [&](Value r, Value x) {
    Value ih = ia.add(ih0, r), iw = ia.add(iw0, x);
    Value zero = cst(0);
    Value inside = arith::AndIOp::create(
        b, loc,
        arith::AndIOp::create(b, loc, cmp(arith::CmpIPredicate::sge, ih, zero),
                              cmp(arith::CmpIPredicate::slt, ih, inDims[2])),
        arith::AndIOp::create(b, loc, cmp(arith::CmpIPredicate::sge, iw, zero),
                              cmp(arith::CmpIPredicate::slt, iw, inDims[3])));
    Value v = ifElse(
        inside, accType,
        [&] {
          return load(input, {batch, channel, ih, iw}, 1, false);
        },
        [&] { return neutralOf(1); });
    memref::StoreOp::create(b, loc, v, tile, ValueRange{r, x});
  });
  gpu::BarrierOp::create(b, loc);
  // 2. Each tile row along W.
  blockLoop(rows * kSubgroupSize, kSubgroupSize, [&](Value r, Value x) {
    Value acc = forLoop(cst(0), cst(kw), cst(1), neutralOf(1),
                        [&](Value k, ValueRange args) -> SmallVector<Value> {
                          Value v = memref::LoadOp::create(
                              b, loc, tile, ValueRange{r, ia.add(x, k)});
                          return {combine(args[0], v)};
                        })
                    .front();
    memref::StoreOp::create(b, loc, acc, rowBuf, ValueRange{r, x});
  });
  gpu::BarrierOp::create(b, loc);
  // 3. Each output from KH row results.
  blockLoop(th * kSubgroupSize, kSubgroupSize, [&](Value y, Value x) {
    Value oh = ia.add(oh0, y), ow = ia.add(ow0, x);
    Value valid = arith::AndIOp::create(
        b, loc, cmp(arith::CmpIPredicate::ult, oh, outDims[2]),
        cmp(arith::CmpIPredicate::ult, ow, outDims[3]));
    auto ifOp = scf::IfOp::create(b, loc, valid, /*withElseRegion=*/false);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    Value acc = forLoop(cst(0), cst(kh), cst(1), neutralOf(1),
                        [&](Value k, ValueRange args) -> SmallVector<Value> {
                          Value v = memref::LoadOp::create(
                              b, loc, rowBuf, ValueRange{ia.add(y, k), x});
                          return {combine(args[0], v)};
                        })
                    .front();
    Value divisor;
    if (!isMax()) {
      Value factors[] = {computeDivisorFactor(ia, geom[0], oh, inDims[2],
                                              spec.countIncludePad),
                         computeDivisorFactor(ia, geom[1], ow, inDims[3],
                                              spec.countIncludePad)};
      divisor = indexToAcc(computeClampedDivisor(ia, ArrayRef<Value>(factors)));
    }
    store(acc, output, {batch, channel, oh, ow}, divisor, false);
  });
}
