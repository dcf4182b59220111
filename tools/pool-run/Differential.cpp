//===- Differential.cpp - Randomized differential testing -----------------===//

#include "Differential.h"

#include "Check.h"
#include "Runner.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <random>
#include <sstream>

using namespace mlir;
using namespace pool_run;

namespace {
/// One drawn configuration: a function holding one pool op, its input shape
/// and the reference's view of it.
struct Case {
  uint64_t seed = 0;
  std::string name, text, category;
  ElemKind kind = ElemKind::F32;
  std::vector<int64_t> inShape;
  bool specials = false;
};

class Drawer {
public:
  explicit Drawer(uint64_t seed) : rng(seed) {}
  int64_t pick(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  }
  bool chance(double p) {
    return std::uniform_real_distribution<double>(0, 1)(rng) < p;
  }
  /// A spatial size: 1, a prime, just the window, a bit more, or anything.
  int64_t size(int64_t span, int64_t cap) {
    static const int64_t primes[] = {2, 3, 5, 7, 11, 13};
    switch (pick(0, 4)) {
    case 0:
      return 1;
    case 1:
      return std::min(span, cap);
    case 2:
      return std::min(primes[pick(0, 5)], cap);
    case 3:
      return std::min(span + pick(0, 2), cap);
    default:
      return pick(1, cap);
    }
  }
  std::mt19937_64 rng;
};
} // namespace

static std::string formatArray(ArrayRef<int64_t> values) {
  std::string s = "array<i64: ";
  for (auto [i, v] : llvm::enumerate(values))
    s += (i ? ", " : "") + std::to_string(v);
  return s + ">";
}

static std::string formatTensor(ArrayRef<int64_t> shape,
                                const std::vector<bool> &dynamic,
                                ElemKind kind) {
  std::string s = "tensor<";
  for (auto [i, d] : llvm::enumerate(shape))
    s += (dynamic[i] ? std::string("?") : std::to_string(d)) + "x";
  return s + getElemName(kind).str() + ">";
}

/// Draws the configuration of `seed`; configurations the reference rejects
/// are redrawn, so every case is valid by the documented semantics.
static Case drawCase(uint64_t seed) {
  Drawer d(seed);
  for (;;) {
    Case c;
    c.seed = seed;
    c.name = "case_" + std::to_string(seed);
    poolref::Config cfg;
    int64_t kindPick = d.pick(0, 9);
    static const poolref::Kind kinds[] = {
        poolref::Kind::Max,         poolref::Kind::Max,
        poolref::Kind::Max,         poolref::Kind::Avg,
        poolref::Kind::Avg,         poolref::Kind::Avg,
        poolref::Kind::GlobalMax,   poolref::Kind::GlobalAvg,
        poolref::Kind::AdaptiveMax, poolref::Kind::AdaptiveAvg};
    static const char *opNames[] = {
        "max", "max",        "max",        "avg",          "avg",
        "avg", "global_max", "global_avg", "adaptive_max", "adaptive_avg"};
    cfg.kind = kinds[kindPick];
    std::string opName = opNames[kindPick];
    bool isMax = cfg.kind == poolref::Kind::Max ||
                 cfg.kind == poolref::Kind::GlobalMax ||
                 cfg.kind == poolref::Kind::AdaptiveMax;
    bool isLocal =
        cfg.kind == poolref::Kind::Max || cfg.kind == poolref::Kind::Avg;
    bool isAdaptive = cfg.kind == poolref::Kind::AdaptiveMax ||
                      cfg.kind == poolref::Kind::AdaptiveAvg;
    int64_t n = d.pick(1, 3);
    cfg.channelsLast = d.chance(0.5);
    if (isMax && d.chance(0.2)) {
      static const ElemKind ints[] = {ElemKind::I8, ElemKind::I16,
                                      ElemKind::I32, ElemKind::I64};
      c.kind = ints[d.pick(0, 3)];
    } else {
      static const ElemKind floats[] = {ElemKind::F32,  ElemKind::F32,
                                        ElemKind::F32,  ElemKind::F16,
                                        ElemKind::BF16, ElemKind::F64};
      c.kind = floats[d.pick(0, 5)];
    }
    int64_t cap = n == 3 ? 7 : 12;
    std::vector<int64_t> spatial(n);
    std::string attrs;
    if (isLocal) {
      // Some 1-D and 2-D windows are wide and slide by one over longer
      // rows: the vector lowering shares reads and combines between their
      // consecutive outputs (blocks, half-vector groups).
      bool wide = n <= 2 && d.chance(0.15);
      // Others slide by two along a long last dimension: interior blocks
      // of strided windows (RowLowering::stridedReads: bf16 pairs, the
      // reads around each tap) need rows of two vectors of outputs and more.
      bool strided = !wide && n <= 2 && d.chance(0.12);
      bool hasStrides = wide || strided || d.chance(0.8),
           hasDilations = !wide && d.chance(0.6);
      for (int64_t i = 0; i < n; ++i) {
        int64_t k = wide ? d.pick(2, 20) : d.pick(1, n == 3 ? 3 : 4);
        int64_t dil = hasDilations && d.chance(0.5) ? d.pick(2, 3) : 1;
        bool longRow = strided && i == n - 1;
        cfg.kernel.push_back(k);
        cfg.dilations.push_back(dil);
        cfg.strides.push_back(wide         ? 1
                              : longRow    ? 2
                              : hasStrides ? d.pick(1, 3)
                                           : k);
        int64_t span = (k - 1) * dil + 1;
        spatial[i] = wide      ? d.pick(k, k + 40)
                     : longRow ? d.pick(span, span + 70)
                               : d.size(span, cap);
      }
      int64_t padPick = d.pick(0, 9);
      cfg.autoPad = padPick < 5   ? poolref::AutoPad::Explicit
                    : padPick < 7 ? poolref::AutoPad::Valid
                    : padPick < 9 ? poolref::AutoPad::SameUpper
                                  : poolref::AutoPad::SameLower;
      bool hasPadding =
          cfg.autoPad == poolref::AutoPad::Explicit && d.chance(0.6);
      if (hasPadding)
        for (int64_t i = 0; i < 2 * n; ++i) {
          int64_t span = (cfg.kernel[i % n] - 1) * cfg.dilations[i % n] + 1;
          cfg.padding.push_back(d.chance(0.3) ? 0 : d.pick(0, span - 1));
        }
      cfg.ceilMode = d.chance(0.35);
      cfg.countIncludePad = !isMax && d.chance(0.5);
      attrs = "kernel = " + formatArray(cfg.kernel);
      if (hasStrides)
        attrs += ", strides = " + formatArray(cfg.strides);
      if (hasDilations)
        attrs += ", dilations = " + formatArray(cfg.dilations);
      if (hasPadding)
        attrs += ", padding = " + formatArray(cfg.padding);
      static const char *padNames[] = {"explicit", "valid", "same_upper",
                                       "same_lower"};
      if (cfg.autoPad != poolref::AutoPad::Explicit)
        attrs += std::string(", auto_pad = #pool.auto_pad<") +
                 padNames[static_cast<int>(cfg.autoPad)] + ">";
      if (cfg.ceilMode)
        attrs += ", ceil_mode = true";
      if (cfg.countIncludePad)
        attrs += ", count_include_pad = true";
      c.category = (isMax ? "max" : "avg") + std::to_string(n) + "d";
    } else if (isAdaptive) {
      for (int64_t i = 0; i < n; ++i) {
        spatial[i] = d.pick(1, cap);
        cfg.outputSize.push_back(d.pick(1, spatial[i] + 3));
      }
      attrs = "output_size = " + formatArray(cfg.outputSize);
      c.category = opName + std::to_string(n) + "d";
    } else {
      for (int64_t i = 0; i < n; ++i)
        spatial[i] = d.pick(1, 9);
      cfg.keepDims = d.chance(0.5);
      c.category = opName + std::to_string(n) + "d";
    }
    attrs += std::string(attrs.empty() ? "" : ", ") + "layout = #pool.layout<" +
             (cfg.channelsLast ? "channels_last" : "channels_first") + ">";
    if (cfg.keepDims)
      attrs += ", keep_dims = true";

    int64_t batch = d.pick(1, 2);
    // Global ops also draw channels wider than a register chunk (on AVX2,
    // 32 f32 maxima), whose tasks stream through several chunks per position.
    static const int64_t channelChoices[] = {1, 2, 3, 5};
    static const int64_t globalChannelChoices[] = {1, 3, 40, 300};
    int64_t channels = isLocal || isAdaptive
                           ? channelChoices[d.pick(0, 3)]
                           : globalChannelChoices[d.pick(0, 3)];
    c.inShape = {batch};
    if (!cfg.channelsLast)
      c.inShape.push_back(channels);
    c.inShape.insert(c.inShape.end(), spatial.begin(), spatial.end());
    if (cfg.channelsLast)
      c.inShape.push_back(channels);

    std::vector<int64_t> outShape;
    if (!poolref::outputShape(cfg, c.inShape, outShape))
      continue;

    bool dynamic = d.chance(0.3);
    std::vector<bool> inDynamic(c.inShape.size(), false);
    if (dynamic)
      for (size_t i = 0; i < inDynamic.size(); ++i)
        inDynamic[i] = d.chance(0.5);
    std::vector<bool> outDynamic(outShape.size(), dynamic);
    // NaN and infinities: a global op reduces many elements into each
    // output, so it draws them more often.
    c.specials =
        isFloatKind(c.kind) && d.chance(isLocal || isAdaptive ? 0.2 : 0.5);
    if (dynamic)
      c.category += "-dyn";
    c.category += "-" + getElemName(c.kind).str();

    std::string inType = formatTensor(c.inShape, inDynamic, c.kind);
    std::string outType = formatTensor(outShape, outDynamic, c.kind);
    std::ostringstream os;
    os << "func.func @" << c.name << "(%arg0: " << inType << ") -> " << outType
       << " {\n  %0 = pool." << opName << " %arg0 {" << attrs
       << "} : " << inType << " -> " << outType << "\n  return %0 : " << outType
       << "\n}\n";
    c.text = os.str();
    return c;
  }
}

namespace {
struct Prepared {
  Case c;
  OwningOpRef<ModuleOp> original;
  TensorSignature sig;
};
} // namespace

int64_t pool_run::runDifferential(const DialectRegistry &registry,
                                  const DifferentialOptions &options) {
  int64_t passed = 0, failures = 0;
  std::map<std::string, int64_t> categories;
  Lowering variant;
  auto report = [&](const Case &c, const std::string &what) {
    ++failures;
    llvm::outs() << "MISMATCH seed " << c.seed << " (" << c.category
                 << ", lowering " << variant.getName() << "): " << what
                 << "\n  replay: pool-run --differential=1 "
                 << "--seed=" << c.seed << " " << variant.getFlags() << "\n"
                 << c.text;
    if (!options.dumpDir.empty()) {
      llvm::sys::fs::create_directories(options.dumpDir);
      std::error_code ec;
      llvm::raw_fd_ostream out(options.dumpDir + "/" + c.name + ".mlir", ec);
      if (!ec)
        out << c.text;
    }
  };

  for (int64_t start = 0; start < options.count; start += options.batch) {
    int64_t end = std::min(options.count, start + options.batch);
    MLIRContext ctx(registry);
    ctx.loadAllAvailableDialects();
    std::vector<Prepared> cases;
    OwningOpRef<ModuleOp> batch = ModuleOp::create(UnknownLoc::get(&ctx));
    for (int64_t i = start; i < end; ++i) {
      Prepared p;
      p.c = drawCase(options.seed + i);
      std::string diagText;
      {
        llvm::raw_string_ostream os(diagText);
        ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &diag) {
          os << diag << "; ";
          return success();
        });
        p.original = parseSourceString<ModuleOp>(p.c.text, &ctx);
      }
      if (!p.original) {
        report(p.c, "the verifier rejects a configuration the reference "
                    "accepts: " +
                        diagText);
        continue;
      }
      auto func = cast<func::FuncOp>(p.original->getBody()->front());
      std::string error;
      p.sig = *getTensorSignature(func, error);
      batch->getBody()->push_back(func->clone());
      cases.push_back(std::move(p));
    }

    for (const Lowering &v : options.lowerings) {
      variant = v;
      std::string error;
      pool::PoolPipelineOptions pipeline;
      pipeline.assertWindowFits = options.assertWindowFits;
      pipeline.threads = options.threads;
      pipeline.minParallelBytes = options.minParallelBytes;
      FailureOr<std::unique_ptr<JitModule>> batchJit =
          JitModule::compile(*batch, variant, pipeline, error);
      for (Prepared &p : cases) {
        // When the batch does not compile, each case compiles alone to find
        // the culprits.
        std::unique_ptr<JitModule> single;
        JitModule *jit = succeeded(batchJit) ? batchJit->get() : nullptr;
        if (!jit) {
          OwningOpRef<ModuleOp> alone = p.original->clone();
          FailureOr<std::unique_ptr<JitModule>> compiled =
              JitModule::compile(*alone, variant, pipeline, error);
          if (failed(compiled)) {
            report(p.c, "compiling failed: " + error);
            continue;
          }
          single = std::move(*compiled);
          jit = single.get();
        }
        std::mt19937_64 rng(p.c.seed * 7919 + 17);
        HostTensor input(p.c.kind, p.c.inShape);
        input.fillRandom(rng, p.c.specials);
        std::vector<HostTensor> got, want;
        bool ran = succeeded(jit->call(p.c.name, p.sig, {input}, got, error));
        if (!ran && !single) {
          // A batch whose code does not link (a missing runtime symbol) fails
          // every call: compile the case alone to tell which one it is.
          OwningOpRef<ModuleOp> alone = p.original->clone();
          FailureOr<std::unique_ptr<JitModule>> compiled =
              JitModule::compile(*alone, variant, pipeline, error);
          if (succeeded(compiled)) {
            single = std::move(*compiled);
            ran = succeeded(single->call(p.c.name, p.sig, {input}, got, error));
          }
        }
        if (!ran) {
          report(p.c, "running failed: " + error);
          continue;
        }
        auto func = cast<func::FuncOp>(p.original->getBody()->front());
        if (failed(evaluateReference(func, {input}, want, error))) {
          report(p.c, "reference failed: " + error);
          continue;
        }
        auto poolOp = *func.getOps<pool::PoolOpInterface>().begin();
        Tolerance tol = poolOp.getSpec().isMax()
                            ? Tolerance()
                            : getAverageTolerance(p.c.kind);
        Comparison cmp = compare(got[0], want[0], tol);
        if (!cmp.ok()) {
          report(p.c, llvm::formatv("{0} elements differ; first: {1}",
                                    cmp.mismatches, cmp.firstMismatch));
          continue;
        }
        ++passed;
        ++categories[p.c.category.substr(0, p.c.category.find('-'))];
        if (options.verbose)
          llvm::outs() << "ok seed " << p.c.seed << " (" << p.c.category
                       << ")\n";
      }
    }
  }
  llvm::outs() << "differential: " << options.count << " configurations, seeds "
               << options.seed << ".." << options.seed + options.count - 1
               << ", lowerings ";
  for (auto [i, l] : llvm::enumerate(options.lowerings))
    llvm::outs() << (i ? ", " : "") << l.getName();
  llvm::outs() << ", threads " << options.threads;
  if (options.minParallelBytes >= 0)
    llvm::outs() << ", min-parallel-bytes " << options.minParallelBytes;
  llvm::outs() << ", planned for " << JitModule::describeHost()
               << "\n  passed (configuration x lowering) by op: ";
  bool first = true;
  for (auto &[name, count] : categories) {
    llvm::outs() << (first ? "" : ", ") << name << " " << count;
    first = false;
  }
  llvm::outs() << "\n" << passed << " passed, " << failures << " failed\n";
  return failures;
}
