// RUN: pool-opt %s --pool-affine-vectorize="vector-size=8" -split-input-file | FileCheck %s
// RUN: not pool-opt %s --pool-affine-vectorize="vector-size=0" -split-input-file 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: error: pool-affine-vectorize: vector-size must be positive, got 0

// The channels-last accumulation: the channel loop covers the whole last
// dimension of every memref and each access is contiguous in it.
// CHECK-LABEL: func.func @contiguous(
// CHECK: affine.for %{{.*}} = 0 to 16 step 8 {
// CHECK: vector.transfer_read
// CHECK: arith.maximumf {{.*}} : vector<8xf32>
// CHECK: vector.transfer_write
func.func @contiguous(%in: memref<1x6x16xf32>, %out: memref<1x3x16xf32>) {
  affine.for %o = 0 to 3 {
    affine.for %k = 0 to 2 {
      affine.for %c = 0 to 16 {
        %v = affine.load %in[0, %o * 2 + %k, %c] : memref<1x6x16xf32>
        %a = affine.load %out[0, %o, %c] : memref<1x3x16xf32>
        %m = arith.maximumf %a, %v : f32
        affine.store %m, %out[0, %o, %c] : memref<1x3x16xf32>
      }
    }
  }
  return
}

// -----

// A reduction over a strided access (dilation 3) stays scalar: upstream's
// affine-super-vectorize turns it into a contiguous read (wrong values).
// CHECK-LABEL: func.func @strided_reduction(
// CHECK-NOT: vector.
// CHECK: affine.for %{{.*}} = 0 to 4 iter_args
// CHECK-NOT: vector.
func.func @strided_reduction(%in: memref<2x12xf32>, %out: memref<2xf32>) {
  %zero = arith.constant 0.0 : f32
  affine.for %n = 0 to 2 {
    %s = affine.for %k = 0 to 4 iter_args(%acc = %zero) -> f32 {
      %v = affine.load %in[%n, %k * 3] : memref<2x12xf32>
      %a = arith.addf %acc, %v : f32
      affine.yield %a : f32
    }
    affine.store %s, %out[%n] : memref<2xf32>
  }
  return
}

// -----

// A contiguous reduction over a whole row is vectorized, masked at the end.
// CHECK-LABEL: func.func @row_reduction(
// CHECK: affine.for %{{.*}} = 0 to 12 step 8 iter_args
// CHECK: vector.create_mask
// CHECK: vector.reduction <add>
func.func @row_reduction(%in: memref<2x12xf32>, %out: memref<2xf32>) {
  %zero = arith.constant 0.0 : f32
  affine.for %n = 0 to 2 {
    %s = affine.for %k = 0 to 12 iter_args(%acc = %zero) -> f32 {
      %v = affine.load %in[%n, %k] : memref<2x12xf32>
      %a = arith.addf %acc, %v : f32
      affine.yield %a : f32
    }
    affine.store %s, %out[%n] : memref<2xf32>
  }
  return
}

// -----

// A loop over part of a row stays scalar: vectors would touch elements
// outside its range.
// CHECK-LABEL: func.func @partial_row(
// CHECK-NOT: vector.
func.func @partial_row(%in: memref<16xf32>, %out: memref<16xf32>) {
  affine.for %i = 0 to 10 {
    %v = affine.load %in[%i] : memref<16xf32>
    affine.store %v, %out[%i] : memref<16xf32>
  }
  return
}
