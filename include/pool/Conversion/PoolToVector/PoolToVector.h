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
  /// The cost model picks direct or separable per op.
  Auto,
  /// Every tap of every window read and reduced.
  Direct,
  /// Channels-first windows of two or more dimensions: the last spatial
  /// dimension reduced first, row by row, into a per-task row buffer, then
  /// the remaining dimensions from the buffer. Other ops lower directly.
  Separable,
  /// Separable, and stride-1 windows along the one row dimension of 2-D
  /// pooling reduced with van Herk/Gil-Werman block prefixes and suffixes
  /// (sums too): two combines per output whatever the window.
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
