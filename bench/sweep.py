"""Strategy sweep: every lowering of chosen pool shapes, side by side.

For each shape (a function of bench/affine-shapes.mlir, or of any file given
with --shapes), runs pool-run with every vector strategy (direct, separable,
sliding, and auto: the cost model's choice), the affine and linalg paths and
optionally a user schedule (--schedule FILE), for each target CPU (vector
width: x86-64-v2 = 128-bit SSE, x86-64-v3 = 256-bit AVX2, x86-64-v4 =
512-bit AVX-512 where the host has it) and thread count (1 and every core).
Every run is checked against the reference first (pool-run --check); a
configuration that fails its check is recorded as FAIL, never timed. Writes
a CSV (one row per run: median ms per call) and a PNG: per shape and
target, one bar per lowering at its best thread count, the cost model's
choice (auto) hatched, and the ratio of auto to the best printed, so that
where the cost model picks wrong shows at a glance.

  /usr/bin/python3 bench/sweep.py --csv bench/results/sweep.csv \
      --png docs/sweep.png [--functions stem_nchw,gap_nchw] [--repeat 30]
"""

import argparse
import csv
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

LOWERINGS = [
    ("direct", ["--strategy=direct"]),
    ("separable", ["--strategy=separable"]),
    ("sliding", ["--strategy=sliding"]),
    ("auto", ["--strategy=auto"]),
    ("affine", ["--path=affine"]),
    ("linalg", ["--path=linalg"]),
]


def host_has_avx512():
    try:
        with open("/proc/cpuinfo") as f:
            return " avx512f" in f.read()
    except OSError:
        return False


def run(pool_run, shapes, fn, flags, cpu, threads, repeat):
    cmd = [pool_run, shapes, "--entry=" + fn, "--check",
           "--repeat=%d" % repeat, "--num-threads=%d" % threads,
           "--target-cpu=" + cpu] + flags
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    if p.returncode != 0 or ": FAIL" in p.stdout:
        return None, p.stdout
    m = re.search(r"time: median of \d+ calls after \d+ warm-up: ([0-9.]+) ms",
                  p.stdout)
    return (float(m.group(1)) if m else None), p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--shapes", default=os.path.join(HERE, "affine-shapes.mlir"))
    ap.add_argument("--functions",
                    default="stem_nchw,stem_nhwc,avg3x3s1_nhwc,gap_nchw,"
                            "gmp1d_nwc")
    ap.add_argument("--schedule", action="append", default=[],
                    help="a transform schedule to sweep too (repeatable)")
    ap.add_argument("--cpus", default=None,
                    help="comma-separated target CPUs (default: x86-64-v2, "
                         "x86-64-v3 and, on an AVX-512 host, x86-64-v4)")
    ap.add_argument("--threads", default="1,0")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--png")
    ap.add_argument("--from-csv", action="store_true",
                    help="summarize and draw an existing --csv, run nothing")
    args = ap.parse_args()

    pool_run = os.path.join(args.build, "bin", "pool-run")
    cpus = (args.cpus.split(",") if args.cpus else
            ["x86-64-v2", "x86-64-v3"] +
            (["x86-64-v4"] if host_has_avx512() else []))
    threads = [int(t) for t in args.threads.split(",")]
    lowerings = list(LOWERINGS)
    for s in args.schedule:
        lowerings.append(("schedule:" + os.path.basename(s),
                          ["--schedule=" + s]))

    rows = []
    if args.from_csv:
        with open(args.csv) as f:
            for r in csv.DictReader(f):
                r["ms"] = float(r["ms"]) if r["ms"] else None
                rows.append(r)
        lowerings = []
        for r in rows:
            if r["lowering"] not in [l for l, _ in lowerings]:
                lowerings.append((r["lowering"], []))
    for fn in ([] if args.from_csv else args.functions.split(",")):
        for cpu in cpus:
            for name, flags in lowerings:
                for t in threads:
                    ms, out = run(pool_run, args.shapes, fn, flags, cpu, t,
                                  args.repeat)
                    status = "ok" if ms is not None else "FAIL"
                    rows.append({"shape": fn, "cpu": cpu, "lowering": name,
                                 "threads": t, "ms": ms, "status": status})
                    print("%-14s %-10s %-30s threads=%d %s" %
                          (fn, cpu, name, t,
                           "%.4f ms" % ms if ms is not None else "FAIL"),
                          flush=True)
                    if status == "FAIL" and not name.startswith("schedule:"):
                        sys.stderr.write(out[-2000:])
    if not args.from_csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        with open(args.csv, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)

    # Per (shape, cpu): each lowering at its best thread count.
    best = {}
    for r in rows:
        if r["ms"] is None:
            continue
        key = (r["shape"], r["cpu"], r["lowering"])
        if key not in best or r["ms"] < best[key]:
            best[key] = r["ms"]
    print("\nauto / best lowering, per shape and target (1.00: the cost "
          "model picked the fastest):")
    groups = sorted({(s, c) for s, c, _ in best})
    for s, c in groups:
        times = {l: best[(s, c, l)] for (s2, c2, l) in best if (s2, c2) == (s, c)}
        fastest = min(times, key=times.get)
        if "auto" in times:
            print("  %-14s %-10s auto %.4f ms, best %s %.4f ms: %.2fx" %
                  (s, c, times["auto"], fastest, times[fastest],
                   times["auto"] / times[fastest]))

    if args.png:
        try:
            import matplotlib
        except ImportError:
            sys.exit("--png needs matplotlib (bash scripts/install-deps.sh "
                     "--bench installs Debian's python3-matplotlib); the CSV "
                     "is written")
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        names = [l for l, _ in lowerings]
        fig, ax = plt.subplots(figsize=(min(14, max(6, 0.9 * len(groups))),
                                        5))
        width = 0.8 / len(names)
        for i, name in enumerate(names):
            xs, ys = [], []
            for g, (s, c) in enumerate(groups):
                if (s, c, name) in best:
                    xs.append(g + i * width)
                    ys.append(best[(s, c, name)])
            ax.bar(xs, ys, width, label=name,
                   hatch="//" if name == "auto" else None,
                   edgecolor="black" if name == "auto" else None)
        ax.set_xticks([g + 0.4 - width / 2 for g in range(len(groups))])
        ax.set_xticklabels(["%s\n%s" % (s, c) for s, c in groups],
                           rotation=30, ha="right", fontsize=7)
        ax.set_yscale("log")
        ax.set_ylabel("median ms per call (best thread count; log)")
        ax.set_title("pool-mlir lowerings per shape and target "
                     "(hatched: the cost model's choice)")
        ax.legend(fontsize=7, ncol=4)
        fig.tight_layout()
        fig.savefig(args.png, dpi=110)
        print("wrote", args.png)


if __name__ == "__main__":
    main()
