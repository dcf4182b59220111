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
#include "llvm/TargetParser/Host.h"

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

int64_t mlir::pool::getHostVectorBits() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512f"))
    return 512;
  if (features.lookup("avx"))
    return 256;
  return 128;
}

VectorPlan vector_lowering::planVectorLowering(PoolOpInterface op,
                                               const FamilyOptions &options) {
  PoolSpec spec = op.getSpec();
  auto inputType = cast<RankedTensorType>(op.getInput().getType());
  int64_t n = getSpatialRank(spec, inputType.getRank());
  SmallVector<std::optional<int64_t>> staticIn;
  for (int64_t i = 0; i < n; ++i) {
    int64_t size = inputType.getDimSize(getSpatialDim(spec.layout, i));
    staticIn.push_back(ShapedType::isDynamic(size) ? std::nullopt
                                                   : std::optional(size));
  }
  return planVectorLowering(spec, getDimGeometry(spec, staticIn),
                            getPoolAccumulatorType(inputType.getElementType()),
                            options.target, options.strategy);
}

void mlir::pool::populatePoolToVectorPatterns(RewritePatternSet &patterns,
                                              int64_t vectorBits,
                                              PoolStrategy strategy,
                                              bool assertWindowFits) {
  FamilyOptions options;
  options.target.vectorBits = vectorBits;
  options.strategy = strategy;
  options.assertWindowFits = assertWindowFits;
  populateChannelsLastPatterns(patterns, options);
  populateChannelsFirstPatterns(patterns, options);
  populateSeparablePatterns(patterns, options);
  populateGlobalPatterns(patterns, options);
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
          << " must be 0 (the host's) or a multiple of 8 up to 4096";
      return signalPassFailure();
    }
    int64_t bits = vectorBits ? int64_t(vectorBits) : getHostVectorBits();
    RewritePatternSet patterns(&getContext());
    populatePoolToVectorPatterns(patterns, bits, strategy, assertWindowFits);
    if (failed(
            lowerPoolOps(getOperation(), std::move(patterns), "vector loops")))
      signalPassFailure();
  }
};
} // namespace
