#!/usr/bin/env python3
"""A pure-Python model of the pool ops, written from docs/semantics.md.

It shares nothing with the C++ code (neither lib/ nor the reference in
lib/Reference): it reads an execution test of test/Integration/CPU, runs its
entry function on the constants it holds (a small interpreter for the
arith.constant, tensor.cast, call, linalg.map { arith.extf } and pool ops the
tests use) and prints what each printMemref call would print, the way
mlir-runner's runner utilities print it.

  pool_model.py FILE.mlir                 print the results
  pool_model.py --check-lines FILE.mlir   print them as the file's CHECK lines
  pool_model.py --verify FILE.mlir        exit 1 unless the file's CHECK lines
                                          are exactly the model's results
  -e NAME, --check-prefix=PREFIX          entry function (default main) and
                                          FileCheck prefix (default CHECK)

Arithmetic is exact (fractions): averages are rounded once to f32, then to
f16 / bf16 for those types (round to nearest, ties to even); inputs with
infinities or NaN follow IEEE arithmetic.
"""

import argparse
import fractions
import itertools
import math
import re
import struct
import sys

# ---------------------------------------------------------------------------
# Element types and rounding.

FLOAT_TYPES = {"f16", "bf16", "f32", "f64"}
INT_BITS = {"i8": 8, "i16": 16, "i32": 32, "i64": 64}


def round_f32(x):
    """x (a Fraction or float) rounded to the nearest f32, ties to even."""
    if isinstance(x, float) and not math.isfinite(x):
        return x
    d = float(x)  # correctly rounded to double
    f = struct.unpack("<f", struct.pack("<f", d))[0] if abs(d) < 3.5e38 else math.copysign(math.inf, d)
    if isinstance(x, fractions.Fraction) and fractions.Fraction(d) != x and math.isfinite(f):
        # Double rounding can only go wrong when d is an exact midpoint of two
        # f32 values: then pick the neighbour on x's side.
        other = math.nextafter(f, math.inf if fractions.Fraction(d) > fractions.Fraction(f) else -math.inf)
        other = struct.unpack("<f", struct.pack("<f", other))[0]
        if fractions.Fraction(d) * 2 == fractions.Fraction(f) + fractions.Fraction(other):
            candidates = sorted([f, other])
            f = candidates[1] if x > fractions.Fraction(d) else candidates[0]
    return f


def round_f16(x):
    if math.isnan(x):
        return x
    try:
        return struct.unpack("<e", struct.pack("<e", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def round_bf16(x):
    if math.isnan(x) or math.isinf(x):
        return x
    bits = struct.unpack("<I", struct.pack("<f", x))[0]
    bits = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def to_type(x, etype):
    """An exact result rounded to the element type."""
    if etype in INT_BITS:
        return x
    if etype == "f64":
        return float(x)
    f = round_f32(x)
    if etype == "f16":
        return round_f16(f)
    if etype == "bf16":
        return round_bf16(f)
    return f


def from_bits(bits, etype):
    if etype == "f32":
        return struct.unpack("<f", struct.pack("<I", bits))[0]
    if etype == "f16":
        return struct.unpack("<e", struct.pack("<H", bits))[0]
    if etype == "bf16":
        return struct.unpack("<f", struct.pack("<I", bits << 16))[0]
    if etype == "f64":
        return struct.unpack("<d", struct.pack("<Q", bits))[0]
    raise ValueError("hex literal for " + etype)


def lowest(etype):
    """The maximum of no element: -inf, or the integer type's minimum."""
    if etype in INT_BITS:
        return -(1 << (INT_BITS[etype] - 1))
    return -math.inf


# ---------------------------------------------------------------------------
# Tensors: a shape and a row-major list of values (ints, floats).


class Tensor:
    def __init__(self, shape, data, etype):
        self.shape = list(shape)
        self.data = list(data)
        self.etype = etype
        assert len(self.data) == math.prod(self.shape)

    def index(self, idx):
        flat = 0
        for i, n in zip(idx, self.shape):
            flat = flat * n + i
        return flat

    def at(self, idx):
        return self.data[self.index(idx)]


def reduce_max(values, etype):
    """NaN propagates; no value gives the lowest value of the type."""
    best = lowest(etype)
    for v in values:
        if isinstance(v, float) and math.isnan(v):
            return math.nan
        if v > best:
            best = v
    return best


def exact_sum(values):
    """The exact sum, or the IEEE result when an input is inf or NaN."""
    if any(isinstance(v, float) and not math.isfinite(v) for v in values):
        return sum(values, 0.0)
    return sum((fractions.Fraction(v) for v in values), fractions.Fraction(0))


def average(values, divisor, etype):
    if divisor == 0:
        return to_type(fractions.Fraction(0), etype)
    s = exact_sum(values)
    if isinstance(s, float):
        return to_type(s / divisor, etype)
    return to_type(s / divisor, etype)


# ---------------------------------------------------------------------------
# The ops (docs/semantics.md).


def spatial_dims(rank, layout):
    """Indices of the spatial dimensions and of the channel dimension."""
    if layout == "channels_first":
        return list(range(2, rank)), 1
    return list(range(1, rank - 1)), rank - 1


def local_geometry(size, k, s, d, pb, pe, auto_pad, ceil_mode):
    """Output size and begin / end padding of one spatial dimension."""
    span = (k - 1) * d + 1
    if auto_pad == "valid":
        pb = pe = 0
    if auto_pad in ("same_upper", "same_lower"):
        out = -(-size // s)
        total = max((out - 1) * s + span - size, 0)
        if auto_pad == "same_upper":
            pb = total // 2
            pe = total - pb
        else:
            pe = total // 2
            pb = total - pe
        return out, pb, pe
    if ceil_mode and auto_pad == "explicit":
        out = (size + pb + pe - span + s - 1) // s + 1
        if (out - 1) * s >= size + pb:
            out -= 1
    else:
        out = (size + pb + pe - span) // s + 1
    return out, pb, pe


def local_pool(x, op, attrs):
    rank = len(x.shape)
    kernel = attrs["kernel"]
    n = len(kernel)
    strides = attrs.get("strides", kernel)
    dilations = attrs.get("dilations", [1] * n)
    padding = attrs.get("padding", [0] * (2 * n))
    auto_pad = attrs.get("auto_pad", "explicit")
    ceil_mode = attrs.get("ceil_mode", False)
    include_pad = attrs.get("count_include_pad", False)
    spatial, _ = spatial_dims(rank, attrs["layout"])
    geometry = []
    for i, dim in enumerate(spatial):
        geometry.append(local_geometry(x.shape[dim], kernel[i], strides[i], dilations[i],
                                       padding[i], padding[n + i], auto_pad, ceil_mode))
    out_shape = list(x.shape)
    for i, dim in enumerate(spatial):
        out_shape[dim] = geometry[i][0]
    data = []
    for idx in itertools.product(*[range(m) for m in out_shape]):
        # Taps per dimension: o * s - pb + j * d.
        taps = []
        divisor = 1
        for i, dim in enumerate(spatial):
            size = x.shape[dim]
            _, pb, pe = geometry[i]
            all_taps = [idx[dim] * strides[i] - pb + j * dilations[i] for j in range(kernel[i])]
            real = [t for t in all_taps if 0 <= t < size]
            taps.append(real)
            if include_pad:
                divisor *= len([t for t in all_taps if -pb <= t < size + pe])
            else:
                divisor *= len(real)
        values = []
        for combo in itertools.product(*taps):
            src = list(idx)
            for i, dim in enumerate(spatial):
                src[dim] = combo[i]
            values.append(x.at(src))
        if op == "max":
            data.append(reduce_max(values, x.etype))
        else:
            data.append(average(values, divisor, x.etype))
    return Tensor(out_shape, data, x.etype)


def global_pool(x, op, attrs):
    rank = len(x.shape)
    spatial, channel = spatial_dims(rank, attrs["layout"])
    keep = attrs.get("keep_dims", False)
    reduced = [1 if d in spatial else n for d, n in enumerate(x.shape)]
    data = []
    count = math.prod(x.shape[d] for d in spatial)
    for idx in itertools.product(*[range(m) for m in reduced]):
        values = []
        for combo in itertools.product(*[range(x.shape[d]) for d in spatial]):
            src = list(idx)
            for i, dim in enumerate(spatial):
                src[dim] = combo[i]
            values.append(x.at(src))
        if op == "global_max":
            data.append(reduce_max(values, x.etype))
        else:
            data.append(average(values, count, x.etype))
    shape = reduced if keep else [x.shape[0], x.shape[channel]]
    return Tensor(shape, data, x.etype)


def adaptive_pool(x, op, attrs):
    rank = len(x.shape)
    sizes = attrs["output_size"]
    spatial, _ = spatial_dims(rank, attrs["layout"])
    out_shape = list(x.shape)
    for i, dim in enumerate(spatial):
        out_shape[dim] = sizes[i]
    data = []
    for idx in itertools.product(*[range(m) for m in out_shape]):
        bins = []
        for i, dim in enumerate(spatial):
            size, out, o = x.shape[dim], sizes[i], idx[dim]
            # [floor(o * I / O), ceil((o + 1) * I / O))
            bins.append(range(o * size // out, -(-(o + 1) * size // out)))
        values = []
        for combo in itertools.product(*bins):
            src = list(idx)
            for i, dim in enumerate(spatial):
                src[dim] = combo[i]
            values.append(x.at(src))
        if op == "adaptive_max":
            data.append(reduce_max(values, x.etype))
        else:
            data.append(average(values, math.prod(len(b) for b in bins), x.etype))
    return Tensor(out_shape, data, x.etype)


def apply_pool(op, x, attrs):
    if op in ("max", "avg"):
        return local_pool(x, op, attrs)
    if op in ("global_max", "global_avg"):
        return global_pool(x, op, attrs)
    if op in ("adaptive_max", "adaptive_avg"):
        return adaptive_pool(x, op, attrs)
    raise ValueError("unknown op pool." + op)


# ---------------------------------------------------------------------------
# Reading the test files: just the forms they use.


def parse_tensor_type(text):
    m = re.fullmatch(r"\s*tensor<((?:[0-9?]+x)*)(\w+)>\s*", text)
    if not m:
        raise ValueError("not a ranked tensor type: " + text)
    dims = [None if d == "?" else int(d) for d in m.group(1).split("x")[:-1]]
    return dims, m.group(2)


def parse_dense(body, shape, etype):
    """The elements of dense<body> as a flat row-major list."""
    tokens = re.findall(r"\[|\]|0x[0-9A-Fa-f]+|[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?|inf|nan|true|false", body)
    values = []
    for t in tokens:
        if t in "[]":
            continue
        if t.startswith("0x"):
            values.append(from_bits(int(t, 16), etype))
        elif etype in INT_BITS:
            values.append(int(t))
        else:
            values.append(to_type(fractions.Fraction(t), etype))
    if len(values) == 1 and math.prod(shape) != 1:
        values = values * math.prod(shape)  # splat
    return Tensor(shape, values, etype)


def parse_attrs(text):
    attrs = {}
    for name, values in re.findall(r"(\w+) = array<i64(?::\s*([-0-9, ]*))?>", text):
        attrs[name] = [int(v) for v in values.split(",")] if values.strip() else []
    for name, value in re.findall(r"(\w+) = #pool\.\w+<(\w+)>", text):
        attrs[name] = value
    for name, value in re.findall(r"(\w+) = (true|false)\b", text):
        attrs[name] = value == "true"
    return attrs


def read_functions(path):
    """Function name -> (argument names, statements), comments dropped."""
    functions = {}
    current = None
    pending = ""
    with open(path) as f:
        for line in f:
            line = line.split("//", 1)[0].strip()
            if not line:
                continue
            m = re.match(r"func\.func (?:private )?@(\w+)\((.*?)\)", line)
            if m:
                if line.endswith("{"):
                    args = re.findall(r"(%\w+):", m.group(2))
                    current = functions.setdefault(m.group(1), (args, []))
                continue
            if current is None:
                continue
            if line == "}" and not pending:
                current = None
                continue
            pending = (pending + " " + line).strip()
            # A statement ends where its brackets balance.
            if pending.count("[") == pending.count("]") and pending.count("(") == pending.count(")"):
                current[1].append(pending)
                pending = ""
    return functions


class Interpreter:
    def __init__(self, functions):
        self.functions = functions
        self.printed = []  # one (sizes, lines) per printMemref call

    def run(self, name, args):
        arg_names, statements = self.functions[name]
        env = dict(zip(arg_names, args))
        for s in statements:
            m = re.match(r"(?:(%\w+) = )?(.*)$", s)
            result, rhs = m.group(1), m.group(2)
            if rhs.startswith("return"):
                return [env[v] for v in re.findall(r"%\w+", rhs.split(":")[0])]
            value = self.evaluate(rhs, env)
            if result:
                env[result] = value
        return []

    def evaluate(self, rhs, env):
        m = re.match(r"arith\.constant dense<(.*)> : (tensor<.*>)$", rhs)
        if m:
            shape, etype = parse_tensor_type(m.group(2))
            return parse_dense(m.group(1), shape, etype)
        m = re.match(r"pool\.(\w+) (%\w+) \{(.*)\} : (tensor<[^>]*>) -> (tensor<[^>]*>)$", rhs)
        if m:
            result = apply_pool(m.group(1), env[m.group(2)], parse_attrs(m.group(3)))
            declared, _ = parse_tensor_type(m.group(5))
            if len(declared) != len(result.shape) or any(
                    d is not None and d != n for d, n in zip(declared, result.shape)):
                raise ValueError("model gives shape %s for %s" % (result.shape, rhs))
            return result
        m = re.match(r"tensor\.cast (%\w+) :", rhs)
        if m:
            return env[m.group(1)]
        if rhs.startswith("tensor.empty"):
            return None
        m = re.match(r"linalg\.map \{ arith\.extf \} ins\((%\w+) :", rhs)
        if m:
            return env[m.group(1)]  # exact: the values are already rounded
        m = re.match(r"(?:func\.)?call @(printMemref\w+)\((%\w+)\)", rhs)
        if m:
            self.print_memref(env[m.group(2)])
            return None
        m = re.match(r"(?:func\.)?call @(\w+)\(([^)]*)\)", rhs)
        if m:
            args = [env[a.strip()] for a in m.group(2).split(",") if a.strip()]
            results = self.run(m.group(1), args)
            return results[0] if results else None
        raise ValueError("the model does not know: " + rhs)

    def print_memref(self, t):
        """What printMemref prints after "data =" (RunnerUtils.h), by line."""
        def fmt(v):
            return str(v) if isinstance(v, int) else "%g" % v

        def space(n):
            return " " * n

        rank = len(t.shape)
        out = []

        def emit(dim, offset, strides, sizes):
            if dim == 0:
                out.append(fmt(t.data[offset]))
                return
            out.append("[")
            emit(dim - 1, offset, strides[1:], sizes[1:])
            if sizes[0] <= 1:
                out.append("]")
                return
            out.append(", ")
            if dim > 1:
                out.append("\n")
            for i in range(1, sizes[0] - 1):
                out.append(space(rank - dim + 1))
                emit(dim - 1, offset + i * strides[0], strides[1:], sizes[1:])
                out.append(", ")
                if dim > 1:
                    out.append("\n")
            out.append(space(rank - dim + 1))
            emit(dim - 1, offset + (sizes[0] - 1) * strides[0], strides[1:], sizes[1:])
            out.append("]")

        strides = [math.prod(t.shape[i + 1:]) for i in range(rank)]
        if rank == 0:
            out.append("[" + fmt(t.data[0]) + "]")
        else:
            emit(rank, 0, strides, t.shape)
        sizes = "sizes = [" + ", ".join(str(n) for n in t.shape) + "]"
        self.printed.append((sizes, "".join(out).split("\n")))


def check_lines(printed, prefix):
    """The CHECK lines the tests write for the printed results."""
    lines = []
    for sizes, data in printed:
        lines.append("%s: %s" % (prefix, sizes))
        for line in data:
            # FileCheck matches any run of spaces with one.
            line = re.sub(r" +", " ", line.strip())
            m = re.match(r"(\[\[+)(.*)$", line)
            if m:  # "[[" would start a FileCheck variable
                line = "{{" + "\\[" * len(m.group(1)) + "}}" + m.group(2)
            line = re.sub(r"-?nan", "{{-?nan}}", line)  # NaN's sign is unspecified
            lines.append("%s-NEXT: %s" % (prefix, line))
    return lines


def file_check_lines(path, prefix):
    pattern = re.compile(r"^\s*// (%s(?:-NEXT)?: .*?)\s*$" % re.escape(prefix))
    with open(path) as f:
        return [m.group(1) for m in map(pattern.match, f) if m]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("-e", "--entry", default="main")
    parser.add_argument("--check-prefix", default="CHECK")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check-lines", action="store_true")
    mode.add_argument("--verify", action="store_true")
    args = parser.parse_args()

    interpreter = Interpreter(read_functions(args.file))
    interpreter.run(args.entry, [])
    if args.verify:
        want = check_lines(interpreter.printed, args.check_prefix)
        have = file_check_lines(args.file, args.check_prefix)
        if want != have:
            for i, (w, h) in enumerate(itertools.zip_longest(want, have)):
                if w != h:
                    print("%s: CHECK line %d differs from the model" % (args.file, i + 1))
                    print("  file:  %s" % h)
                    print("  model: %s" % w)
                    break
            return 1
        print("%s: %d results, %d CHECK lines agree with the model" %
              (args.file.rsplit("/", 1)[-1], len(interpreter.printed), len(want)))
        return 0
    if args.check_lines:
        print("\n".join(check_lines(interpreter.printed, args.check_prefix)))
        return 0
    for sizes, data in interpreter.printed:
        print(sizes)
        print("\n".join(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
