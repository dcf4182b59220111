// RUN: pool-opt %s -split-input-file --pool-gpu-host-buffers | FileCheck %s
// RUN: pool-opt %s -split-input-file --pool-gpu-host-buffers=device-data | FileCheck %s --check-prefix=DEV

// Each memref operand of a launch gets a device copy: copied in when the
// kernel reads it, out when it writes it, freed after the launch; other
// operands pass unchanged.
// CHECK-LABEL: func.func @launch_read_write(
//  CHECK-SAME:     %[[IN:.*]]: memref<16xf32>, %[[OUT:.*]]: memref<16xf32>)
//       CHECK:   %[[DIN:.*]] = gpu.alloc () : memref<16xf32>
//  CHECK-NEXT:   gpu.memcpy %[[DIN]], %[[IN]] : memref<16xf32>, memref<16xf32>
//  CHECK-NEXT:   %[[DOUT:.*]] = gpu.alloc () : memref<16xf32>
//  CHECK-NEXT:   gpu.launch_func @kernels::@copy {{.*}} args(%[[DIN]] : memref<16xf32>, %[[DOUT]] : memref<16xf32>, %[[N:.*]] : index)
//  CHECK-NEXT:   gpu.memcpy %[[OUT]], %[[DOUT]] : memref<16xf32>, memref<16xf32>
//  CHECK-NEXT:   gpu.dealloc %[[DIN]] : memref<16xf32>
//  CHECK-NEXT:   gpu.dealloc %[[DOUT]] : memref<16xf32>
//  CHECK-NEXT:   return
// Already device pointers with device-data: nothing to copy.
// DEV-LABEL: func.func @launch_read_write(
//  DEV-SAME:     %[[IN:.*]]: memref<16xf32>, %[[OUT:.*]]: memref<16xf32>)
//   DEV-NOT:   gpu.alloc
//   DEV-NOT:   gpu.memcpy
//       DEV:   gpu.launch_func @kernels::@copy {{.*}} args(%[[IN]] : memref<16xf32>, %[[OUT]] : memref<16xf32>, %{{.*}} : index)
//   DEV-NOT:   gpu.memcpy
//   DEV-NOT:   gpu.dealloc
//       DEV:   return

// An operand both read and written is copied both ways; one read through a
// view counts as read; dynamic sizes come from memref.dim; one only asked
// for its size is neither copied in nor out.
// CHECK-LABEL: func.func @launch_views_and_sizes(
//  CHECK-SAME:     %[[ACC:.*]]: memref<?xf32>, %[[VIEW:.*]]: memref<2x8xf32>, %[[SHAPE:.*]]: memref<?xf32>)
//       CHECK:   %[[N:.*]] = memref.dim %[[ACC]], %{{.*}} : memref<?xf32>
//  CHECK-NEXT:   %[[DACC:.*]] = gpu.alloc (%[[N]]) : memref<?xf32>
//  CHECK-NEXT:   gpu.memcpy %[[DACC]], %[[ACC]] : memref<?xf32>, memref<?xf32>
//  CHECK-NEXT:   %[[DVIEW:.*]] = gpu.alloc () : memref<2x8xf32>
//  CHECK-NEXT:   gpu.memcpy %[[DVIEW]], %[[VIEW]] : memref<2x8xf32>, memref<2x8xf32>
//       CHECK:   %[[M:.*]] = memref.dim %[[SHAPE]], %{{.*}} : memref<?xf32>
//  CHECK-NEXT:   %[[DSHAPE:.*]] = gpu.alloc (%[[M]]) : memref<?xf32>
//  CHECK-NEXT:   gpu.launch_func @kernels::@accumulate {{.*}} args(%[[DACC]] : memref<?xf32>, %[[DVIEW]] : memref<2x8xf32>, %[[DSHAPE]] : memref<?xf32>)
//  CHECK-NEXT:   gpu.memcpy %[[ACC]], %[[DACC]] : memref<?xf32>, memref<?xf32>
//  CHECK-NEXT:   gpu.dealloc %[[DACC]]
//  CHECK-NEXT:   gpu.dealloc %[[DVIEW]]
//  CHECK-NEXT:   gpu.dealloc %[[DSHAPE]]
//  CHECK-NEXT:   return

// A function that launches nothing is left alone, in both modes.
// CHECK-LABEL: func.func @no_launch(
//   CHECK-NOT:   gpu.
//       CHECK:   memref.load
//   CHECK-NOT:   gpu.
//       CHECK:   return
// DEV-LABEL: func.func @no_launch(
//   DEV-NOT:   gpu.
//       DEV:   memref.load
//   DEV-NOT:   gpu.
//       DEV:   return
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @copy(%in: memref<16xf32>, %out: memref<16xf32>, %n: index) kernel {
      %tx = gpu.thread_id x
      %v = memref.load %in[%tx] : memref<16xf32>
      memref.store %v, %out[%tx] : memref<16xf32>
      gpu.return
    }
    gpu.func @accumulate(%acc: memref<?xf32>, %view: memref<2x8xf32>, %shape: memref<?xf32>) kernel {
      %tx = gpu.thread_id x
      %c0 = arith.constant 0 : index
      %flat = memref.collapse_shape %view [[0, 1]] : memref<2x8xf32> into memref<16xf32>
      %a = memref.load %acc[%tx] : memref<?xf32>
      %b = memref.load %flat[%tx] : memref<16xf32>
      %n = memref.dim %shape, %c0 : memref<?xf32>
      %s = arith.addf %a, %b : f32
      memref.store %s, %acc[%tx] : memref<?xf32>
      gpu.return
    }
  }
  func.func @launch_read_write(%in: memref<16xf32>, %out: memref<16xf32>) {
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    gpu.launch_func @kernels::@copy blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1) args(%in : memref<16xf32>, %out : memref<16xf32>, %c16 : index)
    return
  }
  func.func @launch_views_and_sizes(%acc: memref<?xf32>, %view: memref<2x8xf32>, %shape: memref<?xf32>) {
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    gpu.launch_func @kernels::@accumulate blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1) args(%acc : memref<?xf32>, %view : memref<2x8xf32>, %shape : memref<?xf32>)
    return
  }
  func.func @no_launch(%m: memref<16xf32>) -> f32 {
    %c0 = arith.constant 0 : index
    %v = memref.load %m[%c0] : memref<16xf32>
    return %v : f32
  }
}

// -----

// Host buffers of a launching function: by default they stay host memory
// and the launch gets its copies; with device-data the allocation, copy and
// deallocation become their gpu forms (stack allocations stay) and the
// launch takes the buffers themselves.
// CHECK-LABEL: func.func @host_allocations(
//  CHECK-SAME:     %[[IN:.*]]: memref<16xf32>)
//       CHECK:   %[[TMP:.*]] = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
//       CHECK:   %[[OUT:.*]] = memref.alloc() : memref<16xf32>
//       CHECK:   memref.copy %[[IN]], %[[TMP]]
//       CHECK:   %[[DTMP:.*]] = gpu.alloc () : memref<16xf32>
//       CHECK:   gpu.memcpy %[[DTMP]], %[[TMP]]
//       CHECK:   %[[DOUT:.*]] = gpu.alloc () : memref<16xf32>
//       CHECK:   gpu.launch_func @kernels::@copy {{.*}} args(%[[DTMP]] : memref<16xf32>, %[[DOUT]] : memref<16xf32>)
//       CHECK:   gpu.memcpy %[[OUT]], %[[DOUT]]
//       CHECK:   gpu.dealloc %[[DTMP]]
//       CHECK:   gpu.dealloc %[[DOUT]]
//       CHECK:   memref.dealloc %[[TMP]]
//       CHECK:   return %[[OUT]]
// DEV-LABEL: func.func @host_allocations(
//  DEV-SAME:     %[[IN:.*]]: memref<16xf32>)
//   DEV-NOT:   memref.alloc()
//       DEV:   %[[TMP:.*]] = gpu.alloc () : memref<16xf32>
//  DEV-NEXT:   %[[OUT:.*]] = gpu.alloc () : memref<16xf32>
//  DEV-NEXT:   memref.alloca() : memref<16xf32>
//  DEV-NEXT:   gpu.memcpy %[[TMP]], %[[IN]] : memref<16xf32>, memref<16xf32>
//  DEV-NEXT:   gpu.launch_func @kernels::@copy {{.*}} args(%[[TMP]] : memref<16xf32>, %[[OUT]] : memref<16xf32>)
//  DEV-NEXT:   gpu.dealloc %[[TMP]] : memref<16xf32>
//  DEV-NEXT:   return %[[OUT]]
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @copy(%in: memref<16xf32>, %out: memref<16xf32>) kernel {
      %tx = gpu.thread_id x
      %v = memref.load %in[%tx] : memref<16xf32>
      memref.store %v, %out[%tx] : memref<16xf32>
      gpu.return
    }
  }
  func.func @host_allocations(%in: memref<16xf32>) -> memref<16xf32> {
    %c1 = arith.constant 1 : index
    %c16 = arith.constant 16 : index
    %tmp = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
    %out = memref.alloc() : memref<16xf32>
    %stack = memref.alloca() : memref<16xf32>
    memref.copy %in, %tmp : memref<16xf32> to memref<16xf32>
    gpu.launch_func @kernels::@copy blocks in (%c1, %c1, %c1) threads in (%c16, %c1, %c1) args(%tmp : memref<16xf32>, %out : memref<16xf32>)
    memref.dealloc %tmp : memref<16xf32>
    return %out : memref<16xf32>
  }
}
