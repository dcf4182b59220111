//===- FuzzCommon.cpp - Shared setup of the pool fuzz targets -------------===//

#include "FuzzCommon.h"

#include "pool/InitAll.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"

using namespace mlir;

const DialectRegistry &pool_fuzz::getRegistry() {
  static DialectRegistry *registry = [] {
    auto *r = new DialectRegistry;
    registerAllDialects(*r);
    registerAllExtensions(*r);
    pool::registerAllPoolDialects(*r);
    return r;
  }();
  return *registry;
}

pool_fuzz::QuietContext::QuietContext()
    : ctx(getRegistry(), MLIRContext::Threading::DISABLED) {
  ctx.loadDialect<func::FuncDialect, arith::ArithDialect, tensor::TensorDialect,
                  bufferization::BufferizationDialect>();
  handler = ctx.getDiagEngine().registerHandler(
      [](Diagnostic &) { return success(); });
}

pool_fuzz::QuietContext::~QuietContext() {
  ctx.getDiagEngine().eraseHandler(handler);
}

void pool_fuzz::runOnClone(ModuleOp module,
                           const std::function<void(OpPassManager &)> &build) {
  OwningOpRef<ModuleOp> clone = module.clone();
  PassManager pm(module->getContext());
  build(pm);
  (void)pm.run(*clone);
}
