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
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/InitLLVM.h"

#include <cstdio>
#include <unistd.h>

/// True (after one error) if the input holds what MLIR 22's parser crashes
/// on. Standard input is read here and put back, through a temporary file,
/// for MlirOptMain to read again.
static bool rejectInput(llvm::StringRef inputFile) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file =
      mlir::openInputFile(inputFile, &error);
  if (!file)
    return false; // MlirOptMain reports it.
  if (inputFile == "-") {
    llvm::StringRef text = file->getBuffer();
    std::FILE *copy = std::tmpfile();
    if (!copy ||
        std::fwrite(text.data(), 1, text.size(), copy) != text.size() ||
        std::fflush(copy) != 0 || lseek(fileno(copy), 0, SEEK_SET) != 0 ||
        dup2(fileno(copy), STDIN_FILENO) < 0) {
      llvm::errs() << "pool-opt: cannot buffer standard input\n";
      return true;
    }
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  return mlir::pool::diagnoseIndexDenseArray(sourceMgr);
}

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
  if (rejectInput(inputFile))
    return 1;
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, inputFile, outputFile, registry));
}
