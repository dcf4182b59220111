// A block size the kernels cannot use gets one error naming the option, and
// a failing exit; the pipelines pass the option on and fail the same way.
// RUN: not pool-opt %s --convert-pool-to-gpu="block-size=48" 2>&1 | FileCheck %s --check-prefix=B48
// RUN: not pool-opt %s --convert-pool-to-gpu="block-size=2048" 2>&1 | FileCheck %s --check-prefix=B2048
// RUN: not pool-opt %s --pool-to-nvvm="block-size=48 format=isa" 2>&1 | FileCheck %s --check-prefix=B48
// RUN: not pool-opt %s --pool-to-gpu-emulation="block-size=16" 2>&1 | FileCheck %s --check-prefix=B16

// B48: error: convert-pool-to-gpu: block-size = 48 must be a multiple of 32 from 32 to 1024
// B48-NOT: error
// B2048: error: convert-pool-to-gpu: block-size = 2048 must be a multiple of 32 from 32 to 1024
// B2048-NOT: error
// B16: error: convert-pool-to-gpu: block-size = 16 must be a multiple of 32 from 32 to 1024
// B16-NOT: error
func.func @max_2d_nchw(%x: tensor<1x3x8x8xf32>) -> tensor<1x3x3x3xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}
