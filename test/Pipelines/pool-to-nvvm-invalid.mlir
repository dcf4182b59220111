// Bad pool-to-nvvm options: one error each and a failing exit. Bare kernel
// pointers need static shapes; bad enum values are refused while the
// options are parsed, with the valid ones.
// RUN: not pool-opt %s --pool-to-nvvm="format=isa kernel-abi=bare" 2>&1 | FileCheck %s --check-prefix=BARE
// RUN: not pool-opt %s --pool-to-nvvm="format=asm" 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not pool-opt %s --pool-to-nvvm="kernel-abi=pointers" 2>&1 | FileCheck %s --check-prefix=ABI
// 32-bit kernel indices need sizes known to fit (dynamic shapes do not).
// RUN: not pool-opt %s --pool-to-nvvm="format=isa index-bitwidth=32" 2>&1 | FileCheck %s --check-prefix=BITS32
// RUN: not pool-opt %s --pool-to-nvvm="format=isa index-bitwidth=16" 2>&1 | FileCheck %s --check-prefix=BITS16
// Dynamic shapes with index-bitwidth=0: 64-bit, no error.
// RUN: pool-opt %s --pool-to-nvvm="format=isa index-bitwidth=0" -o /dev/null

// BARE: error: pool-gpu-to-nvvm: kernel-abi=bare needs static, identity-layout memref kernel arguments
// BARE-NOT: error
// FORMAT: for the --format option: 'asm' is not one of isa, bin, fatbin
// BITS32: error: pool-gpu-to-nvvm: index-bitwidth=32 is not exact here: the kernels take memref descriptors
// BITS32-NOT: error
// BITS16: error: pool-gpu-to-nvvm: index-bitwidth must be 0 (auto), 32 or 64, not 16
// BITS16-NOT: error
// ABI: for the --kernel-abi option: 'pointers' is not one of auto, bare, descriptors
func.func @max_2d_nchw_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
