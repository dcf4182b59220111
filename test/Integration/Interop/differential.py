#!/usr/bin/env python3
"""Differential proof of convert-tosa-to-pool and convert-pool-to-tosa.

  differential.py tosa-to-pool CASES: each function of CASES (TOSA pooling)
    runs through upstream's TOSA lowering (tosa-to-linalg-named,
    tosa-to-linalg, tosa-to-arith, tosa-to-tensor) and through
    convert-tosa-to-pool, the same upstream lowering for the TOSA ops left
    (data pads, transposes) and pool-to-llvm; every TOSA pooling op must
    have become a pool op.
  differential.py pool-to-tosa CASES: each function of CASES (pool ops) runs
    through pool-to-llvm (checked against pool-run's reference) and through
    convert-pool-to-tosa + the same upstream TOSA lowering; no pool op may
    be left.

  differential.py raise-linalg CASES: CASES holds TOSA pooling (lowered
    first by the upstream pipeline, as tosa-to-linalg-named emits it) or
    linalg (torch-mlir's TorchToLinalg shapes); the linalg runs as it is
    and after raise-linalg-to-pool + pool-to-llvm; no linalg pooling op may
    be left.

Both sides get the same random inputs (pool-run --seed). Max results must be
bit-exact, averages within pool-run's average tolerance. Prints one line per
case and exits 1 on the first failure.
"""
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

UPSTREAM = ("builtin.module(func.func(tosa-to-linalg-named,tosa-to-linalg,"
            "tosa-to-arith,tosa-to-tensor))")
# pool-run's getAverageTolerance: (atol, rtol) per element type.
TOLERANCE = {np.float16: (2e-3, 2e-3), np.float32: (1e-5, 1e-5),
             np.float64: (1e-12, 1e-12)}


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("FAIL: %s\n%s%s" % (" ".join(cmd), result.stdout,
                                      result.stderr))
    return result.stdout


def main():
    direction, cases = sys.argv[1], sys.argv[2]
    names = re.findall(r"func\.func @(\w+)", open(cases).read())
    tmp = tempfile.mkdtemp()
    converted = os.path.join(tmp, "converted.mlir")
    if direction == "tosa-to-pool":
        ours = os.path.join(tmp, "ours.mlir")
        run(["pool-opt", cases, "--convert-tosa-to-pool", "-o", converted])
        # The TOSA ops left (data pads, transposes) take upstream's path.
        run(["pool-opt", converted, "--pass-pipeline=" + UPSTREAM, "-o",
             ours])
        theirs = os.path.join(tmp, "upstream.mlir")
        run(["pool-opt", cases, "--pass-pipeline=" + UPSTREAM, "-o", theirs])
        left = re.findall(r"tosa\.(?:max|avg)_pool2d", open(converted).read())
        if left:
            sys.exit("FAIL: %d TOSA pooling ops were not converted" % len(left))
    elif direction == "raise-linalg":
        theirs = os.path.join(tmp, "upstream.mlir")
        run(["pool-opt", cases, "--pass-pipeline=" + UPSTREAM, "-o", theirs])
        ours = os.path.join(tmp, "raised.mlir")
        run(["pool-opt", theirs, "--raise-linalg-to-pool", "-o", ours])
        left = re.findall(r"linalg\.pooling_\w+|\"reduction\"",
                          open(ours).read())
        if left:
            sys.exit("FAIL: %d linalg pooling ops were not raised" % len(left))
    else:
        ours = cases
        run(["pool-opt", cases, "--convert-pool-to-tosa", "-o", converted])
        if "pool." in open(converted).read():
            sys.exit("FAIL: a pool op was not converted to TOSA")
        run(["pool-opt", converted, "--tosa-validate", "-o", os.devnull])
        theirs = os.path.join(tmp, "upstream.mlir")
        run(["pool-opt", converted, "--pass-pipeline=" + UPSTREAM, "-o",
             theirs])
    for seed, name in enumerate(names, start=1):
        a, b = os.path.join(tmp, name + ".ours.npy"), os.path.join(
            tmp, name + ".theirs.npy")
        check = ["--check"] if direction == "pool-to-tosa" else []
        run(["pool-run", ours, "--entry=" + name, "--seed=%d" % seed,
             "--output=" + a] + check)
        run(["pool-run", theirs, "--entry=" + name, "--seed=%d" % seed,
             "--output=" + b])
        x, y = np.load(a), np.load(b)
        is_max = "max" in name
        if x.shape != y.shape or x.dtype != y.dtype:
            sys.exit("FAIL %s: %s %s vs %s %s" % (name, x.shape, x.dtype,
                                                  y.shape, y.dtype))
        if is_max or not np.issubdtype(x.dtype, np.floating):
            ok = np.array_equal(x, y, equal_nan=True)
            how = "bit-exact"
        else:
            atol, rtol = TOLERANCE[x.dtype.type]
            ok = np.allclose(x, y, atol=atol, rtol=rtol)
            how = "within %.0e + %.0e*|x|" % (atol, rtol)
        err = np.max(np.abs(x.astype(np.float64) - y.astype(np.float64)))
        print("%s %s: %s, %d elements, max abs difference %.2e" %
              ("PASS" if ok else "FAIL", name, how, x.size, err))
        if not ok:
            sys.exit(1)
    print("all %d cases agree" % len(names))


if __name__ == "__main__":
    main()
