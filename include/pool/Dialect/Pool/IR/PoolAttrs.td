//===- PoolAttrs.td - Pool dialect attributes --------------*- tablegen -*-===//

#ifndef POOL_ATTRS
#define POOL_ATTRS

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "pool/Dialect/Pool/IR/PoolDialect.td"
include "pool/Dialect/Pool/Utils/PoolEnums.td"

// Hand-written parsers: one diagnostic for a bad value (the generated one
// adds a second, generic error).
def Pool_LayoutAttr : EnumAttr<Pool_Dialect, Pool_Layout, "layout"> {
  let assemblyFormat = ?;
  let hasCustomAssemblyFormat = 1;
}

def Pool_AutoPadAttr : EnumAttr<Pool_Dialect, Pool_AutoPad, "auto_pad"> {
  let assemblyFormat = ?;
  let hasCustomAssemblyFormat = 1;
}

#endif // POOL_ATTRS
