//===- Passes.h - Pool dialect passes ---------------------------*- C++ -*-===//

#ifndef POOL_DIALECT_POOL_TRANSFORMS_PASSES_H
#define POOL_DIALECT_POOL_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace mlir::pool {

#define GEN_PASS_DECL
#include "pool/Dialect/Pool/Transforms/Passes.h.inc"

/// Adds the patterns of raise-linalg-to-pool: linalg pooling chains that are
/// provably equal to a pool op become that pool op; with `foldTransposes`,
/// a linalg.transpose from channels-first data makes it channels-first.
void populateRaiseLinalgToPoolPatterns(RewritePatternSet &patterns,
                                       bool foldTransposes = true);

#define GEN_PASS_REGISTRATION
#include "pool/Dialect/Pool/Transforms/Passes.h.inc"

} // namespace mlir::pool

#endif // POOL_DIALECT_POOL_TRANSFORMS_PASSES_H
