//===- CostModel.cpp - How the vector lowering plans a pool op ------------===//

#include "CostModel.h"

#include "llvm/Support/MathExtras.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

/// Taps read per output: direct reads every window tap; separable reduces
/// each input row along W once (K_W taps per buffer element, about
/// prod(strides) buffer rows per output row) and then the row taps from the
/// buffer. Separable when that reads at least 1.25x fewer taps.
static bool useSeparable(const PoolSpec &spec, ArrayRef<DimGeometry> geom,
                         PoolStrategy strategy) {
  int64_t n = geom.size();
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
  // Channels-last rows are short (one vector of channels per position) and
  // the buffer pass costs about as much as the taps it saves below 2x:
  // 3x3 stride 1 NHWC took 0.054 ms direct and 0.109 ms separable on AVX2
  // (9 against 6 taps), 5x5 0.140 and 0.130 (25 against 10).
  double margin = spec.layout == Layout::ChannelsLast ? 2.0 : 1.25;
  return margin * (kw * rowsPerOutput + rowTaps) < kw * rowTaps;
}

/// Sliding rows (stride 1, no dilation, one row dimension): with
/// `sliding` only. Since separable rows go in blocks of outputs that share
/// their reads and combines (PoolVectorBuilder::combineWindowBlock), they
/// measured faster than sliding where sliding used to win
/// (docs/performance.md, 1x64x56x56 NCHW max, one thread, AVX2 code,
/// median of 4 runs: 11x11 0.096 against 0.111 ms, 15x15 0.126 against
/// 0.138 ms; before the blocks, auto took sliding from 10 rows on).
static bool useSliding(ArrayRef<DimGeometry> geom, PoolStrategy strategy) {
  return strategy == PoolStrategy::Sliding && geom.size() == 2 &&
         geom[0].isWindow && geom[0].w.stride == 1 && geom[0].w.dilation == 1;
}

/// Flat channels (auto only): channels-last 2-D windows over static
/// channels that fill at most half a vector, with static W sizes. Vectors
/// over channels would leave most lanes empty and take a masked load per
/// tap and a masked store per output (slow on AMD Zen): max 3x3/2 over
/// 1x224x224x3 took 0.10-0.12 ms that way on AVX2 (docs/performance.md).
static bool useFlatChannels(const PoolSpec &spec, ArrayRef<DimGeometry> geom,
                            const StaticSizes &sizes, int64_t lanes,
                            PoolStrategy strategy) {
  if (strategy != PoolStrategy::Auto || spec.layout != Layout::ChannelsLast ||
      geom.size() != 2 || !sizes.channels || *sizes.channels < 1 ||
      2 * *sizes.channels > lanes || sizes.in.size() != 2 ||
      sizes.out.size() != 2 || !sizes.in[1] || !sizes.out[1] ||
      *sizes.out[1] < 1)
    return false;
  for (const DimGeometry &g : geom)
    if (!g.isWindow)
      return false;
  // The padded row: (OW - 1) * stride + span pixels of C elements.
  const WindowDim &w = geom[1].w;
  CheckedArith ca;
  int64_t pixels = ca.add(ca.mul(ca.sub(*sizes.out[1], 1), w.stride), w.span);
  int64_t elements = ca.mul(ca.max(pixels, *sizes.in[1]), *sizes.channels);
  return !ca.overflow && elements <= kMaxFlatRowElements;
}

VectorPlan vector_lowering::planVectorLowering(
    const PoolSpec &spec, ArrayRef<DimGeometry> geom, const StaticSizes &sizes,
    Type accType, const VectorTarget &target, PoolStrategy strategy) {
  VectorPlan plan;
  plan.lanes =
      std::max<int64_t>(1, target.vectorBits / accType.getIntOrFloatBitWidth());
  bool channelsLast = spec.layout == Layout::ChannelsLast;
  // NaN flags of float maxima take a vector register per accumulator
  // register unless the target has mask registers.
  plan.flagsInMaskRegisters = target.maskRegisters;
  bool flagRegisters =
      spec.isMax() && isa<FloatType>(accType) && !target.maskRegisters;
  // Accumulators of the global reductions get half of the vector
  // registers; the other half holds loads and temporaries. Measured on
  // AVX2 (16 ymm, docs/performance.md): 4 vectors of maxima with their 4
  // flag vectors, 8 of sums; 16 spills. AVX-512 (32 zmm, flags in k
  // registers): 16.
  int64_t accumulators = std::max<int64_t>(1, target.vectorRegisters / 2 /
                                                  (flagRegisters ? 2 : 1));
  accumulators = static_cast<int64_t>(
      llvm::bit_floor(static_cast<uint64_t>(accumulators)));
  plan.tiling.globalChannels = accumulators;
  // Splitting a global row breaks its memory-order stream: only as far as
  // the threads need. 8x13x13x1000 NHWC max on two threads: 8 tasks of
  // whole rows 0.055-0.068 ms, 16 half rows 0.078-0.122 ms
  // (docs/performance.md).
  if (target.threads > 0)
    plan.tiling.globalMinTasks = 4 * target.threads;
  plan.tiling.windowBlock = std::max<int64_t>(2, target.vectorRegisters / 2);
  plan.tiling.globalFlat =
      std::min<int64_t>(plan.tiling.globalFlat, accumulators);
  if (spec.isGlobal()) {
    plan.family = VectorFamily::Global;
    return plan;
  }
  if (useFlatChannels(spec, geom, sizes, plan.lanes, strategy)) {
    plan.family = VectorFamily::ChannelsLastFlat;
    return plan;
  }
  bool separable = useSeparable(spec, geom, strategy);
  plan.sliding = separable && useSliding(geom, strategy);
  if (channelsLast)
    plan.family = separable ? VectorFamily::ChannelsLastSeparable
                            : VectorFamily::ChannelsLastDirect;
  else
    plan.family = separable ? VectorFamily::ChannelsFirstSeparable
                            : VectorFamily::ChannelsFirstRows;
  return plan;
}

int64_t vector_lowering::getChunkLength(std::optional<int64_t> size,
                                        int64_t maxLen) {
  if (!size)
    return maxLen;
  int64_t bounded = std::clamp<int64_t>(*size, 1, maxLen);
  return std::min<int64_t>(static_cast<int64_t>(llvm::PowerOf2Ceil(bounded)),
                           maxLen);
}
