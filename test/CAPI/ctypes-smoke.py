"""The pool C API from Python's ctypes (test/CAPI/ctypes.test).

Debian's MLIR 22 ships no MLIR Python package, so this is what Python users
have: libPoolMLIRCAPI.so loaded with ctypes. Parses a pool program, checks a
verifier error comes back as a diagnostic, lowers with pool-to-llvm, JIT-
compiles it with MLIR's ExecutionEngine, runs it on NumPy data through the
C interface and compares with a NumPy reference written here.
"""

import ctypes
import sys

import numpy as np

lib = ctypes.CDLL(sys.argv[1])


class Handle(ctypes.Structure):
    """Every MLIR C API handle: struct { void *ptr; }."""
    _fields_ = [("ptr", ctypes.c_void_p)]


class StringRef(ctypes.Structure):
    _fields_ = [("data", ctypes.c_char_p), ("length", ctypes.c_size_t)]


class LogicalResult(ctypes.Structure):
    _fields_ = [("value", ctypes.c_int8)]


def string_ref(text):
    data = text.encode()
    return StringRef(data, len(data))


def declare(name, restype, *argtypes):
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn


StringCallback = ctypes.CFUNCTYPE(None, StringRef, ctypes.c_void_p)
# MlirLogicalResult is { int8_t }: returned like an int8_t, and ctypes
# callbacks cannot return structures.
DiagnosticHandler = ctypes.CFUNCTYPE(ctypes.c_int8, Handle, ctypes.c_void_p)

version = declare("mlirPoolGetVersion", StringRef)
context_create = declare("mlirContextCreateWithThreading", Handle, ctypes.c_bool)
context_destroy = declare("mlirContextDestroy", None, Handle)
registry_create = declare("mlirDialectRegistryCreate", Handle)
registry_destroy = declare("mlirDialectRegistryDestroy", None, Handle)
register_all = declare("mlirPoolRegisterAllDialects", None, Handle)
append_registry = declare("mlirContextAppendDialectRegistry", None, Handle, Handle)
pool_handle = declare("mlirGetDialectHandle__pool__", Handle)
load_dialect = declare("mlirDialectHandleLoadDialect", Handle, Handle, Handle)
attach_handler = declare("mlirContextAttachDiagnosticHandler", ctypes.c_uint64,
                         Handle, DiagnosticHandler, ctypes.c_void_p,
                         ctypes.c_void_p)
diagnostic_print = declare("mlirDiagnosticPrint", None, Handle, StringCallback,
                           ctypes.c_void_p)
module_parse = declare("mlirModuleCreateParse", Handle, Handle, StringRef)
module_destroy = declare("mlirModuleDestroy", None, Handle)
module_operation = declare("mlirModuleGetOperation", Handle, Handle)
operation_print = declare("mlirOperationPrint", None, Handle, StringCallback,
                          ctypes.c_void_p)
lower_module = declare("mlirPoolLowerModule", LogicalResult, Handle, StringRef,
                       StringRef)
engine_create = declare("mlirExecutionEngineCreate", Handle, Handle,
                        ctypes.c_int, ctypes.c_int, ctypes.c_void_p,
                        ctypes.c_bool, ctypes.c_bool)
engine_lookup = declare("mlirExecutionEngineLookup", ctypes.c_void_p, Handle,
                        StringRef)
engine_destroy = declare("mlirExecutionEngineDestroy", None, Handle)

v = version()
print("pool-mlir", v.data[:v.length].decode())

ctx = context_create(False)
registry = registry_create()
register_all(registry)
append_registry(ctx, registry)
registry_destroy(registry)
print("pool dialect:", bool(load_dialect(pool_handle(), ctx).ptr))

diagnostics = []
pieces = []


@StringCallback
def collect(text, _):
    pieces.append(text.data[:text.length].decode())


@DiagnosticHandler
def on_diagnostic(diagnostic, _):
    pieces.clear()
    diagnostic_print(diagnostic, collect, None)
    diagnostics.append("".join(pieces))
    return 1


attach_handler(ctx, on_diagnostic, None, None)

# A verifier error is one diagnostic and a null module.
bad = module_parse(ctx, string_ref(
    "func.func @f(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32> {\n"
    "  %0 = pool.avg %x {kernel = array<i64: 2, 2>, layout = "
    "#pool.layout<channels_first>} : tensor<1x1x4x4xf32> -> "
    "tensor<1x1x3x3xf32>\n"
    "  return %0 : tensor<1x1x3x3xf32>\n}\n"))
print("bad module is null:", not bad.ptr)
print("diagnostics:", len(diagnostics))
print("diagnostic:", diagnostics[-1])

N, C, H, W = 2, 3, 7, 6
program = f"""
func.func @avg(%x: tensor<{N}x{C}x{H}x{W}xf32>) -> tensor<{N}x{C}x4x3xf32>
    attributes {{llvm.emit_c_interface}} {{
  %0 = pool.avg %x {{kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>,
    padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>}}
    : tensor<{N}x{C}x{H}x{W}xf32> -> tensor<{N}x{C}x4x3xf32>
  return %0 : tensor<{N}x{C}x4x3xf32>
}}
"""
module = module_parse(ctx, string_ref(program))
assert module.ptr, diagnostics
result = lower_module(module, string_ref("pool-to-llvm"), string_ref("threads=1"))
print("pool-to-llvm:", "success" if result.value else "failure")
printed = []
operation_print(module_operation(module),
                StringCallback(lambda t, _: printed.append(
                    t.data[:t.length].decode())), None)
text = "".join(printed)
print("has llvm.func @_mlir_ciface_avg:", "llvm.func @_mlir_ciface_avg" in text)

engine = engine_create(module, 2, 0, None, False, False)
print("engine:", bool(engine.ptr))
address = engine_lookup(engine, string_ref("_mlir_ciface_avg"))
print("found _mlir_ciface_avg:", bool(address))


class MemRef4D(ctypes.Structure):
    _fields_ = [("allocated", ctypes.c_void_p), ("aligned", ctypes.c_void_p),
                ("offset", ctypes.c_int64), ("sizes", ctypes.c_int64 * 4),
                ("strides", ctypes.c_int64 * 4)]


def descriptor(array):
    d = MemRef4D()
    d.allocated = d.aligned = array.ctypes.data
    d.offset = 0
    d.sizes[:] = array.shape
    d.strides[:] = [s // array.itemsize for s in array.strides]
    return d


x = np.random.default_rng(7).standard_normal((N, C, H, W)).astype(np.float32)
kernel = ctypes.CFUNCTYPE(None, ctypes.POINTER(MemRef4D),
                          ctypes.POINTER(MemRef4D))(address)
out_desc = MemRef4D()
in_desc = descriptor(x)
kernel(ctypes.byref(out_desc), ctypes.byref(in_desc))
print("result sizes:", list(out_desc.sizes))
count = int(np.prod(list(out_desc.sizes)))
data = ctypes.cast(out_desc.aligned, ctypes.POINTER(ctypes.c_float))
got = np.ctypeslib.as_array(data, shape=(count,)).reshape(list(out_desc.sizes))
got = got.copy()
ctypes.CDLL(None).free(ctypes.c_void_p(out_desc.allocated))

# Reference: 3x3 windows, stride 2, one element of padding on every side,
# padding not counted (count_include_pad = false, PyTorch's
# count_include_pad=False / ONNX's default).
want = np.zeros((N, C, 4, 3), np.float32)
for oh in range(4):
    for ow in range(3):
        h0, w0 = max(oh * 2 - 1, 0), max(ow * 2 - 1, 0)
        h1, w1 = min(oh * 2 + 2, H), min(ow * 2 + 2, W)
        want[:, :, oh, ow] = x[:, :, h0:h1, w0:w1].mean(axis=(2, 3))
print("max abs error:", float(np.abs(got - want).max()))
print("agrees:", bool(np.allclose(got, want, rtol=1e-6, atol=1e-6)))

engine_destroy(engine)
module_destroy(module)
context_destroy(ctx)
print("done")
