// --pool-to-llvm's default (threads=1) is serial code: no OpenMP op, and
// after translation to LLVM IR no call into the OpenMP runtime, so the
// result links with nothing but the C runner utilities. threads=2 and
// threads=0 (every core) run the parallel loops on OpenMP threads: __kmpc_*
// calls, with the thread count pushed for threads=2 only, for ops that move
// at least min-parallel-bytes; smaller ones (this 10 KB op, by default) stay
// serial, since a fork/join would cost more than the second core saves.

// RUN: pool-opt %s --pool-to-llvm | FileCheck %s --check-prefix=SERIAL
// RUN: pool-opt %s --pool-to-llvm | mlir-translate --mlir-to-llvmir | \
// RUN:   FileCheck %s --check-prefix=SERIAL-IR
// RUN: pool-opt %s --pool-to-llvm="vectorize=false" | FileCheck %s --check-prefix=SERIAL
// RUN: pool-opt %s --pool-to-llvm="threads=2" | FileCheck %s --check-prefix=SERIAL
// RUN: pool-opt %s --pool-to-llvm="threads=0" | FileCheck %s --check-prefix=SERIAL
// RUN: pool-opt %s --pool-to-llvm="threads=2 min-parallel-bytes=0" | FileCheck %s --check-prefix=OMP
// RUN: pool-opt %s --pool-to-llvm="threads=2 min-parallel-bytes=0" | mlir-translate --mlir-to-llvmir | \
// RUN:   FileCheck %s --check-prefixes=OMP-IR,OMP-IR-2
// RUN: pool-opt %s --pool-to-llvm="threads=0 min-parallel-bytes=10240" | mlir-translate --mlir-to-llvmir | \
// RUN:   FileCheck %s --check-prefixes=OMP-IR,OMP-IR-0
// RUN: pool-opt %s --pool-to-llvm="threads=0 min-parallel-bytes=10241" | FileCheck %s --check-prefix=SERIAL
// The linalg path (vectorize=false) lowers to scf.for loops, which the
// OpenMP conversion leaves alone: serial code whatever threads says.
// RUN: pool-opt %s --pool-to-llvm="vectorize=false threads=2" | FileCheck %s --check-prefix=SERIAL

// SERIAL-LABEL: llvm.func @stem(
// SERIAL-NOT: omp.
// SERIAL-NOT: __kmpc

// SERIAL-IR-LABEL: define {{.*}} @stem(
// SERIAL-IR-NOT: __kmpc
// SERIAL-IR-NOT: @omp_

// OMP-LABEL: llvm.func @stem(
// OMP: omp.parallel
// OMP: omp.wsloop

// OMP-IR-LABEL: define {{.*}} @stem(
// OMP-IR-2: call void @__kmpc_push_num_threads(ptr @{{.*}}, i32 %{{.*}}, i32 2)
// OMP-IR-0-NOT: __kmpc_push_num_threads
// OMP-IR: call void {{.*}}@__kmpc_fork_call(
// OMP-IR: declare {{.*}} @__kmpc_fork_call(
func.func @stem(%x: tensor<1x8x16x16xf32>) -> tensor<1x8x8x8xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}
