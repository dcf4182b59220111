//===- Passes.h - Pool conversion passes ------------------------*- C++ -*-===//

#ifndef POOL_CONVERSION_PASSES_H
#define POOL_CONVERSION_PASSES_H

#include "pool/Conversion/PoolToAffine/PoolToAffine.h"
#include "pool/Conversion/PoolToGPU/PoolToGPU.h"
#include "pool/Conversion/PoolToLinalg/PoolToLinalg.h"
#include "pool/Conversion/PoolToTosa/PoolToTosa.h"
#include "pool/Conversion/PoolToVector/PoolToVector.h"
#include "pool/Conversion/TosaToPool/TosaToPool.h"

namespace mlir::pool {

#define GEN_PASS_REGISTRATION
#include "pool/Conversion/Passes.h.inc"

} // namespace mlir::pool

#endif // POOL_CONVERSION_PASSES_H
