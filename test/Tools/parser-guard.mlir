// MLIR 22's parser crashes (null dereference) on a dense array of `index`
// (llvm-project issue 179045); pool-opt, pool-run and pool-reduce report it
// as one error instead, from a file or from standard input. The text inside a string
// literal or a comment is not an attribute and passes.
// RUN: not pool-opt %s 2>&1 | FileCheck %s
// RUN: not pool-opt < %s 2>&1 | FileCheck %s --check-prefix=STDIN
// RUN: not pool-run %s 2>&1 | FileCheck %s
// RUN: not pool-reduce %s --pool-reduction='test=true' 2>&1 | FileCheck %s
// RUN: not pool-reduce -o %t --pool-reduction='test=true' < %s 2>&1 | FileCheck %s --check-prefix=STDIN
// RUN: pool-opt %S/Inputs/parser-guard-string.mlir | FileCheck %s --check-prefix=STRING
// RUN: pool-opt < %S/Inputs/parser-guard-string.mlir | FileCheck %s --check-prefix=STRING

// CHECK: parser-guard.mlir:[[@LINE+4]]:32: error: a dense array of 'index' is not supported (MLIR 22's parser crashes on it); use a fixed-width element type such as 'array<i64: ...>'
// CHECK-NOT: Stack dump
// STDIN: <stdin>:[[@LINE+2]]:32: error: a dense array of 'index'
// STRING: s = "array<index: 1>"
func.func @f() attributes {k = array<index: 1>} {
  return
}
