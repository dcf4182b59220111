//===- Passes.td - Pool conversion passes ------------------*- tablegen -*-===//

#ifndef POOL_CONVERSION_PASSES
#define POOL_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertPoolToLinalg : Pass<"convert-pool-to-linalg", "mlir::func::FuncOp"> {
  let summary = "Lower pool ops to linalg on tensors";
  let description = [{
    Lowers every pool op to `linalg` on tensors, for every rank, layout,
    padding mode and element type, with static or dynamic shapes:

    - a local pooling whose windows never leave the input (no padding, no
      `ceil_mode` overhang) becomes the upstream named op
      (`linalg.pooling_{ncw,nwc,nchw,nhwc,ndhwc}_{max,sum}`), or a
      `linalg.generic` with the same indexing for the channels-first 3-D case
      that upstream lacks;
    - a padded window becomes a `linalg.generic` over (output, window) that
      reads the input with `tensor.extract` at a clamped index and skips taps
      outside the input: no padded copy of the input is made;
    - averages divide by a divisor computed once per output spatial position
      (a small `linalg.generic` over the output's spatial dimensions) from the
      dialect's window arithmetic; f16/bf16 accumulate in f32;
    - global pooling is a `linalg.generic` reduction; adaptive pooling a
      `linalg.generic` over (output, bin offset) with the bin bounds computed
      in the body.

    Dynamic sizes come from the ops' shape reification. With
    `assert-window-fits` (the default), an input whose dynamic spatial size
    is too small for the window (or zero) fails at run time with a
    `cf.assert` message instead of reading out of bounds.
  }];
  let options = [
    Option<"assertWindowFits", "assert-window-fits", "bool", /*default=*/"true",
           "Check at run time that dynamic spatial sizes fit the window">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::cf::ControlFlowDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::tensor::TensorDialect",
  ];
}

#endif // POOL_CONVERSION_PASSES
