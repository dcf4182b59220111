//===- Pool.cpp - C API of the pool dialect -------------------------------===//

#include "pool-c/Pool.h"

#include "pool/Dialect/Pool/IR/PoolDialect.h"
#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/InitAll.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Pass.h"
#include "mlir/CAPI/Registration.h"
#include "mlir/CAPI/Support.h"
#include "mlir/CAPI/Utils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

using namespace mlir;

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Pool, pool, mlir::pool::PoolDialect)

void mlirPoolRegisterAllDialects(MlirDialectRegistry registry) {
  DialectRegistry &r = *unwrap(registry);
  registerAllDialects(r);
  registerAllExtensions(r);
  registerAllToLLVMIRTranslations(r);
  pool::registerAllPoolDialects(r);
}

void mlirPoolRegisterAllPasses(void) {
  // Registering a pipeline name twice is a fatal error in MLIR.
  static std::once_flag once;
  std::call_once(once, [] { pool::registerAllPoolPasses(); });
}

bool mlirOperationIsAPoolOp(MlirOperation op) {
  return isa<pool::PoolOpInterface>(unwrap(op));
}

static bool isPoolPipeline(StringRef name) {
  return llvm::StringSwitch<bool>(name)
      .Cases("pool-to-llvm", "pool-to-nvvm", "pool-to-gpu-emulation",
             "pool-to-affine", true)
      .Default(false);
}

MlirLogicalResult mlirPoolAddPipeline(MlirOpPassManager passManager,
                                      MlirStringRef pipeline,
                                      MlirStringRef options,
                                      MlirStringCallback errorCallback,
                                      void *userData) {
  mlirPoolRegisterAllPasses();
  std::string message;
  llvm::raw_string_ostream os(message);
  StringRef name = unwrap(pipeline);
  LogicalResult result = failure();
  if (!isPoolPipeline(name)) {
    os << "unknown pool pipeline '" << name
       << "' (pool-to-llvm, pool-to-nvvm, pool-to-gpu-emulation or "
          "pool-to-affine)";
  } else {
    std::string text = name.str();
    if (options.length)
      text += "{" + unwrap(options).str() + "}";
    result = parsePassPipeline(text, *unwrap(passManager), os);
  }
  if (failed(result) && errorCallback) {
    os.flush();
    errorCallback(wrap(StringRef(message)), userData);
  }
  return wrap(result);
}

MlirLogicalResult mlirPoolLowerModule(MlirModule module, MlirStringRef pipeline,
                                      MlirStringRef options) {
  ModuleOp moduleOp = unwrap(module);
  PassManager pm(moduleOp.getContext());
  std::string message;
  auto collect = [](MlirStringRef text, void *userData) {
    static_cast<std::string *>(userData)->append(text.data, text.length);
  };
  if (mlirLogicalResultIsFailure(
          mlirPoolAddPipeline(wrap(static_cast<OpPassManager *>(&pm)), pipeline,
                              options, collect, &message))) {
    emitError(moduleOp.getLoc()) << message;
    return mlirLogicalResultFailure();
  }
  return wrap(pm.run(moduleOp));
}

MlirStringRef mlirPoolGetVersion(void) {
  return mlirStringRefCreateFromCString(POOL_VERSION);
}
