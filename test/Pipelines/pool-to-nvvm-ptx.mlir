// The PTX that pool-to-nvvm embeds (format=isa needs no CUDA toolkit),
// unescaped by Inputs/ptx.py, where speed depends on it: static shapes get
// bare noalias/readonly kernel pointers, so inputs load through the
// non-coherent path (ld.global.nc), 16 bytes at a time where the channels
// allow; float maxima are max.NaN.f32; nothing spills to local memory.
// RUN: pool-opt %s -split-input-file --pool-to-nvvm=format=isa | \
// RUN:   %python %S/Inputs/ptx.py extract | FileCheck %s
// Memref descriptors on request: no bare pointers, so no ld.global.nc.
// RUN: pool-opt %s -split-input-file --pool-to-nvvm="format=isa kernel-abi=descriptors" | \
// RUN:   %python %S/Inputs/ptx.py extract | FileCheck %s --check-prefix=DESC

// CHECK-LABEL: // gpu.binary @max_2d_nhwc_3x3_s2_kernel
//       CHECK: .visible .entry max_2d_nhwc_3x3_s2_kernel(
//  CHECK-NEXT:   .param .u64 .ptr .align 1 max_2d_nhwc_3x3_s2_kernel_param_0,
//  CHECK-NEXT:   .param .u64 .ptr .align 1 max_2d_nhwc_3x3_s2_kernel_param_1
//  CHECK-NEXT: )
//  CHECK-NEXT: .maxntid 256, 1, 1
//   CHECK-NOT: {{\.local|__local_depot|ld\.global(\.nc)?\.[bf]32}}
//       CHECK: ld.global.nc.v4.b32
//   CHECK-NOT: {{\.local|__local_depot|ld\.global(\.nc)?\.[bf]32}}
//       CHECK: max.NaN.f32
//   CHECK-NOT: {{\.local|__local_depot|ld\.global(\.nc)?\.[bf]32}}
//       CHECK: st.global.v4.b32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ret;
// DESC-LABEL: // gpu.binary @max_2d_nhwc_3x3_s2_kernel
//       DESC: .visible .entry max_2d_nhwc_3x3_s2_kernel(
//  DESC-NEXT:   .param .u64 .ptr .align 1 max_2d_nhwc_3x3_s2_kernel_param_0,
//  DESC-NEXT:   .param .u64 .ptr .align 1 max_2d_nhwc_3x3_s2_kernel_param_1,
//  DESC-NEXT:   .param .u64 max_2d_nhwc_3x3_s2_kernel_param_2,
//   DESC-NOT:   ld.global.nc
//       DESC:   ld.global.v4.b32
//   DESC-NOT:   ld.global.nc
//       DESC:   ret;
func.func @max_2d_nhwc_3x3_s2(%x: tensor<1x112x112x64xf32>) -> tensor<1x56x56x64xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_last>} : tensor<1x112x112x64xf32> -> tensor<1x56x56x64xf32>
  return %0 : tensor<1x56x56x64xf32>
}

// -----

// Channels-first: one output per thread, scalar non-coherent loads.
// CHECK-LABEL: // gpu.binary @max_2d_nchw_3x3_s2_kernel
//       CHECK: .visible .entry max_2d_nchw_3x3_s2_kernel(
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ld.global.nc.b32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: max.NaN.f32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: st.global.b32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ret;
func.func @max_2d_nchw_3x3_s2(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// -----

// f16: 8 halves per 16-byte load, converted to f32, summed, rounded back in
// pairs, one 16-byte store.
// CHECK-LABEL: // gpu.binary @avg_2d_nhwc_f16_kernel
//       CHECK: .visible .entry avg_2d_nhwc_f16_kernel(
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ld.global.nc.v4.b32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: cvt.f32.f16
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: add.rn.f32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: cvt.rn.f16x2.f32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: st.global.v4.b32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ret;
func.func @avg_2d_nhwc_f16(%x: tensor<8x56x56x64xf16>) -> tensor<8x28x28x64xf16> {
  %0 = pool.avg %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<8x56x56x64xf16> -> tensor<8x28x28x64xf16>
  return %0 : tensor<8x28x28x64xf16>
}

// -----

// Global channels-first: the subgroup reduction is a 5-step butterfly of
// shuffles, no shared memory, no barrier.
// CHECK-LABEL: // gpu.binary @global_avg_nchw_kernel
//       CHECK: .visible .entry global_avg_nchw_kernel(
//   CHECK-NOT: {{\.local|__local_depot|\.shared|bar\.sync}}
//       CHECK: ld.global.nc.b32
// CHECK-COUNT-5: shfl.sync.bfly.b32
//   CHECK-NOT: {{\.local|__local_depot|\.shared|bar\.sync}}
//       CHECK: div.rn.f32
//   CHECK-NOT: {{\.local|__local_depot|\.shared|bar\.sync}}
//       CHECK: ret;
func.func @global_avg_nchw(%x: tensor<8x2048x7x7xf32>) -> tensor<8x2048xf32> {
  %0 = pool.global_avg %x {layout = #pool.layout<channels_first>} : tensor<8x2048x7x7xf32> -> tensor<8x2048xf32>
  return %0 : tensor<8x2048xf32>
}

// -----

// Global channels-last: 32 x 8 threads, 16-byte chunks, the partial maxima
// meet in 8 x 128 floats of shared memory after one barrier.
// CHECK-LABEL: // gpu.binary @global_max_nhwc_kernel
//       CHECK: .visible .entry global_max_nhwc_kernel(
//       CHECK: .maxntid 32, 8, 1
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: .shared .align {{[0-9]+}} .b8 {{.*}}[4096];
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ld.global.nc.v4.b32
//       CHECK: max.NaN.f32
//       CHECK: st.shared.v4.b32
//       CHECK: bar.sync 0;
//   CHECK-NOT: bar.sync
// CHECK-COUNT-8: ld.shared.v4.b32
//   CHECK-NOT: {{\.local|__local_depot|bar\.sync}}
//       CHECK: st.global.v4.b32
//   CHECK-NOT: {{\.local|__local_depot|bar\.sync}}
//       CHECK: ret;
func.func @global_max_nhwc(%x: tensor<64x7x7x2048xf32>) -> tensor<64x2048xf32> {
  %0 = pool.global_max %x {layout = #pool.layout<channels_last>} : tensor<64x7x7x2048xf32> -> tensor<64x2048xf32>
  return %0 : tensor<64x2048xf32>
}

// -----

// Dynamic shapes: memref descriptors (pointer, aligned pointer, offset,
// sizes, strides per buffer), still no local memory.
// CHECK-LABEL: // gpu.binary @max_2d_nchw_dynamic_kernel
//       CHECK: .visible .entry max_2d_nchw_dynamic_kernel(
//  CHECK-NEXT:   .param .u64 .ptr .align 1 max_2d_nchw_dynamic_kernel_param_0,
//  CHECK-NEXT:   .param .u64 .ptr .align 1 max_2d_nchw_dynamic_kernel_param_1,
//  CHECK-NEXT:   .param .u64 max_2d_nchw_dynamic_kernel_param_2,
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ld.global.{{(nc.)?}}b32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: max.NaN.f32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: st.global.b32
//   CHECK-NOT: {{\.local|__local_depot}}
//       CHECK: ret;
func.func @max_2d_nchw_dynamic(%x: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
