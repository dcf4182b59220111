//===- TosaToPool.h - Raise TOSA pooling to pool ops ------------*- C++ -*-===//

#ifndef POOL_CONVERSION_TOSATOPOOL_TOSATOPOOL_H
#define POOL_CONVERSION_TOSATOPOOL_TOSATOPOOL_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

#include <string>

namespace mlir {
class RewritePatternSet;
namespace pool {

#define GEN_PASS_DECL_CONVERTTOSATOPOOL
#include "pool/Conversion/Passes.h.inc"

/// Adds the patterns that replace `tosa.max_pool2d` and `tosa.avg_pool2d`
/// (with the `tosa.transpose` and `tosa.pad` producers wrap them in) by pool
/// ops of exactly the same semantics.
void populateTosaToPoolPatterns(RewritePatternSet &patterns);

/// Why `op`, a `tosa.max_pool2d` or `tosa.avg_pool2d`, has no exact pool
/// equivalent; empty if it has one.
std::string getTosaToPoolDeclineReason(Operation *op);

} // namespace pool
} // namespace mlir

#endif // POOL_CONVERSION_TOSATOPOOL_TOSATOPOOL_H
