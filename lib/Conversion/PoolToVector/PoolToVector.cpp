//===- PoolToVector.cpp - Lower pool ops to vectorized parallel loops -----===//
//
// Every pool op becomes an scf.forall over independent output slices whose
// body reduces windows in vector registers (the plan per layout is in
// Passes.td, the cost model in docs/performance.md). Window geometry comes
// from the dialect's window arithmetic: as IR through IndexArith where sizes
// are dynamic, as constants through CheckedArith where they are static, so
// that border blocks can be planned at compile time.
//
//===----------------------------------------------------------------------===//

#include "pool/Conversion/PoolToVector/PoolToVector.h"

#include "pool/Conversion/PoolToLinalg/PoolToLinalg.h"
#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/TargetParser/Host.h"

namespace mlir::pool {
#define GEN_PASS_DEF_CONVERTPOOLTOVECTOR
#include "pool/Conversion/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

StringRef mlir::pool::stringifyPoolStrategy(PoolStrategy strategy) {
  switch (strategy) {
  case PoolStrategy::Auto:
    return "auto";
  case PoolStrategy::Direct:
    return "direct";
  case PoolStrategy::Separable:
    return "separable";
  case PoolStrategy::Sliding:
    return "sliding";
  }
  llvm_unreachable("unknown strategy");
}

llvm::cl::ValuesClass mlir::pool::getPoolStrategyValues() {
  return llvm::cl::values(
      clEnumValN(PoolStrategy::Auto, "auto",
                 "the cost model picks per op (docs/performance.md)"),
      clEnumValN(PoolStrategy::Direct, "direct", "every tap of every window"),
      clEnumValN(PoolStrategy::Separable, "separable",
                 "windows of 2+ dimensions: rows first, into a row buffer"),
      clEnumValN(PoolStrategy::Sliding, "sliding",
                 "separable, and van Herk/Gil-Werman along the rows of 2-D "
                 "stride-1 windows"));
}

int64_t mlir::pool::getHostVectorBits() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512f"))
    return 512;
  if (features.lookup("avx"))
    return 256;
  return 128;
}

namespace {
/// The taps of one output along one spatial dimension: input positions
/// `start + k * step` for k in [lo, hi), all inside the input.
template <typename V> struct Taps { V start, lo, hi; };

/// The windows of one spatial dimension: a local pooling window (adaptive
/// pooling with evenly dividing bins is one too) or adaptive bins.
struct DimGeometry {
  bool isWindow = true;
  WindowDim w;
  /// Adaptive output size.
  int64_t outSize = 1;

  int64_t step() const { return isWindow ? w.dilation : 1; }

  template <typename D>
  Taps<typename D::Value> taps(D &d, typename D::Value o, typename D::Value in,
                               typename D::Value padBegin) const {
    if (!isWindow) {
      auto begin = computeAdaptiveBegin(d, o, in, outSize);
      auto end = computeAdaptiveEnd(d, o, in, outSize);
      return {begin, d.cst(0), d.sub(end, begin)};
    }
    auto start = computeWindowStart(d, o, padBegin, w);
    auto dil = d.cst(w.dilation);
    auto lo = d.max(d.ceilDiv(d.sub(d.cst(0), start), dil), d.cst(0));
    auto hi = d.min(d.ceilDiv(d.sub(in, start), dil), d.cst(w.kernel));
    return {start, lo, hi};
  }

  /// The average divisor factor of output `o` along this dimension.
  template <typename D>
  typename D::Value divisor(D &d, typename D::Value o, typename D::Value in,
                            bool countIncludePad) const {
    if (isWindow)
      return computeAvgDivisor(d, o, in, w, countIncludePad);
    return d.sub(computeAdaptiveEnd(d, o, in, outSize),
                 computeAdaptiveBegin(d, o, in, outSize));
  }
};

/// Reads at most this many hardware vectors for one tap of a block; wider
/// spans (huge adaptive bins or strides) take the one-output path.
constexpr int64_t kMaxBlockReadVectors = 16;
/// Bounds on the border blocks planned at compile time (blocks per row,
/// taps they unroll in all, taps one block unrolls): beyond them a row
/// loops over single outputs instead, so that no input size or window
/// makes the IR grow without bound.
constexpr int64_t kMaxStaticBlocks = 8;
constexpr int64_t kMaxStaticTaps = 1024;
constexpr int64_t kMaxBlockTaps = 64;
/// Interior blocks unroll their window taps up to this kernel size and loop
/// beyond it.
constexpr int64_t kMaxUnrolledTaps = 16;

/// One pool op being lowered.
class VectorLowering {
public:
  VectorLowering(OpBuilder &b, PoolOpInterface op, int64_t vectorBits,
                 PoolStrategy strategy)
      : b(b), loc(op.getLoc()), spec(op.getSpec()), input(op.getInput()),
        strategy(strategy) {
    auto inputType = cast<RankedTensorType>(input.getType());
    rank = inputType.getRank();
    n = getSpatialRank(spec, rank);
    elemType = inputType.getElementType();
    accType = getPoolAccumulatorType(elemType);
    lanes = std::max<int64_t>(1, vectorBits / accType.getIntOrFloatBitWidth());
    for (int64_t d = 0; d < rank; ++d)
      inDims.push_back(getValueOrCreateConstantIndexOp(
          b, loc, tensor::getMixedSize(b, loc, input, d)));
    for (int64_t i = 0; i < n; ++i) {
      inSizes.push_back(inDims[spatialDim(i)]);
      staticIn.push_back(getConstantIntValue(inSizes.back()));
    }
    setUpGeometry();
  }

  Value lower(ArrayRef<OpFoldResult> outSizes, bool assertWindowFits);

private:
  OpBuilder &b;
  Location loc;
  PoolSpec spec;
  Value input;
  PoolStrategy strategy;
  int64_t rank = 0, n = 0, lanes = 1;
  Type elemType, accType;
  SmallVector<Value> inDims, inSizes, outDims;
  SmallVector<std::optional<int64_t>> staticIn;
  SmallVector<DimGeometry> geom;
  SmallVector<Value> padBegin;
  /// Float maxima: NaN-propagating arith.maximumf (exact) or a plain
  /// compare-and-select, valid on NaN-free data.
  bool exact = true;

  bool isMax() const { return spec.isMax(); }
  bool channelsLast() const { return spec.layout == Layout::ChannelsLast; }
  int64_t spatialDim(int64_t i) const { return getSpatialDim(spec.layout, i); }
  int64_t channelDim() const { return getChannelDim(spec.layout, n); }

  void setUpGeometry();

  Value cst(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  /// Vector length for a dimension of `size` elements (when static): at
  /// most `maxLen`, the size rounded up to a power of two, at least 1 (a
  /// dimension may be empty).
  static int64_t chunkFor(std::optional<int64_t> size, int64_t maxLen) {
    if (!size)
      return maxLen;
    int64_t bounded = std::clamp<int64_t>(*size, 1, maxLen);
    return std::min<int64_t>(static_cast<int64_t>(llvm::PowerOf2Ceil(bounded)),
                             maxLen);
  }
  VectorType vecType(int64_t len, Type type) const {
    return VectorType::get({len}, type);
  }
  Value splat(Value scalar, int64_t len) {
    return vector::BroadcastOp::create(b, loc, vecType(len, scalar.getType()),
                                       scalar);
  }
  Value neutral(Type type) { return createPoolNeutral(b, loc, type, isMax()); }
  /// An all-false vector<len x i1>.
  Value noneSet(int64_t len) {
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(vecType(len, b.getI1Type()), false));
  }
  Value indexToAcc(Value index) {
    Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
    return arith::SIToFPOp::create(b, loc, accType, i64);
  }

  Value read(Value source, ValueRange indices, int64_t len, bool inBounds);
  Value combine(Value acc, Value value);
  Value write(Value acc, Value tile, ValueRange indices, bool inBounds,
              Value divisor);

  SmallVector<Value>
  forLoop(Value lo, Value hi, Value step, ValueRange inits,
          function_ref<SmallVector<Value>(Value iv, ValueRange args)> body);
  Value loopOver(Value lo, Value hi, Value step, Value tile,
                 function_ref<Value(Value iv, Value tile)> body) {
    return forLoop(lo, hi, step, tile,
                   [&](Value iv, ValueRange args) -> SmallVector<Value> {
                     return {body(iv, args[0])};
                   })
        .front();
  }
  using TapBody = function_ref<Value(Value acc, ArrayRef<Value> positions)>;
  Value reduceTaps(ArrayRef<Taps<Value>> taps, ArrayRef<int64_t> steps,
                   Value acc, TapBody body);
  using TapBodyN = function_ref<SmallVector<Value>(ValueRange accs,
                                                   ArrayRef<Value> positions)>;
  SmallVector<Value> reduceTapsN(ArrayRef<Taps<Value>> taps,
                                 ArrayRef<int64_t> steps, ValueRange accs,
                                 TapBodyN body);
  bool flaggedMax() const { return isMax() && isa<FloatType>(accType); }
  SmallVector<Value> combineFlagged(ValueRange accs, Value value);
  Value applyNaNFlag(Value plain, Value flag);
  Value anyNaN(ArrayRef<Value> lo, ArrayRef<Value> hi, int64_t len);
  Value withNaNCheck(Value tile, ArrayRef<Value> lo, ArrayRef<Value> hi,
                     function_ref<Value(Value)> build, int64_t scanLen = 0);
  Value product(ArrayRef<Value> factors);

  using OutputBody =
      function_ref<Value(Value o, const Taps<Value> &taps, Value tile)>;
  Value loopOutputs(int64_t i, Value tile, OutputBody body, bool split);
  /// Output indices along the leading spatial dimensions, with their taps.
  struct Positions {
    SmallVector<Value> out;
    SmallVector<Taps<Value>> taps;
    SmallVector<int64_t> steps;
  };
  Value nestOutputs(int64_t from, int64_t to, Positions &pos, Value tile,
                    function_ref<Value(Value)> leaf);
  Value divisorOf(const Positions &pos);
  /// The output slice at (ivs[0], ivs[1]) in the two leading dimensions,
  /// whole in the others.
  std::pair<SmallVector<OpFoldResult>, SmallVector<OpFoldResult>>
  leadingSlice(ValueRange ivs) {
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
        sizes = getAsOpFoldResult(outDims);
    offsets[0] = ivs[0];
    offsets[1] = ivs[1];
    sizes[0] = sizes[1] = b.getIndexAttr(1);
    return {offsets, sizes};
  }
  Value lowerChannelsLast(Value empty);
  Value lowerChannelsLastSeparable(Value empty);
  Value lowerChannelsFirst(Value empty);
  Value lowerGlobal(Value empty);

  // Channels-first rows: the last spatial dimension of one output row.
  struct Row : Positions {
    Value n, c;
    Value divisor;
    /// Writes into the separable strategy's row buffer (accumulator type,
    /// indexed [rows..., W]) instead of the output slice.
    bool toBuffer = false;
  };
  Value emitRow(Value tile, const Row &row);
  Value writeRow(const Row &row, Value acc, Value tile, Value ow,
                 Value divisor);
  bool useSeparable() const;
  bool useSliding() const;
  using RowRead = function_ref<Value(Value h)>;
  using RowWrite = function_ref<Value(Value oh, Value acc, Value tile)>;
  Value makeSuffixBuffer(int64_t width);
  std::pair<Value, Value> slideRows(Value tile, Value suffix, int64_t width,
                                    RowRead readRow, RowWrite writeOut);
  Value rowDivisor(Value oh);
  Value buildSeparablePlane(Value tile, Value batch, Value channel);
  Value emitInteriorBlock(Value tile, const Row &row, Value ow0, int64_t width);
  std::optional<Value> emitStaticBlock(Value tile, const Row &row, int64_t ow0,
                                       int64_t width);
  Value emitOneOutput(Value tile, const Row &row, Value ow);
  SmallVector<Value> rowIndices(const Row &row, ArrayRef<Value> positions,
                                Value last);
};
} // namespace

void VectorLowering::setUpGeometry() {
  IndexArith ia(b, loc);
  if (spec.isLocal()) {
    for (const WindowDim &w : getWindowDims(spec)) {
      DimGeometry g;
      g.w = w;
      geom.push_back(g);
    }
  } else if (spec.isAdaptive()) {
    for (int64_t i = 0; i < n; ++i) {
      DimGeometry g;
      g.outSize = spec.outputSize[i];
      // Bins that divide a static input evenly are a window of I/O taps
      // with stride I/O: the regular plan applies.
      g.isWindow = staticIn[i] && *staticIn[i] % g.outSize == 0;
      if (g.isWindow) {
        int64_t k = *staticIn[i] / g.outSize;
        g.w.kernel = g.w.stride = g.w.span = k;
      }
      geom.push_back(g);
    }
  }
  for (int64_t i = 0; i < static_cast<int64_t>(geom.size()); ++i)
    padBegin.push_back(geom[i].isWindow
                           ? computePadBegin(ia, inSizes[i], geom[i].w)
                           : ia.cst(0));
}

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

/// A vector of `len` elements of `source` from `indices` along the last
/// dimension, in the accumulator type. Lanes past the end of the source read
/// the neutral value unless `inBounds`.
Value VectorLowering::read(Value source, ValueRange indices, int64_t len,
                           bool inBounds) {
  Value v = vector::TransferReadOp::create(b, loc, vecType(len, elemType),
                                           source, indices, neutral(elemType),
                                           ArrayRef<bool>{inBounds});
  if (accType != elemType)
    v = arith::ExtFOp::create(b, loc, vecType(len, accType), v);
  return v;
}

Value VectorLowering::combine(Value acc, Value value) {
  if (!isMax())
    return arith::AddFOp::create(b, loc, acc, value);
  if (!isa<FloatType>(accType))
    return arith::MaxSIOp::create(b, loc, acc, value);
  if (exact)
    return arith::MaximumFOp::create(b, loc, acc, value);
  // acc > value ? acc : value: one vmaxps on x86, exact without NaNs.
  Value greater =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, acc, value);
  return arith::SelectOp::create(b, loc, greater, acc, value);
}

/// Divides `acc` by `divisor` (averages), converts it to the element type and
/// writes it into `tile` at `indices`.
Value VectorLowering::write(Value acc, Value tile, ValueRange indices,
                            bool inBounds, Value divisor) {
  auto type = cast<VectorType>(acc.getType());
  if (divisor) {
    if (!isa<VectorType>(divisor.getType()))
      divisor = splat(divisor, type.getNumElements());
    acc = arith::DivFOp::create(b, loc, acc, divisor);
  }
  if (accType != elemType)
    acc = arith::TruncFOp::create(
        b, loc, vecType(type.getNumElements(), elemType), acc);
  return vector::TransferWriteOp::create(b, loc, acc, tile, indices,
                                         ArrayRef<bool>{inBounds})
      .getResult();
}

SmallVector<Value> VectorLowering::forLoop(
    Value lo, Value hi, Value step, ValueRange inits,
    function_ref<SmallVector<Value>(Value iv, ValueRange args)> body) {
  auto loop =
      scf::ForOp::create(b, loc, lo, hi, step, inits,
                         [&](OpBuilder &, Location, Value iv, ValueRange args) {
                           scf::YieldOp::create(b, loc, body(iv, args));
                         });
  return loop.getResults();
}

/// Folds `body` over every tap of `taps` (nested loops, outermost first),
/// passing the input position of each tap.
Value VectorLowering::reduceTaps(ArrayRef<Taps<Value>> taps,
                                 ArrayRef<int64_t> steps, Value acc,
                                 TapBody body) {
  return reduceTapsN(
             taps, steps, acc,
             [&](ValueRange accs, ArrayRef<Value> pos) -> SmallVector<Value> {
               return {body(accs[0], pos)};
             })
      .front();
}

SmallVector<Value> VectorLowering::reduceTapsN(ArrayRef<Taps<Value>> taps,
                                               ArrayRef<int64_t> steps,
                                               ValueRange accs, TapBodyN body) {
  SmallVector<Value> positions;
  std::function<SmallVector<Value>(size_t, ValueRange)> nest =
      [&](size_t d, ValueRange a) -> SmallVector<Value> {
    if (d == taps.size())
      return body(a, positions);
    return forLoop(taps[d].lo, taps[d].hi, cst(1), a,
                   [&](Value k, ValueRange args) -> SmallVector<Value> {
                     IndexArith ia(b, loc);
                     positions.push_back(
                         ia.add(taps[d].start, ia.mul(k, ia.cst(steps[d]))));
                     SmallVector<Value> r = nest(d + 1, args);
                     positions.pop_back();
                     return r;
                   });
  };
  return nest(0, accs);
}

/// Folds `value` into a plain maximum and a per-lane NaN flag: the exact
/// NaN-propagating maximum for the price of one compare more per vector.
SmallVector<Value> VectorLowering::combineFlagged(ValueRange accs,
                                                  Value value) {
  exact = false;
  Value plain = combine(accs[0], value);
  exact = true;
  Value nan =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, value, value);
  return {plain, arith::OrIOp::create(b, loc, accs[1], nan)};
}

/// NaN where `flag` is set, `plain` elsewhere.
Value VectorLowering::applyNaNFlag(Value plain, Value flag) {
  auto floatType = cast<FloatType>(accType);
  Value nan = arith::ConstantOp::create(
      b, loc,
      b.getFloatAttr(floatType,
                     APFloat::getQNaN(floatType.getFloatSemantics())));
  if (auto type = dyn_cast<VectorType>(plain.getType()))
    nan = splat(nan, type.getNumElements());
  return arith::SelectOp::create(b, loc, flag, nan, plain);
}

Value VectorLowering::product(ArrayRef<Value> factors) {
  IndexArith ia(b, loc);
  Value p = ia.cst(1);
  for (Value f : factors)
    p = ia.mul(p, f);
  return ia.max(p, ia.cst(1));
}

/// Whether the input box [lo, hi) (every dimension) may hold a NaN: a sum
/// of its elements in independent vector lanes (one add per vector, along
/// the last dimension) is NaN if it holds one. A NaN-free box whose sum
/// still turns NaN (+inf and -inf, or overflow both ways) takes the exact
/// path too, which is only slower.
Value VectorLowering::anyNaN(ArrayRef<Value> lo, ArrayRef<Value> hi,
                             int64_t len) {
  auto type = vecType(len, accType);
  Value zero = arith::ConstantOp::create(b, loc, b.getFloatAttr(accType, 0.0));
  Value elemZero =
      arith::ConstantOp::create(b, loc, b.getFloatAttr(elemType, 0.0));
  SmallVector<Value> indices;
  IndexArith ia(b, loc);
  auto scanRow = [&](Value sum) -> Value {
    Value first = lo.back(), end = hi.back();
    Value full =
        ia.add(first, ia.mul(ia.floorDiv(ia.sub(end, first), ia.cst(len)),
                             ia.cst(len)));
    auto step = [&](bool inBounds) {
      return [&, inBounds](Value i, ValueRange args) -> SmallVector<Value> {
        SmallVector<Value> idx = indices;
        idx.push_back(i);
        // Lanes past the input's end read 0.
        Value v = vector::TransferReadOp::create(b, loc, vecType(len, elemType),
                                                 input, idx, elemZero,
                                                 ArrayRef<bool>{inBounds});
        if (accType != elemType)
          v = arith::ExtFOp::create(b, loc, type, v);
        return {arith::AddFOp::create(b, loc, args[0], v)};
      };
    };
    sum = forLoop(first, full, cst(len), sum, step(true)).front();
    return forLoop(full, end, cst(len), sum, step(false)).front();
  };
  std::function<Value(int64_t, Value)> nest = [&](int64_t d,
                                                  Value sum) -> Value {
    if (d == rank - 1)
      return scanRow(sum);
    return forLoop(lo[d], hi[d], cst(1), sum,
                   [&](Value i, ValueRange args) -> SmallVector<Value> {
                     indices.push_back(i);
                     Value r = nest(d + 1, args[0]);
                     indices.pop_back();
                     return {r};
                   })
        .front();
  };
  Value sum = nest(0, splat(zero, len));
  Value nan =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, sum, sum);
  return vector::ReductionOp::create(b, loc, vector::CombiningKind::OR, nan);
}

/// Builds the slice `tile` with `build`. Float maxima build it twice: with
/// the plain maximum when the input box [lo, hi) has no NaN, with the exact
/// NaN-propagating maximum when it has one.
Value VectorLowering::withNaNCheck(Value tile, ArrayRef<Value> lo,
                                   ArrayRef<Value> hi,
                                   function_ref<Value(Value)> build,
                                   int64_t scanLen) {
  if (!isMax() || !isa<FloatType>(accType)) {
    exact = true;
    return build(tile);
  }
  Value hasNaN = anyNaN(lo, hi, scanLen ? scanLen : 4 * lanes);
  auto ifOp = scf::IfOp::create(b, loc, tile.getType(), hasNaN,
                                /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    exact = true;
    scf::YieldOp::create(b, loc, build(tile));
    b.setInsertionPointToStart(ifOp.elseBlock());
    exact = false;
    scf::YieldOp::create(b, loc, build(tile));
  }
  exact = true;
  return ifOp.getResult(0);
}

//===----------------------------------------------------------------------===//
// Entry
//===----------------------------------------------------------------------===//

Value VectorLowering::lower(ArrayRef<OpFoldResult> outSizes,
                            bool assertWindowFits) {
  if (assertWindowFits)
    emitPoolShapeChecks(b, loc, spec, inSizes);
  for (OpFoldResult size : outSizes)
    outDims.push_back(getValueOrCreateConstantIndexOp(b, loc, size));
  Value empty = tensor::EmptyOp::create(b, loc, outSizes, elemType);
  if (spec.isGlobal())
    return lowerGlobal(empty);
  if (!channelsLast())
    return lowerChannelsFirst(empty);
  return useSeparable() ? lowerChannelsLastSeparable(empty)
                        : lowerChannelsLast(empty);
}

/// An scf.forall over `bounds` writing into `dest`; `body` returns the slice
/// of `dest` at `offsets`/`sizes` it computed.
static Value
buildForall(OpBuilder &b, Location loc, ArrayRef<Value> bounds, Value dest,
            function_ref<std::pair<SmallVector<OpFoldResult>,
                                   SmallVector<OpFoldResult>>(ValueRange ivs)>
                slice,
            function_ref<Value(ValueRange ivs, Value tile)> body) {
  SmallVector<OpFoldResult> ubs = getAsOpFoldResult(ValueRange(bounds));
  auto forall = scf::ForallOp::create(
      b, loc, ubs, ValueRange{dest}, std::nullopt,
      [&](OpBuilder &, Location, ValueRange args) {
        ValueRange ivs = args.take_front(bounds.size());
        Value shared = args.back();
        auto [offsets, sizes] = slice(ivs);
        SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
        Value tile = tensor::ExtractSliceOp::create(b, loc, shared, offsets,
                                                    sizes, strides);
        Value result = body(ivs, tile);
        auto terminator = scf::InParallelOp::create(b, loc);
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(terminator.getBody());
        tensor::ParallelInsertSliceOp::create(b, loc, result, shared, offsets,
                                              sizes, strides);
      });
  return forall.getResult(0);
}

/// Loops over the outputs o along spatial dimension `i`, passing each one's
/// taps. With `split`, the outputs whose window lies inside the input get a
/// loop of their own whose taps have the constant range [0, K): LLVM
/// unrolls their tap loops, and only the few border outputs clamp.
Value VectorLowering::loopOutputs(int64_t i, Value tile, OutputBody body,
                                  bool split) {
  Value size = outDims[spatialDim(i)];
  const DimGeometry &g = geom[i];
  auto general = [&](Value o, Value t) {
    IndexArith ia(b, loc);
    return body(o, g.taps(ia, o, inSizes[i], padBegin[i]), t);
  };
  if (!split || !g.isWindow)
    return loopOver(cst(0), size, cst(1), tile, general);
  IndexArith ia(b, loc);
  const WindowDim &w = g.w;
  Value lo = ia.min(ia.ceilDiv(padBegin[i], ia.cst(w.stride)), size);
  Value last =
      ia.floorDiv(ia.add(ia.sub(inSizes[i], ia.cst(w.span)), padBegin[i]),
                  ia.cst(w.stride));
  Value hi = ia.min(ia.max(ia.add(last, ia.cst(1)), lo), size);
  tile = loopOver(cst(0), lo, cst(1), tile, general);
  tile = loopOver(lo, hi, cst(1), tile, [&](Value o, Value t) {
    IndexArith oa(b, loc);
    Taps<Value> full{computeWindowStart(oa, o, padBegin[i], w), cst(0),
                     cst(w.kernel)};
    return body(o, full, t);
  });
  return loopOver(hi, size, cst(1), tile, general);
}

/// Nested loops over the outputs of spatial dimensions [from, to), the
/// innermost split into border and interior outputs; `pos` holds each
/// loop's index and taps while `leaf` builds the body.
Value VectorLowering::nestOutputs(int64_t from, int64_t to, Positions &pos,
                                  Value tile, function_ref<Value(Value)> leaf) {
  if (from == to)
    return leaf(tile);
  return loopOutputs(
      from, tile,
      [&](Value o, const Taps<Value> &tp, Value t) {
        pos.out.push_back(o);
        pos.taps.push_back(tp);
        pos.steps.push_back(geom[from].step());
        Value r = nestOutputs(from + 1, to, pos, t, leaf);
        pos.out.pop_back();
        pos.taps.pop_back();
        pos.steps.pop_back();
        return r;
      },
      /*split=*/from == to - 1);
}

/// The average divisor (accumulator type) over the dimensions in `pos`.
Value VectorLowering::divisorOf(const Positions &pos) {
  IndexArith ia(b, loc);
  SmallVector<Value> factors;
  for (auto [d, o] : llvm::enumerate(pos.out))
    factors.push_back(geom[d].divisor(ia, o, inSizes[d], spec.countIncludePad));
  return indexToAcc(product(factors));
}

//===----------------------------------------------------------------------===//
// Channels-last: vectors over channels
//===----------------------------------------------------------------------===//

Value VectorLowering::lowerChannelsLast(Value empty) {
  Value channels = inDims[rank - 1];
  std::optional<int64_t> staticC = getConstantIntValue(channels);
  int64_t chunk = chunkFor(staticC, 4 * lanes);
  // One task per (batch, first output spatial index): a row of outputs.
  auto slice = [&](ValueRange ivs) { return leadingSlice(ivs); };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    Value batch = ivs[0];
    IndexArith ia(b, loc);
    Taps<Value> first = geom[0].taps(ia, ivs[1], inSizes[0], padBegin[0]);
    Positions at;
    at.out = {ivs[1]};
    at.taps = {first};
    at.steps = {geom[0].step()};
    auto build = [&](Value tile) -> Value {
      // One output position: every channel chunk.
      auto leaf = [&](Value t) -> Value {
        IndexArith pa(b, loc);
        Value divisor = isMax() ? Value() : divisorOf(at);
        auto chunkAt = [&](Value c0, Value t3, bool inBounds) {
          Value acc = splat(neutral(accType), chunk);
          acc =
              reduceTaps(at.taps, at.steps, acc,
                         [&](Value a, ArrayRef<Value> pos) -> Value {
                           SmallVector<Value> idx = {batch};
                           idx.append(pos.begin(), pos.end());
                           idx.push_back(c0);
                           return combine(a, read(input, idx, chunk, inBounds));
                         });
          SmallVector<Value> dst(rank, cst(0));
          for (int64_t d = 1; d < n; ++d)
            dst[1 + d] = at.out[d];
          dst[rank - 1] = c0;
          return write(acc, t3, dst, inBounds, divisor);
        };
        Value full =
            pa.mul(pa.floorDiv(channels, pa.cst(chunk)), pa.cst(chunk));
        t = loopOver(cst(0), full, cst(chunk), t,
                     [&](Value c0, Value t3) { return chunkAt(c0, t3, true); });
        if (staticC && *staticC % chunk == 0)
          return t;
        return loopOver(full, channels, cst(chunk), t, [&](Value c0, Value t3) {
          return chunkAt(c0, t3, false);
        });
      };
      return nestOutputs(1, n, at, tile, leaf);
    };
    // The input rows this task reads, for the NaN scan.
    SmallVector<Value> lo(rank, cst(0)), hi(inDims.begin(), inDims.end());
    lo[0] = batch;
    hi[0] = ia.add(batch, ia.cst(1));
    lo[1] = ia.add(first.start, ia.mul(first.lo, ia.cst(geom[0].step())));
    hi[1] = ia.max(
        lo[1], ia.add(first.start, ia.add(ia.mul(ia.sub(first.hi, ia.cst(1)),
                                                 ia.cst(geom[0].step())),
                                          ia.cst(1))));
    return withNaNCheck(tile, lo, hi, build);
  };
  return buildForall(b, loc, {outDims[0], outDims[1]}, empty, slice, body);
}

/// Channels-last windows of two or more dimensions in two passes, one task
/// per (batch, channel vector): every input row reduced along W into a
/// buffer [rows..., OW, lanes], then every output reduced over the buffer
/// rows its window covers. Same cost model as channels-first.
Value VectorLowering::lowerChannelsLastSeparable(Value empty) {
  Value channels = inDims[rank - 1];
  std::optional<int64_t> staticC = getConstantIntValue(channels);
  int64_t chunk = chunkFor(staticC, lanes);
  bool even = staticC && *staticC % chunk == 0;
  IndexArith ia(b, loc);
  Value chunks = ia.ceilDiv(channels, ia.cst(chunk));
  auto slice = [&](ValueRange ivs) {
    IndexArith sa(b, loc);
    Value c0 = sa.mul(ivs[1], sa.cst(chunk));
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
        sizes = getAsOpFoldResult(outDims);
    offsets[0] = ivs[0];
    offsets[rank - 1] = c0;
    sizes[0] = b.getIndexAttr(1);
    sizes[rank - 1] =
        getAsOpFoldResult(sa.min(sa.cst(chunk), sa.sub(channels, c0)));
    return std::make_pair(offsets, sizes);
  };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    Value batch = ivs[0];
    IndexArith ba(b, loc);
    Value c0 = ba.mul(ivs[1], ba.cst(chunk));
    int64_t d = n - 1;
    auto build = [&](Value tile) -> Value {
      SmallVector<OpFoldResult> bufSizes;
      for (int64_t i = 0; i < n - 1; ++i)
        bufSizes.push_back(getAsOpFoldResult(inSizes[i]));
      bufSizes.push_back(getAsOpFoldResult(outDims[rank - 2]));
      bufSizes.push_back(b.getIndexAttr(chunk));
      Value buf = tensor::EmptyOp::create(b, loc, bufSizes, accType);
      SmallVector<Value> idx;
      // Pass 1: each input row along W.
      std::function<Value(int64_t, Value)> rowsPass = [&](int64_t i,
                                                          Value t) -> Value {
        if (i < n - 1)
          return loopOver(cst(0), inSizes[i], cst(1), t,
                          [&](Value h, Value t2) {
                            idx.push_back(h);
                            Value r = rowsPass(i + 1, t2);
                            idx.pop_back();
                            return r;
                          });
        return loopOutputs(
            d, t,
            [&](Value ow, const Taps<Value> &w, Value t2) {
              IndexArith pa(b, loc);
              Value acc = splat(neutral(accType), chunk);
              acc =
                  reduceTaps({w}, {geom[d].step()}, acc,
                             [&](Value a, ArrayRef<Value> pos) -> Value {
                               SmallVector<Value> at = {batch};
                               at.append(idx.begin(), idx.end());
                               at.push_back(pos[0]);
                               at.push_back(c0);
                               return combine(a, read(input, at, chunk, even));
                             });
              if (!isMax())
                acc = arith::DivFOp::create(
                    b, loc, acc,
                    splat(
                        indexToAcc(pa.max(geom[d].divisor(pa, ow, inSizes[d],
                                                          spec.countIncludePad),
                                          pa.cst(1))),
                        chunk));
              SmallVector<Value> at = idx;
              at.push_back(ow);
              at.push_back(cst(0));
              return vector::TransferWriteOp::create(b, loc, acc, t2, at,
                                                     ArrayRef<bool>{true})
                  .getResult();
            },
            /*split=*/true);
      };
      buf = rowsPass(0, buf);
      // Pass 2: each output from the buffer rows.
      Positions rows;
      auto outputs = [&](Value t) -> Value {
        Value divisor = isMax() ? Value() : divisorOf(rows);
        return loopOver(
            cst(0), outDims[rank - 2], cst(1), t, [&](Value ow, Value t2) {
              Value acc = splat(neutral(accType), chunk);
              acc = reduceTaps(
                  rows.taps, rows.steps, acc,
                  [&](Value a, ArrayRef<Value> pos) -> Value {
                    SmallVector<Value> at(pos.begin(), pos.end());
                    at.push_back(ow);
                    at.push_back(cst(0));
                    return combine(a,
                                   vector::TransferReadOp::create(
                                       b, loc, vecType(chunk, accType), buf, at,
                                       neutral(accType), ArrayRef<bool>{true}));
                  });
              SmallVector<Value> dst = {cst(0)};
              dst.append(rows.out.begin(), rows.out.end());
              dst.push_back(ow);
              dst.push_back(cst(0));
              return write(acc, t2, dst, even, divisor);
            });
      };
      if (!useSliding())
        return nestOutputs(0, n - 1, rows, tile, outputs);
      // Four columns at a time (contiguous in the buffer): four independent
      // dependency chains; the remaining columns one by one.
      auto columns = [&](int64_t group) {
        return [&, group](Value ow, ValueRange args) -> SmallVector<Value> {
          auto [t, sfx] = slideRows(
              args[0], args[1], group * chunk,
              [&](Value h) -> Value {
                return vector::TransferReadOp::create(
                    b, loc, vecType(group * chunk, accType), buf,
                    ValueRange{h, ow, cst(0)}, neutral(accType),
                    ArrayRef<bool>{true});
              },
              [&](Value oh, Value acc, Value t2) {
                Value divisor = rowDivisor(oh);
                for (int64_t j = 0; j < group; ++j) {
                  Value part = acc;
                  if (group > 1)
                    part = vector::ExtractStridedSliceOp::create(
                        b, loc, acc, ArrayRef<int64_t>{j * chunk},
                        ArrayRef<int64_t>{chunk}, ArrayRef<int64_t>{1});
                  IndexArith ja(b, loc);
                  t2 = write(
                      part, t2,
                      ValueRange{cst(0), oh, ja.add(ow, ja.cst(j)), cst(0)},
                      even, divisor);
                }
                return t2;
              });
          return {t, sfx};
        };
      };
      IndexArith ga(b, loc);
      Value outW = outDims[rank - 2];
      Value grouped = ga.mul(ga.floorDiv(outW, ga.cst(4)), ga.cst(4));
      SmallVector<Value> state = {tile, makeSuffixBuffer(4 * chunk)};
      state = forLoop(cst(0), grouped, cst(4), state, columns(4));
      return forLoop(grouped, outW, cst(1), state, columns(1))[0];
    };
    SmallVector<Value> lo(rank, cst(0)), hi(inDims.begin(), inDims.end());
    lo[0] = batch;
    hi[0] = ba.add(batch, ba.cst(1));
    lo[rank - 1] = c0;
    hi[rank - 1] = ba.min(ba.add(c0, ba.cst(chunk)), channels);
    return withNaNCheck(tile, lo, hi, build, chunk);
  };
  return buildForall(b, loc, {outDims[0], chunks}, empty, slice, body);
}

//===----------------------------------------------------------------------===//
// Channels-first: vectors along the last spatial dimension
//===----------------------------------------------------------------------===//

Value VectorLowering::lowerChannelsFirst(Value empty) {
  // One task per (batch, channel): a whole output plane.
  auto slice = [&](ValueRange ivs) { return leadingSlice(ivs); };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    Row row;
    row.n = ivs[0];
    row.c = ivs[1];
    auto build = [&](Value tile) -> Value {
      auto rowBody = [&](Value t) -> Value {
        if (!isMax())
          row.divisor = divisorOf(row);
        return emitRow(t, row);
      };
      if (useSeparable())
        return buildSeparablePlane(tile, row.n, row.c);
      return nestOutputs(0, n - 1, row, tile, rowBody);
    };
    SmallVector<Value> lo(rank, cst(0)), hi(inDims.begin(), inDims.end());
    IndexArith ia(b, loc);
    lo[0] = row.n;
    hi[0] = ia.add(row.n, ia.cst(1));
    lo[1] = row.c;
    hi[1] = ia.add(row.c, ia.cst(1));
    return withNaNCheck(tile, lo, hi, build);
  };
  return buildForall(b, loc, {outDims[0], outDims[1]}, empty, slice, body);
}

/// Input indices [n, c, positions..., last].
SmallVector<Value> VectorLowering::rowIndices(const Row &row,
                                              ArrayRef<Value> positions,
                                              Value last) {
  SmallVector<Value> idx = {row.n, row.c};
  idx.append(positions.begin(), positions.end());
  idx.push_back(last);
  return idx;
}

/// Tile indices [0, 0, row outputs..., last].
static SmallVector<Value> tileIndices(OpBuilder &b, Location loc,
                                      ArrayRef<Value> out, Value last) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  SmallVector<Value> idx = {zero, zero};
  idx.append(out.begin(), out.end());
  idx.push_back(last);
  return idx;
}

/// Writes a block of the row: into the output slice (converted to the
/// element type) or into the row buffer.
Value VectorLowering::writeRow(const Row &row, Value acc, Value tile, Value ow,
                               Value divisor) {
  if (!row.toBuffer)
    return write(acc, tile, tileIndices(b, loc, row.out, ow),
                 /*inBounds=*/true, divisor);
  if (divisor) {
    if (!isa<VectorType>(divisor.getType()))
      divisor =
          splat(divisor, cast<VectorType>(acc.getType()).getNumElements());
    acc = arith::DivFOp::create(b, loc, acc, divisor);
  }
  SmallVector<Value> idx = row.out;
  idx.push_back(ow);
  return vector::TransferWriteOp::create(b, loc, acc, tile, idx,
                                         ArrayRef<bool>{true})
      .getResult();
}

/// One output row along the last spatial dimension W: border blocks,
/// interior blocks of `lanes` outputs whose taps all lie inside the input,
/// and single outputs where sizes are dynamic.
Value VectorLowering::emitRow(Value tile, const Row &row) {
  int64_t d = n - 1;
  const DimGeometry &g = geom[d];
  Value outW = outDims[rank - 1];
  std::optional<int64_t> staticOut = getConstantIntValue(outW);
  int64_t width = lanes;
  IndexArith ia(b, loc);
  // Interior blocks read `width * stride` elements per tap; wider strides
  // take single outputs (there are few of them).
  bool blocks =
      g.isWindow && g.w.stride <= kMaxBlockReadVectors * lanes / width;
  // Static sizes: a compile-time plan of border blocks, as long as it stays
  // small (hostile sizes must not blow up the IR).
  std::optional<std::pair<int64_t, int64_t>> plan;
  if (staticIn[d] && staticOut) {
    int64_t in = *staticIn[d], out = *staticOut;
    CheckedArith ca;
    int64_t lo = out, hi = out;
    if (blocks) {
      const WindowDim &w = g.w;
      int64_t pb = computePadBegin(ca, in, w);
      lo = std::min(ca.ceilDiv(pb, w.stride), out);
      // Interior blocks read `width * stride` elements from each tap's
      // start: the last such read must end inside the input.
      int64_t last = ca.floorDiv(
          ca.add(ca.sub(ca.sub(in, w.stride), ca.mul(w.kernel - 1, w.dilation)),
                 pb),
          w.stride);
      hi = std::clamp<int64_t>(ca.add(last, 1), lo, out);
      if (ca.overflow)
        lo = hi = out;
    }
    if (hi - lo < width)
      lo = hi = out;
    int64_t w = std::max<int64_t>(std::min(width, out), 1);
    int64_t borderBlocks = (lo + w - 1) / w + (out - hi + w - 1) / w;
    int64_t taps =
        g.isWindow ? g.w.kernel : computeAdaptiveBinBound(ca, in, g.outSize);
    if (!ca.overflow && borderBlocks <= kMaxStaticBlocks &&
        taps <= kMaxStaticTaps / std::max<int64_t>(borderBlocks, 1))
      plan = {lo, hi};
  }
  if (plan) {
    int64_t out = *staticOut;
    auto [lo, hi] = *plan;
    if (out == 0)
      return tile;
    width = std::min(width, out);
    // Static blocks cover [0, lo) and [hi, out), overlapping neighbours
    // rather than reading past the row.
    auto staticBlocks = [&](int64_t from, int64_t to, Value t) -> Value {
      for (int64_t ow0 = from; ow0 < to; ow0 += width) {
        int64_t start = std::min(ow0, out - width);
        std::optional<Value> r = emitStaticBlock(t, row, start, width);
        if (r) {
          t = *r;
          continue;
        }
        t = loopOver(
            cst(start), cst(start + width), cst(1), t,
            [&](Value ow, Value t2) { return emitOneOutput(t2, row, ow); });
      }
      return t;
    };
    // Left border blocks from 0, right ones aligned to the end; interior
    // blocks fill the gap, the last one overlapping its neighbour.
    int64_t from = std::min((lo + width - 1) / width * width, out);
    int64_t rightBlocks = (out - hi + width - 1) / width;
    int64_t to = std::max<int64_t>(out - rightBlocks * width, 0);
    tile = staticBlocks(0, lo, tile);
    if (hi > lo && to > from)
      tile = loopOver(cst(from), cst(to), cst(width), tile,
                      [&](Value ow0, Value t) {
                        IndexArith la(b, loc);
                        Value start = la.min(ow0, la.cst(hi - width));
                        return emitInteriorBlock(t, row, start, width);
                      });
    for (int64_t k = rightBlocks; k >= 1; --k)
      tile = staticBlocks(std::max<int64_t>(out - k * width, 0),
                          std::max<int64_t>(out - k * width, 0) + 1, tile);
    return tile;
  }

  // Dynamic sizes: interior blocks where they fit, single outputs around.
  auto single = [&](Value from, Value to, Value t) {
    return loopOver(from, to, cst(1), t, [&](Value ow, Value t2) {
      return emitOneOutput(t2, row, ow);
    });
  };
  if (!blocks)
    return single(cst(0), outW, tile);
  const WindowDim &w = g.w;
  Value in = inSizes[d];
  Value lo = ia.min(ia.ceilDiv(padBegin[d], ia.cst(w.stride)), outW);
  Value last = ia.floorDiv(
      ia.add(ia.sub(ia.sub(in, ia.cst(w.stride)), ia.cst(w.span - 1)),
             padBegin[d]),
      ia.cst(w.stride));
  Value hi = ia.min(ia.max(ia.add(last, ia.cst(1)), lo), outW);
  // hi - lo >= width ? hi : lo
  Value blocksEnd = ia.selectGE(ia.sub(hi, lo), ia.cst(width), hi, lo);
  tile = single(cst(0), lo, tile);
  tile = loopOver(lo, blocksEnd, cst(width), tile, [&](Value ow0, Value t) {
    IndexArith la(b, loc);
    Value start = la.min(ow0, la.sub(blocksEnd, la.cst(width)));
    return emitInteriorBlock(t, row, start, width);
  });
  return single(blocksEnd, outW, tile);
}

/// `width` outputs from `ow0` whose taps all lie inside the input: per tap
/// one unmasked read, strided windows picking every stride-th lane.
Value VectorLowering::emitInteriorBlock(Value tile, const Row &row, Value ow0,
                                        int64_t width) {
  const WindowDim &w = geom[n - 1].w;
  IndexArith ia(b, loc);
  Value base = ia.sub(ia.mul(ow0, ia.cst(w.stride)), padBegin[n - 1]);
  SmallVector<int64_t> pick;
  for (int64_t l = 0; l < width; ++l)
    pick.push_back(l * w.stride);
  Value acc = splat(neutral(accType), width);
  acc = reduceTaps(
      row.taps, row.steps, acc, [&](Value a, ArrayRef<Value> pos) -> Value {
        auto tap = [&](Value k, Value a2) {
          IndexArith ka(b, loc);
          Value at = ka.add(base, ka.mul(k, ka.cst(w.dilation)));
          Value v = read(input, rowIndices(row, pos, at), width * w.stride,
                         /*inBounds=*/true);
          if (w.stride != 1)
            v = vector::ShuffleOp::create(b, loc, v, v, pick);
          return combine(a2, v);
        };
        if (w.kernel > kMaxUnrolledTaps)
          return loopOver(cst(0), cst(w.kernel), cst(1), a, tap);
        for (int64_t k = 0; k < w.kernel; ++k)
          a = tap(cst(k), a);
        return a;
      });
  Value divisor;
  if (!isMax())
    divisor = arith::MulFOp::create(
        b, loc, row.divisor,
        arith::ConstantOp::create(
            b, loc, b.getFloatAttr(accType, static_cast<double>(w.kernel))));
  return writeRow(row, acc, tile, ow0, divisor);
}

/// `width` outputs from the static `ow0` with static sizes: each tap reads
/// the span of input its lanes need once and moves the lanes into place
/// with one constant shuffle, neutral lanes where the tap does not exist
/// (padding, shorter adaptive bins). None if a span is too wide.
std::optional<Value> VectorLowering::emitStaticBlock(Value tile, const Row &row,
                                                     int64_t ow0,
                                                     int64_t width) {
  int64_t d = n - 1;
  const DimGeometry &g = geom[d];
  int64_t in = *staticIn[d];
  CheckedArith ca;
  int64_t pb = g.isWindow ? computePadBegin(ca, in, g.w) : 0;
  struct Tap {
    int64_t base, len;
    SmallVector<int64_t> mask;
  };
  SmallVector<Tap> taps;
  SmallVector<Taps<int64_t>> laneTaps;
  int64_t maxTaps = 0;
  for (int64_t l = 0; l < width; ++l) {
    laneTaps.push_back(g.taps(ca, ow0 + l, in, pb));
    maxTaps = std::max(maxTaps, laneTaps.back().hi);
  }
  if (maxTaps > kMaxBlockTaps)
    return std::nullopt;
  for (int64_t k = 0; k < maxTaps; ++k) {
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = -1;
    SmallVector<int64_t> pos(width, -1);
    for (int64_t l = 0; l < width; ++l) {
      const Taps<int64_t> &t = laneTaps[l];
      if (k < t.lo || k >= t.hi)
        continue;
      pos[l] = t.start + k * g.step();
      lo = std::min(lo, pos[l]);
      hi = std::max(hi, pos[l]);
    }
    if (hi < 0)
      continue;
    Tap tap{lo, hi - lo + 1, {}};
    if (tap.len > kMaxBlockReadVectors * lanes || ca.overflow)
      return std::nullopt;
    // One full (or masked) register load instead of LLVM splitting an odd
    // length into several.
    tap.len = static_cast<int64_t>(llvm::PowerOf2Ceil(tap.len));
    for (int64_t l = 0; l < width; ++l)
      tap.mask.push_back(pos[l] < 0 ? tap.len : pos[l] - lo);
    taps.push_back(std::move(tap));
  }

  Value acc = splat(neutral(accType), width);
  acc = reduceTaps(
      row.taps, row.steps, acc, [&](Value a, ArrayRef<Value> pos) -> Value {
        for (const Tap &tap : taps) {
          Value v = read(input, rowIndices(row, pos, cst(tap.base)), tap.len,
                         /*inBounds=*/tap.base + tap.len <= in);
          bool identity = tap.len == width;
          for (int64_t l = 0; identity && l < width; ++l)
            identity = tap.mask[l] == l;
          if (!identity)
            v = vector::ShuffleOp::create(
                b, loc, v, splat(neutral(accType), tap.len), tap.mask);
          a = combine(a, v);
        }
        return a;
      });
  Value divisor;
  if (!isMax()) {
    SmallVector<Attribute> factors;
    for (int64_t l = 0; l < width; ++l) {
      int64_t f = std::max<int64_t>(
          g.divisor(ca, ow0 + l, in, spec.countIncludePad), 1);
      factors.push_back(b.getFloatAttr(accType, static_cast<double>(f)));
    }
    Value laneFactors = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(vecType(width, accType), factors));
    divisor =
        arith::MulFOp::create(b, loc, splat(row.divisor, width), laneFactors);
  }
  return writeRow(row, acc, tile, cst(ow0), divisor);
}

/// The single output `ow` of the row, its taps clamped to the input.
Value VectorLowering::emitOneOutput(Value tile, const Row &row, Value ow) {
  int64_t d = n - 1;
  IndexArith ia(b, loc);
  SmallVector<Taps<Value>> taps = row.taps;
  SmallVector<int64_t> steps = row.steps;
  taps.push_back(geom[d].taps(ia, ow, inSizes[d], padBegin[d]));
  steps.push_back(geom[d].step());
  Value acc = splat(neutral(accType), 1);
  acc =
      reduceTaps(taps, steps, acc, [&](Value a, ArrayRef<Value> pos) -> Value {
        return combine(a,
                       read(input, rowIndices(row, pos.drop_back(), pos.back()),
                            1, /*inBounds=*/true));
      });
  Value divisor;
  if (!isMax())
    divisor = arith::MulFOp::create(
        b, loc, row.divisor,
        indexToAcc(
            ia.max(geom[d].divisor(ia, ow, inSizes[d], spec.countIncludePad),
                   ia.cst(1))));
  return writeRow(row, acc, tile, ow, divisor);
}

//===----------------------------------------------------------------------===//
// Channels-first separable strategy
//===----------------------------------------------------------------------===//

/// The cost model (docs/performance.md): taps read per output. Direct reads
/// every window tap; separable reduces each input row along W once (K_W
/// taps per buffer element, about prod(strides) buffer rows per output row)
/// and then the row taps from the buffer.
bool VectorLowering::useSeparable() const {
  if (n < 2 || spec.isGlobal() || strategy == PoolStrategy::Direct)
    return false;
  for (const DimGeometry &g : geom)
    if (!g.isWindow)
      return false;
  if (strategy == PoolStrategy::Separable || strategy == PoolStrategy::Sliding)
    return true;
  double rowTaps = 1, rowsPerOutput = 1;
  for (int64_t i = 0; i < n - 1; ++i) {
    rowTaps *= static_cast<double>(geom[i].w.kernel);
    rowsPerOutput *= static_cast<double>(geom[i].w.stride);
  }
  double kw = static_cast<double>(geom[n - 1].w.kernel);
  return 1.25 * (kw * rowsPerOutput + rowTaps) < kw * rowTaps;
}

/// Sliding rows (stride 1, no dilation, one row dimension): with `sliding`,
/// or with `auto` for channels-first windows from 4 rows on. Measured
/// (docs/performance.md): the two sweeps beat K taps from the buffer on
/// channels-first planes (64-lane columns), but not yet on channels-last
/// ones, whose sweeps are shorter dependency chains per task.
bool VectorLowering::useSliding() const {
  if (n != 2 || !geom[0].isWindow || geom[0].w.stride != 1 ||
      geom[0].w.dilation != 1)
    return false;
  return strategy == PoolStrategy::Sliding ||
         (strategy == PoolStrategy::Auto && !channelsLast() &&
          geom[0].w.kernel >= 4);
}

/// The average divisor factor of output row `oh` (none for maxima).
Value VectorLowering::rowDivisor(Value oh) {
  if (isMax())
    return Value();
  IndexArith ia(b, loc);
  return indexToAcc(ia.max(
      geom[0].divisor(ia, oh, inSizes[0], spec.countIncludePad), ia.cst(1)));
}

/// van Herk/Gil-Werman along the rows of one column of vectors: the padded
/// rows [0, OH + K - 1) fall into blocks of K; a backward sweep stores each
/// row's suffix over its block, a forward sweep keeps the prefix in a
/// register, and output row oh (window [oh, oh + K)) is suffix[oh] combined
/// with prefix[oh + K - 1]: two combines per output whatever K. Rows outside
/// the input are neutral. Sums use the same blocks (a window that is
/// exactly a block takes the suffix alone), so each output adds at most
/// 2K - 1 terms in a different order than the direct sum.
/// The per-task buffer of block suffixes, [OH + K - 1, width], allocated
/// once outside the column loops.
Value VectorLowering::makeSuffixBuffer(int64_t width) {
  IndexArith ia(b, loc);
  Value padded = ia.add(outDims[spatialDim(0)], ia.cst(geom[0].w.kernel - 1));
  return tensor::EmptyOp::create(
      b, loc,
      ArrayRef<OpFoldResult>{getAsOpFoldResult(padded), b.getIndexAttr(width)},
      accType);
}

std::pair<Value, Value> VectorLowering::slideRows(Value tile, Value suffix,
                                                  int64_t width,
                                                  RowRead readRow,
                                                  RowWrite writeOut) {
  int64_t k = geom[0].w.kernel;
  IndexArith ia(b, loc);
  Value padded = ia.add(outDims[spatialDim(0)], ia.cst(k - 1));
  VectorType type = vecType(width, accType);
  Value none = splat(neutral(accType), width);
  auto cmp = [&](arith::CmpIPredicate pred, Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, loc, pred, x, y);
  };
  auto remainderIs = [&](Value v, int64_t r) {
    Value rem = arith::RemSIOp::create(b, loc, v, cst(k));
    return cmp(arith::CmpIPredicate::eq, rem, cst(r));
  };
  auto rowAt = [&](Value p) -> Value {
    IndexArith ra(b, loc);
    Value h = ra.sub(p, padBegin[0]);
    Value inside =
        arith::AndIOp::create(b, loc, cmp(arith::CmpIPredicate::sge, h, cst(0)),
                              cmp(arith::CmpIPredicate::slt, h, inSizes[0]));
    auto ifOp = scf::IfOp::create(b, loc, TypeRange{type}, inside,
                                  /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    scf::YieldOp::create(b, loc, readRow(h));
    b.setInsertionPointToStart(ifOp.elseBlock());
    scf::YieldOp::create(b, loc, none);
    return ifOp.getResult(0);
  };

  suffix = forLoop(
      cst(0), padded, cst(1), ValueRange{none, suffix},
      [&](Value q, ValueRange a) -> SmallVector<Value> {
        IndexArith qa(b, loc);
        Value p = qa.sub(qa.sub(padded, qa.cst(1)), q);
        Value x = rowAt(p);
        Value restart =
            arith::OrIOp::create(b, loc, remainderIs(p, k - 1),
                                 cmp(arith::CmpIPredicate::eq, q, cst(0)));
        Value run =
            arith::SelectOp::create(b, loc, restart, x, combine(x, a[0]));
        Value s = vector::TransferWriteOp::create(b, loc, run, a[1],
                                                  ValueRange{p, cst(0)},
                                                  ArrayRef<bool>{true})
                      .getResult();
        return {run, s};
      })[1];

  Value result = forLoop(
      cst(0), padded, cst(1), ValueRange{none, tile},
      [&](Value p, ValueRange a) -> SmallVector<Value> {
        Value x = rowAt(p);
        Value run = arith::SelectOp::create(b, loc, remainderIs(p, 0), x,
                                            combine(a[0], x));
        IndexArith fa(b, loc);
        Value oh = fa.sub(p, fa.cst(k - 1));
        auto ifOp =
            scf::IfOp::create(b, loc, TypeRange{a[1].getType()},
                              cmp(arith::CmpIPredicate::sge, oh, cst(0)),
                              /*withElseRegion=*/true);
        {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(ifOp.thenBlock());
          Value s = vector::TransferReadOp::create(
              b, loc, type, suffix, ValueRange{oh, cst(0)}, neutral(accType),
              ArrayRef<bool>{true});
          Value v = combine(s, run);
          if (!isMax())
            v = arith::SelectOp::create(b, loc, remainderIs(oh, 0), s, v);
          scf::YieldOp::create(b, loc, writeOut(oh, v, a[1]));
          b.setInsertionPointToStart(ifOp.elseBlock());
          scf::YieldOp::create(b, loc, a[1]);
        }
        return {run, ifOp.getResult(0)};
      })[1];
  return {result, suffix};
}

/// One (batch, channel) plane in two passes: every input row reduced along
/// W into a row buffer (the direct row code, border blocks included), then
/// every output row reduced from the buffer rows its window covers, vectors
/// along W. Averages divide by the W factor in the first pass and by the
/// row factor in the second.
Value VectorLowering::buildSeparablePlane(Value tile, Value batch,
                                          Value channel) {
  SmallVector<OpFoldResult> bufSizes;
  for (int64_t i = 0; i < n - 1; ++i)
    bufSizes.push_back(getAsOpFoldResult(inSizes[i]));
  bufSizes.push_back(getAsOpFoldResult(outDims[rank - 1]));
  Value buf = tensor::EmptyOp::create(b, loc, bufSizes, accType);

  Row first;
  first.n = batch;
  first.c = channel;
  first.toBuffer = true;
  if (!isMax())
    first.divisor =
        arith::ConstantOp::create(b, loc, b.getFloatAttr(accType, 1.0));
  std::function<Value(int64_t, Value)> rowsPass = [&](int64_t i,
                                                      Value t) -> Value {
    if (i == n - 1)
      return emitRow(t, first);
    return loopOver(cst(0), inSizes[i], cst(1), t, [&](Value h, Value t2) {
      first.out.push_back(h);
      first.taps.push_back({h, cst(0), cst(1)});
      first.steps.push_back(1);
      Value r = rowsPass(i + 1, t2);
      first.out.pop_back();
      first.taps.pop_back();
      first.steps.pop_back();
      return r;
    });
  };
  buf = rowsPass(0, buf);

  Positions rows;
  auto outputs = [&](Value t) -> Value {
    IndexArith ia(b, loc);
    Value divisor = isMax() ? Value() : divisorOf(rows);
    Value outW = outDims[rank - 1];
    Value full = ia.mul(ia.floorDiv(outW, ia.cst(lanes)), ia.cst(lanes));
    auto block = [&](bool inBounds) {
      return [&, inBounds](Value ow0, Value t3) -> Value {
        Value acc = splat(neutral(accType), lanes);
        acc = reduceTaps(rows.taps, rows.steps, acc,
                         [&](Value a, ArrayRef<Value> pos) -> Value {
                           SmallVector<Value> idx(pos.begin(), pos.end());
                           idx.push_back(ow0);
                           Value v = vector::TransferReadOp::create(
                               b, loc, vecType(lanes, accType), buf, idx,
                               neutral(accType), ArrayRef<bool>{inBounds});
                           return combine(a, v);
                         });
        return write(acc, t3, tileIndices(b, loc, rows.out, ow0), inBounds,
                     divisor);
      };
    };
    t = loopOver(cst(0), full, cst(lanes), t, block(true));
    return loopOver(full, outW, cst(lanes), t, block(false));
  };
  if (!useSliding())
    return nestOutputs(0, n - 1, rows, tile, outputs);
  // Sliding rows: per column block, one sweep down and one up the rows.
  // Four registers per block: four independent dependency chains.
  int64_t width = 4 * lanes;
  IndexArith ia(b, loc);
  Value outW = outDims[rank - 1];
  Value full = ia.mul(ia.floorDiv(outW, ia.cst(width)), ia.cst(width));
  auto column = [&](bool inBounds) {
    return [&, inBounds](Value ow0, ValueRange args) -> SmallVector<Value> {
      auto [t, sfx] = slideRows(
          args[0], args[1], width,
          [&](Value h) -> Value {
            return vector::TransferReadOp::create(
                b, loc, vecType(width, accType), buf, ValueRange{h, ow0},
                neutral(accType), ArrayRef<bool>{inBounds});
          },
          [&](Value oh, Value acc, Value t2) {
            return write(acc, t2, tileIndices(b, loc, {oh}, ow0), inBounds,
                         rowDivisor(oh));
          });
      return {t, sfx};
    };
  };
  SmallVector<Value> state = {tile, makeSuffixBuffer(width)};
  state = forLoop(cst(0), full, cst(width), state, column(true));
  return forLoop(full, outW, cst(width), state, column(false))[0];
}

//===----------------------------------------------------------------------===//
// Global pooling: multi-accumulator reductions
//===----------------------------------------------------------------------===//

Value VectorLowering::lowerGlobal(Value empty) {
  IndexArith ia(b, loc);
  Value count = product(inSizes);
  Value divisor = isMax() ? Value() : indexToAcc(count);
  int64_t outRank = cast<RankedTensorType>(empty.getType()).getRank();
  int64_t outChannelDim = spec.keepDims ? channelDim() : 1;
  Value channels = inDims[channelDim()];

  if (channelsLast()) {
    // Tasks over (batch, channel chunk of up to 16 registers: a contiguous
    // kilobyte per position for the prefetchers); each reduces every
    // spatial position.
    std::optional<int64_t> staticC = getConstantIntValue(channels);
    int64_t chunk = chunkFor(staticC, 16 * lanes);
    Value chunks = ia.ceilDiv(channels, ia.cst(chunk));
    // Unmasked reads and writes when the chunks divide the channels.
    bool evenChunks = staticC && *staticC % chunk == 0;
    auto slice = [&](ValueRange ivs) {
      IndexArith sa(b, loc);
      Value c0 = sa.mul(ivs[1], sa.cst(chunk));
      SmallVector<OpFoldResult> offsets(outRank, b.getIndexAttr(0)),
          sizes(outRank, b.getIndexAttr(1));
      offsets[0] = ivs[0];
      offsets[outChannelDim] = c0;
      sizes[outChannelDim] =
          getAsOpFoldResult(sa.min(sa.cst(chunk), sa.sub(channels, c0)));
      return std::make_pair(offsets, sizes);
    };
    auto body = [&](ValueRange ivs, Value tile) -> Value {
      IndexArith ba(b, loc);
      Value c0 = ba.mul(ivs[1], ba.cst(chunk));
      SmallVector<Taps<Value>> taps;
      for (Value in : inSizes)
        taps.push_back({cst(0), cst(0), in});
      SmallVector<int64_t> steps(n, 1);
      SmallVector<Value> accs = {splat(neutral(accType), chunk)};
      if (flaggedMax())
        accs.push_back(noneSet(chunk));
      accs = reduceTapsN(
          taps, steps, accs,
          [&](ValueRange a, ArrayRef<Value> pos) -> SmallVector<Value> {
            SmallVector<Value> idx = {ivs[0]};
            idx.append(pos.begin(), pos.end());
            idx.push_back(c0);
            Value v = read(input, idx, chunk, evenChunks);
            if (flaggedMax())
              return combineFlagged(a, v);
            return {combine(a[0], v)};
          });
      Value acc = flaggedMax() ? applyNaNFlag(accs[0], accs[1]) : accs[0];
      SmallVector<Value> dst(outRank, cst(0));
      return write(acc, tile, dst, evenChunks, divisor);
    };
    return buildForall(b, loc, {outDims[0], chunks}, empty, slice, body);
  }

  // Channels-first: each (batch, channel) plane is contiguous; reduce it
  // as one flat array.
  SmallVector<ReassociationIndices> reassoc = {{0}, {1}, {}};
  for (int64_t d = 2; d < rank; ++d)
    reassoc.back().push_back(d);
  Value flat = tensor::CollapseShapeOp::create(b, loc, input, reassoc);
  std::optional<int64_t> staticCount = getConstantIntValue(count);
  int64_t chunk = chunkFor(staticCount, 4 * lanes);
  auto slice = [&](ValueRange ivs) {
    SmallVector<OpFoldResult> offsets(outRank, b.getIndexAttr(0)),
        sizes(outRank, b.getIndexAttr(1));
    offsets[0] = ivs[0];
    offsets[1] = ivs[1];
    return std::make_pair(offsets, sizes);
  };
  auto body = [&](ValueRange ivs, Value tile) -> Value {
    IndexArith ba(b, loc);
    Value full = ba.mul(ba.floorDiv(count, ba.cst(chunk)), ba.cst(chunk));
    auto step = [&](bool inBounds) {
      return [&, inBounds](Value i, ValueRange args) -> SmallVector<Value> {
        Value v = read(flat, ValueRange{ivs[0], ivs[1], i}, chunk, inBounds);
        if (flaggedMax())
          return combineFlagged(args, v);
        return {combine(args[0], v)};
      };
    };
    SmallVector<Value> accs = {splat(neutral(accType), chunk)};
    if (flaggedMax())
      accs.push_back(noneSet(chunk));
    accs = forLoop(cst(0), full, cst(chunk), accs, step(true));
    accs = forLoop(full, count, cst(chunk), accs, step(false));
    Value acc = accs[0];
    vector::CombiningKind kind = vector::CombiningKind::ADD;
    auto fastmath = arith::FastMathFlags::none;
    if (!isMax())
      fastmath = arith::FastMathFlags::reassoc;
    else if (isa<FloatType>(accType))
      kind = vector::CombiningKind::MAXIMUMF;
    else
      kind = vector::CombiningKind::MAXSI;
    Value r = vector::ReductionOp::create(b, loc, kind, acc, fastmath);
    if (flaggedMax())
      r = applyNaNFlag(r, vector::ReductionOp::create(
                              b, loc, vector::CombiningKind::OR, accs[1]));
    SmallVector<Value> dst(outRank, cst(0));
    return write(splat(r, 1), tile, dst, /*inBounds=*/true, divisor);
  };
  return buildForall(b, loc, {outDims[0], outDims[1]}, empty, slice, body);
}

//===----------------------------------------------------------------------===//
// Pattern and pass
//===----------------------------------------------------------------------===//

namespace {
struct LowerPoolOpToVector : OpInterfaceRewritePattern<PoolOpInterface> {
  LowerPoolOpToVector(MLIRContext *ctx, int64_t vectorBits,
                      PoolStrategy strategy, bool assertWindowFits)
      : OpInterfaceRewritePattern<PoolOpInterface>(ctx), vectorBits(vectorBits),
        strategy(strategy), assertWindowFits(assertWindowFits) {}

  LogicalResult matchAndRewrite(PoolOpInterface op,
                                PatternRewriter &rewriter) const override {
    ReifiedRankedShapedTypeDims shapes;
    if (failed(reifyPoolResultShapes(rewriter, op, shapes)))
      return rewriter.notifyMatchFailure(op, "cannot reify the result shape");
    VectorLowering lowering(rewriter, op, vectorBits, strategy);
    Value result = lowering.lower(shapes.front(), assertWindowFits);
    replacePoolOp(rewriter, op, result);
    return success();
  }

  int64_t vectorBits;
  PoolStrategy strategy;
  bool assertWindowFits;
};

struct ConvertPoolToVectorPass
    : pool::impl::ConvertPoolToVectorBase<ConvertPoolToVectorPass> {
  using Base::Base;
  void runOnOperation() override {
    if (vectorBits < 0 || vectorBits % 8 != 0 || vectorBits > 4096) {
      emitError(getOperation().getLoc())
          << "convert-pool-to-vector: vector-bits = " << int64_t(vectorBits)
          << " must be 0 (the host's) or a multiple of 8 up to 4096";
      return signalPassFailure();
    }
    int64_t bits = vectorBits ? int64_t(vectorBits) : getHostVectorBits();
    RewritePatternSet patterns(&getContext());
    populatePoolToVectorPatterns(patterns, bits, strategy, assertWindowFits);
    SmallVector<Operation *> ops;
    getOperation().walk([&](PoolOpInterface op) { ops.push_back(op); });
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingOps);
    bool changed = false;
    if (failed(applyOpPatternsGreedily(ops, std::move(patterns), config,
                                       &changed)))
      return signalPassFailure();
    WalkResult left = getOperation().walk([](PoolOpInterface op) {
      op.emitOpError("could not be lowered to vector loops");
      return WalkResult::interrupt();
    });
    if (left.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace

void mlir::pool::populatePoolToVectorPatterns(RewritePatternSet &patterns,
                                              int64_t vectorBits,
                                              PoolStrategy strategy,
                                              bool assertWindowFits) {
  patterns.add<LowerPoolOpToVector>(patterns.getContext(), vectorBits, strategy,
                                    assertWindowFits);
}
