//===- Runner.cpp - JIT-compile and call pool programs --------------------===//

#include "Runner.h"

#include "pool/Conversion/PoolToVector/PoolToVector.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <dlfcn.h>
#include <set>

using namespace mlir;
using namespace pool_run;

FailureOr<TensorSignature> pool_run::getTensorSignature(func::FuncOp func,
                                                        std::string &error) {
  TensorSignature sig;
  auto collect = [&](TypeRange types, std::vector<RankedTensorType> &out,
                     const char *what) -> LogicalResult {
    for (Type type : types) {
      auto tensor = dyn_cast<RankedTensorType>(type);
      if (!tensor || failed(getElemKind(tensor.getElementType()))) {
        llvm::raw_string_ostream os(error);
        os << "@" << func.getSymName() << ": " << what << " type " << type
           << " is not supported (ranked tensors of f16, bf16, f32, f64, "
              "i8, i16, i32 or i64)";
        return failure();
      }
      out.push_back(tensor);
    }
    return success();
  };
  if (failed(collect(func.getArgumentTypes(), sig.args, "argument")) ||
      failed(collect(func.getResultTypes(), sig.results, "result")))
    return failure();
  return sig;
}

LogicalResult pool_run::addDestinationStyleWrapper(func::FuncOp func,
                                                   StringRef name,
                                                   std::string &error) {
  if (!func.getBody().hasOneBlock()) {
    error = "@" + func.getSymName().str() + " has more than one block";
    return failure();
  }
  auto toMemRef = [](Type type) -> Type {
    auto tensor = cast<RankedTensorType>(type);
    return MemRefType::get(tensor.getShape(), tensor.getElementType());
  };
  // A result returned through a tensor.cast to a less static type is
  // computed in a buffer of the cast's source type: materializing the cast
  // would leave a copy of the result onto itself in every call.
  Block &body = func.getBody().front();
  SmallVector<Value> results;
  for (Value result : body.getTerminator()->getOperands()) {
    while (auto cast = result.getDefiningOp<tensor::CastOp>())
      result = cast.getSource();
    results.push_back(result);
  }
  SmallVector<Type> bufferTypes;
  for (Type type : func.getArgumentTypes())
    bufferTypes.push_back(toMemRef(type));
  for (Value result : results)
    bufferTypes.push_back(toMemRef(result.getType()));

  OpBuilder b(func.getContext());
  b.setInsertionPointAfter(func);
  Location loc = func.getLoc();
  auto wrapper =
      func::FuncOp::create(b, loc, name, b.getFunctionType(bufferTypes, {}));
  Block *entry = wrapper.addEntryBlock();
  b.setInsertionPointToStart(entry);
  IRMapping map;
  for (auto [i, arg] : llvm::enumerate(func.getArguments()))
    map.map(arg, bufferization::ToTensorOp::create(
                     b, loc, arg.getType(), entry->getArgument(i),
                     /*restrict=*/true, /*writable=*/false));
  for (Operation &op : body.without_terminator())
    b.clone(op, map);
  unsigned numArgs = func.getNumArguments();
  for (auto [i, result] : llvm::enumerate(results))
    bufferization::MaterializeInDestinationOp::create(
        b, loc, Type(), map.lookupOrDefault(result),
        entry->getArgument(numArgs + i), /*restrict=*/true,
        /*writable=*/true);
  func::ReturnOp::create(b, loc);
  return success();
}

StringRef pool_run::stringifyRunTarget(RunTarget target) {
  switch (target) {
  case RunTarget::Cpu:
    return "cpu";
  case RunTarget::Cuda:
    return "cuda";
  case RunTarget::GpuEmulation:
    return "gpu-emulation";
  }
  llvm_unreachable("unknown target");
}

llvm::cl::ValuesClass pool_run::getRunTargetValues() {
  return llvm::cl::values(
      clEnumValN(RunTarget::Cpu, "cpu", "the CPU (--pool-to-llvm)"),
      clEnumValN(RunTarget::Cuda, "cuda",
                 "a CUDA GPU (--pool-to-nvvm, libpool_cuda_runtime.so)"),
      clEnumValN(RunTarget::GpuEmulation, "gpu-emulation",
                 "the GPU kernels run on the CPU (--pool-to-gpu-emulation)"));
}

std::string Lowering::getName() const {
  if (target != RunTarget::Cpu)
    return stringifyRunTarget(target).str();
  switch (path) {
  case mlir::pool::PoolLoweringPath::Affine:
    return "affine";
  case mlir::pool::PoolLoweringPath::Linalg:
    return "linalg";
  case mlir::pool::PoolLoweringPath::Vector:
    break;
  }
  return mlir::pool::stringifyPoolStrategy(strategy).str();
}

std::string Lowering::getFlags() const {
  if (target != RunTarget::Cpu)
    return "--target=" + getName();
  if (path == mlir::pool::PoolLoweringPath::Vector)
    return "--strategy=" + getName();
  return "--path=" + getName();
}

/// libpool_cuda_runtime.so beside this program's lib/ folder (the build
/// tree's bin/ and lib/, or an install prefix), else where it was built.
static std::string getCudaRuntimePath() {
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  llvm::SmallString<256> path(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(path, "lib", "libpool_cuda_runtime.so");
  if (!exe.empty() && llvm::sys::fs::exists(path))
    return std::string(path);
  return POOL_CUDA_RUNTIME;
}

static std::string &getTargetCPU() {
  static std::string cpu = "host";
  return cpu;
}

void Lowering::buildPipeline(
    OpPassManager &pm, const mlir::pool::PoolPipelineOptions &options) const {
  if (target == RunTarget::Cpu) {
    mlir::pool::PoolPipelineOptions cpu;
    cpu.copyOptionValuesFrom(options);
    applyTo(cpu);
    // The vector code is planned for the CPU it is compiled for.
    if (cpu.targetCpu.empty() && getTargetCPU() != "host")
      cpu.targetCpu = getTargetCPU();
    mlir::pool::buildPoolToLLVMPipeline(pm, cpu);
    return;
  }
  mlir::pool::PoolGPUPipelineOptions gpu;
  gpu.assertWindowFits = options.assertWindowFits;
  if (target == RunTarget::Cuda)
    mlir::pool::buildPoolToNVVMPipeline(pm, gpu);
  else
    mlir::pool::buildPoolToGPUEmulationPipeline(pm, gpu);
}

FailureOr<std::unique_ptr<JitModule>>
JitModule::compile(ModuleOp module, const Lowering &lowering,
                   const mlir::pool::PoolPipelineOptions &options,
                   std::string &error) {
  return compile(
      module, [&](OpPassManager &pm) { lowering.buildPipeline(pm, options); },
      error);
}

std::vector<Lowering> pool_run::getAllLowerings() {
  using mlir::pool::PoolLoweringPath;
  using mlir::pool::PoolStrategy;
  std::vector<Lowering> all = {{PoolLoweringPath::Linalg}};
  for (PoolStrategy s : {PoolStrategy::Direct, PoolStrategy::Separable,
                         PoolStrategy::Sliding, PoolStrategy::Auto})
    all.push_back({PoolLoweringPath::Vector, s});
  all.push_back({PoolLoweringPath::Affine});
  return all;
}

void Lowering::applyTo(mlir::pool::PoolPipelineOptions &options) const {
  options.vectorize = path == mlir::pool::PoolLoweringPath::Vector;
  options.strategy = strategy;
  options.path = path;
}

LogicalResult JitModule::setTargetCPU(std::string cpu, std::string &error) {
  if (failed(mlir::pool::getVectorTarget(cpu, error)))
    return failure();
  getTargetCPU() = std::move(cpu);
  return success();
}

FailureOr<std::unique_ptr<JitModule>>
JitModule::compile(ModuleOp module,
                   const mlir::pool::PoolPipelineOptions &options,
                   std::string &error) {
  return compile(
      module,
      [&](OpPassManager &pm) {
        mlir::pool::buildPoolToLLVMPipeline(pm, options);
      },
      error);
}

FailureOr<std::unique_ptr<JitModule>>
JitModule::compile(ModuleOp module,
                   llvm::function_ref<void(OpPassManager &)> buildPipeline,
                   std::string &error) {
  MLIRContext *ctx = module->getContext();
  registerBuiltinDialectTranslation(*ctx);
  registerLLVMDialectTranslation(*ctx);
  registerOpenMPDialectTranslation(*ctx);
  {
    // GPU programs: gpu-module-to-binary and the gpu.binary's host side.
    DialectRegistry translations;
    registerAllToLLVMIRTranslations(translations);
    ctx->appendDialectRegistry(translations);
  }
  {
    llvm::raw_string_ostream os(error);
    ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &diag) {
      os << diag.getLocation() << ": " << diag << "\n";
      return success();
    });
    PassManager pm(ctx);
    buildPipeline(pm);
    if (failed(pm.run(module))) {
      error = "lowering failed:\n" + error;
      return failure();
    }
  }
  error.clear();

  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder) {
    error = llvm::toString(builder.takeError());
    return failure();
  }
  builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  if (getTargetCPU() != "host") {
    builder->setCPU(getTargetCPU());
    builder->setFeatures("");
  }
  auto tm = builder->createTargetMachine();
  if (!tm) {
    error = llvm::toString(tm.takeError());
    return failure();
  }
  auto transformer = makeOptimizingTransformer(3, 0, tm->get());
  ExecutionEngineOptions engineOptions;
  engineOptions.transformer = transformer;
  // memrefCopy and the printers, for programs (and upstream lowerings) that
  // call functions the process does not have.
  // The OpenMP runtime (LLVM's libomp) for parallel loops.
  bool needsRuntime = false, needsOpenMP = false, needsCuda = false;
  // LLVM's x86 backend legalizes some 16-bit float vector operations
  // (masked loads of bf16, for one) through __truncsfbf2, which
  // libmlir_c_runner_utils provides (through libmlir_float16_utils), as it
  // does for mlir-runner.
  auto isHalf = [](Type t) {
    Type e = getElementTypeOrSelf(t);
    return e.isBF16() || e.isF16();
  };
  module.walk([&](Operation *op) {
    if (op->getName().getDialectNamespace() == "omp")
      needsOpenMP = true;
    if (llvm::any_of(op->getResultTypes(), isHalf))
      needsRuntime = true;
    if (op->getName().getStringRef() == "gpu.binary")
      needsCuda = true;
    auto fn = dyn_cast<LLVM::LLVMFuncOp>(op);
    if (fn && fn.isExternal() &&
        !dlsym(RTLD_DEFAULT, fn.getSymName().str().c_str()))
      needsRuntime = true;
  });
  SmallVector<StringRef> libs;
  std::string cudaRuntime = getCudaRuntimePath();
  if (needsRuntime)
    libs.push_back(POOL_MLIR_C_RUNNER_UTILS);
  if (needsOpenMP)
    libs.push_back(POOL_OPENMP_RUNTIME);
  // The mgpu* entry points of the kernels' host code.
  if (needsCuda)
    libs.push_back(cudaRuntime);
  engineOptions.sharedLibPaths = libs;
  engineOptions.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  std::string diagnostics;
  llvm::raw_string_ostream os(diagnostics);
  ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &diag) {
    os << diag.getLocation() << ": " << diag << "\n";
    return success();
  });
  auto engine = ExecutionEngine::create(module, engineOptions, std::move(*tm));
  if (!engine) {
    error = "JIT compilation failed: " + llvm::toString(engine.takeError()) +
            "\n" + diagnostics;
    return failure();
  }
  auto jit = std::make_unique<JitModule>();
  jit->engine = std::move(*engine);
  return jit;
}

LogicalResult JitModule::call(StringRef name, const TensorSignature &sig,
                              ArrayRef<HostTensor> inputs,
                              std::vector<HostTensor> &outputs,
                              std::string &error) {
  if (inputs.size() != sig.args.size()) {
    error = llvm::formatv("@{0} takes {1} arguments, {2} given", name,
                          sig.args.size(), inputs.size());
    return failure();
  }
  // Each memref argument is passed expanded: allocated and aligned pointers,
  // offset, sizes, strides (row-major).
  std::vector<std::vector<int64_t>> descriptors;
  std::set<void *> ours;
  for (auto [type, input] : llvm::zip_equal(sig.args, inputs)) {
    if (static_cast<int64_t>(input.getShape().size()) != type.getRank()) {
      error = "input rank does not match the argument type";
      return failure();
    }
    for (auto [dim, size] : llvm::enumerate(input.getShape()))
      if (!type.isDynamicDim(dim) && type.getDimSize(dim) != size) {
        error = llvm::formatv("input shape does not match argument type "
                              "at dimension {0}",
                              dim);
        return failure();
      }
    std::vector<int64_t> d;
    auto ptr = reinterpret_cast<int64_t>(input.getData());
    ours.insert(input.getData());
    d = {ptr, ptr, 0};
    d.insert(d.end(), input.getShape().begin(), input.getShape().end());
    std::vector<int64_t> strides(input.getShape().size(), 1);
    for (int64_t i = static_cast<int64_t>(strides.size()) - 2; i >= 0; --i)
      strides[i] = strides[i + 1] * input.getShape()[i + 1];
    d.insert(d.end(), strides.begin(), strides.end());
    descriptors.push_back(std::move(d));
  }
  std::vector<void *> packed;
  for (std::vector<int64_t> &d : descriptors)
    for (int64_t &field : d)
      packed.push_back(&field);
  size_t resultWords = 0;
  for (RankedTensorType type : sig.results)
    resultWords += 3 + 2 * type.getRank();
  std::vector<int64_t> results(std::max<size_t>(resultWords, 1));
  if (!sig.results.empty())
    packed.push_back(results.data());

  if (llvm::Error err = engine->invokePacked(name, packed)) {
    error = llvm::toString(std::move(err));
    return failure();
  }

  outputs.clear();
  std::set<void *> freed;
  size_t offset = 0;
  for (RankedTensorType type : sig.results) {
    int64_t rank = type.getRank();
    auto *allocated = reinterpret_cast<void *>(results[offset]);
    auto *aligned = reinterpret_cast<uint8_t *>(results[offset + 1]);
    int64_t elemOffset = results[offset + 2];
    std::vector<int64_t> shape(results.begin() + offset + 3,
                               results.begin() + offset + 3 + rank);
    std::vector<int64_t> strides(results.begin() + offset + 3 + rank,
                                 results.begin() + offset + 3 + 2 * rank);
    offset += 3 + 2 * rank;
    ElemKind kind = *getElemKind(type.getElementType());
    HostTensor out(kind, shape);
    int64_t elemSize = getElemSize(kind);
    std::vector<int64_t> index(rank, 0);
    for (int64_t i = 0, e = out.getNumElements(); i < e; ++i) {
      int64_t src = elemOffset;
      for (int64_t d = 0; d < rank; ++d)
        src += index[d] * strides[d];
      std::memcpy(static_cast<uint8_t *>(out.getData()) + i * elemSize,
                  aligned + src * elemSize, elemSize);
      for (int64_t d = rank - 1; d >= 0; --d) {
        if (++index[d] < shape[d])
          break;
        index[d] = 0;
      }
    }
    outputs.push_back(std::move(out));
    if (allocated && !ours.count(allocated) && freed.insert(allocated).second)
      std::free(allocated);
  }
  return success();
}

FailureOr<std::function<void()>>
JitModule::bindInPlace(StringRef name, ArrayRef<HostTensor *> buffers,
                       std::string &error) {
  auto fn = engine->lookupPacked(name);
  if (!fn) {
    error = llvm::toString(fn.takeError());
    return failure();
  }
  // Descriptors and the pointers to their fields live in the callable.
  auto descriptors = std::make_shared<std::vector<std::vector<int64_t>>>();
  for (HostTensor *t : buffers) {
    auto ptr = reinterpret_cast<int64_t>(t->getData());
    std::vector<int64_t> d = {ptr, ptr, 0};
    d.insert(d.end(), t->getShape().begin(), t->getShape().end());
    std::vector<int64_t> strides(t->getShape().size(), 1);
    for (int64_t i = static_cast<int64_t>(strides.size()) - 2; i >= 0; --i)
      strides[i] = strides[i + 1] * t->getShape()[i + 1];
    d.insert(d.end(), strides.begin(), strides.end());
    descriptors->push_back(std::move(d));
  }
  auto packed = std::make_shared<std::vector<void *>>();
  for (std::vector<int64_t> &d : *descriptors)
    for (int64_t &field : d)
      packed->push_back(&field);
  void (*entry)(void **) = *fn;
  return std::function<void()>(
      [entry, descriptors, packed]() { entry(packed->data()); });
}

std::string JitModule::describeHost() {
  std::string cpu = getTargetCPU() != "host"
                        ? getTargetCPU()
                        : llvm::sys::getHostCPUName().str();
  std::string error;
  FailureOr<mlir::pool::VectorTarget> target =
      mlir::pool::getVectorTarget(getTargetCPU(), error);
  if (failed(target))
    return cpu;
  std::string isa = target->vectorBits >= 512   ? "AVX-512"
                    : target->vectorBits >= 256 ? "AVX/AVX2"
                                                : "SSE";
  return cpu + " (" + isa + ", " + std::to_string(target->vectorRegisters) +
         " vector registers)";
}

double pool_run::medianSeconds(int warmup, int repeat,
                               llvm::function_ref<void()> fn,
                               double minSample) {
  for (int i = 0; i < warmup; ++i)
    fn();
  auto seconds = [&](int64_t calls) {
    auto start = std::chrono::steady_clock::now();
    for (int64_t c = 0; c < calls; ++c)
      fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
               .count() /
           static_cast<double>(calls);
  };
  int64_t calls = 1;
  if (minSample > 0) {
    double once = std::max(seconds(1), 1e-9);
    calls = std::clamp<int64_t>(
        static_cast<int64_t>(std::ceil(minSample / once)), 1, 1 << 20);
  }
  std::vector<double> times;
  for (int i = 0; i < std::max(repeat, 1); ++i)
    times.push_back(seconds(calls));
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}
