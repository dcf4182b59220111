//===- FakeCudaDriver.cpp - A test-only libcuda.so.1 ----------------------===//
//
// Just enough of the CUDA driver API for the runtime library's tests, on host
// memory. Built as libcuda.so.1 in its own folder and found through
// LD_LIBRARY_PATH (or POOL_CUDA_DRIVER). cuda.h declares the functions, so the
// exported names are the real driver's (cuMemAlloc is cuMemAlloc_v2).
//
//   FAKE_CUDA_LOG=1          log every call and its arguments on stderr
//   FAKE_CUDA_FAIL=name=code make call `name` (as spelled in cuda.h) return
//                            CUresult `code`, e.g. FAKE_CUDA_FAIL=cuMemAlloc=2
//
// Kernels do not run: a launch is only logged.
//
//===----------------------------------------------------------------------===//

#include <cuda.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#define FAKE_EXPORT __attribute__((visibility("default")))

namespace {
struct FakeFunction {
  std::string name;
};

/// Logs call `name` and returns the CUresult FAKE_CUDA_FAIL asks of it.
__attribute__((format(printf, 2, 3))) CUresult enter(const char *name,
                                                     const char *format, ...) {
  if (std::getenv("FAKE_CUDA_LOG")) {
    std::fprintf(stderr, "fake-cuda: %s(", name);
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fprintf(stderr, ")\n");
  }
  const char *fail = std::getenv("FAKE_CUDA_FAIL");
  size_t length = std::strlen(name);
  if (fail && !std::strncmp(fail, name, length) && fail[length] == '=')
    return static_cast<CUresult>(std::atoi(fail + length + 1));
  return CUDA_SUCCESS;
}

const char *errorName(CUresult result) {
  switch (result) {
  case CUDA_SUCCESS:
    return "CUDA_SUCCESS";
  case CUDA_ERROR_INVALID_VALUE:
    return "CUDA_ERROR_INVALID_VALUE";
  case CUDA_ERROR_OUT_OF_MEMORY:
    return "CUDA_ERROR_OUT_OF_MEMORY";
  case CUDA_ERROR_DEINITIALIZED:
    return "CUDA_ERROR_DEINITIALIZED";
  case CUDA_ERROR_NO_DEVICE:
    return "CUDA_ERROR_NO_DEVICE";
  case CUDA_ERROR_INVALID_DEVICE:
    return "CUDA_ERROR_INVALID_DEVICE";
  case CUDA_ERROR_INVALID_PTX:
    return "CUDA_ERROR_INVALID_PTX";
  case CUDA_ERROR_LAUNCH_FAILED:
    return "CUDA_ERROR_LAUNCH_FAILED";
  default:
    return nullptr;
  }
}
} // namespace

extern "C" {
FAKE_EXPORT CUresult cuGetErrorName(CUresult result, const char **name) {
  *name = errorName(result);
  return *name ? CUDA_SUCCESS : CUDA_ERROR_INVALID_VALUE;
}

FAKE_EXPORT CUresult cuGetErrorString(CUresult result, const char **text) {
  *text = errorName(result) ? "fake description" : nullptr;
  return *text ? CUDA_SUCCESS : CUDA_ERROR_INVALID_VALUE;
}

FAKE_EXPORT CUresult cuInit(unsigned flags) {
  return enter("cuInit", "%u", flags);
}

FAKE_EXPORT CUresult cuDeviceGet(CUdevice *device, int ordinal) {
  if (CUresult result = enter("cuDeviceGet", "%d", ordinal))
    return result;
  if (ordinal != 0)
    return CUDA_ERROR_INVALID_DEVICE;
  *device = ordinal;
  return CUDA_SUCCESS;
}

FAKE_EXPORT CUresult cuDevicePrimaryCtxRetain(CUcontext *context,
                                              CUdevice device) {
  *context = reinterpret_cast<CUcontext>(0xc0 + device);
  return enter("cuDevicePrimaryCtxRetain", "device=%d", device);
}

FAKE_EXPORT CUresult cuCtxSetCurrent(CUcontext context) {
  return enter("cuCtxSetCurrent", "%p", static_cast<void *>(context));
}

FAKE_EXPORT CUresult cuModuleLoadData(CUmodule *module, const void *image) {
  *module = reinterpret_cast<CUmodule>(std::malloc(1));
  return enter("cuModuleLoadData", "image='%.4s...'",
               static_cast<const char *>(image));
}

FAKE_EXPORT CUresult cuModuleLoadDataEx(CUmodule *module, const void *image,
                                        unsigned numOptions,
                                        CUjit_option *options, void **values) {
  *module = reinterpret_cast<CUmodule>(std::malloc(1));
  long optLevel = -1;
  char *log = nullptr;
  for (unsigned i = 0; i < numOptions; ++i) {
    if (options[i] == CU_JIT_OPTIMIZATION_LEVEL)
      optLevel = reinterpret_cast<long>(values[i]);
    if (options[i] == CU_JIT_ERROR_LOG_BUFFER)
      log = static_cast<char *>(values[i]);
  }
  CUresult result = enter("cuModuleLoadDataEx", "ptx='%.4s...', O%ld",
                          static_cast<const char *>(image), optLevel);
  if (result && log)
    std::strcpy(log, "fake ptxas: syntax error");
  return result;
}

FAKE_EXPORT CUresult cuModuleUnload(CUmodule module) {
  std::free(module);
  return enter("cuModuleUnload", "");
}

FAKE_EXPORT CUresult cuModuleGetFunction(CUfunction *function, CUmodule,
                                         const char *name) {
  *function = reinterpret_cast<CUfunction>(new FakeFunction{name});
  return enter("cuModuleGetFunction", "'%s'", name);
}

FAKE_EXPORT CUresult cuFuncSetAttribute(CUfunction function,
                                        CUfunction_attribute attribute,
                                        int value) {
  return enter("cuFuncSetAttribute", "'%s', attribute=%d, %d",
               reinterpret_cast<FakeFunction *>(function)->name.c_str(),
               attribute, value);
}

FAKE_EXPORT CUresult cuLaunchKernel(CUfunction function, unsigned gx,
                                    unsigned gy, unsigned gz, unsigned bx,
                                    unsigned by, unsigned bz, unsigned smem,
                                    CUstream stream, void **params,
                                    void **extra) {
  return enter("cuLaunchKernel",
               "'%s', grid=%ux%ux%u, block=%ux%ux%u, smem=%u, stream=%s, "
               "params=%s, extra=%s",
               reinterpret_cast<FakeFunction *>(function)->name.c_str(), gx, gy,
               gz, bx, by, bz, smem, stream ? "set" : "null",
               params ? "set" : "null", extra ? "set" : "null");
}

FAKE_EXPORT CUresult cuLaunchKernelEx(const CUlaunchConfig *config,
                                      CUfunction function, void **params,
                                      void **extra) {
  unsigned cx = 0, cy = 0, cz = 0;
  for (unsigned i = 0; i < config->numAttrs; ++i) {
    if (config->attrs[i].id != CU_LAUNCH_ATTRIBUTE_CLUSTER_DIMENSION)
      continue;
    cx = config->attrs[i].value.clusterDim.x;
    cy = config->attrs[i].value.clusterDim.y;
    cz = config->attrs[i].value.clusterDim.z;
  }
  return enter("cuLaunchKernelEx",
               "'%s', cluster=%ux%ux%u, grid=%ux%ux%u, block=%ux%ux%u, "
               "smem=%u, params=%s, extra=%s",
               reinterpret_cast<FakeFunction *>(function)->name.c_str(), cx, cy,
               cz, config->gridDimX, config->gridDimY, config->gridDimZ,
               config->blockDimX, config->blockDimY, config->blockDimZ,
               config->sharedMemBytes, params ? "set" : "null",
               extra ? "set" : "null");
}

FAKE_EXPORT CUresult cuStreamCreate(CUstream *stream, unsigned flags) {
  *stream = reinterpret_cast<CUstream>(std::malloc(1));
  return enter("cuStreamCreate", "flags=%u", flags);
}

FAKE_EXPORT CUresult cuStreamDestroy(CUstream stream) {
  std::free(stream);
  return enter("cuStreamDestroy", "");
}

FAKE_EXPORT CUresult cuStreamSynchronize(CUstream) {
  return enter("cuStreamSynchronize", "");
}

FAKE_EXPORT CUresult cuStreamWaitEvent(CUstream, CUevent, unsigned flags) {
  return enter("cuStreamWaitEvent", "flags=%u", flags);
}

FAKE_EXPORT CUresult cuEventCreate(CUevent *event, unsigned flags) {
  *event = reinterpret_cast<CUevent>(std::malloc(1));
  return enter("cuEventCreate", "flags=%u", flags);
}

FAKE_EXPORT CUresult cuEventDestroy(CUevent event) {
  std::free(event);
  return enter("cuEventDestroy", "");
}

FAKE_EXPORT CUresult cuEventSynchronize(CUevent) {
  return enter("cuEventSynchronize", "");
}

FAKE_EXPORT CUresult cuEventRecord(CUevent, CUstream) {
  return enter("cuEventRecord", "");
}

FAKE_EXPORT CUresult cuMemAlloc(CUdeviceptr *ptr, size_t bytes) {
  if (CUresult result = enter("cuMemAlloc", "%zu", bytes))
    return result;
  *ptr = reinterpret_cast<CUdeviceptr>(std::calloc(1, bytes));
  return CUDA_SUCCESS;
}

FAKE_EXPORT CUresult cuMemAllocManaged(CUdeviceptr *ptr, size_t bytes,
                                       unsigned flags) {
  if (CUresult result =
          enter("cuMemAllocManaged", "%zu, flags=%u", bytes, flags))
    return result;
  *ptr = reinterpret_cast<CUdeviceptr>(std::calloc(1, bytes));
  return CUDA_SUCCESS;
}

FAKE_EXPORT CUresult cuMemFree(CUdeviceptr ptr) {
  std::free(reinterpret_cast<void *>(ptr));
  return enter("cuMemFree", "");
}

FAKE_EXPORT CUresult cuMemcpyAsync(CUdeviceptr dst, CUdeviceptr src,
                                   size_t bytes, CUstream) {
  if (CUresult result = enter("cuMemcpyAsync", "%zu", bytes))
    return result;
  std::memcpy(reinterpret_cast<void *>(dst), reinterpret_cast<void *>(src),
              bytes);
  return CUDA_SUCCESS;
}

FAKE_EXPORT CUresult cuMemsetD16Async(CUdeviceptr dst, unsigned short value,
                                      size_t count, CUstream) {
  if (CUresult result = enter("cuMemsetD16Async", "%hu, %zu", value, count))
    return result;
  auto *data = reinterpret_cast<unsigned short *>(dst);
  for (size_t i = 0; i < count; ++i)
    data[i] = value;
  return CUDA_SUCCESS;
}

FAKE_EXPORT CUresult cuMemsetD32Async(CUdeviceptr dst, unsigned value,
                                      size_t count, CUstream) {
  if (CUresult result = enter("cuMemsetD32Async", "%#x, %zu", value, count))
    return result;
  auto *data = reinterpret_cast<unsigned *>(dst);
  for (size_t i = 0; i < count; ++i)
    data[i] = value;
  return CUDA_SUCCESS;
}

FAKE_EXPORT CUresult cuMemHostRegister(void *, size_t bytes, unsigned flags) {
  return enter("cuMemHostRegister", "%zu, flags=%u", bytes, flags);
}

FAKE_EXPORT CUresult cuMemHostUnregister(void *) {
  return enter("cuMemHostUnregister", "");
}
} // extern "C"
