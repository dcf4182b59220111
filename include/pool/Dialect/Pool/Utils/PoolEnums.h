//===- PoolEnums.h - Pool layout and padding enums --------------*- C++ -*-===//
//
// The layout and padding-mode enums alone (Utils/PoolEnums.td), for the
// window arithmetic and the lowering helpers, which need them without the
// dialect.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_DIALECT_POOL_UTILS_POOLENUMS_H
#define POOL_DIALECT_POOL_UTILS_POOLENUMS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

#include "pool/Dialect/Pool/Utils/PoolEnums.h.inc"

#endif // POOL_DIALECT_POOL_UTILS_POOLENUMS_H
