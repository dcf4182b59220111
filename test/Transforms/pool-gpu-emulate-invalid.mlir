// RUN: pool-opt %s -split-input-file -verify-diagnostics --pool-gpu-emulate

// A barrier only some threads reach cannot be a cut between phases.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @negative_barrier_in_if(%out: memref<32xf32>) kernel {
      %tx = gpu.thread_id x
      %c16 = arith.constant 16 : index
      %low = arith.cmpi ult, %tx, %c16 : index
      scf.if %low {
        // expected-error @below {{'gpu.barrier' op cannot be emulated: only a gpu.barrier at the top level of the kernel, which every thread reaches, is supported}}
        gpu.barrier
      }
      gpu.return
    }
  }
}

// -----

// Nor a shuffle in a loop.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @negative_shuffle_in_loop(%out: memref<32xf32>) kernel {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c4 = arith.constant 4 : index
      %w = arith.constant 32 : i32
      %o = arith.constant 1 : i32
      %f = arith.constant 1.0 : f32
      %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %f) -> (f32) {
        // expected-error @below {{'gpu.shuffle' op cannot be emulated: only a gpu.shuffle at the top level of the kernel, which every thread reaches, is supported}}
        %s, %ok = gpu.shuffle xor %acc, %o, %w : f32
        scf.yield %s : f32
      }
      gpu.return
    }
  }
}

// -----

// gpu ops other than ids, barriers and shuffles have no CPU form.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @negative_printf(%out: memref<32xf32>) kernel {
      %tx = gpu.thread_id x
      // expected-error @below {{'gpu.printf' op cannot be emulated on the CPU}}
      gpu.printf "thread %d\n", %tx : index
      gpu.return
    }
  }
}

// -----

module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @negative_dynamic_shared_memory(%out: memref<32xf32>) kernel {
      // expected-error @below {{'gpu.dynamic_shared_memory' op cannot be emulated on the CPU}}
      %m = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
      gpu.return
    }
  }
}

// -----

// Private attributions are not supported.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    // expected-error @below {{'gpu.func' op cannot be emulated: private attributions are not supported}}
    gpu.func @negative_private_attribution(%out: memref<32xf32>) private(%p: memref<4xf32, #gpu.address_space<private>>) kernel {
      gpu.return
    }
  }
}

// -----

// A buffer used across a barrier has no per-thread slot.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @negative_buffer_across_barrier(%out: memref<32xf32>) kernel {
      %tx = gpu.thread_id x
      // expected-error @below {{'memref.alloca' op cannot be emulated: its result of type 'memref<4xf32>' is used across a barrier or shuffle}}
      %p = memref.alloca() : memref<4xf32>
      gpu.barrier
      %c0 = arith.constant 0 : index
      %v = memref.load %p[%c0] : memref<4xf32>
      memref.store %v, %out[%tx] : memref<32xf32>
      gpu.return
    }
  }
}

// -----

// Host code must be synchronous.
module attributes {gpu.container_module} {
  func.func @negative_async_alloc() {
    // expected-error @below {{'gpu.alloc' op cannot be emulated: asynchronous or with symbol operands}}
    %m, %t = gpu.alloc async () : memref<16xf32>
    return
  }
}

// -----

module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @fill(%out: memref<32xf32>) kernel {
      gpu.return
    }
  }
  func.func @negative_async_launch(%out: memref<32xf32>) {
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    // expected-error @below {{'gpu.launch_func' op cannot be emulated: asynchronous, with dynamic shared memory or with clusters}}
    %t = gpu.launch_func async @kernels::@fill blocks in (%c1, %c1, %c1) threads in (%c32, %c1, %c1) args(%out : memref<32xf32>)
    return
  }
}

// -----

module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @fill(%out: memref<32xf32>) kernel {
      gpu.return
    }
  }
  func.func @negative_dynamic_shared_memory_launch(%out: memref<32xf32>) {
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    %shm = arith.constant 128 : i32
    // expected-error @below {{'gpu.launch_func' op cannot be emulated: asynchronous, with dynamic shared memory or with clusters}}
    gpu.launch_func @kernels::@fill blocks in (%c1, %c1, %c1) threads in (%c32, %c1, %c1) dynamic_shared_memory_size %shm args(%out : memref<32xf32>)
    return
  }
}
