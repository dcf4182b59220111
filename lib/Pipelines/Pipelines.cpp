//===- Pipelines.cpp - Pool lowering pipelines ----------------------------===//

#include "pool/Pipelines/Pipelines.h"

#include "pool/Conversion/Passes.h"
#include "pool/Dialect/Pool/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/ErrorHandling.h"

using namespace mlir;
using namespace mlir::pool;

/// Appends an upstream pipeline given in textual form. The text is fixed, so
/// a parse failure is a bug in this file, reported loudly.
static void addPipeline(OpPassManager &pm, StringRef text) {
  if (failed(parsePassPipeline(text, pm, llvm::errs())))
    llvm::report_fatal_error("pool pipelines: bad upstream pipeline text");
}

void mlir::pool::buildPoolToBufferizedLinalgPipeline(
    OpPassManager &pm, const PoolPipelineOptions &options) {
  pm.addNestedPass<func::FuncOp>(createPoolInferShapes());
  pm.addPass(createCanonicalizerPass());
  ConvertPoolToLinalgOptions toLinalg;
  toLinalg.assertWindowFits = options.assertWindowFits;
  pm.addNestedPass<func::FuncOp>(createConvertPoolToLinalg(toLinalg));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Results materialized into a destination are computed in it.
  addPipeline(pm, "eliminate-empty-tensors,"
                  "one-shot-bufferize{bufferize-function-boundaries=1 "
                  "function-boundary-type-conversion=identity-layout-map}");
  bufferization::BufferDeallocationPipelineOptions dealloc;
  bufferization::buildBufferDeallocationPipeline(pm, dealloc);
  pm.addPass(createCanonicalizerPass());
}

void mlir::pool::buildPoolToAffinePipeline(OpPassManager &pm,
                                           const PoolPipelineOptions &options) {
  buildPoolToBufferizedLinalgPipeline(pm, options);
  addPipeline(pm, "func.func(convert-linalg-to-affine-loops),canonicalize,cse");
}

void mlir::pool::buildPoolToLLVMPipeline(OpPassManager &pm,
                                         const PoolPipelineOptions &options) {
  buildPoolToBufferizedLinalgPipeline(pm, options);
  // Loops; window operands that only give a shape leave dead allocations,
  // which canonicalization removes.
  addPipeline(pm, "func.func(convert-linalg-to-loops),canonicalize,cse,"
                  "lower-affine,convert-scf-to-cf,expand-strided-metadata,"
                  "arith-expand{include-bf16=1},"
                  "convert-math-to-llvm,convert-math-to-libm,"
                  "finalize-memref-to-llvm,convert-arith-to-llvm,"
                  "convert-index-to-llvm,convert-cf-to-llvm,"
                  "convert-func-to-llvm,reconcile-unrealized-casts");
}

void mlir::pool::registerPoolPipelines() {
  PassPipelineRegistration<PoolPipelineOptions>(
      "pool-to-affine",
      "Lower pool ops through linalg and bufferization to affine loops",
      buildPoolToAffinePipeline);
  PassPipelineRegistration<PoolPipelineOptions>(
      "pool-to-llvm",
      "Lower a module with pool ops (and func, arith, math, tensor, linalg, "
      "bufferization, memref, scf ops) to the LLVM dialect",
      buildPoolToLLVMPipeline);
}
