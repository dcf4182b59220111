//===- pool-translate.cpp - Models in, pool ops out -----------------------===//
//
// pool-translate --import-onnx model.onnx [--extract-pooling]
//
//===----------------------------------------------------------------------===//

#include "pool/Target/ONNX/ImportONNX.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  mlir::pool::registerOnnxImportTranslations();
  return mlir::failed(mlir::mlirTranslateMain(
      argc, argv, "pool-translate: ONNX models to pool ops\n"));
}
