//===- GPUEffects.cpp - Memory effects of gpu.launch_func -----------------===//
//
// Upstream's gpu.launch_func declares no memory effects, so buffer
// deallocation (which the GPU pipelines run after outlining, as the CPU ones
// do after bufferization) refuses any function that launches a kernel. This
// model states what a launch may do: read and write each memref operand,
// and write memory it does not name (a kernel may reach globals). It adds
// information without removing any: a launch stays an op that passes must
// not move, duplicate or drop.
//
//===----------------------------------------------------------------------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

namespace {
struct LaunchFuncEffects
    : public MemoryEffectOpInterface::ExternalModel<LaunchFuncEffects,
                                                    gpu::LaunchFuncOp> {
  void
  getEffects(Operation *op,
             SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
                 &effects) const {
    auto launch = cast<gpu::LaunchFuncOp>(op);
    for (OpOperand &operand : launch->getOpOperands()) {
      if (!isa<BaseMemRefType>(operand.get().getType()))
        continue;
      effects.emplace_back(MemoryEffects::Read::get(), &operand);
      effects.emplace_back(MemoryEffects::Write::get(), &operand);
    }
    effects.emplace_back(MemoryEffects::Write::get());
  }
};
} // namespace

void mlir::pool::registerGPULaunchEffects(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, gpu::GPUDialect *) {
    gpu::LaunchFuncOp::attachInterface<LaunchFuncEffects>(*ctx);
  });
}
