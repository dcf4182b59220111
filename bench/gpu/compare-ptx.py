#!/usr/bin/env python3
"""Static comparison of two --pool-to-nvvm option sets over the GPU
benchmark shapes (bench/gpu/shapes.py), without a GPU: PTX instructions,
ptxas registers and spill-store bytes of each shape's kernel under A and B.

  python3 bench/gpu/compare-ptx.py --a index-bitwidth=32 --b index-bitwidth=64
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import shapes  # noqa: E402


def measure(pool_opt, ptxas, text, options):
    with tempfile.TemporaryDirectory() as d:
        open(d + "/k.mlir", "w").write(text)
        r = subprocess.run([pool_opt, d + "/k.mlir",
                            "--pool-to-nvvm=format=isa device-data=true " +
                            options], capture_output=True, text=True,
                           check=True)
        subprocess.run([sys.executable, os.path.join(
            ROOT, "test/Pipelines/Inputs/ptx.py"), "extract", "--dir", d],
            input=r.stdout, capture_output=True, text=True, check=True)
        insts = regs = spills = 0
        for f in sorted(os.listdir(d)):
            if not f.endswith(".ptx"):
                continue
            ptx = open(os.path.join(d, f)).read()
            insts += len(re.findall(r"^\t[a-z@]", ptx, re.M))
            v = subprocess.run([ptxas, "-arch=sm_90", "-v", os.path.join(d, f),
                                "-o", "/dev/null"], capture_output=True,
                               text=True, check=True).stderr
            regs = max(regs, int(re.search(r"Used (\d+) registers", v)[1]))
            spills += int(re.search(r"(\d+) bytes spill stores", v)[1])
        return insts, regs, spills


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--a", required=True)
    p.add_argument("--b", required=True)
    p.add_argument("--pool-opt", default=os.path.join(ROOT, "build/bin/pool-opt"))
    p.add_argument("--ptxas", default="/usr/local/cuda/bin/ptxas")
    args = p.parse_args()
    print("| shape | A instructions | A registers | A spill bytes | "
          "B instructions | B registers | B spill bytes |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for b in shapes.SHAPES:
        text = shapes.module(b)
        ra = measure(args.pool_opt, args.ptxas, text, args.a)
        rb = measure(args.pool_opt, args.ptxas, text, args.b)
        print("| %s | %d | %d | %d | %d | %d | %d |" % ((b["name"],) + ra + rb))
    print("\nA: %s; B: %s" % (args.a, args.b))


if __name__ == "__main__":
    main()
