//===- CudaDriver.h - CUDA driver loaded at run time ------------*- C++ -*-===//
//
// Private to lib/Runtime. The CUDA driver (libcuda.so.1) is opened with dlopen
// on first use, so the runtime library builds, links and loads on machines
// without a GPU or driver. cuda.h supplies the types only; nothing links
// against libcuda.
//
// Generated code cannot receive errors, so every failure here is fatal: one
// line on stderr, then the process exits with status 1.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_LIB_RUNTIME_CUDADRIVER_H
#define POOL_LIB_RUNTIME_CUDADRIVER_H

#include <cuda.h>

namespace pool::runtime {

/// Prints "pool-cuda-runtime: <message> [in <entry>]" on stderr and exits
/// with status 1. Only the first failing thread prints.
[[noreturn]] void fatal(const char *entry, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/// Reports a failed driver call `call` (as spelled in cuda.h), with the
/// driver's name and description of `result` and an optional `detail`, and
/// exits.
[[noreturn]] void fatalDriverError(const char *entry, const char *call,
                                   CUresult result,
                                   const char *detail = nullptr);

/// Returns `symbol` from the driver, opening the driver first if needed. A
/// driver that cannot be opened or lacks the symbol is fatal.
void *lookupDriverSymbol(const char *entry, const char *symbol);

/// Opens the driver, runs cuInit once, retains the primary context of the
/// default device once and makes it current on the calling thread. Every
/// entry point that talks to the device calls this first, so the first one
/// reports a missing device.
void ensureContext(const char *entry);

/// Sets the device ordinal that ensureContext uses from now on.
void setDefaultDevice(int ordinal);

} // namespace pool::runtime

#define POOL_CUDA_STRINGIFY(x) #x
#define POOL_CUDA_SYMBOL(x) POOL_CUDA_STRINGIFY(x)

/// Calls driver function `fn` (spelled as in cuda.h, e.g. cuMemAlloc) on
/// behalf of entry point `entry` and yields its CUresult. The symbol looked up
/// is the one cuda.h maps the name to (cuMemAlloc -> cuMemAlloc_v2), resolved
/// once per call site.
#define POOL_CUDA_CALL_RAW(entry, fn, ...)                                     \
  ([](const char *poolCudaEntry) {                                             \
    static auto *const ptr =                                                   \
        reinterpret_cast<decltype(&fn)>(::pool::runtime::lookupDriverSymbol(   \
            poolCudaEntry, POOL_CUDA_SYMBOL(fn)));                             \
    return ptr;                                                                \
  }(entry)(__VA_ARGS__))

/// Calls driver function `fn`; any result but CUDA_SUCCESS is fatal.
#define POOL_CUDA_CALL(entry, fn, ...)                                         \
  do {                                                                         \
    CUresult poolCudaResult = POOL_CUDA_CALL_RAW(entry, fn, __VA_ARGS__);      \
    if (poolCudaResult != CUDA_SUCCESS)                                        \
      ::pool::runtime::fatalDriverError(entry, #fn, poolCudaResult);           \
  } while (false)

#endif // POOL_LIB_RUNTIME_CUDADRIVER_H
