//===- GPUHostBuffers.cpp - Device buffers around kernel launches ---------===//
//
// pool-gpu-host-buffers: the functions that launch kernels take host
// memrefs. Each `gpu.launch_func` gets device copies of its memref operands
// (`gpu.alloc`), copied in when the kernel reads them and out when it
// writes them, and freed after the launch. With `device-data`, every buffer
// of those functions is device memory instead: allocations, copies and
// deallocations become their gpu forms, and anything else on the host that
// touches memory is refused.
//
//===----------------------------------------------------------------------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLGPUHOSTBUFFERS
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;

void mlir::pool::getKernelArgumentAccess(gpu::GPUFuncOp kernel, unsigned arg,
                                         bool &read, bool &written) {
  read = written = false;
  SmallVector<Value> worklist = {kernel.getArgument(arg)};
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      if (auto view = dyn_cast<ViewLikeOpInterface>(user)) {
        if (view.getViewSource() == v) {
          worklist.push_back(view->getResult(0));
          continue;
        }
      }
      if (isa<memref::DimOp>(user))
        continue;
      auto effects = dyn_cast<MemoryEffectOpInterface>(user);
      if (!effects) {
        read = written = true;
        return;
      }
      SmallVector<MemoryEffects::EffectInstance> list;
      effects.getEffectsOnValue(v, list);
      for (auto &e : list) {
        read |= isa<MemoryEffects::Read>(e.getEffect());
        written |= isa<MemoryEffects::Write>(e.getEffect());
      }
    }
  }
}

namespace {
struct PoolGPUHostBuffersPass
    : pool::impl::PoolGPUHostBuffersBase<PoolGPUHostBuffersPass> {
  using Base::Base;

  LogicalResult copyAround(gpu::LaunchFuncOp launch) {
    auto kernel = SymbolTable::lookupNearestSymbolFrom<gpu::GPUFuncOp>(
        launch, launch.getKernel());
    if (!kernel)
      return launch.emitOpError("kernel not found");
    OpBuilder b(launch);
    Location loc = launch.getLoc();
    SmallVector<std::pair<Value, Value>> copyOut;
    SmallVector<Value> device;
    for (auto [i, operand] : llvm::enumerate(launch.getKernelOperands())) {
      auto type = dyn_cast<MemRefType>(operand.getType());
      if (!type)
        continue;
      if (!type.getLayout().isIdentity())
        return launch.emitOpError("kernel operand #")
               << i << " has a non-identity layout (" << type
               << "): no device copy can be made";
      bool read, written;
      pool::getKernelArgumentAccess(kernel, i, read, written);
      SmallVector<Value> dynamic;
      for (int64_t d = 0; d < type.getRank(); ++d)
        if (type.isDynamicDim(d))
          dynamic.push_back(memref::DimOp::create(b, loc, operand, d));
      Value copy = gpu::AllocOp::create(b, loc, type, /*asyncToken=*/Type(),
                                        ValueRange{}, dynamic, ValueRange{})
                       .getMemref();
      if (read)
        gpu::MemcpyOp::create(b, loc, Type(), ValueRange{}, copy, operand);
      if (written)
        copyOut.push_back({operand, copy});
      launch->setOperand(launch.getKernelOperands().getBeginOperandIndex() + i,
                         copy);
      device.push_back(copy);
    }
    b.setInsertionPointAfter(launch);
    for (auto [host, copy] : copyOut)
      gpu::MemcpyOp::create(b, loc, Type(), ValueRange{}, host, copy);
    for (Value copy : device)
      gpu::DeallocOp::create(b, loc, Type(), ValueRange{}, copy);
    return success();
  }

  LogicalResult moveToDevice(func::FuncOp func) {
    SmallVector<Operation *> ops;
    func.walk([&](Operation *op) { ops.push_back(op); });
    for (Operation *op : ops) {
      OpBuilder b(op);
      Location loc = op->getLoc();
      if (auto alloc = dyn_cast<memref::AllocOp>(op)) {
        Value dev =
            gpu::AllocOp::create(b, loc, alloc.getType(), Type(), ValueRange{},
                                 alloc.getDynamicSizes(), ValueRange{})
                .getMemref();
        alloc.replaceAllUsesWith(dev);
        alloc.erase();
      } else if (auto dealloc = dyn_cast<memref::DeallocOp>(op)) {
        gpu::DeallocOp::create(b, loc, Type(), ValueRange{},
                               dealloc.getMemref());
        dealloc.erase();
      } else if (auto copy = dyn_cast<memref::CopyOp>(op)) {
        gpu::MemcpyOp::create(b, loc, Type(), ValueRange{}, copy.getTarget(),
                              copy.getSource());
        copy.erase();
      } else if (isa<memref::GetGlobalOp>(op) ||
                 (isa<func::CallOp>(op) &&
                  llvm::any_of(op->getOperandTypes(),
                               llvm::IsaPred<BaseMemRefType>))) {
        return op->emitOpError(
                   "uses host memory, but with device-data every buffer of @")
               << func.getSymName() << " is device memory";
      } else if (isa<gpu::LaunchFuncOp, memref::AllocaOp>(op) ||
                 op->getParentOfType<gpu::LaunchFuncOp>()) {
        continue;
      } else if (auto effects = dyn_cast<MemoryEffectOpInterface>(op)) {
        SmallVector<MemoryEffects::EffectInstance> list;
        effects.getEffects(list);
        for (auto &e : list) {
          Value v = e.getValue();
          if (v && isa<BaseMemRefType>(v.getType()) &&
              (isa<MemoryEffects::Read>(e.getEffect()) ||
               isa<MemoryEffects::Write>(e.getEffect())))
            return op->emitOpError(
                       "accesses a buffer on the host, but with device-data "
                       "every buffer of @")
                   << func.getSymName() << " is device memory";
        }
      }
    }
    return success();
  }

  void runOnOperation() override {
    SmallVector<func::FuncOp> launching;
    getOperation().walk([&](func::FuncOp func) {
      if (func.walk([](gpu::LaunchFuncOp) { return WalkResult::interrupt(); })
              .wasInterrupted())
        launching.push_back(func);
    });
    for (func::FuncOp func : launching) {
      if (deviceData) {
        if (failed(moveToDevice(func)))
          return signalPassFailure();
        continue;
      }
      SmallVector<gpu::LaunchFuncOp> launches;
      func.walk([&](gpu::LaunchFuncOp l) { launches.push_back(l); });
      for (gpu::LaunchFuncOp launch : launches) {
        if (!launch.getAsyncDependencies().empty() || launch.getAsyncToken()) {
          launch.emitOpError("is asynchronous: pool-gpu-host-buffers runs on "
                             "synchronous launches, before gpu-async-region");
          return signalPassFailure();
        }
        if (failed(copyAround(launch)))
          return signalPassFailure();
      }
    }
  }
};
} // namespace
