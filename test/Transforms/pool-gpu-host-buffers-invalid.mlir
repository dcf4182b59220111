// RUN: pool-opt %s -split-input-file -verify-diagnostics --pool-gpu-host-buffers

// The copies are synchronous: async launches (after gpu-async-region) are
// refused.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @fill(%out: memref<16xf32>) kernel {
      %tx = gpu.thread_id x
      %f = arith.constant 1.0 : f32
      memref.store %f, %out[%tx] : memref<16xf32>
      gpu.return
    }
  }
  func.func @negative_async_launch(%out: memref<16xf32>) {
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    %t0 = gpu.wait async
    // expected-error @below {{is asynchronous: pool-gpu-host-buffers runs on synchronous launches, before gpu-async-region}}
    %t1 = gpu.launch_func async [%t0] @kernels::@fill blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1) args(%out : memref<16xf32>)
    gpu.wait [%t1]
    return
  }
}

// -----

// A strided operand has no contiguous device copy.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @fill(%out: memref<4xf32, strided<[2]>>) kernel {
      %tx = gpu.thread_id x
      %f = arith.constant 1.0 : f32
      memref.store %f, %out[%tx] : memref<4xf32, strided<[2]>>
      gpu.return
    }
  }
  func.func @negative_strided_operand(%out: memref<4xf32, strided<[2]>>) {
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    // expected-error @below {{kernel operand #0 has a non-identity layout ('memref<4xf32, strided<[2]>>'): no device copy can be made}}
    gpu.launch_func @kernels::@fill blocks in (%c1, %c1, %c1) threads in (%c4, %c1, %c1) args(%out : memref<4xf32, strided<[2]>>)
    return
  }
}
