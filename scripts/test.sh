#!/usr/bin/env bash
# Sets up and builds pool-mlir if needed, then runs every test (lit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
ninja -C "$BUILD_DIR" -j"${JOBS:-2}" check-pool
