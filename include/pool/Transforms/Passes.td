//===- Passes.td - Passes on lowered pool IR ---------------*- tablegen -*-===//
//
// Passes that run on what the pool lowerings produce (linalg, memref and
// OpenMP IR), never on pool ops; the pipelines schedule them.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_TRANSFORMS_PASSES
#define POOL_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def PoolLoopOrder : Pass<"pool-loop-order", "mlir::func::FuncOp"> {
  let summary = "Put the contiguous output dimension innermost in reductions";
  let description = [{
    Generalizes linalg named pooling ops and reorders the loops of every
    `linalg.generic` that has reduction dimensions so that the parallel
    dimension indexing the output's innermost (contiguous) dimension comes
    last, after the window dimensions: `(n, oh, ow, kh, kw, c)` for
    channels-last pooling, `(n, c, oh, kh, kw, ow)` for channels-first. The
    innermost loop then walks consecutive (or evenly strided) elements, which
    LLVM vectorizes, instead of a window of a few taps.

    Part of `--pool-to-llvm`; results are unchanged (the reduction order per
    output element is the same).
  }];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

def PoolInlineAllocaScopes : Pass<"pool-inline-alloca-scopes"> {
  let summary = "Inline memref.alloca_scope ops that allocate nothing on "
                "the stack";
  let description = [{
    `convert-scf-to-openmp` wraps every parallel loop body in a
    `memref.alloca_scope`, whose region must stay a single block. The
    canonicalizer inlines such scopes only when they contain no operation
    that might allocate on the stack; a call (the deallocation helper that
    buffer deallocation emits for loops with several dynamic buffers) keeps
    the scope, and `convert-scf-to-cf` then breaks it. This pass inlines
    every scope whose body holds no `memref.alloca` outside nested scopes:
    calls cannot allocate in the caller's frame, so dropping the scope
    changes nothing. Part of `--pool-to-llvm` after the OpenMP conversion.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def PoolExpandArith : Pass<"pool-expand-arith"> {
  let summary = "Expand the arith ops LLVM has no direct lowering for, "
                "keeping `nnan` maxnumf/minnumf";
  let description = [{
    Upstream's `arith-expand` with bf16 conversions: `ceildivsi`,
    `ceildivui`, `floordivsi`, `maximumf`, `minimumf`, `scaling_extf`,
    `scaling_truncf`, `maxnumf`, `minnumf` and bf16 `extf`/`truncf`
    (upstream's own patterns, with its legality). It differs in two points.
    First, f32 -> bf16 `truncf` (scalars and vectors, nearest-even) selects
    the quiet NaN on the 32-bit integers before rounding: upstream's select
    on bf16 vectors is scalarized by LLVM's x86 backend without
    AVX512-BF16, eight compares, extracts and 16-bit stores per vector.
    Second, `maxnumf` and `minnumf` carrying the `nnan` fast-math flag
    stay as they are, and `convert-arith-to-llvm` makes them `llvm.maxnum`/`llvm.minnum`
    with `nnan`, one `vmaxps`/`vminps` on x86. `arith-expand` turns them
    into compares and selects, and a select between a value just loaded
    and another becomes a masked store when written back to the same
    address (slow on AMD Zen). The vector lowering emits `maxnumf nnan`
    only where a NaN flag discards what a NaN input produced (global
    channels-last maxima). Part of `--pool-to-llvm`.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect"];
}

def PoolAffineVectorize : Pass<"pool-affine-vectorize", "mlir::func::FuncOp"> {
  let summary = "Vectorize the innermost affine loops that upstream's "
                "vectorizer handles correctly";
  let description = [{
    Hands to upstream's affine vectorizer (`affine::vectorizeAffineLoopNest`)
    only the innermost `affine.for` loops it gets right. They must satisfy
    all of the following:
    - unit step and lower bound 0, with an upper bound equal to the static
      last dimension of every memref the loop accesses, so that the vectors
      never touch elements outside the loop's range;
    - every `affine.load`/`affine.store` is either invariant in the loop or
      has the induction variable in its last subscript only, with
      coefficient 1 (contiguous);
    - `iter_args` only as reductions that `affine::isLoopParallel`
      recognizes.

    `--affine-super-vectorize` in Debian's MLIR 22 vectorizes a reduction
    over a strided access (`in[3 * k]`) into a contiguous read, which gives
    wrong results. It also crashes on some nests of reduction loops with
    max/min bounds (docs/performance.md, "The affine path"). That is why
    `--pool-to-llvm=path=affine` runs this pass instead.
  }];
  let options = [
    Option<"vectorSize", "vector-size", "int64_t", /*default=*/"8",
           "Vector length in elements">,
  ];
  let dependentDialects = ["mlir::vector::VectorDialect"];
}

def PoolGPUHostBuffers : Pass<"pool-gpu-host-buffers", "mlir::ModuleOp"> {
  let summary = "Device buffers and copies around GPU kernel launches";
  let description = [{
    Runs on outlined, synchronous GPU host code (after
    `gpu-kernel-outlining`, before `gpu-async-region`). By default the
    functions that launch kernels keep taking and returning host memrefs:
    every `gpu.launch_func` gets a `gpu.alloc` per memref operand, a
    `gpu.memcpy` in where the kernel reads it and out where it writes it,
    and a `gpu.dealloc` after. With `device-data`, every buffer of those
    functions is device memory instead (their arguments too, so callers
    pass device pointers): `memref.alloc`, `memref.copy` and
    `memref.dealloc` become `gpu.alloc`, `gpu.memcpy` and `gpu.dealloc`, and
    any other host operation that reads or writes a buffer is an error.
  }];
  let options = [
    Option<"deviceData", "device-data", "bool", /*default=*/"false",
           "Every buffer of the launching functions is device memory; no "
           "copies">,
  ];
  let dependentDialects = ["mlir::gpu::GPUDialect",
                           "mlir::memref::MemRefDialect"];
}

def PoolGPULowerSubgroupReduce : Pass<"pool-gpu-lower-subgroup-reduce"> {
  let summary = "Lower gpu.subgroup_reduce to gpu.shuffle butterflies";
  let description = [{
    Applies upstream's patterns that break `gpu.subgroup_reduce` of any
    element type (and clustered reductions) into 32-bit `gpu.shuffle xor`
    steps, for a subgroup of `subgroup-size` lanes. `convert-gpu-to-nvvm`
    lowers integer reductions only; the CPU emulation executes shuffles.
    Run it on `gpu.module`s.
  }];
  let options = [
    Option<"subgroupSize", "subgroup-size", "unsigned", /*default=*/"32",
           "Lanes per subgroup">,
  ];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::gpu::GPUDialect",
                           "mlir::vector::VectorDialect"];
}

def PoolGPUEmulate : Pass<"pool-gpu-emulate", "mlir::ModuleOp"> {
  let summary = "Run outlined GPU kernels on the CPU";
  let description = [{
    Replaces every `gpu.launch_func` by a call of a CPU clone of its kernel,
    and the host's synchronous `gpu.alloc`, `gpu.memcpy`, `gpu.dealloc` and
    `gpu.wait` by their memref forms; the `gpu.module`s go. The clone loops
    over the grid; its body is cut into phases at every `gpu.barrier` and
    `gpu.shuffle`, each a loop over the block's threads, so every thread
    reaches a barrier before any passes it. Values used across a cut live in
    per-thread arrays (pure computations from ids and arguments are
    recomputed), shuffles read the partner lane of a 32-lane subgroup, and
    workgroup buffers are one allocation per block. Thread, block, lane and
    subgroup ids come from the loop indices.

    Refused with an error: barriers or shuffles inside control flow (they
    must be reached by every thread), private attributions, dynamic shared
    memory, clusters, asynchronous host operations and any other `gpu` op.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::func::FuncDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::scf::SCFDialect"];
}

def PoolGPUToNVVM : Pass<"pool-gpu-to-nvvm", "mlir::ModuleOp"> {
  let summary = "Outlined GPU kernels and their host code to NVVM, LLVM and "
                "a gpu.binary";
  let description = [{
    The device half of `pool-to-nvvm`, on outlined kernels with synchronous
    host code: `gpu-async-region`, `nvvm-attach-target`, SCF to CF,
    `convert-gpu-to-nvvm` on each `gpu.module`, `gpu-to-llvm` on the host
    and `gpu-module-to-binary`. With `kernel-abi=auto` it chooses the kernel
    ABI from the module: bare pointers marked `llvm.noalias` (and
    `llvm.readonly` where the kernel only reads; the PTX then loads through
    `ld.global.nc`) when every kernel argument is a static identity-layout
    memref, memref descriptors otherwise, and sets the bare-pointer options
    of `convert-gpu-to-nvvm` and `gpu-to-llvm` together. `noalias` is sound
    for the kernels of the pool lowering, which never get overlapping
    buffers.

    `index-bitwidth=32` makes kernel index arithmetic 32-bit where that is
    provably exact: bare-pointer kernels (static shapes) with no `index`
    arguments, every buffer and workgroup array below 2^31 elements, and
    constant launch sizes whose grid x block product is below 2^31; every
    offset a kernel computes is then below 2^31. Where that does not hold it
    is an error naming why; `index-bitwidth=0` falls back to 64 there. The
    default is 64: without overflow flags on 32-bit offsets LLVM cannot fold
    constant offsets into addresses (a zero-extended sum is not a sum of
    zero-extended terms), so 32-bit kernels often have more instructions and
    unroll less (docs/performance.md).

    `toolkit` empty: `/usr/local/cuda` when it exists, else what
    `gpu-module-to-binary` finds (`CUDA_ROOT`, `CUDA_HOME`, `CUDA_PATH`,
    `PATH`); `format=isa` needs no toolkit.
  }];
  let options = [
    Option<"chip", "chip", "std::string", /*default=*/"\"sm_90\"",
           "Target chip">,
    Option<"features", "features", "std::string", /*default=*/"\"+ptx80\"",
           "PTX version (sm_90 and CUDA 13 accept +ptx78 to +ptx90)">,
    Option<"optLevel", "opt-level", "unsigned", /*default=*/"3",
           "Optimization level of the device code">,
    Option<"format", "format", "mlir::pool::GPUBinaryFormat",
           /*default=*/"mlir::pool::GPUBinaryFormat::Fatbin",
           "isa (PTX text), bin (cubin) or fatbin",
           [{mlir::pool::getGPUBinaryFormatValues()}]>,
    Option<"toolkit", "toolkit", "std::string", /*default=*/"\"\"",
           "CUDA toolkit root (ptxas, fatbinary)">,
    Option<"kernelAbi", "kernel-abi", "mlir::pool::GPUKernelABI",
           /*default=*/"mlir::pool::GPUKernelABI::Auto",
           "auto, bare (noalias pointers, static shapes) or descriptors",
           [{mlir::pool::getGPUKernelABIValues()}]>,
    Option<"indexBitwidth", "index-bitwidth", "unsigned", /*default=*/"64",
           "Width of index arithmetic in the kernels: 64, 32 (where exact, "
           "else an error), or 0 (32 where exact, else 64)">,
  ];
  let dependentDialects = ["mlir::LLVM::LLVMDialect",
                           "mlir::gpu::GPUDialect"];
}

#endif // POOL_TRANSFORMS_PASSES
