//===- Passes.h - Passes on lowered pool IR ---------------------*- C++ -*-===//

#ifndef POOL_TRANSFORMS_PASSES_H
#define POOL_TRANSFORMS_PASSES_H

#include "pool/Support/EnumOption.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace gpu {
class GPUFuncOp;
} // namespace gpu
namespace pool {

/// What `gpu-module-to-binary` makes of the kernels.
enum class GPUBinaryFormat { Isa, Bin, Fatbin };
/// How kernels take their memref arguments.
enum class GPUKernelABI { Auto, BarePointers, Descriptors };

StringRef stringifyGPUBinaryFormat(GPUBinaryFormat format);
llvm::cl::ValuesClass getGPUBinaryFormatValues();
llvm::cl::ValuesClass getGPUKernelABIValues();

} // namespace pool
} // namespace mlir

POOL_LISTED_ENUM_PARSER(mlir::pool::GPUBinaryFormat)
POOL_LISTED_ENUM_PARSER(mlir::pool::GPUKernelABI)

namespace mlir::pool {

#define GEN_PASS_DECL
#include "pool/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "pool/Transforms/Passes.h.inc"

/// Whether kernel argument `arg` (a memref) is read and/or written by the
/// kernel, through views too; an unknown use counts as both.
void getKernelArgumentAccess(gpu::GPUFuncOp kernel, unsigned arg, bool &read,
                             bool &written);

/// Attaches to gpu.launch_func a MemoryEffectOpInterface model (read and
/// write of every memref operand, and of unnamed memory), which buffer
/// deallocation needs after kernel outlining.
void registerGPULaunchEffects(DialectRegistry &registry);

} // namespace mlir::pool

#endif // POOL_TRANSFORMS_PASSES_H
