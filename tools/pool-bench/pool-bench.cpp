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
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#if POOL_HAVE_ONEDNN
#include <oneapi/dnnl/dnnl.hpp>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <dlfcn.h>
#include <functional>
#include <mutex>
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
static cl::opt<double> minSampleMs(
    "min-sample-ms",
    cl::desc("Each timed run: back-to-back calls lasting at least this long "
             "(ms), timed together; 0: one call"),
    cl::init(0.5), cl::cat(category));
static cl::opt<std::string>
    targetCPU("target-cpu",
              cl::desc("CPU to plan and compile our kernels and upstream's "
                       "for (an LLVM CPU name, e.g. znver3 or x86-64-v3 for "
                       "AVX2 code on an AVX-512 host; default: the host)"),
              cl::init("host"), cl::cat(category));
static cl::opt<std::string>
    jsonPath("json",
             cl::desc("Also write the results as JSON to this file (for "
                      "bench/plot.py)"),
             cl::init(""), cl::cat(category));
static cl::opt<std::string> torchPython(
    "torch-python",
    cl::desc("Python with PyTorch for the PyTorch column (empty: none)"),
    cl::init("/usr/bin/python3"), cl::cat(category));
static cl::opt<std::string>
    torchScript("torch-script", cl::desc("The PyTorch timing script"),
                cl::init(POOL_SOURCE_DIR "/bench/torch-pool.py"),
                cl::cat(category));
static cl::opt<bool> forkJoin(
    "fork-join",
    cl::desc("Measure what a parallel op costs over a serial one (OpenMP "
             "fork/join with --num-threads threads) on small ops, and exit"),
    cl::init(false), cl::cat(category));
static std::string rooflineCheck;
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
  // Window for oneDNN, PyTorch and the upstream lowering (local and global
  // ops).
  std::vector<int64_t> kernel, strides, padBegin, padEnd;
  // Adaptive ops: the output size (PyTorch).
  std::vector<int64_t> outputSize = {};
  ElemKind elem = ElemKind::F32;
  bool countIncludePad = false;
};

std::string tensorType(ArrayRef<int64_t> shape, StringRef kind = "tensor",
                       ElemKind elem = ElemKind::F32) {
  std::string s = kind.str() + "<";
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + getElemName(elem).str() + ">";
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
             tensorType(b.in, "memref", b.elem),
             tensorType(out, "memref", b.elem),
             tensorType(b.in, "tensor", b.elem),
             tensorType(out, "tensor", b.elem), b.op, attrs)
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
  if (b.op.rfind("adaptive", 0) == 0 || b.elem != ElemKind::F32)
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

/// Threads that live for the whole run: the roofline's parallel form wakes
/// them per call instead of spawning threads per call, which would cost
/// more than small shapes take. Idle workers spin for a while (back-to-back
/// timed calls find them awake) and then sleep, so that they take no core
/// from the other implementations' threads.
class SpinPool {
public:
  explicit SpinPool(int n) : n(std::max(n, 1)) {
    for (int t = 1; t < this->n; ++t)
      workers.emplace_back([this, t] { loop(t); });
  }
  ~SpinPool() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
      generation.fetch_add(1);
    }
    wake.notify_all();
    for (std::thread &w : workers)
      w.join();
  }
  /// Runs fn(t, n) on every thread t in [0, n), the caller as thread 0.
  void run(std::function<void(int, int)> fn) {
    job = std::move(fn);
    pending.store(n - 1);
    {
      std::lock_guard<std::mutex> lock(mutex);
      generation.fetch_add(1, std::memory_order_release);
    }
    wake.notify_all();
    job(0, n);
    while (pending.load(std::memory_order_acquire) != 0)
      std::this_thread::yield();
  }
  int size() const { return n; }

private:
  void loop(int t) {
    uint64_t seen = 0;
    while (true) {
      // Spin about a millisecond, then sleep until the next call.
      auto until =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(1);
      while (generation.load(std::memory_order_acquire) == seen &&
             std::chrono::steady_clock::now() < until)
        std::this_thread::yield();
      if (generation.load(std::memory_order_acquire) == seen) {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] { return generation.load() != seen; });
      }
      seen = generation.load(std::memory_order_acquire);
      if (stop)
        return;
      job(t, n);
      pending.fetch_sub(1, std::memory_order_acq_rel);
    }
  }
  int n;
  std::vector<std::thread> workers;
  std::function<void(int, int)> job;
  std::atomic<uint64_t> generation{0};
  std::atomic<int> pending{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable wake;
};

/// Reads `nIn` floats of `in` and writes `nOut` floats of `out`, part `t`
/// of `nt`: the memory roofline for the same bytes. The read is an OR over
/// 64-bit words, the write a fill. Compiled for AVX-512, AVX2 and the
/// baseline, the variant picked once at run time (no ifunc: the sanitizer
/// builds run this too), so that it runs at full vector width on every x86
/// host.
#define POOL_STREAM_PART(NAME, TARGET)                                         \
  TARGET static void NAME(const float *in, int64_t nIn, float *out,            \
                          int64_t nOut, int t, int nt) {                       \
    streamBody(in, nIn, out, nOut, t, nt);                                     \
  }
static inline __attribute__((always_inline)) void
streamBody(const float *in, int64_t nIn, float *out, int64_t nOut, int t,
           int nt) {
  const auto *words = reinterpret_cast<const uint64_t *>(in);
  int64_t nWords = nIn / 2;
  uint64_t acc = 0;
  for (int64_t i = nWords * t / nt, e = nWords * (t + 1) / nt; i < e; ++i)
    acc |= words[i];
  float value = static_cast<float>(acc & 1);
  int64_t lo = nOut * t / nt, hi = nOut * (t + 1) / nt;
  // Outputs beyond the caches are written around them (non-temporal
  // stores), as memcpy does: no read for ownership.
  if (nOut * 4 < (8 << 20)) {
    for (int64_t i = lo; i < hi; ++i)
      out[i] = value;
    return;
  }
  typedef float Line __attribute__((vector_size(64)));
  Line line = {value, value, value, value, value, value, value, value,
               value, value, value, value, value, value, value, value};
  // Whole aligned 64-byte lines, the ends plain.
  int64_t a = lo;
  while (a < hi && reinterpret_cast<uintptr_t>(out + a) % 64 != 0)
    ++a;
  int64_t z = a + (hi - a) / 16 * 16;
  for (int64_t i = lo; i < a; ++i)
    out[i] = value;
  for (int64_t i = a; i < z; i += 16)
    __builtin_nontemporal_store(line, reinterpret_cast<Line *>(out + i));
  for (int64_t i = z; i < hi; ++i)
    out[i] = value;
}
POOL_STREAM_PART(streamPartAVX512, __attribute__((target("avx512f"))))
POOL_STREAM_PART(streamPartAVX2, __attribute__((target("avx2"))))
POOL_STREAM_PART(streamPartBase, )
#undef POOL_STREAM_PART

static void streamPart(const float *in, int64_t nIn, float *out, int64_t nOut,
                       int t, int nt) {
  static const auto part = [] {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
      return &streamPartAVX512;
    if (__builtin_cpu_supports("avx2"))
      return &streamPartAVX2;
    return &streamPartBase;
  }();
  part(in, nIn, out, nOut, t, nt);
}

void streamingKernel(const float *in, int64_t nIn, float *out, int64_t nOut,
                     SpinPool &pool) {
  if (pool.size() == 1)
    return streamPart(in, nIn, out, nOut, 0, 1);
  pool.run([&](int t, int nt) { streamPart(in, nIn, out, nOut, t, nt); });
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
  std::optional<double> roofline, dnnlPlain, dnnlBlocked, upstream, torch,
      torchOther, ours;
  std::string notes;
};

std::string joinInts(ArrayRef<int64_t> v) {
  std::string s;
  for (int64_t x : v)
    s += (s.empty() ? "" : ", ") + std::to_string(x);
  return s;
}

/// A local window, symmetric padding (begin = end = pad).
Bench window(std::string name, std::string op, bool cl, std::vector<int64_t> in,
             std::vector<int64_t> k, std::vector<int64_t> st,
             std::vector<int64_t> pad, bool includePad = false,
             ElemKind elem = ElemKind::F32) {
  std::vector<int64_t> both = pad;
  both.insert(both.end(), pad.begin(), pad.end());
  std::string attrs = "kernel = array<i64: " + joinInts(k) +
                      ">, strides = array<i64: " + joinInts(st) +
                      ">, padding = array<i64: " + joinInts(both) + ">";
  if (op == "avg")
    attrs +=
        std::string(", count_include_pad = ") + (includePad ? "true" : "false");
  Bench b{std::move(name),
          std::move(op),
          attrs,
          cl,
          std::move(in),
          k,
          st,
          pad,
          pad};
  b.elem = elem;
  b.countIncludePad = includePad;
  return b;
}

/// A global pooling: oneDNN's window is the whole spatial extent.
Bench global(std::string name, std::string op, bool cl, std::vector<int64_t> in,
             ElemKind elem = ElemKind::F32) {
  int64_t n = in.size() - 2;
  std::vector<int64_t> k(in.begin() + (cl ? 1 : 2),
                         in.begin() + (cl ? 1 : 2) + n);
  Bench b{std::move(name),
          std::move(op),
          "",
          cl,
          std::move(in),
          k,
          std::vector<int64_t>(n, 1),
          std::vector<int64_t>(n, 0),
          std::vector<int64_t>(n, 0)};
  b.elem = elem;
  return b;
}

Bench adaptive(std::string name, std::string op, std::vector<int64_t> in,
               std::vector<int64_t> outSize) {
  Bench b{std::move(name),
          std::move(op),
          "output_size = array<i64: " + joinInts(outSize) + ">",
          false,
          std::move(in),
          {},
          {},
          {},
          {}};
  b.outputSize = std::move(outSize);
  return b;
}
} // namespace

static std::vector<Bench> getBenches() {
  std::vector<Bench> v;
  auto tag = [](bool cl, int64_t rank) -> std::string {
    static const char *cf[] = {"", "NCW", "NCHW", "NCDHW"};
    static const char *clast[] = {"", "NWC", "NHWC", "NDHWC"};
    return cl ? clast[rank] : cf[rank];
  };
  auto shape = [](ArrayRef<int64_t> s) {
    std::string r;
    for (int64_t d : s)
      r += (r.empty() ? "" : "x") + std::to_string(d);
    return r;
  };
  // Logical N, C, spatial... to the layout's order.
  auto in = [](bool cl, std::vector<int64_t> ncs) {
    if (!cl)
      return ncs;
    std::vector<int64_t> r = {ncs[0]};
    r.insert(r.end(), ncs.begin() + 2, ncs.end());
    r.push_back(ncs[1]);
    return r;
  };
  for (bool cl : {false, true}) {
    // ResNet stem, one image and a batch (the batch of 64 is DRAM-bound).
    for (int64_t n : {1, 16, 64}) {
      auto i = in(cl, {n, 64, 112, 112});
      v.push_back(window("stem max 3x3/2 p1 " + shape(i) + " " + tag(cl, 2),
                         "max", cl, i, {3, 3}, {2, 2}, {1, 1}));
    }
    // ResNet head.
    for (int64_t n : {1, 64}) {
      auto i = in(cl, {n, 2048, 7, 7});
      v.push_back(global("global avg " + shape(i) + " " + tag(cl, 2),
                         "global_avg", cl, i));
    }
    // Stride-1 windows: 3x3 and the large ones that must not cost more
    // per output.
    auto i = in(cl, {1, 64, 56, 56});
    v.push_back(window("max 3x3/1 p1 " + shape(i) + " " + tag(cl, 2), "max", cl,
                       i, {3, 3}, {1, 1}, {1, 1}));
    v.push_back(window("avg 7x7/1 p3 " + shape(i) + " " + tag(cl, 2), "avg", cl,
                       i, {7, 7}, {1, 1}, {3, 3}, true));
    v.push_back(window("max 9x9/1 p4 " + shape(i) + " " + tag(cl, 2), "max", cl,
                       i, {9, 9}, {1, 1}, {4, 4}));
    // Channel counts that are no multiple of 8 or 16, odd sizes.
    auto rgb = in(cl, {1, 3, 224, 224});
    v.push_back(window("max 3x3/2 " + shape(rgb) + " " + tag(cl, 2), "max", cl,
                       rgb, {3, 3}, {2, 2}, {0, 0}));
    auto incep = in(cl, {8, 64, 147, 147});
    v.push_back(window("max 3x3/2 " + shape(incep) + " " + tag(cl, 2), "max",
                       cl, incep, {3, 3}, {2, 2}, {0, 0}));
    auto odd = in(cl, {8, 1000, 13, 13});
    v.push_back(global("global max " + shape(odd) + " " + tag(cl, 2),
                       "global_max", cl, odd));
    auto avg35 = in(cl, {8, 300, 35, 35});
    v.push_back(window("avg 3x3/1 p1 " + shape(avg35) + " " + tag(cl, 2), "avg",
                       cl, avg35, {3, 3}, {1, 1}, {1, 1}, false));
    // 3-D.
    auto vol = in(cl, {2, 32, 17, 35, 35});
    v.push_back(window("3-D max 3x3x3/2 p1 " + shape(vol) + " " + tag(cl, 3),
                       "max", cl, vol, {3, 3, 3}, {2, 2, 2}, {1, 1, 1}));
  }
  v.push_back(window("3-D max 2x2x2/2 8x64x16x56x56 NCDHW", "max", false,
                     {8, 64, 16, 56, 56}, {2, 2, 2}, {2, 2, 2}, {0, 0, 0}));
  // Keras 1-D, channels last.
  v.push_back(window("Keras AveragePooling1D(2) 32x1000x256 NWC", "avg", true,
                     {32, 1000, 256}, {2}, {2}, {0}));
  v.push_back(window("Keras MaxPooling1D(3, 2) 32x147x300 NWC", "max", true,
                     {32, 147, 300}, {3}, {2}, {0}));
  for (auto [keras, op] : {std::pair<const char *, const char *>{
                               "GlobalMaxPooling1D", "global_max"},
                           {"GlobalAveragePooling1D", "global_avg"}}) {
    v.push_back(global(std::string(keras) + " 64x300x512 NWC", op, true,
                       {64, 300, 512}));
    v.push_back(global(std::string(keras) + " 64x512x300 NWC", op, true,
                       {64, 512, 300}));
  }
  // Half-precision inputs (f32 accumulation).
  v.push_back(window("stem max 3x3/2 p1 16x112x112x64 NHWC f16", "max", true,
                     {16, 112, 112, 64}, {3, 3}, {2, 2}, {1, 1}, false,
                     ElemKind::F16));
  v.push_back(global("global avg 64x7x7x2048 NHWC bf16", "global_avg", true,
                     {64, 7, 7, 2048}, ElemKind::BF16));
  v.push_back(window("avg 3x3/2 p1 16x64x56x56 NCHW bf16", "avg", false,
                     {16, 64, 56, 56}, {3, 3}, {2, 2}, {1, 1}, true,
                     ElemKind::BF16));
  for (int64_t s : {14, 15})
    v.push_back(adaptive(llvm::formatv("adaptive avg to 7x7 1x512x{0}x{0} "
                                       "NCHW",
                                       s),
                         "adaptive_avg", {1, 512, s, s}, {7, 7}));
  return v;
}

/// PyTorch's median time for `b` (bench/torch-pool.py, run by
/// `torchPython`): the input is written as .npy, PyTorch's result read back
/// and checked against `expected` before its times count.
static void timeTorch(const Bench &b, const HostTensor &input,
                      const HostTensor &expected, Tolerance tol, Row &row) {
  if (torchPython.empty())
    return;
  llvm::SmallString<128> dir;
  if (llvm::sys::fs::createUniqueDirectory("pool-bench-torch", dir)) {
    row.notes += " [PyTorch: no temporary directory]";
    return;
  }
  std::string inPath = (dir + "/x.npy").str(), outPath = (dir + "/y.npy").str(),
              resPath = (dir + "/r.json").str();
  std::string error;
  llvm::scope_exit cleanup([&] {
    llvm::sys::fs::remove(inPath);
    llvm::sys::fs::remove(outPath);
    llvm::sys::fs::remove(resPath);
    llvm::sys::fs::remove(dir);
  });
  if (failed(writeNpy(inPath, input, error))) {
    row.notes += " [PyTorch: " + error + "]";
    return;
  }
  int64_t rank = b.in.size() - 2;
  std::string spec =
      llvm::formatv(
          "{{\"op\": \"{0}\", \"rank\": {1}, \"layout\": \"{2}\", "
          "\"dtype\": \"{3}\", \"kernel\": [{4}], \"strides\": [{5}], "
          "\"pad_begin\": [{6}], \"pad_end\": [{7}], "
          "\"include_pad\": {8}, \"output_size\": [{9}]}",
          b.op, rank, b.channelsLast ? "cl" : "cf", getElemName(b.elem),
          joinInts(b.kernel), joinInts(b.strides), joinInts(b.padBegin),
          joinInts(b.padEnd), b.countIncludePad ? "true" : "false",
          joinInts(b.outputSize))
          .str();
  std::string threadArg = std::to_string(threads),
              repeatArg = std::to_string(repeat),
              warmupArg = std::to_string(warmup),
              minSampleArg = llvm::formatv("{0}", minSampleMs.getValue());
  llvm::SmallVector<llvm::StringRef> argv = {
      torchPython, torchScript, "--spec",          spec,
      "--input",   inPath,      "--output",        outPath,
      "--threads", threadArg,   "--repeat",        repeatArg,
      "--warmup",  warmupArg,   "--min-sample-ms", minSampleArg};
  std::optional<llvm::StringRef> redirects[] = {
      std::nullopt, llvm::StringRef(resPath), std::nullopt};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(torchPython, argv, std::nullopt, redirects,
                                     0, 0, &execError);
  auto result = llvm::MemoryBuffer::getFile(resPath);
  if (rc != 0 || !result) {
    row.notes +=
        " [PyTorch: " +
        (execError.empty() ? "exit " + std::to_string(rc) : execError) + "]";
    return;
  }
  auto json = llvm::json::parse((*result)->getBuffer());
  if (!json) {
    llvm::consumeError(json.takeError());
    row.notes += " [PyTorch: bad output]";
    return;
  }
  const llvm::json::Object *obj = json->getAsObject();
  if (auto note = obj->getString("note"); note && !note->empty())
    row.notes += " [PyTorch: " + note->str() + "]";
  std::optional<double> same = obj->getNumber("same");
  if (!same)
    return;
  // torch-pool.py writes its result as f32 (widened from f16/bf16).
  FailureOr<HostTensor> got = readNpy(outPath, ElemKind::F32, error);
  if (failed(got)) {
    row.notes += " [PyTorch: " + error + "]";
    return;
  }
  HostTensor want(ElemKind::F32, expected.getShape());
  for (int64_t i = 0; i < want.getNumElements(); ++i)
    want.setDouble(i, expected.getDouble(i));
  Tolerance t = tol;
  if (b.elem != ElemKind::F32)
    t = getAverageTolerance(b.elem);
  Comparison cmp = compare(*got, want, t);
  if (!cmp.ok()) {
    row.notes += " [PyTorch WRONG: " + cmp.firstMismatch + "]";
    return;
  }
  row.torch = *same / 1e3;
  if (std::optional<double> other = obj->getNumber("other"))
    row.torchOther = *other / 1e3;
}

/// --fork-join: each op of a series of small global averages (NHWC, C =
/// 2048, 0.1 MB to 6.4 MB) compiled serial and parallel on `threads`
/// threads; prints the median time per call of both and their difference,
/// the price of a fork/join at that size.
static int measureForkJoin(DialectRegistry &registry) {
  llvm::outs() << "| input + output | serial us | " << threads
               << " threads us | parallel - serial us |\n|---|---|---|---|\n";
  for (int64_t hw : {2, 3, 7, 10, 14, 20, 28}) {
    MLIRContext ctx(registry);
    ctx.loadAllAvailableDialects();
    Bench b = global("fork-join", "global_avg", true, {1, hw, hw, 2048});
    std::vector<int64_t> out = {1, 2048};
    HostTensor input(ElemKind::F32, b.in), result(ElemKind::F32, out);
    std::mt19937_64 rng(1);
    input.fillRandom(rng);
    std::optional<double> times[2];
    for (int parallel : {0, 1}) {
      OwningOpRef<ModuleOp> mod =
          parseSourceString<ModuleOp>(oursModule(b, out), &ctx);
      pool::PoolPipelineOptions options;
      options.threads = parallel ? threads : 1;
      options.minParallelBytes = parallel ? 0 : -1;
      if (targetCPU != "host")
        options.targetCpu = targetCPU;
      std::string error;
      auto jit = JitModule::compile(*mod, options, error);
      if (failed(jit)) {
        llvm::errs() << error << "\n";
        return 1;
      }
      auto call = (*jit)->bindInPlace("ours", {&input, &result}, error);
      if (failed(call)) {
        llvm::errs() << error << "\n";
        return 1;
      }
      times[parallel] = medianSeconds(100, std::max<int>(repeat, 2000), *call);
    }
    double bytes = input.getSizeInBytes() + result.getSizeInBytes();
    llvm::outs() << llvm::formatv("| {0:f2} MB | {1:f2} | {2:f2} | {3:f2} |\n",
                                  bytes / 1e6, *times[0] * 1e6, *times[1] * 1e6,
                                  (*times[1] - *times[0]) * 1e6);
  }
  return 0;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "pool-bench: pooling kernels against the memory roofline, upstream "
      "MLIR's lowering, oneDNN (where built with it) and PyTorch (where "
      "--torch-python has it)\n");
  if (std::string error; failed(JitModule::setTargetCPU(targetCPU, error))) {
    llvm::errs() << "pool-bench: --target-cpu: " << error << "\n";
    return 1;
  }
  if (auto setThreads = reinterpret_cast<void (*)(int)>(
          dlsym(RTLD_DEFAULT, "omp_set_num_threads")))
    setThreads(threads);
  SpinPool pool(threads);

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  pool::registerAllPoolDialects(registry);
  if (forkJoin)
    return measureForkJoin(registry);

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
    HostTensor input(b.elem, b.in);
    std::mt19937_64 rng(42);
    input.fillRandom(rng);
    std::string error;
    std::string elemName = getElemName(b.elem).str();
    // The output shape: infer it by parsing the op with a dynamic result.
    std::vector<int64_t> outShape;
    {
      std::string attrs = b.attrs.empty()
                              ? layoutAttr(b.channelsLast)
                              : b.attrs + ", " + layoutAttr(b.channelsLast);
      std::string dyn = "tensor<";
      if (b.op.rfind("global", 0) == 0)
        dyn += "?x?x";
      else
        for (size_t i = 0; i < b.in.size(); ++i)
          dyn += "?x";
      dyn += elemName + ">";
      std::string text = llvm::formatv(
          "func.func @f(%x: {0}) -> tensor<*x{4}> {{\n  %0 = pool.{1} %x "
          "{{{2}} : {0} -> {3}\n  %1 = tensor.cast %0 : {3} to "
          "tensor<*x{4}>\n  return %1 : tensor<*x{4}>\n}\n",
          tensorType(b.in, "tensor", b.elem), b.op, attrs, dyn, elemName);
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
          cast<RankedTensorType>(poolOp.getInput().getType()), inferred);
      auto t = cast<RankedTensorType>(inferred.front());
      outShape.assign(t.getShape().begin(), t.getShape().end());
      std::vector<HostTensor> expected;
      if (failed(evaluateReference(cast<func::FuncOp>(m->getBody()->front()),
                                   {input}, expected, error))) {
        llvm::errs() << error << "\n";
        return 1;
      }
      row.bytes = input.getSizeInBytes() + expected[0].getSizeInBytes();
      HostTensor out(b.elem, outShape);
      Tolerance tol = b.op.find("avg") != std::string::npos
                          ? getAverageTolerance(b.elem)
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
        return medianSeconds(warmup, repeat, *call, minSampleMs / 1e3);
      };
      pool::PoolPipelineOptions options;
      options.threads = threads;
      if (targetCPU != "host")
        options.targetCpu = targetCPU;
      row.ours =
          timeCompiled(oursModule(b, outShape), "ours", [&](OpPassManager &pm) {
            pool::buildPoolToLLVMPipeline(pm, options);
          });
      if (auto text = upstreamModule(b, outShape))
        row.upstream = timeCompiled(*text, "upstream", buildUpstreamPipeline);
      timeTorch(b, input, expected[0], tol, row);
      // Roofline: the same bytes, read once and written once.
      HostTensor sink(b.elem, outShape);
      row.roofline = medianSeconds(
          warmup, repeat,
          [&] {
            streamingKernel(static_cast<const float *>(input.getData()),
                            input.getSizeInBytes() / 4,
                            static_cast<float *>(sink.getData()),
                            sink.getSizeInBytes() / 4, pool);
          },
          minSampleMs / 1e3);
#if POOL_HAVE_ONEDNN
      if (!b.kernel.empty() && b.elem == ElemKind::F32) {
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
                     : b.countIncludePad || b.op.rfind("global", 0) == 0
                         ? dnnl::algorithm::pooling_avg_include_padding
                         : dnnl::algorithm::pooling_avg_exclude_padding;
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
            return medianSeconds(warmup, repeat, exec, minSampleMs / 1e3);
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

  // The roofline kernel against memcpy of the same bytes, on the largest
  // shape: a roofline far below memcpy would flatter every ratio.
  {
    size_t bytes = 0;
    for (const Row &r : rows)
      bytes = std::max(bytes, static_cast<size_t>(r.bytes));
    bytes = std::max<size_t>(bytes, 64) / 2 / 64 * 64;
    std::vector<float> src(bytes / 4, 1.0f), dst(bytes / 4);
    double copy = medianSeconds(warmup, repeat, [&] {
      pool.run([&](int t, int nt) {
        size_t lo = bytes / 4 * t / nt, hi = bytes / 4 * (t + 1) / nt;
        std::memcpy(dst.data() + lo, src.data() + lo, (hi - lo) * 4);
      });
    });
    double stream = medianSeconds(warmup, repeat, [&] {
      streamingKernel(src.data(), src.size(), dst.data(), dst.size(), pool);
    });
    llvm::errs() << llvm::formatv(
        "roofline check: {0:f1} MB read + written: streaming kernel {1:f1} "
        "GB/s, memcpy {2:f1} GB/s\n",
        2.0 * bytes / 1e6, 2.0 * bytes / stream / 1e9,
        2.0 * bytes / copy / 1e9);
    rooflineCheck =
        llvm::formatv("roofline kernel {0:f1} GB/s, memcpy of the "
                      "same bytes {1:f1} GB/s",
                      2.0 * bytes / stream / 1e9, 2.0 * bytes / copy / 1e9)
            .str();
  }

  auto ms = [](std::optional<double> t) {
    return t ? llvm::formatv("{0:f3}", *t * 1e3).str() : std::string("n/a");
  };
  llvm::outs() << "\nThreads: " << threads << ", median of " << repeat
               << " runs";
  if (minSampleMs > 0)
    llvm::outs() << llvm::formatv(
        " (each at least {0} ms of back-to-back calls, timed together)",
        minSampleMs.getValue());
  llvm::outs() << " after " << warmup << " warm-up runs, "
               << JitModule::describeHost() << "; " << rooflineCheck << "\n\n";
#if POOL_HAVE_ONEDNN
  constexpr bool haveOneDNN = true;
#else
  constexpr bool haveOneDNN = false;
  llvm::outs() << "(built without oneDNN: no oneDNN columns)\n\n";
#endif
  llvm::outs() << "| shape | MB | roofline ms | "
               << (haveOneDNN ? "oneDNN plain ms | oneDNN blocked ms | " : "")
               << "upstream MLIR ms | PyTorch ms | PyTorch other layout ms | "
                  "ours ms | ours GB/s | ours / best peer | ours / roofline "
                  "|\n|---|---|---|---|---|---|---|---|---|---|"
               << (haveOneDNN ? "---|---|" : "") << "\n";
  for (const Row &r : rows) {
    std::optional<double> best;
    for (auto t :
         {r.dnnlPlain, r.dnnlBlocked, r.upstream, r.torch, r.torchOther})
      if (t && (!best || *t < *best))
        best = t;
    llvm::outs() << "| " << r.name << " | "
                 << llvm::formatv("{0:f1}", r.bytes / 1e6) << " | "
                 << ms(r.roofline) << " | ";
    if (haveOneDNN)
      llvm::outs() << ms(r.dnnlPlain) << " | " << ms(r.dnnlBlocked) << " | ";
    llvm::outs()
        << ms(r.upstream) << " | " << ms(r.torch) << " | " << ms(r.torchOther)
        << " | " << ms(r.ours) << " | "
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
  if (!jsonPath.empty()) {
    std::error_code ec;
    llvm::raw_fd_ostream os(jsonPath, ec);
    if (ec) {
      llvm::errs() << "pool-bench: cannot write " << jsonPath << ": "
                   << ec.message() << "\n";
      return 1;
    }
    llvm::json::Array array;
    for (const Row &r : rows) {
      llvm::json::Object o{
          {"name", r.name}, {"bytes", r.bytes}, {"notes", r.notes}};
      auto put = [&](const char *key, std::optional<double> t) {
        if (t)
          o[key] = *t;
      };
      put("roofline", r.roofline);
      put("onednn_plain", r.dnnlPlain);
      put("onednn_blocked", r.dnnlBlocked);
      put("upstream", r.upstream);
      put("torch", r.torch);
      put("torch_other_layout", r.torchOther);
      put("ours", r.ours);
      array.push_back(std::move(o));
    }
    llvm::json::Object top{{"threads", static_cast<int>(threads)},
                           {"repeat", static_cast<int>(repeat)},
                           {"cpu", JitModule::describeHost()},
                           {"roofline_check", rooflineCheck},
                           {"rows", std::move(array)}};
    os << llvm::formatv("{0:2}", llvm::json::Value(std::move(top))) << "\n";
  }
  return 0;
}
