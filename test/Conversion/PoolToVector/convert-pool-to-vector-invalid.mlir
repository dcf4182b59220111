// Bad pass options get one error naming the option, and a failing exit; a
// bad strategy is refused while the options are parsed, with the valid ones.
// RUN: not pool-opt %s --convert-pool-to-vector="strategy=fast" 2>&1 | FileCheck %s --check-prefix=STRATEGY
// RUN: not pool-opt %s --convert-pool-to-vector="vector-bits=7" 2>&1 | FileCheck %s --check-prefix=BITS
// RUN: not pool-opt %s --pool-to-llvm="strategy=fast" 2>&1 | FileCheck %s --check-prefix=STRATEGY
// RUN: not pool-opt %s --convert-pool-to-vector="target-cpu=znver9" 2>&1 | FileCheck %s --check-prefix=CPU
// RUN: not pool-opt %s --pool-to-llvm="target-cpu=znver9" 2>&1 | FileCheck %s --check-prefix=CPU
// RUN: not pool-opt %s --convert-pool-to-vector="threads=-1" 2>&1 | FileCheck %s --check-prefix=THREADS

// STRATEGY: for the --strategy option: 'fast' is not one of auto, direct, separable, sliding
// BITS: error: convert-pool-to-vector: vector-bits = 7 must be 0 (the target CPU's) or a multiple of 8 up to 4096
// BITS-NOT: error
// CPU-NOT: recognized processor
// CPU: error: convert-pool-to-vector: target-cpu: unknown CPU 'znver9' for x86_64
// CPU-NOT: error
// THREADS: error: convert-pool-to-vector: threads = -1 must be 0 (unknown) or positive
// THREADS-NOT: error
func.func @max_1d(%x: tensor<1x2x8xf32>) -> tensor<1x2x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x2x8xf32> -> tensor<1x2x4xf32>
  return %0 : tensor<1x2x4xf32>
}
