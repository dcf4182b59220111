//===- CostModel.h - How the vector lowering plans a pool op ----*- C++ -*-===//
//
// The one place where the vector lowering decides how to lower an op: which
// algorithm family, and how many hardware vectors each family's
// accumulators span. Its inputs are named in VectorTarget and the op's
// geometry; docs/performance.md explains the choices and their measurements.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_LIB_CONVERSION_POOLTOVECTOR_COSTMODEL_H
#define POOL_LIB_CONVERSION_POOLTOVECTOR_COSTMODEL_H

#include "pool/Conversion/PoolToVector/PoolToVector.h"
#include "pool/Dialect/Pool/Utils/WindowArith.h"

namespace mlir::pool::vector_lowering {

using mlir::pool::VectorTarget;

/// The algorithm families, one file each.
enum class VectorFamily {
  /// Channels-last windows and bins, vectors over channels (ChannelsLast.cpp).
  ChannelsLastDirect,
  /// Channels-last windows of 2+ dimensions, rows first (Separable.cpp).
  ChannelsLastSeparable,
  /// Channels-first windows and bins, vectors along W (ChannelsFirst.cpp).
  ChannelsFirstRows,
  /// Channels-first windows of 2+ dimensions, rows first (Separable.cpp).
  ChannelsFirstSeparable,
  /// Global pooling, multi-accumulator reductions (Global.cpp).
  Global,
  /// Channels-last 2-D windows over few channels, rows flattened to W x C
  /// elements (FlatChannels.cpp).
  ChannelsLastFlat,
};

/// The static sizes the cost model looks at (none where dynamic).
struct StaticSizes {
  std::optional<int64_t> channels;
  /// Input and output sizes of each spatial dimension.
  SmallVector<std::optional<int64_t>> in, out;
};

/// Register tiling: how many hardware vectors one accumulator (or one read)
/// spans in each family.
struct VectorTiling {
  /// Channels-last direct: a chunk of channels per accumulator.
  int64_t directChannels = 4;
  /// Channels-last direct: channels of at least this many whole chunks
  /// stream tap by tap in memory order into the output (f32/i32 only).
  int64_t directStreamChunks = 4;
  /// Channels-last global: a chunk of channels per task (derived from the
  /// target's vector registers: half of them, halved again for NaN flags
  /// without mask registers), a contiguous kilobyte per position on
  /// AVX-512 for the prefetchers.
  int64_t globalChannels = 16;
  /// Channels-last global over dynamic channels: the channels of one task
  /// span about this many bytes of each input row (whole chunks); static
  /// channels: the whole row.
  int64_t globalGroupBytes = 4096;
  /// Channels-last global, parallel ops: groups are halved (down to one
  /// chunk) until there are this many tasks: 4 per thread where the thread
  /// count is known (VectorTarget::threads), else 16.
  int64_t globalMinTasks = 16;
  /// Channels-last global: groups of several chunks stream in memory order
  /// only where the op's static input is at least this many bytes (or is
  /// dynamic). A smaller input stays in the caches, where each chunk
  /// reduced over every position in registers is faster than a pass
  /// through the buffer of partials per position: the one-image ResNet head
  /// (1x7x7x2048 NHWC, 0.4 MB) 3.5-3.7 against 4.4-6.6 us on AVX2
  /// (docs/performance.md).
  int64_t globalStreamMinBytes = 1 << 20;
  /// Channels-first global: lanes of the flat plane reduction.
  int64_t globalFlat = 4;
  /// Separable passes over stride-1 undilated windows: consecutive
  /// outputs per block sharing their reads and partial combines
  /// (PoolVectorBuilder::combineWindowBlock), at most the window size: half
  /// the vector registers hold a block's partial combines.
  int64_t windowBlock = 8;
  /// Channels-first stride-1 windows of at least a vector of taps along W:
  /// vectors of outputs per group sharing their half-vector pieces
  /// (RowLowering::emitHalfVectorGroup) where the row is dynamic; static
  /// rows take every interior block whose reads fit, up to
  /// kMaxHalfVectorGroup.
  int64_t halfVectorGroup = 4;
  /// Sliding rows: the column block of one sweep, independent chains.
  int64_t slidingColumns = 4;
  /// The NaN scan of a task's input slice.
  int64_t nanScan = 4;
};

/// How one op is lowered.
struct VectorPlan {
  VectorFamily family = VectorFamily::ChannelsFirstRows;
  /// Separable families: reduce the rows with van Herk/Gil-Werman.
  bool sliding = false;
  /// Lanes of one hardware vector of the accumulator type.
  int64_t lanes = 1;
  /// Static channel remainders read one masked vector where the target has
  /// masked loads and stores of the element width; elsewhere (16-bit lanes
  /// on AVX2) shorter whole vectors, one per set bit of the remainder: the
  /// backend would otherwise emit one branch per lane.
  bool maskedTails = true;
  /// NaN flags as i1 lanes in mask registers (VectorTarget::maskRegisters);
  /// else as integer lanes in vector registers.
  bool flagsInMaskRegisters = false;
  /// The output slices run as a parallel loop (scf.forall, OpenMP threads in
  /// parallel code); false: serial loops, for ops too small to pay for a
  /// fork/join (VectorTarget::minParallelBytes).
  bool parallel = true;
  VectorTiling tiling;
};

/// The plan for `spec` (windows `geom`, accumulating in `accType`, sizes
/// `sizes`) on `target` under `strategy`.
VectorPlan planVectorLowering(const PoolSpec &spec, ArrayRef<DimGeometry> geom,
                              const StaticSizes &sizes, Type accType,
                              const VectorTarget &target,
                              PoolStrategy strategy);

/// Flat channels: the longest flattened row buffer (elements).
constexpr int64_t kMaxFlatRowElements = 1 << 16;

/// Bounds that keep the IR small whatever the sizes:
/// - a tap of a block reads at most this many hardware vectors; wider spans
///   (huge adaptive bins or strides) take the one-output path;
constexpr int64_t kMaxBlockReadVectors = 16;
/// - border blocks planned at compile time (blocks per row, taps they
///   unroll in all, taps one block unrolls): beyond them a row loops over
///   single outputs instead;
constexpr int64_t kMaxStaticBlocks = 8;
constexpr int64_t kMaxStaticTaps = 1024;
constexpr int64_t kMaxBlockTaps = 64;
/// - interior blocks unroll their window taps up to this kernel size and
///   loop beyond it.
constexpr int64_t kMaxUnrolledTaps = 16;
/// - a static row's half-vector group (RowLowering::emitHalfVectorGroup)
///   spans at most this many vectors of outputs, over windows of at most
///   this many taps (it unrolls them all);
constexpr int64_t kMaxHalfVectorGroup = 8;
constexpr int64_t kMaxHalfVectorTaps = 32;
/// - blocks of stride-1 outputs (PoolVectorBuilder::combineWindowBlock)
///   unroll their r + K - 1 reads: windows of more taps go without blocks.
constexpr int64_t kMaxWindowBlockTaps = 32;

/// Vector length for a dimension of `size` elements (when static): at most
/// `maxLen`, the size rounded up to a power of two, at least 1 (a dimension
/// may be empty).
int64_t getChunkLength(std::optional<int64_t> size, int64_t maxLen);

} // namespace mlir::pool::vector_lowering

#endif // POOL_LIB_CONVERSION_POOLTOVECTOR_COSTMODEL_H
