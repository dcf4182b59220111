#!/usr/bin/env python3
"""The GPU benchmark, run on the device machine (PyTorch with CUDA there).

For each shape of manifest.json (built here by make-kit.py): the input is
random f32 data in the shape's layout; our kernels (cubins assembled from
--pool-to-nvvm's PTX) are launched through the CUDA driver (ctypes) on
PyTorch's buffers and stream; the result is checked against PyTorch's
pooling before anything is timed (max: bit-exact; averages: rtol 1e-5).
Timed, each the median of --repeat CUDA-event-timed runs with the L2 flushed
before every run (a 256 MB buffer is cleared):
  copy      our grid-stride copy kernel (copy.cubin) over the same bytes
            (half of input + output read, half written): the denominator;
  ours      the pool kernels;
  torch     PyTorch in the layout of the shape (4-D: NCHW contiguous or
            channels_last), and in the other 4-D layout;
  torch+idx max_pool with return_indices=True (PyTorch's CUDA max pooling
            computes indices in any case).
Prints a Markdown table, writes bench.json to the output folder.

  python3 bench.py --kit .gpu-kit/bench --out DIR [--repeat 50]
  /usr/bin/python3 bench/gpu/bench.py --manifest .gpu-kit/bench/manifest.json \
      --dry-run   (here: each shape at batch 1 through pool-run's GPU
                   emulation against the same PyTorch reference)
"""

import argparse
import ctypes
import json
import os
import statistics
import sys

import torch
import torch.nn.functional as F


class Driver:
    """The few CUDA driver calls the benchmark needs."""

    def __init__(self):
        self.lib = ctypes.CDLL("libcuda.so.1")
        self.modules = {}

    def check(self, what, result):
        if result != 0:
            name = ctypes.c_char_p()
            self.lib.cuGetErrorName(result, ctypes.byref(name))
            raise RuntimeError("%s failed: %s" % (what, name.value.decode()))

    def function(self, path, kernel):
        key = (path, kernel)
        if key not in self.modules:
            data = open(path, "rb").read()
            mod = ctypes.c_void_p()
            self.check("cuModuleLoadData(%s)" % path,
                       self.lib.cuModuleLoadData(ctypes.byref(mod), data))
            fn = ctypes.c_void_p()
            self.check("cuModuleGetFunction(%s)" % kernel,
                       self.lib.cuModuleGetFunction(ctypes.byref(fn), mod,
                                                    kernel.encode()))
            self.modules[key] = (mod, fn, data)
        return self.modules[key][1]

    def launch(self, fn, grid, block, args, stream):
        vals = [a if isinstance(a, ctypes._SimpleCData) else ctypes.c_void_p(a)
                for a in args]
        params = (ctypes.c_void_p * len(vals))(
            *[ctypes.cast(ctypes.pointer(v), ctypes.c_void_p) for v in vals])
        self.check("cuLaunchKernel", self.lib.cuLaunchKernel(
            fn, grid[0], grid[1], grid[2], block[0], block[1], block[2], 0,
            ctypes.c_void_p(stream), params, None))


def logical(x, b):
    """The input as PyTorch's N, C, spatial view (a strided view for CL)."""
    if b["layout"] == "cf":
        return x
    r = b["rank"]
    return x.permute(0, r + 1, *range(1, r + 1))


def to_layout(y, b):
    if b["layout"] == "cf" or b["op"].startswith("global"):
        return y.contiguous()
    r = b["rank"]
    return y.permute(0, *range(2, r + 2), 1).contiguous()


def torch_op(b, indices=False):
    r, op = b["rank"], b["op"]
    spatial = tuple(range(2, r + 2))
    if op == "max":
        f = getattr(F, "max_pool%dd" % r)
        return lambda xl: f(xl, b["kernel"], b["strides"], b["pad"],
                            return_indices=indices)
    if op == "avg":
        f = getattr(F, "avg_pool%dd" % r)
        return lambda xl: f(xl, b["kernel"], b["strides"], b["pad"],
                            count_include_pad=b["include_pad"])
    if op == "global_avg":
        return lambda xl: xl.mean(dim=spatial)
    if op == "global_max":
        return lambda xl: xl.amax(dim=spatial)
    if op == "adaptive_avg":
        f = getattr(F, "adaptive_avg_pool%dd" % r)
        return lambda xl: f(xl, b["output_size"])
    if op == "adaptive_max":
        f = getattr(F, "adaptive_max_pool%dd" % r)
        return lambda xl: f(xl, b["output_size"])
    raise ValueError(op)


def median_ms(fn, flush, repeat, warmup=3):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        flush.zero_()
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    return statistics.median(times)


def dry_run(manifest, pool_run):
    """Here, without a GPU: each shape at batch 1 through pool-run's GPU
    emulation (the same kernels), against the reference the device run
    uses; proves the mapping of shapes to PyTorch calls."""
    import subprocess
    import tempfile
    import numpy as np
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import shapes
    bad = 0
    for b in manifest:
        b1 = dict(b, input=[1] + b["input"][1:], output=[1] + b["output"][1:])
        x = torch.randn(b1["input"])
        y = to_layout(torch_op(b1)(logical(x, b1)), b1)
        with tempfile.TemporaryDirectory() as d:
            open(d + "/m.mlir", "w").write(shapes.module(b1))
            np.save(d + "/x.npy", x.numpy())
            subprocess.run([pool_run, d + "/m.mlir", "--target=gpu-emulation",
                            "--input=" + d + "/x.npy",
                            "--output=" + d + "/y.npy"], check=True)
            ours = torch.from_numpy(np.load(d + "/y.npy"))
        ok = ours.shape == y.shape and torch.allclose(ours, y, rtol=1e-5,
                                                      atol=1e-6)
        bad += not ok
        print("dry-run: %-16s %s %s" % (b["id"], list(y.shape),
                                        "ok" if ok else "MISMATCH"))
    if bad:
        sys.exit("bench.py: %d shapes disagree with PyTorch" % bad)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kit", default=os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "bench"))
    p.add_argument("--out", default=".")
    p.add_argument("--repeat", type=int, default=50)
    p.add_argument("--filter", default="")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--manifest", default=None)
    p.add_argument("--pool-run", default="build/bin/pool-run",
                   help="--dry-run: the pool-run that emulates the kernels")
    args = p.parse_args()
    manifest = json.load(open(args.manifest or
                              os.path.join(args.kit, "manifest.json")))
    manifest = [b for b in manifest if args.filter in b["id"]]
    if args.dry_run:
        return dry_run(manifest, args.pool_run)

    torch.manual_seed(0)
    dev = torch.device("cuda")
    torch.zeros(1, device=dev)  # creates and makes current the primary context
    drv = Driver()
    stream = torch.cuda.current_stream().cuda_stream
    flush = torch.empty(64 << 20, dtype=torch.float32, device=dev)  # 256 MB
    props = torch.cuda.get_device_properties(0)
    copy_fn = drv.function(os.path.join(args.kit, "copy.cubin"), "pool_copy")
    print("# GPU benchmark: %s, %d SMs, torch %s, CUDA %s, median of %d" %
          (props.name, props.multi_processor_count, torch.__version__,
           torch.version.cuda, args.repeat))
    print()
    print("| shape | MB moved | copy us | ours us | ours GB/s | of copy | "
          "torch us | torch other layout us | torch+idx us | ours / best "
          "torch | check |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    rows, failures = [], 0
    for b in manifest:
        x = torch.randn(b["input"], device=dev)
        out = torch.empty(b["output"], device=dev)
        bufs = {"in": x.data_ptr(), "out": out.data_ptr()}
        fns = [(drv.function(os.path.join(args.kit, l["cubin"]), l["kernel"]),
                l) for l in b["launches"]]

        def ours():
            for fn, l in fns:
                drv.launch(fn, l["grid"], l["block"],
                           [bufs[a] for a in l["args"]], stream)

        ours()
        torch.cuda.synchronize()
        xl = logical(x, b)
        ref = to_layout(torch_op(b)(xl), b)
        if b["op"] in ("max", "global_max", "adaptive_max"):
            ok = torch.equal(out, ref)
        else:
            ok = torch.allclose(out, ref, rtol=1e-5, atol=1e-6)
        err = (out - ref).abs().max().item()
        moved = (x.numel() + out.numel()) * 4
        n16 = moved // 2 // 16
        src = torch.empty(n16 * 4, device=dev)
        dst = torch.empty(n16 * 4, device=dev)
        blocks = min((n16 + 255) // 256, props.multi_processor_count * 8)
        t_copy = median_ms(lambda: drv.launch(
            copy_fn, [blocks, 1, 1], [256, 1, 1],
            [src.data_ptr(), dst.data_ptr(), ctypes.c_ulonglong(n16)],
            stream), flush, args.repeat)
        t_ours = median_ms(ours, flush, args.repeat)
        op = torch_op(b)
        t_torch = median_ms(lambda: op(xl), flush, args.repeat)
        t_other = None
        if b["rank"] == 2:
            other = (x.permute(0, 3, 1, 2).contiguous() if b["layout"] == "cl"
                     else x.contiguous(memory_format=torch.channels_last))
            t_other = median_ms(lambda: op(other), flush, args.repeat)
        t_idx = None
        if b["op"] == "max":
            opi = torch_op(b, indices=True)
            t_idx = median_ms(lambda: opi(xl), flush, args.repeat)
        best = min(t for t in (t_torch, t_other) if t is not None)
        row = dict(id=b["id"], name=b["name"], mb=moved / 1e6, copy_us=t_copy
                   * 1e3, ours_us=t_ours * 1e3, torch_us=t_torch * 1e3,
                   torch_other_us=t_other and t_other * 1e3,
                   torch_idx_us=t_idx and t_idx * 1e3, ok=ok, max_err=err,
                   ptxas=[l.get("ptxas", "") for l in b["launches"]])
        rows.append(row)
        failures += not ok

        def us(t):
            return "-" if t is None else "%.1f" % (t * 1e3)

        print("| %s | %.1f | %s | %s | %.0f | %.0f%% | %s | %s | %s | %.2fx | %s |"
              % (b["name"], moved / 1e6, us(t_copy), us(t_ours),
                 moved / t_ours / 1e6, 100 * t_copy / t_ours, us(t_torch),
                 us(t_other), us(t_idx), t_ours / best,
                 "ok" if ok else "WRONG (max err %g)" % err))
        sys.stdout.flush()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "bench.json"), "w") as f:
        json.dump(dict(device=props.name, torch=torch.__version__,
                       repeat=args.repeat, rows=rows), f, indent=1)
    if failures:
        sys.exit("bench.py: %d shapes gave wrong results" % failures)


if __name__ == "__main__":
    main()
