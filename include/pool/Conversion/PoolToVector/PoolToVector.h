//===- PoolToVector.h - Lower pool ops to vector loops ----------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOVECTOR_POOLTOVECTOR_H
#define POOL_CONVERSION_POOLTOVECTOR_POOLTOVECTOR_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
namespace pool {

#define GEN_PASS_DECL_CONVERTPOOLTOVECTOR
#include "pool/Conversion/Passes.h.inc"

/// The algorithm a pool op is lowered with (docs/performance.md).
enum class PoolStrategy {
  /// Separable passes for overlapping multi-dimensional windows, sliding
  /// passes for large stride-1 windows, direct windows otherwise.
  Auto,
  /// Every tap of every window read and reduced.
  Direct,
  /// One pass per spatial dimension through a per-thread buffer, each pass
  /// reducing its window directly.
  Separable,
  /// Separable passes that reduce stride-1 windows with a running sum
  /// (averages) or van Herk/Gil-Werman block maxima: the work per output
  /// does not depend on the window size.
  Sliding,
};

/// Parses "auto", "direct", "separable" or "sliding".
std::optional<PoolStrategy> parsePoolStrategy(StringRef name);

/// The SIMD register width of the host CPU in bits: 512 with AVX-512F, 256
/// with AVX, 128 otherwise.
int64_t getHostVectorBits();

/// Adds the pattern that lowers every pool op to vectorized `scf.forall`
/// loops on tensors.
void populatePoolToVectorPatterns(RewritePatternSet &patterns,
                                  int64_t vectorBits, PoolStrategy strategy,
                                  bool assertWindowFits = true);

} // namespace pool
} // namespace mlir

#endif // POOL_CONVERSION_POOLTOVECTOR_POOLTOVECTOR_H
