//===- KernelBuilder.h - Shared state of the GPU lowering -------*- C++ -*-===//
//
// The private builder of the pool -> GPU kernels: one pool op on buffers,
// its sizes and window geometry (from the dialect's window arithmetic), and
// the building blocks every kernel family uses (loads in the accumulator
// type, combines, the divisor, stores). Each family lives in its own file:
// Windows.cpp (local and adaptive windows, both layouts), Separable.cpp
// (large stride-1 channels-first windows through workgroup memory),
// Global.cpp (block reductions); PoolToGPU.cpp holds the host side (buffers,
// launch) and the pass.
//
// The kernels are target-neutral `gpu.launch` bodies (gpu, scf, arith,
// memref, vector): the NVVM pipeline and the CPU emulation both start from
// them.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_LIB_CONVERSION_POOLTOGPU_KERNELBUILDER_H
#define POOL_LIB_CONVERSION_POOLTOGPU_KERNELBUILDER_H

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Utils/LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

namespace mlir::pool::gpu_lowering {

/// The subgroup (warp) size the kernels are written for.
constexpr int64_t kSubgroupSize = 32;
/// The widest load a thread issues: 16 bytes (ld.global.v4.b32).
constexpr int64_t kVectorLoadBytes = 16;
/// Global channels-last reductions: threads of a block along the reduced
/// dimension.
constexpr int64_t kGlobalRowThreads = 8;
/// Blocks that fill the 132 SMs of an H100/H200 twice.
constexpr int64_t kBlocksToFill = 2 * 132;

/// Options of the lowering.
struct GPULoweringOptions {
  int64_t blockSize = 256;
  bool vectorLoads = true;
  bool assertWindowFits = true;
  bool separableWindows = true;
};

/// A launch configuration in host values and the kernel it runs.
struct LaunchShape {
  Value gridX, blockX, blockY;
  /// The number of work items (threads with work), for the bounds check.
  Value items;
  /// Workgroup buffers the kernel needs (`gpu.launch` attributions).
  SmallVector<Type> workgroup;
};

/// One pool op, lowered onto buffers `input` (the op's input shape) and
/// `output` (its result shape) that are read and written by a kernel.
class PoolKernelBuilder {
public:
  PoolKernelBuilder(OpBuilder &b, Location loc, const PoolSpec &spec,
                    RankedTensorType inputType, const GPULoweringOptions &opts);

  bool isMax() const { return spec.isMax(); }
  int64_t spatialDim(int64_t i) const { return getSpatialDim(spec.layout, i); }
  int64_t channelDim() const { return getChannelDim(spec.layout, n); }

  Value cst(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value neutral(Type type) { return createPoolNeutral(b, loc, type, isMax()); }
  /// The neutral value splat to `len` lanes (a scalar for len 1).
  Value neutralOf(int64_t len);
  /// A load of `len` elements (a scalar for len 1) of `source` at
  /// `indices`, in the accumulator type; vector loads are 16-byte aligned
  /// where `aligned`.
  Value load(Value source, ValueRange indices, int64_t len, bool aligned);
  /// Stores `acc` (divided by `divisor` for averages, in the element type).
  void store(Value acc, Value dest, ValueRange indices, Value divisor,
             bool aligned);
  /// Folds `value` into `acc`: the NaN-propagating arith.maximumf (the CPU
  /// path's semantics), arith.maxsi for integers, arith.addf for sums.
  Value combine(Value acc, Value value);
  /// An index as a value of the accumulator type.
  Value indexToAcc(Value index);
  /// The subgroup reduction matching `combine`.
  gpu::AllReduceOperation reduceKind() const;
  /// Channels one thread loads with one 16-byte vector, when `channels`
  /// (static) allows aligned vector loads; 1 otherwise.
  int64_t vectorChannels(std::optional<int64_t> channels) const;

  /// A `for (iv = lo; iv < hi; iv += step)` loop carrying `inits`.
  SmallVector<Value>
  forLoop(Value lo, Value hi, Value step, ValueRange inits,
          function_ref<SmallVector<Value>(Value iv, ValueRange args)> body);
  /// `cond ? then() : otherwise()`, each building one value.
  Value ifElse(Value cond, Type type, function_ref<Value()> then,
               function_ref<Value()> otherwise);

  /// The local/adaptive family (Windows.cpp): the launch shape on the host,
  /// and the kernel body for work item `id`.
  LaunchShape planWindows(ArrayRef<Value> inDims, ArrayRef<Value> outDims);
  void buildWindows(Value input, Value output, Value id, Value items);
  /// The tiled family of large stride-1 channels-first windows
  /// (Separable.cpp): whether it takes this op, its launch shape, and the
  /// kernel body of one block.
  bool useSeparableWindows() const;
  LaunchShape planSeparable(ArrayRef<Value> outDims);
  void buildSeparable(Value input, Value output, gpu::KernelDim3 blockIds,
                      gpu::KernelDim3 threadIds, ValueRange workgroup);
  /// The global family (Global.cpp), on buffers collapsed to
  /// [N, C, S] / [N, S, C] and [N * C].
  LaunchShape planGlobal(ArrayRef<Value> inDims);
  void buildGlobal(Value input, Value output, gpu::KernelDim3 blockIds,
                   gpu::KernelDim3 threadIds, ValueRange workgroup);

  OpBuilder &b;
  Location loc;
  PoolSpec spec;
  GPULoweringOptions opts;
  int64_t rank = 0, n = 0;
  Type elemType, accType;
  SmallVector<std::optional<int64_t>> staticIn;
  SmallVector<DimGeometry> geom;
  /// Channels per thread in channels-last kernels (vectorChannels).
  int64_t vec = 1;
};

} // namespace mlir::pool::gpu_lowering

#endif // POOL_LIB_CONVERSION_POOLTOGPU_KERNELBUILDER_H
