#!/usr/bin/env python3
"""PTX out of `pool-opt --pool-to-nvvm=format=isa` output, and ptxas checks.

  ptx.py extract [--dir DIR] [FILE]
      Reads MLIR (FILE or stdin) and finds the PTX text of every
      `gpu.binary` (its `assembly = "..."` string, MLIR-escaped: `\\0A` for a
      newline, `\\22` for a quote, `\\\\` for a backslash). Prints each,
      unescaped, after a line `// gpu.binary @NAME`; with --dir, writes each to
      DIR/NAME.ptx instead and prints the names. Fails when there is none.

  ptx.py ptxas --ptxas PTXAS [--arch sm_90] [--max-registers N] FILE_OR_DIR...
      Assembles each .ptx file with `PTXAS -arch=ARCH -v`, prints ptxas'
      report, then one line per kernel:
        KERNEL NAME registers R stack S spill-stores T spill-loads L: OK
      (FAIL instead of OK when R > N or S, T, L are not 0). Exits non-zero
      when ptxas fails, reports no kernel, or any kernel FAILs.
"""

import argparse
import os
import re
import subprocess
import sys

_ASSEMBLY = re.compile(r'assembly\s*=\s*"((?:[^"\\]|\\.)*)"', re.S)
_BINARY = re.compile(r'gpu\.binary\s+@([A-Za-z0-9_$.]+)')


def _unescape(text):
    def repl(m):
        esc = m.group(1)
        if esc == "\\":
            return "\\"
        if esc == '"':
            return '"'
        return chr(int(esc, 16))
    return re.sub(r'\\(\\|"|[0-9A-Fa-f]{2})', repl, text)


def extract(mlir):
    """[(name, ptx)] for every gpu.binary with an assembly string."""
    found = []
    for binary in _BINARY.finditer(mlir):
        # The binary's objects run to the end of its line.
        end = mlir.find("\n", binary.end())
        line = mlir[binary.end():end if end >= 0 else len(mlir)]
        for i, asm in enumerate(_ASSEMBLY.finditer(line)):
            name = binary.group(1) + ("" if i == 0 else "_%d" % i)
            found.append((name, _unescape(asm.group(1))))
    return found


def cmd_extract(args):
    text = open(args.file).read() if args.file else sys.stdin.read()
    kernels = extract(text)
    if not kernels:
        sys.exit("ptx.py: no gpu.binary with PTX (assembly) in the input")
    if args.dir:
        os.makedirs(args.dir, exist_ok=True)
    for name, ptx in kernels:
        if args.dir:
            with open(os.path.join(args.dir, name + ".ptx"), "w") as f:
                f.write(ptx)
            print(name)
        else:
            print("// gpu.binary @%s" % name)
            print(ptx)


_FUNCTION = re.compile(r"Function properties for (\S+)")
_FRAME = re.compile(r"(\d+) bytes stack frame, (\d+) bytes spill stores, "
                    r"(\d+) bytes spill loads")
_REGS = re.compile(r"Used (\d+) registers")


def cmd_ptxas(args):
    files = []
    for path in args.paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, f) for f in os.listdir(path)
                            if f.endswith(".ptx"))
        else:
            files.append(path)
    if not files:
        sys.exit("ptx.py: no .ptx file")
    ok = True
    for path in files:
        proc = subprocess.run(
            [args.ptxas, "-arch=" + args.arch, "-v", path, "-o", os.devnull],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True, timeout=300)
        print("# %s" % os.path.basename(path))
        print(proc.stdout, end="")
        if proc.returncode != 0:
            print("PTXAS FAILED on %s (exit %d)" % (path, proc.returncode))
            ok = False
            continue
        # ptxas reports, per entry function: "Function properties for K",
        # then the stack and spill line, then "Used R registers".
        kernel, frame, kernels = None, None, 0
        for line in proc.stdout.splitlines():
            m = _FUNCTION.search(line)
            if m:
                kernel, frame = m.group(1), None
                continue
            m = _FRAME.search(line)
            if m and kernel:
                frame = tuple(int(v) for v in m.groups())
                continue
            m = _REGS.search(line)
            if m and kernel and frame:
                regs = int(m.group(1))
                good = regs <= args.max_registers and frame == (0, 0, 0)
                print("KERNEL %s registers %d stack %d spill-stores %d "
                      "spill-loads %d: %s" % ((kernel, regs) + frame +
                                              ("OK" if good else "FAIL",)))
                ok &= good
                kernels += 1
                kernel, frame = None, None
        if kernels == 0:
            print("NO KERNEL reported for %s" % path)
            ok = False
    sys.exit(0 if ok else 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("extract")
    p.add_argument("--dir")
    p.add_argument("file", nargs="?")
    p = sub.add_parser("ptxas")
    p.add_argument("--ptxas", required=True)
    p.add_argument("--arch", default="sm_90")
    p.add_argument("--max-registers", type=int, default=64)
    p.add_argument("paths", nargs="+")
    args = parser.parse_args()
    if args.command == "extract":
        cmd_extract(args)
    elif args.command == "ptxas":
        cmd_ptxas(args)
    else:
        parser.error("extract or ptxas")


if __name__ == "__main__":
    main()
