//===- PoolPlugin.cpp - Pool dialect and pass plugin for mlir-opt ---------===//
//
// mlir-opt --load-dialect-plugin=PoolPlugin.so --load-pass-plugin=PoolPlugin.so
//
//===----------------------------------------------------------------------===//

#include "pool/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Pool", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            mlir::pool::registerAllPoolDialects(*registry);
          }};
}

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "PoolPasses", LLVM_VERSION_STRING,
          []() { mlir::pool::registerAllPoolPasses(); }};
}
