//===- ReductionUtils.h - Candidates shared by pool-reduce's reducers -----===//
//
// Internal to lib/Reducer: what the reduction patterns and the
// pool-reduction pass both try, and how a candidate is tried on a copy.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_LIB_REDUCER_REDUCTIONUTILS_H
#define POOL_LIB_REDUCER_REDUCTIONUTILS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Reducer/Tester.h"

#include <functional>

namespace mlir::pool::reduce {

/// Values that can stand for all of `op`'s results, built at the builder's
/// insertion point: operands of the same types, or empty tensors where every
/// result is a static tensor (tensor dialect loaded).
using Replacement = std::function<SmallVector<Value>(OpBuilder &, Operation *)>;
SmallVector<Replacement> getReplacements(Operation *op);

/// Whether `op` verifies, without reporting why not.
bool verifiesQuietly(Operation *op);

/// The outermost builtin.module around `op`.
ModuleOp getTopModule(Operation *op);

/// Applies `change` to a copy of `top` (`mapping` takes each operation of
/// `top` to its copy); the change returns false when it does not apply.
/// Returns whether the copy verifies, the test finds it interesting and it
/// is smaller than `bestSize` (`strict`) or no larger, and then updates
/// `bestSize`.
bool tryOnCopy(const Tester &tester, ModuleOp top,
               function_ref<bool(IRMapping &mapping)> change, size_t &bestSize,
               bool strict);

/// The same for a change of the copy of one operation `op`.
bool tryOnCopy(const Tester &tester, ModuleOp top, Operation *op,
               function_ref<bool(Operation *)> change, size_t &bestSize,
               bool strict);

} // namespace mlir::pool::reduce

#endif // POOL_LIB_REDUCER_REDUCTIONUTILS_H
