#!/usr/bin/env python3
"""TOSA and linalg pooling through upstream's lowering and through pool.

For each shape, one TOSA function (NCHW models wrapped in transposes, as
torch-mlir and onnx-mlir emit them) is compiled three ways and timed with
pool-run (median of --repeat calls of the kernel alone on preallocated
buffers, one thread unless --num-threads):

  upstream: tosa-to-linalg-named, tosa-to-linalg, tosa-to-arith,
            tosa-to-tensor, then pool-to-llvm's bufferization and linalg
            loops (what a user of upstream MLIR gets);
  tosa->pool: convert-tosa-to-pool first, the rest as upstream;
  linalg->pool: upstream's linalg, then raise-linalg-to-pool.

Prints a markdown table (docs/performance.md#tosa-and-linalg-in).
Usage: bench/interop.py [--build build] [--repeat 50] [--num-threads 1]
"""
import argparse
import os
import re
import subprocess
import tempfile

UPSTREAM = ("builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,"
            "tosa-to-arith,tosa-to-tensor))")


def transpose(x, perms, in_shape, name):
    out = [in_shape[p] for p in perms]
    return ("  %{n} = tosa.transpose %{x} {{perms = array<i32: {p}>}} : "
            "({a}) -> ({b})\n".format(n=name, x=x, p=", ".join(map(str, perms)),
                                      a=ty(in_shape), b=ty(out)), out)


def ty(shape, elem="f32"):
    return "tensor<%sx%s>" % ("x".join(map(str, shape)), elem)


def case(name, kind, shape, kernel, stride, pad, nchw):
    """A TOSA function: max or avg pooling of `shape` (NCHW if `nchw`)."""
    body = ""
    x = "arg0"
    nhwc = shape
    if nchw:
        text, nhwc = transpose(x, [0, 2, 3, 1], shape, "t")
        body += text
        x = "t"
    n, h, w, c = nhwc
    oh = (h + pad[0] + pad[1] - kernel[0]) // stride[0] + 1
    ow = (w + pad[2] + pad[3] - kernel[1]) // stride[1] + 1
    out = [n, oh, ow, c]
    attrs = "kernel = array<i64: %d, %d>, pad = array<i64: %s>, stride = " \
            "array<i64: %d, %d>" % (kernel[0], kernel[1],
                                    ", ".join(map(str, pad)), *stride)
    if kind == "max":
        body += "  %%p = tosa.max_pool2d %%%s {%s} : (%s) -> %s\n" % (
            x, attrs, ty(nhwc), ty(out))
    else:
        body += ('  %zp = "tosa.const"() <{values = dense<0.0> : '
                 'tensor<1xf32>}> : () -> tensor<1xf32>\n')
        body += ("  %%p = tosa.avg_pool2d %%%s, %%zp, %%zp {acc_type = f32, "
                 "%s} : (%s, tensor<1xf32>, tensor<1xf32>) -> %s\n" % (
                     x, attrs, ty(nhwc), ty(out)))
    result, rtype = "p", out
    if nchw:
        text, rtype = transpose("p", [0, 3, 1, 2], out, "r")
        body += text
        result = "r"
    return ("func.func @%s(%%arg0: %s) -> %s {\n%s  return %%%s : %s\n}\n" %
            (name, ty(shape), ty(rtype), body, result, ty(rtype)))


CASES = [
    # TOSA's exact divisibility: PyTorch's padding 1 is [1, 0, 1, 0] here.
    ("resnet_stem_max_nchw", "max", [1, 64, 112, 112], [3, 3], [2, 2],
     [1, 0, 1, 0], True),
    ("resnet_stem_max_nchw_n8", "max", [8, 64, 112, 112], [3, 3], [2, 2],
     [1, 0, 1, 0], True),
    ("vgg_max_2x2_nhwc", "max", [1, 112, 112, 128], [2, 2], [2, 2],
     [0, 0, 0, 0], False),
    ("inception_avg_3x3_s1_nhwc", "avg", [1, 35, 35, 192], [3, 3], [1, 1],
     [1, 1, 1, 1], False),
    ("inception_avg_3x3_s1_nchw", "avg", [1, 192, 35, 35], [3, 3], [1, 1],
     [1, 1, 1, 1], True),
    ("resnet_head_avg_7x7_nchw", "avg", [8, 2048, 7, 7], [7, 7], [1, 1],
     [0, 0, 0, 0], True),
]


def time_ms(pool_run, module, entry, threads, repeat):
    out = subprocess.run(
        [pool_run, module, "--entry=" + entry, "--repeat=%d" % repeat,
         "--num-threads=%d" % threads], capture_output=True, text=True,
        check=True).stdout
    return float(re.search(r"([0-9.]+) ms per call", out).group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--num-threads", type=int, default=1)
    args = parser.parse_args()
    opt = os.path.join(args.build, "bin", "pool-opt")
    run = os.path.join(args.build, "bin", "pool-run")
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "cases.mlir")
    with open(src, "w") as f:
        for c in CASES:
            f.write(case(*c))
    mods = {}
    for label, steps in [
            ("upstream", [["--pass-pipeline=" + UPSTREAM]]),
            ("tosa->pool", [["--convert-tosa-to-pool"],
                            ["--pass-pipeline=" + UPSTREAM]]),
            ("linalg->pool", [["--pass-pipeline=" + UPSTREAM],
                              ["--raise-linalg-to-pool"]])]:
        cur = src
        for i, step in enumerate(steps):
            nxt = os.path.join(tmp, "%s.%d.mlir" % (label.replace(">", ""), i))
            subprocess.run([opt, cur, "-o", nxt] + step, check=True)
            cur = nxt
        mods[label] = cur
    print("| shape | upstream ms | tosa->pool ms | linalg->pool ms | "
          "upstream / tosa->pool | upstream / linalg->pool |")
    print("|---|---|---|---|---|---|")
    for c in CASES:
        t = {k: time_ms(run, m, c[0], args.num_threads, args.repeat)
             for k, m in mods.items()}
        print("| %s | %.3f | %.3f | %.3f | %.1fx | %.1fx |" % (
            c[0], t["upstream"], t["tosa->pool"], t["linalg->pool"],
            t["upstream"] / t["tosa->pool"], t["upstream"] / t["linalg->pool"]))


if __name__ == "__main__":
    main()
