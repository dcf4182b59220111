//===- PoolToAffine.h - Pool ops to affine loop nests -----------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOAFFINE_POOLTOAFFINE_H
#define POOL_CONVERSION_POOLTOAFFINE_POOLTOAFFINE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::pool {

#define GEN_PASS_DECL_CONVERTPOOLTOAFFINE
#include "pool/Conversion/Passes.h.inc"

} // namespace mlir::pool

#endif // POOL_CONVERSION_POOLTOAFFINE_POOLTOAFFINE_H
