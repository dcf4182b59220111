#!/usr/bin/env python3
"""Builds the GPU kit: everything the H200 machine runs, compiled here.

The device machine has CUDA 13, PyTorch and no LLVM/MLIR, so every kernel is
compiled on this machine, ahead of time, into `.gpu-kit/` (ignored by git,
carried to the device with `carry: [".gpu-kit"]`, a few MB):

  tests/   every RUN line of test/Integration/GPU/cuda-execution.test as an
           executable: pool-opt --pool-to-nvvm (same options), mlir-translate,
           clang; linked with libpool_cuda_runtime.so and print-utils.cpp
           (printMemref without libMLIR). tests.tsv lists them with the
           CHECK file and prefix, so check-kit.sh runs FileCheck on what they
           printed there, against the same CHECK lines as on the CPU.
  bench/   one kernel set per benchmark shape (bench/gpu/shapes.py), lowered
           with --pool-to-nvvm="device-data=true", assembled with ptxas for
           sm_90; manifest.json gives each launch's grid, block and buffers.
           copy.cubin is the denominator: a 16-byte grid-stride copy kernel
           (copy.cu, nvcc).
  lib/     libpool_cuda_runtime.so, libpool_print_utils.so.

Usage (from the repository root, after scripts/setup.sh):
  python3 bench/gpu/make-kit.py [--build build] [--kit .gpu-kit]
Then on the device: bash .gpu-kit/run-kit.sh $OUT; back here:
  bash bench/gpu/check-kit.sh <results folder>
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import shapes  # noqa: E402

LLVM = "/usr/lib/llvm-22/bin"
CUDA = os.environ.get("CUDA_ROOT", "/usr/local/cuda")


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit("make-kit: failed: %s\n%s" % (" ".join(map(shlex.quote, cmd)),
                                               r.stderr[-4000:]))
    return r


def parse_cuda_tests(path):
    """The RUN pipelines of cuda-execution.test as dicts."""
    text = open(path).read()
    lines, cur = [], ""
    for line in text.splitlines():
        if not line.startswith("RUN:"):
            continue
        body = line[4:].strip()
        cont = body.endswith("\\")
        cur += " " + body.rstrip("\\").strip()
        if not cont and not body.endswith("|"):
            lines.append(cur.strip())
            cur = ""
    tests = []
    for cmd in lines:
        stages = [s.strip() for s in cmd.split("|")]
        opt = shlex.split(stages[0])
        assert opt[0] == "pool-opt", cmd
        src = opt[1].replace("%S", "test/Integration/GPU")
        pipeline = opt[2]
        runner = shlex.split(stages[1])
        crash = runner[:2] == ["not", "--crash"]
        entry = runner[runner.index("-e") + 1]
        check = shlex.split(stages[-1].replace(" 2>&1", ""))
        assert check[0] == "FileCheck", cmd
        checkfile = check[1].replace("%S", "test/Integration/GPU")
        prefix = "CHECK"
        for a in check[2:]:
            if a.startswith("--check-prefix="):
                prefix = a.split("=", 1)[1]
        tests.append(dict(src=os.path.normpath(src), pipeline=pipeline,
                          entry=entry, crash=crash,
                          checkfile=os.path.normpath(checkfile),
                          prefix=prefix))
    return tests


DRIVER_C = r"""
// Runs one entry point of a lowered test program (main renamed pool_main).
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
  const char *entry = argc > 1 ? argv[1] : "pool_main";
  void (*fn)(void) = (void (*)(void))dlsym(RTLD_DEFAULT, entry);
  if (!fn) {
    fprintf(stderr, "kit-driver: no entry point %s\n", entry);
    return 2;
  }
  fn();
  fflush(stdout);
  return 0;
}
"""


def build_tests(args, kit):
    tdir = os.path.join(kit, "tests")
    os.makedirs(tdir, exist_ok=True)
    driver = os.path.join(kit, "obj", "driver.c")
    with open(driver, "w") as f:
        f.write(DRIVER_C)
    rows, built = [], {}
    for i, t in enumerate(parse_cuda_tests(
            os.path.join(ROOT, "test/Integration/GPU/cuda-execution.test"))):
        key = (t["src"], t["pipeline"])
        if key not in built:
            name = "%02d-%s" % (len(built),
                                os.path.basename(t["src"])[:-5])
            obj = os.path.join(kit, "obj", name)
            mlir = run([os.path.join(args.build, "bin", "pool-opt"),
                        os.path.join(ROOT, t["src"]), t["pipeline"]]).stdout
            open(obj + ".mlir", "w").write(mlir)
            run([LLVM + "/mlir-translate", "--mlir-to-llvmir", obj + ".mlir",
                 "-o", obj + ".ll"])
            run([LLVM + "/clang", "-c", "-O2", "-Wno-override-module",
                 obj + ".ll", "-o", obj + ".o"])
            run([LLVM + "/llvm-objcopy", "--redefine-sym", "main=pool_main",
                 obj + ".o"])
            run([LLVM + "/clang", "-O2", "-rdynamic", driver, obj + ".o",
                 "-o", os.path.join(tdir, name), "-L" + os.path.join(kit, "lib"),
                 "-lpool_cuda_runtime", "-lpool_print_utils", "-ldl",
                 "-Wl,-rpath,$ORIGIN/../lib"])
            built[key] = name
        entry = "pool_main" if t["entry"] == "main" else t["entry"]
        rows.append("\t".join([
            "%02d" % i, built[key], entry, "crash" if t["crash"] else "ok",
            t["checkfile"], t["prefix"], t["pipeline"]]))
    with open(os.path.join(kit, "tests.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print("make-kit: %d test runs, %d executables" % (len(rows), len(built)))


CONST = re.compile(r"(%[\w.]+) = arith\.constant (\d+) : index")
LAUNCH = re.compile(
    r"gpu\.launch_func\s+@([\w.]+)::@([\w.]+)\s+blocks in \(([^)]*)\)\s+"
    r"threads in \(([^)]*)\)(.*?)args\((.*)\)")
# Views that keep the base pointer (bare-pointer kernels get only that).
ALIAS = re.compile(r"(%[\w.]+) = memref\.(?:collapse_shape|expand_shape|cast) "
                   r"(%[\w.]+)")
BINARY = re.compile(r'gpu\.binary @([\w.]+) .*?assembly = "((?:[^"\\]|\\.)*)"')


def unescape(s):
    """An MLIR string literal's body to bytes."""
    out, i = bytearray(), 0
    while i < len(s):
        if s[i] == "\\":
            nxt = s[i + 1]
            if nxt in '\\"':
                out.append(ord(nxt))
                i += 2
            elif nxt == "n":
                out.append(10)
                i += 2
            elif nxt == "t":
                out.append(9)
                i += 2
            else:
                out.append(int(s[i + 1:i + 3], 16))
                i += 3
        else:
            out += s[i].encode()
            i += 1
    return bytes(out)


def build_bench(args, kit):
    bdir = os.path.join(kit, "bench")
    os.makedirs(bdir, exist_ok=True)
    run([CUDA + "/bin/nvcc", "-cubin", "-arch=sm_90", "-O3",
         os.path.join(HERE, "copy.cu"), "-o", os.path.join(bdir, "copy.cubin")])
    manifest = []
    for b in shapes.SHAPES:
        src = os.path.join(kit, "obj", "bench-%s.mlir" % b["id"])
        with open(src, "w") as f:
            f.write(shapes.module(b))
        opt = [os.path.join(args.build, "bin", "pool-opt"), src,
               "--pool-to-nvvm=device-data=true format=isa",
               "--mlir-print-ir-before=pool-gpu-to-nvvm"]
        r = run(opt)
        consts = dict((m.group(1), int(m.group(2)))
                      for m in CONST.finditer(r.stderr))
        alias = dict((m.group(1), m.group(2))
                     for m in ALIAS.finditer(r.stderr))
        launches = []
        for m in LAUNCH.finditer(r.stderr):
            grid = [consts[v.strip()] for v in m.group(3).split(",")]
            block = [consts[v.strip()] for v in m.group(4).split(",")]
            if "dynamic_shared_memory_size" in m.group(5):
                sys.exit("make-kit: %s: dynamic shared memory" % b["id"])
            bufs = []
            for a in m.group(6).split(","):
                name = a.split(":")[0].strip()
                while name in alias:
                    name = alias[name]
                if name == "%arg0":
                    bufs.append("in")
                elif name.startswith("%alloc") or name.startswith("%memref"):
                    bufs.append("out")
                else:
                    sys.exit("make-kit: %s: kernel argument %s is neither the "
                             "input nor the result" % (b["id"], name))
            launches.append(dict(module=m.group(1), kernel=m.group(2),
                                 grid=grid, block=block, args=bufs))
        if not launches:
            sys.exit("make-kit: %s: no gpu.launch_func found" % b["id"])
        for m in BINARY.finditer(r.stdout):
            ptx = os.path.join(kit, "obj", "%s-%s.ptx" % (b["id"], m.group(1)))
            open(ptx, "wb").write(unescape(m.group(2)))
            cubin = "%s-%s.cubin" % (b["id"], m.group(1))
            v = run([CUDA + "/bin/ptxas", "-arch=sm_90", "-O3", "-v", ptx,
                     "-o", os.path.join(bdir, cubin)])
            for l in launches:
                if l["module"] == m.group(1):
                    l["cubin"] = cubin
                    l["ptxas"] = " ".join(
                        x.strip() for x in v.stderr.splitlines()
                        if "Used" in x or "spill" in x)
        entry = dict(b)
        entry["launches"] = launches
        manifest.append(entry)
    with open(os.path.join(bdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print("make-kit: %d benchmark shapes" % len(manifest))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--kit", default=os.path.join(ROOT, ".gpu-kit"))
    args = p.parse_args()
    kit = os.path.abspath(args.kit)
    shutil.rmtree(kit, ignore_errors=True)
    for d in ("lib", "obj"):
        os.makedirs(os.path.join(kit, d))
    shutil.copy(os.path.join(args.build, "lib", "libpool_cuda_runtime.so"),
                os.path.join(kit, "lib"))
    run([LLVM + "/clang++", "-O2", "-shared", "-fPIC", "-std=c++17",
         "-I/usr/lib/llvm-22/include", os.path.join(HERE, "print-utils.cpp"),
         "-o", os.path.join(kit, "lib", "libpool_print_utils.so")])
    os.chdir(ROOT)
    build_tests(args, kit)
    build_bench(args, kit)
    for f in ("run-kit.sh", "bench.py", "shapes.py"):
        shutil.copy(os.path.join(HERE, f), kit)
    shutil.rmtree(os.path.join(kit, "obj"))
    print("make-kit: %s ready (%d KB)" % (kit, sum(
        os.path.getsize(os.path.join(d, f))
        for d, _, fs in os.walk(kit) for f in fs) // 1024))


if __name__ == "__main__":
    main()
