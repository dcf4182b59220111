//===- Reference.h - Plain C++ reference pooling ----------------*- C++ -*-===//
//
// An independent implementation of the pool ops' semantics in plain loops over
// every window tap, used to check the compiler's numbers. It deliberately
// shares no code with the dialect (not even its window arithmetic) and depends
// on nothing but the C++ standard library.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_REFERENCE_REFERENCE_H
#define POOL_REFERENCE_REFERENCE_H

#include <cstdint>
#include <string>
#include <vector>

namespace poolref {

enum class Kind { Max, Avg, GlobalMax, GlobalAvg, AdaptiveMax, AdaptiveAvg };
enum class AutoPad { Explicit, Valid, SameUpper, SameLower };

/// One pooling operation. Only the fields that the kind uses are read.
struct Config {
  Kind kind = Kind::Max;
  /// false: (N, C, spatial...), true: (N, spatial..., C).
  bool channelsLast = false;
  /// Local ops: one value per spatial dimension. Strides and dilations are
  /// already defaulted by the caller.
  std::vector<int64_t> kernel, strides, dilations;
  /// 2N values [begin_0..begin_{N-1}, end_0..end_{N-1}]; explicit mode only,
  /// empty means zeros.
  std::vector<int64_t> padding;
  AutoPad autoPad = AutoPad::Explicit;
  bool ceilMode = false, countIncludePad = false, keepDims = false;
  /// Adaptive ops: one value per spatial dimension.
  std::vector<int64_t> outputSize;
};

/// Computes the result shape of `config` applied to the static `inShape`.
/// Returns false and sets `*error` (when given) if the configuration is
/// invalid for that shape.
bool outputShape(const Config &config, const std::vector<int64_t> &inShape,
                 std::vector<int64_t> &outShape, std::string *error = nullptr);

/// Pools `in` (row-major, shape `inShape`) into `out` (row-major, shape
/// `outputShape(config, inShape)`), computing in double. The configuration
/// must be valid for `inShape`.
void pool(const Config &config, const std::vector<int64_t> &inShape,
          const double *in, double *out);

/// Integer max pooling (Max, GlobalMax, AdaptiveMax) in exact int64
/// arithmetic. `minValue` is the minimum of the element type, the result of a
/// window that holds no real element.
void poolInt(const Config &config, const std::vector<int64_t> &inShape,
             const int64_t *in, int64_t *out, int64_t minValue);

} // namespace poolref

#endif // POOL_REFERENCE_REFERENCE_H
