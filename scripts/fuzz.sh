#!/usr/bin/env bash
# Builds the libFuzzer targets (ASan + UBSan) in build-fuzz and fuzzes each
# for FUZZ_SECONDS (default 60) starting from the committed seed corpus
# (test/Fuzz/corpus, left unchanged). New inputs and crash reproducers go to
# $FUZZ_WORK (default build-fuzz/work); a crash fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
WORK=${FUZZ_WORK:-build-fuzz/work}

bash scripts/install-deps.sh
if [ ! -f build-fuzz/build.ninja ]; then
  cmake -G Ninja -S . -B build-fuzz -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=clang-22 \
    -DCMAKE_CXX_COMPILER=clang++-22 -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    -DPOOL_SANITIZERS=address,undefined -DPOOL_ENABLE_FUZZERS=ON >/dev/null
fi
echo "== building the fuzz targets"
ninja -C build-fuzz -j"${JOBS:-2}" pool-fuzz-parse pool-fuzz-build

# See test/lit.cfg.py: manual poisoning in LLVM's headers misfires when
# instrumented code shares allocators with the uninstrumented libMLIR.so.
export ASAN_OPTIONS=allow_user_poisoning=0
for target in parse build; do
  mkdir -p "$WORK/$target" "$WORK/crashes-$target"
  echo "== fuzzing pool-fuzz-$target for ${SECONDS_EACH}s"
  build-fuzz/bin/pool-fuzz-$target "$WORK/$target" "test/Fuzz/corpus/$target" \
    -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=30 \
    -rss_limit_mb=3000 -artifact_prefix="$WORK/crashes-$target/" \
    -print_final_stats=1 2>"$WORK/$target.log" ||
    { tail -n 60 "$WORK/$target.log"; echo "pool-fuzz-$target found a crash"; exit 1; }
  grep -E "^stat::number_of_executed_units|^Done" "$WORK/$target.log" || true
done
