//===- Passes.td - pool-reduce's reduction pass ------------*- tablegen -*-===//

#ifndef POOL_REDUCER_PASSES
#define POOL_REDUCER_PASSES

include "mlir/Pass/PassBase.td"

def PoolReduction : Pass<"pool-reduction", "mlir::ModuleOp"> {
  let summary = "Shrink a program while an interestingness test keeps "
                "failing on it";
  let description = [{
    The reducer of `pool-reduce`. Runs the script `test` (with the
    arguments `test-arg` before the file name) on candidate programs; as
    with mlir-reduce, a candidate is interesting when the script exits with
    a non-zero status ("still fails"). Every candidate is verified first,
    so the script only ever sees valid programs. Rounds repeat until one
    changes nothing:

    1. Erase: operations whose results are unused (functions nobody calls
       included), all at once, else one at a time, users before producers.
    2. Replace: each operation's results by an operand of the same type or,
       for static tensors, a `tensor.empty`, which makes its producers
       dead for the next erase.
    3. Simplify: each dialect's reduction patterns
       (`DialectReductionPatternInterface`, given the tester). The pool
       dialect's try, one by one on a copy: `ceil_mode` off, dilation folded
       into a dense window, `same`/`valid` as explicit padding, no padding,
       unit strides, default strides, `count_include_pad` off, each kept
       only when the result type stays and the test still fails.

    A candidate is kept only if it is interesting and no larger (in printed
    bytes) than the program so far. Unlike upstream's `reduction-tree`, it
    never offers the script IR with dangling operands (Debian's MLIR 22
    `reduction-tree` crashes when such a candidate, or a dead operation,
    is present; see docs/tools.md).
  }];
  let options = [
    Option<"testScript", "test", "std::string", /*default=*/"",
           "The interestingness test: an executable run with the candidate "
           "file as its last argument">,
    ListOption<"testArgs", "test-arg", "std::string",
               "Arguments passed to the test before the file name">,
    Option<"maxRounds", "max-rounds", "unsigned", /*default=*/"16",
           "Rounds of erase, replace and simplify at most">,
  ];
  let dependentDialects = ["mlir::tensor::TensorDialect"];
}

#endif // POOL_REDUCER_PASSES
