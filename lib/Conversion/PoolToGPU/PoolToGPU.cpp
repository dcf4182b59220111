//===- PoolToGPU.cpp - Lower pool ops to GPU kernels ----------------------===//
//
// The host side of every kernel: the input as a read-only buffer, the
// result allocated (16-byte aligned vector accesses need it), the shape
// checks, and the `gpu.launch` whose body a family builds (Windows.cpp,
// Global.cpp). Buffers stay host memrefs here; pool-gpu-host-buffers
// (after outlining) decides where they live.
//
//===----------------------------------------------------------------------===//

#include "pool/Conversion/PoolToGPU/PoolToGPU.h"
#include "pool/Conversion/LowerPoolOps.h"

#include "KernelBuilder.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

namespace mlir::pool {
#define GEN_PASS_DEF_CONVERTPOOLTOGPU
#include "pool/Conversion/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::gpu_lowering;

namespace {
struct LowerPoolToGPU : OpInterfaceRewritePattern<PoolOpInterface> {
  LowerPoolToGPU(MLIRContext *ctx, const GPULoweringOptions &opts)
      : OpInterfaceRewritePattern<PoolOpInterface>(ctx), opts(opts) {}

  LogicalResult matchAndRewrite(PoolOpInterface op,
                                PatternRewriter &rewriter) const override {
    auto inType = dyn_cast<RankedTensorType>(op.getInput().getType());
    if (!inType)
      return rewriter.notifyMatchFailure(op, "input is not a ranked tensor");
    ReifiedRankedShapedTypeDims shapes;
    if (failed(reifyPoolResultShapes(rewriter, op, shapes)))
      return rewriter.notifyMatchFailure(op, "cannot reify the result shape");
    Location loc = op.getLoc();
    PoolSpec spec = op.getSpec();
    Value input = op.getInput();
    PoolKernelBuilder kb(rewriter, loc, spec, inType, opts);

    SmallVector<Value> inDims, inSizes, outDims;
    for (int64_t d = 0; d < kb.rank; ++d)
      inDims.push_back(getValueOrCreateConstantIndexOp(
          rewriter, loc, tensor::getMixedSize(rewriter, loc, input, d)));
    for (int64_t i = 0; i < kb.n; ++i)
      inSizes.push_back(inDims[kb.spatialDim(i)]);
    if (opts.assertWindowFits)
      emitPoolShapeChecks(rewriter, loc, spec, inSizes);
    SmallVector<int64_t> outShape;
    SmallVector<Value> dynamicOut;
    for (OpFoldResult size : shapes.front()) {
      outDims.push_back(getValueOrCreateConstantIndexOp(rewriter, loc, size));
      std::optional<int64_t> c = getConstantIntValue(size);
      outShape.push_back(c ? *c : ShapedType::kDynamic);
      if (!c)
        dynamicOut.push_back(outDims.back());
    }

    auto inBuf = bufferization::ToBufferOp::create(
        rewriter, loc, MemRefType::get(inType.getShape(), kb.elemType), input,
        /*read_only=*/true);
    auto outType = MemRefType::get(outShape, kb.elemType);
    Value outBuf = memref::AllocOp::create(rewriter, loc, outType, dynamicOut,
                                           rewriter.getI64IntegerAttr(64));

    Value kernelIn = inBuf, kernelOut = outBuf;
    LaunchShape shape;
    if (spec.isGlobal()) {
      // [N, C, S] / [N, S, C] and [N * C].
      int64_t r = kb.rank;
      SmallVector<ReassociationIndices> inGroups;
      ReassociationIndices spatial;
      for (int64_t d = 0; d < r; ++d)
        if (d != 0 && d != kb.channelDim())
          spatial.push_back(d);
      if (spec.layout == Layout::ChannelsFirst)
        inGroups = {{0}, {1}, spatial};
      else
        inGroups = {{0}, spatial, {r - 1}};
      kernelIn =
          memref::CollapseShapeOp::create(rewriter, loc, inBuf, inGroups);
      ReassociationIndices all;
      for (int64_t d = 0; d < outType.getRank(); ++d)
        all.push_back(d);
      kernelOut = memref::CollapseShapeOp::create(
          rewriter, loc, outBuf, ArrayRef<ReassociationIndices>{all});
      shape = kb.planGlobal(inDims);
    } else if (kb.useSeparableWindows()) {
      shape = kb.planSeparable(outDims);
    } else {
      shape = kb.planWindows(inDims, outDims);
    }

    // Nothing to launch for an empty result (a grid of 0 blocks is an
    // error on the device).
    std::optional<int64_t> items = getConstantIntValue(shape.items);
    std::optional<OpBuilder::InsertionGuard> guard;
    if (!items) {
      Value any = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne,
                                        shape.items, kb.cst(0));
      auto ifOp = scf::IfOp::create(rewriter, loc, any, false);
      guard.emplace(rewriter);
      rewriter.setInsertionPointToStart(ifOp.thenBlock());
    }
    if (!items || *items > 0) {
      Value one = kb.cst(1);
      auto launch = gpu::LaunchOp::create(
          rewriter, loc, shape.gridX, one, one, shape.blockX, shape.blockY, one,
          /*dynamicSharedMemorySize=*/nullptr, /*asyncTokenType=*/nullptr,
          /*asyncDependencies=*/{}, shape.workgroup);
      OpBuilder::InsertionGuard inKernel(rewriter);
      rewriter.setInsertionPointToStart(&launch.getBody().front());
      if (spec.isGlobal()) {
        kb.buildGlobal(kernelIn, kernelOut, launch.getBlockIds(),
                       launch.getThreadIds(),
                       launch.getWorkgroupAttributions());
      } else if (kb.useSeparableWindows()) {
        kb.buildSeparable(kernelIn, kernelOut, launch.getBlockIds(),
                          launch.getThreadIds(),
                          launch.getWorkgroupAttributions());
      } else {
        Value id = arith::AddIOp::create(
            rewriter, loc,
            arith::MulIOp::create(rewriter, loc, launch.getBlockIds().x,
                                  launch.getBlockSize().x),
            launch.getThreadIds().x);
        kb.buildWindows(kernelIn, kernelOut, id, shape.items);
      }
      gpu::TerminatorOp::create(rewriter, loc);
    }
    guard.reset();

    Value result = bufferization::ToTensorOp::create(
        rewriter, loc, RankedTensorType::get(outShape, kb.elemType), outBuf,
        rewriter.getUnitAttr(), rewriter.getUnitAttr());
    replacePoolOp(rewriter, op, result);
    return success();
  }

  GPULoweringOptions opts;
};
} // namespace

void mlir::pool::populatePoolToGPUPatterns(RewritePatternSet &patterns,
                                           int64_t blockSize, bool vectorLoads,
                                           bool assertWindowFits,
                                           bool separableWindows) {
  GPULoweringOptions opts;
  opts.separableWindows = separableWindows;
  opts.blockSize = blockSize;
  opts.vectorLoads = vectorLoads;
  opts.assertWindowFits = assertWindowFits;
  patterns.add<LowerPoolToGPU>(patterns.getContext(), opts);
}

namespace {
struct ConvertPoolToGPUPass
    : pool::impl::ConvertPoolToGPUBase<ConvertPoolToGPUPass> {
  using Base::Base;
  void runOnOperation() override {
    if (blockSize < kSubgroupSize || blockSize > 1024 ||
        blockSize % kSubgroupSize != 0) {
      emitError(getOperation().getLoc())
          << "convert-pool-to-gpu: block-size = " << int64_t(blockSize)
          << " must be a multiple of 32 from 32 to 1024";
      return signalPassFailure();
    }
    RewritePatternSet patterns(&getContext());
    populatePoolToGPUPatterns(patterns, blockSize, vectorLoads,
                              assertWindowFits, separableWindows);
    if (failed(
            lowerPoolOps(getOperation(), std::move(patterns), "a GPU kernel")))
      signalPassFailure();
  }
};
} // namespace
