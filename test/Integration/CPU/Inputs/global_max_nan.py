"""Makes NaN and infinity inputs for global_max_nan.mlir (4 images of 5x7
positions x 300 channels, NHWC) and checks pool-run's output against numpy,
whose max propagates NaN (PyTorch's and ONNX's semantics)."""
import sys

import numpy as np

mode, directory = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(11)
x = rng.standard_normal((4, 5, 7, 300)).astype(np.float32)
# Image 0: no NaN (the plain maximum's result is kept).
# Image 1: one NaN in the last channel (the masked tail of 300 channels) at
# the last position, one in channel 37 at the first.
x[1, 4, 6, 299] = np.nan
x[1, 0, 0, 37] = np.nan
# Image 2: +inf and -inf around a NaN in channel 0, a channel of all -inf.
x[2, 2, 3, 0] = np.inf
x[2, 2, 4, 0] = np.nan
x[2, 3, 0, 0] = -np.inf
x[2, :, :, 150] = -np.inf
# Image 3: NaN in every channel at one position.
x[3, 1, 5, :] = np.nan
if mode == "make":
    np.save(directory + "/x.npy", x)
else:
    expected = x.max(axis=(1, 2))
    y = np.load(directory + "/" + sys.argv[3])
    assert y.dtype == np.float32 and y.shape == (4, 300), (y.dtype, y.shape)
    assert np.array_equal(y, expected, equal_nan=True), np.argwhere(
        ~((y == expected) | (np.isnan(y) & np.isnan(expected))))
    print("numpy agrees:", y.shape, int(np.isnan(y).sum()), "NaN")
