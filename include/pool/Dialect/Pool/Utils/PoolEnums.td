//===- PoolEnums.td - Pool layout and padding enums --------*- tablegen -*-===//
//
// The plain enums of the pool dialect. They are declared apart from the
// dialect's attributes (IR/PoolAttrs.td wraps them) so that the window
// arithmetic in Utils, which the verifier and every lowering share, can use
// them without depending on the dialect.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_ENUMS
#define POOL_ENUMS

include "mlir/IR/EnumAttr.td"

def Pool_ChannelsFirst : I32EnumAttrCase<"ChannelsFirst", 0, "channels_first">;
def Pool_ChannelsLast : I32EnumAttrCase<"ChannelsLast", 1, "channels_last">;
def Pool_Layout : I32EnumAttr<"Layout",
    "position of the channel dimension: (N, C, spatial...) or (N, spatial..., C)",
    [Pool_ChannelsFirst, Pool_ChannelsLast]> {
  let cppNamespace = "::mlir::pool";
  let genSpecializedAttr = 0;
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

#endif // POOL_ENUMS
