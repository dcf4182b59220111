//===- PoolDialect.td - Pool dialect definition ------------*- tablegen -*-===//
//
// The `pool` dialect: max, average, global and adaptive pooling over 1-D, 2-D
// and 3-D data on ranked tensors.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_DIALECT
#define POOL_DIALECT

include "mlir/IR/OpBase.td"

def Pool_Dialect : Dialect {
  let name = "pool";
  let summary = "Pooling operations with the semantics of PyTorch, Keras and ONNX";
  let description = [{
    The `pool` dialect holds local (windowed) max and average pooling, global
    pooling and adaptive pooling over N = 1, 2 or 3 spatial dimensions, in
    channels-first `(N, C, spatial...)` or channels-last `(N, spatial..., C)`
    layout, on ranked tensors with static or dynamic shapes.

    All window arithmetic (output sizes, `same` padding, `ceil_mode`,
    adaptive bins, average divisors) is defined once, in
    `pool/Dialect/Pool/Utils/WindowArith.h`, and shared by the verifier,
    shape inference, reification and every lowering. `docs/semantics.md`
    gives the formulas.
  }];
  let cppNamespace = "::mlir::pool";
  let useDefaultAttributePrinterParser = 1;
  let hasCanonicalizer = 0;
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::tensor::TensorDialect"];
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

#endif // POOL_DIALECT
