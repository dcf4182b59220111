"""One comparison for the ONNX tests (backend.py, networks.py): shapes equal,
maxima exact, averages within 1e-5; prints one PASS/FAIL line."""

import numpy as np


def compare(name, got, want, exact):
    ok = got.shape == want.shape and (
        np.array_equal(got, want) if exact else
        np.allclose(got, want, atol=1e-5, rtol=1e-5))
    err = (np.max(np.abs(got.astype(np.float64) - want))
           if got.shape == want.shape else float("inf"))
    print("%s %s: %s, max abs difference %.2e" % (
        "PASS" if ok else "FAIL", name, "x".join(map(str, got.shape)), err))
    return ok
