//===- FuzzCommon.h - Shared setup of the pool fuzz targets -----*- C++ -*-===//

#ifndef POOL_TOOLS_POOLFUZZ_FUZZCOMMON_H
#define POOL_TOOLS_POOLFUZZ_FUZZCOMMON_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include <functional>

namespace pool_fuzz {

/// The dialects pool programs and their lowerings use.
const mlir::DialectRegistry &getRegistry();

/// A single-threaded context that swallows diagnostics: fuzz inputs are
/// mostly invalid, and an invalid input is no finding.
struct QuietContext {
  QuietContext();
  ~QuietContext();
  mlir::MLIRContext ctx;

private:
  mlir::DiagnosticEngine::HandlerID handler;
};

/// Runs the pipeline that `build` adds on a clone of `module`, verifying
/// after each pass. Failures are expected; crashes and sanitizer reports are
/// the findings.
void runOnClone(mlir::ModuleOp module,
                const std::function<void(mlir::OpPassManager &)> &build);

} // namespace pool_fuzz

#endif // POOL_TOOLS_POOLFUZZ_FUZZCOMMON_H
