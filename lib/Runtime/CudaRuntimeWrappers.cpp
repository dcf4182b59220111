//===- CudaRuntimeWrappers.cpp - mgpu* entry points on the CUDA driver ----===//
//
// The C entry points that MLIR 22's gpu-to-llvm conversion and the gpu.binary
// offloading translation (#gpu.select_object) call, with the ABI of upstream's
// mlir/lib/ExecutionEngine/CudaRuntimeWrappers.cpp. Generated code passes
// `index` values as intptr_t and treats every handle as an opaque pointer.
//
// Module loads run from global constructors, before anything could report an
// error usefully: mgpuModuleLoad only remembers the image, which is loaded
// into the driver on the first mgpuModuleGetFunction (that is, at launch).
//
//===----------------------------------------------------------------------===//

#include "CudaDriver.h"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <new>

#define POOL_RUNTIME_EXPORT extern "C" __attribute__((visibility("default")))

using namespace pool::runtime;

namespace {
/// What mgpuModuleLoad / mgpuModuleLoadJIT hand out: the image, loaded into
/// the driver on first use.
struct DeferredModule {
  const void *image;
  bool isPtx;
  int optLevel;
  std::once_flag loadOnce;
  CUmodule module = nullptr;
};

CUdeviceptr toDevicePtr(const void *ptr) {
  return reinterpret_cast<CUdeviceptr>(ptr);
}

/// Checks that a launch dimension fits the driver's unsigned int.
unsigned launchDim(const char *entry, const char *what, intptr_t value) {
  if (value < 1 || static_cast<uintmax_t>(value) > UINT_MAX)
    fatal(entry, "%s %jd is out of range [1, %u]", what,
          static_cast<intmax_t>(value), UINT_MAX);
  return static_cast<unsigned>(value);
}

/// Shared memory beyond the default 48 KiB must be opted into per function.
void allowDynamicSharedMemory(const char *entry, CUfunction function,
                              int32_t smem) {
  if (smem < 0)
    fatal(entry, "dynamic shared memory size %d is negative", smem);
  if (smem > 48 * 1024)
    POOL_CUDA_CALL(entry, cuFuncSetAttribute, function,
                   CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, smem);
}

/// The leading fields of a ranked memref descriptor; `rank` sizes and then
/// `rank` strides follow.
struct MemRefHeader {
  char *allocated;
  char *aligned;
  int64_t offset;
};

const int64_t *memrefSizes(const MemRefHeader *descriptor) {
  return reinterpret_cast<const int64_t *>(descriptor + 1);
}

/// Returns the size in bytes of a densely packed memref; any other layout is
/// fatal, since host registration needs one contiguous range.
uint64_t denseMemRefBytes(const char *entry, int64_t rank,
                          const MemRefHeader *descriptor,
                          int64_t elementSizeBytes) {
  if (rank < 0 || elementSizeBytes <= 0)
    fatal(entry, "bad memref (rank %jd, element size %jd)",
          static_cast<intmax_t>(rank), static_cast<intmax_t>(elementSizeBytes));
  const int64_t *sizes = memrefSizes(descriptor);
  const int64_t *strides = sizes + rank;
  uint64_t elements = 1;
  for (int64_t i = rank - 1; i >= 0; --i) {
    if (sizes[i] == 0)
      return 0;
    if (sizes[i] > 1 && strides[i] != static_cast<int64_t>(elements))
      fatal(entry,
            "memref is not densely packed: stride %jd of dimension %jd, "
            "expected %ju",
            static_cast<intmax_t>(strides[i]), static_cast<intmax_t>(i),
            static_cast<uintmax_t>(elements));
    elements *= static_cast<uint64_t>(sizes[i]);
  }
  return elements * static_cast<uint64_t>(elementSizeBytes);
}

char *memrefStart(const MemRefHeader *descriptor, int64_t elementSizeBytes) {
  return descriptor->aligned + descriptor->offset * elementSizeBytes;
}
} // namespace

//===----------------------------------------------------------------------===//
// Modules and kernels
//===----------------------------------------------------------------------===//

/// Remembers a cubin or fatbin image; `size` is unused (the driver reads the
/// image's own header).
POOL_RUNTIME_EXPORT void *mgpuModuleLoad(void *data, size_t /*size*/) {
  auto *module = new (std::nothrow) DeferredModule{data, false, 0, {}};
  if (!module)
    fatal(__func__, "out of host memory");
  return module;
}

/// Remembers a NUL-terminated PTX image, JIT-compiled at `optLevel` on first
/// use.
POOL_RUNTIME_EXPORT void *mgpuModuleLoadJIT(void *data, int32_t optLevel) {
  auto *module = new (std::nothrow) DeferredModule{data, true, optLevel, {}};
  if (!module)
    fatal(__func__, "out of host memory");
  return module;
}

POOL_RUNTIME_EXPORT void mgpuModuleUnload(void *handle) {
  auto *module = static_cast<DeferredModule *>(handle);
  if (!module)
    return;
  if (module->module) {
    ensureContext(__func__);
    CUresult result =
        POOL_CUDA_CALL_RAW(__func__, cuModuleUnload, module->module);
    // From a global destructor the driver may already have shut down.
    if (result != CUDA_SUCCESS && result != CUDA_ERROR_DEINITIALIZED)
      fatalDriverError(__func__, "cuModuleUnload", result);
  }
  delete module;
}

POOL_RUNTIME_EXPORT CUfunction mgpuModuleGetFunction(void *handle,
                                                     const char *name) {
  const char *entry = __func__;
  auto *module = static_cast<DeferredModule *>(handle);
  if (!module)
    fatal(entry, "null module handle for kernel '%s'", name ? name : "");
  ensureContext(entry);
  std::call_once(module->loadOnce, [&] {
    if (!module->isPtx) {
      POOL_CUDA_CALL(entry, cuModuleLoadData, &module->module, module->image);
      return;
    }
    char log[8192] = {0};
    CUjit_option options[] = {CU_JIT_ERROR_LOG_BUFFER,
                              CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES,
                              CU_JIT_OPTIMIZATION_LEVEL};
    // One byte short, so the log stays NUL-terminated.
    void *values[] = {
        log, reinterpret_cast<void *>(sizeof(log) - 1),
        reinterpret_cast<void *>(static_cast<intptr_t>(module->optLevel))};
    CUresult result =
        POOL_CUDA_CALL_RAW(entry, cuModuleLoadDataEx, &module->module,
                           module->image, 3, options, values);
    if (result != CUDA_SUCCESS) {
      // Keep the report on one line.
      for (char &c : log)
        if (c == '\n')
          c = ' ';
      char detail[sizeof(log) + 16];
      std::snprintf(detail, sizeof(detail), "JIT log: %s", log);
      fatalDriverError(entry, "cuModuleLoadDataEx", result,
                       log[0] ? detail : nullptr);
    }
  });
  CUfunction function = nullptr;
  POOL_CUDA_CALL(entry, cuModuleGetFunction, &function, module->module, name);
  return function;
}

/// `paramsCount` (the number of entries in `params`) is for runtimes that
/// must copy arguments; the CUDA driver reads them in place.
POOL_RUNTIME_EXPORT void
mgpuLaunchKernel(CUfunction function, intptr_t gridX, intptr_t gridY,
                 intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                 intptr_t blockZ, int32_t smem, CUstream stream, void **params,
                 void **extra, size_t /*paramsCount*/) {
  const char *entry = __func__;
  ensureContext(entry);
  unsigned gx = launchDim(entry, "grid size x", gridX);
  unsigned gy = launchDim(entry, "grid size y", gridY);
  unsigned gz = launchDim(entry, "grid size z", gridZ);
  unsigned bx = launchDim(entry, "block size x", blockX);
  unsigned by = launchDim(entry, "block size y", blockY);
  unsigned bz = launchDim(entry, "block size z", blockZ);
  allowDynamicSharedMemory(entry, function, smem);
  POOL_CUDA_CALL(entry, cuLaunchKernel, function, gx, gy, gz, bx, by, bz,
                 static_cast<unsigned>(smem), stream, params, extra);
}

/// A launch with thread block clusters; the grid counts blocks, not clusters.
POOL_RUNTIME_EXPORT void
mgpuLaunchClusterKernel(CUfunction function, intptr_t clusterX,
                        intptr_t clusterY, intptr_t clusterZ, intptr_t gridX,
                        intptr_t gridY, intptr_t gridZ, intptr_t blockX,
                        intptr_t blockY, intptr_t blockZ, int32_t smem,
                        CUstream stream, void **params, void **extra) {
  const char *entry = __func__;
  ensureContext(entry);
  CUlaunchAttribute cluster = {};
  cluster.id = CU_LAUNCH_ATTRIBUTE_CLUSTER_DIMENSION;
  cluster.value.clusterDim.x = launchDim(entry, "cluster size x", clusterX);
  cluster.value.clusterDim.y = launchDim(entry, "cluster size y", clusterY);
  cluster.value.clusterDim.z = launchDim(entry, "cluster size z", clusterZ);
  CUlaunchConfig config = {};
  config.gridDimX = launchDim(entry, "grid size x", gridX);
  config.gridDimY = launchDim(entry, "grid size y", gridY);
  config.gridDimZ = launchDim(entry, "grid size z", gridZ);
  config.blockDimX = launchDim(entry, "block size x", blockX);
  config.blockDimY = launchDim(entry, "block size y", blockY);
  config.blockDimZ = launchDim(entry, "block size z", blockZ);
  config.sharedMemBytes = static_cast<unsigned>(smem);
  config.hStream = stream;
  config.attrs = &cluster;
  config.numAttrs = 1;
  allowDynamicSharedMemory(entry, function, smem);
  // Clusters of more than 8 blocks are not portable and must be allowed.
  uint64_t clusterBlocks = uint64_t(cluster.value.clusterDim.x) *
                           cluster.value.clusterDim.y *
                           cluster.value.clusterDim.z;
  if (clusterBlocks > 8)
    POOL_CUDA_CALL(entry, cuFuncSetAttribute, function,
                   CU_FUNC_ATTRIBUTE_NON_PORTABLE_CLUSTER_SIZE_ALLOWED, 1);
  POOL_CUDA_CALL(entry, cuLaunchKernelEx, &config, function, params, extra);
}

//===----------------------------------------------------------------------===//
// Streams and events
//===----------------------------------------------------------------------===//

POOL_RUNTIME_EXPORT CUstream mgpuStreamCreate() {
  ensureContext(__func__);
  CUstream stream = nullptr;
  POOL_CUDA_CALL(__func__, cuStreamCreate, &stream, CU_STREAM_NON_BLOCKING);
  return stream;
}

POOL_RUNTIME_EXPORT void mgpuStreamDestroy(CUstream stream) {
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuStreamDestroy, stream);
}

POOL_RUNTIME_EXPORT void mgpuStreamSynchronize(CUstream stream) {
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuStreamSynchronize, stream);
}

POOL_RUNTIME_EXPORT void mgpuStreamWaitEvent(CUstream stream, CUevent event) {
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuStreamWaitEvent, stream, event, 0);
}

POOL_RUNTIME_EXPORT CUevent mgpuEventCreate() {
  ensureContext(__func__);
  CUevent event = nullptr;
  POOL_CUDA_CALL(__func__, cuEventCreate, &event, CU_EVENT_DISABLE_TIMING);
  return event;
}

POOL_RUNTIME_EXPORT void mgpuEventDestroy(CUevent event) {
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuEventDestroy, event);
}

POOL_RUNTIME_EXPORT void mgpuEventSynchronize(CUevent event) {
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuEventSynchronize, event);
}

POOL_RUNTIME_EXPORT void mgpuEventRecord(CUevent event, CUstream stream) {
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuEventRecord, event, stream);
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

/// `isHostShared` arrives as an i8 that generated code does not extend, so
/// it is taken as a wider integer and only its low byte is read.
POOL_RUNTIME_EXPORT void *mgpuMemAlloc(uint64_t sizeBytes, CUstream /*stream*/,
                                       uint32_t isHostShared) {
  ensureContext(__func__);
  CUdeviceptr ptr = 0;
  if (sizeBytes == 0)
    return nullptr;
  if (isHostShared & 0xff)
    POOL_CUDA_CALL(__func__, cuMemAllocManaged, &ptr, sizeBytes,
                   CU_MEM_ATTACH_GLOBAL);
  else
    POOL_CUDA_CALL(__func__, cuMemAlloc, &ptr, sizeBytes);
  return reinterpret_cast<void *>(ptr);
}

POOL_RUNTIME_EXPORT void mgpuMemFree(void *ptr, CUstream /*stream*/) {
  if (!ptr)
    return;
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuMemFree, toDevicePtr(ptr));
}

POOL_RUNTIME_EXPORT void mgpuMemcpy(void *dst, void *src, size_t sizeBytes,
                                    CUstream stream) {
  ensureContext(__func__);
  if (sizeBytes == 0)
    return;
  POOL_CUDA_CALL(__func__, cuMemcpyAsync, toDevicePtr(dst), toDevicePtr(src),
                 sizeBytes, stream);
}

/// `value` arrives as an i16 that generated code does not extend.
POOL_RUNTIME_EXPORT void mgpuMemset16(void *dst, uint32_t value, size_t count,
                                      CUstream stream) {
  ensureContext(__func__);
  if (count == 0)
    return;
  POOL_CUDA_CALL(__func__, cuMemsetD16Async, toDevicePtr(dst),
                 static_cast<unsigned short>(value & 0xffff), count, stream);
}

POOL_RUNTIME_EXPORT void mgpuMemset32(void *dst, uint32_t value, size_t count,
                                      CUstream stream) {
  ensureContext(__func__);
  if (count == 0)
    return;
  POOL_CUDA_CALL(__func__, cuMemsetD32Async, toDevicePtr(dst), value, count,
                 stream);
}

POOL_RUNTIME_EXPORT void mgpuMemHostRegister(void *ptr, uint64_t sizeBytes) {
  ensureContext(__func__);
  if (sizeBytes == 0)
    return;
  POOL_CUDA_CALL(__func__, cuMemHostRegister, ptr, sizeBytes, 0);
}

POOL_RUNTIME_EXPORT void mgpuMemHostUnregister(void *ptr) {
  ensureContext(__func__);
  POOL_CUDA_CALL(__func__, cuMemHostUnregister, ptr);
}

/// Registers the memory of a densely packed ranked memref; `descriptor`
/// points to its descriptor struct.
POOL_RUNTIME_EXPORT void mgpuMemHostRegisterMemRef(int64_t rank,
                                                   void *descriptor,
                                                   int64_t elementSizeBytes) {
  ensureContext(__func__);
  auto *header = static_cast<const MemRefHeader *>(descriptor);
  uint64_t sizeBytes =
      denseMemRefBytes(__func__, rank, header, elementSizeBytes);
  if (sizeBytes == 0)
    return;
  POOL_CUDA_CALL(__func__, cuMemHostRegister,
                 memrefStart(header, elementSizeBytes), sizeBytes, 0);
}

POOL_RUNTIME_EXPORT void mgpuMemHostUnregisterMemRef(int64_t rank,
                                                     void *descriptor,
                                                     int64_t elementSizeBytes) {
  ensureContext(__func__);
  auto *header = static_cast<const MemRefHeader *>(descriptor);
  // An empty memref was never registered.
  if (denseMemRefBytes(__func__, rank, header, elementSizeBytes) == 0)
    return;
  POOL_CUDA_CALL(__func__, cuMemHostUnregister,
                 memrefStart(header, elementSizeBytes));
}

//===----------------------------------------------------------------------===//
// Devices
//===----------------------------------------------------------------------===//

/// Selects the device whose primary context later calls use. Handles created
/// before stay with the device they were created on.
POOL_RUNTIME_EXPORT void mgpuSetDefaultDevice(int32_t device) {
  setDefaultDevice(device);
}
