//===- Check.cpp - Check pool programs against the reference --------------===//

#include "Check.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;
using namespace pool_run;

poolref::Config pool_run::getReferenceConfig(pool::PoolOpInterface op) {
  pool::PoolSpec spec = op.getSpec();
  poolref::Config c;
  switch (spec.kind) {
  case pool::PoolKind::Max:
    c.kind = poolref::Kind::Max;
    break;
  case pool::PoolKind::Avg:
    c.kind = poolref::Kind::Avg;
    break;
  case pool::PoolKind::GlobalMax:
    c.kind = poolref::Kind::GlobalMax;
    break;
  case pool::PoolKind::GlobalAvg:
    c.kind = poolref::Kind::GlobalAvg;
    break;
  case pool::PoolKind::AdaptiveMax:
    c.kind = poolref::Kind::AdaptiveMax;
    break;
  case pool::PoolKind::AdaptiveAvg:
    c.kind = poolref::Kind::AdaptiveAvg;
    break;
  }
  c.channelsLast = spec.layout == pool::Layout::ChannelsLast;
  c.kernel.assign(spec.kernel.begin(), spec.kernel.end());
  // Defaults as documented: strides = kernel, dilations = 1.
  if (spec.hasStrides)
    c.strides.assign(spec.strides.begin(), spec.strides.end());
  else
    c.strides = c.kernel;
  if (spec.hasDilations)
    c.dilations.assign(spec.dilations.begin(), spec.dilations.end());
  else
    c.dilations.assign(c.kernel.size(), 1);
  c.padding.assign(spec.padding.begin(), spec.padding.end());
  switch (spec.autoPad) {
  case pool::AutoPad::Explicit:
    c.autoPad = poolref::AutoPad::Explicit;
    break;
  case pool::AutoPad::Valid:
    c.autoPad = poolref::AutoPad::Valid;
    break;
  case pool::AutoPad::SameUpper:
    c.autoPad = poolref::AutoPad::SameUpper;
    break;
  case pool::AutoPad::SameLower:
    c.autoPad = poolref::AutoPad::SameLower;
    break;
  }
  c.ceilMode = spec.ceilMode;
  c.countIncludePad = spec.countIncludePad;
  c.keepDims = spec.keepDims;
  c.outputSize.assign(spec.outputSize.begin(), spec.outputSize.end());
  return c;
}

static LogicalResult evaluatePool(pool::PoolOpInterface op,
                                  const HostTensor &in, HostTensor &out,
                                  std::string &error) {
  poolref::Config config = getReferenceConfig(op);
  std::vector<int64_t> outShape;
  if (!poolref::outputShape(config, in.getShape(), outShape, &error)) {
    error = "the reference rejects " + op->getName().getStringRef().str() +
            ": " + error;
    return failure();
  }
  out = HostTensor(in.getKind(), outShape);
  int64_t nIn = in.getNumElements(), nOut = out.getNumElements();
  if (isFloatKind(in.getKind())) {
    std::vector<double> src(nIn), dst(nOut);
    for (int64_t i = 0; i < nIn; ++i)
      src[i] = in.getDouble(i);
    poolref::pool(config, in.getShape(), src.data(), dst.data());
    for (int64_t i = 0; i < nOut; ++i)
      out.setDouble(i, dst[i]);
    return success();
  }
  std::vector<int64_t> src(nIn), dst(nOut);
  for (int64_t i = 0; i < nIn; ++i)
    src[i] = in.getInt(i);
  poolref::poolInt(config, in.getShape(), src.data(), dst.data(),
                   getIntMin(in.getKind()));
  for (int64_t i = 0; i < nOut; ++i)
    out.setInt(i, dst[i]);
  return success();
}

LogicalResult pool_run::evaluateReference(func::FuncOp func,
                                          ArrayRef<HostTensor> inputs,
                                          std::vector<HostTensor> &outputs,
                                          std::string &error) {
  llvm::DenseMap<Value, HostTensor> values;
  for (auto [arg, input] : llvm::zip_equal(func.getArguments(), inputs))
    values[arg] = input;
  for (Operation &op : func.getBody().front()) {
    if (auto poolOp = dyn_cast<pool::PoolOpInterface>(&op)) {
      HostTensor out;
      if (failed(evaluatePool(poolOp, values[poolOp.getInput()], out, error)))
        return failure();
      values[op.getResult(0)] = std::move(out);
    } else if (auto cast = dyn_cast<tensor::CastOp>(&op)) {
      values[cast.getResult()] = values[cast.getSource()];
    } else if (auto ret = dyn_cast<func::ReturnOp>(&op)) {
      outputs.clear();
      for (Value v : ret.getOperands())
        outputs.push_back(values[v]);
      return success();
    } else {
      error = "the reference cannot evaluate '" +
              op.getName().getStringRef().str() +
              "': --check supports functions made of pool ops, tensor.cast "
              "and func.return";
      return failure();
    }
  }
  error = "function has no return";
  return failure();
}

Tolerance pool_run::getAverageTolerance(ElemKind kind) {
  switch (kind) {
  case ElemKind::F16:
    return {2e-3, 2e-3};
  case ElemKind::BF16:
    return {1.6e-2, 1.6e-2};
  case ElemKind::F32:
    return {1e-5, 1e-5};
  case ElemKind::F64:
    return {1e-12, 1e-12};
  default:
    return {0, 0};
  }
}

Comparison pool_run::compare(const HostTensor &got, const HostTensor &want,
                             Tolerance tol) {
  Comparison result;
  if (got.getShape() != want.getShape()) {
    result.mismatches = 1;
    llvm::raw_string_ostream os(result.firstMismatch);
    os << "shape [";
    llvm::interleaveComma(got.getShape(), os);
    os << "] differs from the reference's [";
    llvm::interleaveComma(want.getShape(), os);
    os << "]";
    return result;
  }
  bool isFloat = isFloatKind(got.getKind());
  for (int64_t i = 0, e = got.getNumElements(); i < e; ++i) {
    bool ok;
    double g = got.getDouble(i), w = want.getDouble(i);
    if (!isFloat) {
      ok = got.getInt(i) == want.getInt(i);
    } else if (std::isnan(g) || std::isnan(w) || std::isinf(g) ||
               std::isinf(w)) {
      ok = (std::isnan(g) && std::isnan(w)) || g == w;
    } else {
      double err = std::fabs(g - w);
      result.maxAbsError = std::max(result.maxAbsError, err);
      ok = err <= tol.atol + tol.rtol * std::fabs(w);
    }
    if (ok)
      continue;
    if (result.mismatches++ == 0)
      result.firstMismatch =
          isFloat ? llvm::formatv("element {0}: got {1}, expected {2}", i, g, w)
                        .str()
                  : llvm::formatv("element {0}: got {1}, expected {2}", i,
                                  got.getInt(i), want.getInt(i))
                        .str();
  }
  return result;
}
