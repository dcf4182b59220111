//===- PoolEnums.h - Pool dialect enums -------------------------*- C++ -*-===//
//
// The layout and padding-mode enums alone, for code (the window arithmetic)
// that needs them without the ops.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_DIALECT_POOL_IR_POOLENUMS_H
#define POOL_DIALECT_POOL_IR_POOLENUMS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

#include "pool/Dialect/Pool/IR/PoolEnums.h.inc"

#endif // POOL_DIALECT_POOL_IR_POOLENUMS_H
