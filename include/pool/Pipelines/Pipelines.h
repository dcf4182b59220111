//===- Pipelines.h - Pool lowering pipelines --------------------*- C++ -*-===//
//
// The pipelines that take a module with pool ops to affine loops or to the
// LLVM dialect. Tools and benchmarks call the same build functions that
// `pool-opt --pool-to-affine` / `--pool-to-llvm` run.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_PIPELINES_PIPELINES_H
#define POOL_PIPELINES_PIPELINES_H

#include "pool/Conversion/PoolToVector/PoolToVector.h"

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
  PassOptions::Option<bool> vectorize{
      *this, "vectorize",
      llvm::cl::desc("Lower pool ops with convert-pool-to-vector (vectorized, "
                     "parallel loops); false: through linalg and scalar loops"),
      llvm::cl::init(true)};
  PassOptions::Option<PoolStrategy> strategy{
      *this, "strategy",
      llvm::cl::desc("Algorithm for convert-pool-to-vector: auto (the cost "
                     "model's choice), direct, separable or sliding"),
      llvm::cl::init(PoolStrategy::Auto), getPoolStrategyValues()};
  PassOptions::Option<int64_t> vectorBits{
      *this, "vector-bits",
      llvm::cl::desc("SIMD width in bits (0: the host's)"), llvm::cl::init(0)};
  PassOptions::Option<unsigned> threads{
      *this, "threads",
      llvm::cl::desc("Threads for parallel loops. 1 (the default): serial "
                     "code that needs no runtime library beyond upstream's "
                     "runner utilities; N > 1: N OpenMP threads; 0: every "
                     "core (or OMP_NUM_THREADS). Parallel code links LLVM's "
                     "OpenMP runtime (libomp)"),
      llvm::cl::init(1)};
};

/// pool -> vector loops (or, with vectorize=false, linalg) on tensors ->
/// buffers. Functions take and return memrefs with identity layouts;
/// `tensor.empty` results that are materialized into a destination write
/// straight into it.
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
/// Parallel loops run on `threads` OpenMP threads (0: all cores; 1: serial,
/// no OpenMP).
void buildLinalgLoopsToLLVMPipeline(OpPassManager &pm, unsigned threads = 1);

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
