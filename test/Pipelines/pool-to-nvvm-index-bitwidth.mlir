// Kernel index arithmetic: 64-bit by default; 32-bit on request
// (index-bitwidth=32, or 0: 32 where exact) where static sizes prove it
// exact. The 32-bit kernels form offsets with 32-bit multiplies and widen
// once per address (mul.wide); the 64-bit ones multiply in 64 bits.
// RUN: pool-opt %s -split-input-file --pool-to-nvvm="format=isa index-bitwidth=0" | \
// RUN:   %python %S/Inputs/ptx.py extract | FileCheck %s --check-prefix=AUTO
// RUN: pool-opt %s -split-input-file --pool-to-nvvm="format=isa index-bitwidth=32" | \
// RUN:   %python %S/Inputs/ptx.py extract | FileCheck %s --check-prefix=AUTO
// RUN: pool-opt %s -split-input-file --pool-to-nvvm="format=isa" | \
// RUN:   %python %S/Inputs/ptx.py extract | FileCheck %s --check-prefix=WIDE

// AUTO-LABEL: // gpu.binary @max_2d_nhwc_kernel
//       AUTO: .entry max_2d_nhwc_kernel(
//   AUTO-NOT: {{mad\.lo\.s64|mul\.lo\.s64}}
//       AUTO: mul.lo.s32
//   AUTO-NOT: {{mad\.lo\.s64|mul\.lo\.s64}}
//       AUTO: mul.wide.{{[su]}}32
//   AUTO-NOT: {{mad\.lo\.s64|mul\.lo\.s64}}
//       AUTO: ret;
// WIDE-LABEL: // gpu.binary @max_2d_nhwc_kernel
//       WIDE: .entry max_2d_nhwc_kernel(
//       WIDE: {{mad\.lo\.s64|mul\.lo\.s64}}
//       WIDE: ret;
func.func @max_2d_nhwc(%x: tensor<1x112x112x64xf32>) -> tensor<1x56x56x64xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x112x112x64xf32> -> tensor<1x56x56x64xf32>
  return %0 : tensor<1x56x56x64xf32>
}

// -----

// AUTO-LABEL: // gpu.binary @max_2d_nchw_kernel
//       AUTO: .entry max_2d_nchw_kernel(
//   AUTO-NOT: {{mad\.lo\.s64|mul\.lo\.s64}}
//       AUTO: ret;
// WIDE-LABEL: // gpu.binary @max_2d_nchw_kernel
//       WIDE: {{mad\.lo\.s64|mul\.lo\.s64}}
func.func @max_2d_nchw(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}
