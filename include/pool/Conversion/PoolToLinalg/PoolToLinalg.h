//===- PoolToLinalg.h - Lower pool ops to linalg ----------------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOLINALG_POOLTOLINALG_H
#define POOL_CONVERSION_POOLTOLINALG_POOLTOLINALG_H

#include "pool/Dialect/Pool/Utils/WindowArith.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
class RewriterBase;
namespace pool {

#define GEN_PASS_DECL_CONVERTPOOLTOLINALG
#include "pool/Conversion/Passes.h.inc"

/// Adds the patterns that lower every pool op to linalg on tensors. With
/// `assertWindowFits`, dynamic spatial sizes are checked at run time.
void populatePoolToLinalgPatterns(RewritePatternSet &patterns,
                                  bool assertWindowFits = true);

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
/// for local pooling, smaller than the window including padding. Shared by
/// every CPU lowering.
void emitPoolShapeChecks(OpBuilder &b, Location loc, const PoolSpec &spec,
                         ArrayRef<Value> inSizes);

} // namespace pool
} // namespace mlir

#endif // POOL_CONVERSION_POOLTOLINALG_POOLTOLINALG_H
