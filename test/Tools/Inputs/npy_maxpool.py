"""Makes an input for maxpool_nchw_2x2.mlir and checks pool-run's output
against numpy (an implementation independent of pool-mlir)."""
import sys

import numpy as np

mode, directory = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(7)
x = rng.standard_normal((2, 3, 6, 8)).astype(np.float32)
if mode == "make":
    np.save(directory + "/x.npy", x)
else:
    expected = x.reshape(2, 3, 3, 2, 4, 2).max(axis=(3, 5))
    y = np.load(directory + "/y.npy")
    assert y.dtype == np.float32 and y.shape == (2, 3, 3, 4), (y.dtype, y.shape)
    assert np.array_equal(y, expected), np.abs(y - expected).max()
    print("numpy agrees:", y.shape)
