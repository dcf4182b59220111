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
#include "pool/Transforms/Passes.h"

#include "mlir/Pass/PassOptions.h"

namespace mlir::pool {
/// How `pool-to-llvm` lowers pool ops: the vector lowering (default),
/// linalg's scalar loops, or affine loop nests vectorized by upstream's
/// affine passes.
enum class PoolLoweringPath { Vector, Linalg, Affine };
llvm::cl::ValuesClass getPoolLoweringPathValues();
} // namespace mlir::pool

POOL_LISTED_ENUM_PARSER(mlir::pool::PoolLoweringPath)

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
  PassOptions::Option<std::string> schedule{
      *this, "schedule",
      llvm::cl::desc("A transform-dialect file whose "
                     "transform.named_sequence @__transform_main is applied "
                     "to the module first (transform.pool.* and upstream "
                     "transforms); the pool ops it leaves take the default "
                     "path"),
      llvm::cl::init("")};
  PassOptions::Option<PoolLoweringPath> path{
      *this, "path",
      llvm::cl::desc("Lowering path: vector (convert-pool-to-vector), linalg "
                     "(convert-pool-to-linalg and scalar loops, as "
                     "vectorize=false) or affine (convert-pool-to-affine and "
                     "upstream's affine vectorizer)"),
      llvm::cl::init(PoolLoweringPath::Vector), getPoolLoweringPathValues()};
  PassOptions::Option<PoolStrategy> strategy{
      *this, "strategy",
      llvm::cl::desc("Algorithm for convert-pool-to-vector: auto (the cost "
                     "model's choice), direct, separable or sliding"),
      llvm::cl::init(PoolStrategy::Auto), getPoolStrategyValues()};
  PassOptions::Option<std::string> targetCpu{
      *this, "target-cpu",
      llvm::cl::desc("CPU the vector code is planned for (an LLVM CPU name "
                     "such as znver3; empty: the host)"),
      llvm::cl::init("")};
  PassOptions::Option<int64_t> vectorBits{
      *this, "vector-bits",
      llvm::cl::desc("SIMD width in bits (0: the target CPU's)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> minParallelBytes{
      *this, "min-parallel-bytes",
      llvm::cl::desc("Ops moving fewer bytes run on one thread (-1: the cost "
                     "model's threshold; 0: every op parallel); serial code "
                     "(threads=1) plans every op as serial"),
      llvm::cl::init(-1)};
  PassOptions::Option<unsigned> threads{
      *this, "threads",
      llvm::cl::desc("Threads for parallel loops. 1 (the default): serial "
                     "code that needs no runtime library beyond upstream's "
                     "runner utilities; N > 1: N OpenMP threads; 0: every "
                     "core (or OMP_NUM_THREADS). Parallel code links LLVM's "
                     "OpenMP runtime (libomp)"),
      llvm::cl::init(1)};
};

/// Options of the GPU pipelines.
struct PoolGPUPipelineOptions
    : public PassPipelineOptions<PoolGPUPipelineOptions> {
  PassOptions::Option<bool> assertWindowFits{
      *this, "assert-window-fits",
      llvm::cl::desc("Check on the host, before the launch, that dynamic "
                     "spatial sizes fit the window (cf.assert)"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> blockSize{
      *this, "block-size",
      llvm::cl::desc("Threads per block of the window kernels (a multiple "
                     "of 32 up to 1024)"),
      llvm::cl::init(256)};
  PassOptions::Option<bool> vectorLoads{
      *this, "vector-loads",
      llvm::cl::desc("Channels-last kernels load 16-byte vectors where the "
                     "channel count allows"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> separableWindows{
      *this, "separable-windows",
      llvm::cl::desc("Channels-first 2-D stride-1 windows of about 4x4 and "
                     "up: tiles through workgroup memory, rows first"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> deviceData{
      *this, "device-data",
      llvm::cl::desc("Functions take and return device buffers (the caller "
                     "manages device memory); default: host memrefs, copied "
                     "to and from the device around each kernel"),
      llvm::cl::init(false)};
  PassOptions::Option<std::string> chip{
      *this, "chip", llvm::cl::desc("Target chip (pool-to-nvvm)"),
      llvm::cl::init("sm_90")};
  PassOptions::Option<std::string> features{
      *this, "features",
      llvm::cl::desc("PTX version (pool-to-nvvm; sm_90 with CUDA 13 accepts "
                     "+ptx78 to +ptx90)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<unsigned> optLevel{
      *this, "opt-level",
      llvm::cl::desc("Optimization level of the device code (pool-to-nvvm)"),
      llvm::cl::init(3)};
  PassOptions::Option<GPUBinaryFormat> format{
      *this, "format",
      llvm::cl::desc("What the gpu.binary holds (pool-to-nvvm): isa (PTX), "
                     "bin (cubin) or fatbin"),
      llvm::cl::init(GPUBinaryFormat::Fatbin), getGPUBinaryFormatValues()};
  PassOptions::Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("CUDA toolkit root (pool-to-nvvm; empty: /usr/local/cuda "
                     "when present, else CUDA_ROOT/CUDA_HOME/CUDA_PATH/PATH)"),
      llvm::cl::init("")};
  PassOptions::Option<GPUKernelABI> kernelAbi{
      *this, "kernel-abi",
      llvm::cl::desc("Kernel arguments (pool-to-nvvm): auto (bare noalias "
                     "pointers when every kernel argument is static), bare or "
                     "descriptors"),
      llvm::cl::init(GPUKernelABI::Auto), getGPUKernelABIValues()};
  PassOptions::Option<unsigned> indexBitwidth{
      *this, "index-bitwidth",
      llvm::cl::desc("Kernel index arithmetic (pool-to-nvvm): 64, 32 (where "
                     "static sizes prove it exact, else an error) or 0 (32 "
                     "where exact, else 64)"),
      llvm::cl::init(64)};
};

/// pool -> target-neutral GPU kernels: convert-pool-to-gpu, bufferization,
/// gpu-kernel-outlining, host buffers and copies (pool-gpu-host-buffers),
/// subgroup reductions as shuffles. The common front of pool-to-nvvm and
/// pool-to-gpu-emulation.
void buildPoolToGPUKernelsPipeline(OpPassManager &pm,
                                   const PoolGPUPipelineOptions &options);

/// pool -> LLVM host code and a gpu.binary of NVVM kernels.
void buildPoolToNVVMPipeline(OpPassManager &pm,
                             const PoolGPUPipelineOptions &options);

/// pool -> the kernels of pool-to-nvvm, run on the CPU (pool-gpu-emulate),
/// -> the LLVM dialect that mlir-runner runs with the runner utilities.
void buildPoolToGPUEmulationPipeline(OpPassManager &pm,
                                     const PoolGPUPipelineOptions &options);

/// pool -> vector loops (or, with vectorize=false, linalg) on tensors ->
/// buffers. Functions take and return memrefs with identity layouts;
/// `tensor.empty` results that are materialized into a destination write
/// straight into it.
void buildPoolToBufferizedLinalgPipeline(OpPassManager &pm,
                                         const PoolPipelineOptions &options);

/// The user's schedule (`schedule=FILE`): transform-preload-library of FILE
/// and transform-interpreter on the module; nothing without one.
void buildSchedulePipeline(OpPassManager &pm,
                           const PoolPipelineOptions &options);

/// The path `options` select: `path`, with vectorize=false meaning linalg.
PoolLoweringPath getLoweringPath(const PoolPipelineOptions &options);

/// pool -> affine loop nests (convert-pool-to-affine; what it leaves goes
/// through linalg) -> bufferization: affine loops on memrefs, to read or to
/// transform with upstream's affine passes.
void buildPoolToAffinePipeline(OpPassManager &pm,
                               const PoolPipelineOptions &options);

/// The affine passes of path=affine on bufferized affine nests: loop
/// normalization, pool-affine-vectorize (upstream's affine vectorizer on the
/// loops it handles correctly) at the target's f32 vector width, scalar
/// replacement, and, with threads != 1, affine-parallelize of the outermost
/// parallel loop.
void buildAffineOptimizationPipeline(OpPassManager &pm,
                                     const PoolPipelineOptions &options);

/// Tensors -> buffers: empty-tensor elimination (results materialized into
/// a destination are computed in it), one-shot bufferization across function
/// boundaries with identity layouts, and buffer deallocation.
void buildBufferizationPipeline(OpPassManager &pm);
/// Its two halves: one-shot bufferization, then buffer deallocation.
void buildOneShotBufferizationPipeline(OpPassManager &pm);
void buildDeallocationPipeline(OpPassManager &pm);

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

/// Registers the pipelines as `pool-to-affine`, `pool-to-llvm`,
/// `pool-to-nvvm` and `pool-to-gpu-emulation`.
void registerPoolPipelines();

} // namespace pool
} // namespace mlir

#endif // POOL_PIPELINES_PIPELINES_H
