//===- PoolInterfaces.td - Pool op interface ---------------*- tablegen -*-===//

#ifndef POOL_INTERFACES
#define POOL_INTERFACES

include "mlir/IR/OpBase.td"

def Pool_PoolOpInterface : OpInterface<"PoolOpInterface"> {
  let description = [{
    Implemented by every pool op: gives passes one view of the op (kind,
    layout, window, padding mode, output size) as a `PoolSpec`, the value
    type the window arithmetic in `pool/Dialect/Pool/Utils` works on.

    The interface also verifies the op. Its verifier runs before the
    `InferTypeOpInterface` one, so that a bad op gets exactly one precise
    diagnostic instead of a second, generic "failed to infer" error.
  }];
  let cppNamespace = "::mlir::pool";
  let methods = [
    InterfaceMethod<"Returns the pooling described by the op's attributes.",
      "::mlir::pool::PoolSpec", "getSpec", (ins)>,
    InterfaceMethod<"Returns the pooled input.", "::mlir::Value", "getInput",
      (ins)>,
  ];
  let verify = [{ return ::mlir::pool::verifyPoolOp($_op); }];
}

#endif // POOL_INTERFACES
