// Code lowered by upstream's gpu-to-llvm and gpu.binary translation runs in
// mlir-runner with the runtime library: on the fake driver the module image
// loads at the kernel lookup, the memset value and the copy reach the host,
// and a missing driver is reported once at the first device call, not by the
// module's global constructor.

// RUN: mlir-opt %s --finalize-memref-to-llvm --gpu-to-llvm \
// RUN:   --convert-func-to-llvm --convert-arith-to-llvm \
// RUN:   --reconcile-unrealized-casts > %t.ll.mlir
// RUN: env LD_LIBRARY_PATH=%fake_cuda_dir FAKE_CUDA_LOG=1 \
// RUN:   mlir-runner %t.ll.mlir -e main -entry-point-result=void \
// RUN:   -shared-libs=%cuda_runtime,%mlir_runner_utils > %t.out 2> %t.log
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=LOG < %t.log
// RUN: env POOL_CUDA_DRIVER=%t.missing/libcuda.so.1 \
// RUN:   not mlir-runner %t.ll.mlir -e main -entry-point-result=void \
// RUN:   -shared-libs=%cuda_runtime,%mlir_runner_utils 2> %t.err
// RUN: FileCheck %s --check-prefix=NODEV < %t.err
// RUN: count 1 < %t.err

module attributes {gpu.container_module} {
  gpu.binary @kernels [#gpu.object<#nvvm.target, bin = "CUBIN">]
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @main() {
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %value = arith.constant 2.5 : f32
    %host = memref.alloc() : memref<4xf32>
    %t0 = gpu.wait async
    %dev, %t1 = gpu.alloc async [%t0] () : memref<4xf32>
    %t2 = gpu.memset async [%t1] %dev, %value : memref<4xf32>, f32
    %t3 = gpu.launch_func async [%t2] @kernels::@fill
        blocks in (%c1, %c1, %c1) threads in (%c4, %c1, %c1)
        args(%dev : memref<4xf32>)
    %t4 = gpu.memcpy async [%t3] %host, %dev : memref<4xf32>, memref<4xf32>
    %t5 = gpu.dealloc async [%t4] %dev : memref<4xf32>
    gpu.wait [%t5]
    %unranked = memref.cast %host : memref<4xf32> to memref<*xf32>
    call @printMemrefF32(%unranked) : (memref<*xf32>) -> ()
    memref.dealloc %host : memref<4xf32>
    return
  }
}

// CHECK: [2.5, 2.5, 2.5, 2.5]

// LOG:      cuStreamCreate(flags=1)
// LOG:      cuMemAlloc(16)
// LOG:      cuMemsetD32Async(0x40200000, 4)
// LOG:      cuModuleLoadData(image='CUBI...')
// LOG-NEXT: cuModuleGetFunction('fill')
// LOG:      cuLaunchKernel('fill', grid=1x1x1, block=4x1x1, smem=0, stream=set, params=set, extra=null)
// LOG:      cuMemcpyAsync(16)
// LOG:      cuMemFree()
// LOG:      cuStreamSynchronize()
// LOG:      cuStreamDestroy()
// The global destructor unloads the module.
// LOG:      cuModuleUnload()

// NODEV: pool-cuda-runtime: no CUDA device: {{.*}} cannot be loaded ({{.*}}) [in mgpuStreamCreate]
