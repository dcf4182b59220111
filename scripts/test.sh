#!/usr/bin/env bash
# Sets up and builds pool-mlir if needed, then runs every test: the two lit
# suites, check-pool (FileCheck tests of the IR, the tools, the reference)
# and check-pool-integration (execution with mlir-runner, differential,
# valgrind, benchmark smoke), both again under ASan + UBSan, the
# parallel-compilation test under TSan, and a short run of each fuzz target.
# POOL_TEST_QUICK=1 runs the two lit suites only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
echo "== lit: check-pool"
ninja -C "$BUILD_DIR" -j"${JOBS:-2}" check-pool
echo "== lit: check-pool-integration"
ninja -C "$BUILD_DIR" -j"${JOBS:-2}" check-pool-integration
if [ "${POOL_TEST_QUICK:-0}" != 1 ]; then
  bash scripts/sanitize.sh
  FUZZ_SECONDS=${FUZZ_SECONDS:-60} bash scripts/fuzz.sh
fi
echo "== all tests passed"
