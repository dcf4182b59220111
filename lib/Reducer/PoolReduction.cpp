//===- PoolReduction.cpp - pool-reduce's reduction patterns ---------------===//
//
// mlir-reduce's reduction-tree pass first erases whatever operations the
// interestingness test does not need, then applies each dialect's reduction
// patterns to what is left. For a pool op, "simpler" means fewer features in
// play: no op at all, or the same result type from fewer attributes.
//
// Every candidate keeps the program valid: it replaces the op by a value of
// the same type (its input, or a tensor.empty), or changes attributes so that
// the op still verifies with the same result type; kernel sizes that keep the
// output size are found by searching with the shared window arithmetic
// (computeOutputSize), not by formulas of their own. Which candidates keep
// the program interesting is decided by running the test on a copy of the
// module, candidate by candidate, so that one rejected simplification does
// not hide the others (a plain pattern could only try the first).
//
//===----------------------------------------------------------------------===//

#include "pool/Reducer/PoolReduction.h"

#include "ReductionUtils.h"

#include "pool/Dialect/Pool/IR/PoolDialect.h"
#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Utils/WindowArith.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Reducer/ReductionPatternInterface.h"
#include "mlir/Reducer/Tester.h"

#include <functional>

using namespace mlir;
using namespace mlir::pool;

namespace {

/// One attribute simplification, applied to an op in place. Returns false
/// when it does not apply or would change nothing.
struct Simplification {
  StringLiteral name;
  std::function<bool(Operation *)> apply;
};

ArrayRef<int64_t> getArray(Operation *op, StringRef name) {
  if (auto attr = op->getAttrOfType<DenseI64ArrayAttr>(name))
    return attr.asArrayRef();
  return {};
}

void setArray(Operation *op, StringRef name, ArrayRef<int64_t> values) {
  op->setAttr(name, DenseI64ArrayAttr::get(op->getContext(), values));
}

/// The static spatial input sizes of a local pool op, or nothing.
std::optional<SmallVector<int64_t>> getStaticSpatialSizes(PoolOpInterface op) {
  PoolSpec spec = op.getSpec();
  auto type = cast<RankedTensorType>(op.getInput().getType());
  int64_t rank = getSpatialRank(spec, type.getRank());
  SmallVector<int64_t> sizes;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t size = type.getDimSize(getSpatialDim(spec.layout, i));
    if (ShapedType::isDynamic(size))
      return std::nullopt;
    sizes.push_back(size);
  }
  return sizes;
}

/// The output size of window `w` on `in` elements (shared arithmetic).
std::optional<int64_t> outputSize(const WindowDim &w, int64_t in) {
  CheckedArith d;
  int64_t out = computeOutputSize(d, in, w);
  if (d.overflow)
    return std::nullopt;
  return out;
}

/// The kernel size, largest first from `maxKernel` down to 1, for which `w`
/// (with that kernel) gives `wantOut` outputs on `in` elements.
std::optional<int64_t> findKernel(WindowDim w, int64_t in, int64_t wantOut,
                                  int64_t maxKernel) {
  for (int64_t k = maxKernel; k >= 1; --k) {
    w.kernel = k;
    w.span = (k - 1) * w.dilation + 1;
    if (outputSize(w, in) == wantOut)
      return k;
  }
  return std::nullopt;
}

/// The attribute simplifications tried on local ops, in order. Each one
/// reads the op's current window through getSpec, so that they compose.
SmallVector<Simplification> getLocalSimplifications() {
  SmallVector<Simplification> result;

  // ceil_mode off (the verifier rejects it where the output size changes).
  result.push_back({"ceil_mode = false", [](Operation *op) {
                      if (!op->getAttrOfType<BoolAttr>("ceil_mode"))
                        return false;
                      op->removeAttr("ceil_mode");
                      return true;
                    }});

  // Dilation folded into a dense window of the same span.
  result.push_back({"no dilations", [](Operation *op) {
                      ArrayRef<int64_t> dilations = getArray(op, "dilations");
                      if (dilations.empty())
                        return false;
                      PoolSpec spec = cast<PoolOpInterface>(op).getSpec();
                      SmallVector<int64_t> kernel;
                      for (const WindowDim &w : getWindowDims(spec))
                        kernel.push_back(w.span);
                      setArray(op, "kernel", kernel);
                      if (!op->getAttr("strides"))
                        setArray(op, "strides",
                                 spec.strides.empty() ? ArrayRef(spec.kernel)
                                                      : ArrayRef(spec.strides));
                      op->removeAttr("dilations");
                      return true;
                    }});

  // `same`/`valid` padding as the explicit padding it amounts to.
  result.push_back({"explicit padding", [](Operation *op) {
                      auto poolOp = cast<PoolOpInterface>(op);
                      PoolSpec spec = poolOp.getSpec();
                      if (spec.autoPad == AutoPad::Explicit)
                        return false;
                      auto sizes = getStaticSpatialSizes(poolOp);
                      if (!sizes)
                        return false;
                      SmallVector<WindowDim> dims = getWindowDims(spec);
                      SmallVector<int64_t> begins, ends;
                      CheckedArith d;
                      for (auto [w, in] : llvm::zip(dims, *sizes)) {
                        begins.push_back(computePadBegin(d, in, w));
                        ends.push_back(computePadEnd(d, in, w));
                      }
                      if (d.overflow)
                        return false;
                      op->removeAttr("auto_pad");
                      if (llvm::any_of(begins, [](int64_t p) { return p; }) ||
                          llvm::any_of(ends, [](int64_t p) { return p; })) {
                        begins.append(ends);
                        setArray(op, "padding", begins);
                      }
                      return true;
                    }});

  // No padding, the kernel shrunk so that the output size stays.
  result.push_back(
      {"no padding", [](Operation *op) {
         auto poolOp = cast<PoolOpInterface>(op);
         PoolSpec spec = poolOp.getSpec();
         if (spec.autoPad != AutoPad::Explicit ||
             getArray(op, "padding").empty())
           return false;
         auto sizes = getStaticSpatialSizes(poolOp);
         if (!sizes)
           return false;
         SmallVector<int64_t> kernel;
         for (auto [w, in] : llvm::zip(getWindowDims(spec), *sizes)) {
           std::optional<int64_t> out = outputSize(w, in);
           WindowDim unpadded = w;
           unpadded.padBegin = unpadded.padEnd = 0;
           std::optional<int64_t> k =
               out ? findKernel(unpadded, in, *out, w.kernel) : std::nullopt;
           if (!k)
             return false;
           kernel.push_back(*k);
         }
         if (!op->getAttr("strides"))
           setArray(op, "strides", spec.kernel);
         setArray(op, "kernel", kernel);
         op->removeAttr("padding");
         op->removeAttr("count_include_pad");
         return true;
       }});

  // Unit strides, the kernel grown so that the output size stays.
  result.push_back(
      {"unit strides", [](Operation *op) {
         auto poolOp = cast<PoolOpInterface>(op);
         PoolSpec spec = poolOp.getSpec();
         if (spec.autoPad != AutoPad::Explicit || spec.ceilMode)
           return false;
         auto sizes = getStaticSpatialSizes(poolOp);
         if (!sizes)
           return false;
         SmallVector<WindowDim> dims = getWindowDims(spec);
         if (llvm::all_of(dims,
                          [](const WindowDim &w) { return w.stride == 1; }))
           return false;
         SmallVector<int64_t> kernel;
         for (auto [w, in] : llvm::zip(dims, *sizes)) {
           std::optional<int64_t> out = outputSize(w, in);
           WindowDim unit = w;
           unit.stride = 1;
           std::optional<int64_t> k =
               out ? findKernel(unit, in, *out, in + w.padBegin + w.padEnd)
                   : std::nullopt;
           if (!k)
             return false;
           kernel.push_back(*k);
         }
         setArray(op, "kernel", kernel);
         setArray(op, "strides", SmallVector<int64_t>(kernel.size(), 1));
         return true;
       }});

  // Strides written out that equal the default (the kernel) are dropped.
  result.push_back({"default strides", [](Operation *op) {
                      ArrayRef<int64_t> strides = getArray(op, "strides");
                      if (strides.empty() || strides != getArray(op, "kernel"))
                        return false;
                      op->removeAttr("strides");
                      return true;
                    }});

  // count_include_pad off.
  result.push_back({"count_include_pad = false", [](Operation *op) {
                      if (!op->getAttrOfType<BoolAttr>("count_include_pad"))
                        return false;
                      op->removeAttr("count_include_pad");
                      return true;
                    }});
  return result;
}

/// Tries each replacement, then each attribute simplification, of a pool op
/// on a copy of the module, keeps those after which the test still finds
/// the module interesting and no larger, and applies them to the op.
struct ReducePoolOp : public OpInterfaceRewritePattern<PoolOpInterface> {
  ReducePoolOp(MLIRContext *context, const Tester &tester)
      : OpInterfaceRewritePattern(context), tester(tester) {}

  LogicalResult matchAndRewrite(PoolOpInterface poolOp,
                                PatternRewriter &rewriter) const override {
    Operation *op = poolOp.getOperation();
    ModuleOp top = reduce::getTopModule(op);
    if (!top || top == op)
      return failure();
    std::pair<Tester::Interestingness, size_t> base = tester.isInteresting(top);
    if (base.first != Tester::Interestingness::True)
      return failure();
    size_t bestSize = base.second;

    for (const reduce::Replacement &replacement : reduce::getReplacements(op)) {
      auto replace = [&](Operation *copyOp) {
        OpBuilder b(copyOp);
        copyOp->replaceAllUsesWith(replacement(b, copyOp));
        copyOp->erase();
        return true;
      };
      if (reduce::tryOnCopy(tester, top, op, replace, bestSize,
                            /*strict=*/true)) {
        rewriter.setInsertionPoint(op);
        rewriter.replaceOp(op, replacement(rewriter, op));
        return success();
      }
    }

    if (!isa<MaxOp, AvgOp>(op))
      return failure();
    SmallVector<Simplification> simplifications = getLocalSimplifications();
    SmallVector<const Simplification *> kept;
    auto applyKept = [&](Operation *target) {
      for (const Simplification *s : kept)
        (void)s->apply(target);
    };
    for (const Simplification &s : simplifications) {
      auto simplify = [&](Operation *copyOp) {
        applyKept(copyOp);
        return s.apply(copyOp);
      };
      if (reduce::tryOnCopy(tester, top, op, simplify, bestSize,
                            /*strict=*/false))
        kept.push_back(&s);
    }
    if (kept.empty())
      return failure();
    // A new op: the greedy driver of the reduction tree revisits only the
    // ops that existed, so the result is not tested all over again.
    Operation *simplified = rewriter.clone(*op);
    applyKept(simplified);
    rewriter.replaceOp(op, simplified->getResults());
    return success();
  }

private:
  const Tester &tester;
};

struct PoolReductionPatternInterface : public DialectReductionPatternInterface {
  PoolReductionPatternInterface(Dialect *dialect)
      : DialectReductionPatternInterface(dialect) {}

  void populateReductionPatterns(RewritePatternSet &) const override {}

  void populateReductionPatternsWithTester(RewritePatternSet &patterns,
                                           Tester &tester) const override {
    patterns.add<ReducePoolOp>(patterns.getContext(), tester);
  }
};

} // namespace

void mlir::pool::registerPoolReductionInterface(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *, PoolDialect *dialect) {
    dialect->addInterfaces<PoolReductionPatternInterface>();
  });
}
