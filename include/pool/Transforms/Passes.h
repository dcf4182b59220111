//===- Passes.h - Passes on lowered pool IR ---------------------*- C++ -*-===//

#ifndef POOL_TRANSFORMS_PASSES_H
#define POOL_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::pool {

#define GEN_PASS_DECL
#include "pool/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "pool/Transforms/Passes.h.inc"

} // namespace mlir::pool

#endif // POOL_TRANSFORMS_PASSES_H
