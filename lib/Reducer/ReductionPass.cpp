//===- ReductionPass.cpp - pool-reduce's reduction pass -------------------===//
//
// Rounds of erase (dead operations, by halves), replace (results by an
// operand or an empty tensor) and simplify (the dialects' reduction
// patterns), each candidate verified and tested on a copy of the module.
//
//===----------------------------------------------------------------------===//

#include "pool/Reducer/PoolReduction.h"

#include "ReductionUtils.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Reducer/ReductionPatternInterface.h"
#include "mlir/Reducer/Tester.h"
#include "mlir/Rewrite/FrozenRewritePatternSet.h"
#include "mlir/Rewrite/PatternApplicator.h"

#include "llvm/Support/FileSystem.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLREDUCTION
#include "pool/Reducer/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

namespace {

using ReductionInterfaces =
    DialectInterfaceCollection<DialectReductionPatternInterface>;

/// Whether erasing `op` leaves no dangling use: no result used, no symbol
/// referenced, and not the terminator its block needs.
bool isDead(Operation *op, ModuleOp module) {
  if (op == module.getOperation() || op->hasTrait<OpTrait::IsTerminator>())
    return false;
  if (!op->use_empty())
    return false;
  if (isa<SymbolOpInterface>(op) &&
      !SymbolTable::symbolKnownUseEmpty(op, module))
    return false;
  return true;
}

/// The dead operations, in program order (nested ones after their parent).
SmallVector<Operation *> collectDead(ModuleOp module) {
  SmallVector<Operation *> dead;
  module->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isDead(op, module))
      dead.push_back(op);
  });
  return dead;
}

/// Those of `ops` that no other of `ops` holds: erasing them erases all.
SmallVector<Operation *> getOutermost(ArrayRef<Operation *> ops) {
  DenseSet<Operation *> set(ops.begin(), ops.end());
  SmallVector<Operation *> outermost;
  for (Operation *op : ops) {
    bool nested = false;
    for (Operation *p = op->getParentOp(); p && !nested; p = p->getParentOp())
      nested = set.contains(p);
    if (!nested)
      outermost.push_back(op);
  }
  return outermost;
}

struct PoolReductionPass
    : public pool::impl::PoolReductionBase<PoolReductionPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (testScript.empty()) {
      module.emitError() << "pool-reduction needs an interestingness test: "
                            "pool-reduction{test=PATH}";
      return signalPassFailure();
    }
    // The tester aborts the process when the script cannot be started.
    if (!llvm::sys::fs::can_execute(testScript)) {
      module.emitError() << "pool-reduction: the interestingness test '"
                         << testScript << "' is not an executable file";
      return signalPassFailure();
    }
    std::vector<std::string> args(testArgs.begin(), testArgs.end());
    Tester tester(testScript, args);
    std::pair<Tester::Interestingness, size_t> base =
        tester.isInteresting(module);
    if (base.first != Tester::Interestingness::True) {
      module.emitError() << "the input is not interesting: '" << testScript
                         << "' exits with status 0 on it (a non-zero "
                            "status marks an interesting program)";
      return signalPassFailure();
    }
    size = base.second;

    RewritePatternSet patternSet(&getContext());
    for (const DialectReductionPatternInterface &interface :
         ReductionInterfaces(&getContext())) {
      interface.populateReductionPatterns(patternSet);
      interface.populateReductionPatternsWithTester(patternSet, tester);
    }
    FrozenRewritePatternSet patterns(std::move(patternSet));

    for (unsigned round = 0; round < maxRounds; ++round) {
      bool changed = eraseDead(module, tester);
      changed |= replaceResults(module, tester);
      changed |= simplify(module, tester, patterns);
      if (!changed)
        break;
    }
  }

private:
  /// Erases dead operations until none can go: all of them at once, else
  /// by halves (ddmin's splitting), later ones first.
  bool eraseDead(ModuleOp module, const Tester &tester) {
    bool changed = false;
    for (;;) {
      gone.clear();
      SmallVector<Operation *> dead = collectDead(module);
      std::reverse(dead.begin(), dead.end());
      if (dead.empty() || !eraseSome(module, tester, dead))
        return changed;
      changed = true;
    }
  }

  /// Tries to erase `ops` together, else each half; returns whether any
  /// were erased.
  bool eraseSome(ModuleOp module, const Tester &tester,
                 ArrayRef<Operation *> ops) {
    SmallVector<Operation *> outermost = getOutermost(ops);
    auto eraseAll = [&](IRMapping &mapping) {
      for (Operation *op : outermost) {
        Operation *copy = mapping.lookup(op);
        if (!copy->use_empty())
          return false;
        copy->erase();
      }
      return true;
    };
    if (reduce::tryOnCopy(tester, module, eraseAll, size, /*strict=*/true)) {
      for (Operation *op : outermost) {
        op->walk([&](Operation *nested) { gone.insert(nested); });
        op->erase();
      }
      return true;
    }
    if (ops.size() == 1)
      return false;
    size_t half = ops.size() / 2;
    // The halves are tried in turn: after the first, the second may hold
    // operations erased with it, or whose user was kept.
    bool first = eraseSome(module, tester, ops.take_front(half));
    SmallVector<Operation *> rest;
    for (Operation *op : ops.drop_front(half))
      if (!gone.contains(op) && isDead(op, module))
        rest.push_back(op);
    bool second = !rest.empty() && eraseSome(module, tester, rest);
    return first || second;
  }

  /// Replaces the results of each operation by an operand of the same type
  /// or empty tensors, and erases the operation.
  bool replaceResults(ModuleOp module, const Tester &tester) {
    // Pre-order, then reversed: nested operations before the operation that
    // holds them, which erasing frees them with.
    SmallVector<Operation *> ops;
    module->walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (op == module.getOperation() || op->use_empty() ||
          op->hasTrait<OpTrait::ConstantLike>() || isa<tensor::EmptyOp>(op))
        return;
      ops.push_back(op);
    });
    bool changed = false;
    // Later operations first: their operands' producers stay in place.
    for (Operation *op : llvm::reverse(ops)) {
      for (const reduce::Replacement &replacement :
           reduce::getReplacements(op)) {
        auto replace = [&](Operation *copyOp) {
          OpBuilder b(copyOp);
          copyOp->replaceAllUsesWith(replacement(b, copyOp));
          copyOp->erase();
          return true;
        };
        if (!reduce::tryOnCopy(tester, module, op, replace, size,
                               /*strict=*/true))
          continue;
        OpBuilder b(op);
        op->replaceAllUsesWith(replacement(b, op));
        op->erase();
        changed = true;
        break;
      }
    }
    return changed;
  }

  /// Applies the dialects' reduction patterns once to every operation. Not
  /// through the greedy driver: it erases dead operations untested, and
  /// the test may need them.
  bool simplify(ModuleOp module, const Tester &tester,
                const FrozenRewritePatternSet &patterns) {
    SmallVector<Operation *> ops;
    module->walk([&](Operation *op) {
      if (op != module.getOperation())
        ops.push_back(op);
    });
    PatternApplicator applicator(patterns);
    applicator.applyDefaultCostModel();
    ErasureTracker erased;
    TrackingRewriter rewriter(&getContext(), &erased);
    bool changed = false;
    for (Operation *op : ops) {
      if (erased.ops.contains(op))
        continue;
      rewriter.setInsertionPoint(op);
      changed |= succeeded(applicator.matchAndRewrite(op, rewriter));
    }
    if (changed)
      size = tester.isInteresting(module).second;
    return changed;
  }

  /// Records the operations a rewrite erases.
  struct ErasureTracker : public RewriterBase::Listener {
    void notifyOperationErased(Operation *op) override {
      op->walk([&](Operation *nested) { ops.insert(nested); });
    }
    DenseSet<Operation *> ops;
  };
  struct TrackingRewriter : public PatternRewriter {
    TrackingRewriter(MLIRContext *context, Listener *listener)
        : PatternRewriter(context, listener) {}
  };

  /// The printed size of the module so far.
  size_t size = 0;
  /// What eraseDead erased in its current step.
  DenseSet<Operation *> gone;
};

} // namespace
