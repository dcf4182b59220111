//===- InitAll.h - Register pool dialects and passes ------------*- C++ -*-===//

#ifndef POOL_INITALL_H
#define POOL_INITALL_H

namespace mlir {
class DialectRegistry;
namespace pool {

/// Adds the pool dialect to `registry`.
void registerAllPoolDialects(DialectRegistry &registry);

/// Registers every pool pass and pipeline with the global pass registry.
void registerAllPoolPasses();

} // namespace pool
} // namespace mlir

#endif // POOL_INITALL_H
