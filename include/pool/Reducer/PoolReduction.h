//===- PoolReduction.h - pool-reduce's reduction patterns -------*- C++ -*-===//
//
// The pool dialect's DialectReductionPatternInterface: what mlir-reduce's
// reduction-tree pass may try on a pool op to make a failing program smaller
// and simpler while it stays valid.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_REDUCER_POOLREDUCTION_H
#define POOL_REDUCER_POOLREDUCTION_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class DialectRegistry;
namespace pool {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "pool/Reducer/Passes.h.inc"

/// Attaches the reduction patterns to the pool dialect when it loads.
void registerPoolReductionInterface(DialectRegistry &registry);

} // namespace pool
} // namespace mlir

#endif // POOL_REDUCER_POOLREDUCTION_H
