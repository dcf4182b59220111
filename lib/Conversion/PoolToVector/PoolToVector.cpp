//===- PoolToVector.cpp - Lower pool ops to vectorized parallel loops -----===//
//
// The pass and its patterns: every pool op becomes an scf.forall over
// independent output slices whose body reduces windows in vector registers.
// The cost model (CostModel.cpp) assigns each op to one algorithm family,
// whose pattern lowers it (ChannelsLast.cpp, ChannelsFirst.cpp,
// Separable.cpp, Global.cpp); the other families' patterns decline it.
//
//===----------------------------------------------------------------------===//

#include "pool/Conversion/PoolToVector/PoolToVector.h"
#include "pool/Conversion/LowerPoolOps.h"

#include "VectorBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#include <algorithm>
#include <limits>

namespace mlir::pool {
#define GEN_PASS_DEF_CONVERTPOOLTOVECTOR
#include "pool/Conversion/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::vector_lowering;

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

/// The description of a CPU with `has(feature)`.
static VectorTarget describeCPU(StringRef cpu,
                                function_ref<bool(StringRef)> has) {
  VectorTarget target;
  target.cpu = cpu.str();
  bool avx512 = has("avx512f");
  target.vectorBits = avx512 ? 512 : has("avx") ? 256 : 128;
  target.vectorRegisters = avx512 ? 32 : 16;
  target.maskRegisters = avx512;
  target.maskedMemory32 = avx512 || has("avx");
  target.maskedMemory16 = avx512 && has("avx512bw");
  return target;
}

FailureOr<VectorTarget> mlir::pool::getVectorTarget(StringRef cpu,
                                                    std::string &error) {
  if (cpu.empty() || cpu == "host") {
    llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
    return describeCPU("host", [&](StringRef f) { return features.lookup(f); });
  }
  // LLVM's feature table of the named CPU, for the host's architecture.
  llvm::InitializeNativeTarget();
  llvm::Triple triple(llvm::sys::getDefaultTargetTriple());
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return failure();
  // Validated on the generic subtarget first: LLVM warns on stderr when
  // it creates one for a CPU it does not know.
  std::unique_ptr<llvm::MCSubtargetInfo> generic(
      target->createMCSubtargetInfo(triple, "", ""));
  if (!generic || !generic->isCPUStringValid(cpu)) {
    error = ("unknown CPU '" + cpu + "' for " + triple.str()).str();
    return failure();
  }
  std::unique_ptr<llvm::MCSubtargetInfo> sti(
      target->createMCSubtargetInfo(triple, cpu, ""));
  return describeCPU(
      cpu, [&](StringRef f) { return sti->checkFeatures(("+" + f).str()); });
}

int64_t mlir::pool::getHostVectorBits() {
  std::string error;
  return getVectorTarget("host", error)->vectorBits;
}

VectorPlan vector_lowering::planVectorLowering(PoolOpInterface op,
                                               const FamilyOptions &options) {
  PoolSpec spec = op.getSpec();
  auto inputType = cast<RankedTensorType>(op.getInput().getType());
  int64_t n = getSpatialRank(spec, inputType.getRank());
  auto outputType = cast<RankedTensorType>(op->getResult(0).getType());
  auto staticSize = [](RankedTensorType type,
                       int64_t dim) -> std::optional<int64_t> {
    int64_t size = type.getDimSize(dim);
    return ShapedType::isDynamic(size) ? std::nullopt : std::optional(size);
  };
  // The inferred result type: as static as the input allows.
  SmallVector<Type> inferred;
  auto staticOut =
      succeeded(inferPoolResultTypes(std::nullopt, spec, inputType, inferred))
          ? cast<RankedTensorType>(inferred.front())
          : outputType;
  StaticSizes sizes;
  for (int64_t i = 0; i < n; ++i) {
    sizes.in.push_back(staticSize(inputType, getSpatialDim(spec.layout, i)));
    if (!spec.isGlobal())
      sizes.out.push_back(staticSize(staticOut, getSpatialDim(spec.layout, i)));
  }
  if (inputType.getRank() >= 2)
    sizes.channels = staticSize(inputType, getChannelDim(spec.layout, n));
  VectorPlan plan =
      planVectorLowering(spec, getDimGeometry(spec, sizes.in), sizes,
                         getPoolAccumulatorType(inputType.getElementType()),
                         options.target, options.strategy);
  int64_t elemBits = inputType.getElementTypeBitWidth();
  plan.maskedTails = elemBits >= 32   ? options.target.maskedMemory32
                     : elemBits == 16 ? options.target.maskedMemory16
                                      : false;
  // Threads only where they pay: static ops below the threshold are serial.
  if (inputType.hasStaticShape() && outputType.hasStaticShape()) {
    // Saturating: a static shape may hold more bytes than int64_t counts, and
    // then it is certainly large enough to go parallel.
    int64_t bytes = 0;
    for (RankedTensorType type : {inputType, outputType}) {
      int64_t typeBytes = std::max<int64_t>(elemBits / 8, 1), product;
      for (int64_t size : type.getShape()) {
        if (llvm::MulOverflow(typeBytes, size, product)) {
          typeBytes = std::numeric_limits<int64_t>::max();
          break;
        }
        typeBytes = product;
      }
      if (llvm::AddOverflow(bytes, typeBytes, bytes))
        bytes = std::numeric_limits<int64_t>::max();
    }
    plan.parallel = bytes >= options.target.minParallelBytes;
  }
  return plan;
}

void mlir::pool::populatePoolToVectorPatterns(RewritePatternSet &patterns,
                                              const VectorTarget &target,
                                              PoolStrategy strategy,
                                              bool assertWindowFits) {
  FamilyOptions options;
  options.target = target;
  options.strategy = strategy;
  options.assertWindowFits = assertWindowFits;
  populateChannelsLastPatterns(patterns, options);
  populateChannelsFirstPatterns(patterns, options);
  populateSeparablePatterns(patterns, options);
  populateGlobalPatterns(patterns, options);
  populateFlatChannelsPatterns(patterns, options);
}

namespace {
struct ConvertPoolToVectorPass
    : pool::impl::ConvertPoolToVectorBase<ConvertPoolToVectorPass> {
  using Base::Base;
  void runOnOperation() override {
    if (vectorBits < 0 || vectorBits % 8 != 0 || vectorBits > 4096) {
      // One line naming the option; the function itself is not the culprit.
      emitError(getOperation().getLoc())
          << "convert-pool-to-vector: vector-bits = " << int64_t(vectorBits)
          << " must be 0 (the target CPU's) or a multiple of 8 up to 4096";
      return signalPassFailure();
    }
    std::string error;
    FailureOr<VectorTarget> target = getVectorTarget(targetCpu, error);
    if (failed(target)) {
      emitError(getOperation().getLoc())
          << "convert-pool-to-vector: target-cpu: " << error;
      return signalPassFailure();
    }
    if (vectorBits)
      target->vectorBits = vectorBits;
    if (minParallelBytes >= 0)
      target->minParallelBytes = minParallelBytes;
    if (threads < 0) {
      emitError(getOperation().getLoc())
          << "convert-pool-to-vector: threads = " << int64_t(threads)
          << " must be 0 (unknown) or positive";
      return signalPassFailure();
    }
    target->threads = threads;
    RewritePatternSet patterns(&getContext());
    populatePoolToVectorPatterns(patterns, *target, strategy, assertWindowFits);
    if (failed(
            lowerPoolOps(getOperation(), std::move(patterns), "vector loops")))
      signalPassFailure();
  }
};
} // namespace
