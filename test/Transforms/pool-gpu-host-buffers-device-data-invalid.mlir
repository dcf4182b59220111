// RUN: pool-opt %s -split-input-file -verify-diagnostics --pool-gpu-host-buffers=device-data

// With device-data every buffer of a launching function is device memory:
// the host may not read it...
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @fill(%out: memref<16xf32>) kernel {
      %tx = gpu.thread_id x
      %f = arith.constant 1.0 : f32
      memref.store %f, %out[%tx] : memref<16xf32>
      gpu.return
    }
  }
  func.func @negative_host_load(%out: memref<16xf32>) -> f32 {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    gpu.launch_func @kernels::@fill blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1) args(%out : memref<16xf32>)
    // expected-error @below {{'memref.load' op accesses a buffer on the host, but with device-data every buffer of @negative_host_load is device memory}}
    %v = memref.load %out[%c0] : memref<16xf32>
    return %v : f32
  }
}

// -----

// ... nor write it.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @fill(%out: memref<16xf32>) kernel {
      gpu.return
    }
  }
  func.func @negative_host_store(%out: memref<16xf32>) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    %f = arith.constant 1.0 : f32
    // expected-error @below {{'memref.store' op accesses a buffer on the host, but with device-data every buffer of @negative_host_store is device memory}}
    memref.store %f, %out[%c0] : memref<16xf32>
    gpu.launch_func @kernels::@fill blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1) args(%out : memref<16xf32>)
    return
  }
}
