//===- PoolDialect.h - Pool dialect -----------------------------*- C++ -*-===//

#ifndef POOL_DIALECT_POOL_IR_POOLDIALECT_H
#define POOL_DIALECT_POOL_IR_POOLDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dialect.h"

#include "pool/Dialect/Pool/IR/PoolOpsDialect.h.inc"

#endif // POOL_DIALECT_POOL_IR_POOLDIALECT_H
