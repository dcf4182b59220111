#!/usr/bin/env python3
"""Draws pool-bench results (--json files) as one PNG: per shape, the
bandwidth (input + output bytes over the median time) of each
implementation as a bar, and the streaming roofline of the same bytes as a
black tick; one panel per JSON file (thread count).

  /usr/bin/python3 bench/plot.py bench/results/host-t1.json \
      bench/results/host-t2.json -o docs/performance-host.png
"""

import argparse
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

IMPLS = [("ours", "ours", "#1f77b4"), ("onednn_plain", "oneDNN", "#ff7f0e"),
         ("onednn_blocked", "oneDNN blocked", "#ffbb78"),
         ("upstream", "upstream MLIR", "#2ca02c"),
         ("torch", "PyTorch", "#d62728"),
         ("torch_other_layout", "PyTorch other layout", "#ff9896")]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("json", nargs="+")
    p.add_argument("-o", "--output", required=True)
    args = p.parse_args()
    runs = [json.load(open(f)) for f in args.json]
    names = [r["name"] for r in runs[0]["rows"]]
    fig, axes = plt.subplots(len(runs), 1, figsize=(max(12, len(names) * 0.6),
                                                    5.5 * len(runs)),
                             squeeze=False)
    width = 0.8 / len(IMPLS)
    for ax, run in zip(axes[:, 0], runs):
        rows = run["rows"]
        for k, (key, label, color) in enumerate(IMPLS):
            xs, ys = [], []
            for i, r in enumerate(rows):
                if key in r:
                    xs.append(i - 0.4 + (k + 0.5) * width)
                    ys.append(r["bytes"] / r[key] / 1e9)
            ax.bar(xs, ys, width, label=label, color=color)
        for i, r in enumerate(rows):
            if "roofline" in r:
                gbs = r["bytes"] / r["roofline"] / 1e9
                ax.plot([i - 0.45, i + 0.45], [gbs, gbs], color="black",
                        linewidth=2, label="roofline" if i == 0 else None)
        ax.set_yscale("log")
        ax.set_ylabel("GB/s (input + output bytes / median time)")
        ax.set_title("%s, %d thread%s, median of %d; %s" % (
            run["cpu"], run["threads"], "" if run["threads"] == 1 else "s",
            run["repeat"], run.get("roofline_check", "")), fontsize=9)
        ax.set_xticks(range(len(rows)))
        ax.set_xticklabels([r["name"] for r in rows], rotation=60, ha="right",
                           fontsize=7)
        ax.grid(axis="y", which="both", alpha=0.3)
        ax.legend(fontsize=7, ncol=4)
    fig.tight_layout()
    fig.savefig(args.output, dpi=110)
    print("plot.py: wrote %s" % args.output)


if __name__ == "__main__":
    main()
