//===- Differential.h - Randomized differential testing ---------*- C++ -*-===//

#ifndef POOL_TOOLS_POOLRUN_DIFFERENTIAL_H
#define POOL_TOOLS_POOLRUN_DIFFERENTIAL_H

#include "Runner.h"

#include "mlir/IR/DialectRegistry.h"

#include <cstdint>
#include <string>

namespace pool_run {

struct DifferentialOptions {
  /// Configurations seed, seed + 1, ..., seed + count - 1 are drawn; each is
  /// replayed alone with `--differential=1 --seed=<its seed>`.
  uint64_t seed = 1;
  int64_t count = 100;
  /// Configurations compiled together in one module.
  int64_t batch = 40;
  bool assertWindowFits = true;
  bool verbose = false;
  /// Threads of the compiled kernels (0: every core).
  unsigned threads = 0;
  /// pool-to-llvm's min-parallel-bytes (-1: the cost model's threshold).
  int64_t minParallelBytes = -1;
  /// Each configuration runs under each of these lowerings.
  std::vector<Lowering> lowerings = getAllLowerings();
  /// Directory where the module of each failing configuration is written.
  std::string dumpDir;
};

/// Draws random pool configurations over every op, rank, layout, padding
/// mode, ceil mode, count_include_pad, dilation, element type, static and
/// dynamic shapes and odd sizes; lowers them with pool-to-llvm, runs them and
/// compares with the reference. Prints one line per failure and a summary
/// ending in "N passed, M failed"; returns the number of failures.
int64_t runDifferential(const mlir::DialectRegistry &registry,
                        const DifferentialOptions &options);

} // namespace pool_run

#endif // POOL_TOOLS_POOLRUN_DIFFERENTIAL_H
