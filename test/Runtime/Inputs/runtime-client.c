//===- runtime-client.c - Calls the mgpu* entry points like generated code ===//
//
// Declares the entry points with the types of MLIR 22's lowered declarations
// (ptr, i64, i32, i8, i16) and calls them in the order generated code does.
//
//   runtime-client deferred   load and unload modules only: needs no driver
//   runtime-client first-use  load a module, then create a stream
//   runtime-client sequence   every entry point once, checking copied data
//
//===----------------------------------------------------------------------===//

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void *mgpuModuleLoad(void *data, int64_t size);
void *mgpuModuleLoadJIT(void *data, int32_t optLevel);
void mgpuModuleUnload(void *module);
void *mgpuModuleGetFunction(void *module, const char *name);
void mgpuLaunchKernel(void *function, int64_t gridX, int64_t gridY,
                      int64_t gridZ, int64_t blockX, int64_t blockY,
                      int64_t blockZ, int32_t smem, void *stream, void **params,
                      void **extra, int64_t paramsCount);
void mgpuLaunchClusterKernel(void *function, int64_t clusterX, int64_t clusterY,
                             int64_t clusterZ, int64_t gridX, int64_t gridY,
                             int64_t gridZ, int64_t blockX, int64_t blockY,
                             int64_t blockZ, int32_t smem, void *stream,
                             void **params, void **extra);
void *mgpuStreamCreate(void);
void mgpuStreamDestroy(void *stream);
void mgpuStreamSynchronize(void *stream);
void mgpuStreamWaitEvent(void *stream, void *event);
void *mgpuEventCreate(void);
void mgpuEventDestroy(void *event);
void mgpuEventSynchronize(void *event);
void mgpuEventRecord(void *event, void *stream);
void *mgpuMemAlloc(int64_t sizeBytes, void *stream, int8_t isHostShared);
void mgpuMemFree(void *ptr, void *stream);
void mgpuMemcpy(void *dst, void *src, int64_t sizeBytes, void *stream);
void mgpuMemset16(void *dst, int16_t value, int64_t count, void *stream);
void mgpuMemset32(void *dst, int32_t value, int64_t count, void *stream);
void mgpuMemHostRegister(void *ptr, int64_t sizeBytes);
void mgpuMemHostUnregister(void *ptr);
void mgpuMemHostRegisterMemRef(int64_t rank, void *descriptor,
                               int64_t elementSizeBytes);
void mgpuMemHostUnregisterMemRef(int64_t rank, void *descriptor,
                                 int64_t elementSizeBytes);
void mgpuSetDefaultDevice(int32_t device);

static char cubin[] = "FAKE-CUBIN";
static char ptx[] = "// fake PTX";

static void step(const char *what) {
  printf("client: %s\n", what);
  fflush(stdout);
}

/// A rank-2 memref descriptor as generated code lays it out.
struct MemRef2D {
  float *allocated;
  float *aligned;
  int64_t offset;
  int64_t sizes[2];
  int64_t strides[2];
};

static int sequence(void) {
  void *module = mgpuModuleLoad(cubin, sizeof(cubin));
  void *jitModule = mgpuModuleLoadJIT(ptx, 3);
  mgpuSetDefaultDevice(0);

  float host[8] = {0};
  struct MemRef2D memref = {host, host, 0, {2, 4}, {4, 1}};
  mgpuMemHostRegisterMemRef(2, &memref, sizeof(float));
  step("registered");

  void *stream = mgpuStreamCreate();
  void *device = mgpuMemAlloc(sizeof(host), stream, 0);
  void *shared = mgpuMemAlloc(8 * sizeof(uint16_t), NULL, 1);
  float one = 1.0f;
  int32_t oneBits;
  memcpy(&oneBits, &one, sizeof(oneBits));
  mgpuMemset32(device, oneBits, 8, stream);
  mgpuMemset16(shared, (int16_t)0xbeef, 8, stream);
  mgpuMemcpy(host, device, sizeof(host), stream);
  step("copied");

  int32_t scalar = 42;
  void *params[] = {&device, &scalar};
  void *function = mgpuModuleGetFunction(module, "kernel");
  mgpuLaunchKernel(function, 2, 3, 4, 32, 1, 1, 0, stream, params, NULL, 2);
  mgpuLaunchKernel(function, 1, 1, 1, 1, 1, 1, 64 * 1024, stream, params, NULL,
                   2);
  void *jitFunction = mgpuModuleGetFunction(jitModule, "jit_kernel");
  mgpuLaunchClusterKernel(jitFunction, 2, 1, 1, 4, 1, 1, 128, 1, 1, 0, stream,
                          params, NULL);
  step("launched");

  void *event = mgpuEventCreate();
  mgpuEventRecord(event, stream);
  void *other = mgpuStreamCreate();
  mgpuStreamWaitEvent(other, event);
  mgpuEventSynchronize(event);
  mgpuEventDestroy(event);
  mgpuStreamSynchronize(other);
  mgpuStreamDestroy(other);
  mgpuStreamSynchronize(stream);
  mgpuStreamDestroy(stream);
  step("synchronized");

  uint16_t *shared16 = (uint16_t *)shared;
  printf("client: host[7] = %g, shared[7] = %#x\n", host[7], shared16[7]);
  mgpuMemFree(device, NULL);
  mgpuMemFree(shared, NULL);
  mgpuMemHostUnregisterMemRef(2, &memref, sizeof(float));
  mgpuMemHostRegister(host, sizeof(host));
  mgpuMemHostUnregister(host);
  mgpuModuleUnload(jitModule);
  mgpuModuleUnload(module);
  step("done");
  return 0;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  if (!strcmp(mode, "deferred")) {
    void *module = mgpuModuleLoad(cubin, sizeof(cubin));
    void *jitModule = mgpuModuleLoadJIT(ptx, 0);
    step(module && jitModule ? "modules recorded" : "null module handle");
    mgpuModuleUnload(jitModule);
    mgpuModuleUnload(module);
    step("modules unloaded");
    return 0;
  }
  if (!strcmp(mode, "first-use")) {
    void *module = mgpuModuleLoad(cubin, sizeof(cubin));
    step(module ? "module recorded" : "null module handle");
    mgpuStreamCreate();
    step("stream created");
    return 0;
  }
  if (!strcmp(mode, "sequence"))
    return sequence();
  fprintf(stderr, "usage: %s deferred|first-use|sequence\n", argv[0]);
  return 2;
}
