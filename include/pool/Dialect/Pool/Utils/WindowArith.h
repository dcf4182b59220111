//===- WindowArith.h - Pooling window arithmetic ----------------*- C++ -*-===//
//
// The one place where pooling arithmetic lives: output sizes, `same` padding,
// `ceil_mode`, average divisors and adaptive bins. The verifier, shape
// inference, reification and every lowering use these formulas.
//
// Each formula is written once, as a template over an arithmetic "domain":
//   - CheckedArith computes with int64_t at compile time and records overflow
//     (attribute values come from users, so nothing here may wrap silently);
//   - IndexArith emits the same computation as `arith` ops on `index` values,
//     folding constants as it goes, for sizes only known at run time.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_DIALECT_POOL_UTILS_WINDOWARITH_H
#define POOL_DIALECT_POOL_UTILS_WINDOWARITH_H

#include "pool/Dialect/Pool/IR/PoolEnums.h"

#include "mlir/IR/Builders.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/MathExtras.h"

#include <string>

namespace mlir::pool {

enum class PoolKind {
  Max,
  Avg,
  GlobalMax,
  GlobalAvg,
  AdaptiveMax,
  AdaptiveAvg
};

/// The op name of `kind`, e.g. "pool.max".
StringRef getPoolOpName(PoolKind kind);

/// Everything a pool op's attributes say, as plain values. Raw: defaults are
/// not applied (`hasStrides` etc. tell what was given) so that diagnostics can
/// name what the user wrote; `getWindowDims` applies them.
struct PoolSpec {
  PoolKind kind = PoolKind::Max;
  Layout layout = Layout::ChannelsFirst;
  SmallVector<int64_t> kernel, strides, dilations, padding, outputSize;
  bool hasStrides = false, hasDilations = false, hasPadding = false;
  AutoPad autoPad = AutoPad::Explicit;
  bool ceilMode = false;
  bool countIncludePad = false;
  bool keepDims = false;

  bool isLocal() const {
    return kind == PoolKind::Max || kind == PoolKind::Avg;
  }
  bool isGlobal() const {
    return kind == PoolKind::GlobalMax || kind == PoolKind::GlobalAvg;
  }
  bool isAdaptive() const {
    return kind == PoolKind::AdaptiveMax || kind == PoolKind::AdaptiveAvg;
  }
  /// Max reduction (max, global_max, adaptive_max); otherwise an average.
  bool isMax() const {
    return kind == PoolKind::Max || kind == PoolKind::GlobalMax ||
           kind == PoolKind::AdaptiveMax;
  }
};

/// Tensor dimension of the channels and of spatial dimension `i`.
inline int64_t getChannelDim(Layout layout, int64_t spatialRank) {
  return layout == Layout::ChannelsFirst ? 1 : spatialRank + 1;
}
inline int64_t getSpatialDim(Layout layout, int64_t i) {
  return layout == Layout::ChannelsFirst ? 2 + i : 1 + i;
}

/// The window along one spatial dimension of a local pooling, defaults
/// applied. `padBegin`/`padEnd` are the explicit padding (0 for `valid` and
/// `same_*`, whose padding depends on the input size: see computePadBegin).
struct WindowDim {
  int64_t kernel = 1, stride = 1, dilation = 1;
  int64_t padBegin = 0, padEnd = 0;
  /// K = (kernel - 1) * dilation + 1: the elements one window spans.
  int64_t span = 1;
  AutoPad autoPad = AutoPad::Explicit;
  bool ceilMode = false;

  bool isSame() const {
    return autoPad == AutoPad::SameUpper || autoPad == AutoPad::SameLower;
  }
};

/// Checks `spec` against an input of shape `inputShape` (dynamic sizes
/// allowed) and returns the result shape (dynamic where it depends on a
/// dynamic input size). On failure, `error` holds one sentence naming the
/// offending attribute and value.
FailureOr<SmallVector<int64_t>> inferPoolShape(const PoolSpec &spec,
                                               ArrayRef<int64_t> inputShape,
                                               std::string &error);

/// The number of spatial dimensions of `spec` on an input of rank
/// `inputRank`.
int64_t getSpatialRank(const PoolSpec &spec, int64_t inputRank);

/// The windows of a local pooling that `inferPoolShape` accepted.
SmallVector<WindowDim> getWindowDims(const PoolSpec &spec);

/// Which input dimension a result dimension comes from: batch and channel
/// dimensions copy the input's size, spatial ones are pooled.
struct ResultDimSource {
  enum Role { Batch, Channel, Spatial } role;
  int64_t inputDim;   // the input dimension it is computed from
  int64_t spatialIdx; // for Spatial: the spatial dimension index
};
ResultDimSource getResultDimSource(const PoolSpec &spec, int64_t inputRank,
                                   int64_t resultDim);

//===----------------------------------------------------------------------===//
// Arithmetic domains
//===----------------------------------------------------------------------===//

/// int64_t arithmetic that records overflow instead of wrapping. Divisors are
/// positive in every formula; a non-positive one is recorded as overflow.
struct CheckedArith {
  using Value = int64_t;
  bool overflow = false;

  Value cst(int64_t v) { return v; }
  Value add(Value a, Value b) { return check(llvm::checkedAdd(a, b)); }
  Value sub(Value a, Value b) { return check(llvm::checkedSub(a, b)); }
  Value mul(Value a, Value b) { return check(llvm::checkedMul(a, b)); }
  Value floorDiv(Value a, Value b) {
    if (b <= 0)
      return fail();
    return llvm::divideFloorSigned(a, b);
  }
  Value ceilDiv(Value a, Value b) {
    if (b <= 0)
      return fail();
    return llvm::divideCeilSigned(a, b);
  }
  Value max(Value a, Value b) { return a > b ? a : b; }
  Value min(Value a, Value b) { return a < b ? a : b; }
  /// a >= b ? x : y
  Value selectGE(Value a, Value b, Value x, Value y) { return a >= b ? x : y; }

private:
  Value check(std::optional<int64_t> v) { return v ? *v : fail(); }
  Value fail() {
    overflow = true;
    return 0;
  }
};

/// The same arithmetic emitted as `arith` ops on `index` values at the
/// builder's insertion point; constant operands fold.
struct IndexArith {
  using Value = ::mlir::Value;
  OpBuilder &b;
  Location loc;

  IndexArith(OpBuilder &b, Location loc) : b(b), loc(loc) {}
  Value cst(int64_t v);
  Value add(Value a, Value c);
  Value sub(Value a, Value c);
  Value mul(Value a, Value c);
  Value floorDiv(Value a, Value c);
  Value ceilDiv(Value a, Value c);
  Value max(Value a, Value c);
  Value min(Value a, Value c);
  Value selectGE(Value a, Value c, Value x, Value y);
};

//===----------------------------------------------------------------------===//
// Formulas (docs/semantics.md)
//===----------------------------------------------------------------------===//

/// O, the output size for input size `in`:
///   same_*:         ceil(I / s)
///   floor mode:     floor((I + pb + pe - K) / s) + 1
///   ceil mode:      floor((I + pb + pe - K + s - 1) / s) + 1, minus 1 if
///                   (O - 1) * s >= I + pb (the last window must start inside
///                   the input or the begin padding).
template <typename D>
typename D::Value computeOutputSize(D &d, typename D::Value in,
                                    const WindowDim &w) {
  auto s = d.cst(w.stride);
  if (w.isSame())
    return d.ceilDiv(in, s);
  auto padded = d.add(d.add(in, d.cst(w.padBegin)), d.cst(w.padEnd));
  auto room = d.sub(padded, d.cst(w.span));
  if (!w.ceilMode)
    return d.add(d.floorDiv(room, s), d.cst(1));
  auto out = d.add(d.floorDiv(d.add(room, d.cst(w.stride - 1)), s), d.cst(1));
  auto outMinusOne = d.sub(out, d.cst(1));
  return d.selectGE(d.mul(outMinusOne, s), d.add(in, d.cst(w.padBegin)),
                    outMinusOne, out);
}

/// Total `same` padding: P = max((ceil(I / s) - 1) * s + K - I, 0).
template <typename D>
typename D::Value computeSamePadTotal(D &d, typename D::Value in,
                                      const WindowDim &w) {
  auto s = d.cst(w.stride);
  auto out = d.ceilDiv(in, s);
  auto need = d.sub(d.add(d.mul(d.sub(out, d.cst(1)), s), d.cst(w.span)), in);
  return d.max(need, d.cst(0));
}

/// Begin padding: explicit pb, 0 for `valid`, floor(P / 2) for `same_upper`,
/// P - floor(P / 2) for `same_lower`.
template <typename D>
typename D::Value computePadBegin(D &d, typename D::Value in,
                                  const WindowDim &w) {
  if (!w.isSame())
    return d.cst(w.padBegin);
  auto total = computeSamePadTotal(d, in, w);
  auto half = d.floorDiv(total, d.cst(2));
  return w.autoPad == AutoPad::SameUpper ? half : d.sub(total, half);
}

/// End padding: explicit pe, 0 for `valid`, P - pb for `same_*`.
template <typename D>
typename D::Value computePadEnd(D &d, typename D::Value in,
                                const WindowDim &w) {
  if (!w.isSame())
    return d.cst(w.padEnd);
  return d.sub(computeSamePadTotal(d, in, w), computePadBegin(d, in, w));
}

/// Input index of the first tap of output `o`: o * s - pb.
template <typename D>
typename D::Value computeWindowStart(D &d, typename D::Value o,
                                     typename D::Value padBegin,
                                     const WindowDim &w) {
  return d.sub(d.mul(o, d.cst(w.stride)), padBegin);
}

/// The number of taps `start + j * dilation`, 0 <= j < kernel, that fall in
/// [lo, hi).
template <typename D>
typename D::Value countTapsIn(D &d, typename D::Value start, const WindowDim &w,
                              typename D::Value lo, typename D::Value hi) {
  auto dil = d.cst(w.dilation);
  auto first = d.max(d.ceilDiv(d.sub(lo, start), dil), d.cst(0));
  auto last = d.min(d.floorDiv(d.sub(d.sub(hi, d.cst(1)), start), dil),
                    d.cst(w.kernel - 1));
  return d.max(d.add(d.sub(last, first), d.cst(1)), d.cst(0));
}

/// The average divisor factor of output `o` along one dimension: taps on
/// real input [0, I), or with `count_include_pad` taps inside the padded
/// input [-pb, I + pe). The full divisor is the product over dimensions.
template <typename D>
typename D::Value computeAvgDivisor(D &d, typename D::Value o,
                                    typename D::Value in, const WindowDim &w,
                                    bool countIncludePad) {
  auto pb = computePadBegin(d, in, w);
  auto start = computeWindowStart(d, o, pb, w);
  if (!countIncludePad)
    return countTapsIn(d, start, w, d.cst(0), in);
  auto pe = computePadEnd(d, in, w);
  return countTapsIn(d, start, w, d.sub(d.cst(0), pb), d.add(in, pe));
}

/// Adaptive bin of output `o` (input size I, output size O):
/// [floor(o * I / O), ceil((o + 1) * I / O)).
template <typename D>
typename D::Value computeAdaptiveBegin(D &d, typename D::Value o,
                                       typename D::Value in, int64_t out) {
  return d.floorDiv(d.mul(o, in), d.cst(out));
}
template <typename D>
typename D::Value computeAdaptiveEnd(D &d, typename D::Value o,
                                     typename D::Value in, int64_t out) {
  return d.ceilDiv(d.mul(d.add(o, d.cst(1)), in), d.cst(out));
}

/// An upper bound of the adaptive bin sizes, the trip count of a loop that
/// covers every bin: I / O when O divides I, else ceil(I / O) + 1, computed
/// as 2 * ceil(I / O) - floor(I / O).
template <typename D>
typename D::Value computeAdaptiveBinBound(D &d, typename D::Value in,
                                          int64_t out) {
  auto o = d.cst(out);
  auto ceil = d.ceilDiv(in, o);
  return d.sub(d.add(ceil, ceil), d.floorDiv(in, o));
}

} // namespace mlir::pool

#endif // POOL_DIALECT_POOL_UTILS_WINDOWARITH_H
