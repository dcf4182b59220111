//===- PoolOps.cpp - Pool dialect operations ------------------------------===//

#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::pool;

#include "pool/Dialect/Pool/IR/PoolInterfaces.cpp.inc"

//===----------------------------------------------------------------------===//
// Specs from attributes
//===----------------------------------------------------------------------===//

// Reads attributes defensively (null when absent): specs are also built from
// raw attribute dictionaries during type inference.
static void readArray(DenseI64ArrayAttr attr, SmallVectorImpl<int64_t> &out,
                      bool *present = nullptr) {
  if (present)
    *present = static_cast<bool>(attr);
  if (attr)
    out.assign(attr.asArrayRef().begin(), attr.asArrayRef().end());
}

static Layout readLayout(LayoutAttr attr) {
  return attr ? attr.getValue() : Layout::ChannelsFirst;
}

static bool readBool(BoolAttr attr) { return attr && attr.getValue(); }

template <typename AdaptorT>
static PoolSpec getLocalSpec(PoolKind kind, AdaptorT a) {
  PoolSpec s;
  s.kind = kind;
  s.layout = readLayout(a.getLayoutAttr());
  readArray(a.getKernelAttr(), s.kernel);
  readArray(a.getStridesAttr(), s.strides, &s.hasStrides);
  readArray(a.getDilationsAttr(), s.dilations, &s.hasDilations);
  readArray(a.getPaddingAttr(), s.padding, &s.hasPadding);
  if (AutoPadAttr autoPad = a.getAutoPadAttr())
    s.autoPad = autoPad.getValue();
  s.ceilMode = readBool(a.getCeilModeAttr());
  return s;
}

template <typename AdaptorT>
static PoolSpec getGlobalSpec(PoolKind kind, AdaptorT a) {
  PoolSpec s;
  s.kind = kind;
  s.layout = readLayout(a.getLayoutAttr());
  s.keepDims = readBool(a.getKeepDimsAttr());
  return s;
}

template <typename AdaptorT>
static PoolSpec getAdaptiveSpec(PoolKind kind, AdaptorT a) {
  PoolSpec s;
  s.kind = kind;
  s.layout = readLayout(a.getLayoutAttr());
  readArray(a.getOutputSizeAttr(), s.outputSize);
  return s;
}

PoolSpec MaxOp::getSpec(Adaptor a) { return getLocalSpec(PoolKind::Max, a); }
PoolSpec AvgOp::getSpec(Adaptor a) {
  PoolSpec s = getLocalSpec(PoolKind::Avg, a);
  s.countIncludePad = readBool(a.getCountIncludePadAttr());
  return s;
}
PoolSpec GlobalMaxOp::getSpec(Adaptor a) {
  return getGlobalSpec(PoolKind::GlobalMax, a);
}
PoolSpec GlobalAvgOp::getSpec(Adaptor a) {
  return getGlobalSpec(PoolKind::GlobalAvg, a);
}
PoolSpec AdaptiveMaxOp::getSpec(Adaptor a) {
  return getAdaptiveSpec(PoolKind::AdaptiveMax, a);
}
PoolSpec AdaptiveAvgOp::getSpec(Adaptor a) {
  return getAdaptiveSpec(PoolKind::AdaptiveAvg, a);
}

//===----------------------------------------------------------------------===//
// Verification and type inference
//===----------------------------------------------------------------------===//

static bool isSupportedElementType(const PoolSpec &spec, Type type) {
  if (isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(type))
    return true;
  return spec.isMax() && type.isSignlessInteger() &&
         type.getIntOrFloatBitWidth() > 1;
}

/// Every attribute name of the pool ops, in the order they are printed. A
/// pool op given one it does not take was most likely written for another op.
static constexpr StringLiteral kPoolAttrNames[] = {
    "kernel",    "strides",           "dilations",   "padding", "auto_pad",
    "ceil_mode", "count_include_pad", "output_size", "layout",  "keep_dims"};

LogicalResult mlir::pool::verifyPoolOp(Operation *op) {
  auto poolOp = cast<PoolOpInterface>(op);
  PoolSpec spec = poolOp.getSpec();
  for (StringRef name : kPoolAttrNames) {
    if (!op->getDiscardableAttr(name))
      continue;
    if (name == "count_include_pad")
      return op->emitOpError()
             << "does not take 'count_include_pad': only average pooling "
                "has a divisor, and padding never takes part in a max";
    return op->emitOpError() << "does not take attribute '" << name << "'";
  }

  auto inputType = cast<RankedTensorType>(poolOp.getInput().getType());
  Type elementType = inputType.getElementType();
  if (!isSupportedElementType(spec, elementType))
    return op->emitOpError()
           << "element type " << elementType << " is not supported: "
           << (spec.isMax()
                   ? "expected f16, bf16, f32, f64 or a signless integer"
                   : "average pooling needs f16, bf16, f32 or f64");

  std::string error;
  FailureOr<SmallVector<int64_t>> shape =
      inferPoolShape(spec, inputType.getShape(), error);
  if (failed(shape))
    return op->emitOpError(error);
  auto inferred = RankedTensorType::get(*shape, elementType);
  // The lowerings compute buffer sizes in bytes with 64-bit arithmetic.
  auto tooLarge = [&](ArrayRef<int64_t> dims) {
    CheckedArith bytes;
    int64_t total =
        bytes.cst(llvm::divideCeil(elementType.getIntOrFloatBitWidth(), 8));
    for (int64_t size : dims)
      if (!ShapedType::isDynamic(size))
        total = bytes.mul(total, size);
    (void)total;
    return bytes.overflow;
  };
  if (tooLarge(inputType.getShape()))
    return op->emitOpError()
           << "input " << inputType << " would hold more than 2^63 bytes";
  if (tooLarge(inferred.getShape()))
    return op->emitOpError()
           << "result " << inferred << " would hold more than 2^63 bytes";

  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  if (resultType.getElementType() != elementType)
    return op->emitOpError()
           << "result element type " << resultType.getElementType()
           << " does not match the input element type " << elementType;
  if (resultType.getRank() != inferred.getRank())
    return op->emitOpError()
           << "result rank " << resultType.getRank()
           << " does not match the inferred result type " << inferred;
  for (int64_t d = 0, e = resultType.getRank(); d < e; ++d) {
    int64_t actual = resultType.getDimSize(d),
            expected = inferred.getDimSize(d);
    if (ShapedType::isDynamic(actual) || ShapedType::isDynamic(expected) ||
        actual == expected)
      continue;
    ResultDimSource src = getResultDimSource(spec, inputType.getRank(), d);
    InFlightDiagnostic diag = op->emitOpError()
                              << "result type " << resultType
                              << " is incompatible with the inferred type "
                              << inferred << ": dimension " << d << " ";
    if (src.role == ResultDimSource::Batch)
      diag << "(batch)";
    else if (src.role == ResultDimSource::Channel)
      diag << "(channels, input dimension " << src.inputDim << " under layout "
           << stringifyLayout(spec.layout) << ")";
    else
      diag << "(spatial dimension " << src.spatialIdx << ")";
    return diag << " is " << actual << ", expected " << expected;
  }
  return success();
}

LogicalResult
mlir::pool::inferPoolResultTypes(std::optional<Location> loc,
                                 const PoolSpec &spec, Type inputType,
                                 SmallVectorImpl<Type> &inferredReturnTypes) {
  auto tensorType = dyn_cast<RankedTensorType>(inputType);
  if (!tensorType)
    return emitOptionalError(loc, "'", getPoolOpName(spec.kind),
                             "' op expected a ranked tensor input, got ",
                             inputType);
  std::string error;
  FailureOr<SmallVector<int64_t>> shape =
      inferPoolShape(spec, tensorType.getShape(), error);
  if (failed(shape))
    return emitOptionalError(loc, "'", getPoolOpName(spec.kind), "' op ",
                             error);
  inferredReturnTypes.push_back(
      RankedTensorType::get(*shape, tensorType.getElementType()));
  return success();
}

bool mlir::pool::arePoolResultTypesCompatible(TypeRange inferred,
                                              TypeRange actual) {
  if (inferred.size() != 1 || actual.size() != 1)
    return false;
  auto a = dyn_cast<RankedTensorType>(inferred.front());
  auto b = dyn_cast<RankedTensorType>(actual.front());
  return a && b && a.getElementType() == b.getElementType() &&
         succeeded(verifyCompatibleShape(a, b));
}

LogicalResult
mlir::pool::reifyPoolResultShapes(OpBuilder &builder, PoolOpInterface op,
                                  ReifiedRankedShapedTypeDims &shapes) {
  Value input = op.getInput();
  auto inputType = cast<RankedTensorType>(input.getType());
  PoolSpec spec = op.getSpec();
  std::string error;
  FailureOr<SmallVector<int64_t>> inferred =
      inferPoolShape(spec, inputType.getShape(), error);
  if (failed(inferred))
    return failure();

  Location loc = op.getLoc();
  IndexArith arith(builder, loc);
  SmallVector<WindowDim> windows;
  if (spec.isLocal())
    windows = getWindowDims(spec);
  SmallVector<OpFoldResult> dims;
  for (auto [d, size] : llvm::enumerate(*inferred)) {
    if (!ShapedType::isDynamic(size)) {
      dims.push_back(builder.getIndexAttr(size));
      continue;
    }
    ResultDimSource src = getResultDimSource(spec, inputType.getRank(), d);
    Value inputSize =
        builder.createOrFold<tensor::DimOp>(loc, input, src.inputDim);
    if (src.role == ResultDimSource::Spatial)
      inputSize = computeOutputSize(arith, inputSize, windows[src.spatialIdx]);
    dims.push_back(getAsOpFoldResult(inputSize));
  }
  shapes.push_back(std::move(dims));
  return success();
}

//===----------------------------------------------------------------------===//
// Assembly format
//===----------------------------------------------------------------------===//

ParseResult mlir::pool::parsePoolOp(OpAsmParser &parser,
                                    OperationState &result) {
  OpAsmParser::UnresolvedOperand input;
  Type inputType, resultType;
  if (parser.parseOperand(input))
    return failure();
  // Attributes of the wrong kind (`kernel = [3, 3]`) are reported here, as
  // generated parsers do, rather than dropped.
  SMLoc attrLoc = parser.getCurrentLocation();
  if (parser.parseOptionalAttrDict(result.attributes) ||
      failed(result.name.verifyInherentAttrs(result.attributes, [&]() {
        return parser.emitError(attrLoc)
               << "'" << result.name.getStringRef() << "' op ";
      })))
    return failure();
  if (parser.parseColon() || parser.parseType(inputType) ||
      parser.parseArrow() || parser.parseType(resultType))
    return failure();
  result.addTypes(resultType);
  return parser.resolveOperand(input, inputType, result.operands);
}

/// Whether `attr` is the default value of the attribute `name`.
static bool isDefaultValue(StringRef name, Attribute attr) {
  if (name == "ceil_mode" || name == "count_include_pad" || name == "keep_dims")
    return !cast<BoolAttr>(attr).getValue();
  if (name == "auto_pad")
    return cast<AutoPadAttr>(attr).getValue() == AutoPad::Explicit;
  return false;
}

void mlir::pool::printPoolOp(OpAsmPrinter &printer, Operation *op) {
  printer << ' ' << op->getOperand(0);
  // Inherent attributes in a fixed order (kernel, strides, ..., layout), as
  // users write them, then any discardable ones.
  DictionaryAttr dict = op->getAttrDictionary();
  ArrayRef<StringAttr> inherent = op->getName().getAttributeNames();
  SmallVector<NamedAttribute> attrs;
  for (StringRef name : kPoolAttrNames) {
    auto it = llvm::find_if(inherent,
                            [&](StringAttr n) { return n.getValue() == name; });
    if (it == inherent.end())
      continue;
    if (Attribute value = dict.get(*it))
      if (!isDefaultValue(name, value))
        attrs.emplace_back(*it, value);
  }
  for (NamedAttribute attr : dict)
    if (!llvm::is_contained(inherent, attr.getName()))
      attrs.push_back(attr);
  printer.printOptionalAttrDict(attrs);
  printer << " : " << op->getOperand(0).getType() << " -> "
          << op->getResult(0).getType();
}

//===----------------------------------------------------------------------===//
// Canonicalization
//===----------------------------------------------------------------------===//

/// Replaces `op` with `value`, casting back to the op's result type when the
/// two differ (the result type may be less static than the inferred one).
static void replaceWithCast(PatternRewriter &rewriter, Operation *op,
                            Value value) {
  Type type = op->getResult(0).getType();
  if (value.getType() != type)
    value = tensor::CastOp::create(rewriter, op->getLoc(), type, value);
  rewriter.replaceOp(op, value);
}

/// Creates pool op `OpTy` on `input` with `attrs` and `resultType`.
template <typename OpTy>
static Value createPoolOp(PatternRewriter &rewriter, Location loc,
                          Type resultType, Value input,
                          ArrayRef<NamedAttribute> attrs) {
  return OpTy::create(rewriter, loc, TypeRange{resultType}, ValueRange{input},
                      attrs)
      .getResult();
}

/// The static spatial sizes of `input`, or failure if one is dynamic.
static FailureOr<SmallVector<int64_t>>
getStaticSpatialSizes(Value input, Layout layout, int64_t n) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> sizes;
  for (int64_t i = 0; i < n; ++i) {
    int64_t size = type.getDimSize(getSpatialDim(layout, i));
    if (ShapedType::isDynamic(size))
      return failure();
    sizes.push_back(size);
  }
  return sizes;
}

namespace {
/// kernel 1, stride 1, no padding: every output is its single input element.
template <typename OpTy> struct FoldIdentityPool : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    for (const WindowDim &w : getWindowDims(op.getSpec()))
      if (w.kernel != 1 || w.stride != 1 || w.padBegin != 0 || w.padEnd != 0)
        return rewriter.notifyMatchFailure(op, "not an identity window");
    // `same` padding of a 1-element window with stride 1 is 0.
    replaceWithCast(rewriter, op, op.getInput());
    return success();
  }
};

/// A global pooling over spatial size 1 reshapes its input.
template <typename OpTy> struct FoldUnitGlobalPool : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    PoolSpec spec = op.getSpec();
    Value input = op.getInput();
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    int64_t n = rank - 2;
    FailureOr<SmallVector<int64_t>> sizes =
        getStaticSpatialSizes(input, spec.layout, n);
    if (failed(sizes) || llvm::any_of(*sizes, [](int64_t s) { return s != 1; }))
      return rewriter.notifyMatchFailure(op, "spatial size is not 1");
    if (spec.keepDims) {
      replaceWithCast(rewriter, op, input);
      return success();
    }
    SmallVector<ReassociationIndices> groups;
    if (spec.layout == Layout::ChannelsFirst)
      groups = {{0}, llvm::to_vector(llvm::seq<int64_t>(1, rank))};
    else
      groups = {llvm::to_vector(llvm::seq<int64_t>(0, rank - 1)), {rank - 1}};
    Value collapsed =
        tensor::CollapseShapeOp::create(rewriter, op.getLoc(), input, groups);
    replaceWithCast(rewriter, op, collapsed);
    return success();
  }
};

/// Adaptive pooling to size 1 is a global pooling; adaptive pooling whose
/// bins are one window shifted by a constant stride (getUniformAdaptiveWindow:
/// I % O is 0, or 1 as in 15 -> 7) is that local pooling, without padding.
template <typename OpTy, typename LocalOpTy, typename GlobalOpTy>
struct AdaptiveToRegularPool : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    PoolSpec spec = op.getSpec();
    Type resultType = op.getType();
    auto layout = rewriter.getNamedAttr("layout", op.getLayoutAttr());
    if (llvm::all_of(spec.outputSize, [](int64_t s) { return s == 1; })) {
      Value global = createPoolOp<GlobalOpTy>(
          rewriter, op.getLoc(), resultType, op.getInput(),
          {layout,
           rewriter.getNamedAttr("keep_dims", rewriter.getBoolAttr(true))});
      rewriter.replaceOp(op, global);
      return success();
    }
    FailureOr<SmallVector<int64_t>> sizes = getStaticSpatialSizes(
        op.getInput(), spec.layout, spec.outputSize.size());
    if (failed(sizes))
      return rewriter.notifyMatchFailure(op, "dynamic spatial size");
    SmallVector<int64_t> kernel, strides;
    for (auto [in, out] : llvm::zip_equal(*sizes, spec.outputSize)) {
      std::optional<WindowDim> uniform = getUniformAdaptiveWindow(in, out);
      if (!uniform)
        return rewriter.notifyMatchFailure(op, "uneven bins");
      kernel.push_back(uniform->kernel);
      strides.push_back(uniform->stride);
    }
    Value local = createPoolOp<LocalOpTy>(
        rewriter, op.getLoc(), resultType, op.getInput(),
        {rewriter.getNamedAttr("kernel", rewriter.getDenseI64ArrayAttr(kernel)),
         rewriter.getNamedAttr("strides",
                               rewriter.getDenseI64ArrayAttr(strides)),
         layout});
    rewriter.replaceOp(op, local);
    return success();
  }
};

/// A local pooling whose only window covers the whole unpadded input, every
/// element once, is a global pooling.
template <typename OpTy, typename GlobalOpTy>
struct LocalToGlobalPool : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    PoolSpec spec = op.getSpec();
    SmallVector<WindowDim> windows = getWindowDims(spec);
    FailureOr<SmallVector<int64_t>> sizes =
        getStaticSpatialSizes(op.getInput(), spec.layout, windows.size());
    if (failed(sizes))
      return rewriter.notifyMatchFailure(op, "dynamic spatial size");
    for (auto [w, in] : llvm::zip_equal(windows, *sizes)) {
      CheckedArith a;
      if ((w.dilation != 1 && w.kernel != 1) || w.span != in ||
          computePadBegin(a, in, w) != 0 || computePadEnd(a, in, w) != 0 ||
          computeOutputSize(a, in, w) != 1 || a.overflow)
        return rewriter.notifyMatchFailure(op, "window is not the input");
    }
    Value global = createPoolOp<GlobalOpTy>(
        rewriter, op.getLoc(), op.getType(), op.getInput(),
        {rewriter.getNamedAttr("layout", op.getLayoutAttr()),
         rewriter.getNamedAttr("keep_dims", rewriter.getBoolAttr(true))});
    rewriter.replaceOp(op, global);
    return success();
  }
};
} // namespace

void MaxOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  results.add<FoldIdentityPool<MaxOp>, LocalToGlobalPool<MaxOp, GlobalMaxOp>>(
      context);
}
void AvgOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                        MLIRContext *context) {
  results.add<FoldIdentityPool<AvgOp>, LocalToGlobalPool<AvgOp, GlobalAvgOp>>(
      context);
}
void GlobalMaxOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<FoldUnitGlobalPool<GlobalMaxOp>>(context);
}
void GlobalAvgOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<FoldUnitGlobalPool<GlobalAvgOp>>(context);
}
void AdaptiveMaxOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                MLIRContext *context) {
  results.add<AdaptiveToRegularPool<AdaptiveMaxOp, MaxOp, GlobalMaxOp>>(
      context);
}
void AdaptiveAvgOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                MLIRContext *context) {
  results.add<AdaptiveToRegularPool<AdaptiveAvgOp, AvgOp, GlobalAvgOp>>(
      context);
}

#define GET_OP_CLASSES
#include "pool/Dialect/Pool/IR/PoolOps.cpp.inc"
