//===- PoolDialect.cpp - Pool dialect -------------------------------------===//

#include "pool/Dialect/Pool/IR/PoolDialect.h"
#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::pool;

#include "pool/Dialect/Pool/IR/PoolOpsDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "pool/Dialect/Pool/IR/PoolAttrs.cpp.inc"

/// Parses `<keyword>` into an enum, with one diagnostic listing the accepted
/// keywords when the keyword is not one of them.
template <typename EnumT>
static FailureOr<EnumT>
parseEnumKeyword(AsmParser &parser, StringRef attrName,
                 std::optional<EnumT> (*symbolize)(StringRef),
                 StringRef accepted) {
  if (parser.parseLess())
    return failure();
  SMLoc loc = parser.getCurrentLocation();
  std::string keyword;
  if (parser.parseKeywordOrString(&keyword))
    return failure();
  std::optional<EnumT> value = symbolize(keyword);
  if (!value) {
    parser.emitError(loc) << "unknown #pool." << attrName << " value '"
                          << keyword << "': expected " << accepted;
    return failure();
  }
  if (parser.parseGreater())
    return failure();
  return *value;
}

Attribute LayoutAttr::parse(AsmParser &parser, Type) {
  FailureOr<Layout> value = parseEnumKeyword<Layout>(
      parser, "layout", symbolizeLayout, "channels_first or channels_last");
  return failed(value) ? Attribute()
                       : LayoutAttr::get(parser.getContext(), *value);
}

void LayoutAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifyLayout(getValue()) << '>';
}

Attribute AutoPadAttr::parse(AsmParser &parser, Type) {
  FailureOr<AutoPad> value =
      parseEnumKeyword<AutoPad>(parser, "auto_pad", symbolizeAutoPad,
                                "explicit, valid, same_upper or same_lower");
  return failed(value) ? Attribute()
                       : AutoPadAttr::get(parser.getContext(), *value);
}

void AutoPadAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifyAutoPad(getValue()) << '>';
}

void PoolDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "pool/Dialect/Pool/IR/PoolOps.cpp.inc"
      >();
  registerAttributes();
}

void PoolDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "pool/Dialect/Pool/IR/PoolAttrs.cpp.inc"
      >();
}
