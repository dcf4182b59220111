//===- PoolTransformOps.cpp - transform.pool.* ops ------------------------===//
//
// Each op lowers (or decomposes) the pool ops its handle points to with the
// same code as the passes, through a rewriter whose listener forwards to the
// transform interpreter's (so that other handles stay valid) and records
// what was made, which becomes the result handle.
//
//===----------------------------------------------------------------------===//

#include "pool/Dialect/Pool/TransformOps/PoolTransformOps.h"

#include "pool/Conversion/PoolToAffine/PoolToAffine.h"
#include "pool/Conversion/PoolToLinalg/PoolToLinalg.h"
#include "pool/Conversion/PoolToVector/PoolToVector.h"
#include "pool/Dialect/Pool/IR/PoolDialect.h"
#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Rewrite/FrozenRewritePatternSet.h"
#include "mlir/Rewrite/PatternApplicator.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace mlir::pool;

#define GET_OP_CLASSES
#include "pool/Dialect/Pool/TransformOps/PoolTransformOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared driver
//===----------------------------------------------------------------------===//

namespace {
/// Forwards every notification to the transform rewriter's listener and
/// records the operations inserted (or moved) and not erased since.
struct RecordingListener : public RewriterBase::ForwardingListener {
  explicit RecordingListener(OpBuilder::Listener *real)
      : ForwardingListener(real) {}
  void notifyOperationInserted(Operation *op,
                               OpBuilder::InsertPoint previous) override {
    ForwardingListener::notifyOperationInserted(op, previous);
    inserted.insert(op);
  }
  void notifyOperationErased(Operation *op) override {
    ForwardingListener::notifyOperationErased(op);
    inserted.remove(op);
  }
  llvm::SetVector<Operation *> inserted;
};

struct RecordingRewriter : public PatternRewriter {
  explicit RecordingRewriter(MLIRContext *ctx) : PatternRewriter(ctx) {}
};

/// Lowers one pool op with `rewriter`; on failure sets `why`.
using LowerFn = function_ref<LogicalResult(
    PatternRewriter &rewriter, PoolOpInterface op, std::string &why)>;
} // namespace

/// Applies `lower` to every payload op of `target` and sets the op's result
/// to the made operations that `keep` selects.
static DiagnosedSilenceableFailure
lowerEach(transform::TransformOpInterface transformOp,
          transform::TransformRewriter &rewriter, Value target,
          transform::TransformResults &results,
          transform::TransformState &state, StringRef what, LowerFn lower,
          function_ref<bool(Operation *)> keep) {
  SmallVector<Operation *> produced;
  SmallVector<Operation *> payloads =
      llvm::to_vector(state.getPayloadOps(target));
  for (Operation *payload : payloads) {
    auto poolOp = dyn_cast<PoolOpInterface>(payload);
    if (!poolOp) {
      DiagnosedSilenceableFailure diag = transformOp.emitSilenceableError()
                                         << "expects pool ops, got '"
                                         << payload->getName() << "'";
      diag.attachNote(payload->getLoc()) << "payload op";
      return diag;
    }
    RecordingListener listener(rewriter.getListener());
    RecordingRewriter recording(payload->getContext());
    recording.setListener(&listener);
    recording.setInsertionPoint(payload);
    std::string why;
    if (failed(lower(recording, poolOp, why))) {
      DiagnosedSilenceableFailure diag = transformOp.emitSilenceableError()
                                         << "cannot " << what << ": " << why;
      diag.attachNote(payload->getLoc()) << "payload op";
      return diag;
    }
    for (Operation *op : listener.inserted)
      if (keep(op))
        produced.push_back(op);
  }
  results.set(cast<OpResult>(transformOp->getResult(0)), produced);
  return DiagnosedSilenceableFailure::success();
}

/// Whether `op` sits directly in `block`.
static bool isIn(Operation *op, Block *block) {
  return op->getBlock() == block;
}

//===----------------------------------------------------------------------===//
// lower_to_linalg
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
transform::PoolLowerToLinalgOp::apply(transform::TransformRewriter &rewriter,
                                      transform::TransformResults &results,
                                      transform::TransformState &state) {
  bool check = getAssertWindowFits();
  return lowerEach(
      *this, rewriter, getTarget(), results, state, "lower to linalg",
      [&](PatternRewriter &r, PoolOpInterface op, std::string &why) {
        if (succeeded(lowerPoolOpToLinalg(r, op, check)))
          return success();
        why = "its result sizes cannot be computed";
        return failure();
      },
      [](Operation *op) { return isa<linalg::LinalgOp>(op); });
}

//===----------------------------------------------------------------------===//
// lower_to_vector
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
transform::PoolLowerToVectorOp::apply(transform::TransformRewriter &rewriter,
                                      transform::TransformResults &results,
                                      transform::TransformState &state) {
  std::optional<PoolStrategy> strategy =
      llvm::StringSwitch<std::optional<PoolStrategy>>(getStrategy())
          .Case("auto", PoolStrategy::Auto)
          .Case("direct", PoolStrategy::Direct)
          .Case("separable", PoolStrategy::Separable)
          .Case("sliding", PoolStrategy::Sliding)
          .Default(std::nullopt);
  if (!strategy)
    return emitDefiniteFailure()
           << "strategy '" << getStrategy()
           << "' is not one of auto, direct, separable, sliding";
  int64_t bits = getVectorBits();
  if (bits < 0 || bits % 8 != 0 || bits > 4096)
    return emitDefiniteFailure()
           << "vector_bits = " << bits
           << " must be 0 (the target CPU's) or a multiple of 8 up to 4096";
  std::string error;
  FailureOr<VectorTarget> target = getVectorTarget(getTargetCpu(), error);
  if (failed(target))
    return emitDefiniteFailure() << "target_cpu: " << error;
  if (bits)
    target->vectorBits = bits;
  RewritePatternSet patterns(getContext());
  populatePoolToVectorPatterns(patterns, *target, *strategy,
                               getAssertWindowFits());
  FrozenRewritePatternSet frozen(std::move(patterns));
  PatternApplicator applicator(frozen);
  applicator.applyDefaultCostModel();
  Block *block = nullptr;
  return lowerEach(
      *this, rewriter, getTarget(), results, state, "lower to vector loops",
      [&](PatternRewriter &r, PoolOpInterface op, std::string &why) {
        block = op->getBlock();
        if (succeeded(applicator.matchAndRewrite(op, r)))
          return success();
        why = "the vector lowering declines this op";
        return failure();
      },
      [&](Operation *op) { return isIn(op, block); });
}

//===----------------------------------------------------------------------===//
// lower_to_affine
//===----------------------------------------------------------------------===//

DiagnosedSilenceableFailure
transform::PoolLowerToAffineOp::apply(transform::TransformRewriter &rewriter,
                                      transform::TransformResults &results,
                                      transform::TransformState &state) {
  bool check = getAssertWindowFits();
  return lowerEach(
      *this, rewriter, getTarget(), results, state, "lower to affine loops",
      [&](PatternRewriter &r, PoolOpInterface op, std::string &why) {
        return LogicalResult(lowerPoolOpToAffine(r, op, check, why));
      },
      [](Operation *op) {
        return isa<affine::AffineForOp>(op) &&
               !op->getParentOfType<affine::AffineForOp>();
      });
}

//===----------------------------------------------------------------------===//
// decompose
//===----------------------------------------------------------------------===//

/// The pool op pooling spatial dimension `dim` of `input` only, with the
/// window of `op` along it.
static FailureOr<Operation *> buildOneDimension(PatternRewriter &rewriter,
                                                Operation *op, Value input,
                                                int64_t dim, int64_t n) {
  auto attr = [&](StringRef name) {
    auto array = op->getAttrOfType<DenseI64ArrayAttr>(name);
    return array ? SmallVector<int64_t>(array.asArrayRef())
                 : SmallVector<int64_t>();
  };
  SmallVector<int64_t> kernel = attr("kernel"), strides = attr("strides"),
                       dilations = attr("dilations"), padding = attr("padding");
  if (strides.empty())
    strides = kernel;
  SmallVector<int64_t> k(n, 1), s(n, 1), d(n, 1), p(2 * n, 0);
  k[dim] = kernel[dim];
  s[dim] = strides[dim];
  if (!dilations.empty())
    d[dim] = dilations[dim];
  if (!padding.empty()) {
    p[dim] = padding[dim];
    p[n + dim] = padding[n + dim];
  }
  Operation *one = rewriter.clone(*op);
  MLIRContext *ctx = op->getContext();
  one->setOperand(0, input);
  one->setAttr("kernel", DenseI64ArrayAttr::get(ctx, k));
  one->setAttr("strides", DenseI64ArrayAttr::get(ctx, s));
  if (!dilations.empty())
    one->setAttr("dilations", DenseI64ArrayAttr::get(ctx, d));
  if (!padding.empty())
    one->setAttr("padding", DenseI64ArrayAttr::get(ctx, p));
  SmallVector<Type> types;
  if (failed(inferPoolResultTypes(std::nullopt,
                                  cast<PoolOpInterface>(one).getSpec(),
                                  input.getType(), types))) {
    rewriter.eraseOp(one);
    return failure();
  }
  one->getResult(0).setType(types.front());
  return one;
}

DiagnosedSilenceableFailure
transform::PoolDecomposeOp::apply(transform::TransformRewriter &rewriter,
                                  transform::TransformResults &results,
                                  transform::TransformState &state) {
  if (getKind() != "separable")
    return emitDefiniteFailure()
           << "kind '" << getKind() << "' is not 'separable'";
  return lowerEach(
      *this, rewriter, getTarget(), results, state, "decompose",
      [&](PatternRewriter &r, PoolOpInterface op, std::string &why) {
        PoolSpec spec = op.getSpec();
        auto type = cast<RankedTensorType>(op.getInput().getType());
        int64_t n = getSpatialRank(spec, type.getRank());
        if (!spec.isLocal()) {
          why = "only local pool.max and pool.avg have windows to separate";
          return failure();
        }
        if (n < 2) {
          why = "it has one spatial dimension: nothing to separate";
          return failure();
        }
        if (spec.autoPad == AutoPad::SameUpper ||
            spec.autoPad == AutoPad::SameLower) {
          why = "`same` padding depends on the input size; make it explicit "
                "first";
          return failure();
        }
        Value current = op.getInput();
        for (int64_t dim = n - 1; dim >= 0; --dim) {
          FailureOr<Operation *> one =
              buildOneDimension(r, op, current, dim, n);
          if (failed(one)) {
            why = "a one-dimensional window does not verify";
            return failure();
          }
          current = (*one)->getResult(0);
        }
        if (current.getType() != op->getResult(0).getType())
          current = tensor::CastOp::create(r, op.getLoc(),
                                           op->getResult(0).getType(), current);
        r.replaceOp(op, current);
        return success();
      },
      [](Operation *op) { return isa<PoolOpInterface>(op); });
}

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

namespace {
class PoolTransformDialectExtension
    : public transform::TransformDialectExtension<
          PoolTransformDialectExtension> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(PoolTransformDialectExtension)

  using Base::Base;

  void init() {
    declareDependentDialect<PoolDialect>();
    declareGeneratedDialect<affine::AffineDialect>();
    declareGeneratedDialect<arith::ArithDialect>();
    declareGeneratedDialect<bufferization::BufferizationDialect>();
    declareGeneratedDialect<cf::ControlFlowDialect>();
    declareGeneratedDialect<linalg::LinalgDialect>();
    declareGeneratedDialect<memref::MemRefDialect>();
    declareGeneratedDialect<scf::SCFDialect>();
    declareGeneratedDialect<tensor::TensorDialect>();
    declareGeneratedDialect<vector::VectorDialect>();
    registerTransformOps<
#define GET_OP_LIST
#include "pool/Dialect/Pool/TransformOps/PoolTransformOps.cpp.inc"
        >();
  }
};
} // namespace

void mlir::pool::registerTransformDialectExtension(DialectRegistry &registry) {
  registry.addExtensions<PoolTransformDialectExtension>();
}
