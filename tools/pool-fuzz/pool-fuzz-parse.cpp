//===- pool-fuzz-parse.cpp - Fuzz parsing, verification and lowering ------===//
//
// libFuzzer target: parses arbitrary bytes as a module, verifies it, and runs
// shape inference, canonicalization and convert-pool-to-linalg (each alone
// and chained) on what parses.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "pool/Conversion/Passes.h"
#include "pool/Dialect/Pool/Transforms/Passes.h"
#include "pool/Support/ParserGuard.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Transforms/Passes.h"

#include <string>

using namespace mlir;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  pool_fuzz::QuietContext quiet;
  // The parser needs a null-terminated buffer.
  std::string text(reinterpret_cast<const char *>(data), size);
  // A known crash of MLIR 22's own parser, which our tools reject before
  // parsing (pool/Support/ParserGuard.h).
  if (pool::findIndexDenseArray(text))
    return 0;
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &quiet.ctx);
  if (!module || failed(verify(*module)))
    return 0;
  pool_fuzz::runOnClone(*module, [](OpPassManager &pm) {
    pm.addNestedPass<func::FuncOp>(pool::createPoolInferShapes());
  });
  pool_fuzz::runOnClone(*module, [](OpPassManager &pm) {
    pm.addPass(createCanonicalizerPass());
  });
  pool_fuzz::runOnClone(*module, [](OpPassManager &pm) {
    pm.addNestedPass<func::FuncOp>(pool::createConvertPoolToLinalg());
  });
  pool_fuzz::runOnClone(*module, [](OpPassManager &pm) {
    pm.addNestedPass<func::FuncOp>(pool::createPoolInferShapes());
    pm.addPass(createCanonicalizerPass());
    pm.addNestedPass<func::FuncOp>(pool::createConvertPoolToLinalg());
    pm.addPass(createCanonicalizerPass());
  });
  return 0;
}
