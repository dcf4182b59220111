//===- InitAll.cpp - Register pool dialects and passes --------------------===//

#include "pool/InitAll.h"

#include "pool/Conversion/Passes.h"
#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/TransformOps/PoolTransformOps.h"
#include "pool/Dialect/Pool/Transforms/Passes.h"
#include "pool/Pipelines/Pipelines.h"
#include "pool/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"

void mlir::pool::registerAllPoolDialects(DialectRegistry &registry) {
  registry.insert<PoolDialect>();
  registerGPULaunchEffects(registry);
  registerTransformDialectExtension(registry);
}

void mlir::pool::registerAllPoolPasses() {
  registerPoolPasses();
  registerPoolConversionPasses();
  registerPoolTransformsPasses();
  registerPoolPipelines();
}
