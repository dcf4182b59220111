//===- pool-opt.cpp - The pool dialect optimizer driver -------------------===//
//
// mlir-opt with the pool dialect, its passes and pipelines added to every
// upstream dialect and pass. The input is scanned first for what crashes
// MLIR 22's parser (pool/Support/ParserGuard.h).
//
//===----------------------------------------------------------------------===//

#include "pool/InitAll.h"
#include "pool/Support/ParserGuard.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/InitLLVM.h"

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  // gpu-module-to-binary translates kernels to LLVM IR in process.
  mlir::registerAllToLLVMIRTranslations(registry);
  mlir::registerAllPasses();
  mlir::pool::registerAllPoolDialects(registry);
  mlir::pool::registerAllPoolPasses();
  auto [inputFile, outputFile] = mlir::registerAndParseCLIOptions(
      argc, argv, "pool-opt: the pool dialect optimizer driver\n", registry);
  if (mlir::pool::rejectInputFile(inputFile, "pool-opt"))
    return 1;
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, inputFile, outputFile, registry));
}
