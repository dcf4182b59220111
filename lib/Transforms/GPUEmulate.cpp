//===- GPUEmulate.cpp - Run outlined GPU kernels on the CPU ---------------===//
//
// pool-gpu-emulate: every `gpu.launch_func` becomes a call of a CPU clone of
// its kernel, and the host's gpu.alloc / memcpy / dealloc / wait their
// memref forms, so that a GPU program runs under mlir-runner.
//
// The clone loops over the grid's blocks. A kernel body is cut into phases
// at every `gpu.barrier` and `gpu.shuffle`; each phase is one loop over the
// block's threads in linear order (x fastest), so every thread finishes a
// phase before any starts the next: barrier semantics. A value used across
// a cut is kept in a per-thread array, unless it is a pure computation from
// ids and arguments, which each phase recomputes. A shuffle is a phase of
// its own that reads its partner lane's slot (subgroups are 32 consecutive
// linear ids). Workgroup buffers are one allocation reused block after
// block. Barriers and shuffles must sit at the top level of the kernel,
// where every thread reaches them; anything the emulation cannot execute
// faithfully is an error.
//
//===----------------------------------------------------------------------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLGPUEMULATE
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;

static constexpr int64_t kEmulatedSubgroupSize = 32;

static bool isIdOp(Operation *op) {
  return isa<gpu::ThreadIdOp, gpu::BlockIdOp, gpu::BlockDimOp, gpu::GridDimOp,
             gpu::LaneIdOp, gpu::SubgroupIdOp, gpu::NumSubgroupsOp,
             gpu::SubgroupSizeOp>(op);
}
static bool isSyncOp(Operation *op) {
  return isa<gpu::BarrierOp, gpu::ShuffleOp>(op);
}

namespace {
/// One thread of the block being emulated: its ids, and the values
/// recomputed for it.
struct ThreadContext {
  Value lin;
  Value tid[3];
  IRMapping remat;
};

class KernelEmulator {
public:
  KernelEmulator(gpu::GPUFuncOp kernel) : kernel(kernel) {}

  FailureOr<func::FuncOp> emulate(OpBuilder &top);

private:
  LogicalResult analyze();
  bool isRemat(Value v);
  Value fetch(OpBuilder &b, Value v, ThreadContext &ctx);
  Value idValue(OpBuilder &b, Operation *op, ThreadContext &ctx);
  ThreadContext makeContext(OpBuilder &b, Value lin);
  void emitThreads(OpBuilder &b, ArrayRef<Operation *> ops);
  void emitShuffle(OpBuilder &b, gpu::ShuffleOp op);

  gpu::GPUFuncOp kernel;
  Location loc = kernel.getLoc();
  Block *body = nullptr;
  /// Ops between cuts, or one shuffle.
  SmallVector<SmallVector<Operation *>> phases;
  DenseMap<Operation *, unsigned> phaseOf;
  DenseMap<Value, Value> slots;
  DenseMap<Value, bool> rematCache;
  IRMapping base; // kernel arguments and workgroup buffers
  Value grid[3], block[3], blockId[3], threads;
};
} // namespace

bool KernelEmulator::isRemat(Value v) {
  auto it = rematCache.find(v);
  if (it != rematCache.end())
    return it->second;
  bool ok = true;
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    ok = arg.getOwner() == body;
  } else {
    Operation *def = v.getDefiningOp();
    ok = def->getBlock() == body && def->getNumRegions() == 0 &&
         !isSyncOp(def) && isMemoryEffectFree(def);
    for (Value operand : def->getOperands())
      ok = ok && isRemat(operand);
  }
  rematCache[v] = ok;
  return ok;
}

LogicalResult KernelEmulator::analyze() {
  if (!kernel.getBody().hasOneBlock())
    return kernel.emitOpError("cannot be emulated: more than one block");
  if (!kernel.getPrivateAttributions().empty())
    return kernel.emitOpError(
        "cannot be emulated: private attributions are not supported");
  body = &kernel.getBody().front();
  phases.emplace_back();
  for (Operation &op : body->without_terminator()) {
    WalkResult nested = op.walk([&](Operation *inner) {
      if (inner != &op && isSyncOp(inner)) {
        inner->emitOpError("cannot be emulated: only a ")
            << inner->getName()
            << " at the top level of the kernel, which every thread reaches, "
               "is supported";
        return WalkResult::interrupt();
      }
      if (isa<gpu::GPUDialect>(inner->getDialect()) && !isIdOp(inner) &&
          !isSyncOp(inner)) {
        inner->emitOpError("cannot be emulated on the CPU");
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (nested.wasInterrupted())
      return failure();
    if (auto shuffle = dyn_cast<gpu::ShuffleOp>(op)) {
      phases.push_back({&op});
      phaseOf[&op] = phases.size() - 1;
      phases.emplace_back();
      continue;
    }
    if (isa<gpu::BarrierOp>(op)) {
      phases.emplace_back();
      continue;
    }
    phases.back().push_back(&op);
    phaseOf[&op] = phases.size() - 1;
  }
  if (!isa<gpu::ReturnOp>(body->getTerminator()))
    return kernel.emitOpError("cannot be emulated: ends without gpu.return");
  return success();
}

ThreadContext KernelEmulator::makeContext(OpBuilder &b, Value lin) {
  ThreadContext ctx;
  ctx.lin = lin;
  ctx.remat = base;
  Value xy = arith::MulIOp::create(b, loc, block[0], block[1]);
  ctx.tid[0] = arith::RemUIOp::create(b, loc, lin, block[0]);
  ctx.tid[1] = arith::RemUIOp::create(
      b, loc, arith::DivUIOp::create(b, loc, lin, block[0]), block[1]);
  ctx.tid[2] = arith::DivUIOp::create(b, loc, lin, xy);
  return ctx;
}

Value KernelEmulator::idValue(OpBuilder &b, Operation *op, ThreadContext &ctx) {
  auto dimOf = [](Operation *op) -> unsigned {
    gpu::Dimension d;
    if (auto id = dyn_cast<gpu::ThreadIdOp>(op))
      d = id.getDimension();
    else if (auto id = dyn_cast<gpu::BlockIdOp>(op))
      d = id.getDimension();
    else if (auto id = dyn_cast<gpu::BlockDimOp>(op))
      d = id.getDimension();
    else
      d = cast<gpu::GridDimOp>(op).getDimension();
    return static_cast<unsigned>(d);
  };
  Value sub = arith::ConstantIndexOp::create(b, loc, kEmulatedSubgroupSize);
  if (isa<gpu::ThreadIdOp>(op))
    return ctx.tid[dimOf(op)];
  if (isa<gpu::BlockIdOp>(op))
    return blockId[dimOf(op)];
  if (isa<gpu::BlockDimOp>(op))
    return block[dimOf(op)];
  if (isa<gpu::GridDimOp>(op))
    return grid[dimOf(op)];
  if (isa<gpu::LaneIdOp>(op))
    return arith::RemUIOp::create(b, loc, ctx.lin, sub);
  if (isa<gpu::SubgroupIdOp>(op))
    return arith::DivUIOp::create(b, loc, ctx.lin, sub);
  if (isa<gpu::NumSubgroupsOp>(op))
    return arith::CeilDivUIOp::create(b, loc, threads, sub);
  return sub; // gpu.subgroup_size
}

Value KernelEmulator::fetch(OpBuilder &b, Value v, ThreadContext &ctx) {
  if (Value m = base.lookupOrNull(v))
    return m;
  if (Value m = ctx.remat.lookupOrNull(v))
    return m;
  auto slot = slots.find(v);
  if (slot != slots.end())
    return memref::LoadOp::create(b, loc, slot->second, ctx.lin);
  // A pure computation from ids and arguments: recompute it.
  Operation *def = v.getDefiningOp();
  if (isIdOp(def)) {
    Value id = idValue(b, def, ctx);
    ctx.remat.map(v, id);
    return id;
  }
  for (Value operand : def->getOperands())
    ctx.remat.map(operand, fetch(b, operand, ctx));
  Operation *clone = b.clone(*def, ctx.remat);
  return clone->getResult(cast<OpResult>(v).getResultNumber());
}

void KernelEmulator::emitThreads(OpBuilder &b, ArrayRef<Operation *> ops) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(b, loc, zero, threads, one);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  ThreadContext ctx = makeContext(b, loop.getInductionVar());
  IRMapping &map = ctx.remat;
  for (Operation *op : ops) {
    if (isIdOp(op)) {
      map.map(op->getResult(0), idValue(b, op, ctx));
      continue;
    }
    // Operands from the kernel's top level that this phase has not
    // computed: arguments, recomputed values, or slots.
    op->walk([&](Operation *inner) {
      for (Value operand : inner->getOperands()) {
        bool topLevel = isa<BlockArgument>(operand)
                            ? cast<BlockArgument>(operand).getOwner() == body
                            : operand.getDefiningOp()->getBlock() == body;
        if (topLevel && !map.contains(operand))
          map.map(operand, fetch(b, operand, ctx));
      }
    });
    Operation *clone = b.clone(*op, map);
    SmallVector<Operation *> ids;
    clone->walk([&](Operation *inner) {
      if (isIdOp(inner))
        ids.push_back(inner);
    });
    for (Operation *id : ids) {
      OpBuilder at(id);
      id->getResult(0).replaceAllUsesWith(idValue(at, id, ctx));
      id->erase();
    }
    for (Value result : op->getResults()) {
      auto slot = slots.find(result);
      if (slot != slots.end())
        memref::StoreOp::create(b, loc, map.lookup(result), slot->second,
                                ctx.lin);
    }
  }
}

void KernelEmulator::emitShuffle(OpBuilder &b, gpu::ShuffleOp op) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(b, loc, zero, threads, one);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value lin = loop.getInductionVar();
  ThreadContext self = makeContext(b, lin);
  auto toIndex = [&](Value i32) -> Value {
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), i32);
  };
  Value offset = toIndex(fetch(b, op.getOffset(), self));
  Value width = toIndex(fetch(b, op.getWidth(), self));
  Value sub = arith::ConstantIndexOp::create(b, loc, kEmulatedSubgroupSize);
  Value lane = arith::RemUIOp::create(b, loc, lin, sub);
  Value inSegment = arith::RemUIOp::create(b, loc, lane, width);
  Value segment = arith::SubIOp::create(b, loc, lin, inSegment);
  Value src;
  switch (op.getMode()) {
  case gpu::ShuffleMode::XOR:
    src = arith::XOrIOp::create(b, loc, inSegment, offset);
    break;
  case gpu::ShuffleMode::DOWN:
    src = arith::AddIOp::create(b, loc, inSegment, offset);
    break;
  case gpu::ShuffleMode::UP:
    src = arith::SubIOp::create(b, loc, inSegment, offset);
    break;
  case gpu::ShuffleMode::IDX:
    src = offset;
    break;
  }
  // src is unsigned: UP below 0 wraps and fails the same test.
  Value srcLin = arith::AddIOp::create(b, loc, segment, src);
  Value valid = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, src, width),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, srcLin,
                            threads));
  Value from = arith::SelectOp::create(b, loc, valid, srcLin, lin);
  ThreadContext partner = makeContext(b, from);
  Value value = fetch(b, op.getValue(), partner);
  auto store = [&](Value result, Value v) {
    auto slot = slots.find(result);
    if (slot != slots.end())
      memref::StoreOp::create(b, loc, v, slot->second, lin);
  };
  store(op.getShuffleResult(), value);
  store(op.getValid(), valid);
}

FailureOr<func::FuncOp> KernelEmulator::emulate(OpBuilder &top) {
  if (failed(analyze()))
    return failure();
  // Values that cross a cut and cannot be recomputed get slots.
  SmallVector<Value> slotted;
  for (Operation &op : body->without_terminator()) {
    for (Value result : op.getResults()) {
      bool crosses = false;
      for (Operation *user : result.getUsers()) {
        Operation *ancestor = body->findAncestorOpInBlock(*user);
        if (ancestor && !isa<gpu::ReturnOp>(ancestor) &&
            phaseOf.lookup(ancestor) != phaseOf.lookup(&op))
          crosses = true;
      }
      if (!crosses || (!isa<gpu::ShuffleOp>(op) && isRemat(result)))
        continue;
      Type type = result.getType();
      if (!type.isIntOrIndexOrFloat() && !isa<VectorType>(type)) {
        op.emitOpError("cannot be emulated: its result of type ")
            << type << " is used across a barrier or shuffle";
        return failure();
      }
      slotted.push_back(result);
    }
  }

  SmallVector<Type> argTypes(kernel.getArgumentTypes());
  for (int i = 0; i < 6; ++i)
    argTypes.push_back(top.getIndexType());
  std::string name = (kernel->getParentOfType<gpu::GPUModuleOp>().getName() +
                      "_" + kernel.getName() + "_emulated")
                         .str();
  auto func =
      func::FuncOp::create(top, loc, name, top.getFunctionType(argTypes, {}));
  func.setPrivate();
  Block *entry = func.addEntryBlock();
  OpBuilder b = OpBuilder::atBlockBegin(entry);
  unsigned numArgs = kernel.getNumArguments();
  for (unsigned i = 0; i < numArgs; ++i)
    base.map(kernel.getArgument(i), entry->getArgument(i));
  for (int d = 0; d < 3; ++d) {
    grid[d] = entry->getArgument(numArgs + d);
    block[d] = entry->getArgument(numArgs + 3 + d);
  }
  threads = arith::MulIOp::create(
      b, loc, arith::MulIOp::create(b, loc, block[0], block[1]), block[2]);
  SmallVector<Value> buffers;
  for (BlockArgument wg : kernel.getWorkgroupAttributions()) {
    auto type = cast<MemRefType>(wg.getType());
    auto hostType = MemRefType::get(type.getShape(), type.getElementType(),
                                    type.getLayout());
    Value buffer = memref::AllocOp::create(b, loc, hostType);
    base.map(wg, buffer);
    buffers.push_back(buffer);
  }
  for (Value v : slotted) {
    Value slot = memref::AllocOp::create(
        b, loc, MemRefType::get({ShapedType::kDynamic}, v.getType()),
        ValueRange{threads});
    slots[v] = slot;
    buffers.push_back(slot);
  }
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  std::function<void(int)> gridLoop = [&](int d) {
    if (d < 0) {
      for (auto &phase : phases) {
        if (phase.size() == 1 && isa<gpu::ShuffleOp>(phase.front()))
          emitShuffle(b, cast<gpu::ShuffleOp>(phase.front()));
        else if (!phase.empty())
          emitThreads(b, phase);
      }
      return;
    }
    auto loop = scf::ForOp::create(b, loc, zero, grid[d], one);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    blockId[d] = loop.getInductionVar();
    gridLoop(d - 1);
  };
  gridLoop(2);
  for (Value buffer : buffers)
    memref::DeallocOp::create(b, loc, buffer);
  func::ReturnOp::create(b, loc);
  return func;
}

namespace {
struct PoolGPUEmulatePass : pool::impl::PoolGPUEmulateBase<PoolGPUEmulatePass> {
  using Base::Base;

  LogicalResult rewriteHost(Operation *op,
                            DenseMap<Operation *, func::FuncOp> &clones) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    if (auto launch = dyn_cast<gpu::LaunchFuncOp>(op)) {
      if (launch.getAsyncToken() || !launch.getAsyncDependencies().empty() ||
          launch.getDynamicSharedMemorySize() || launch.hasClusterSize())
        return launch.emitOpError(
            "cannot be emulated: asynchronous, with dynamic shared memory or "
            "with clusters");
      auto kernel = SymbolTable::lookupNearestSymbolFrom<gpu::GPUFuncOp>(
          launch, launch.getKernel());
      if (!kernel || !clones.count(kernel))
        return launch.emitOpError("kernel not found");
      SmallVector<Value> args(launch.getKernelOperands());
      gpu::KernelDim3 g = launch.getGridSizeOperandValues();
      gpu::KernelDim3 bl = launch.getBlockSizeOperandValues();
      args.append({g.x, g.y, g.z, bl.x, bl.y, bl.z});
      func::CallOp::create(b, loc, clones[kernel], args);
      launch.erase();
      return success();
    }
    if (auto alloc = dyn_cast<gpu::AllocOp>(op)) {
      if (alloc.getAsyncToken() || !alloc.getSymbolOperands().empty())
        return alloc.emitOpError("cannot be emulated: asynchronous or with "
                                 "symbol operands");
      Value m = memref::AllocOp::create(b, loc, alloc.getType(),
                                        alloc.getDynamicSizes(), ValueRange{},
                                        b.getI64IntegerAttr(64));
      alloc.getMemref().replaceAllUsesWith(m);
      alloc.erase();
      return success();
    }
    if (auto dealloc = dyn_cast<gpu::DeallocOp>(op)) {
      if (dealloc.getAsyncToken())
        return dealloc.emitOpError("cannot be emulated: asynchronous");
      memref::DeallocOp::create(b, loc, dealloc.getMemref());
      dealloc.erase();
      return success();
    }
    if (auto copy = dyn_cast<gpu::MemcpyOp>(op)) {
      if (copy.getAsyncToken())
        return copy.emitOpError("cannot be emulated: asynchronous");
      memref::CopyOp::create(b, loc, copy.getSrc(), copy.getDst());
      copy.erase();
      return success();
    }
    if (auto wait = dyn_cast<gpu::WaitOp>(op)) {
      if (wait.getAsyncToken())
        return wait.emitOpError("cannot be emulated: asynchronous");
      wait.erase();
      return success();
    }
    if (isa<gpu::LaunchOp>(op))
      return op->emitOpError("cannot be emulated before gpu-kernel-outlining");
    return op->emitOpError("cannot be emulated on the host");
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    DenseMap<Operation *, func::FuncOp> clones;
    OpBuilder top = OpBuilder::atBlockEnd(module.getBody());
    for (auto gpuModule : module.getOps<gpu::GPUModuleOp>())
      for (auto kernel : gpuModule.getOps<gpu::GPUFuncOp>()) {
        if (!kernel.isKernel())
          continue;
        KernelEmulator emulator(kernel);
        FailureOr<func::FuncOp> clone = emulator.emulate(top);
        if (failed(clone))
          return signalPassFailure();
        clones[kernel] = *clone;
      }
    SmallVector<Operation *> hostOps;
    module.walk([&](Operation *op) {
      if (op->getParentOfType<gpu::GPUModuleOp>() || isa<gpu::GPUModuleOp>(op))
        return;
      if (isa<gpu::GPUDialect>(op->getDialect()))
        hostOps.push_back(op);
    });
    for (Operation *op : hostOps)
      if (failed(rewriteHost(op, clones)))
        return signalPassFailure();
    for (auto gpuModule :
         llvm::make_early_inc_range(module.getOps<gpu::GPUModuleOp>()))
      gpuModule.erase();
    module->removeAttr(gpu::GPUDialect::getContainerModuleAttrName());
  }
};
} // namespace
