//===- PoolToTosa.h - Lower pool ops to TOSA --------------------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOTOSA_POOLTOTOSA_H
#define POOL_CONVERSION_POOLTOTOSA_POOLTOTOSA_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
namespace pool {

#define GEN_PASS_DECL_CONVERTPOOLTOTOSA
#include "pool/Conversion/Passes.h.inc"

/// Adds the pattern that rewrites 2-D pool ops without dilation and with
/// static spatial sizes as tosa.max_pool2d / tosa.avg_pool2d (with
/// tosa.transpose, tosa.slice, tosa.pad and tosa.reshape around them) of
/// the same semantics.
void populatePoolToTosaPatterns(RewritePatternSet &patterns);

} // namespace pool
} // namespace mlir

#endif // POOL_CONVERSION_POOLTOTOSA_POOLTOTOSA_H
