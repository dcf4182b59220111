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
  /// The cost model picks direct or separable per op.
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

/// What the vector lowering's cost model knows of the target CPU, in one
/// place (docs/performance.md, "How the code is built").
struct VectorTarget {
  /// SIMD register width in bits.
  int64_t vectorBits = 256;
  /// Architectural vector registers at that width: 32 with AVX-512 (also
  /// for 256-bit vectors, AVX-512VL), 16 with AVX/AVX2 and SSE.
  int64_t vectorRegisters = 16;
  /// Per-lane predicates live in mask registers (AVX-512's k0-k7): NaN
  /// flags and tail masks take no vector register.
  bool maskRegisters = false;
  /// Masked loads and stores of 32/64-bit lanes are single instructions
  /// (AVX's vmaskmov, AVX-512); 16-bit lanes need AVX-512BW.
  bool maskedMemory32 = true, maskedMemory16 = false;
  /// An op whose input and output bytes are fewer than this runs on one
  /// thread even in parallel code: below it, an OpenMP fork/join (about
  /// 1.5 us, `pool-bench --fork-join`) costs more than the second core
  /// saves; 0.4 MB took 2.8 us serial and 3.1 us on two threads, 0.8 MB
  /// 5.4 and 4.4 (docs/performance.md).
  int64_t minParallelBytes = 512 << 10;
  /// The threads the code will run on where the pipeline knows them
  /// (`--pool-to-llvm` with `threads` > 1); 0: unknown, every core at run
  /// time. Bounds how finely channels-last global rows are split.
  int64_t threads = 0;
  /// The CPU the description is of ("host" or an LLVM CPU name).
  std::string cpu = "host";
};

/// The description of `cpu` (an LLVM CPU name such as znver3 or
/// skylake-avx512; empty or "host": the host) from LLVM's feature tables.
/// Fails with `error` set for a CPU LLVM does not know.
FailureOr<VectorTarget> getVectorTarget(StringRef cpu, std::string &error);

/// The SIMD register width of the host CPU in bits: 512 with AVX-512F, 256
/// with AVX, 128 otherwise.
int64_t getHostVectorBits();

/// Adds the pattern that lowers every pool op to vectorized `scf.forall`
/// loops on tensors, planned for `target`.
void populatePoolToVectorPatterns(RewritePatternSet &patterns,
                                  const VectorTarget &target,
                                  PoolStrategy strategy,
                                  bool assertWindowFits = true);

} // namespace pool
} // namespace mlir

#endif // POOL_CONVERSION_POOLTOVECTOR_POOLTOVECTOR_H
