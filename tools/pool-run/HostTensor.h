//===- HostTensor.h - Host buffers for JIT-compiled pool kernels -*- C++
//-*-===//

#ifndef POOL_TOOLS_POOLRUN_HOSTTENSOR_H
#define POOL_TOOLS_POOLRUN_HOSTTENSOR_H

#include "mlir/IR/Types.h"
#include "mlir/Support/LLVM.h"

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace pool_run {

/// The element types a pool kernel takes and returns.
enum class ElemKind { F16, BF16, F32, F64, I8, I16, I32, I64 };

/// The ElemKind of `type`, or failure for an unsupported type.
mlir::FailureOr<ElemKind> getElemKind(mlir::Type type);
bool isFloatKind(ElemKind kind);
/// Bytes per element.
int64_t getElemSize(ElemKind kind);
/// The smallest value of an integer kind.
int64_t getIntMin(ElemKind kind);
llvm::StringRef getElemName(ElemKind kind);

/// A dense row-major tensor in host memory, 64-byte aligned.
class HostTensor {
public:
  HostTensor() = default;
  HostTensor(ElemKind kind, std::vector<int64_t> shape);

  ElemKind getKind() const { return kind; }
  const std::vector<int64_t> &getShape() const { return shape; }
  int64_t getNumElements() const;
  void *getData() const { return data.get(); }
  int64_t getSizeInBytes() const {
    return getNumElements() * getElemSize(kind);
  }

  /// Element `i` as a double (floats) or the integer value (integers).
  double getDouble(int64_t i) const;
  int64_t getInt(int64_t i) const;
  /// Stores `v`, rounded to nearest-even for f16/bf16.
  void setDouble(int64_t i, double v);
  void setInt(int64_t i, int64_t v);

  /// Fills with values drawn from `rng`: floats uniform in [-4, 4) rounded to
  /// the element type, integers uniform in [-100, 100]. With `specials`, a
  /// few elements are NaN, +inf or -inf.
  void fillRandom(std::mt19937_64 &rng, bool specials = false);

private:
  ElemKind kind = ElemKind::F32;
  std::vector<int64_t> shape;
  std::shared_ptr<uint8_t> data;
};

/// Fails with a message if a host tensor of `shape` would be negative-sized
/// or hold more than 2^40 bytes.
mlir::LogicalResult checkHostShape(llvm::ArrayRef<int64_t> shape, ElemKind kind,
                                   std::string &error);

/// Reads a .npy file (little-endian, C order; f2/f4/f8/i1/i2/i4/i8) as
/// `kind`, converting if the file holds another type.
mlir::FailureOr<HostTensor> readNpy(const std::string &path, ElemKind kind,
                                    std::string &error);
/// Writes `tensor` as .npy (bf16 is written as float32, numpy has no bf16).
mlir::LogicalResult writeNpy(const std::string &path, const HostTensor &tensor,
                             std::string &error);

} // namespace pool_run

#endif // POOL_TOOLS_POOLRUN_HOSTTENSOR_H
