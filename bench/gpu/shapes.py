"""The GPU benchmark shapes: pool-bench's shapes (tools/pool-bench) plus
batches large enough to be far beyond the H200's L2 (60 MB), all f32.

Each shape is a dict: id, name, op (pool op mnemonic), layout ("cf" or
"cl"), input shape, and for local ops kernel / strides / pad (symmetric,
begin = end), count_include_pad; for adaptive ops output_size. The output
shape is written here as well (floor mode); pool-opt's verifier rejects a
wrong one, so it cannot drift from the dialect's formula.
"""

SHAPES = []


def _add(id, name, op, layout, inp, kernel=None, strides=None, pad=None,
         include_pad=False, output_size=None):
    rank = len(inp) - 2
    cf = layout == "cf"
    spatial = inp[2:] if cf else inp[1:-1]
    c = inp[1] if cf else inp[-1]
    if op.startswith("global"):
        out_sp = None  # keep_dims = false: N x C in both layouts
    elif op.startswith("adaptive"):
        out_sp = list(output_size)
    else:
        out_sp = [(s + 2 * p - k) // st + 1
                  for s, k, st, p in zip(spatial, kernel, strides, pad)]
    if out_sp is None:
        out = [inp[0], c]
    else:
        out = [inp[0], c] + out_sp if cf else [inp[0]] + out_sp + [c]
    SHAPES.append(dict(id=id, name=name, op=op, layout=layout, rank=rank,
                       input=list(inp), output=out, kernel=kernel,
                       strides=strides, pad=pad, include_pad=include_pad,
                       output_size=output_size))


for n in (1, 16, 128):
    _add("stem-n%d-nchw" % n, "stem max 3x3/2 p1 %dx64x112x112 NCHW" % n,
         "max", "cf", [n, 64, 112, 112], [3, 3], [2, 2], [1, 1])
    _add("stem-n%d-nhwc" % n, "stem max 3x3/2 p1 %dx112x112x64 NHWC" % n,
         "max", "cl", [n, 112, 112, 64], [3, 3], [2, 2], [1, 1])
for n in (1, 64, 256):
    _add("gavg-n%d-nchw" % n, "global avg %dx2048x7x7 NCHW" % n,
         "global_avg", "cf", [n, 2048, 7, 7])
    _add("gavg-n%d-nhwc" % n, "global avg %dx7x7x2048 NHWC" % n,
         "global_avg", "cl", [n, 7, 7, 2048])
_add("keras-avg1d", "Keras AveragePooling1D(2) 32x1000x256 NWC", "avg", "cl",
     [32, 1000, 256], [2], [2], [0])
_add("keras-gmax1d", "GlobalMaxPooling1D 64x300x512 NWC", "global_max", "cl",
     [64, 300, 512])
_add("keras-gavg1d", "GlobalAveragePooling1D 64x300x512 NWC", "global_avg",
     "cl", [64, 300, 512])
for layout, inp in (("cf", [1, 64, 56, 56]), ("cl", [1, 56, 56, 64]),
                    ("cf", [64, 64, 56, 56]), ("cl", [64, 56, 56, 64])):
    tag = "n%d-%s" % (inp[0], "nchw" if layout == "cf" else "nhwc")
    _add("max3-" + tag, "max 3x3/1 p1 %s %s" % ("x".join(map(str, inp)),
                                                tag[-4:].upper()),
         "max", layout, inp, [3, 3], [1, 1], [1, 1])
    _add("avg7-" + tag, "avg 7x7/1 p3 %s %s" % ("x".join(map(str, inp)),
                                                tag[-4:].upper()),
         "avg", layout, inp, [7, 7], [1, 1], [3, 3], include_pad=True)
    _add("max9-" + tag, "max 9x9/1 p4 %s %s" % ("x".join(map(str, inp)),
                                                tag[-4:].upper()),
         "max", layout, inp, [9, 9], [1, 1], [4, 4])
for n in (8, 32):
    _add("max3d-n%d" % n, "3-D max 2x2x2/2 %dx64x16x56x56 NCDHW" % n, "max",
         "cf", [n, 64, 16, 56, 56], [2, 2, 2], [2, 2, 2], [0, 0, 0])
for s in (14, 15):
    _add("adaptive-%d" % s, "adaptive avg to 7x7 1x512x%dx%d NCHW" % (s, s),
         "adaptive_avg", "cf", [1, 512, s, s], output_size=[7, 7])


def _ty(shape):
    return "tensor<%sxf32>" % "x".join(map(str, shape))


def module(b):
    """The shape as a pool program: @k(%x) -> result."""
    attrs = []
    if b["kernel"]:
        attrs.append("kernel = array<i64: %s>" % ", ".join(map(str,
                                                                b["kernel"])))
        attrs.append("strides = array<i64: %s>" % ", ".join(
            map(str, b["strides"])))
        attrs.append("padding = array<i64: %s>" % ", ".join(
            map(str, b["pad"] + b["pad"])))
        if b["op"] == "avg":
            attrs.append("count_include_pad = %s" %
                         ("true" if b["include_pad"] else "false"))
    if b["output_size"]:
        attrs.append("output_size = array<i64: %s>" % ", ".join(
            map(str, b["output_size"])))
    attrs.append("layout = #pool.layout<%s>" %
                 ("channels_first" if b["layout"] == "cf" else "channels_last"))
    return ("func.func @k(%%x: %s) -> %s {\n"
            "  %%0 = pool.%s %%x {%s} : %s -> %s\n"
            "  return %%0 : %s\n}\n" % (_ty(b["input"]), _ty(b["output"]),
                                        b["op"], ", ".join(attrs),
                                        _ty(b["input"]), _ty(b["output"]),
                                        _ty(b["output"])))
