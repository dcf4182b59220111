#!/usr/bin/env bash
# The benchmark suite (issue: fast CPU code): every shape, side by side, for
# one thread and for all cores: the memory roofline, oneDNN (plain and
# blocked layouts), upstream MLIR's lowering and ours. Prints Markdown tables
# (docs/performance.md records them with the machine they ran on).
# REPEAT (default 10) sets the number of timed runs per kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
echo "# pool-bench on $(nproc) cores, $(date -u +%Y-%m-%d)"
for t in 1 "$(nproc)"; do
  OMP_NUM_THREADS=$t build/bin/pool-bench --num-threads="$t" \
    --repeat="${REPEAT:-10}" "$@"
done
