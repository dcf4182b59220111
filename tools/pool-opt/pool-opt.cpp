//===- pool-opt.cpp - The pool dialect optimizer driver -------------------===//
//
// mlir-opt with the pool dialect, its passes and pipelines added to every
// upstream dialect and pass.
//
//===----------------------------------------------------------------------===//

#include "pool/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  // gpu-module-to-binary translates kernels to LLVM IR in process.
  mlir::registerAllToLLVMIRTranslations(registry);
  mlir::registerAllPasses();
  mlir::pool::registerAllPoolDialects(registry);
  mlir::pool::registerAllPoolPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "pool-opt: the pool dialect optimizer driver\n", registry));
}
