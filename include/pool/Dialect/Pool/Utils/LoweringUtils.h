//===- LoweringUtils.h - Helpers shared by the pool lowerings ---*- C++ -*-===//
//
// What every lowering of pool ops (linalg, vector, and those to come) needs
// besides the window arithmetic: the accumulator type, the reduction's
// neutral value, the run-time shape checks and the replacement of the op.
// Like WindowArith.h, this depends on the enums alone, not on the dialect.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_DIALECT_POOL_UTILS_LOWERINGUTILS_H
#define POOL_DIALECT_POOL_UTILS_LOWERINGUTILS_H

#include "pool/Dialect/Pool/Utils/WindowArith.h"

namespace mlir {
class RewriterBase;
namespace pool {

/// Replaces the pool op `op` by `result`, cast to the op's result type
/// where the lowering computed a more static one.
void replacePoolOp(RewriterBase &rewriter, Operation *op, Value result);

/// The type pool reductions accumulate `elemType` in: f32 for f16 and
/// bf16 (averages for accuracy, maxima so that no 16-bit float arithmetic
/// reaches LLVM, which lowers bf16 operations to library calls such as
/// __truncsfbf2 on CPUs without native bf16), the element type otherwise.
Type getPoolAccumulatorType(Type elemType);

/// The identity of a pool reduction of `type`: -inf (the integer minimum)
/// for maxima, 0 for sums.
Value createPoolNeutral(OpBuilder &b, Location loc, Type type, bool isMax);

/// Emits `cf.assert`s that fail at run time, with a message naming the op
/// and the dimension, when a dynamic spatial size in `inSizes` is empty or,
/// for local pooling, smaller than the window including padding.
void emitPoolShapeChecks(OpBuilder &b, Location loc, const PoolSpec &spec,
                         ArrayRef<Value> inSizes);

/// The permutation of a transpose between channels-first and channels-last
/// data of `rank` dimensions: [0, 2, ..., rank - 1, 1] to channels-last,
/// [0, rank - 1, 1, ..., rank - 2] back (TOSA and linalg producers wrap
/// NHWC pooling in these).
SmallVector<int64_t> getLayoutPermutation(int64_t rank, bool toChannelsLast);

/// `value` as `type`, through a tensor.cast where the static sizes differ.
Value castToType(OpBuilder &b, Location loc, Value value, Type type);

} // namespace pool
} // namespace mlir

#endif // POOL_DIALECT_POOL_UTILS_LOWERINGUTILS_H
