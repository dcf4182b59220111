//===- Pipelines.cpp - Pool lowering pipelines ----------------------------===//

#include "pool/Pipelines/Pipelines.h"

#include "pool/Conversion/Passes.h"
#include "pool/Dialect/Pool/Transforms/Passes.h"
#include "pool/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/Transforms/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Transform/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include <limits>

using namespace mlir;
using namespace mlir::pool;

void mlir::pool::buildPoolToBufferizedLinalgPipeline(
    OpPassManager &pm, const PoolPipelineOptions &options) {
  pm.addNestedPass<func::FuncOp>(createPoolInferShapes());
  pm.addPass(createCanonicalizerPass());
  ConvertPoolToLinalgOptions toLinalg;
  toLinalg.assertWindowFits = options.assertWindowFits;
  if (getLoweringPath(options) == PoolLoweringPath::Vector) {
    ConvertPoolToVectorOptions toVector;
    toVector.assertWindowFits = options.assertWindowFits;
    toVector.strategy = options.strategy;
    toVector.vectorBits = options.vectorBits;
    toVector.targetCpu = options.targetCpu;
    // Serial code (threads = 1) is planned as serial: no op is split into
    // more tasks than one thread needs.
    toVector.minParallelBytes = options.threads == 1
                                    ? std::numeric_limits<int64_t>::max()
                                    : int64_t(options.minParallelBytes);
    toVector.threads = options.threads;
    pm.addNestedPass<func::FuncOp>(createConvertPoolToVector(toVector));
  }
  pm.addNestedPass<func::FuncOp>(createConvertPoolToLinalg(toLinalg));
  pm.addPass(createCanonicalizerPass());
  // CSE would merge the equal `tensor.empty` destinations of two vector
  // lowerings, making their results alias: no CSE before bufferization.
  if (getLoweringPath(options) != PoolLoweringPath::Vector)
    pm.addPass(createCSEPass());
  if (options.loopOrder)
    pm.addNestedPass<func::FuncOp>(createPoolLoopOrder());
  buildBufferizationPipeline(pm);
}

void mlir::pool::buildBufferizationPipeline(OpPassManager &pm) {
  buildOneShotBufferizationPipeline(pm);
  buildDeallocationPipeline(pm);
}

void mlir::pool::buildOneShotBufferizationPipeline(OpPassManager &pm) {
  // Results materialized into a destination are computed in it.
  pm.addPass(bufferization::createEmptyTensorEliminationPass());
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  // Loops that carry tensors (a pool op applied in an scf.for) may yield new
  // buffers.
  bufferize.allowReturnAllocsFromLoops = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
}

void mlir::pool::buildDeallocationPipeline(OpPassManager &pm) {
  bufferization::BufferDeallocationPipelineOptions dealloc;
  bufferization::buildBufferDeallocationPipeline(pm, dealloc);
  pm.addPass(createCanonicalizerPass());
  // Clones the deallocation left (e.g. results returned with a less static
  // type) become allocations and copies.
  pm.addPass(createConvertBufferizationToMemRefPass());
}

llvm::cl::ValuesClass mlir::pool::getPoolLoweringPathValues() {
  return llvm::cl::values(
      clEnumValN(PoolLoweringPath::Vector, "vector",
                 "convert-pool-to-vector: the cost model's vector loops"),
      clEnumValN(PoolLoweringPath::Linalg, "linalg",
                 "convert-pool-to-linalg and scalar loops"),
      clEnumValN(PoolLoweringPath::Affine, "affine",
                 "convert-pool-to-affine and upstream's affine vectorizer"));
}

PoolLoweringPath mlir::pool::getLoweringPath(const PoolPipelineOptions &o) {
  if (o.path == PoolLoweringPath::Vector && !o.vectorize)
    return PoolLoweringPath::Linalg;
  return o.path;
}

void mlir::pool::buildPoolToAffinePipeline(OpPassManager &pm,
                                           const PoolPipelineOptions &options) {
  // pool-to-llvm applies the schedule before calling this.
  pm.addNestedPass<func::FuncOp>(createPoolInferShapes());
  pm.addPass(createCanonicalizerPass());
  ConvertPoolToAffineOptions toAffine;
  toAffine.assertWindowFits = options.assertWindowFits;
  pm.addNestedPass<func::FuncOp>(createConvertPoolToAffine(toAffine));
  // What convert-pool-to-affine declines (with a remark) goes through linalg.
  ConvertPoolToLinalgOptions toLinalg;
  toLinalg.assertWindowFits = options.assertWindowFits;
  pm.addNestedPass<func::FuncOp>(createConvertPoolToLinalg(toLinalg));
  pm.addPass(createCanonicalizerPass());
  buildBufferizationPipeline(pm);
  // The declined ops' linalg becomes scf loops: convert-linalg-to-affine-loops
  // emits invalid affine.for bounds for sizes that are not affine symbols,
  // the very cases convert-pool-to-affine declines.
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void mlir::pool::buildAffineOptimizationPipeline(
    OpPassManager &pm, const PoolPipelineOptions &options) {
  int64_t bits = options.vectorBits;
  if (!bits) {
    std::string error;
    FailureOr<VectorTarget> target = getVectorTarget(options.targetCpu, error);
    bits = succeeded(target) ? target->vectorBits : 256;
  }
  pm.addNestedPass<func::FuncOp>(affine::createAffineLoopNormalizePass());
  pm.addPass(createCanonicalizerPass());
  // Upstream's affine-super-vectorize miscompiles strided reductions and
  // crashes on some reduction nests: only the loops it gets right.
  PoolAffineVectorizeOptions vectorize;
  vectorize.vectorSize = std::max<int64_t>(bits / 32, 1);
  pm.addNestedPass<func::FuncOp>(createPoolAffineVectorize(vectorize));
  pm.addNestedPass<func::FuncOp>(affine::createAffineScalarReplacementPass());
  if (options.threads != 1) {
    affine::AffineParallelizeOptions parallelize;
    parallelize.maxNested = 1;
    pm.addNestedPass<func::FuncOp>(
        affine::createAffineParallelize(parallelize));
  }
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void mlir::pool::buildLinalgLoopsToLLVMPipeline(OpPassManager &pm,
                                                unsigned threads) {
  // Window operands that only carry a shape leave allocations nothing
  // reads once the loops exist; canonicalization removes them.
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // The slices of an scf.forall are independent: OpenMP worksharing loops.
  pm.addPass(createForallToParallelLoopPass());
  if (threads != 1) {
    ConvertSCFToOpenMPPassOptions omp;
    omp.numThreads = threads;
    pm.addPass(createConvertSCFToOpenMPPass(omp));
    // The per-iteration memref.alloca_scope the conversion wraps around
    // loop bodies must go before their loops become blocks.
    pm.addPass(createPoolInlineAllocaScopes());
  }
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertVectorToSCFPass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  // Subviews at dynamic offsets leave affine.apply behind.
  pm.addPass(createLowerAffinePass());
  pm.addPass(createPoolExpandArith());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  // The affine vectorizer pads its reads with ub.poison.
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void mlir::pool::buildSchedulePipeline(OpPassManager &pm,
                                       const PoolPipelineOptions &options) {
  if (options.schedule.empty())
    return;
  transform::PreloadLibraryPassOptions preload;
  preload.transformLibraryPaths.push_back(options.schedule);
  pm.addPass(transform::createPreloadLibraryPass(preload));
  pm.addPass(transform::createInterpreterPass());
}

void mlir::pool::buildPoolToLLVMPipeline(OpPassManager &pm,
                                         const PoolPipelineOptions &options) {
  buildSchedulePipeline(pm, options);
  if (getLoweringPath(options) == PoolLoweringPath::Affine) {
    buildPoolToAffinePipeline(pm, options);
    buildAffineOptimizationPipeline(pm, options);
  } else {
    buildPoolToBufferizedLinalgPipeline(pm, options);
  }
  buildLinalgLoopsToLLVMPipeline(pm, options.threads);
}

void mlir::pool::buildPoolToGPUKernelsPipeline(
    OpPassManager &pm, const PoolGPUPipelineOptions &options) {
  pm.addNestedPass<func::FuncOp>(createPoolInferShapes());
  pm.addPass(createCanonicalizerPass());
  ConvertPoolToGPUOptions toGPU;
  toGPU.blockSize = options.blockSize;
  toGPU.vectorLoads = options.vectorLoads;
  toGPU.separableWindows = options.separableWindows;
  toGPU.assertWindowFits = options.assertWindowFits;
  pm.addNestedPass<func::FuncOp>(createConvertPoolToGPU(toGPU));
  pm.addPass(createCanonicalizerPass());
  // Outlined first: buffer deallocation knows launches, not kernel bodies.
  buildOneShotBufferizationPipeline(pm);
  // Constants and sizes the canonicalizer hoisted go back into the kernels
  // instead of becoming kernel arguments.
  pm.addPass(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  buildDeallocationPipeline(pm);
  PoolGPUHostBuffersOptions buffers;
  buffers.deviceData = options.deviceData;
  pm.addPass(createPoolGPUHostBuffers(buffers));
  pm.addNestedPass<gpu::GPUModuleOp>(createPoolGPULowerSubgroupReduce());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void mlir::pool::buildPoolToNVVMPipeline(
    OpPassManager &pm, const PoolGPUPipelineOptions &options) {
  buildPoolToGPUKernelsPipeline(pm, options);
  PoolGPUToNVVMOptions nvvm;
  nvvm.chip = options.chip;
  nvvm.features = options.features;
  nvvm.optLevel = options.optLevel;
  nvvm.format = options.format;
  nvvm.toolkit = options.toolkit;
  nvvm.kernelAbi = options.kernelAbi;
  nvvm.indexBitwidth = options.indexBitwidth;
  pm.addPass(createPoolGPUToNVVM(nvvm));
}

void mlir::pool::buildPoolToGPUEmulationPipeline(
    OpPassManager &pm, const PoolGPUPipelineOptions &options) {
  buildPoolToGPUKernelsPipeline(pm, options);
  pm.addPass(createPoolGPUEmulate());
  pm.addPass(createCanonicalizerPass());
  buildLinalgLoopsToLLVMPipeline(pm, /*threads=*/1);
}

void mlir::pool::registerPoolPipelines() {
  PassPipelineRegistration<PoolPipelineOptions>(
      "pool-to-affine",
      "Lower pool ops to affine loop nests (convert-pool-to-affine) on "
      "buffers, for upstream's affine passes",
      buildPoolToAffinePipeline);
  PassPipelineRegistration<PoolPipelineOptions>(
      "pool-to-llvm",
      "Lower a module with pool ops (and func, arith, math, tensor, linalg, "
      "bufferization, memref, scf ops) to the LLVM dialect",
      buildPoolToLLVMPipeline);
  PassPipelineRegistration<PoolGPUPipelineOptions>(
      "pool-to-nvvm",
      "Lower a module with pool ops to LLVM host code that launches NVVM "
      "kernels from a gpu.binary (PTX, cubin or fatbin)",
      buildPoolToNVVMPipeline);
  PassPipelineRegistration<PoolGPUPipelineOptions>(
      "pool-to-gpu-emulation",
      "Lower a module with pool ops to the GPU kernels of pool-to-nvvm, "
      "executed on the CPU (LLVM dialect for mlir-runner)",
      buildPoolToGPUEmulationPipeline);
}
