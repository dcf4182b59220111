//===- PoolOps.td - Pool dialect operations ----------------*- tablegen -*-===//

#ifndef POOL_OPS
#define POOL_OPS

include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "pool/Dialect/Pool/IR/PoolAttrs.td"
include "pool/Dialect/Pool/IR/PoolDialect.td"
include "pool/Dialect/Pool/IR/PoolInterfaces.td"

// Every pool op: one ranked tensor in, one out, verified by PoolOpInterface
// (which must come before InferTypeOpInterface, see PoolInterfaces.td), a
// result type that may be less static than the inferred one, and dynamic
// result sizes reified from the input's.
class Pool_Op<string mnemonic, list<Trait> traits = []>
    : Op<Pool_Dialect, mnemonic, !listconcat([Pure,
        DeclareOpInterfaceMethods<Pool_PoolOpInterface, ["getSpec"]>,
        DeclareOpInterfaceMethods<InferTypeOpInterface>,
        DeclareOpInterfaceMethods<ReifyRankedShapedTypeOpInterface,
                                  ["reifyResultShapes"]>],
        traits)> {
  let results = (outs AnyRankedTensor:$result);
  let hasCustomAssemblyFormat = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    /// The pooling described by attributes in `adaptor` (an op or adaptor).
    static ::mlir::pool::PoolSpec getSpec(Adaptor adaptor);
    /// The result type may be less static than the inferred one.
    static bool isCompatibleReturnTypes(::mlir::TypeRange l,
                                        ::mlir::TypeRange r);
  }];
  let extraClassDefinition = [{
    ::mlir::pool::PoolSpec $cppClass::getSpec() {
      return getSpec(Adaptor(*this));
    }
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, ::std::optional<::mlir::Location> loc,
        ::mlir::ValueRange operands, ::mlir::DictionaryAttr attributes,
        ::mlir::OpaqueProperties properties, ::mlir::RegionRange regions,
        ::llvm::SmallVectorImpl<::mlir::Type> &inferredReturnTypes) {
      Adaptor adaptor(operands, attributes, properties, regions);
      return ::mlir::pool::inferPoolResultTypes(
          loc, getSpec(adaptor), adaptor.getInput().getType(),
          inferredReturnTypes);
    }
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange l,
                                            ::mlir::TypeRange r) {
      return ::mlir::pool::arePoolResultTypesCompatible(l, r);
    }
    ::llvm::LogicalResult $cppClass::reifyResultShapes(
        ::mlir::OpBuilder &builder,
        ::mlir::ReifiedRankedShapedTypeDims &reifiedReturnShapes) {
      return ::mlir::pool::reifyPoolResultShapes(
          builder, ::llvm::cast<::mlir::pool::PoolOpInterface>(
                       getOperation()), reifiedReturnShapes);
    }
    ::mlir::ParseResult $cppClass::parse(::mlir::OpAsmParser &parser,
                                         ::mlir::OperationState &result) {
      return ::mlir::pool::parsePoolOp(parser, result);
    }
    void $cppClass::print(::mlir::OpAsmPrinter &printer) {
      ::mlir::pool::printPoolOp(printer, getOperation());
    }
  }];
}

def Pool_FloatTensor : RankedTensorOf<[F16, BF16, F32, F64]>;

//===----------------------------------------------------------------------===//
// Local (windowed) pooling
//===----------------------------------------------------------------------===//

class Pool_LocalOp<string mnemonic, dag extraArgs = (ins)>
    : Pool_Op<mnemonic> {
  let arguments = !con((ins AnyRankedTensor:$input,
      DenseI64ArrayAttr:$kernel,
      OptionalAttr<DenseI64ArrayAttr>:$strides,
      OptionalAttr<DenseI64ArrayAttr>:$dilations,
      OptionalAttr<DenseI64ArrayAttr>:$padding,
      DefaultValuedAttr<Pool_AutoPadAttr, "::mlir::pool::AutoPad::Explicit">:$auto_pad,
      DefaultValuedAttr<BoolAttr, "false">:$ceil_mode),
      extraArgs,
      (ins Pool_LayoutAttr:$layout));
  code windowDoc = [{
    The window has `kernel[i]` taps along spatial dimension `i`, `dilations[i]`
    apart (default 1), so it spans `K = (kernel - 1) * dilation + 1`
    elements; consecutive windows start `strides[i]` apart (default: the
    kernel, as Keras and PyTorch). `N`, the spatial rank, is the length of
    `kernel` (1, 2 or 3); the input has rank `N + 2`.

    Padding (`I` the input size, `pb`/`pe` the begin/end padding):
    - `auto_pad = explicit` (default): `padding` holds `2N` values in ONNX order
      `[begin_0, ..., begin_(N-1), end_0, ..., end_(N-1)]`, each smaller than `K`.
    - `valid`: no padding.
    - `same_upper` (Keras `same`) / `same_lower`: `O = ceil(I / s)`, total
      padding `P = max((O - 1) * s + K - I, 0)`, the odd element at the end
      (`same_upper`) or the beginning (`same_lower`).

    `ceil_mode` applies to explicit padding only (with `valid` and `same_*`
    it changes nothing, as in ONNX). Output size with explicit or `valid`
    padding:
    - floor mode: `O = floor((I + pb + pe - K) / s) + 1`;
    - `ceil_mode`: `O = floor((I + pb + pe - K + s - 1) / s) + 1`, minus one if
      `(O - 1) * s >= I + pb` (the last window must start inside the input or
      the begin padding, as in PyTorch).
  }];
}

def Pool_MaxOp : Pool_LocalOp<"max"> {
  let summary = "Local max pooling (PyTorch MaxPool1d/2d/3d, Keras MaxPooling, ONNX MaxPool)";
  let description = !strconcat([{
    Takes the maximum of each window. Padding never wins: a window sees only
    real input elements, and a window with none yields `-inf` (the minimum
    value for integers). NaN propagates. Element types: f16, bf16, f32, f64
    and signless integers (compared as signed).

    Example (ResNet stem):

    ```mlir
    %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
    ```
  }], windowDoc);
}

def Pool_AvgOp : Pool_LocalOp<"avg",
    (ins DefaultValuedAttr<BoolAttr, "false">:$count_include_pad)> {
  let summary = "Local average pooling (PyTorch AvgPool1d/2d/3d, Keras AveragePooling, ONNX AveragePool)";
  let description = !strconcat([{
    Averages each window. The divisor, per output position, is:
    - `count_include_pad = false` (default): the number of taps on real input
      elements;
    - `count_include_pad = true`: the number of taps inside the padded input
      `[-pb, I + pe)` (the `ceil_mode` overhang past the end padding never
      counts).
    A window with no counted tap yields 0. f16 and bf16 accumulate in f32.
    Element types: f16, bf16, f32, f64.

    Example (Keras `AveragePooling1D(pool_size=2)`):

    ```mlir
    %1 = pool.avg %y {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>
    ```
  }], windowDoc);
}

//===----------------------------------------------------------------------===//
// Global pooling
//===----------------------------------------------------------------------===//

class Pool_GlobalOp<string mnemonic> : Pool_Op<mnemonic> {
  let arguments = (ins AnyRankedTensor:$input, Pool_LayoutAttr:$layout,
                   DefaultValuedAttr<BoolAttr, "false">:$keep_dims);
}

def Pool_GlobalMaxOp : Pool_GlobalOp<"global_max"> {
  let summary = "Global max pooling (Keras GlobalMaxPooling, ONNX GlobalMaxPool)";
  let description = [{
    Maximum over all spatial dimensions of a rank 3, 4 or 5 input. The result
    is `(N, C)`, or with `keep_dims` the input shape with every spatial size
    1. NaN propagates. Element types: f16, bf16, f32, f64, signless integers.

    ```mlir
    %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<64x300x512xf32> -> tensor<64x512xf32>
    ```
  }];
}

def Pool_GlobalAvgOp : Pool_GlobalOp<"global_avg"> {
  let summary = "Global average pooling (Keras GlobalAveragePooling, ONNX GlobalAveragePool)";
  let description = [{
    Mean over all spatial dimensions of a rank 3, 4 or 5 input. The result
    is `(N, C)`, or with `keep_dims` the input shape with every spatial size
    1. f16 and bf16 accumulate in f32. Element types: f16, bf16, f32, f64.

    ```mlir
    %2 = pool.global_avg %z {layout = #pool.layout<channels_last>} : tensor<2x8x8x2048xf32> -> tensor<2x2048xf32>
    ```
  }];
}

//===----------------------------------------------------------------------===//
// Adaptive pooling
//===----------------------------------------------------------------------===//

class Pool_AdaptiveOp<string mnemonic> : Pool_Op<mnemonic> {
  let arguments = (ins AnyRankedTensor:$input, DenseI64ArrayAttr:$output_size,
                   Pool_LayoutAttr:$layout);
  code binDoc = [{
    `output_size` holds `N` positive sizes (1, 2 or 3 values; the input has
    rank `N + 2`). Output `i` along a spatial dimension of input size `In` and
    output size `Out` reduces the bin `[floor(i * In / Out),
    ceil((i + 1) * In / Out))`, as PyTorch. Bins may overlap and differ in
    size, and `Out` may exceed `In`.
  }];
}

def Pool_AdaptiveMaxOp : Pool_AdaptiveOp<"adaptive_max"> {
  let summary = "Adaptive max pooling (PyTorch AdaptiveMaxPool1d/2d/3d)";
  let description = !strconcat([{
    Maximum over each bin; NaN propagates. Element types: f16, bf16, f32,
    f64, signless integers.

    ```mlir
    %0 = pool.adaptive_max %w {output_size = array<i64: 5>, layout = #pool.layout<channels_first>} : tensor<1x16x13xf32> -> tensor<1x16x5xf32>
    ```
  }], binDoc);
}

def Pool_AdaptiveAvgOp : Pool_AdaptiveOp<"adaptive_avg"> {
  let summary = "Adaptive average pooling (PyTorch AdaptiveAvgPool1d/2d/3d)";
  let description = !strconcat([{
    Mean over each bin (divided by the bin's size). f16 and bf16 accumulate
    in f32. Element types: f16, bf16, f32, f64.

    ```mlir
    %3 = pool.adaptive_avg %w {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<1x512x7x7xf32>
    ```
  }], binDoc);
}

#endif // POOL_OPS
