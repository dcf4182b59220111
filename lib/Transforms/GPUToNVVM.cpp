//===- GPUToNVVM.cpp - Outlined kernels to NVVM and a gpu.binary ----------===//
//
// pool-gpu-to-nvvm: the NVVM half of pool-to-nvvm, from outlined
// target-neutral kernels with synchronous host code to LLVM host code and a
// `gpu.binary`. It looks at the kernels before choosing their ABI: when
// every kernel argument is a static identity-layout memref, kernels take
// bare pointers marked `noalias` (and `readonly` where only read), which
// lets the backend use the non-coherent `ld.global.nc` path; otherwise
// memref descriptors. The two upstream options that select bare pointers
// (convert-gpu-to-nvvm's and gpu-to-llvm's) are always set together here.
//
//===----------------------------------------------------------------------===//

#include "pool/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/FileSystem.h"

namespace mlir::pool {
#define GEN_PASS_DEF_POOLGPUTONVVM
#include "pool/Transforms/Passes.h.inc"
} // namespace mlir::pool

using namespace mlir;
using namespace mlir::pool;

StringRef mlir::pool::stringifyGPUBinaryFormat(GPUBinaryFormat format) {
  switch (format) {
  case GPUBinaryFormat::Isa:
    return "isa";
  case GPUBinaryFormat::Bin:
    return "bin";
  case GPUBinaryFormat::Fatbin:
    return "fatbin";
  }
  llvm_unreachable("unknown format");
}

llvm::cl::ValuesClass mlir::pool::getGPUBinaryFormatValues() {
  return llvm::cl::values(
      clEnumValN(GPUBinaryFormat::Isa, "isa", "PTX text"),
      clEnumValN(GPUBinaryFormat::Bin, "bin", "a cubin (runs on the chip)"),
      clEnumValN(GPUBinaryFormat::Fatbin, "fatbin",
                 "a fatbin with the cubin and the PTX (JIT on newer chips)"));
}

llvm::cl::ValuesClass mlir::pool::getGPUKernelABIValues() {
  return llvm::cl::values(
      clEnumValN(GPUKernelABI::Auto, "auto",
                 "bare pointers when every kernel argument is static"),
      clEnumValN(GPUKernelABI::BarePointers, "bare",
                 "bare noalias pointers (static shapes only)"),
      clEnumValN(GPUKernelABI::Descriptors, "descriptors",
                 "memref descriptors"));
}

/// Whether every memref argument of every kernel is static with an
/// identity layout.
static bool hasStaticKernelArgs(ModuleOp module) {
  bool ok = true;
  module.walk([&](gpu::GPUFuncOp func) {
    for (Type type : func.getArgumentTypes())
      if (auto memref = dyn_cast<MemRefType>(type))
        ok &= memref.hasStaticShape() && memref.getLayout().isIdentity();
  });
  return ok;
}

/// Why 32-bit kernel index arithmetic would not be exact for `module`, or
/// an empty string when it is: with bare pointers and static sizes every
/// offset a kernel computes is below the largest buffer or workgroup array
/// (in elements) or the launch's thread count.
static std::string whyNot32BitIndex(ModuleOp module) {
  constexpr int64_t kLimit = int64_t(1) << 31;
  std::string why;
  auto fits = [&](MemRefType type) {
    return type.hasStaticShape() && type.getNumElements() < kLimit;
  };
  module.walk([&](gpu::GPUFuncOp func) {
    for (Type type : func.getArgumentTypes()) {
      if (isa<IndexType>(type))
        why = "kernel @" + func.getName().str() + " takes an index argument";
      if (auto memref = dyn_cast<MemRefType>(type); memref && !fits(memref))
        why = "a buffer of kernel @" + func.getName().str() +
              " is dynamic or has 2^31 elements or more";
    }
    for (BlockArgument arg : func.getWorkgroupAttributions())
      if (!fits(cast<MemRefType>(arg.getType())))
        why = "a workgroup array of @" + func.getName().str() + " is too large";
  });
  module.walk([&](gpu::LaunchFuncOp launch) {
    int64_t threads = 1;
    gpu::KernelDim3 grid = launch.getGridSizeOperandValues();
    gpu::KernelDim3 block = launch.getBlockSizeOperandValues();
    for (Value v : {grid.x, grid.y, grid.z, block.x, block.y, block.z}) {
      std::optional<int64_t> c = getConstantIntValue(v);
      if (!c) {
        why = "a launch size is not a constant";
        return;
      }
      threads = std::min(threads * *c, kLimit);
    }
    if (threads >= kLimit)
      why = "a launch has 2^31 threads or more";
  });
  return why;
}

namespace {
struct PoolGPUToNVVMPass : pool::impl::PoolGPUToNVVMBase<PoolGPUToNVVMPass> {
  using Base::Base;

  void buildPipeline(OpPassManager &pm, bool bare, unsigned bits) const {
    // Host linalg left by bufferization (e.g. f16 constants widened by
    // linalg.map) becomes loops first.
    pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
    pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
    GpuNVVMAttachTargetOptions target;
    target.chip = chip;
    target.features = features;
    target.optLevel = optLevel;
    pm.addPass(createGpuNVVMAttachTarget(target));
    pm.addPass(createLowerAffinePass());
    pm.addPass(createSCFToControlFlowPass());
    ConvertGpuOpsToNVVMOpsOptions nvvm;
    nvvm.indexBitwidth = bits;
    nvvm.useBarePtrCallConv = bare;
    pm.addNestedPass<gpu::GPUModuleOp>(createConvertGpuOpsToNVVMOps(nvvm));
    pm.addNestedPass<gpu::GPUModuleOp>(createCanonicalizerPass());
    pm.addNestedPass<gpu::GPUModuleOp>(createCSEPass());
    pm.addNestedPass<gpu::GPUModuleOp>(createReconcileUnrealizedCastsPass());
    pm.addPass(memref::createExpandStridedMetadataPass());
    pm.addPass(createLowerAffinePass());
    GpuToLLVMConversionPassOptions host;
    host.kernelBarePtrCallConv = bare;
    pm.addPass(createGpuToLLVMConversionPass(host));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
    pm.addPass(createReconcileUnrealizedCastsPass());
    GpuModuleToBinaryPassOptions binary;
    binary.compilationTarget = stringifyGPUBinaryFormat(format).str();
    binary.toolkitPath = toolkit;
    if (binary.toolkitPath.empty() && llvm::sys::fs::is_directory(kCudaRoot))
      binary.toolkitPath = kCudaRoot;
    pm.addPass(createGpuModuleToBinaryPass(binary));
  }

  void getDependentDialects(DialectRegistry &registry) const override {
    OpPassManager pm(ModuleOp::getOperationName());
    buildPipeline(pm, false, 64);
    pm.getDependentDialects(registry);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool isStatic = hasStaticKernelArgs(module);
    if (kernelAbi == GPUKernelABI::BarePointers && !isStatic) {
      module.emitError("pool-gpu-to-nvvm: kernel-abi=bare needs static, "
                       "identity-layout memref kernel arguments");
      return signalPassFailure();
    }
    bool bare = kernelAbi == GPUKernelABI::BarePointers ||
                (kernelAbi == GPUKernelABI::Auto && isStatic);
    if (bare) {
      // Every kernel of the pool pipelines gets buffers of its own.
      MLIRContext *ctx = &getContext();
      module.walk([&](gpu::GPUFuncOp func) {
        for (unsigned i = 0; i < func.getNumArguments(); ++i) {
          if (!isa<MemRefType>(func.getArgument(i).getType()))
            continue;
          bool read, written;
          getKernelArgumentAccess(func, i, read, written);
          func.setArgAttr(i, LLVM::LLVMDialect::getNoAliasAttrName(),
                          UnitAttr::get(ctx));
          if (!written)
            func.setArgAttr(i, LLVM::LLVMDialect::getReadonlyAttrName(),
                            UnitAttr::get(ctx));
        }
      });
    }
    if (indexBitwidth != 0 && indexBitwidth != 32 && indexBitwidth != 64) {
      module.emitError("pool-gpu-to-nvvm: index-bitwidth must be 0 (auto), "
                       "32 or 64, not ")
          << static_cast<unsigned>(indexBitwidth);
      return signalPassFailure();
    }
    unsigned bits = 64;
    if (indexBitwidth != 64) {
      std::string why = bare ? whyNot32BitIndex(module)
                             : "the kernels take memref descriptors";
      if (indexBitwidth == 32 && !why.empty()) {
        module.emitError("pool-gpu-to-nvvm: index-bitwidth=32 is not exact "
                         "here: ")
            << why;
        return signalPassFailure();
      }
      if (why.empty())
        bits = 32;
    }
    OpPassManager pm(ModuleOp::getOperationName());
    buildPipeline(pm, bare, bits);
    if (failed(runPipeline(pm, module)))
      signalPassFailure();
  }

  static constexpr const char *kCudaRoot = "/usr/local/cuda";
};
} // namespace
