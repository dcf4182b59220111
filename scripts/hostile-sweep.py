#!/usr/bin/env python3
"""Hostile-shape sweep: random pool ops with zero, dynamic, 2^31 and
INT64_MAX sizes and attributes, each lowered by every pipeline.

Complements the fuzzers (docs/reliability.md): every function the verifier
accepts must lower without a diagnostic, a crash or a sanitizer report.
Usage: scripts/hostile-sweep.py [--pool-opt build-asan/bin/pool-opt]
       [--seeds 1-4]. Prints each failure (function, pipeline, first
       diagnostic) and exits non-zero if there is one. Not part of CI: one
       seed takes about a minute per pipeline on the 2-core VM.
"""
import argparse
import os
import random
import subprocess
import sys

INT64_MAX = 2**63 - 1
PIPELINES = [
    "--canonicalize --pool-to-llvm",
    "--pool-to-llvm=threads=1",
    "--pool-to-llvm=strategy=direct",
    "--pool-to-llvm=strategy=separable",
    "--pool-to-llvm=strategy=sliding",
    "--pool-to-llvm=path=linalg",
    "--pool-to-llvm=path=affine",
    "--canonicalize --pool-to-gpu-emulation",
    "--convert-pool-to-tosa",
]


def tensor(shape, elem):
    dims = "x".join("?" if s is None else str(s) for s in shape)
    return "tensor<%sx%s>" % (dims, elem)


def array(values):
    return "array<i64: %s>" % ", ".join(map(str, values))


def functions(rng):
    for rank in (1, 2, 3):
        for layout in ("channels_first", "channels_last"):
            for op in ("max", "avg", "adaptive_avg", "adaptive_max",
                       "global_max", "global_avg"):
                for elem in ("f32", "f16", "bf16", "f64", "i32", "i8"):
                    for _ in range(2):
                        yield make(rng, rank, layout, op, elem)


def make(rng, rank, layout, op, elem):
    huge = (INT64_MAX, 2**31)
    spatial = [rng.choice([0, 1, 3, None, 7, *huge]) for _ in range(rank)]
    n = rng.choice([0, 1, None, 2])
    c = rng.choice([0, 1, 3, None, 32, INT64_MAX])
    # Huge sizes only beside an empty dimension (else the verifier rejects
    # more than 2^63 bytes, which is covered elsewhere).
    if any(s in huge for s in spatial + [c]) and 0 not in spatial + [c, n]:
        c = 0
    shape = [n, c] + spatial if layout == "channels_first" else [n] + spatial + [c]
    attrs = ["layout = #pool.layout<%s>" % layout]
    if op in ("max", "avg"):
        attrs += [
            "kernel = " + array(rng.choice([1, 2, 3, *huge]) for _ in range(rank)),
            "strides = " + array(rng.choice([1, 2, INT64_MAX]) for _ in range(rank)),
            "dilations = " + array(rng.choice([1, 2, INT64_MAX]) for _ in range(rank)),
            "padding = " + array(rng.choice([0, 1, INT64_MAX // 4])
                                 for _ in range(2 * rank)),
        ]
        if rng.random() < 0.3:
            attrs.append("ceil_mode = true")
        if op == "avg" and rng.random() < 0.5:
            attrs.append("count_include_pad = true")
    elif op.startswith("adaptive"):
        attrs.append("output_size = " +
                     array(rng.choice([1, 2, 5, INT64_MAX]) for _ in range(rank)))
    result = tensor([None] * (2 if op.startswith("global") else rank + 2), elem)
    arg = tensor(shape, elem)
    return ("func.func @f(%%a: %s) -> %s {\n"
            "  %%0 = pool.%s %%a {%s} : %s -> %s\n"
            "  return %%0 : %s\n}\n") % (arg, result, op, ", ".join(attrs), arg,
                                        result, result)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool-opt", default="build/bin/pool-opt")
    parser.add_argument("--seeds", default="1-2", help="first-last")
    args = parser.parse_args()
    first, _, last = args.seeds.partition("-")
    env = dict(os.environ, ASAN_OPTIONS="allow_user_poisoning=0")
    failures = 0
    for seed in range(int(first), int(last or first) + 1):
        rng = random.Random(seed)
        for text in functions(rng):
            run = lambda flags: subprocess.run(
                [args.pool_opt, *flags, "-"], input=text, capture_output=True,
                text=True, env=env)
            if run([]).returncode:
                continue  # rejected by the verifier
            for pipeline in PIPELINES:
                r = run(pipeline.split())
                if r.returncode:
                    failures += 1
                    first_line = (r.stderr.strip().splitlines() or ["?"])[0]
                    print("FAIL seed %d, %s (exit %d):\n%s  %s" %
                          (seed, pipeline, r.returncode, text, first_line))
    print("%d failures" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
