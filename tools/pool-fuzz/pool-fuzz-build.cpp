//===- pool-fuzz-build.cpp - Fuzz pool ops built from attributes ----------===//
//
// libFuzzer target: builds one pool op per input through the C++ API from
// fuzzed attributes (huge, negative, zero and mismatched values, dynamic and
// zero sizes, any element type), verifies it, and runs the whole
// --pool-to-llvm pipeline and the translation to LLVM IR on what verifies.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <limits>

using namespace mlir;

namespace {
/// Draws the values users get wrong: 0, negatives, extremes, powers of two,
/// and small ordinary ones most of the time.
int64_t drawValue(FuzzedDataProvider &fdp) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 9)) {
  case 0:
    return 0;
  case 1:
    return -fdp.ConsumeIntegralInRange<int64_t>(1, 1 << 20);
  case 2:
    return std::numeric_limits<int64_t>::max();
  case 3:
    return std::numeric_limits<int64_t>::min();
  case 4:
    return int64_t(1) << fdp.ConsumeIntegralInRange<int>(0, 62);
  default:
    return fdp.ConsumeIntegralInRange<int64_t>(1, 6);
  }
}

SmallVector<int64_t> drawArray(FuzzedDataProvider &fdp, int64_t n) {
  // Mostly the right length, sometimes not.
  int64_t length = fdp.ConsumeIntegralInRange<int>(0, 7) == 0
                       ? fdp.ConsumeIntegralInRange<int64_t>(0, 7)
                       : n;
  SmallVector<int64_t> values;
  for (int64_t i = 0; i < length; ++i)
    values.push_back(drawValue(fdp));
  return values;
}

Type drawElementType(FuzzedDataProvider &fdp, Builder &b) {
  switch (fdp.ConsumeIntegralInRange<int>(0, 9)) {
  case 0:
    return b.getF16Type();
  case 1:
    return b.getBF16Type();
  case 2:
    return b.getF64Type();
  case 3:
    return b.getI8Type();
  case 4:
    return b.getI32Type();
  case 5:
    return b.getI1Type();
  case 6:
    return b.getIndexType();
  case 7:
    return IntegerType::get(b.getContext(), 32, IntegerType::Signed);
  default:
    return b.getF32Type();
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  pool_fuzz::QuietContext quiet;
  MLIRContext *ctx = &quiet.ctx;
  ctx->loadDialect<pool::PoolDialect>();
  OpBuilder b(ctx);
  Location loc = UnknownLoc::get(ctx);

  static const char *ops[] = {"pool.max",          "pool.avg",
                              "pool.global_max",   "pool.global_avg",
                              "pool.adaptive_max", "pool.adaptive_avg"};
  int kind = fdp.ConsumeIntegralInRange<int>(0, 5);
  int64_t n = fdp.ConsumeIntegralInRange<int64_t>(0, 4);
  bool local = kind < 2, adaptive = kind >= 4;

  OperationState state(loc, ops[kind]);
  auto add = [&](StringRef name, Attribute attr) {
    state.addAttribute(name, attr);
  };
  add("layout", pool::LayoutAttr::get(ctx, fdp.ConsumeBool()
                                               ? pool::Layout::ChannelsLast
                                               : pool::Layout::ChannelsFirst));
  if (local) {
    add("kernel", b.getDenseI64ArrayAttr(drawArray(fdp, n)));
    if (fdp.ConsumeBool())
      add("strides", b.getDenseI64ArrayAttr(drawArray(fdp, n)));
    if (fdp.ConsumeBool())
      add("dilations", b.getDenseI64ArrayAttr(drawArray(fdp, n)));
    if (fdp.ConsumeBool())
      add("padding", b.getDenseI64ArrayAttr(drawArray(fdp, 2 * n)));
    add("auto_pad", pool::AutoPadAttr::get(
                        ctx, static_cast<pool::AutoPad>(
                                 fdp.ConsumeIntegralInRange<int>(0, 3))));
    add("ceil_mode", b.getBoolAttr(fdp.ConsumeBool()));
    if (kind == 1 || fdp.ConsumeIntegralInRange<int>(0, 15) == 0)
      add("count_include_pad", b.getBoolAttr(fdp.ConsumeBool()));
  } else if (adaptive) {
    add("output_size", b.getDenseI64ArrayAttr(drawArray(fdp, n)));
  } else {
    add("keep_dims", b.getBoolAttr(fdp.ConsumeBool()));
  }

  // The input: usually rank n + 2, small, static or dynamic sizes.
  int64_t rank = fdp.ConsumeIntegralInRange<int>(0, 7) == 0
                     ? fdp.ConsumeIntegralInRange<int64_t>(0, 6)
                     : n + 2;
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    switch (fdp.ConsumeIntegralInRange<int>(0, 9)) {
    case 0:
      shape.push_back(ShapedType::kDynamic);
      break;
    case 1:
      shape.push_back(fdp.ConsumeIntegralInRange<int64_t>(0, 1) == 0
                          ? 0
                          : int64_t(1)
                                << fdp.ConsumeIntegralInRange<int>(20, 40));
      break;
    default:
      shape.push_back(fdp.ConsumeIntegralInRange<int64_t>(1, 12));
    }
  }
  Type elementType = drawElementType(fdp, b);
  auto inputType = RankedTensorType::get(shape, elementType);

  // The result type: the inferred one when there is one, made less static or
  // wrong on request.
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(b, loc, "kernel",
                                   b.getFunctionType({inputType}, {}));
  Block *body = func.addEntryBlock();
  b.setInsertionPointToEnd(body);
  state.addOperands(body->getArgument(0));
  state.addTypes(RankedTensorType::get({}, elementType));
  Operation *op = b.create(state);
  Type resultType;
  if (auto poolOp = dyn_cast<pool::PoolOpInterface>(op)) {
    SmallVector<Type> inferred;
    if (succeeded(pool::inferPoolResultTypes(std::nullopt, poolOp.getSpec(),
                                             inputType, inferred)))
      resultType = inferred.front();
  }
  if (!resultType || fdp.ConsumeIntegralInRange<int>(0, 7) == 0) {
    SmallVector<int64_t> resultShape(fdp.ConsumeIntegralInRange<int64_t>(0, 5),
                                     ShapedType::kDynamic);
    resultType = RankedTensorType::get(resultShape, elementType);
  } else if (fdp.ConsumeBool()) {
    auto ranked = cast<RankedTensorType>(resultType);
    resultType = RankedTensorType::get(
        SmallVector<int64_t>(ranked.getRank(), ShapedType::kDynamic),
        elementType);
  }
  op->getResult(0).setType(resultType);
  func.setFunctionType(b.getFunctionType({inputType}, {resultType}));
  func::ReturnOp::create(b, loc, op->getResult(0));

  if (failed(verify(*module)))
    return 0;
  // POOL_FUZZ_PRINT=1 prints each verified module: how a crash input
  // becomes a regression test.
  if (getenv("POOL_FUZZ_PRINT"))
    module->print(llvm::errs());
  pool::PoolPipelineOptions options;
  options.assertWindowFits = fdp.ConsumeBool();
  PassManager pm(ctx);
  pool::buildPoolToLLVMPipeline(pm, options);
  if (failed(pm.run(*module)))
    return 0;
  registerBuiltinDialectTranslation(*ctx);
  registerLLVMDialectTranslation(*ctx);
  llvm::LLVMContext llvmContext;
  (void)translateModuleToLLVMIR(*module, llvmContext);
  return 0;
}
