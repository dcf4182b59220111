/*===-- pool-c/Pool.h - C API of the pool dialect -----------------*- C -*-===*\
|*                                                                            *|
|* The pool dialect, its passes and its pipelines for C and for languages     *|
|* that load C libraries (Python's ctypes, ...). Link libPoolMLIRCAPI.so: it  *|
|* also carries MLIR's own C API (mlir-c/IR.h, Pass.h, ExecutionEngine.h,     *|
|* RegisterEverything.h and the upstream dialect handles).                    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef POOL_C_POOL_H
#define POOL_C_POOL_H

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// mlirGetDialectHandle__pool__(): load or register the pool dialect.
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Pool, pool);

/// Registers the pool dialect and every dialect and extension the pool
/// pipelines use or produce (the upstream dialects, their interfaces and
/// the LLVM IR translations the ExecutionEngine needs).
MLIR_CAPI_EXPORTED void
mlirPoolRegisterAllDialects(MlirDialectRegistry registry);

/// Registers the pool passes and pipelines (pool-to-llvm, pool-to-nvvm,
/// pool-to-gpu-emulation, pool-to-affine, ...) with MLIR's pass registry, so
/// that mlirParsePassPipeline and mlirOpPassManagerAddPipeline know them.
/// Safe to call more than once.
MLIR_CAPI_EXPORTED void mlirPoolRegisterAllPasses(void);

/// Whether `op` is a pool op (pool.max, pool.avg, pool.global_*,
/// pool.adaptive_*).
MLIR_CAPI_EXPORTED bool mlirOperationIsAPoolOp(MlirOperation op);

/// Appends the pool pipeline `pipeline` (one of "pool-to-llvm",
/// "pool-to-nvvm", "pool-to-gpu-emulation", "pool-to-affine") with
/// `options` in pass-option syntax (e.g. "threads=0 vector-bits=256"; empty
/// for the defaults) to `passManager`. On failure, `errorCallback` gets the
/// message (when not NULL) and the result is failure.
MLIR_CAPI_EXPORTED MlirLogicalResult mlirPoolAddPipeline(
    MlirOpPassManager passManager, MlirStringRef pipeline,
    MlirStringRef options, MlirStringCallback errorCallback, void *userData);

/// Runs the pool pipeline `pipeline` with `options` (as mlirPoolAddPipeline)
/// on `module` in place. Diagnostics go to the context's handlers; an
/// unknown pipeline or bad options is reported the same way.
MLIR_CAPI_EXPORTED MlirLogicalResult mlirPoolLowerModule(MlirModule module,
                                                         MlirStringRef pipeline,
                                                         MlirStringRef options);

/// The pool-mlir version, "MAJOR.MINOR.PATCH".
MLIR_CAPI_EXPORTED MlirStringRef mlirPoolGetVersion(void);

#ifdef __cplusplus
}
#endif

#endif /* POOL_C_POOL_H */
