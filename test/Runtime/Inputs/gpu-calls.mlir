// Host code that uses every GPU runtime call MLIR 22 lowers to (apart from the
// sparse and TMA ones): symbols.test lowers it with Debian's mlir-opt and
// mlir-translate and checks that libpool_cuda_runtime.so defines each mgpu*
// function the result declares.
module attributes {gpu.container_module} {
  // A cubin (mgpuModuleLoad) and PTX (mgpuModuleLoadJIT); never run.
  gpu.binary @cubin [#gpu.object<#nvvm.target, bin = "CUBIN">]
  gpu.binary @ptx [#gpu.object<#nvvm.target, assembly = "PTX">]

  func.func @all_calls(%host: memref<16xf32>) {
    %c0 = arith.constant 0 : i32
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c16 = arith.constant 16 : index
    %f = arith.constant 1.0 : f32
    %i = arith.constant 7 : i16
    gpu.set_default_device %c0
    %unranked = memref.cast %host : memref<16xf32> to memref<*xf32>
    gpu.host_register %unranked : memref<*xf32>
    %shared = gpu.alloc host_shared () : memref<16xi16>
    %t0 = gpu.wait async
    %dev, %t1 = gpu.alloc async [%t0] () : memref<16xf32>
    %t2 = gpu.memset async [%t1] %dev, %f : memref<16xf32>, f32
    %t3 = gpu.memset async [%t2] %shared, %i : memref<16xi16>, i16
    %t4 = gpu.memcpy async [%t3] %dev, %host : memref<16xf32>, memref<16xf32>
    %t5 = gpu.launch_func async [%t4] @cubin::@k
        blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1)
        args(%dev : memref<16xf32>)
    %t6 = gpu.launch_func async [%t5] @ptx::@k
        blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1)
        args(%dev : memref<16xf32>)
    // Joining two streams goes through events.
    %t7 = gpu.wait async
    %t8 = gpu.wait async [%t6, %t7]
    %t9 = gpu.dealloc async [%t8] %dev : memref<16xf32>
    %t10 = gpu.dealloc async [%t9] %shared : memref<16xi16>
    gpu.wait [%t10]
    gpu.launch_func @cubin::@k clusters in (%c2, %c1, %c1)
        blocks in (%c2, %c1, %c1) threads in (%c16, %c1, %c1)
        args(%host : memref<16xf32>)
    gpu.host_unregister %unranked : memref<*xf32>
    return
  }
}
