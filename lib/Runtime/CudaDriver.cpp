//===- CudaDriver.cpp - CUDA driver loaded at run time --------------------===//
//
// Opens libcuda.so.1 on first use, reports errors, and owns the primary
// contexts. POOL_CUDA_DRIVER names another driver library to open (tests use
// it to point at a missing or fake one).
//
//===----------------------------------------------------------------------===//

#include "CudaDriver.h"

#include <dlfcn.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

using namespace pool::runtime;

namespace {
constexpr const char *kDefaultDriver = "libcuda.so.1";

/// The process-wide driver state. Handles created by the runtime belong to
/// the primary context of the device they were created on; that context is
/// retained once and never released, because module unloads run from global
/// destructors until the very end of the process.
struct DriverState {
  std::once_flag openOnce;
  void *handle = nullptr;
  const char *name = kDefaultDriver;

  std::once_flag initOnce;

  std::mutex contextsMutex;
  std::map<int, CUcontext> contexts;

  int defaultDevice = 0;
};

DriverState &state() {
  // Never destroyed: destructors of generated modules may still call in.
  static DriverState *driver = new DriverState();
  return *driver;
}

void *openDriver(const char *entry) {
  DriverState &driver = state();
  std::call_once(driver.openOnce, [&] {
    if (const char *name = std::getenv("POOL_CUDA_DRIVER"); name && *name)
      driver.name = name;
    dlerror();
    driver.handle = dlopen(driver.name, RTLD_NOW | RTLD_LOCAL);
    if (!driver.handle) {
      const char *why = dlerror();
      fatal(entry, "no CUDA device: %s cannot be loaded (%s)", driver.name,
            why ? why : "unknown dlopen error");
    }
  });
  return driver.handle;
}

/// Returns the name and description the driver has for `result`, or
/// placeholders when it has none (or lacks the query functions).
void describe(CUresult result, const char *&name, const char *&text) {
  name = nullptr;
  text = nullptr;
  void *handle = state().handle;
  if (!handle)
    return;
  using QueryFn = CUresult(CUDAAPI *)(CUresult, const char **);
  if (auto getName = reinterpret_cast<QueryFn>(dlsym(handle, "cuGetErrorName"));
      getName && getName(result, &name) != CUDA_SUCCESS)
    name = nullptr;
  if (auto getText =
          reinterpret_cast<QueryFn>(dlsym(handle, "cuGetErrorString"));
      getText && getText(result, &text) != CUDA_SUCCESS)
    text = nullptr;
}
} // namespace

void pool::runtime::fatal(const char *entry, const char *format, ...) {
  // The first failing thread reports; any other blocks here until exit.
  static std::mutex reportMutex;
  reportMutex.lock();
  // Flush what the program printed so far, so the message comes last.
  std::fflush(nullptr);
  char message[2048];
  va_list args;
  va_start(args, format);
  std::vsnprintf(message, sizeof(message), format, args);
  va_end(args);
  std::fprintf(stderr, "pool-cuda-runtime: %s [in %s]\n", message, entry);
  std::fflush(stderr);
  // No exit handlers: they would run the generated modules' destructors,
  // which call back into the failed driver.
  std::_Exit(1);
}

void pool::runtime::fatalDriverError(const char *entry, const char *call,
                                     CUresult result, const char *detail) {
  const char *name, *text;
  describe(result, name, text);
  char unknown[32];
  if (!name) {
    std::snprintf(unknown, sizeof(unknown), "CUresult %d",
                  static_cast<int>(result));
    name = unknown;
  }
  fatal(entry, "%s failed: %s (%s)%s%s", call, name,
        text ? text : "no description", detail ? "; " : "",
        detail ? detail : "");
}

void *pool::runtime::lookupDriverSymbol(const char *entry, const char *symbol) {
  void *handle = openDriver(entry);
  dlerror();
  void *ptr = dlsym(handle, symbol);
  if (!ptr) {
    const char *why = dlerror();
    fatal(entry, "the CUDA driver %s lacks %s (%s)", state().name, symbol,
          why ? why : "null symbol");
  }
  return ptr;
}

void pool::runtime::setDefaultDevice(int ordinal) {
  DriverState &driver = state();
  std::lock_guard<std::mutex> lock(driver.contextsMutex);
  driver.defaultDevice = ordinal;
}

void pool::runtime::ensureContext(const char *entry) {
  DriverState &driver = state();
  openDriver(entry);
  std::call_once(driver.initOnce, [&] {
    CUresult result = POOL_CUDA_CALL_RAW(entry, cuInit, 0);
    if (result != CUDA_SUCCESS) {
      const char *name, *text;
      describe(result, name, text);
      fatal(entry, "no CUDA device: cuInit failed: %s (%s)",
            name ? name : "unknown CUresult", text ? text : "no description");
    }
  });

  CUcontext context = nullptr;
  {
    std::lock_guard<std::mutex> lock(driver.contextsMutex);
    int ordinal = driver.defaultDevice;
    auto it = driver.contexts.find(ordinal);
    if (it != driver.contexts.end()) {
      context = it->second;
    } else {
      CUdevice device;
      POOL_CUDA_CALL(entry, cuDeviceGet, &device, ordinal);
      POOL_CUDA_CALL(entry, cuDevicePrimaryCtxRetain, &context, device);
      driver.contexts.emplace(ordinal, context);
    }
  }
  POOL_CUDA_CALL(entry, cuCtxSetCurrent, context);
}
