#!/usr/bin/env python3
"""PyTorch's time for one pool-bench shape (pool-bench runs it per shape).

Reads the input (.npy, in the shape's layout), runs PyTorch eager on the CPU
with --threads intra-op threads, in the layout of the shape (channels-first:
contiguous NCHW; channels-last: the channels_last memory format for 4-D, a
permuted view otherwise) and, for 4-D data, in the other layout too; writes
the result of the shape's layout to --output for pool-bench to check against
its reference; prints one JSON line: {"same": ms, "other": ms, "note": ...}.

  /usr/bin/python3 bench/torch-pool.py --spec '{...}' --input x.npy \
      --output y.npy --threads 1 --repeat 10 --warmup 3
"""

import argparse
import json
import math
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def pool_fn(spec):
    op, r = spec["op"], spec["rank"]
    spatial = tuple(range(2, r + 2))
    if op in ("max", "avg"):
        if spec["pad_begin"] != spec["pad_end"]:
            return None, "asymmetric padding"
        k, s, p = spec["kernel"], spec["strides"], spec["pad_begin"]
        if any(2 * pi > ki for pi, ki in zip(p, k)):
            return None, "padding over half the window"
        if op == "max":
            f = getattr(F, "max_pool%dd" % r)
            return (lambda x: f(x, k, s, p)), ""
        f = getattr(F, "avg_pool%dd" % r)
        return (lambda x: f(x, k, s, p,
                            count_include_pad=spec["include_pad"])), ""
    if op == "global_avg":
        return (lambda x: x.mean(dim=spatial)), ""
    if op == "global_max":
        return (lambda x: x.amax(dim=spatial)), ""
    if op in ("adaptive_avg", "adaptive_max"):
        f = getattr(F, "%s_pool%dd" % (op, r))
        return (lambda x: f(x, spec["output_size"])), ""
    return None, "no PyTorch op"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--spec", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repeat", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    # As pool-bench times every other column: each timed run is as many
    # back-to-back calls as last this long (one call if 0).
    p.add_argument("--min-sample-ms", type=float, default=0.0)
    args = p.parse_args()
    spec = json.loads(args.spec)
    torch.set_num_threads(max(args.threads, 1))
    fn, note = pool_fn(spec)
    if fn is None:
        print(json.dumps({"same": None, "other": None, "note": note}))
        return
    arr = np.load(args.input)
    x = torch.from_numpy(arr)
    if spec["dtype"] == "bf16":
        x = x.to(torch.bfloat16)
    r, cl = spec["rank"], spec["layout"] == "cl"
    # The logical (N, C, spatial) view of the data as stored.
    same = x.permute(0, r + 1, *range(1, r + 1)) if cl else x
    other = None
    if r == 2:
        other = (same.contiguous() if cl else
                 same.contiguous(memory_format=torch.channels_last))

    def timed(inp):
        for _ in range(args.warmup):
            fn(inp)

        def per_call(calls):
            t0 = time.perf_counter()
            for _ in range(calls):
                fn(inp)
            return (time.perf_counter() - t0) / calls

        calls = 1
        if args.min_sample_ms > 0:
            once = max(per_call(1), 1e-9)
            calls = min(max(1, math.ceil(args.min_sample_ms / 1e3 / once)),
                        1 << 20)
        times = [per_call(calls) for _ in range(args.repeat)]
        return statistics.median(times) * 1e3

    try:
        with torch.no_grad():
            y = fn(same)
            t_same = timed(same)
            t_other = timed(other) if other is not None else None
    except RuntimeError as e:
        print(json.dumps({"same": None, "other": None,
                          "note": str(e).splitlines()[0][:80]}))
        return
    if not spec["op"].startswith("global") and cl:
        y = y.permute(0, *range(2, r + 2), 1)
    np.save(args.output, y.float().contiguous().numpy())
    print(json.dumps({"same": t_same, "other": t_other, "note": note}))


if __name__ == "__main__":
    sys.exit(main())
