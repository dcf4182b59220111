//===- downstream-opt.cpp - A consumer's opt tool with the pool dialect ---===//
//
// What a downstream project writes to get the pool dialect, its passes and
// pipelines (pool-to-llvm among them) into its own driver.
//
//===----------------------------------------------------------------------===//

#include "pool/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::pool::registerAllPoolDialects(registry);
  mlir::pool::registerAllPoolPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "downstream-opt\n", registry));
}
