//===- Passes.td - Pool conversion passes ------------------*- tablegen -*-===//

#ifndef POOL_CONVERSION_PASSES
#define POOL_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertPoolToLinalg : Pass<"convert-pool-to-linalg", "mlir::func::FuncOp"> {
  let summary = "Lower pool ops to linalg on tensors";
  let description = [{
    Lowers every pool op to `linalg` on tensors, for every rank, layout,
    padding mode and element type, with static or dynamic shapes:

    - a local pooling whose windows never leave the input (no padding, no
      `ceil_mode` overhang) becomes the upstream named op
      (`linalg.pooling_{ncw,nwc,nchw,nhwc,ndhwc}_{max,sum}`), or a
      `linalg.generic` with the same indexing for the channels-first 3-D case
      that upstream lacks;
    - a padded window becomes a `linalg.generic` over (output, window) that
      reads the input with `tensor.extract` at a clamped index and skips taps
      outside the input: no padded copy of the input is made;
    - averages divide by a divisor computed once per output spatial position
      (a small `linalg.generic` over the output's spatial dimensions) from the
      dialect's window arithmetic; f16/bf16 accumulate in f32;
    - global pooling is a `linalg.generic` reduction; adaptive pooling a
      `linalg.generic` over (output, bin offset) with the bin bounds computed
      in the body.

    Dynamic sizes come from the ops' shape reification. With
    `assert-window-fits` (the default), an input whose dynamic spatial size
    is too small for the window (or zero) fails at run time with a
    `cf.assert` message instead of reading out of bounds.
  }];
  let options = [
    Option<"assertWindowFits", "assert-window-fits", "bool", /*default=*/"true",
           "Check at run time that dynamic spatial sizes fit the window">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::cf::ControlFlowDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::tensor::TensorDialect",
  ];
}

def ConvertPoolToAffine : Pass<"convert-pool-to-affine", "mlir::func::FuncOp"> {
  let summary = "Lower pool ops to affine loop nests";
  let description = [{
    Lowers every pool op (every rank, layout, padding mode and element type;
    static shapes, dynamic sizes as affine symbols) to `affine.for` nests
    with `affine.load`/`affine.store`, so that upstream's affine analyses and
    transforms apply: `affine-loop-tile`, `affine-super-vectorize`,
    `affine-loop-unroll-jam`, `affine-scalrep`, `affine-data-copy-generate`,
    `affine-loop-fusion`.

    - The input is read through `bufferization.to_buffer`. The result is a
      `memref.alloc` returned through `bufferization.to_tensor` (`restrict`,
      `writable`), which one-shot bufferization folds away.
    - Windows that leave the input are handled by the loop bounds: the taps
      of output `o` run over `[max(ceil(-start / d), 0),
      min(ceil((I - start) / d), K))`, where `start = o * s - pb`. That is
      a max map and a min map. Adaptive bins run over
      `[0, end(o) - begin(o))`. There is no padded copy and no `affine.if`.
      Every bound and subscript comes from the shared window formulas,
      built as affine expressions (`AffineExprArith`).
    - Channels-last: a fill nest, then `(n, o..., k..., c)`, which
      accumulates into the output buffer with the channels innermost (every
      access is contiguous along the innermost loop), then the averages'
      division.
    - Channels-first: `(n, c, o...)`, then the taps innermost, reducing in
      `iter_args`, with one store per output.
    - Averages divide by the shared divisor, computed in the loop. f16 and
      bf16 accumulate in f32. Maxima propagate NaN (`arith.maximumf`);
      integers use `arith.maxsi`.

    An op it cannot express is left as it is, with a remark, for the
    default lowering: adaptive bins over a dynamic input size (`o * I / O`
    is not affine when `I` is a symbol), and dynamic sizes of an op that is
    not at the top level of a function. With `assert-window-fits` (the
    default), dynamic spatial sizes that do not fit the window fail at run
    time with a `cf.assert` message.
  }];
  let options = [
    Option<"assertWindowFits", "assert-window-fits", "bool", /*default=*/"true",
           "Check at run time that dynamic spatial sizes fit the window">,
  ];
  let dependentDialects = [
    "mlir::affine::AffineDialect",
    "mlir::arith::ArithDialect",
    "mlir::bufferization::BufferizationDialect",
    "mlir::cf::ControlFlowDialect",
    "mlir::memref::MemRefDialect",
  ];
}

def ConvertPoolToVector : Pass<"convert-pool-to-vector", "mlir::func::FuncOp"> {
  let summary = "Lower pool ops to vectorized, parallel loops on tensors";
  let description = [{
    Lowers every pool op to an `scf.forall` over independent output slices
    (bufferized in place, then run on OpenMP threads by `pool-to-llvm`) whose
    body reads the input with `vector.transfer_read`, reduces in vector
    registers and writes whole vectors:

    - channels-last data vectorizes over channels (up to four hardware
      vectors per accumulator, a masked tail for the remainder); window taps
      outside the input are skipped by clamping the tap loops, so no mask is
      needed per tap and no padded copy of the input is made;
    - channels-first data vectorizes along the contiguous last spatial
      dimension: interior blocks read whole vectors (strided windows pick
      their lanes with `vector.shuffle`), border blocks and irregular
      adaptive bins read a vector once and select lanes with
      constant shuffles where the sizes are static; only dynamic borders
      fall back to one output at a time;
    - `strategy=separable` (chosen by `auto` for windows of two or more
      dimensions when it reads fewer taps per output, e.g. 7x7 and 9x9
      stride 1) first reduces every input row along the contiguous
      dimension into a per-task row buffer and then reduces the remaining
      dimensions from the buffer; `direct` reads every window tap;
    - stride-1 windows go in blocks of consecutive outputs that share their
      reads and partial combines (the rows of both separable passes,
      channels-last windows along W; half the vector registers per block),
      and channels-first rows share half-vector pieces along W for windows
      of a vector of taps or more;
    - `strategy=sliding` (on request only) reduces the rows of 2-D
      stride-1 windows in the separable plan with van Herk/Gil-Werman block
      suffixes and prefixes: two combines per output whatever the window
      height (sums too);
    - global pooling is a multi-accumulator vector reduction;
    - float maxima sum each task's input slice once (a NaN makes the sum
      NaN) and, when the sum is not NaN, use a plain compare-and-select
      maximum (one `vmaxps`) instead of the NaN-propagating
      `arith.maximumf`; other slices take the exact path. Global maxima keep
      a per-lane NaN flag beside a plain maximum.

    The cost model plans for `target-cpu` (empty: the host): its vector
    width, number of vector registers, mask registers and masked memory
    operations come from LLVM's description of that CPU; `vector-bits`
    overrides the width. Ops moving fewer than `min-parallel-bytes` bytes
    run on one thread (serial loops, no OpenMP region) even in parallel
    code; `threads`, where known, bounds how finely parallel channels-last
    global rows are split. See docs/performance.md for the cost model and
    measurements.
  }];
  let options = [
    Option<"targetCpu", "target-cpu", "std::string", /*default=*/"\"\"",
           "CPU to plan for, an LLVM CPU name (znver3, skylake-avx512, ...); "
           "empty: the host">,
    Option<"vectorBits", "vector-bits", "int64_t", /*default=*/"0",
           "SIMD register width in bits (0: the target CPU's)">,
    Option<"minParallelBytes", "min-parallel-bytes", "int64_t",
           /*default=*/"-1",
           "Ops moving fewer bytes (input + output, static shapes) run on one "
           "thread; -1: the cost model's threshold, 0: every op parallel">,
    Option<"threads", "threads", "int64_t", /*default=*/"0",
           "Threads the code will run on, where known (pool-to-llvm passes "
           "its own): parallel channels-last global rows are split into "
           "about 4 tasks per thread; 0: unknown (16 tasks)">,
    Option<"strategy", "strategy", "mlir::pool::PoolStrategy",
           /*default=*/"mlir::pool::PoolStrategy::Auto",
           "Algorithm: auto (the cost model's choice), direct, separable or "
           "sliding",
           [{mlir::pool::getPoolStrategyValues()}]>,
    Option<"assertWindowFits", "assert-window-fits", "bool", /*default=*/"true",
           "Check at run time that dynamic spatial sizes fit the window">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::cf::ControlFlowDialect",
    "mlir::memref::MemRefDialect",
    "mlir::scf::SCFDialect",
    "mlir::tensor::TensorDialect",
    "mlir::vector::VectorDialect",
  ];
}

def ConvertPoolToGPU : Pass<"convert-pool-to-gpu", "mlir::func::FuncOp"> {
  let summary = "Lower pool ops to target-neutral GPU kernels (gpu.launch)";
  let description = [{
    Lowers every pool op on tensors to a `gpu.launch` on buffers: the input
    through `bufferization.to_buffer` (read-only), the result into a
    64-byte aligned `memref.alloc` returned with `bufferization.to_tensor`.
    The run-time shape checks (`assert-window-fits`) run on the host before
    the launch; an empty result launches nothing. Each family has its own
    thread mapping (docs/lowering.md):

    - local and adaptive windows: one thread per output element, threads
      consecutive along the output's last spatial dimension (channels-first)
      or along the channels, each loading a 16-byte vector where the static
      channel count allows (channels-last); taps outside the input are
      skipped by clamped loops, and windows wholly inside the input take a
      copy of the loops with constant bounds that the backend unrolls;
    - channels-first 2-D windows with stride 1, no dilation and enough taps
      (`separable-windows`): one block per tile of 32 x (block size / 32)
      outputs of a plane; the tile's inputs are loaded once into workgroup
      memory, reduced along W, then along H (two `gpu.barrier`s);
    - global pooling: block reductions, one `gpu.subgroup_reduce` per row
      of a channels-first input, 8 rows of threads meeting in workgroup
      memory after a `gpu.barrier` for channels-last;
    - f16/bf16 load as such and accumulate in f32; float maxima use the
      NaN-propagating `arith.maximumf` (`max.NaN.f32` on sm_80+).

    The kernels use gpu, scf, arith, memref and vector ops only: the NVVM
    pipeline (`pool-to-nvvm`) and the CPU emulation
    (`pool-to-gpu-emulation`) both start from them.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "Threads per block of the window and channels-first global "
           "kernels (a multiple of 32 up to 1024)">,
    Option<"vectorLoads", "vector-loads", "bool", /*default=*/"true",
           "Channels-last kernels load 16-byte vectors of channels where the "
           "static channel count is a multiple of the vector">,
    Option<"separableWindows", "separable-windows", "bool",
           /*default=*/"true",
           "Channels-first 2-D stride-1 windows of about 4x4 and up: one "
           "block per tile of outputs, the inputs loaded once into workgroup "
           "memory, rows reduced first">,
    Option<"assertWindowFits", "assert-window-fits", "bool", /*default=*/"true",
           "Check at run time that dynamic spatial sizes fit the window">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::bufferization::BufferizationDialect",
    "mlir::cf::ControlFlowDialect",
    "mlir::gpu::GPUDialect",
    "mlir::memref::MemRefDialect",
    "mlir::scf::SCFDialect",
    "mlir::tensor::TensorDialect",
    "mlir::vector::VectorDialect",
  ];
}

def ConvertTosaToPool : Pass<"convert-tosa-to-pool", "mlir::func::FuncOp"> {
  let summary = "Raise tosa.max_pool2d / tosa.avg_pool2d to pool ops";
  let description = [{
    Replaces `tosa.max_pool2d` and `tosa.avg_pool2d` (MLIR 22: NHWC,
    `pad = [top, bottom, left, right]`, floor-mode output) by `pool.max` /
    `pool.avg` with exactly TOSA's semantics: the padding is ignored by max
    and not counted by avg (`count_include_pad = false`).

    - `fold-transposes`: an input transposed NCHW -> NHWC
      (`tosa.transpose` with perms `[0, 2, 3, 1]`, as NCHW frontends emit)
      makes the pool op channels-first on the untransposed tensor; results
      used through the inverse transpose (`[0, 3, 1, 2]`) take the pool
      result directly, other uses get one transpose back.
    - `fold-pads`: a `tosa.pad` of the spatial dimensions only, by constant
      non-negative amounts, folds into the pool padding where that is exact:
      pad value `-inf` (the signed minimum for integers) for max; pad value
      `+0.0` for an average without padding of its own, which then counts the
      padding (`count_include_pad = true`); the total padding must stay
      smaller than the window. Other pads stay in front of the pool op.

    Left as TOSA, with a remark naming the reason: `nan_mode = IGNORE` on
    floats, `acc_type` other than f32, zero points other than 0, integer
    averages, element types pool does not support (fp8), and result types
    that disagree with the floor-mode output size.
  }];
  let options = [
    Option<"foldTransposes", "fold-transposes", "bool", /*default=*/"true",
           "Fold NCHW <-> NHWC tosa.transpose pairs into a channels-first pool op">,
    Option<"foldPads", "fold-pads", "bool", /*default=*/"true",
           "Fold a neutral tosa.pad into the pool op's padding">,
  ];
  let dependentDialects = [
    "mlir::pool::PoolDialect",
    "mlir::tensor::TensorDialect",
    "mlir::tosa::TosaDialect",
  ];
}

def ConvertPoolToTosa : Pass<"convert-pool-to-tosa", "mlir::func::FuncOp"> {
  let summary = "Lower pool ops to TOSA where TOSA can express them exactly";
  let description = [{
    Rewrites 2-D pool ops without dilation as `tosa.max_pool2d` /
    `tosa.avg_pool2d`, channels-first data through a pair of
    `tosa.transpose`, so that the result passes `--tosa-validate` and has
    pool's semantics:

    - the window geometry (auto_pad, ceil_mode, output size) comes from the
      dialect's window arithmetic, so spatial sizes must be static;
    - TOSA requires `(I + pad_begin + pad_end - K) % stride == 0`: end
      padding the last window never reaches is trimmed, input rows past it
      are cut with `tosa.slice`, and a `ceil_mode` overhang becomes end
      padding (ignored by TOSA, as by pool);
    - `count_include_pad = true` pads explicitly with zeros (`tosa.pad`),
      and only the `ceil_mode` overhang stays TOSA padding, not counted;
    - `global_max` / `global_avg` of 2-D data, and adaptive pooling with
      uniform bins (`I % O` is 0 or 1), become a pooling whose window is the bin; `keep_dims =
      false` ends in `tosa.reshape`.

    Everything else (1-D and 3-D data, dilation, dynamic spatial sizes,
    uneven adaptive bins, f64, windows or padding beyond TOSA's levels)
    stays a pool op, with a remark naming the reason.
  }];
  let dependentDialects = [
    "mlir::tosa::TosaDialect",
  ];
}

#endif // POOL_CONVERSION_PASSES
