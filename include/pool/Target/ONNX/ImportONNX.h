//===- ImportONNX.h - ONNX models to pool ops -------------------*- C++ -*-===//

#ifndef POOL_TARGET_ONNX_IMPORTONNX_H
#define POOL_TARGET_ONNX_IMPORTONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace mlir::pool {

struct OnnxImportOptions {
  /// Every pooling node of any model becomes its own function (its input
  /// type from ONNX shape inference); the rest of the graph is ignored.
  bool extractPooling = false;
};

/// Imports a serialized ONNX ModelProto (opsets 1 to 17). Emits one
/// diagnostic naming the node and returns null on anything pool does not
/// support.
OwningOpRef<ModuleOp> importOnnxModel(llvm::StringRef bytes,
                                      llvm::StringRef fileName,
                                      MLIRContext *context,
                                      const OnnxImportOptions &options = {});

/// Registers `--import-onnx` and `--import-onnx-extract-pooling` with the
/// translation registry (pool-translate).
void registerOnnxImportTranslations();

} // namespace mlir::pool

#endif // POOL_TARGET_ONNX_IMPORTONNX_H
