//===- print-utils.cpp - printMemref without libMLIR for the GPU kit ------===//
//
// The execution programs of test/Integration/CPU print their results with
// printMemrefF32 / printMemrefI32. Debian's libmlir_c_runner_utils.so links
// libMLIR.so (over 100 MB), too large to carry to the GPU machine, so the
// kit links this instead: the same entry points, printing through the
// header-only templates of mlir/ExecutionEngine/RunnerUtils.h, hence in
// exactly upstream's format (the CHECK lines are upstream's output).
//
//===----------------------------------------------------------------------===//

#include "mlir/ExecutionEngine/RunnerUtils.h"

#include <cstring>

extern "C" void _mlir_ciface_printMemrefF32(UnrankedMemRefType<float> *m) {
  impl::printMemRef(*m);
}

extern "C" void _mlir_ciface_printMemrefI32(UnrankedMemRefType<int32_t> *m) {
  impl::printMemRef(*m);
}

extern "C" void printNewline() { std::cout << "\n"; }
