//===- PoolToVector.h - Lower pool ops to vector loops ----------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOVECTOR_POOLTOVECTOR_H
#define POOL_CONVERSION_POOLTOVECTOR_POOLTOVECTOR_H

#include "pool/Support/EnumOption.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
namespace pool {

/// The algorithm a pool op is lowered with (docs/performance.md).
enum class PoolStrategy {
  /// The cost model picks direct, separable or sliding per op.
  Auto,
  /// Every tap of every window read and reduced.
  Direct,
  /// Windows of two or more dimensions: the last spatial dimension reduced
  /// first, row by row, into a per-task row buffer, then the remaining
  /// dimensions from the buffer. Other ops lower directly.
  Separable,
  /// Separable, and stride-1 windows along the one row dimension of 2-D
  /// pooling reduced with van Herk/Gil-Werman block prefixes and suffixes
  /// (sums too): two combines per output whatever the window.
  Sliding,
};

/// The name of `strategy` as the options spell it ("auto", "direct", ...).
StringRef stringifyPoolStrategy(PoolStrategy strategy);

/// The values of a PoolStrategy command-line option, shared by the pass,
/// the pipelines and the tools so that `--help` lists them and a bad value
/// is refused while parsing.
llvm::cl::ValuesClass getPoolStrategyValues();

} // namespace pool
} // namespace mlir

POOL_LISTED_ENUM_PARSER(mlir::pool::PoolStrategy)

namespace mlir {
namespace pool {

#define GEN_PASS_DECL_CONVERTPOOLTOVECTOR
#include "pool/Conversion/Passes.h.inc"

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
