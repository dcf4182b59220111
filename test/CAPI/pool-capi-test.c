/*===- pool-capi-test.c - The pool C API from C ---------------------------===*\
|*                                                                            *|
|* Creates a context, loads the pool dialect, parses a program, checks which  *|
|* ops are pool ops, lowers it with pool-to-llvm (through upstream's pass     *|
|* manager and through mlirPoolLowerModule) and prints it; then the errors: a *|
|* program the verifier rejects, an unknown pipeline, bad options. Checked by *|
|* test/CAPI/c-api.test.                                                      *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "pool-c/Pool.h"

#include "mlir-c/Diagnostics.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/RegisterEverything.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void printToStdout(MlirStringRef text, void *userData) {
  (void)userData;
  fwrite(text.data, 1, text.length, stdout);
}

static MlirLogicalResult printDiagnostic(MlirDiagnostic diagnostic,
                                         void *userData) {
  (void)userData;
  printf("diagnostic: ");
  mlirDiagnosticPrint(diagnostic, printToStdout, NULL);
  printf("\n");
  return mlirLogicalResultSuccess();
}

static const char *kProgram =
    "func.func @stem(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {\n"
    "  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, "
    "2>, padding = array<i64: 1, 1, 1, 1>, layout = "
    "#pool.layout<channels_first>} : tensor<1x2x6x6xf32> -> "
    "tensor<1x2x3x3xf32>\n"
    "  return %0 : tensor<1x2x3x3xf32>\n"
    "}\n";

static const char *kBadProgram =
    "func.func @bad(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x4x4xf32> {\n"
    "  %0 = pool.max %x {kernel = array<i64: 3, 3>, layout = "
    "#pool.layout<channels_first>} : tensor<1x2x6x6xf32> -> "
    "tensor<1x2x4x4xf32>\n"
    "  return %0 : tensor<1x2x4x4xf32>\n"
    "}\n";

static MlirContext createContext(void) {
  MlirContext ctx = mlirContextCreateWithThreading(false);
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirPoolRegisterAllDialects(registry);
  mlirContextAppendDialectRegistry(ctx, registry);
  mlirDialectRegistryDestroy(registry);
  mlirDialectHandleLoadDialect(mlirGetDialectHandle__pool__(), ctx);
  mlirContextAttachDiagnosticHandler(ctx, printDiagnostic, NULL, NULL);
  return ctx;
}

static int countPoolOps(MlirOperation func) {
  MlirRegion body = mlirOperationGetRegion(func, 0);
  MlirBlock block = mlirRegionGetFirstBlock(body);
  int count = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(block);
       !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirIdentifier name = mlirOperationGetName(op);
    MlirStringRef text = mlirIdentifierStr(name);
    printf("op %.*s pool=%d\n", (int)text.length, text.data,
           mlirOperationIsAPoolOp(op));
    count += mlirOperationIsAPoolOp(op);
  }
  return count;
}

int main(void) {
  MlirStringRef version = mlirPoolGetVersion();
  printf("pool-mlir %.*s\n", (int)version.length, version.data);
  mlirPoolRegisterAllPasses();
  mlirPoolRegisterAllPasses(); /* twice is fine */

  MlirContext ctx = createContext();
  printf("pool dialect loaded: %d\n",
         !mlirDialectIsNull(mlirContextGetOrLoadDialect(
             ctx, mlirStringRefCreateFromCString("pool"))));

  /* Parse, inspect, print. */
  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(kProgram));
  if (mlirModuleIsNull(module)) {
    fprintf(stderr, "parsing failed\n");
    return 1;
  }
  MlirOperation moduleOp = mlirModuleGetOperation(module);
  printf("verifies: %d\n", mlirOperationVerify(moduleOp));
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  printf("pool ops: %d\n", countPoolOps(func));
  mlirOperationPrint(moduleOp, printToStdout, NULL);
  printf("\n");

  /* pool-to-llvm through upstream's pass manager. */
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(pm);
  if (mlirLogicalResultIsFailure(mlirPoolAddPipeline(
          opm, mlirStringRefCreateFromCString("pool-to-llvm"),
          mlirStringRefCreateFromCString("threads=1"), printToStdout, NULL))) {
    fprintf(stderr, "adding pool-to-llvm failed\n");
    return 1;
  }
  printf("pipeline: ");
  mlirPrintPassPipeline(opm, printToStdout, NULL);
  printf("\n");
  MlirLogicalResult lowered = mlirPassManagerRunOnOp(pm, moduleOp);
  printf("pool-to-llvm: %s\n",
         mlirLogicalResultIsSuccess(lowered) ? "success" : "failure");
  mlirOperationPrint(moduleOp, printToStdout, NULL);
  printf("\n");
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);

  /* The convenience entry point, on a fresh copy. */
  module = mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(kProgram));
  printf("mlirPoolLowerModule: %s\n",
         mlirLogicalResultIsSuccess(mlirPoolLowerModule(
             module, mlirStringRefCreateFromCString("pool-to-llvm"),
             mlirStringRefCreateFromCString("")))
             ? "success"
             : "failure");

  /* Errors: each one diagnostic or message, and a failure result. */
  printf("unknown pipeline: %s\n",
         mlirLogicalResultIsSuccess(mlirPoolLowerModule(
             module, mlirStringRefCreateFromCString("pool-to-fortran"),
             mlirStringRefCreateFromCString("")))
             ? "success"
             : "failure");
  MlirPassManager pm2 = mlirPassManagerCreate(ctx);
  printf("bad option: ");
  MlirLogicalResult added = mlirPoolAddPipeline(
      mlirPassManagerGetAsOpPassManager(pm2),
      mlirStringRefCreateFromCString("pool-to-llvm"),
      mlirStringRefCreateFromCString("threads=many"), printToStdout, NULL);
  printf("\nbad option: %s\n",
         mlirLogicalResultIsSuccess(added) ? "success" : "failure");
  mlirPassManagerDestroy(pm2);
  mlirModuleDestroy(module);

  MlirModule bad =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(kBadProgram));
  printf("bad program parsed: %d\n", !mlirModuleIsNull(bad));

  mlirContextDestroy(ctx);
  printf("done\n");
  return 0;
}
