# -*- Python -*-
# lit configuration for pool-mlir. Self-contained (no lit.llvm helpers) so it
# runs with Debian's lit as installed.

import os
import shutil

import lit.formats

config.name = "POOL"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.pool_obj_root, "test")

# Two suites: `check-pool` (lit param pool_suite=fast) runs the IR tests and
# leaves out test/Integration (execution with mlir-runner, differential,
# valgrind, benchmark smoke), which `check-pool-integration` runs. lit on
# build/test without the param runs both.
if lit_config.params.get("pool_suite") == "fast":
    config.excludes.append("Integration")

tools_dir = os.path.join(config.pool_obj_root, "bin")
libs_dir = os.path.join(config.pool_obj_root, "lib")

# Our tools first, then LLVM's (FileCheck, not, mlir-opt, mlir-runner).
path = os.pathsep.join([tools_dir, config.llvm_tools_dir,
                        config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path
for var in ["HOME", "TMP", "TEMP"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]

# As mlir/test/lit.cfg.py: scoped FileCheck variables, no unused prefixes.
config.environment["FILECHECK_OPTS"] = (
    "-enable-var-scope --allow-unused-prefixes=false")

# Debian's python3, which has python3-numpy (scripts/setup.sh installs it).
config.substitutions.append(("%python", "/usr/bin/python3"))
config.substitutions.append(("%pool_libs", libs_dir))
config.substitutions.append(("%llvm_libs", config.llvm_lib_dir))
config.substitutions.append(("%pool_src", config.pool_src_root))
config.substitutions.append(("%pool_obj_root", config.pool_obj_root))
config.substitutions.append(("%pool_tools", tools_dir))
config.substitutions.append(("%host_cxx", config.host_cxx))
config.substitutions.append(("%llvm_include", config.mlir_include_dir))
config.substitutions.append(("%mlir_docs", os.path.join(config.mlir_binary_dir, "docs")))
config.substitutions.append(("%pool_plugin", os.path.join(libs_dir, "PoolPlugin.so")))
config.substitutions.append(("%mlir_opt", os.path.join(config.llvm_tools_dir, "mlir-opt")))
config.substitutions.append(
    ("%mlir_runner_utils",
     os.path.join(config.llvm_lib_dir, "libmlir_runner_utils.so")))
config.substitutions.append(
    ("%openmp_runtime", os.path.join(config.llvm_lib_dir, "libomp.so")))
config.substitutions.append(
    ("%mlir_c_runner_utils",
     os.path.join(config.llvm_lib_dir, "libmlir_c_runner_utils.so")))

# Tools and libraries a test may need that a machine may lack.
if os.path.exists(os.path.join(config.llvm_tools_dir, "mlir-runner")):
    config.available_features.add("mlir-runner")
if shutil.which("valgrind", path=path):
    config.available_features.add("valgrind")
# pool-bench's oneDNN columns (CMake found oneDNN: POOL_HAVE_ONEDNN).
if config.pool_have_onednn:
    config.available_features.add("onednn")

# CUDA's PTX assembler, for the tests that assemble the PTX of pool-to-nvvm
# (ptxas -v register and spill checks, format=bin/fatbin): where
# gpu-module-to-binary looks first (/usr/local/cuda), else on PATH.
ptxas = "/usr/local/cuda/bin/ptxas"
if not os.access(ptxas, os.X_OK):
    ptxas = shutil.which("ptxas", path=path)
if ptxas:
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))

# pool-translate, built where CMake found libonnx-dev, and Debian's
# python3-onnx (the tests build their models with it).
if os.path.exists(os.path.join(tools_dir, "pool-translate")):
    config.available_features.add("onnx")

# libpool_cuda_runtime.so, built where CMake found cuda.h (lib/Runtime).
if os.path.exists(os.path.join(libs_dir, "libpool_cuda_runtime.so")):
    config.available_features.add("pool-cuda-runtime")


def _have_cuda_device():
    """Whether a CUDA driver is installed and sees at least one device.

    Asked in a separate process with a time limit, so that a broken or hung
    driver cannot crash or stall lit; any failure means no device. The lit
    parameter cuda=0 or cuda=1 overrides the detection."""
    forced = lit_config.params.get("cuda")
    if forced is not None:
        return forced not in ("0", "false", "False", "OFF", "off", "")
    import subprocess
    probe = "\n".join([
        "import ctypes, sys",
        "try:",
        "    cuda = ctypes.CDLL('libcuda.so.1')",
        "    count = ctypes.c_int(0)",
        "    ok = (cuda.cuInit(0) == 0 and",
        "          cuda.cuDeviceGetCount(ctypes.byref(count)) == 0 and",
        "          count.value > 0)",
        "except Exception:",
        "    ok = False",
        "sys.stdout.write('yes' if ok else 'no')",
    ])
    try:
        result = subprocess.run(["/usr/bin/python3", "-c", probe],
                                stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and result.stdout.strip() == b"yes"


# A working CUDA device (test/Integration/GPU/cuda-execution.test).
if _have_cuda_device():
    config.available_features.add("cuda")

# Sanitized builds (scripts/sanitize.sh).
if "address" in config.pool_sanitizers:
    config.available_features.add("asan")
    # LLVM's headers poison allocator memory in instrumented code that
    # Debian's uninstrumented libMLIR.so then uses legitimately: ignore manual
    # poisoning (real out-of-bounds and use-after-free are still caught).
    config.environment["ASAN_OPTIONS"] = "allow_user_poisoning=0:detect_leaks=1"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1"
if "undefined" in config.pool_sanitizers:
    config.available_features.add("ubsan")
if "thread" in config.pool_sanitizers:
    config.available_features.add("tsan")
