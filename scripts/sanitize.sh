#!/usr/bin/env bash
# Sanitizer jobs:
#  - build-asan: the whole project under AddressSanitizer + UBSan, and both
#    lit suites (check-pool, check-pool-integration) run with it (the plugin
#    test excepted: Debian's mlir-opt cannot load an instrumented plugin;
#    valgrind cannot run an ASan build);
#  - build-tsan: pool-opt under ThreadSanitizer, compiling a module of many
#    functions with its function passes in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=build-asan POOL_CMAKE_ARGS="-DPOOL_SANITIZERS=address,undefined" \
  bash scripts/setup.sh
echo "== lit under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1 ninja -C build-asan -j"${JOBS:-2}" check-pool \
  check-pool-integration

bash scripts/install-deps.sh
if [ ! -f build-tsan/build.ninja ]; then
  cmake -G Ninja -S . -B build-tsan -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=clang-22 \
    -DCMAKE_CXX_COMPILER=clang++-22 -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    -DPOOL_SANITIZERS=thread >/dev/null
fi
echo "== building pool-opt under TSan"
ninja -C build-tsan -j"${JOBS:-2}" pool-opt
echo "== parallel compilation under TSan"
TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$PWD/scripts/tsan.supp" \
  /usr/lib/llvm-22/bin/lit -sv build-tsan/test/Pipelines/parallel-compilation.mlir
