//===- PoolToAffine.h - Pool ops to affine loop nests -----------*- C++ -*-===//

#ifndef POOL_CONVERSION_POOLTOAFFINE_POOLTOAFFINE_H
#define POOL_CONVERSION_POOLTOAFFINE_POOLTOAFFINE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewriterBase;
namespace pool {
class PoolOpInterface;

#define GEN_PASS_DECL_CONVERTPOOLTOAFFINE
#include "pool/Conversion/Passes.h.inc"

/// Lowers one pool op to affine loop nests and replaces it; returns the
/// result (a bufferization.to_tensor of the output buffer). Fails, leaving
/// the IR unchanged and `why` set, for an op the nests cannot express.
FailureOr<Value> lowerPoolOpToAffine(RewriterBase &rewriter, PoolOpInterface op,
                                     bool assertWindowFits, std::string &why);
} // namespace pool

} // namespace mlir

#endif // POOL_CONVERSION_POOLTOAFFINE_POOLTOAFFINE_H
