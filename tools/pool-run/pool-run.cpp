//===- pool-run.cpp - JIT-run pool programs and check them ----------------===//
//
// Lowers a pool program with the pool-to-llvm pipeline, JIT-compiles it for
// the host, feeds it inputs (random with a seed, or .npy files), writes its
// outputs (.npy), checks them against the independent reference
// implementation, and times it. With --differential=N, runs the randomized
// differential tester instead.
//
//===----------------------------------------------------------------------===//

#include "Check.h"
#include "Differential.h"
#include "HostTensor.h"
#include "Runner.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/Dialect/Pool/Transforms/Passes.h"
#include "pool/InitAll.h"
#include "pool/Support/ParserGuard.h"
#ifdef POOL_HAVE_ONNX
#include "pool/Target/ONNX/ImportONNX.h"
#endif

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace pool_run;
namespace cl = llvm::cl;

static cl::OptionCategory category("pool-run options");
static cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input.mlir>"),
                                      cl::init(""), cl::cat(category));
static cl::opt<std::string> entry("entry",
                                  cl::desc("Function to run (default: the "
                                           "first function with a body)"),
                                  cl::init(""), cl::cat(category));
static cl::list<std::string>
    inputs("input", cl::desc("Input .npy files, one per argument in order"),
           cl::CommaSeparated, cl::cat(category));
static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("Shapes of random inputs with dynamic sizes, one per argument "
             "(e.g. 1x64x112x112)"),
    cl::CommaSeparated, cl::cat(category));
static cl::list<std::string>
    outputs("output", cl::desc("Write the results to these .npy files"),
            cl::CommaSeparated, cl::cat(category));
static cl::opt<uint64_t> seed("seed", cl::desc("Seed of random inputs"),
                              cl::init(1), cl::cat(category));
static cl::opt<bool> check("check",
                           cl::desc("Compare the results with the reference "
                                    "implementation; exit 1 on mismatch"),
                           cl::init(false), cl::cat(category));
static cl::opt<int>
    repeat("repeat",
           cl::desc("Time the kernel: median of N calls after warm-up, in "
                    "destination style on preallocated buffers (0: run once, "
                    "untimed)"),
           cl::init(0), cl::cat(category));
static cl::opt<std::string> dumpTimed(
    "dump-timed-module",
    cl::desc("With --repeat: write the module with the destination-style "
             "function the timed calls run, before lowering, to this file"),
    cl::init(""), cl::cat(category));
static cl::opt<bool> assertWindowFits(
    "assert-window-fits",
    cl::desc("Check dynamic sizes against the window at run time"),
    cl::init(true), cl::cat(category));
static cl::opt<bool> loopOrder(
    "loop-order",
    cl::desc("Run pool-loop-order in the pipeline (contiguous dimension "
             "innermost)"),
    cl::init(true), cl::cat(category));
static cl::opt<pool::PoolStrategy> strategy(
    "strategy",
    cl::desc("convert-pool-to-vector's algorithm. The differential tester "
             "runs every strategy and the linalg path unless --strategy or "
             "--vectorize is given"),
    cl::init(pool::PoolStrategy::Auto), pool::getPoolStrategyValues(),
    cl::cat(category));
static cl::opt<bool>
    vectorize("vectorize",
              cl::desc("Lower with convert-pool-to-vector (default); "
                       "--vectorize=false takes the linalg path"),
              cl::init(true), cl::cat(category));
static cl::opt<pool::PoolLoweringPath> path(
    "path",
    cl::desc("CPU lowering path: vector (default), linalg (as "
             "--vectorize=false) or affine (convert-pool-to-affine and "
             "upstream's affine vectorizer). With --differential, runs that "
             "path only"),
    cl::init(pool::PoolLoweringPath::Vector), pool::getPoolLoweringPathValues(),
    cl::cat(category));
static cl::opt<std::string>
    schedule("schedule",
             cl::desc("A transform-dialect schedule (transform.named_sequence "
                      "@__transform_main) applied before the CPU lowering "
                      "(--pool-to-llvm=schedule=FILE)"),
             cl::value_desc("file"), cl::init(""), cl::cat(category));
static cl::opt<RunTarget> target(
    "target",
    cl::desc("Where the program runs: cpu (default), cuda (a GPU, through "
             "--pool-to-nvvm and libpool_cuda_runtime.so) or gpu-emulation "
             "(the same GPU kernels executed on the CPU). The differential "
             "tester takes it too"),
    cl::init(RunTarget::Cpu), getRunTargetValues(), cl::cat(category));
static cl::opt<unsigned>
    threads("num-threads",
            cl::desc("Threads of the kernel (pool-to-llvm's threads option). "
                     "Default 0: every core (OpenMP); 1: serial code"),
            cl::init(0), cl::cat(category));
static cl::opt<int64_t> minParallelBytes(
    "min-parallel-bytes",
    cl::desc("pool-to-llvm's min-parallel-bytes: ops moving fewer bytes run "
             "on one thread (-1: the cost model's threshold; 0: every op "
             "parallel)"),
    cl::init(-1), cl::cat(category));
static cl::opt<int64_t> differential(
    "differential",
    cl::desc("Run the randomized differential tester on N configurations "
             "(seeds --seed .. --seed+N-1)"),
    cl::init(0), cl::cat(category));
static cl::opt<int64_t> batch("batch",
                              cl::desc("Differential: configurations per "
                                       "compiled module"),
                              cl::init(40), cl::cat(category));
static cl::opt<std::string>
    dumpDir("dump-failures",
            cl::desc("Differential: write failing cases to this directory"),
            cl::init(""), cl::cat(category));
static cl::opt<std::string> targetCPU(
    "target-cpu",
    cl::desc("CPU to compile for (default: the host, with its features; "
             "e.g. x86-64-v2 for valgrind)"),
    cl::init("host"), cl::cat(category));
static cl::opt<bool> verbose("v", cl::desc("Print every passing case"),
                             cl::init(false), cl::cat(category));

static std::string formatShape(ArrayRef<int64_t> shape, ElemKind kind) {
  std::string s = "tensor<";
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + getElemName(kind).str() + ">";
}

static std::string preview(const HostTensor &t, int64_t count = 8) {
  std::string s = "[";
  int64_t n = std::min(count, t.getNumElements());
  for (int64_t i = 0; i < n; ++i) {
    if (i)
      s += ", ";
    s += isFloatKind(t.getKind())
             ? llvm::formatv("{0:g4}", t.getDouble(i)).str()
             : std::to_string(t.getInt(i));
  }
  return s + (t.getNumElements() > n ? ", ...]" : "]");
}

static FailureOr<std::vector<int64_t>> parseShape(StringRef text) {
  std::vector<int64_t> shape;
  SmallVector<StringRef> parts;
  text.split(parts, 'x');
  for (StringRef p : parts) {
    int64_t v;
    if (p.getAsInteger(10, v) || v < 0)
      return failure();
    shape.push_back(v);
  }
  return shape;
}

/// The first passes of pool-to-llvm (which runs them again): pool op
/// results get their inferred types, with casts to the declared ones.
static LogicalResult inferShapes(ModuleOp module, std::string &error) {
  PassManager pm(module.getContext());
  pm.addNestedPass<func::FuncOp>(pool::createPoolInferShapes());
  pm.addPass(createCanonicalizerPass());
  if (failed(pm.run(module))) {
    error = "pool-infer-shapes failed";
    return failure();
  }
  return success();
}

static int fail(const Twine &message) {
  llvm::errs() << "pool-run: " << message << "\n";
  return 1;
}

/// The lowering the flags select (--target, --path, --vectorize,
/// --strategy).
static Lowering selectedLowering() {
  Lowering l;
  l.target = target;
  l.strategy = strategy;
  l.path = path == pool::PoolLoweringPath::Vector && !vectorize
               ? pool::PoolLoweringPath::Linalg
               : path.getValue();
  return l;
}

static int runFile(MLIRContext &ctx) {
  llvm::SourceMgr sourceMgr;
  std::string error;
  auto file = openInputFile(inputFile, &error);
  if (!file)
    return fail(error);
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &ctx);
  OwningOpRef<ModuleOp> module;
  if (StringRef(inputFile).ends_with(".onnx")) {
#ifdef POOL_HAVE_ONNX
    const llvm::MemoryBuffer *buffer =
        sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
    module = pool::importOnnxModel(buffer->getBuffer(), inputFile, &ctx);
#else
    return fail("this pool-run was built without ONNX (libonnx-dev)");
#endif
  } else {
    if (pool::diagnoseIndexDenseArray(sourceMgr))
      return 1;
    module = parseSourceFile<ModuleOp>(sourceMgr, &ctx);
  }
  if (!module)
    return 1;

  func::FuncOp func;
  for (auto f : module->getOps<func::FuncOp>())
    if (!f.isExternal() && (entry.empty() ? !func : f.getSymName() == entry))
      func = f;
  if (!func)
    return fail(entry.empty() ? "no function with a body"
                              : "no function @" + entry);
  FailureOr<TensorSignature> sig = getTensorSignature(func, error);
  if (failed(sig))
    return fail(error);

  llvm::outs() << "pool-run: @" << func.getSymName() << " from " << inputFile
               << "\n";
  for (Operation &op : func.getBody().front())
    if (isa<pool::PoolOpInterface>(op)) {
      llvm::outs() << "  ";
      op.print(llvm::outs(), OpPrintingFlags().printGenericOpForm(false));
      llvm::outs() << "\n";
    }

  std::vector<HostTensor> args;
  for (auto [i, type] : llvm::enumerate(sig->args)) {
    ElemKind kind = *getElemKind(type.getElementType());
    if (i < inputs.size()) {
      FailureOr<HostTensor> t = readNpy(inputs[i], kind, error);
      if (failed(t))
        return fail(error);
      args.push_back(*t);
      llvm::outs() << "  input #" << i << ": "
                   << formatShape(t->getShape(), kind) << " from " << inputs[i]
                   << "\n";
      continue;
    }
    std::vector<int64_t> shape(type.getShape().begin(), type.getShape().end());
    if (i < inputShapes.size()) {
      FailureOr<std::vector<int64_t>> s = parseShape(inputShapes[i]);
      if (failed(s) || s->size() != shape.size())
        return fail("--input-shape '" + inputShapes[i] +
                    "' does not match the rank of argument #" +
                    std::to_string(i));
      shape = *s;
    } else if (!type.hasStaticShape()) {
      return fail("argument #" + std::to_string(i) +
                  " has dynamic sizes: give its shape with --input-shape");
    }
    if (failed(checkHostShape(shape, kind, error)))
      return fail("argument #" + std::to_string(i) + ": " + error);
    HostTensor t(kind, shape);
    std::mt19937_64 rng(seed + i);
    t.fillRandom(rng);
    llvm::outs() << "  input #" << i << ": " << formatShape(shape, kind)
                 << ", random (seed " << seed + i << ")\n";
    args.push_back(t);
  }

  // The reference reads the program as written, before lowering.
  OwningOpRef<ModuleOp> lowered = module->clone();
  // --repeat times a destination-style copy of the function (Runner.h), so
  // that the timed calls run the kernel alone: no result allocation, no
  // copy-out.
  constexpr StringLiteral timedName = "__pool_run_in_destination";
  bool timeInPlace = false;
  std::string notInPlace;
  if (repeat > 0) {
    if (lowered->lookupSymbol(timedName))
      notInPlace = "@" + timedName.str() + " exists";
    else
      timeInPlace = succeeded(inferShapes(*lowered, notInPlace)) &&
                    succeeded(addDestinationStyleWrapper(
                        lowered->lookupSymbol<func::FuncOp>(func.getSymName()),
                        timedName, notInPlace));
    if (timeInPlace && !dumpTimed.empty()) {
      auto out = openOutputFile(dumpTimed, &error);
      if (!out)
        return fail(error);
      lowered->print(out->os());
      out->keep();
    }
  }
  pool::PoolPipelineOptions pipeline;
  pipeline.assertWindowFits = assertWindowFits;
  pipeline.loopOrder = loopOrder;
  pipeline.threads = threads;
  pipeline.minParallelBytes = minParallelBytes;
  pipeline.schedule = schedule;
  Lowering lowering = selectedLowering();
  lowering.applyTo(pipeline);
  FailureOr<std::unique_ptr<JitModule>> jit =
      JitModule::compile(*lowered, lowering, pipeline, error);
  if (failed(jit))
    return fail(error);
  if (target == RunTarget::Cpu)
    llvm::outs() << "  lowered with --pool-to-llvm ("
                 << (lowering.path == pool::PoolLoweringPath::Vector
                         ? "vector path, strategy " +
                               pool::stringifyPoolStrategy(strategy).str()
                         : lowering.getName() + " path")
                 << ", threads "
                 << (threads == 0 ? std::string("0 = every core")
                                  : std::to_string(threads))
                 << "), JIT-compiled for " << JitModule::describeHost() << "\n";
  else if (target == RunTarget::Cuda)
    llvm::outs() << "  lowered with --pool-to-nvvm (sm_90 fatbin, host code "
                    "JIT-compiled, libpool_cuda_runtime.so)\n";
  else
    llvm::outs() << "  lowered with --pool-to-gpu-emulation (the GPU kernels "
                    "run on the CPU), JIT-compiled for "
                 << JitModule::describeHost() << "\n";

  std::vector<HostTensor> results;
  if (failed((*jit)->call(func.getSymName(), *sig, args, results, error)))
    return fail(error);
  for (auto [i, r] : llvm::enumerate(results))
    llvm::outs() << "  output #" << i << ": "
                 << formatShape(r.getShape(), r.getKind()) << " " << preview(r)
                 << "\n";

  if (repeat > 0) {
    int64_t bytes = 0;
    for (const HostTensor &t : args)
      bytes += t.getSizeInBytes();
    for (const HostTensor &t : results)
      bytes += t.getSizeInBytes();
    int warmup = std::min<int>(repeat, 5);
    double seconds;
    std::string what;
    if (timeInPlace) {
      // Output buffers of the sizes the first call returned, allocated once.
      std::vector<HostTensor> outBuffers;
      std::vector<HostTensor *> buffers;
      for (const HostTensor &r : results)
        outBuffers.emplace_back(r.getKind(), r.getShape());
      for (HostTensor &t : args)
        buffers.push_back(&t);
      for (HostTensor &t : outBuffers)
        buffers.push_back(&t);
      FailureOr<std::function<void()>> kernel =
          (*jit)->bindInPlace(timedName, buffers, error);
      if (failed(kernel))
        return fail(error);
      seconds = medianSeconds(warmup, repeat, *kernel);
      // The timed kernel computed what the first call returned.
      for (auto [i, r] : llvm::enumerate(results)) {
        Tolerance tol = isFloatKind(r.getKind())
                            ? getAverageTolerance(r.getKind())
                            : Tolerance();
        Comparison cmp = compare(outBuffers[i], r, tol);
        if (!cmp.ok())
          return fail(llvm::formatv("output #{0} of the timed calls differs "
                                    "from the first call's: {1}",
                                    i, cmp.firstMismatch)
                          .str());
      }
      what = "the kernel alone, in destination style on preallocated buffers";
    } else {
      std::vector<HostTensor> scratch;
      seconds = medianSeconds(warmup, repeat, [&]() {
        (void)(*jit)->call(func.getSymName(), *sig, args, scratch, error);
      });
      what = "with result allocation and copy-out (" + notInPlace + ")";
    }
    llvm::outs() << llvm::formatv(
        "  time: median of {0} calls after {1} warm-up: {2:f3} ms per call, "
        "{3:f2} GB/s of inputs and outputs; {4}\n",
        repeat.getValue(), warmup, seconds * 1e3, bytes / seconds / 1e9, what);
  }

  for (auto [i, path] : llvm::enumerate(outputs)) {
    if (i >= results.size())
      return fail("more --output files than results");
    if (failed(writeNpy(path, results[i], error)))
      return fail(error);
    llvm::outs() << "  wrote output #" << i << " to " << path << "\n";
  }

  if (!check)
    return 0;
  std::vector<HostTensor> expected;
  if (failed(evaluateReference(func, args, expected, error)))
    return fail(error);
  // A result straight from a max pooling of an argument must match exactly;
  // anything that went through an average gets the average's tolerance.
  bool anyAverage = false;
  func.walk(
      [&](pool::PoolOpInterface op) { anyAverage |= !op.getSpec().isMax(); });
  Operation *terminator = func.getBody().front().getTerminator();
  bool ok = true;
  for (auto [i, got] : llvm::enumerate(results)) {
    auto producer =
        terminator->getOperand(i).getDefiningOp<pool::PoolOpInterface>();
    bool exact = producer ? producer.getSpec().isMax() &&
                                !producer.getInput().getDefiningOp()
                          : !anyAverage;
    Tolerance tol = exact ? Tolerance() : getAverageTolerance(got.getKind());
    Comparison cmp = compare(got, expected[i], tol);
    llvm::outs() << llvm::formatv(
        "  check output #{0} against the reference: {1} elements, max abs "
        "error {2:e2} (tolerance {3:e1} + {4:e1}*|x|): {5}\n",
        i, got.getNumElements(), cmp.maxAbsError, tol.atol, tol.rtol,
        cmp.ok() ? "PASS" : "FAIL");
    if (!cmp.ok()) {
      llvm::outs() << "    " << cmp.mismatches
                   << " mismatches; first: " << cmp.firstMismatch << "\n";
      ok = false;
    }
  }
  return ok ? 0 : 1;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  // A failed run-time check in a kernel aborts the process; unbuffered
  // output keeps its message.
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  // The CUDA runtime library exits on a driver error: nothing may wait in
  // a buffer.
  llvm::outs().SetUnbuffered();
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "pool-run: JIT-run pool programs, check them against the reference, "
      "time them\n");

  if (std::string error; failed(JitModule::setTargetCPU(targetCPU, error)))
    return fail("--target-cpu: " + error);
  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  pool::registerAllPoolDialects(registry);

  if (differential > 0) {
    DifferentialOptions options;
    options.seed = seed;
    options.count = differential;
    options.batch = std::max<int64_t>(batch, 1);
    options.assertWindowFits = assertWindowFits;
    options.threads = threads;
    options.minParallelBytes = minParallelBytes;
    if (target != RunTarget::Cpu || strategy.getNumOccurrences() ||
        vectorize.getNumOccurrences() || path.getNumOccurrences())
      options.lowerings = {selectedLowering()};
    options.verbose = verbose;
    options.dumpDir = dumpDir;
    return runDifferential(registry, options) == 0 ? 0 : 1;
  }
  if (inputFile.empty())
    return fail("no input file (see --help)");
  MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  return runFile(ctx);
}
