//===- WindowArith.h - Pooling window arithmetic ----------------*- C++ -*-===//
//
// The one place where pooling arithmetic lives: output sizes, `same` padding,
// `ceil_mode`, the taps of a window that fall inside the input, the outputs
// whose windows lie inside it, average divisors and adaptive bins. The
// verifier, shape inference, reification and every lowering use these
// formulas; none of them computes a window formula of its own.
//
// Each formula is written once, as a template over an arithmetic "domain":
//   - CheckedArith computes with int64_t at compile time and records overflow
//     (attribute values come from users, so nothing here may wrap silently);
//   - IndexArith emits the same computation as `arith` ops on `index` values,
//     folding constants as it goes, for sizes only known at run time;
//   - AffineExprArith builds affine expressions (and the max/min of them
//     that affine loop bounds take) over loop induction variables and
//     symbols, for the affine lowering's bounds and subscripts.
//
// This header depends on the enums alone (PoolEnums.h), not on the dialect.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_DIALECT_POOL_UTILS_WINDOWARITH_H
#define POOL_DIALECT_POOL_UTILS_WINDOWARITH_H

#include "pool/Dialect/Pool/Utils/PoolEnums.h"

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

/// The arithmetic as affine expressions over dimensions (loop induction
/// variables, numbered by the caller) and symbols (values that are valid
/// affine symbols: sizes known at run time). A value is one expression, or
/// the max (or min) of several, which is what an affine.for lower (upper)
/// bound is. Anything an affine map cannot say (a product of two
/// non-constants, a division by a non-constant, a max of a min, a select on
/// non-constants) sets `failed`; the caller then does not use the result.
struct AffineExprArith {
  struct Value {
    enum Kind { Plain, Max, Min };
    SmallVector<AffineExpr, 2> exprs;
    Kind kind = Plain;
    /// The expression of a Plain value.
    AffineExpr expr() const { return exprs.front(); }
  };
  MLIRContext *ctx;
  /// The symbols' values, in the order of their symbol positions.
  SmallVector<::mlir::Value> symbols;
  bool failed = false;

  explicit AffineExprArith(MLIRContext *ctx) : ctx(ctx) {}

  Value cst(int64_t v);
  /// Loop induction variable number `position`.
  Value dim(unsigned position);
  /// `value` (index-typed): a constant expression where it is constant, else
  /// a symbol (one position per distinct value).
  Value sym(::mlir::Value value);
  Value add(Value a, Value c);
  Value sub(Value a, Value c);
  Value mul(Value a, Value c);
  Value floorDiv(Value a, Value c);
  Value ceilDiv(Value a, Value c);
  Value max(Value a, Value c);
  Value min(Value a, Value c);
  Value selectGE(Value a, Value c, Value x, Value y);

  /// The map of `v` over `numDims` dimensions and the symbols so far.
  AffineMap getMap(const Value &v, unsigned numDims) const;

private:
  Value plain(AffineExpr e) { return {{e}, Value::Plain}; }
  Value fail() {
    failed = true;
    return cst(0);
  }
  /// Both plain: `f` of their expressions, if it stays pure affine.
  Value combine(Value a, Value c,
                function_ref<AffineExpr(AffineExpr, AffineExpr)> f);
  Value extremum(Value a, Value c, Value::Kind kind);
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

/// The input index of tap `k` of a window starting at `start`, taps `step`
/// apart (the dilation; 1 for adaptive bins): start + k * step.
template <typename D>
typename D::Value computeTapPosition(D &d, typename D::Value start,
                                     typename D::Value k, int64_t step) {
  return d.add(start, d.mul(k, d.cst(step)));
}

/// The taps `start + k * step` of one output along one dimension, for k in
/// [lo, hi).
template <typename V> struct TapRange { V start, lo, hi; };

/// The taps `start + k * dilation`, 0 <= k < kernel, that fall in [lo, hi):
///   k in [max(ceil((lo - start) / d), 0), min(ceil((hi - start) / d),
///   kernel)).
/// Empty when the second bound is not above the first.
template <typename D>
TapRange<typename D::Value>
computeTapRange(D &d, typename D::Value start, const WindowDim &w,
                typename D::Value lo, typename D::Value hi) {
  auto dil = d.cst(w.dilation);
  auto first = d.max(d.ceilDiv(d.sub(lo, start), dil), d.cst(0));
  auto end = d.min(d.ceilDiv(d.sub(hi, start), dil), d.cst(w.kernel));
  return {start, first, end};
}

/// The input positions [first, end) that the taps of `taps`, `step` apart,
/// read: first = start + lo * step, end = max(start + (hi - 1) * step + 1,
/// first) (empty when there is no tap).
template <typename D>
std::pair<typename D::Value, typename D::Value>
computeTapExtent(D &d, const TapRange<typename D::Value> &taps, int64_t step) {
  auto first = d.add(taps.start, d.mul(taps.lo, d.cst(step)));
  auto last = d.add(d.mul(d.sub(taps.hi, d.cst(1)), d.cst(step)), d.cst(1));
  return {first, d.max(first, d.add(taps.start, last))};
}

/// The number of taps of computeTapRange.
template <typename D>
typename D::Value countTapsIn(D &d, typename D::Value start, const WindowDim &w,
                              typename D::Value lo, typename D::Value hi) {
  TapRange<typename D::Value> taps = computeTapRange(d, start, w, lo, hi);
  return d.max(d.sub(taps.hi, taps.lo), d.cst(0));
}

/// The outputs [lo, hi) along one dimension (input size `in`, output size
/// `out`, begin padding `padBegin`) whose whole window lies inside the
/// input, even when each reads `extra` elements past its last tap and
/// `before` elements before its first (a block of vector outputs reading
/// `lanes * stride` elements per tap needs extra = stride - 1):
///   lo = min(ceil((pb + before) / s), O),
///   hi = min(max(floor((I - K - extra + pb) / s) + 1, lo), O).
/// Outputs before lo and from hi on are the border.
template <typename D>
std::pair<typename D::Value, typename D::Value>
computeInteriorOutputs(D &d, typename D::Value in, typename D::Value out,
                       typename D::Value padBegin, const WindowDim &w,
                       int64_t extra = 0, int64_t before = 0) {
  auto s = d.cst(w.stride);
  auto first = before ? d.add(padBegin, d.cst(before)) : padBegin;
  auto lo = d.min(d.ceilDiv(first, s), out);
  auto room = d.sub(in, d.cst(w.span));
  if (extra)
    room = d.sub(room, d.cst(extra));
  auto last = d.floorDiv(d.add(room, padBegin), s);
  auto hi = d.min(d.max(d.add(last, d.cst(1)), lo), out);
  return {lo, hi};
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

/// The size of adaptive bin `o`: end - begin.
template <typename D>
typename D::Value computeAdaptiveBinSize(D &d, typename D::Value o,
                                         typename D::Value in, int64_t out) {
  return d.sub(computeAdaptiveEnd(d, o, in, out),
               computeAdaptiveBegin(d, o, in, out));
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

/// The divisor of an average whose window has `factors` taps along each
/// dimension: their product, and 1 for a window with no tap (its sum is 0,
/// and stays 0).
template <typename D>
typename D::Value computeClampedDivisor(D &d,
                                        ArrayRef<typename D::Value> factors) {
  auto product = d.cst(1);
  for (auto f : factors)
    product = d.mul(product, f);
  return d.max(product, d.cst(1));
}

//===----------------------------------------------------------------------===//
// Geometry of one spatial dimension, local or adaptive
//===----------------------------------------------------------------------===//

/// Adaptive bins that are all one window shifted by a constant stride: for
/// I % O == 0 the window kernel = stride = I / O; for I % O == 1 (and I > O)
/// kernel I / O + 1, stride I / O (15 -> 7 is a 3-wide window of stride 2);
/// none otherwise. No padding either way, so an average divides by the
/// kernel, as the bin size does.
std::optional<WindowDim> getUniformAdaptiveWindow(int64_t in, int64_t out);

/// The windows of one spatial dimension of a local or adaptive pooling: a
/// window (uniform adaptive bins of a static input are one too) or
/// adaptive bins.
struct DimGeometry {
  bool isWindow = true;
  WindowDim w;
  /// Adaptive output size (bins only).
  int64_t outSize = 1;

  /// The distance between consecutive taps.
  int64_t step() const { return isWindow ? w.dilation : 1; }
};

/// The geometry of every spatial dimension of a local or adaptive `spec`,
/// given the static input spatial sizes (none where dynamic).
SmallVector<DimGeometry>
getDimGeometry(const PoolSpec &spec,
               ArrayRef<std::optional<int64_t>> staticSizes);

/// Begin padding along a dimension: computePadBegin for windows, 0 for bins.
template <typename D>
typename D::Value computePadBegin(D &d, typename D::Value in,
                                  const DimGeometry &g) {
  return g.isWindow ? computePadBegin(d, in, g.w) : d.cst(0);
}

/// The taps of output `o` that fall inside the input [0, in): for a window
/// the taps of computeTapRange from o * s - pb, for a bin every position of
/// [begin, end) (start begin, step 1, k in [0, end - begin)).
template <typename D>
TapRange<typename D::Value>
computeOutputTaps(D &d, const DimGeometry &g, typename D::Value o,
                  typename D::Value in, typename D::Value padBegin) {
  if (!g.isWindow) {
    auto begin = computeAdaptiveBegin(d, o, in, g.outSize);
    return {begin, d.cst(0), computeAdaptiveBinSize(d, o, in, g.outSize)};
  }
  return computeTapRange(d, computeWindowStart(d, o, padBegin, g.w), g.w,
                         d.cst(0), in);
}

/// The average divisor factor of output `o` along this dimension: taps
/// counted as computeAvgDivisor says for a window, the bin size for a bin.
template <typename D>
typename D::Value
computeDivisorFactor(D &d, const DimGeometry &g, typename D::Value o,
                     typename D::Value in, bool countIncludePad) {
  if (g.isWindow)
    return computeAvgDivisor(d, o, in, g.w, countIncludePad);
  return computeAdaptiveBinSize(d, o, in, g.outSize);
}

} // namespace mlir::pool

#endif // POOL_DIALECT_POOL_UTILS_WINDOWARITH_H
