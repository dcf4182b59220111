//===- VectorBuilder.h - Shared state of the vector lowering ----*- C++ -*-===//
//
// The private builder every family of the vector lowering derives from: the
// op's sizes and window geometry (from the dialect's window arithmetic), and
// the building blocks (reads, combines, writes, tap loops, output loops, the
// NaN check, the scf.forall over output slices). It holds no mode: how float
// maxima combine is a MaxMode argument wherever it matters.
//
// The families: ChannelsLast.cpp, ChannelsFirst.cpp (rows, RowLowering
// below), Separable.cpp (separable and sliding, both layouts), Global.cpp.
// CostModel.cpp picks one per op; PoolToVector.cpp holds the patterns and
// the pass.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_LIB_CONVERSION_POOLTOVECTOR_VECTORBUILDER_H
#define POOL_LIB_CONVERSION_POOLTOVECTOR_VECTORBUILDER_H

#include "CostModel.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Utils/LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::pool::vector_lowering {

/// How float maxima combine: the NaN-propagating arith.maximumf (exact), or
/// a plain compare-and-select (one vmaxps on x86), exact on NaN-free data.
/// Sums and integer maxima ignore it.
enum class MaxMode { Exact, Plain };

/// Output indices along some spatial dimensions, with their taps.
struct Positions {
  SmallVector<Value> out;
  SmallVector<TapRange<Value>> taps;
  SmallVector<int64_t> steps;
};

/// One pool op being lowered: its sizes, geometry and plan.
class PoolVectorBuilder {
public:
  PoolVectorBuilder(OpBuilder &b, PoolOpInterface op, const VectorPlan &plan);

  /// Emits the run-time shape checks (with `assertWindowFits`) and the
  /// result's `tensor.empty` of sizes `outSizes`, which the family fills.
  Value createResult(ArrayRef<OpFoldResult> outSizes, bool assertWindowFits);

protected:
  OpBuilder &b;
  Location loc;
  PoolSpec spec;
  Value input;
  VectorPlan plan;
  int64_t rank = 0, n = 0, lanes = 1;
  Type elemType, accType;
  SmallVector<Value> inDims, inSizes, outDims;
  SmallVector<std::optional<int64_t>> staticIn;
  SmallVector<DimGeometry> geom;
  SmallVector<Value> padBegin;

  bool isMax() const { return spec.isMax(); }
  int64_t spatialDim(int64_t i) const { return getSpatialDim(spec.layout, i); }
  int64_t channelDim() const { return getChannelDim(spec.layout, n); }
  /// Float maxima, which carry NaN semantics.
  bool isFloatMax() const { return isMax() && isa<FloatType>(accType); }

  Value cst(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  VectorType vecType(int64_t len, Type type) const {
    return VectorType::get({len}, type);
  }
  Value splat(Value scalar, int64_t len) {
    return vector::BroadcastOp::create(b, loc, vecType(len, scalar.getType()),
                                       scalar);
  }
  /// The identity of the combine in `type`. With fpextMax(), accumulators
  /// start from -FLT_MAX, below every narrow input and rounded to -inf by
  /// the narrowing store.
  Value neutral(Type type);
  /// Maxima of f16 (any narrow float but bf16) in f32 accumulators: the
  /// taps are extended with fpext. A compare and select of two extended
  /// values, or of one and a constant the narrow type holds (-inf), is
  /// narrowed back by LLVM's InstCombine, and x86 without native half
  /// arithmetic widens both operands again for every tap (max 3x3/2 over
  /// 16x112x112x64 NHWC f16, docs/performance.md). Every chain of combines
  /// therefore starts from a value that is no fpext. bf16 taps are
  /// extended with integer shifts, which InstCombine leaves alone.
  bool fpextMax() const;
  /// The first tap of a chain of combines, combined with the neutral where
  /// fpextMax().
  Value startChain(Value tap, MaxMode mode);
  /// An all-clear vector of `len` NaN flags: i1 lanes where the target has
  /// mask registers (AVX-512's k registers hold them), else integer lanes as
  /// wide as the accumulator, which stay in vector registers (AVX2: an i1
  /// vector is legalized lane by lane).
  Value noneSet(int64_t len);
  Value indexToAcc(Value index);

  /// A vector of `len` elements of `source` from `indices` along the last
  /// dimension, in the accumulator type. Lanes past the end of the source
  /// read the neutral value unless `inBounds`.
  Value read(Value source, ValueRange indices, int64_t len, bool inBounds);
  /// Every `stride`-th of `len * stride` in-bounds elements from `indices`
  /// (lanes 0, stride, 2 * stride, ...), in the accumulator type. With
  /// `highHalves` (bf16 and stride 2 only, see StridedReads) the pairs are
  /// read from one element before `indices` and the lanes are their upper
  /// halves.
  Value readEvery(Value source, ValueRange indices, int64_t len, int64_t stride,
                  bool highHalves = false);
  /// Folds `value` into `acc`.
  Value combine(Value acc, Value value, MaxMode mode);
  /// Folds `value` into `partial`, just read from a buffer it will be
  /// written back to. A plain float maximum (no NaN can reach a result
  /// that is kept) is `maxnumf nnan`, one vmaxps: a compare and select
  /// against the loaded partial would become a masked store (slow on AMD
  /// Zen).
  Value combineInBuffer(Value partial, Value value, MaxMode mode);
  /// `len` accumulator elements of the 1-D `buffer` from `k` (in bounds).
  Value readBuffer(Value buffer, Value k, int64_t len);
  Value writeBuffer(Value value, Value buffer, Value k);
  /// Calls `part(t, c, len, inBounds)` for the channels [0, `width`) in
  /// chunks of `chunk` (c: the chunk's first channel), threading the values
  /// `t` through: whole chunks, then the remainder as one masked chunk or,
  /// where its length `rest` is static and the target has no masked memory
  /// operation of the element width, as shorter whole vectors, one per set
  /// bit of `rest` (`rest` = 0: `chunk` divides `width`). Without
  /// `wholeChunks`, only the remainder.
  using ChunkBody = function_ref<SmallVector<Value>(
      ValueRange t, Value c, int64_t len, bool inBounds)>;
  SmallVector<Value> forEachChunk(Value width, int64_t chunk,
                                  std::optional<int64_t> rest, ValueRange init,
                                  ChunkBody part, bool wholeChunks = true);
  /// Divides `acc` by `divisor` (averages), converts it to the element type
  /// and writes it into `tile` at `indices`.
  Value write(Value acc, Value tile, ValueRange indices, bool inBounds,
              Value divisor);

  SmallVector<Value>
  forLoop(Value lo, Value hi, Value step, ValueRange inits,
          function_ref<SmallVector<Value>(Value iv, ValueRange args)> body);
  Value loopOver(Value lo, Value hi, Value step, Value tile,
                 function_ref<Value(Value iv, Value tile)> body);

  /// Folds `body` over every tap of `taps` (nested loops, outermost first),
  /// passing the input position of each tap.
  using TapBody = function_ref<Value(Value acc, ArrayRef<Value> positions)>;
  Value reduceTaps(ArrayRef<TapRange<Value>> taps, ArrayRef<int64_t> steps,
                   Value acc, TapBody body);
  using TapBodyN = function_ref<SmallVector<Value>(ValueRange accs,
                                                   ArrayRef<Value> positions)>;
  SmallVector<Value> reduceTapsN(ArrayRef<TapRange<Value>> taps,
                                 ArrayRef<int64_t> steps, ValueRange accs,
                                 TapBodyN body);

  /// Folds `value` into a plain maximum and a per-lane NaN flag (accs[0],
  /// accs[1]): the exact NaN-propagating maximum for one compare more.
  SmallVector<Value> combineFlagged(ValueRange accs, Value value);
  /// Folds whether each lane of `value` is NaN into `flags` (noneSet of any
  /// width): lanes of a wider `value` are or-ed across whole multiples of
  /// the flags' width, a narrower one sets the low lanes.
  Value foldNaNFlag(Value flags, Value value);
  /// NaN where `flag` (flags of noneSet, or one reduced flag) is set,
  /// `plain` elsewhere.
  Value applyNaNFlag(Value plain, Value flag);
  /// Whether the box [lo, hi) (every dimension) of `source` (the input,
  /// or a reshaped view of it) may hold a NaN.
  Value anyNaN(ArrayRef<Value> lo, ArrayRef<Value> hi, int64_t len,
               Value source);
  /// Builds the slice `tile` with `build`. Float maxima build it twice: with
  /// MaxMode::Plain when the box [lo, hi) of `source` (default: the input)
  /// has no NaN, with MaxMode::Exact when it has one.
  Value withNaNCheck(Value tile, ArrayRef<Value> lo, ArrayRef<Value> hi,
                     function_ref<Value(Value tile, MaxMode mode)> build,
                     int64_t scanLen = 0, Value source = {});

  /// Loops over the outputs o along spatial dimension `i`, passing each
  /// one's taps. With `split`, the interior outputs get a loop of their own
  /// with the constant tap range [0, K).
  /// With `block` > 1 (windowBlockOf), the interior loop steps by `block`
  /// outputs, calling `blockBody` with the taps of the first one, and the
  /// interior outputs that fill no whole block take `body`.
  using OutputBody =
      function_ref<Value(Value o, const TapRange<Value> &taps, Value tile)>;
  Value loopOutputs(int64_t i, Value tile, OutputBody body, bool split,
                    int64_t block = 1, OutputBody blockBody = nullptr);
  /// Nested loops over the outputs of spatial dimensions [from, to), the
  /// innermost split into border and interior outputs. With `blockLeaf`,
  /// the innermost interior outputs go in blocks of windowBlockOf(to - 1)
  /// where that is above 1: `blockLeaf` sees the first output of the block
  /// and its taps in `pos`.
  Value nestOutputs(int64_t from, int64_t to, Positions &pos, Value tile,
                    function_ref<Value(Value)> leaf,
                    function_ref<Value(Value)> blockLeaf = nullptr);
  /// Outputs per block of stride-1 outputs along spatial dimension `i`:
  /// min(K, VectorTiling::windowBlock / blockVectors) for undilated
  /// stride-1 windows of 2 to kMaxWindowBlockTaps taps, else 1 (no
  /// blocks).
  int64_t windowBlockOf(int64_t i) const;
  /// Hardware vectors per value of a block (the family's chunk).
  int64_t blockVectors = 1;
  /// The `r` (2 <= r <= k) consecutive outputs of one block of stride-1
  /// undilated windows of `k` taps, from the r + k - 1 elements `elem(e)`
  /// they cover (output j combines elements [j, j + k)). The block shares
  /// its reads and partial combines (van Herk/Gil-Werman in registers, with
  /// blocks of r): output j combines the suffix [j, r - 1), the middle
  /// [r - 1, k) that every output covers, and the prefix [k, k + j). Per
  /// output: (r + k - 1) / r reads and about 3 + (k - 6) / r combines,
  /// against k and k - 1 (9 taps in blocks of 8: 2 and 3.4).
  SmallVector<Value> combineWindowBlock(int64_t k, int64_t r,
                                        function_ref<Value(int64_t)> elem,
                                        MaxMode mode);
  /// The outputs of a block (nestOutputs' `blockLeaf`) whose first output
  /// and taps are the innermost entries of `pos`: each one's positions and,
  /// for averages, its divisor.
  struct BlockOutput {
    SmallVector<Value> out;
    Value divisor;
  };
  SmallVector<BlockOutput> blockOutputs(const Positions &pos);
  /// One vector column of that block: the accumulators of its outputs,
  /// combining `readAt(positions)` (a vector of `len` at one input or
  /// buffer position per dimension of `pos`) over the outer taps of `pos`
  /// and, innermost, the block's combineWindowBlock.
  SmallVector<Value> reduceBlock(const Positions &pos, int64_t len,
                                 function_ref<Value(ArrayRef<Value>)> readAt,
                                 MaxMode mode);
  /// The average divisor (accumulator type) over the dimensions in `pos`.
  Value divisorOf(const Positions &pos);
  /// The clamped divisor of the factors along single dimension `d` of
  /// output `o`, in the accumulator type.
  Value dimDivisor(int64_t d, Value o);

  using SliceFn =
      function_ref<std::pair<SmallVector<OpFoldResult>,
                             SmallVector<OpFoldResult>>(ValueRange ivs)>;
  /// An scf.forall over `bounds` writing into `dest`; `body` returns the
  /// slice of `dest` at `slice(ivs)` it computed.
  Value buildForall(ArrayRef<Value> bounds, Value dest, SliceFn slice,
                    function_ref<Value(ValueRange ivs, Value tile)> body);
  /// The output slice at (ivs[0], ivs[1]) in the two leading dimensions,
  /// whole in the others.
  std::pair<SmallVector<OpFoldResult>, SmallVector<OpFoldResult>>
  leadingSlice(ValueRange ivs);
};

/// Channels-first rows: the last spatial dimension of one output row, in
/// blocks of vector outputs. Used by the rows family and, for its first
/// pass, by the separable one.
class RowLowering : public PoolVectorBuilder {
public:
  using PoolVectorBuilder::PoolVectorBuilder;

protected:
  struct Row : Positions {
    Value n, c;
    Value divisor;
    MaxMode mode = MaxMode::Exact;
    /// Writes into the separable strategy's row buffer (accumulator type,
    /// indexed [rows..., W]) instead of the output slice.
    bool toBuffer = false;
  };

  /// One task per (batch, channel): `buildPlane` builds a whole output
  /// plane into its tile.
  using PlaneBuilder =
      function_ref<Value(Value tile, Value batch, Value channel, MaxMode)>;
  Value lowerPlanes(Value empty, PlaneBuilder buildPlane);

  /// How interior blocks read the taps of a strided window along W
  /// (readEvery): `lanes * stride` elements per tap, so a block reads
  /// `before` elements before its first tap and `extra` past its last
  /// (stride - 1 in general). bf16 with stride 2 reads i32 pairs (`pairs`):
  /// a tap at an even offset from the window start takes the low halves of
  /// the pairs from the tap, or (`highFirst`) the high halves of the pairs
  /// from one element before it; taps at odd offsets the other way round.
  /// A window of even span then reads nothing outside its taps; one of odd
  /// span reads one element past them, or with `highFirst` one before,
  /// whichever leaves more interior outputs (15 -> 7 with padding 1 both
  /// ends: 7 against 6).
  struct StridedReads {
    int64_t before = 0, extra = 0;
    bool pairs = false, highFirst = false;
  };
  StridedReads stridedReads() const;
  Value emitRow(Value tile, const Row &row);
  Value writeRow(const Row &row, Value acc, Value tile, Value ow,
                 Value divisor);
  Value emitInteriorBlock(Value tile, const Row &row, Value ow0, int64_t width);
  Value interiorDivisor(const Row &row);
  /// The interior blocks of `width` outputs from `from` (step `width`, below
  /// `to`, none starting past `end` - `width`: the last one is moved back
  /// to end there): emitInteriorBlock, or half-vector groups where
  /// halfVectorPieces says so.
  Value emitInteriorRun(Value tile, const Row &row, Value from, Value to,
                        Value end, int64_t width);
  /// Stride-1 undilated windows of `lanes` to kMaxHalfVectorTaps taps along
  /// W: the number of whole half-vector pieces of a window (K / (lanes /
  /// 2)); 0 where the plan reads every tap instead.
  int64_t halfVectorPieces() const;
  /// `group` interior blocks from `g0`: each window
  /// is K / h pieces of h = lanes / 2 taps and a remainder. A piece starting
  /// on a vector boundary is one vector of h-tap maxima (or sums), read
  /// with h loads per vector; the pieces between are the same vectors
  /// moved by half a vector (one vperm2f128 on AVX2), so each vector of
  /// outputs reads about h + K mod h elements and combines about
  /// h + K / h + K mod h times, against K and K - 1 (9 taps on AVX2: 5 and
  /// 5, against 9 and 8).
  Value emitHalfVectorGroup(Value tile, const Row &row, Value g0,
                            int64_t group);
  std::optional<Value> emitStaticBlock(Value tile, const Row &row, int64_t ow0,
                                       int64_t width);
  Value emitOneOutput(Value tile, const Row &row, Value ow);
  SmallVector<Value> rowIndices(const Row &row, ArrayRef<Value> positions,
                                Value last);
  /// Tile indices [0, 0, row outputs..., last].
  SmallVector<Value> tileIndices(ArrayRef<Value> out, Value last);
};

/// Options every family pattern takes.
struct FamilyOptions {
  VectorTarget target;
  PoolStrategy strategy = PoolStrategy::Auto;
  bool assertWindowFits = true;
};

/// The plan for `op` under `options`.
VectorPlan planVectorLowering(PoolOpInterface op, const FamilyOptions &options);

/// Lowers the pool ops that the cost model assigns to `Family`, with the
/// family's `LoweringT` (constructed from the builder, the op and the plan;
/// `lower(empty)` returns the filled result). Other ops fail to match.
template <VectorFamily Family, typename LoweringT>
struct LowerPoolFamily : OpInterfaceRewritePattern<PoolOpInterface> {
  LowerPoolFamily(MLIRContext *ctx, const FamilyOptions &options)
      : OpInterfaceRewritePattern<PoolOpInterface>(ctx), options(options) {}

  LogicalResult matchAndRewrite(PoolOpInterface op,
                                PatternRewriter &rewriter) const override {
    VectorPlan plan = planVectorLowering(op, options);
    if (plan.family != Family)
      return rewriter.notifyMatchFailure(op, "planned for another family");
    ReifiedRankedShapedTypeDims shapes;
    if (failed(reifyPoolResultShapes(rewriter, op, shapes)))
      return rewriter.notifyMatchFailure(op, "cannot reify the result shape");
    LoweringT lowering(rewriter, op, plan);
    Value empty =
        lowering.createResult(shapes.front(), options.assertWindowFits);
    replacePoolOp(rewriter, op, lowering.lower(empty));
    return success();
  }

  FamilyOptions options;
};

/// The family patterns, one per file.
void populateChannelsLastPatterns(RewritePatternSet &patterns,
                                  const FamilyOptions &options);
void populateChannelsFirstPatterns(RewritePatternSet &patterns,
                                   const FamilyOptions &options);
void populateSeparablePatterns(RewritePatternSet &patterns,
                               const FamilyOptions &options);
void populateGlobalPatterns(RewritePatternSet &patterns,
                            const FamilyOptions &options);
void populateFlatChannelsPatterns(RewritePatternSet &patterns,
                                  const FamilyOptions &options);

} // namespace mlir::pool::vector_lowering

#endif // POOL_LIB_CONVERSION_POOLTOVECTOR_VECTORBUILDER_H
