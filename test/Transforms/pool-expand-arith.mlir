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
