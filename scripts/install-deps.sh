#!/usr/bin/env bash
# Installs the Debian packages pool-mlir needs, when missing.
#   --bench: also what the benchmarks need (matplotlib for bench/plot.py).
# PyTorch and ONNX are always installed: the ONNX tests export networks.
set -euo pipefail

PACKAGES=(llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22
          libclang-rt-22-dev cmake ninja-build python3 python3-numpy
          libomp-22-dev libdnnl-dev valgrind libonnx-dev libprotobuf-dev
          python3-onnx python3-torch)
if [ "${1:-}" = --bench ]; then
  PACKAGES+=(python3-matplotlib)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
