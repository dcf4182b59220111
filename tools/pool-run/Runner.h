//===- Runner.h - JIT-compile and call pool programs ------------*- C++ -*-===//

#ifndef POOL_TOOLS_POOLRUN_RUNNER_H
#define POOL_TOOLS_POOLRUN_RUNNER_H

#include "HostTensor.h"

#include "pool/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"

#include "pool/Support/EnumOption.h"

#include <functional>

namespace pool_run {

/// The ranked-tensor signature of a function, recorded before lowering.
struct TensorSignature {
  std::vector<mlir::RankedTensorType> args, results;
};
mlir::FailureOr<TensorSignature> getTensorSignature(mlir::func::FuncOp func,
                                                    std::string &error);

/// Adds to `func`'s module a function `name` that computes `func` in
/// destination style, for timing the kernel alone: its arguments are memrefs
/// of `func`'s argument types, then of its result types (dynamic sizes stay
/// dynamic: the caller's buffers give them). It reads its inputs in place and
/// computes each result into its output buffer (`bufferization.to_tensor
/// restrict`, `func`'s body, `materialize_in_destination restrict
/// writable`), so that a call allocates and copies nothing. A result
/// returned through `tensor.cast` gets a buffer of the cast's source type:
/// run pool-infer-shapes and canonicalize first, so that results have their
/// inferred types. Fails for a body of several blocks.
mlir::LogicalResult addDestinationStyleWrapper(mlir::func::FuncOp func,
                                               llvm::StringRef name,
                                               std::string &error);

/// A module lowered with the pool-to-llvm pipeline and JIT-compiled for the
/// host CPU (its features, AVX-512 included, are used).
struct Lowering;

class JitModule {
public:
  static mlir::FailureOr<std::unique_ptr<JitModule>>
  compile(mlir::ModuleOp module, const mlir::pool::PoolPipelineOptions &options,
          std::string &error);

  /// Lowers `module` with the pipeline `buildPipeline` adds (which must end
  /// in the LLVM dialect) and JIT-compiles it.
  static mlir::FailureOr<std::unique_ptr<JitModule>>
  compile(mlir::ModuleOp module,
          llvm::function_ref<void(mlir::OpPassManager &)> buildPipeline,
          std::string &error);

  /// A call of `name`, a function whose arguments are all memrefs with
  /// identity layout and that returns nothing (destination style), on
  /// `buffers`, packed once: the returned callable does nothing but call.
  mlir::FailureOr<std::function<void()>>
  bindInPlace(llvm::StringRef name, llvm::ArrayRef<HostTensor *> buffers,
              std::string &error);

  /// Calls function `name` on `inputs`; `outputs` receives copies of its
  /// results. Buffers the function allocated are freed.
  static mlir::FailureOr<std::unique_ptr<JitModule>>
  compile(mlir::ModuleOp module, const Lowering &lowering,
          const mlir::pool::PoolPipelineOptions &options, std::string &error);

  mlir::LogicalResult call(llvm::StringRef name, const TensorSignature &sig,
                           llvm::ArrayRef<HostTensor> inputs,
                           std::vector<HostTensor> &outputs,
                           std::string &error);

  /// The host CPU's name and whether it has AVX-512F, for reports.
  static std::string describeHost();

  /// Compile for `cpu` (an LLVM CPU name such as x86-64-v2) instead of the
  /// host, without the host's extra features: valgrind, for one, does not
  /// run AVX-512 code. "host" restores the default.
  /// Fails, with `error` set, for a CPU LLVM does not know (the JIT
  /// would abort on it).
  static mlir::LogicalResult setTargetCPU(std::string cpu, std::string &error);

private:
  std::unique_ptr<mlir::ExecutionEngine> engine;
};

/// Where the lowered program runs: the CPU (pool-to-llvm), a CUDA GPU
/// (pool-to-nvvm and libpool_cuda_runtime.so), or the GPU kernels emulated
/// on the CPU (pool-to-gpu-emulation).
enum class RunTarget { Cpu, Cuda, GpuEmulation };

llvm::StringRef stringifyRunTarget(RunTarget target);
llvm::cl::ValuesClass getRunTargetValues();

/// One way of lowering pool ops: on the CPU a path (vector with a strategy,
/// linalg, affine); or one of the GPU targets.
struct Lowering {
  mlir::pool::PoolLoweringPath path = mlir::pool::PoolLoweringPath::Vector;
  mlir::pool::PoolStrategy strategy = mlir::pool::PoolStrategy::Auto;
  RunTarget target = RunTarget::Cpu;

  /// Adds the pipeline of this lowering; `options` holds the CPU options
  /// and those the GPU pipelines share (assert-window-fits).
  void buildPipeline(mlir::OpPassManager &pm,
                     const mlir::pool::PoolPipelineOptions &options) const;

  /// "linalg", "affine", or the strategy's name.
  std::string getName() const;
  /// The pool-run flags that select it, for replay lines.
  std::string getFlags() const;
  void applyTo(mlir::pool::PoolPipelineOptions &options) const;
};

/// The linalg path, every convert-pool-to-vector strategy, the affine path.
std::vector<Lowering> getAllLowerings();

/// Runs `fn` `warmup` times, then takes `repeat` samples and returns the
/// median seconds per call. A sample is one call or, with `minSample` > 0,
/// as many back-to-back calls as last about `minSample` seconds (estimated
/// from one more call after the warm-up), so that kernels of a few
/// microseconds are not timed one jittery call at a time.
double medianSeconds(int warmup, int repeat, llvm::function_ref<void()> fn,
                     double minSample = 0);

} // namespace pool_run

POOL_LISTED_ENUM_PARSER(pool_run::RunTarget)

#endif // POOL_TOOLS_POOLRUN_RUNNER_H
