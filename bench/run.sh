#!/usr/bin/env bash
# The CPU benchmark suite: every shape, side by side, for one thread and for
# all cores: the memory roofline (checked against memcpy), oneDNN (plain and
# blocked layouts), upstream MLIR's lowering, PyTorch (eager, both 4-D
# layouts) and ours. Prints Markdown tables, writes bench/results/*.json and
# draws them (bench/plot.py) as bench/results/*.png; docs/performance.md
# records them with the machine they ran on.
#   REPEAT (default 10): timed runs per kernel.
#   TARGET_CPU (default host): the CPU our kernels and upstream's are
#     planned and compiled for, e.g. znver3 or x86-64-v3 for AVX2 code on an
#     AVX-512 host; oneDNN and PyTorch are then capped to AVX2 too
#     (ONEDNN_MAX_CPU_ISA, ATEN_CPU_CAPABILITY).
# Extra arguments go to pool-bench (e.g. --filter=stem).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --bench >&2
bash scripts/setup.sh >&2
cpu=${TARGET_CPU:-host}
if [ "$cpu" != host ]; then
  export ONEDNN_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2
fi
mkdir -p bench/results
echo "# pool-bench on $(nproc) cores, target $cpu, $(date -u +%Y-%m-%d)"
for t in 1 "$(nproc)"; do
  OMP_NUM_THREADS=$t build/bin/pool-bench --num-threads="$t" \
    --target-cpu="$cpu" --repeat="${REPEAT:-10}" \
    --json="bench/results/$cpu-t$t.json" "$@"
done
echo "# fork/join cost"
OMP_NUM_THREADS=$(nproc) build/bin/pool-bench --fork-join \
  --num-threads="$(nproc)" --target-cpu="$cpu"
/usr/bin/python3 bench/plot.py bench/results/"$cpu"-t*.json \
  -o "bench/results/$cpu.png"
