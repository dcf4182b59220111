//===- PoolDialect.cpp - Pool dialect -------------------------------------===//

#include "pool/Dialect/Pool/IR/PoolDialect.h"
#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::pool;

#include "pool/Dialect/Pool/IR/PoolOpsDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "pool/Dialect/Pool/IR/PoolAttrs.cpp.inc"

void PoolDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "pool/Dialect/Pool/IR/PoolOps.cpp.inc"
      >();
  registerAttributes();
}

void PoolDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "pool/Dialect/Pool/IR/PoolAttrs.cpp.inc"
      >();
}
