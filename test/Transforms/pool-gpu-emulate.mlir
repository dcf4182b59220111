// RUN: pool-opt %s -split-input-file --pool-gpu-emulate | FileCheck %s

// A launch becomes a call of the kernel's CPU clone with the grid and block
// sizes; the gpu.module and the container attribute go. The clone loops
// over the grid (z, y, x) and, in each block, runs the phases between
// barriers one after the other, each a loop over the block's threads. The
// workgroup buffer is one allocation; a value the second phase needs that
// comes from memory gets a per-thread slot, while an index computed from ids
// is recomputed in each phase.
//   CHECK-NOT: gpu.
// CHECK-LABEL: func.func @launch_barrier(
//  CHECK-SAME:     %[[IN:.*]]: memref<64xf32>, %[[OUT:.*]]: memref<64xf32>)
//   CHECK-DAG:   %[[C1:.*]] = arith.constant 1 : index
//   CHECK-DAG:   %[[C2:.*]] = arith.constant 2 : index
//   CHECK-DAG:   %[[C32:.*]] = arith.constant 32 : index
//       CHECK:   call @kernels_barrier_emulated(%[[IN]], %[[OUT]], %[[C2]], %[[C1]], %[[C1]], %[[C32]], %[[C1]], %[[C1]]) : (memref<64xf32>, memref<64xf32>, index, index, index, index, index, index) -> ()
//  CHECK-NEXT:   return
// CHECK-LABEL: func.func private @kernels_barrier_emulated(
//  CHECK-SAME:     %[[IN:[a-z0-9]+]]: memref<64xf32>, %[[OUT:[a-z0-9]+]]: memref<64xf32>, %[[GX:[a-z0-9]+]]: index, %[[GY:[a-z0-9]+]]: index, %[[GZ:[a-z0-9]+]]: index, %[[BX:[a-z0-9]+]]: index, %[[BY:[a-z0-9]+]]: index, %[[BZ:[a-z0-9]+]]: index)
//       CHECK:   %[[XY:.*]] = arith.muli %[[BX]], %[[BY]] : index
//       CHECK:   %[[THREADS:.*]] = arith.muli %[[XY]], %[[BZ]] : index
//       CHECK:   %[[TILE:.*]] = memref.alloc() : memref<32xf32>
//       CHECK:   %[[SLOT:.*]] = memref.alloc(%[[THREADS]]) : memref<?xf32>
//   CHECK-NOT:   memref.alloc
//       CHECK:   scf.for %{{.*}} = %{{.*}} to %[[GZ]] step
//       CHECK:     scf.for %{{.*}} = %{{.*}} to %[[GY]] step
//       CHECK:       scf.for %[[BID:.*]] = %{{.*}} to %[[GX]] step
//       CHECK:         scf.for %[[T:.*]] = %{{.*}} to %[[THREADS]] step
//       CHECK:           %[[TX:.*]] = arith.remui %[[T]], %[[BX]] : index
//       CHECK:           %[[BASE:.*]] = arith.muli %[[BID]], %[[BX]] : index
//       CHECK:           %[[I:.*]] = arith.addi %[[BASE]], %[[TX]] : index
//       CHECK:           %[[V:.*]] = memref.load %[[IN]][%[[I]]] : memref<64xf32>
//       CHECK:           %[[TWICE:.*]] = arith.addf %[[V]], %[[V]] : f32
//   CHECK-DAG:           memref.store %[[TWICE]], %[[SLOT]][%[[T]]] : memref<?xf32>
//   CHECK-DAG:           memref.store %[[V]], %[[TILE]][%[[TX]]] : memref<32xf32>
//       CHECK:         }
//   CHECK-NOT:         gpu.barrier
//       CHECK:         scf.for %[[T2:.*]] = %{{.*}} to %[[THREADS]] step
//       CHECK:           %[[TX2:.*]] = arith.remui %[[T2]], %[[BX]] : index
//       CHECK:           %[[R:.*]] = arith.subi %{{.*}}, %[[TX2]] : index
//       CHECK:           %[[W:.*]] = memref.load %[[TILE]][%[[R]]] : memref<32xf32>
//       CHECK:           %[[SAVED:.*]] = memref.load %[[SLOT]][%[[T2]]] : memref<?xf32>
//       CHECK:           %[[S:.*]] = arith.addf %[[W]], %[[SAVED]] : f32
//       CHECK:           %[[BASE2:.*]] = arith.muli %[[BID]], %[[BX]] : index
//       CHECK:           %[[I2:.*]] = arith.addi %[[BASE2]], %[[TX2]] : index
//       CHECK:           memref.store %[[S]], %[[OUT]][%[[I2]]] : memref<64xf32>
//       CHECK:         }
//   CHECK-NOT:         scf.for
//       CHECK:   memref.dealloc %[[TILE]] : memref<32xf32>
//       CHECK:   memref.dealloc %[[SLOT]] : memref<?xf32>
//       CHECK:   return
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @barrier(%in: memref<64xf32>, %out: memref<64xf32>) workgroup(%tile: memref<32xf32, #gpu.address_space<workgroup>>) kernel {
      %tx = gpu.thread_id x
      %bx = gpu.block_id x
      %bd = gpu.block_dim x
      %base = arith.muli %bx, %bd : index
      %i = arith.addi %base, %tx : index
      %v = memref.load %in[%i] : memref<64xf32>
      %twice = arith.addf %v, %v : f32
      memref.store %v, %tile[%tx] : memref<32xf32, #gpu.address_space<workgroup>>
      gpu.barrier
      %c31 = arith.constant 31 : index
      %r = arith.subi %c31, %tx : index
      %w = memref.load %tile[%r] : memref<32xf32, #gpu.address_space<workgroup>>
      %s = arith.addf %w, %twice : f32
      memref.store %s, %out[%i] : memref<64xf32>
      gpu.return
    }
  }
  func.func @launch_barrier(%in: memref<64xf32>, %out: memref<64xf32>) {
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c32 = arith.constant 32 : index
    gpu.launch_func @kernels::@barrier blocks in (%c2, %c1, %c1) threads in (%c32, %c1, %c1) args(%in : memref<64xf32>, %out : memref<64xf32>)
    return
  }
}

// -----

// A shuffle is a phase of its own: the value it shuffles is saved per
// thread before it, each thread then reads its partner's slot (lane xor
// offset within the width, itself where the partner is outside the width
// or the block) into the result's slot. The host's synchronous gpu.alloc,
// gpu.memcpy, gpu.dealloc and gpu.wait become memref forms.
//   CHECK-NOT: gpu.
// CHECK-LABEL: func.func @launch_shuffle_xor(
//  CHECK-SAME:     %[[IN:.*]]: memref<32xf32>, %[[OUT:.*]]: memref<32xf32>)
//       CHECK:   %[[D:.*]] = memref.alloc() {alignment = 64 : i64} : memref<32xf32>
//       CHECK:   memref.copy %[[IN]], %[[D]] : memref<32xf32> to memref<32xf32>
//       CHECK:   call @kernels_shuffle_xor_emulated(%[[D]], %[[OUT]], {{.*}})
//       CHECK:   memref.dealloc %[[D]] : memref<32xf32>
//  CHECK-NEXT:   return
// CHECK-LABEL: func.func private @kernels_shuffle_xor_emulated(
//  CHECK-SAME:     %[[IN:[a-z0-9]+]]: memref<32xf32>, %[[OUT:[a-z0-9]+]]: memref<32xf32>,
//       CHECK:   %[[XY:.*]] = arith.muli
//       CHECK:   %[[THREADS:.*]] = arith.muli %[[XY]], %{{.*}} : index
//       CHECK:   %[[VALS:.*]] = memref.alloc(%[[THREADS]]) : memref<?xf32>
//       CHECK:   %[[RES:.*]] = memref.alloc(%[[THREADS]]) : memref<?xf32>
//   CHECK-NOT:   memref.alloc
//       CHECK:         scf.for %[[T:.*]] = %{{.*}} to %[[THREADS]] step
//       CHECK:           %[[V:.*]] = memref.load %[[IN]]
//       CHECK:           memref.store %[[V]], %[[VALS]][%[[T]]] : memref<?xf32>
//       CHECK:         }
//       CHECK:         scf.for %[[L:.*]] = %{{.*}} to %[[THREADS]] step
//       CHECK:           %[[OFF:.*]] = arith.index_cast %{{.*}} : i32 to index
//       CHECK:           %[[WIDTH:.*]] = arith.index_cast %{{.*}} : i32 to index
//       CHECK:           %[[SUB:.*]] = arith.constant 32 : index
//       CHECK:           %[[LANE:.*]] = arith.remui %[[L]], %[[SUB]] : index
//       CHECK:           %[[INSEG:.*]] = arith.remui %[[LANE]], %[[WIDTH]] : index
//       CHECK:           %[[SEG:.*]] = arith.subi %[[L]], %[[INSEG]] : index
//       CHECK:           %[[SRC:.*]] = arith.xori %[[INSEG]], %[[OFF]] : index
//       CHECK:           %[[SRCLIN:.*]] = arith.addi %[[SEG]], %[[SRC]] : index
//       CHECK:           %[[INWIDTH:.*]] = arith.cmpi ult, %[[SRC]], %[[WIDTH]] : index
//       CHECK:           %[[INBLOCK:.*]] = arith.cmpi ult, %[[SRCLIN]], %[[THREADS]] : index
//       CHECK:           %[[OK:.*]] = arith.andi %[[INWIDTH]], %[[INBLOCK]] : i1
//       CHECK:           %[[FROM:.*]] = arith.select %[[OK]], %[[SRCLIN]], %[[L]] : index
//       CHECK:           %[[P:.*]] = memref.load %[[VALS]][%[[FROM]]] : memref<?xf32>
//       CHECK:           memref.store %[[P]], %[[RES]][%[[L]]] : memref<?xf32>
//       CHECK:         }
//       CHECK:         scf.for %[[T3:.*]] = %{{.*}} to %[[THREADS]] step
//       CHECK:           %[[A:.*]] = memref.load %[[VALS]][%[[T3]]] : memref<?xf32>
//       CHECK:           %[[B:.*]] = memref.load %[[RES]][%[[T3]]] : memref<?xf32>
//       CHECK:           %[[S:.*]] = arith.addf %[[A]], %[[B]] : f32
//       CHECK:           memref.store %[[S]], %[[OUT]]
//       CHECK:   memref.dealloc %[[VALS]]
//       CHECK:   memref.dealloc %[[RES]]
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @shuffle_xor(%in: memref<32xf32>, %out: memref<32xf32>) kernel {
      %tx = gpu.thread_id x
      %v = memref.load %in[%tx] : memref<32xf32>
      %c1 = arith.constant 1 : i32
      %c32 = arith.constant 32 : i32
      %r, %ok = gpu.shuffle xor %v, %c1, %c32 : f32
      %s = arith.addf %v, %r : f32
      memref.store %s, %out[%tx] : memref<32xf32>
      gpu.return
    }
  }
  func.func @launch_shuffle_xor(%in: memref<32xf32>, %out: memref<32xf32>) {
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    %d = gpu.alloc () : memref<32xf32>
    gpu.memcpy %d, %in : memref<32xf32>, memref<32xf32>
    gpu.launch_func @kernels::@shuffle_xor blocks in (%c1, %c1, %c1) threads in (%c32, %c1, %c1) args(%d : memref<32xf32>, %out : memref<32xf32>)
    gpu.dealloc %d : memref<32xf32>
    gpu.wait
    return
  }
}

// -----

// shuffle down: the partner is lane + offset; the valid flag gets a slot of
// its own. A shuffled value computed from ids alone is recomputed with the
// partner's ids instead of being saved.
// CHECK-LABEL: func.func private @kernels_shuffle_down_emulated(
//       CHECK:   %[[XY:.*]] = arith.muli
//       CHECK:   %[[THREADS:.*]] = arith.muli %[[XY]], %{{.*}} : index
//       CHECK:   %[[RES:.*]] = memref.alloc(%[[THREADS]]) : memref<?xf32>
//       CHECK:   %[[VALID:.*]] = memref.alloc(%[[THREADS]]) : memref<?xi1>
//   CHECK-NOT:   memref.alloc
//       CHECK:         scf.for %[[L:.*]] = %{{.*}} to %[[THREADS]] step
//       CHECK:           %[[OFF:.*]] = arith.index_cast %{{.*}} : i32 to index
//       CHECK:           %[[LANE:.*]] = arith.remui %[[L]], %{{.*}} : index
//       CHECK:           %[[INSEG:.*]] = arith.remui %[[LANE]], %{{.*}} : index
//       CHECK:           %[[SRC:.*]] = arith.addi %[[INSEG]], %[[OFF]] : index
//       CHECK:           %[[OK:.*]] = arith.andi
//       CHECK:           %[[FROM:.*]] = arith.select %[[OK]], %{{.*}}, %[[L]] : index
//       CHECK:           %[[PTX:.*]] = arith.remui %[[FROM]], %{{.*}} : index
//       CHECK:           %[[PI:.*]] = arith.index_cast %[[PTX]] : index to i32
//       CHECK:           %[[PF:.*]] = arith.sitofp %[[PI]] : i32 to f32
//       CHECK:           memref.store %[[PF]], %[[RES]][%[[L]]] : memref<?xf32>
//       CHECK:           memref.store %[[OK]], %[[VALID]][%[[L]]] : memref<?xi1>
//       CHECK:         }
//       CHECK:         scf.for %[[T:.*]] = %{{.*}} to %[[THREADS]] step
//   CHECK-DAG:           %[[R:.*]] = memref.load %[[RES]][%[[T]]] : memref<?xf32>
//   CHECK-DAG:           %[[K:.*]] = memref.load %[[VALID]][%[[T]]] : memref<?xi1>
//       CHECK:           arith.select %[[K]], %[[R]], %{{.*}} : f32
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @shuffle_down(%out: memref<32xf32>) kernel {
      %tx = gpu.thread_id x
      %i = arith.index_cast %tx : index to i32
      %v = arith.sitofp %i : i32 to f32
      %c4 = arith.constant 4 : i32
      %c32 = arith.constant 32 : i32
      %r, %ok = gpu.shuffle down %v, %c4, %c32 : f32
      %m = arith.constant -1.0 : f32
      %s = arith.select %ok, %r, %m : f32
      memref.store %s, %out[%tx] : memref<32xf32>
      gpu.return
    }
  }
  func.func @launch_shuffle_down(%out: memref<32xf32>) {
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    gpu.launch_func @kernels::@shuffle_down blocks in (%c1, %c1, %c1) threads in (%c32, %c1, %c1) args(%out : memref<32xf32>)
    return
  }
}
