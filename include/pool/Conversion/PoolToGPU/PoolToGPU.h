//===- PoolToGPU.h - Lower pool ops to GPU kernels --------------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOGPU_POOLTOGPU_H
#define POOL_CONVERSION_POOLTOGPU_POOLTOGPU_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
namespace pool {

#define GEN_PASS_DECL_CONVERTPOOLTOGPU
#include "pool/Conversion/Passes.h.inc"

/// Adds the pattern that lowers every pool op on tensors to a `gpu.launch`
/// on buffers (`bufferization.to_buffer` of the input, a `memref.alloc` for
/// the result, `bufferization.to_tensor` of it), with the run-time shape
/// checks on the host before the launch. `blockSize` must be a multiple of
/// 32 up to 1024.
void populatePoolToGPUPatterns(RewritePatternSet &patterns, int64_t blockSize,
                               bool vectorLoads, bool assertWindowFits = true,
                               bool separableWindows = true);

} // namespace pool
} // namespace mlir

#endif // POOL_CONVERSION_POOLTOGPU_POOLTOGPU_H
