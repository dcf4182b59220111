//===- PoolTransformOps.h - transform.pool.* ops ----------------*- C++ -*-===//

#ifndef POOL_DIALECT_POOL_TRANSFORMOPS_POOLTRANSFORMOPS_H
#define POOL_DIALECT_POOL_TRANSFORMOPS_POOLTRANSFORMOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Transform/IR/TransformTypes.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/IR/OpImplementation.h"

#define GET_OP_CLASSES
#include "pool/Dialect/Pool/TransformOps/PoolTransformOps.h.inc"

namespace mlir {
class DialectRegistry;
namespace pool {
/// Registers the transform.pool.* ops with the transform dialect.
void registerTransformDialectExtension(DialectRegistry &registry);
} // namespace pool
} // namespace mlir

#endif // POOL_DIALECT_POOL_TRANSFORMOPS_POOLTRANSFORMOPS_H
