//===- GPULowerSubgroupReduce.cpp - Subgroup reductions to shuffles -------===//
//
// pool-gpu-lower-subgroup-reduce: upstream's patterns that turn
// `gpu.subgroup_reduce` (any element type, clustered or not) into a
// butterfly of 32-bit `gpu.shuffle xor` ops (64-bit values as two), for targets
// and the CPU emulation alike: convert-gpu-to-nvvm lowers only integer
// reductions itself, and the emulation then sums floats in the GPU's order.
//
//===----------------------------------------------------------------------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLGPULOWERSUBGROUPREDUCE
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;

namespace {
struct PoolGPULowerSubgroupReducePass
    : pool::impl::PoolGPULowerSubgroupReduceBase<
          PoolGPULowerSubgroupReducePass> {
  using Base::Base;
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateGpuBreakDownSubgroupReducePatterns(patterns,
                                               /*maxShuffleBitwidth=*/32);
    populateGpuLowerSubgroupReduceToShufflePatterns(patterns, subgroupSize,
                                                    /*shuffleBitwidth=*/32);
    populateGpuLowerClusteredSubgroupReduceToShufflePatterns(
        patterns, subgroupSize, /*shuffleBitwidth=*/32);
    // 64-bit scalars (f64, i64) shuffle whole, then split into 32-bit
    // shuffles (populateGpuShufflePatterns).
    populateGpuLowerSubgroupReduceToShufflePatterns(
        patterns, subgroupSize, /*shuffleBitwidth=*/64, /*benefit=*/0);
    populateGpuLowerClusteredSubgroupReduceToShufflePatterns(
        patterns, subgroupSize, /*shuffleBitwidth=*/64, /*benefit=*/0);
    populateGpuShufflePatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    WalkResult left = getOperation()->walk([](gpu::SubgroupReduceOp op) {
      op.emitOpError("could not be lowered to shuffles");
      return WalkResult::interrupt();
    });
    if (left.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
