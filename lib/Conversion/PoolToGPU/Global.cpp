//===- Global.cpp - Global pooling as block reductions --------------------===//
//
// Inputs are viewed as [N, C, S] (channels-first) or [N, S, C]
// (channels-last), S the product of the spatial sizes, and the output as
// [N * C].
//
// - Channels-first: one subgroup (warp) per (n, c) row; its lanes read the
//   row's S contiguous elements 32 apart (coalesced) and combine them with
//   a `gpu.subgroup_reduce`. A block of 256 threads reduces 8 rows, so that
//   a ResNet head (1x2048x7x7) already makes 256 blocks.
// - Channels-last: a block of 32 x 8 threads covers 32 chunks of channels
//   (16-byte vectors where C allows and the grid stays full, one channel
//   otherwise) for one n; its 8 rows of threads split S, and the 8 partial
//   results meet in workgroup memory after one `gpu.barrier`.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::gpu_lowering;

LaunchShape PoolKernelBuilder::planGlobal(ArrayRef<Value> inDims) {
  IndexArith ia(b, loc);
  LaunchShape shape;
  if (spec.layout == Layout::ChannelsFirst) {
    Value rows = ia.mul(inDims[0], inDims[1]);
    shape.items = rows;
    shape.blockX = cst(opts.blockSize);
    shape.blockY = cst(1);
    shape.gridX = arith::CeilDivUIOp::create(
        b, loc, rows, cst(opts.blockSize / kSubgroupSize));
    return shape;
  }
  std::optional<int64_t> channels = getConstantIntValue(inDims[rank - 1]);
  std::optional<int64_t> batch = getConstantIntValue(inDims[0]);
  vec = vectorChannels(channels);
  // Wide chunks only where they leave enough blocks to fill the machine.
  if (vec > 1 && batch &&
      *batch * llvm::divideCeil(*channels / vec, kSubgroupSize) < kBlocksToFill)
    vec = 1;
  Value chunks = ia.floorDiv(inDims[rank - 1], cst(vec));
  Value blocksPerRow =
      arith::CeilDivUIOp::create(b, loc, chunks, cst(kSubgroupSize));
  // Work exists when both N and the chunks do (an empty grid must not
  // launch).
  shape.items = ia.mul(inDims[0], chunks);
  shape.gridX = ia.mul(inDims[0], blocksPerRow);
  shape.blockX = cst(kSubgroupSize);
  shape.blockY = cst(kGlobalRowThreads);
  shape.workgroup.push_back(MemRefType::get(
      {kGlobalRowThreads, kSubgroupSize * vec}, accType, AffineMap(),
      gpu::AddressSpaceAttr::get(b.getContext(),
                                 gpu::AddressSpace::Workgroup)));
  return shape;
}

void PoolKernelBuilder::buildGlobal(Value input, Value output,
                                    gpu::KernelDim3 blockIds,
                                    gpu::KernelDim3 threadIds,
                                    ValueRange workgroup) {
  auto select = [&](Value c, Value x, Value y) -> Value {
    return arith::SelectOp::create(b, loc, c, x, y);
  };
  auto ult = [&](Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, x, y);
  };
  auto eq = [&](Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x, y);
  };
  auto divui = [&](Value x, Value y) -> Value {
    return arith::DivUIOp::create(b, loc, x, y);
  };
  auto remui = [&](Value x, Value y) -> Value {
    return arith::RemUIOp::create(b, loc, x, y);
  };
  auto mul = [&](Value x, Value y) -> Value {
    return arith::MulIOp::create(b, loc, x, y);
  };
  auto add = [&](Value x, Value y) -> Value {
    return arith::AddIOp::create(b, loc, x, y);
  };
  SmallVector<Value> dims;
  for (int64_t d = 0; d < 3; ++d)
    dims.push_back(memref::DimOp::create(b, loc, input, d));
  Value zero = cst(0);

  if (spec.layout == Layout::ChannelsFirst) {
    Value channels = dims[1], size = dims[2];
    Value lane = remui(threadIds.x, cst(kSubgroupSize));
    Value warp = divui(threadIds.x, cst(kSubgroupSize));
    Value row = add(mul(blockIds.x, cst(opts.blockSize / kSubgroupSize)), warp);
    Value valid = ult(row, mul(dims[0], channels));
    Value safeRow = select(valid, row, zero);
    Value batch = divui(safeRow, channels);
    Value channel = remui(safeRow, channels);
    Value acc = forLoop(lane, select(valid, size, zero), cst(kSubgroupSize),
                        neutralOf(1),
                        [&](Value s, ValueRange args) -> SmallVector<Value> {
                          Value v = load(input, {batch, channel, s}, 1, false);
                          return {combine(args[0], v)};
                        })
                    .front();
    // Every lane takes part in the reduction, valid or not.
    Value total = gpu::SubgroupReduceOp::create(b, loc, acc, reduceKind(),
                                                /*uniform=*/false);
    Value first = arith::AndIOp::create(b, loc, eq(lane, zero), valid);
    auto ifOp = scf::IfOp::create(b, loc, first, /*withElseRegion=*/false);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    store(total, output, {row}, isMax() ? Value() : indexToAcc(size), false);
    return;
  }

  Value size = dims[1], channels = dims[2];
  Value chunks = divui(channels, cst(vec));
  Value blocksPerRow =
      arith::CeilDivUIOp::create(b, loc, chunks, cst(kSubgroupSize));
  Value batch = divui(blockIds.x, blocksPerRow);
  Value chunk = add(mul(remui(blockIds.x, blocksPerRow), cst(kSubgroupSize)),
                    threadIds.x);
  Value valid = ult(chunk, chunks);
  Value channel = mul(select(valid, chunk, zero), cst(vec));
  Value acc = forLoop(threadIds.y, select(valid, size, zero),
                      cst(kGlobalRowThreads), neutralOf(vec),
                      [&](Value s, ValueRange args) -> SmallVector<Value> {
                        Value v = load(input, {batch, s, channel}, vec, true);
                        return {combine(args[0], v)};
                      })
                  .front();
  Value partials = workgroup.front();
  Value slot = mul(threadIds.x, cst(vec));
  auto loadPartial = [&](Value row) -> Value {
    if (vec == 1)
      return memref::LoadOp::create(b, loc, partials, ValueRange{row, slot});
    return vector::LoadOp::create(b, loc, VectorType::get({vec}, accType),
                                  partials, ValueRange{row, slot});
  };
  if (vec == 1)
    memref::StoreOp::create(b, loc, acc, partials,
                            ValueRange{threadIds.y, slot});
  else
    vector::StoreOp::create(b, loc, acc, partials,
                            ValueRange{threadIds.y, slot});
  gpu::BarrierOp::create(b, loc);
  Value first = arith::AndIOp::create(b, loc, eq(threadIds.y, zero), valid);
  auto ifOp = scf::IfOp::create(b, loc, first, /*withElseRegion=*/false);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  Value total = loadPartial(zero);
  for (int64_t r = 1; r < kGlobalRowThreads; ++r)
    total = combine(total, loadPartial(cst(r)));
  store(total, output, {add(mul(batch, channels), channel)},
        isMax() ? Value() : indexToAcc(size), true);
}
