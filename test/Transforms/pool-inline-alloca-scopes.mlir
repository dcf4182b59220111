// RUN: pool-opt %s -split-input-file --pool-inline-alloca-scopes | FileCheck %s

// A scope holding a call but no stack allocation is inlined.
// CHECK-LABEL: func.func @call_in_scope
//   CHECK-NOT:   memref.alloca_scope
//       CHECK:   %[[R:.*]] = arith.addi
//       CHECK:   call @helper(%[[R]])
//       CHECK:   return %[[R]]
func.func private @helper(index)
func.func @call_in_scope(%a: index) -> index {
  %r = memref.alloca_scope -> index {
    %s = arith.addi %a, %a : index
    func.call @helper(%s) : (index) -> ()
    memref.alloca_scope.return %s : index
  }
  return %r : index
}

// -----

// A scope with its own alloca stays; a scope whose only alloca sits in a
// nested scope is inlined, the nested one kept.
// CHECK-LABEL: func.func @alloca_in_scope
//       CHECK:   memref.alloca_scope {
//       CHECK:     memref.alloca
// CHECK-LABEL: func.func @nested_alloca
//   CHECK-NEXT:   memref.alloca_scope {
//   CHECK-NEXT:     memref.alloca
//   CHECK-NOT:   memref.alloca_scope
//       CHECK:   return
func.func @alloca_in_scope() {
  memref.alloca_scope {
    %m = memref.alloca() : memref<4xf32>
  }
  return
}
func.func @nested_alloca() {
  memref.alloca_scope {
    memref.alloca_scope {
      %m = memref.alloca() : memref<4xf32>
    }
  }
  return
}
