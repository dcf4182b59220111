#!/usr/bin/env python3
"""ONNX's own backend node tests for pooling, through pool.

Generates the pooling node tests of Debian's python3-onnx (its
backend-test-tools data: model.onnx plus test_data_set_*/input_*.pb and
output_*.pb, made locally, nothing downloaded), imports each model with
`pool-translate --import-onnx`, runs it with its inputs through
`pool-run --check` (the reference check as well) and compares with ONNX's
expected outputs: max bit-exact, averages within 1e-5 + 1e-5*|x| (f32).

Cases pool refuses (the Indices output of MaxPool, uint8, MaxUnpool) must
fail with one `error:` line that names the node, never crash.
Prints one line per case and exits 1 on any failure.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import compare  # noqa: E402
# ONNX 1.12's test generators use aliases NumPy has since removed.
for alias, value in [("float", float), ("int", int), ("bool", bool),
                     ("object", object), ("complex", complex), ("str", str)]:
    if alias not in np.__dict__:
        setattr(np, alias, value)
import onnx
from onnx import numpy_helper
from onnx.backend.test.case import node as node_cases

REFUSED = {
    "test_maxpool_with_argmax_2d_precomputed_pads": "Indices output",
    "test_maxpool_with_argmax_2d_precomputed_strides": "Indices output",
    "test_maxpool_2d_uint8": "unsigned element type UINT8",
    "test_maxunpool_export_without_output_shape": "MaxUnpool",
    "test_maxunpool_export_with_output_shape": "MaxUnpool",
}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    tmp = tempfile.mkdtemp()
    cases = [c for c in node_cases.collect_testcases(None)
             if "pool" in c.name.lower()]
    passed = refused = 0
    failed = []
    for case in sorted(cases, key=lambda c: c.name):
        d = os.path.join(tmp, case.name)
        os.makedirs(d)
        model = os.path.join(d, "model.onnx")
        with open(model, "wb") as f:
            f.write(case.model.SerializeToString())
        mlir = os.path.join(d, "model.mlir")
        imp = run(["pool-translate", "--import-onnx", model, "-o", mlir])
        if case.name in REFUSED:
            errors = [l for l in imp.stderr.splitlines() if "error:" in l]
            ok = (imp.returncode != 0 and len(errors) == 1 and
                  REFUSED[case.name] in errors[0])
            print("%s %s: refused: %s" % ("PASS" if ok else "FAIL", case.name,
                                          errors[0] if errors else imp.stderr))
            refused += ok
            if not ok:
                failed.append(case.name)
            continue
        if imp.returncode != 0:
            print("FAIL %s: import: %s" % (case.name, imp.stderr.strip()))
            failed.append(case.name)
            continue
        for s, (inputs, outputs) in enumerate(case.data_sets):
            args = []
            for j, x in enumerate(inputs):
                path = os.path.join(d, "in%d_%d.npy" % (s, j))
                np.save(path, np.ascontiguousarray(x))
                args.append(path)
            got = os.path.join(d, "out%d.npy" % s)
            r = run(["pool-run", mlir, "--check", "--input=" + ",".join(args),
                     "--output=" + got])
            if r.returncode != 0:
                print("FAIL %s: pool-run: %s%s" % (case.name, r.stdout,
                                                   r.stderr))
                failed.append(case.name)
                break
            ok = compare(case.name, np.load(got), np.asarray(outputs[0]),
                         exact="max" in case.name)
            if not ok:
                failed.append(case.name)
                break
        else:
            passed += 1
    print("ONNX backend pooling tests: %d run and agree, %d refused as "
          "documented, %d failed" % (passed, refused, len(failed)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
