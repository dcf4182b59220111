//===- KernelBuilder.cpp - Shared state of the GPU lowering ---------------===//
//
// The building blocks of every kernel family (KernelBuilder.h).
//
//===----------------------------------------------------------------------===//

#include "KernelBuilder.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::pool;
using namespace mlir::pool::gpu_lowering;

PoolKernelBuilder::PoolKernelBuilder(OpBuilder &b, Location loc,
                                     const PoolSpec &spec,
                                     RankedTensorType inputType,
                                     const GPULoweringOptions &opts)
    : b(b), loc(loc), spec(spec), opts(opts) {
  rank = inputType.getRank();
  n = getSpatialRank(spec, rank);
  elemType = inputType.getElementType();
  accType = getPoolAccumulatorType(elemType);
  for (int64_t i = 0; i < n; ++i) {
    int64_t size = inputType.getDimSize(spatialDim(i));
    staticIn.push_back(ShapedType::isDynamic(size)
                           ? std::nullopt
                           : std::optional<int64_t>(size));
  }
  if (!spec.isGlobal())
    geom = getDimGeometry(spec, staticIn);
}

Value PoolKernelBuilder::neutralOf(int64_t len) {
  Value scalar = neutral(accType);
  if (len == 1)
    return scalar;
  return vector::BroadcastOp::create(b, loc, VectorType::get({len}, accType),
                                     scalar);
}

Value PoolKernelBuilder::load(Value source, ValueRange indices, int64_t len,
                              bool aligned) {
  Value v;
  if (len == 1) {
    v = memref::LoadOp::create(b, loc, source, indices);
  } else {
    llvm::MaybeAlign align;
    if (aligned)
      align = llvm::Align(kVectorLoadBytes);
    v = vector::LoadOp::create(b, loc, VectorType::get({len}, elemType), source,
                               indices, /*nontemporal=*/false, align);
  }
  if (accType == elemType)
    return v;
  Type wide = len == 1 ? accType : VectorType::get({len}, accType);
  return arith::ExtFOp::create(b, loc, wide, v);
}

void PoolKernelBuilder::store(Value acc, Value dest, ValueRange indices,
                              Value divisor, bool aligned) {
  auto vecType = dyn_cast<VectorType>(acc.getType());
  if (divisor) {
    if (vecType)
      divisor = vector::BroadcastOp::create(b, loc, vecType, divisor);
    acc = arith::DivFOp::create(b, loc, acc, divisor);
  }
  if (accType != elemType) {
    Type narrow =
        vecType ? VectorType::get(vecType.getShape(), elemType) : elemType;
    acc = arith::TruncFOp::create(b, loc, narrow, acc);
  }
  if (!vecType) {
    memref::StoreOp::create(b, loc, acc, dest, indices);
    return;
  }
  llvm::MaybeAlign align;
  if (aligned)
    align = llvm::Align(kVectorLoadBytes);
  vector::StoreOp::create(b, loc, acc, dest, indices, /*nontemporal=*/false,
                          align);
}

Value PoolKernelBuilder::combine(Value acc, Value value) {
  if (!isMax())
    return arith::AddFOp::create(b, loc, acc, value);
  if (isa<FloatType>(getElementTypeOrSelf(accType)))
    return arith::MaximumFOp::create(b, loc, acc, value);
  return arith::MaxSIOp::create(b, loc, acc, value);
}

Value PoolKernelBuilder::indexToAcc(Value index) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  return arith::SIToFPOp::create(b, loc, accType, i64);
}

gpu::AllReduceOperation PoolKernelBuilder::reduceKind() const {
  if (!isMax())
    return gpu::AllReduceOperation::ADD;
  return isa<FloatType>(accType) ? gpu::AllReduceOperation::MAXIMUMF
                                 : gpu::AllReduceOperation::MAXSI;
}

int64_t
PoolKernelBuilder::vectorChannels(std::optional<int64_t> channels) const {
  int64_t bytes = elemType.getIntOrFloatBitWidth() / 8;
  if (!opts.vectorLoads || bytes == 0 || !channels)
    return 1;
  int64_t len = kVectorLoadBytes / bytes;
  return *channels % len == 0 ? len : 1;
}

SmallVector<Value> PoolKernelBuilder::forLoop(
    Value lo, Value hi, Value step, ValueRange inits,
    function_ref<SmallVector<Value>(Value iv, ValueRange args)> body) {
  auto loop = scf::ForOp::create(
      b, loc, lo, hi, step, inits,
      [&](OpBuilder &nested, Location, Value iv, ValueRange args) {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToEnd(nested.getInsertionBlock());
        scf::YieldOp::create(b, loc, body(iv, args));
      });
  return SmallVector<Value>(loop.getResults());
}

Value PoolKernelBuilder::ifElse(Value cond, Type type,
                                function_ref<Value()> then,
                                function_ref<Value()> otherwise) {
  auto ifOp = scf::IfOp::create(
      b, loc, cond,
      [&](OpBuilder &nested, Location) {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToEnd(nested.getInsertionBlock());
        scf::YieldOp::create(b, loc, then());
      },
      [&](OpBuilder &nested, Location) {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToEnd(nested.getInsertionBlock());
        scf::YieldOp::create(b, loc, otherwise());
      });
  return ifOp.getResult(0);
}
