//===- Check.h - Check pool programs against the reference ------*- C++ -*-===//

#ifndef POOL_TOOLS_POOLRUN_CHECK_H
#define POOL_TOOLS_POOLRUN_CHECK_H

#include "HostTensor.h"

#include "pool/Reference/Reference.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace mlir::pool {
class PoolOpInterface;
} // namespace mlir::pool

namespace pool_run {

/// The reference's description of a pool op, read from its attributes.
poolref::Config getReferenceConfig(mlir::pool::PoolOpInterface op);

/// Evaluates `func` on `inputs` with the reference implementation. The
/// function may hold pool ops, tensor.cast and func.return; intermediate
/// results are rounded to their element type, as the compiled code does.
mlir::LogicalResult evaluateReference(mlir::func::FuncOp func,
                                      llvm::ArrayRef<HostTensor> inputs,
                                      std::vector<HostTensor> &outputs,
                                      std::string &error);

/// How far the compiled results may stray from the reference: max ops must
/// be exact, averages within `atol + rtol * |expected|`.
struct Tolerance {
  double rtol = 0, atol = 0;
};
/// The tolerance for averages in `kind` (docs/lowering.md explains it).
Tolerance getAverageTolerance(ElemKind kind);

struct Comparison {
  int64_t mismatches = 0;
  double maxAbsError = 0;
  std::string firstMismatch;
  bool ok() const { return mismatches == 0; }
};
/// Compares element by element (NaN matches NaN, infinities match exactly).
Comparison compare(const HostTensor &got, const HostTensor &want,
                   Tolerance tol);

} // namespace pool_run

#endif // POOL_TOOLS_POOLRUN_CHECK_H
