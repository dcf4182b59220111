#!/usr/bin/env bash
# Installs what pool-mlir needs (Debian packages, when missing), then
# configures and builds it in ./build (or $BUILD_DIR, with extra CMake
# arguments from $POOL_CMAKE_ARGS). Safe to run again: it only does what is
# left to do.
set -euo pipefail
cd "$(dirname "$0")/.."

bash "$(dirname "$0")/install-deps.sh"

BUILD_DIR=${BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  echo "== configuring $BUILD_DIR"
  cmake -G Ninja -S . -B "$BUILD_DIR" \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    ${POOL_CMAKE_ARGS:-} >/dev/null
fi
echo "== building $BUILD_DIR"
ninja -C "$BUILD_DIR" -j"${JOBS:-2}" all
