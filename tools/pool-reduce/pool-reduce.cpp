//===- pool-reduce.cpp - Test-case reducer for pool programs --------------===//
//
// mlir-reduce with the pool dialect, every upstream dialect and pass, and
// the pool dialect's reduction patterns, and our reduction pass: a program
// that trips an interestingness script shrinks to a smaller one that still
// trips it.
//
//   pool-reduce bug.mlir --pool-reduction='test=./is-bug.sh' -o small.mlir
//
// The script gets the candidate file as its last argument and exits with a
// non-zero status when the candidate is still interesting (mlir-reduce's
// convention: "still fails"). Upstream's --reduction-tree is there too and
// uses the same patterns, but Debian's MLIR 22 build of it crashes on
// programs with dead operations (docs/tools.md). The input is scanned first
// for what crashes MLIR 22's parser (pool/Support/ParserGuard.h).
//
//===----------------------------------------------------------------------===//

#include "pool/InitAll.h"
#include "pool/Reducer/PoolReduction.h"
#include "pool/Support/ParserGuard.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-reduce/MlirReduceMain.h"

/// The input file of mlir-reduce's command line: its one positional
/// argument ("-", standard input, when there is none). Options take their
/// values after '=', except -o, whose value is the next argument.
static llvm::StringRef inputFileOf(int argc, char **argv) {
  llvm::StringRef input = "-";
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg == "-o" || arg == "--o") {
      ++i;
      continue;
    }
    if (arg == "--")
      return i + 1 < argc ? llvm::StringRef(argv[i + 1]) : input;
    if (arg == "-" || !arg.starts_with("-"))
      input = arg;
  }
  return input;
}

int main(int argc, char **argv) {
  if (mlir::pool::rejectInputFile(inputFileOf(argc, argv), "pool-reduce"))
    return 1;
  mlir::registerAllPasses();
  mlir::pool::registerAllPoolPasses();
  mlir::pool::registerPoolReducerPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::pool::registerAllPoolDialects(registry);
  mlir::pool::registerPoolReductionInterface(registry);

  mlir::MLIRContext context(registry);
  // The reduction patterns replace unneeded pool results by tensor.empty.
  context.loadDialect<mlir::tensor::TensorDialect>();
  return mlir::failed(mlir::mlirReduceMain(argc, argv, context));
}
