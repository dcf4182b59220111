// f32 -> bf16 rounding as pool-expand-arith expands it (scalars and
// vectors), run on bit patterns that pooling of bf16 inputs cannot produce:
// NaNs whose low half would carry into the sign or the exponent if rounded
// like numbers, ties, and the largest finite f32. The inputs are stored to
// memory at run time so that nothing folds them at compile time.
// REQUIRES: mlir-runner
// RUN: pool-opt %s --pool-to-llvm | \
// RUN: mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mlir_runner_utils | \
// RUN: FileCheck %s

// Expected values, by hand from IEEE round-to-nearest-even on the 16 low
// bits (bf16 keeps the high 16 bits of an f32):
//   0x7FFFFFFF, 0xFFFFFFFF, 0x7F800001 (NaNs)  -> nan (0x7FC0)
//   0x3F808000 = 1 + 2^-8, a tie: even 0x3F80   -> 1
//   0x3F818000 = 1 + 3 * 2^-8, a tie: even 0x3F82 -> 1.015625
//   0x3F808001, just above the tie              -> 0x3F81 = 1.0078125
//   0x7F7FFFFF, the largest finite f32          -> 0x7F80 = inf
//   0xFF7FFFFF (its negative; -FLT_MAX)         -> 0xFF80 = -inf

func.func private @printMemrefF32(memref<*xf32>) attributes { llvm.emit_c_interface }

func.func @main() {
  %bits = arith.constant dense<[2147483647, -1, 2139095041, 1065385984, 1065451520, 1065385985, 2139095039, -8388609]> : vector<8xi32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %in = memref.alloca() : memref<8xi32>
  vector.store %bits, %in[%c0] : memref<8xi32>, vector<8xi32>
  %f = memref.alloca() : memref<8xf32>
  // Vector form.
  %v = vector.load %in[%c0] : memref<8xi32>, vector<8xi32>
  %vf = arith.bitcast %v : vector<8xi32> to vector<8xf32>
  %vb = arith.truncf %vf : vector<8xf32> to vector<8xbf16>
  %ve = arith.extf %vb : vector<8xbf16> to vector<8xf32>
  vector.store %ve, %f[%c0] : memref<8xf32>, vector<8xf32>
  %u = memref.cast %f : memref<8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  // CHECK: sizes = [8]
  // CHECK-NEXT: [{{-?nan}}, {{-?nan}}, {{-?nan}}, 1, 1.01562, 1.00781, inf, -inf]
  // Scalar form.
  scf.for %i = %c0 to %c8 step %c1 {
    %s = memref.load %in[%i] : memref<8xi32>
    %sf = arith.bitcast %s : i32 to f32
    %sb = arith.truncf %sf : f32 to bf16
    %se = arith.extf %sb : bf16 to f32
    memref.store %se, %f[%i] : memref<8xf32>
  }
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  // CHECK: sizes = [8]
  // CHECK-NEXT: [{{-?nan}}, {{-?nan}}, {{-?nan}}, 1, 1.01562, 1.00781, inf, -inf]
  return
}
