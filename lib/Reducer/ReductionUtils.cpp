//===- ReductionUtils.cpp - Candidates shared by pool-reduce's reducers ---===//

#include "ReductionUtils.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;
using namespace mlir::pool::reduce;

SmallVector<Replacement> mlir::pool::reduce::getReplacements(Operation *op) {
  SmallVector<Replacement> result;
  if (op->getNumResults() == 0)
    return result;

  // Operands standing for results of the same types.
  SmallVector<unsigned> operandIndices;
  for (Type type : op->getResultTypes()) {
    auto it = llvm::find_if(op->getOperands(),
                            [&](Value v) { return v.getType() == type; });
    if (it == op->operand_end())
      break;
    operandIndices.push_back(it - op->operand_begin());
  }
  if (operandIndices.size() == op->getNumResults())
    result.push_back([operandIndices](OpBuilder &, Operation *target) {
      SmallVector<Value> values;
      for (unsigned i : operandIndices)
        values.push_back(target->getOperand(i));
      return values;
    });

  // Empty tensors.
  bool allStaticTensors = llvm::all_of(op->getResultTypes(), [](Type type) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && tensor.hasStaticShape() && !tensor.getEncoding();
  });
  if (allStaticTensors &&
      op->getContext()->getLoadedDialect<tensor::TensorDialect>())
    result.push_back([](OpBuilder &b, Operation *target) {
      SmallVector<Value> values;
      for (Type type : target->getResultTypes()) {
        auto tensor = cast<RankedTensorType>(type);
        values.push_back(tensor::EmptyOp::create(
            b, target->getLoc(), tensor.getShape(), tensor.getElementType()));
      }
      return values;
    });
  return result;
}

bool mlir::pool::reduce::verifiesQuietly(Operation *op) {
  ScopedDiagnosticHandler quiet(op->getContext(),
                                [](Diagnostic &) { return success(); });
  return succeeded(verify(op));
}

ModuleOp mlir::pool::reduce::getTopModule(Operation *op) {
  ModuleOp top = dyn_cast<ModuleOp>(op);
  for (Operation *p = op->getParentOp(); p; p = p->getParentOp())
    if (auto module = dyn_cast<ModuleOp>(p))
      top = module;
  return top;
}

bool mlir::pool::reduce::tryOnCopy(
    const Tester &tester, ModuleOp top,
    function_ref<bool(IRMapping &mapping)> change, size_t &bestSize,
    bool strict) {
  IRMapping mapping;
  auto copy = cast<ModuleOp>(top->clone(mapping));
  bool keep = false;
  if (change(mapping) && verifiesQuietly(copy)) {
    std::pair<Tester::Interestingness, size_t> result =
        tester.isInteresting(copy);
    keep = result.first == Tester::Interestingness::True &&
           (strict ? result.second < bestSize : result.second <= bestSize);
    if (keep)
      bestSize = result.second;
  }
  copy->erase();
  return keep;
}

bool mlir::pool::reduce::tryOnCopy(const Tester &tester, ModuleOp top,
                                   Operation *op,
                                   function_ref<bool(Operation *)> change,
                                   size_t &bestSize, bool strict) {
  return tryOnCopy(
      tester, top,
      [&](IRMapping &mapping) { return change(mapping.lookup(op)); }, bestSize,
      strict);
}
