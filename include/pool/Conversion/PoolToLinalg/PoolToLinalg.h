//===- PoolToLinalg.h - Lower pool ops to linalg ----------------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOLINALG_POOLTOLINALG_H
#define POOL_CONVERSION_POOLTOLINALG_POOLTOLINALG_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
class RewriterBase;
namespace pool {
class PoolOpInterface;

#define GEN_PASS_DECL_CONVERTPOOLTOLINALG
#include "pool/Conversion/Passes.h.inc"

/// Adds the patterns that lower every pool op to linalg on tensors. With
/// `assertWindowFits`, dynamic spatial sizes are checked at run time.
/// Lowers one pool op to linalg on tensors and replaces it (what the
/// convert-pool-to-linalg pattern does).
LogicalResult lowerPoolOpToLinalg(RewriterBase &rewriter, PoolOpInterface op,
                                  bool assertWindowFits = true);

void populatePoolToLinalgPatterns(RewritePatternSet &patterns,
                                  bool assertWindowFits = true);

} // namespace pool
} // namespace mlir

#endif // POOL_CONVERSION_POOLTOLINALG_POOLTOLINALG_H
