// The kernels of every family assemble for sm_90 with no stack frame, no
// spills and at most 64 registers (ptxas -v; Inputs/ptx.py compares the
// register counts, which FileCheck cannot). The static kernels and the
// dynamic one are separate modules: the kernel ABI is chosen per module.
// REQUIRES: ptxas
// RUN: rm -rf %t && mkdir -p %t
// RUN: pool-opt %s -split-input-file --pool-to-nvvm=format=isa | \
// RUN:   %python %S/Inputs/ptx.py extract --dir %t | FileCheck %s --check-prefix=NAMES
// RUN: %python %S/Inputs/ptx.py ptxas --ptxas %ptxas --arch sm_90 --max-registers 64 %t | \
// RUN:   FileCheck %s
// The cubin and fatbin formats run ptxas (and fatbinary) through
// gpu-module-to-binary: an ELF image, a fatbin (magic 0xBA55ED50).
// RUN: pool-opt %s -split-input-file --pool-to-nvvm=format=bin | FileCheck %s --check-prefix=BIN
// RUN: pool-opt %s -split-input-file --pool-to-nvvm=format=fatbin | FileCheck %s --check-prefix=FATBIN

// NAMES: max_2d_nchw_3x3_s2_kernel
// NAMES-NEXT: max_2d_nhwc_3x3_s2_kernel
// NAMES-NEXT: avg_2d_nhwc_f16_kernel
// NAMES-NEXT: global_avg_nchw_kernel
// NAMES-NEXT: global_max_nhwc_kernel
// NAMES-NEXT: global_avg_nhwc_c3_kernel
// NAMES-NEXT: adaptive_avg_nchw_kernel
// NAMES-NEXT: max_2d_nchw_9x9_s1_kernel
// NAMES-NEXT: avg_2d_nchw_f16_7x7_s1_kernel
// NAMES-NEXT: max_2d_nchw_dynamic_kernel
// NAMES-NEXT: global_avg_nhwc_dynamic_kernel
// NAMES-NEXT: max_2d_nchw_dynamic_5x5_s1_kernel
// NAMES-NOT: {{.}}

// CHECK-LABEL: # adaptive_avg_nchw_kernel.ptx
//       CHECK: Function properties for adaptive_avg_nchw_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers
//       CHECK: KERNEL adaptive_avg_nchw_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # avg_2d_nchw_f16_7x7_s1_kernel.ptx
//       CHECK: Function properties for avg_2d_nchw_f16_7x7_s1_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers, used 1 barriers, {{[0-9]+}} bytes smem
//       CHECK: KERNEL avg_2d_nchw_f16_7x7_s1_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # avg_2d_nhwc_f16_kernel.ptx
//       CHECK: Function properties for avg_2d_nhwc_f16_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers
//       CHECK: KERNEL avg_2d_nhwc_f16_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # global_avg_nchw_kernel.ptx
//       CHECK: Function properties for global_avg_nchw_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers, used 0 barriers
//       CHECK: KERNEL global_avg_nchw_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # global_avg_nhwc_c3_kernel.ptx
//       CHECK: Function properties for global_avg_nhwc_c3_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers, used 1 barriers, 1024 bytes smem
//       CHECK: KERNEL global_avg_nhwc_c3_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # global_avg_nhwc_dynamic_kernel.ptx
//       CHECK: Function properties for global_avg_nhwc_dynamic_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers, used 1 barriers, 1024 bytes smem
//       CHECK: KERNEL global_avg_nhwc_dynamic_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # global_max_nhwc_kernel.ptx
//       CHECK: Function properties for global_max_nhwc_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers, used 1 barriers, 4096 bytes smem
//       CHECK: KERNEL global_max_nhwc_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # max_2d_nchw_3x3_s2_kernel.ptx
//       CHECK: Function properties for max_2d_nchw_3x3_s2_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers
//       CHECK: KERNEL max_2d_nchw_3x3_s2_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # max_2d_nchw_9x9_s1_kernel.ptx
//       CHECK: Function properties for max_2d_nchw_9x9_s1_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers, used 1 barriers, {{[0-9]+}} bytes smem
//       CHECK: KERNEL max_2d_nchw_9x9_s1_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # max_2d_nchw_dynamic_5x5_s1_kernel.ptx
//       CHECK: Function properties for max_2d_nchw_dynamic_5x5_s1_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers, used 1 barriers, {{[0-9]+}} bytes smem
//       CHECK: KERNEL max_2d_nchw_dynamic_5x5_s1_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # max_2d_nchw_dynamic_kernel.ptx
//       CHECK: Function properties for max_2d_nchw_dynamic_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers
//       CHECK: KERNEL max_2d_nchw_dynamic_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
// CHECK-LABEL: # max_2d_nhwc_3x3_s2_kernel.ptx
//       CHECK: Function properties for max_2d_nhwc_3x3_s2_kernel
//  CHECK-NEXT: 0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
//  CHECK-NEXT: Used {{[0-9]+}} registers
//       CHECK: KERNEL max_2d_nhwc_3x3_s2_kernel registers {{[0-9]+}} stack 0 spill-stores 0 spill-loads 0: OK
//   CHECK-NOT: {{FAIL|NO KERNEL}}

// BIN-COUNT-12: gpu.binary @{{[a-z0-9_]+}}_kernel  [#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, {{.*}}bin = "\7FELF
// FATBIN-COUNT-12: gpu.binary @{{[a-z0-9_]+}}_kernel  [#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, {{.*}}"P\EDU\BA

// Window, channels-first (one output per thread, ResNet's stem pool).
func.func @max_2d_nchw_3x3_s2(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}
// Window, channels-last (16-byte chunks).
func.func @max_2d_nhwc_3x3_s2(%x: tensor<1x112x112x64xf32>) -> tensor<1x56x56x64xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x112x112x64xf32> -> tensor<1x56x56x64xf32>
  return %0 : tensor<1x56x56x64xf32>
}
// f16 loads, f32 sums.
func.func @avg_2d_nhwc_f16(%x: tensor<8x56x56x64xf16>) -> tensor<8x28x28x64xf16> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<8x56x56x64xf16> -> tensor<8x28x28x64xf16>
  return %0 : tensor<8x28x28x64xf16>
}
// Global, channels-first (subgroup reduction).
func.func @global_avg_nchw(%x: tensor<8x2048x7x7xf32>) -> tensor<8x2048xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<8x2048x7x7xf32> -> tensor<8x2048xf32>
  return %0 : tensor<8x2048xf32>
}
// Global, channels-last: vector chunks, and one channel per thread.
func.func @global_max_nhwc(%x: tensor<64x7x7x2048xf32>) -> tensor<64x2048xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<64x7x7x2048xf32> -> tensor<64x2048xf32>
  return %0 : tensor<64x2048xf32>
}
func.func @global_avg_nhwc_c3(%x: tensor<2x9x9x3xf32>) -> tensor<2x3xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<2x9x9x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// Adaptive bins (loops of run-time length).
func.func @adaptive_avg_nchw(%x: tensor<1x512x14x13xf32>) -> tensor<1x512x7x7xf32> {
  %0 = pool.adaptive_avg %x {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<1x512x7x7xf32>
  return %0 : tensor<1x512x7x7xf32>
}

// Large stride-1 windows: the tiled kernels (workgroup memory, barriers).
func.func @max_2d_nchw_9x9_s1(%x: tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 9, 9>, strides = array<i64: 1, 1>, padding = array<i64: 4, 4, 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x64x56x56xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}
func.func @avg_2d_nchw_f16_7x7_s1(%x: tensor<1x64x56x56xf16>) -> tensor<1x64x56x56xf16> {
  %0 = pool.avg %x {kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, padding = array<i64: 3, 3, 3, 3>, count_include_pad = true, layout = #pool.layout<channels_first>} : tensor<1x64x56x56xf16> -> tensor<1x64x56x56xf16>
  return %0 : tensor<1x64x56x56xf16>
}
// -----

// Dynamic shapes (memref descriptors).
func.func @max_2d_nchw_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
func.func @global_avg_nhwc_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_last>} : tensor<?x?x?x?xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
func.func @max_2d_nchw_dynamic_5x5_s1(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 5, 5>, strides = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
