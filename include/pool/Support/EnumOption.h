//===- EnumOption.h - Enum options that list their values -------*- C++ -*-===//
//
// A command-line parser for enum options (pass, pipeline and tool options
// alike) that refuses a bad value with the list of valid ones:
//
//   for the --strategy option: 'bogus' is not one of auto, direct, ...
//
// LLVM's own enum parser says only "Cannot find option named 'bogus'!".
// Specialize llvm::cl::parser for an enum with POOL_LISTED_ENUM_PARSER.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_SUPPORT_ENUMOPTION_H
#define POOL_SUPPORT_ENUMOPTION_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/CommandLine.h"

namespace mlir::pool {

template <typename EnumT>
class ListedEnumParser : public llvm::cl::generic_parser_base {
protected:
  struct OptionInfo : GenericOptionInfo {
    OptionInfo(llvm::StringRef name, EnumT value, llvm::StringRef help)
        : GenericOptionInfo(name, help), V(value) {}
    llvm::cl::OptionValue<EnumT> V;
  };
  /// Named as in llvm::cl::parser: mlir::PassOptions looks values up here.
  llvm::SmallVector<OptionInfo, 8> Values;

public:
  using parser_data_type = EnumT;

  ListedEnumParser(llvm::cl::Option &owner) : generic_parser_base(owner) {}

  unsigned getNumOptions() const override { return Values.size(); }
  llvm::StringRef getOption(unsigned i) const override {
    return Values[i].Name;
  }
  llvm::StringRef getDescription(unsigned i) const override {
    return Values[i].HelpStr;
  }
  const llvm::cl::GenericOptionValue &
  getOptionValue(unsigned i) const override {
    return Values[i].V;
  }

  /// Returns true on error, as every llvm::cl parser.
  bool parse(llvm::cl::Option &option, llvm::StringRef argName,
             llvm::StringRef arg, EnumT &value) {
    llvm::StringRef given = Owner.hasArgStr() ? arg : argName;
    for (const OptionInfo &info : Values)
      if (info.Name == given) {
        value = info.V.getValue();
        return false;
      }
    std::string valid;
    for (const OptionInfo &info : Values)
      valid += (valid.empty() ? "" : ", ") + info.Name.str();
    return option.error("'" + given + "' is not one of " + valid);
  }

  template <typename T>
  void addLiteralOption(llvm::StringRef name, const T &value,
                        llvm::StringRef help) {
    Values.emplace_back(name, static_cast<EnumT>(value), help);
    AddLiteralOption(Owner, name);
  }

  void removeLiteralOption(llvm::StringRef name) {
    Values.erase(Values.begin() + findOption(name));
  }
};

} // namespace mlir::pool

/// Makes every llvm::cl option of type `EnumT` use ListedEnumParser.
#define POOL_LISTED_ENUM_PARSER(EnumT)                                         \
  template <>                                                                  \
  class llvm::cl::parser<EnumT>                                                \
      : public ::mlir::pool::ListedEnumParser<EnumT> {                         \
  public:                                                                      \
    using ::mlir::pool::ListedEnumParser<EnumT>::ListedEnumParser;             \
  };

#endif // POOL_SUPPORT_ENUMOPTION_H
