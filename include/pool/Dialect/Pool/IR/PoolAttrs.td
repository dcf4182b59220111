//===- PoolAttrs.td - Pool dialect attributes --------------*- tablegen -*-===//

#ifndef POOL_ATTRS
#define POOL_ATTRS

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "pool/Dialect/Pool/IR/PoolDialect.td"

def Pool_ChannelsFirst : I32EnumAttrCase<"ChannelsFirst", 0, "channels_first">;
def Pool_ChannelsLast : I32EnumAttrCase<"ChannelsLast", 1, "channels_last">;
def Pool_Layout : I32EnumAttr<"Layout",
    "position of the channel dimension: (N, C, spatial...) or (N, spatial..., C)",
    [Pool_ChannelsFirst, Pool_ChannelsLast]> {
  let cppNamespace = "::mlir::pool";
  let genSpecializedAttr = 0;
}
// Hand-written parsers: one diagnostic for a bad value (the generated one
// adds a second, generic error).
def Pool_LayoutAttr : EnumAttr<Pool_Dialect, Pool_Layout, "layout"> {
  let assemblyFormat = ?;
  let hasCustomAssemblyFormat = 1;
}

def Pool_Explicit : I32EnumAttrCase<"Explicit", 0, "explicit">;
def Pool_Valid : I32EnumAttrCase<"Valid", 1, "valid">;
def Pool_SameUpper : I32EnumAttrCase<"SameUpper", 2, "same_upper">;
def Pool_SameLower : I32EnumAttrCase<"SameLower", 3, "same_lower">;
def Pool_AutoPad : I32EnumAttr<"AutoPad",
    "padding mode: explicit `padding`, none (`valid`), or ONNX/Keras `same`",
    [Pool_Explicit, Pool_Valid, Pool_SameUpper, Pool_SameLower]> {
  let cppNamespace = "::mlir::pool";
  let genSpecializedAttr = 0;
}
def Pool_AutoPadAttr : EnumAttr<Pool_Dialect, Pool_AutoPad, "auto_pad"> {
  let assemblyFormat = ?;
  let hasCustomAssemblyFormat = 1;
}

#endif // POOL_ATTRS
