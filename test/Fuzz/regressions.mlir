// Inputs the fuzzers found, kept as regression tests (docs/reliability.md).
// What each RUN line proves:
//  1. In every build: the verifier rejects what it must, with the expected
//     message, and accepts the rest.
//  2. In every build: every accepted function lowers to the LLVM dialect
//     without a diagnostic and in bounded memory (the 2^27-wide row ran out
//     of memory), no pool op survives, and the 2^40 window size reaches the
//     divisor exactly. The signed overflows and the division by zero that
//     UBSan found are undefined behaviour in the compiler, which a normal
//     build need not notice: they fail this line only in a build with
//     UndefinedBehaviorSanitizer (lit feature `ubsan`; scripts/sanitize.sh
//     runs check-pool in build-asan, with -fno-sanitize-recover).
// RUN: pool-opt %s -split-input-file -verify-diagnostics
// RUN: pool-opt %s -split-input-file -verify-diagnostics --canonicalize --pool-to-llvm | \
// RUN:   FileCheck %s --check-prefix=LOWERED --implicit-check-not=pool.

// pool-fuzz-build, crash-3a0a92ef: an adaptive average that canonicalizes
// into a local average with kernel 6 x 2^31 x 2^30, whose window size
// overflowed int64 in the lowering (UBSan: signed overflow). The input
// itself holds more than 2^63 bytes: rejected up front now, and the lowering
// computes the window size without overflow.
func.func @fuzz_adaptive_huge_input(%arg0: tensor<7x7x6x2147483648x2147483648xbf16>) -> tensor<?x?x?x?x?xbf16> {
  // expected-error @+1 {{'pool.adaptive_avg' op input 'tensor<7x7x6x2147483648x2147483648xbf16>' would hold more than 2^63 bytes}}
  %0 = pool.adaptive_avg %arg0 {output_size = array<i64: 1, 1, 2>, layout = #pool.layout<channels_first>} : tensor<7x7x6x2147483648x2147483648xbf16> -> tensor<?x?x?x?x?xbf16>
  return %0 : tensor<?x?x?x?x?xbf16>
}

// -----

// The largest input that is still accepted lowers without overflow: a
// kernel product of 2^40, the divisor 1.09951163E+12 in f32.
// LOWERED-LABEL: llvm.func @huge_window_constant_divisor(
// LOWERED: llvm.mlir.constant(dense<1.09951163E+12> : vector<{{[0-9]+}}xf32>)
// LOWERED: llvm.fdiv
func.func @huge_window_constant_divisor(%arg0: tensor<1x1x1048576x1048576xbf16>) -> tensor<?x?x?x?xbf16> {
  %0 = pool.avg %arg0 {kernel = array<i64: 1048576, 1048576>, layout = #pool.layout<channels_first>} : tensor<1x1x1048576x1048576xbf16> -> tensor<?x?x?x?xbf16>
  return %0 : tensor<?x?x?x?xbf16>
}

// -----

// pool-fuzz-build, oom-031b2a37: padding that turns 3 input columns into
// 2^27 output columns. The vector lowering planned a static border block
// for every 16 of them (8M blocks) and ran out of memory; rows past a small
// plan now loop over single outputs at run time.
// LOWERED-LABEL: llvm.func @fuzz_padding_makes_huge_row(
func.func @fuzz_padding_makes_huge_row(%arg0: tensor<?x7x3xbf16>) -> tensor<?x7x134217728xbf16> {
  %0 = pool.max %arg0 {kernel = array<i64: 2>, strides = array<i64: 1>, dilations = array<i64: 134217725>, padding = array<i64: 134217725, 134217725>, layout = #pool.layout<channels_first>} : tensor<?x7x3xbf16> -> tensor<?x7x134217728xbf16>
  return %0 : tensor<?x7x134217728xbf16>
}

// -----

// pool-fuzz-build, crash-1b947965: a channels-last global pooling over zero
// channels made the vector length 0 and a division by it (UBSan). Empty
// dimensions now get one-lane vectors and empty loops.
// LOWERED-LABEL: llvm.func @fuzz_global_zero_channels(
func.func @fuzz_global_zero_channels(%arg0: tensor<4x?x4x4x0xf32>) -> tensor<4x0xf32> {
  %0 = pool.global_max %arg0 {layout = #pool.layout<channels_last>} : tensor<4x?x4x4x0xf32> -> tensor<4x0xf32>
  return %0 : tensor<4x0xf32>
}

// -----

// pool-fuzz-build, crash-18cba2f5: a window of 2^63 - 1 along a dynamic W
// (stride defaulting to the kernel) overflowed the check of the strided
// read length (UBSan: signed overflow). Such rows take single outputs.
// LOWERED-LABEL: llvm.func @fuzz_huge_kernel_dynamic_row(
func.func @fuzz_huge_kernel_dynamic_row(%arg0: tensor<4x7x4x?x?xf16>) -> tensor<?x?x?x?x?xf16> {
  %0 = pool.max %arg0 {kernel = array<i64: 4, 4, 9223372036854775807>, layout = #pool.layout<channels_first>} : tensor<4x7x4x?x?xf16> -> tensor<?x?x?x?x?xf16>
  return %0 : tensor<?x?x?x?x?xf16>
}

// -----

// pool-fuzz-build, crash-ea76426b: the serial-or-parallel choice counted the
// bits of a static input of 2^61 elements (UBSan: signed overflow). The byte
// count saturates now (such an op would go parallel with threads != 1).
// LOWERED-LABEL: llvm.func @fuzz_parallel_bytes_overflow(
func.func @fuzz_parallel_bytes_overflow(%arg0: tensor<1x1x2147483648x1073741824xf16>) -> tensor<1x1xf16> {
  %0 = pool.global_avg %arg0 {layout = #pool.layout<channels_first>} : tensor<1x1x2147483648x1073741824xf16> -> tensor<1x1xf16>
  return %0 : tensor<1x1xf16>
}

// -----

// pool-fuzz-build, crash-d1036ab2: an adaptive average to 2^63 - 1 outputs
// over zero channels (legal: the result holds no element). The channels-first
// plan of border blocks rounded the output size up to whole blocks and
// overflowed int64 (UBSan); it now counts blocks with checked arithmetic.
// LOWERED-LABEL: llvm.func @fuzz_adaptive_int64_max_outputs(
func.func @fuzz_adaptive_int64_max_outputs(%arg0: tensor<?x0x1xf64>) -> tensor<?x0x9223372036854775807xf64> {
  %0 = pool.adaptive_avg %arg0 {output_size = array<i64: 9223372036854775807>, layout = #pool.layout<channels_first>} : tensor<?x0x1xf64> -> tensor<?x0x9223372036854775807xf64>
  return %0 : tensor<?x0x9223372036854775807xf64>
}
