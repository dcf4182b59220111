//===- pool-bench.cpp - Pooling benchmarks against peers and the roofline -===//
//
// For each benchmark shape, in one process and for the given thread count:
// a streaming kernel over the same bytes (the memory roofline), oneDNN's
// pooling primitive (plain layout, and its blocked layout for channels-first
// data; only in builds that found oneDNN, POOL_HAVE_ONEDNN), upstream MLIR's
// own lowering (linalg named ops, tensor.pad,
// convert-linalg-to-loops, LLVM) and ours (--pool-to-llvm). Every compiled
// kernel's output is checked against the reference before it is timed.
// Prints a Markdown table: median times, GB/s, ratios.
//
//===----------------------------------------------------------------------===//

#include "Check.h"
#include "HostTensor.h"
#include "Runner.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"
#include "pool/InitAll.h"
#include "pool/Pipelines/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#if POOL_HAVE_ONEDNN
#include <oneapi/dnnl/dnnl.hpp>
#endif

#include <algorithm>
#include <dlfcn.h>
#include <optional>
#include <sstream>
#include <thread>

using namespace mlir;
using namespace pool_run;
namespace cl = llvm::cl;

static cl::OptionCategory category("pool-bench options");
static cl::opt<int>
    threads("num-threads",
            cl::desc("Threads for every kernel (1: serial code; N > 1: N "
                     "OpenMP threads for ours)"),
            cl::init(1), cl::cat(category));
static cl::opt<int> repeat("repeat", cl::desc("Timed runs (median)"),
                           cl::init(10), cl::cat(category));
static cl::opt<int> warmup("warmup", cl::desc("Untimed runs first"),
                           cl::init(3), cl::cat(category));
static cl::opt<std::string> filter("filter",
                                   cl::desc("Only shapes whose name has this"),
                                   cl::init(""), cl::cat(category));

namespace {
/// One benchmark: a pool op on an f32 input.
struct Bench {
  std::string name;
  std::string op;    // pool op mnemonic
  std::string attrs; // its attributes but layout
  bool channelsLast;
  std::vector<int64_t> in;
  // Window for oneDNN and the upstream lowering (local and global ops).
  std::vector<int64_t> kernel, strides, padBegin, padEnd;
};

std::string tensorType(ArrayRef<int64_t> shape, StringRef kind = "tensor") {
  std::string s = kind.str() + "<";
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + "f32>";
}

std::string layoutAttr(bool cl) {
  return std::string("layout = #pool.layout<") +
         (cl ? "channels_last" : "channels_first") + ">";
}

/// Our kernel in destination style: computes straight into %out.
std::string oursModule(const Bench &b, ArrayRef<int64_t> out) {
  std::string attrs = b.attrs.empty()
                          ? layoutAttr(b.channelsLast)
                          : b.attrs + ", " + layoutAttr(b.channelsLast);
  return llvm::formatv(
             "func.func @ours(%in: {0}, %out: {1}) {{\n"
             "  %x = bufferization.to_tensor %in restrict : {0} to {2}\n"
             "  %0 = pool.{4} %x {{{5}} : {2} -> {3}\n"
             "  bufferization.materialize_in_destination %0 in restrict "
             "writable %out : ({3}, {1}) -> ()\n  return\n}\n",
             tensorType(b.in, "memref"), tensorType(out, "memref"),
             tensorType(b.in), tensorType(out), b.op, attrs)
      .str();
}

/// Upstream MLIR's lowering of the same op, as a user of upstream would
/// write it: tensor.pad with the neutral value, the linalg named pooling op
/// (a generic where there is none), and a division for averages (PyTorch's
/// count_include_pad = True divisor: every benchmark average uses it).
std::optional<std::string> upstreamModule(const Bench &b,
                                          ArrayRef<int64_t> out) {
  bool isMax = b.op == "max" || b.op == "global_max";
  bool global = b.op.rfind("global", 0) == 0;
  if (b.op.rfind("adaptive", 0) == 0)
    return std::nullopt;
  int64_t n = b.in.size() - 2;
  std::string inT = tensorType(b.in), outT = tensorType(out);
  std::string neutral = isMax ? "0xFF800000" : "0.0";
  std::ostringstream os;
  os << "func.func @upstream(%in: " << tensorType(b.in, "memref")
     << ", %out: " << tensorType(out, "memref") << ") {\n"
     << "  %x = bufferization.to_tensor %in restrict : "
     << tensorType(b.in, "memref") << " to " << inT << "\n"
     << "  %neutral = arith.constant " << neutral << " : f32\n"
     << "  %e = tensor.empty() : " << outT << "\n"
     << "  %init = linalg.fill ins(%neutral : f32) outs(%e : " << outT
     << ") -> " << outT << "\n";
  std::string reduced;
  int64_t count = 1;
  if (global) {
    std::string dims;
    for (int64_t i = 0; i < n; ++i) {
      int64_t d = b.channelsLast ? 1 + i : 2 + i;
      dims += (i ? ", " : "") + std::to_string(d);
      count *= b.in[d];
    }
    os << "  %r = linalg.reduce ins(%x : " << inT << ") outs(%init : " << outT
       << ") dimensions = [" << dims << "]\n    (%a: f32, %acc: f32) {\n"
       << "      %m = " << (isMax ? "arith.maximumf" : "arith.addf")
       << " %a, %acc : f32\n      linalg.yield %m : f32\n    }\n";
    reduced = "%r";
  } else {
    std::vector<int64_t> padded = b.in;
    std::string low = "0, ", high = "0, ";
    if (!b.channelsLast) {
      low += "0, ";
      high += "0, ";
    }
    for (int64_t i = 0; i < n; ++i) {
      int64_t d = b.channelsLast ? 1 + i : 2 + i;
      padded[d] += b.padBegin[i] + b.padEnd[i];
      low += std::to_string(b.padBegin[i]) + ", ";
      high += std::to_string(b.padEnd[i]) + ", ";
      count *= b.kernel[i];
    }
    if (b.channelsLast) {
      low += "0, ";
      high += "0, ";
    }
    low.resize(low.size() - 2);
    high.resize(high.size() - 2);
    os << "  %p = tensor.pad %x low[" << low << "] high[" << high
       << "] {\n  ^bb0(";
    for (size_t i = 0; i < b.in.size(); ++i)
      os << (i ? ", " : "") << "%i" << i << ": index";
    os << "):\n    tensor.yield %neutral : f32\n  } : " << inT << " to "
       << tensorType(padded) << "\n";
    std::string kernelShape, strides;
    for (int64_t i = 0; i < n; ++i) {
      kernelShape += std::to_string(b.kernel[i]) + "x";
      strides += (i ? ", " : "") + std::to_string(b.strides[i]);
    }
    os << "  %w = tensor.empty() : tensor<" << kernelShape << "f32>\n";
    static const char *cf[] = {"", "ncw", "nchw", ""};
    static const char *clast[] = {"", "nwc", "nhwc", "ndhwc"};
    const char *layout = b.channelsLast ? clast[n] : cf[n];
    if (*layout) {
      os << "  %r = linalg.pooling_" << layout << "_" << (isMax ? "max" : "sum")
         << " {dilations = dense<1> : tensor<" << n
         << "xi64>, strides = dense<[" << strides << "]> : tensor<" << n
         << "xi64>} ins(%p, %w : " << tensorType(padded) << ", tensor<"
         << kernelShape << "f32>) outs(%init : " << outT << ") -> " << outT
         << "\n";
    } else {
      // NCDHW: no named op upstream.
      os << "  %r = linalg.generic {indexing_maps = [affine_map<(n, c, d, h, "
            "w, kd, kh, kw) -> (n, c, d * "
         << b.strides[0] << " + kd, h * " << b.strides[1] << " + kh, w * "
         << b.strides[2]
         << " + kw)>, affine_map<(n, c, d, h, w, kd, kh, kw) -> (kd, kh, "
            "kw)>, affine_map<(n, c, d, h, w, kd, kh, kw) -> (n, c, d, h, "
            "w)>], iterator_types = [\"parallel\", \"parallel\", "
            "\"parallel\", \"parallel\", \"parallel\", \"reduction\", "
            "\"reduction\", \"reduction\"]} ins(%p, %w : "
         << tensorType(padded) << ", tensor<" << kernelShape
         << "f32>) outs(%init : " << outT
         << ") {\n  ^bb0(%a: f32, %k: f32, %acc: f32):\n    %m = "
         << (isMax ? "arith.maximumf" : "arith.addf")
         << " %a, %acc : f32\n    linalg.yield %m : f32\n  } -> " << outT
         << "\n";
    }
    reduced = "%r";
  }
  std::string result = reduced;
  if (!isMax) {
    os << "  %div = arith.constant " << count << ".0 : f32\n"
       << "  %avg = linalg.map { arith.divf } ins(" << reduced
       << ", %dt : " << outT << ", " << outT << ") outs(%e : " << outT << ")\n";
    // The divisor as a tensor for linalg.map.
    std::string s = os.str();
    size_t at = s.find("  %avg =");
    s.insert(at, "  %dt = linalg.fill ins(%div : f32) outs(%e : " + outT +
                     ") -> " + outT + "\n");
    os.str(s);
    os.seekp(0, std::ios_base::end);
    result = "%avg";
  }
  os << "  bufferization.materialize_in_destination " << result
     << " in restrict writable %out : (" << outT << ", "
     << tensorType(out, "memref") << ") -> ()\n  return\n}\n";
  return os.str();
}

/// The stock upstream pipeline: bufferize, linalg to loops, LLVM.
void buildUpstreamPipeline(OpPassManager &pm) {
  // tensor.pad allocates a padded copy on every call; the deallocation in
  // the bufferization pipeline frees it.
  pool::buildBufferizationPipeline(pm);
  pool::buildLinalgLoopsToLLVMPipeline(pm);
}

/// Reads every input byte and writes every output byte once, with
/// `nthreads` threads: the memory roofline for the same bytes. The read is an
/// OR over 64-bit words (vectorizes to full-width loads), the write a fill.
void streamingKernel(const float *in, int64_t nIn, float *out, int64_t nOut,
                     int nthreads) {
  auto work = [&](int t, int nt) {
    const auto *words = reinterpret_cast<const uint64_t *>(in);
    int64_t nWords = nIn / 2;
    uint64_t acc = 0;
    for (int64_t i = nWords * t / nt, e = nWords * (t + 1) / nt; i < e; ++i)
      acc |= words[i];
    float value = static_cast<float>(acc & 1);
    std::fill(out + nOut * t / nt, out + nOut * (t + 1) / nt, value);
  };
  if (nthreads <= 1)
    return work(0, 1);
  std::vector<std::thread> pool;
  for (int t = 0; t < nthreads; ++t)
    pool.emplace_back(work, t, nthreads);
  for (std::thread &th : pool)
    th.join();
}

#if POOL_HAVE_ONEDNN
using dnnl::memory;
memory::format_tag plainTag(int64_t rank, bool cl) {
  switch (rank) {
  case 3:
    return cl ? memory::format_tag::nwc : memory::format_tag::ncw;
  case 4:
    return cl ? memory::format_tag::nhwc : memory::format_tag::nchw;
  default:
    return cl ? memory::format_tag::ndhwc : memory::format_tag::ncdhw;
  }
}
memory::format_tag blockedTag(int64_t rank) {
  return rank == 3   ? memory::format_tag::nCw16c
         : rank == 4 ? memory::format_tag::nChw16c
                     : memory::format_tag::nCdhw16c;
}

/// Dims in oneDNN's logical order (N, C, spatial...).
memory::dims logicalDims(ArrayRef<int64_t> shape, bool cl) {
  memory::dims d(shape.begin(), shape.end());
  if (cl) {
    d = {shape[0], shape.back()};
    d.insert(d.end(), shape.begin() + 1, shape.end() - 1);
  }
  return d;
}
#endif

struct Row {
  std::string name;
  double bytes = 0;
  std::optional<double> roofline, dnnlPlain, dnnlBlocked, upstream, ours;
  std::string notes;
};
} // namespace

static std::vector<Bench> getBenches() {
  std::vector<Bench> v;
  auto stem = [&](int64_t n, bool cl) {
    std::vector<int64_t> in = cl ? std::vector<int64_t>{n, 112, 112, 64}
                                 : std::vector<int64_t>{n, 64, 112, 112};
    v.push_back({llvm::formatv("stem max 3x3/2 p1 {0}x64x112x112 {1}", n,
                               cl ? "NHWC" : "NCHW"),
                 "max",
                 "kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, "
                 "padding = array<i64: 1, 1, 1, 1>",
                 cl,
                 in,
                 {3, 3},
                 {2, 2},
                 {1, 1},
                 {1, 1}});
  };
  stem(1, false), stem(1, true), stem(16, false), stem(16, true);
  for (int64_t n : {1, 64})
    for (bool cl : {false, true})
      v.push_back({llvm::formatv("global avg {0}x2048x7x7 {1}", n,
                                 cl ? "NHWC" : "NCHW"),
                   "global_avg",
                   "",
                   cl,
                   cl ? std::vector<int64_t>{n, 7, 7, 2048}
                      : std::vector<int64_t>{n, 2048, 7, 7},
                   {7, 7},
                   {1, 1},
                   {0, 0},
                   {0, 0}});
  v.push_back({"Keras AveragePooling1D(2) 32x1000x256 NWC",
               "avg",
               "kernel = array<i64: 2>",
               true,
               {32, 1000, 256},
               {2},
               {2},
               {0},
               {0}});
  for (auto [keras, op] : {std::pair<const char *, const char *>{
                               "GlobalMaxPooling1D", "global_max"},
                           {"GlobalAveragePooling1D", "global_avg"}})
    v.push_back({std::string(keras) + " 64x300x512 NWC",
                 op,
                 "",
                 true,
                 {64, 300, 512},
                 {300},
                 {1},
                 {0},
                 {0}});
  for (bool cl : {false, true}) {
    std::vector<int64_t> in = cl ? std::vector<int64_t>{1, 56, 56, 64}
                                 : std::vector<int64_t>{1, 64, 56, 56};
    // The 3x3 stride-1 baseline the large windows are measured against.
    v.push_back(
        {llvm::formatv("max 3x3/1 p1 1x64x56x56 {0}", cl ? "NHWC" : "NCHW"),
         "max",
         "kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, "
         "padding = array<i64: 1, 1, 1, 1>",
         cl,
         in,
         {3, 3},
         {1, 1},
         {1, 1},
         {1, 1}});
    v.push_back(
        {llvm::formatv("avg 7x7/1 p3 1x64x56x56 {0}", cl ? "NHWC" : "NCHW"),
         "avg",
         "kernel = array<i64: 7, 7>, strides = array<i64: 1, 1>, "
         "padding = array<i64: 3, 3, 3, 3>, count_include_pad = true",
         cl,
         in,
         {7, 7},
         {1, 1},
         {3, 3},
         {3, 3}});
    v.push_back(
        {llvm::formatv("max 9x9/1 p4 1x64x56x56 {0}", cl ? "NHWC" : "NCHW"),
         "max",
         "kernel = array<i64: 9, 9>, strides = array<i64: 1, 1>, "
         "padding = array<i64: 4, 4, 4, 4>",
         cl,
         in,
         {9, 9},
         {1, 1},
         {4, 4},
         {4, 4}});
  }
  v.push_back({"3-D max 2x2x2/2 8x64x16x56x56 NCDHW",
               "max",
               "kernel = array<i64: 2, 2, 2>",
               false,
               {8, 64, 16, 56, 56},
               {2, 2, 2},
               {2, 2, 2},
               {0, 0, 0},
               {0, 0, 0}});
  for (int64_t s : {14, 15})
    v.push_back({llvm::formatv("adaptive avg to 7x7 1x512x{0}x{0} NCHW", s),
                 "adaptive_avg",
                 "output_size = array<i64: 7, 7>",
                 false,
                 {1, 512, s, s},
                 {},
                 {},
                 {},
                 {}});
  return v;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "pool-bench: pooling kernels against the memory roofline, upstream "
      "MLIR's lowering and oneDNN (where built with it)\n");
  if (auto setThreads = reinterpret_cast<void (*)(int)>(
          dlsym(RTLD_DEFAULT, "omp_set_num_threads")))
    setThreads(threads);

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  pool::registerAllPoolDialects(registry);

#if POOL_HAVE_ONEDNN
  dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  dnnl::stream stream(engine);
#endif
  std::vector<Row> rows;
  for (const Bench &b : getBenches()) {
    if (!filter.empty() && b.name.find(filter) == std::string::npos)
      continue;
    MLIRContext ctx(registry);
    ctx.loadAllAvailableDialects();
    Row row;
    row.name = b.name;
    // Shapes and expected values from the reference.
    HostTensor input(ElemKind::F32, b.in);
    std::mt19937_64 rng(42);
    input.fillRandom(rng);
    std::string error;
    // The output shape: infer it by parsing the op with a dynamic result.
    std::vector<int64_t> outShape;
    {
      std::string attrs = b.attrs.empty()
                              ? layoutAttr(b.channelsLast)
                              : b.attrs + ", " + layoutAttr(b.channelsLast);
      std::string text = llvm::formatv(
          "func.func @f(%x: {0}) -> tensor<*xf32> {{\n  %0 = pool.{1} %x "
          "{{{2}} : {0} -> {3}\n  %1 = tensor.cast %0 : {3} to "
          "tensor<*xf32>\n  return %1 : tensor<*xf32>\n}\n",
          tensorType(b.in), b.op, attrs,
          "tensor<" + std::string(b.op.rfind("global", 0) == 0 ? "?x?" : "") +
              [&] {
                std::string s;
                if (b.op.rfind("global", 0) == 0)
                  return s;
                for (size_t i = 0; i < b.in.size(); ++i)
                  s += std::string(i ? "x" : "") + "?";
                return s;
              }() +
              "xf32>");
      OwningOpRef<ModuleOp> m = parseSourceString<ModuleOp>(text, &ctx);
      if (!m) {
        llvm::errs() << "cannot build " << b.name << "\n";
        return 1;
      }
      auto poolOp = *m->getBody()
                         ->front()
                         .getRegion(0)
                         .front()
                         .getOps<pool::PoolOpInterface>()
                         .begin();
      SmallVector<Type> inferred;
      (void)pool::inferPoolResultTypes(
          std::nullopt, poolOp.getSpec(),
          RankedTensorType::get(b.in, Float32Type::get(&ctx)), inferred);
      auto t = cast<RankedTensorType>(inferred.front());
      outShape.assign(t.getShape().begin(), t.getShape().end());
      std::vector<HostTensor> expected;
      if (failed(evaluateReference(cast<func::FuncOp>(m->getBody()->front()),
                                   {input}, expected, error))) {
        llvm::errs() << error << "\n";
        return 1;
      }
      row.bytes = input.getSizeInBytes() + expected[0].getSizeInBytes();
      HostTensor out(ElemKind::F32, outShape);
      Tolerance tol = b.op.find("avg") != std::string::npos
                          ? getAverageTolerance(ElemKind::F32)
                          : Tolerance();
      auto timeCompiled = [&](const std::string &text, StringRef name,
                              llvm::function_ref<void(OpPassManager &)> build)
          -> std::optional<double> {
        OwningOpRef<ModuleOp> mod = parseSourceString<ModuleOp>(text, &ctx);
        if (!mod) {
          row.notes += " [" + name.str() + ": does not parse]";
          return std::nullopt;
        }
        auto jit = JitModule::compile(*mod, build, error);
        if (failed(jit)) {
          row.notes += " [" + name.str() + ": " + error.substr(0, 120) + "]";
          return std::nullopt;
        }
        HostTensor in = input;
        auto call = (*jit)->bindInPlace(name, {&in, &out}, error);
        if (failed(call)) {
          row.notes += " [" + name.str() + ": " + error.substr(0, 160) + "]";
          return std::nullopt;
        }
        (*call)();
        Comparison cmp = compare(out, expected[0], tol);
        if (!cmp.ok()) {
          row.notes += " [" + name.str() + " WRONG: " + cmp.firstMismatch + "]";
          return std::nullopt;
        }
        return medianSeconds(warmup, repeat, *call);
      };
      pool::PoolPipelineOptions options;
      options.threads = threads;
      row.ours =
          timeCompiled(oursModule(b, outShape), "ours", [&](OpPassManager &pm) {
            pool::buildPoolToLLVMPipeline(pm, options);
          });
      if (auto text = upstreamModule(b, outShape))
        row.upstream = timeCompiled(*text, "upstream", buildUpstreamPipeline);
      // Roofline.
      HostTensor sink(ElemKind::F32, outShape);
      row.roofline = medianSeconds(warmup, repeat, [&] {
        streamingKernel(static_cast<const float *>(input.getData()),
                        input.getNumElements(),
                        static_cast<float *>(sink.getData()),
                        sink.getNumElements(), threads);
      });
#if POOL_HAVE_ONEDNN
      if (!b.kernel.empty()) {
        try {
          int64_t rank = b.in.size();
          memory::dims srcDims = logicalDims(b.in, b.channelsLast);
          // Global pooling: oneDNN keeps the spatial dims, of size 1 (the
          // same bytes as our (N, C) result).
          std::vector<int64_t> dnnlOut = outShape;
          if (dnnlOut.size() == 2) {
            dnnlOut = b.in;
            for (size_t d = 1; d + 1 < b.in.size(); ++d)
              dnnlOut[b.channelsLast ? d : d + 1] = 1;
            dnnlOut[b.channelsLast ? b.in.size() - 1 : 1] = outShape[1];
          }
          memory::dims dstDims = logicalDims(dnnlOut, b.channelsLast);
          memory::dims dil(b.kernel.size(), 0);
          auto alg = b.op.find("max") != std::string::npos
                         ? dnnl::algorithm::pooling_max
                         : dnnl::algorithm::pooling_avg_include_padding;
          auto run = [&](memory::format_tag tag,
                         bool blocked) -> std::optional<double> {
            memory::desc src(srcDims, memory::data_type::f32, tag);
            memory::desc dst(dstDims, memory::data_type::f32, tag);
            dnnl::pooling_v2_forward::desc d(
                dnnl::prop_kind::forward_inference, alg, src, dst,
                memory::dims(b.strides.begin(), b.strides.end()),
                memory::dims(b.kernel.begin(), b.kernel.end()), dil,
                memory::dims(b.padBegin.begin(), b.padBegin.end()),
                memory::dims(b.padEnd.begin(), b.padEnd.end()));
            dnnl::pooling_v2_forward::primitive_desc pd(d, engine);
            dnnl::pooling_v2_forward prim(pd);
            memory plainSrc({srcDims, memory::data_type::f32,
                             plainTag(rank, b.channelsLast)},
                            engine, input.getData());
            memory srcMem(src, engine), dstMem(dst, engine);
            dnnl::reorder(plainSrc, srcMem).execute(stream, plainSrc, srcMem);
            auto exec = [&] {
              prim.execute(stream,
                           {{DNNL_ARG_SRC, srcMem}, {DNNL_ARG_DST, dstMem}});
              stream.wait();
            };
            exec();
            memory plainDst({dstDims, memory::data_type::f32,
                             plainTag(rank, b.channelsLast)},
                            engine, out.getData());
            dnnl::reorder(dstMem, plainDst).execute(stream, dstMem, plainDst);
            stream.wait();
            Comparison cmp = compare(out, expected[0], tol);
            if (!cmp.ok()) {
              row.notes += std::string(" [oneDNN ") +
                           (blocked ? "blocked" : "plain") +
                           " WRONG: " + cmp.firstMismatch + "]";
              return std::nullopt;
            }
            return medianSeconds(warmup, repeat, exec);
          };
          row.dnnlPlain = run(plainTag(rank, b.channelsLast), false);
          if (!b.channelsLast)
            row.dnnlBlocked = run(blockedTag(rank), true);
        } catch (dnnl::error &e) {
          row.notes += std::string(" [oneDNN: ") + e.what() + "]";
        }
      }
#endif
    }
    rows.push_back(row);
    llvm::errs() << "done: " << b.name << "\n";
  }

  auto ms = [](std::optional<double> t) {
    return t ? llvm::formatv("{0:f3}", *t * 1e3).str() : std::string("n/a");
  };
  llvm::outs() << "\nThreads: " << threads << ", median of " << repeat
               << " runs after " << warmup << " warm-up runs, f32, "
               << JitModule::describeHost() << "\n\n";
#if POOL_HAVE_ONEDNN
  constexpr bool haveOneDNN = true;
#else
  constexpr bool haveOneDNN = false;
  llvm::outs() << "(built without oneDNN: no oneDNN columns)\n\n";
#endif
  llvm::outs() << "| shape | roofline ms | "
               << (haveOneDNN ? "oneDNN plain ms | oneDNN blocked ms | " : "")
               << "upstream MLIR ms | ours ms | ours GB/s | ours / best peer | "
                  "ours / roofline |\n|---|---|---|---|---|---|---|"
               << (haveOneDNN ? "---|---|" : "") << "\n";
  for (const Row &r : rows) {
    std::optional<double> best;
    for (auto t : {r.dnnlPlain, r.dnnlBlocked, r.upstream})
      if (t && (!best || *t < *best))
        best = t;
    llvm::outs() << "| " << r.name << " | " << ms(r.roofline) << " | ";
    if (haveOneDNN)
      llvm::outs() << ms(r.dnnlPlain) << " | " << ms(r.dnnlBlocked) << " | ";
    llvm::outs()
        << ms(r.upstream) << " | " << ms(r.ours) << " | "
        << (r.ours ? llvm::formatv("{0:f1}", r.bytes / *r.ours / 1e9).str()
                   : "n/a")
        << " | "
        << (r.ours && best ? llvm::formatv("{0:f2}", *r.ours / *best).str()
                           : "n/a")
        << " | "
        << (r.ours && r.roofline
                ? llvm::formatv("{0:f2}", *r.ours / *r.roofline).str()
                : "n/a")
        << " |" << (r.notes.empty() ? "" : " " + r.notes) << "\n";
  }
  return 0;
}
