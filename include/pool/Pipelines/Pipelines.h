//===- Pipelines.h - Pool lowering pipelines --------------------*- C++ -*-===//
//
// The pipelines that take a module with pool ops to affine loops or to the
// LLVM dialect. Tools and benchmarks call the same build functions that
// `pool-opt --pool-to-affine` / `--pool-to-llvm` run.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_PIPELINES_PIPELINES_H
#define POOL_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;
namespace pool {

/// Options shared by the pool pipelines.
struct PoolPipelineOptions : public PassPipelineOptions<PoolPipelineOptions> {
  PassOptions::Option<bool> assertWindowFits{
      *this, "assert-window-fits",
      llvm::cl::desc("Check at run time that dynamic spatial sizes fit the "
                     "window (cf.assert with a message)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> loopOrder{
      *this, "loop-order",
      llvm::cl::desc("Run pool-loop-order: the output's contiguous dimension "
                     "innermost, for vectorization"),
      llvm::cl::init(true)};
};

/// pool -> linalg on tensors -> bufferized linalg on memrefs. Functions take
/// and return memrefs with identity layouts; `tensor.empty` results that are
/// materialized into a destination write straight into it.
void buildPoolToBufferizedLinalgPipeline(OpPassManager &pm,
                                         const PoolPipelineOptions &options);

/// pool -> linalg -> bufferization -> affine loops, to read or transform.
void buildPoolToAffinePipeline(OpPassManager &pm,
                               const PoolPipelineOptions &options);

/// Tensors -> buffers: empty-tensor elimination (results materialized into
/// a destination are computed in it), one-shot bufferization across function
/// boundaries with identity layouts, and buffer deallocation.
void buildBufferizationPipeline(OpPassManager &pm);

/// Bufferized linalg (and func, arith, math, memref, scf) -> loops -> the
/// LLVM dialect: the second half of pool-to-llvm, also used to lower upstream
/// linalg for comparison in benchmarks.
void buildLinalgLoopsToLLVMPipeline(OpPassManager &pm);

/// Any module mixing pool ops with func, arith, math, tensor, linalg,
/// bufferization, memref and scf ops -> the LLVM dialect, runnable by
/// mlir-runner or the ExecutionEngine.
void buildPoolToLLVMPipeline(OpPassManager &pm,
                             const PoolPipelineOptions &options);

/// Registers the pipelines as `pool-to-affine` and `pool-to-llvm`.
void registerPoolPipelines();

} // namespace pool
} // namespace mlir

#endif // POOL_PIPELINES_PIPELINES_H
