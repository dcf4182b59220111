// RUN: pool-opt %s -split-input-file --pool-expand-arith | FileCheck %s

// A maximum or minimum promising no NaN operand stays one op (LLVM lowers
// it to one vmaxps/vminps); without the flag it is expanded as upstream's
// arith-expand does, into compares and selects.
// CHECK-LABEL: func.func @maxnum_nnan_kept(
//       CHECK:   %[[MAX:.*]] = arith.maxnumf %{{.*}}, %{{.*}} fastmath<nnan> : vector<8xf32>
//       CHECK:   %[[MIN:.*]] = arith.minnumf %{{.*}}, %{{.*}} fastmath<nnan,nsz> : vector<8xf32>
//       CHECK:   return %[[MAX]], %[[MIN]]
func.func @maxnum_nnan_kept(%a: vector<8xf32>, %b: vector<8xf32>) -> (vector<8xf32>, vector<8xf32>) {
  %0 = arith.maxnumf %a, %b fastmath<nnan> : vector<8xf32>
  %1 = arith.minnumf %a, %b fastmath<nnan,nsz> : vector<8xf32>
  return %0, %1 : vector<8xf32>, vector<8xf32>
}

// -----

// CHECK-LABEL: func.func @maxnum_expanded(
//   CHECK-NOT:   arith.maxnumf
//   CHECK-NOT:   arith.maximumf
//       CHECK:   arith.cmpf ugt
//       CHECK:   arith.select
//       CHECK:   arith.cmpf uno
//       CHECK:   arith.select
//   CHECK-NOT:   arith.maximumf
//       CHECK:   return
func.func @maxnum_expanded(%a: vector<8xf32>, %b: vector<8xf32>) -> (vector<8xf32>, vector<8xf32>) {
  %0 = arith.maxnumf %a, %b : vector<8xf32>
  %1 = arith.maximumf %a, %b : vector<8xf32>
  return %0, %1 : vector<8xf32>, vector<8xf32>
}

// -----

// Index divisions and bf16 conversions are expanded as by arith-expand
// with include-bf16.
// CHECK-LABEL: func.func @div_and_bf16(
//   CHECK-NOT:   arith.ceildivsi
//   CHECK-NOT:   arith.floordivsi
//   CHECK-NOT:   arith.extf
//   CHECK-NOT:   arith.truncf
//       CHECK:   return
func.func @div_and_bf16(%i: index, %j: index, %h: vector<8xbf16>, %f: vector<8xf32>) -> (index, index, vector<8xf32>, vector<8xbf16>) {
  %0 = arith.ceildivsi %i, %j : index
  %1 = arith.floordivsi %i, %j : index
  %2 = arith.extf %h : vector<8xbf16> to vector<8xf32>
  %3 = arith.truncf %f : vector<8xf32> to vector<8xbf16>
  return %0, %1, %2, %3 : index, index, vector<8xf32>, vector<8xbf16>
}

// -----

// f32 -> bf16 rounds to nearest even with the NaN select on the 32-bit
// integers, before the rounding: 0x7fc00000 (2143289344) rounds to 0x7fc0.
// The select has two uses, so LLVM cannot fold it past the shifts onto a
// bf16 vector, which x86 without AVX512-BF16 scalarizes.
// CHECK-LABEL: func.func @truncf_bf16(
//  CHECK-SAME:     %[[F:.*]]: vector<8xf32>
//   CHECK-DAG:   %[[NAN:.*]] = arith.constant dense<2143289344> : vector<8xi32>
//   CHECK-DAG:   %[[C16:.*]] = arith.constant dense<16> : vector<8xi32>
//   CHECK-DAG:   %[[C1:.*]] = arith.constant dense<1> : vector<8xi32>
//   CHECK-DAG:   %[[HALF:.*]] = arith.constant dense<32767> : vector<8xi32>
//       CHECK:   %[[BITS:.*]] = arith.bitcast %[[F]] : vector<8xf32> to vector<8xi32>
//       CHECK:   %[[ISNAN:.*]] = arith.cmpf uno, %[[F]], %[[F]] : vector<8xf32>
//       CHECK:   %[[X:.*]] = arith.select %[[ISNAN]], %[[NAN]], %[[BITS]] : vector<8xi1>, vector<8xi32>
//       CHECK:   %[[SH:.*]] = arith.shrui %[[X]], %[[C16]]
//       CHECK:   %[[LSB:.*]] = arith.andi %[[SH]], %[[C1]]
//       CHECK:   %[[ADD:.*]] = arith.addi %[[X]], %[[HALF]]
//       CHECK:   %[[R:.*]] = arith.addi %[[ADD]], %[[LSB]]
//       CHECK:   %[[HI:.*]] = arith.shrui %[[R]], %[[C16]]
//       CHECK:   %[[T:.*]] = arith.trunci %[[HI]] : vector<8xi32> to vector<8xi16>
//       CHECK:   %[[B:.*]] = arith.bitcast %[[T]] : vector<8xi16> to vector<8xbf16>
//       CHECK:   return %[[B]]
func.func @truncf_bf16(%f: vector<8xf32>) -> vector<8xbf16> {
  %0 = arith.truncf %f : vector<8xf32> to vector<8xbf16>
  return %0 : vector<8xbf16>
}
