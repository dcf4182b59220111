//===- pool-lsp-server.cpp - Language server for pool programs ------------===//
//
// MLIR's language server with the pool dialect and every upstream dialect:
// diagnostics (the verifier's messages), hover, go-to-definition and
// document symbols in editors that speak LSP.
//
//===----------------------------------------------------------------------===//

#include "pool/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Tools/mlir-lsp-server/MlirLspServerMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::pool::registerAllPoolDialects(registry);
  return mlir::failed(mlir::MlirLspServerMain(argc, argv, registry));
}
