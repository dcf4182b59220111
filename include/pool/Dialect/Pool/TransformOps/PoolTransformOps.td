//===- PoolTransformOps.td - transform.pool.* ops ----------*- tablegen -*-===//
//
// Pool ops in the transform dialect: lower a matched pool op to linalg, to
// the vector form with a given strategy and width, to affine loops, or
// decompose it into smaller pool ops that the other transforms then lower.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_TRANSFORM_OPS
#define POOL_TRANSFORM_OPS

include "mlir/Dialect/Transform/IR/TransformDialect.td"
include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.td"
include "mlir/Dialect/Transform/IR/TransformTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

class Pool_TransformOp<string mnemonic, list<Trait> traits = []>
    : Op<Transform_Dialect, "pool." # mnemonic,
         !listconcat([FunctionalStyleTransformOpTrait, MemoryEffectsOpInterface,
                      DeclareOpInterfaceMethods<TransformOpInterface>],
                     traits)> {
  let results = (outs TransformHandleTypeInterface:$transformed);
  let assemblyFormat =
      "$target attr-dict `:` functional-type(operands, results)";
}

def PoolLowerToLinalgOp : Pool_TransformOp<"lower_to_linalg"> {
  let summary = "Lower pool ops to linalg on tensors";
  let description = [{
    Lowers every pool op `target` points to as `convert-pool-to-linalg`
    does: upstream's named pooling ops where the windows never leave the
    input, a `linalg.generic` over (output, window) otherwise, and the
    averages' divisor generics. The result points to the linalg ops made, in
    order, ready for `transform.structured.*` (tiling, fusion,
    vectorization).

    #### Return modes

    Consumes `target`. A payload op that is not a pool op is a silenceable
    failure naming it.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       DefaultValuedAttr<BoolAttr, "true">:$assert_window_fits);
}

def PoolLowerToVectorOp : Pool_TransformOp<"lower_to_vector"> {
  let summary = "Lower pool ops to the vector form with a strategy and width";
  let description = [{
    Lowers every pool op `target` points to as `convert-pool-to-vector`
    does, planned for `target_cpu` (empty: the host) with `vector_bits`
    (0: that CPU's width) and `strategy` (`auto`, `direct`, `separable` or
    `sliding`), with the cost model's threshold for parallel loops (the
    transform does not know the thread count a pipeline will use later;
    `--pool-to-llvm` with `threads=1` plans every op as serial). The
    result points to the ops made at the pool op's place (the `scf.forall`
    and what computes its sizes).

    #### Return modes

    Consumes `target`. A payload op that is not a pool op, or one the
    vector lowering declines, is a silenceable failure naming it; an unknown
    strategy or CPU is a definite failure.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       DefaultValuedStrAttr<StrAttr, "auto">:$strategy,
                       DefaultValuedAttr<I64Attr, "0">:$vector_bits,
                       DefaultValuedStrAttr<StrAttr, "">:$target_cpu,
                       DefaultValuedAttr<BoolAttr, "true">:$assert_window_fits);
}

def PoolLowerToAffineOp : Pool_TransformOp<"lower_to_affine"> {
  let summary = "Lower pool ops to affine loop nests";
  let description = [{
    Lowers every pool op `target` points to as `convert-pool-to-affine`
    does. The result points to the outermost `affine.for` loops made, for
    `transform.affine.*` and the loop transforms.

    #### Return modes

    Consumes `target`. A payload op that is not a pool op, or one the affine
    lowering cannot express (adaptive bins over a dynamic size, dynamic
    sizes outside a function body), is a silenceable failure with the
    reason.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       DefaultValuedAttr<BoolAttr, "true">:$assert_window_fits);
}

def PoolDecomposeOp : Pool_TransformOp<"decompose"> {
  let summary = "Split a multi-dimensional window into one pool op per "
                "dimension";
  let description = [{
    Rewrites a local `pool.max` or `pool.avg` with 2 or 3 spatial
    dimensions as a chain of pool ops, each pooling one spatial dimension
    with that dimension's kernel, stride, dilation and padding, and kernel 1
    on the others (`kind = "separable"`, the only kind). The windows are
    rectangles, so a maximum is the maximum of the maxima of the rows. The
    average divisor is a product of one factor per dimension, so an average
    is the average of the averages of the rows. This holds with padding,
    `count_include_pad` and `ceil_mode`, and for windows with no counted
    tap. The first op pools the last spatial dimension. For f16 and bf16,
    the intermediate results are rounded to the element type, which is what
    the split changes. The result points to the new pool ops, first to
    last, which `transform.pool.lower_to_*` then lower.

    #### Return modes

    Consumes `target`. A payload op that is not a local pool op with at
    least 2 spatial dimensions, or `same` padding (its padding depends on
    the input size), is a silenceable failure naming it.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                       DefaultValuedStrAttr<StrAttr, "separable">:$kind);
}

#endif // POOL_TRANSFORM_OPS
