//===- Reference.cpp - Plain C++ reference pooling ------------------------===//
//
// Written straight from the documented semantics: every dimension lists the
// input indices of each window tap by tap, and every output element visits the
// cartesian product of those lists. Nothing here is shared with the compiler.
//
//===----------------------------------------------------------------------===//

#include "pool/Reference/Reference.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

using namespace poolref;

namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

bool isLocal(Kind kind) { return kind == Kind::Max || kind == Kind::Avg; }
bool isGlobal(Kind kind) {
  return kind == Kind::GlobalMax || kind == Kind::GlobalAvg;
}
bool isAdaptive(Kind kind) {
  return kind == Kind::AdaptiveMax || kind == Kind::AdaptiveAvg;
}
bool isMax(Kind kind) {
  return kind == Kind::Max || kind == Kind::GlobalMax ||
         kind == Kind::AdaptiveMax;
}

bool fail(std::string *error, const std::string &message) {
  if (error)
    *error = message;
  return false;
}

std::string at(const char *name, size_t i, int64_t value) {
  return std::string(name) + "[" + std::to_string(i) +
         "] = " + std::to_string(value);
}

/// `a + b` for non-negative operands; false on overflow.
bool checkedAdd(int64_t a, int64_t b, int64_t &result) {
  if (a > kInt64Max - b)
    return false;
  result = a + b;
  return true;
}

/// `a * b` for non-negative operands; false on overflow.
bool checkedMul(int64_t a, int64_t b, int64_t &result) {
  if (a != 0 && b > kInt64Max / a)
    return false;
  result = a * b;
  return true;
}

/// The window of one output index along one dimension.
struct Window {
  /// Input indices of the taps that hold real elements, in tap order.
  std::vector<int64_t> taps;
  /// This dimension's factor of the average's divisor.
  int64_t count = 0;
};

/// A configuration resolved against an input shape.
struct Plan {
  int64_t batch = 0, channels = 0;
  std::vector<int64_t> inSpatial;
  /// Global ops use all ones here whether or not they keep the dimensions:
  /// the flat offsets are the same.
  std::vector<int64_t> outSpatial;
  /// Local ops: the padding chosen for each dimension.
  std::vector<int64_t> padBegin, padEnd;
};

/// Output size and padding of a local op along spatial dimension `i`.
bool resolveLocalDim(const Config &config, size_t i, int64_t in, Plan &plan,
                     std::string *error) {
  int64_t k = config.kernel[i], s = config.strides[i], d = config.dilations[i];
  int64_t span;
  if (!checkedMul(k - 1, d, span) || !checkedAdd(span, 1, span))
    return fail(error,
                "window span overflows along dimension " + std::to_string(i));

  int64_t pb = 0, pe = 0, out = 0;
  if (config.autoPad == AutoPad::SameUpper ||
      config.autoPad == AutoPad::SameLower) {
    out = in / s + (in % s != 0 ? 1 : 0);
    // (out - 1) * s < in, so neither this nor the padding can overflow.
    int64_t total = std::max<int64_t>((out - 1) * s + span - in, 0);
    if (config.autoPad == AutoPad::SameUpper) {
      pb = total / 2;
      pe = total - pb;
    } else {
      pe = total / 2;
      pb = total - pe;
    }
  } else {
    if (config.autoPad == AutoPad::Explicit && !config.padding.empty()) {
      pb = config.padding[i];
      pe = config.padding[i + config.kernel.size()];
    }
    if (pb >= span || pe >= span)
      return fail(error, "padding of dimension " + std::to_string(i) +
                             " must be smaller than the window span " +
                             std::to_string(span));
    int64_t padded;
    if (!checkedAdd(in, pb, padded) || !checkedAdd(padded, pe, padded))
      return fail(error,
                  "padded size overflows along dimension " + std::to_string(i));
    if (padded < span)
      return fail(error, "padded input size " + std::to_string(padded) +
                             " of dimension " + std::to_string(i) +
                             " is smaller than the window span " +
                             std::to_string(span));
    // ceil_mode applies to explicit padding only: ONNX's `valid` output
    // size, ceil((I - K + 1) / s), equals the floor-mode one.
    bool ceil = config.ceilMode && config.autoPad == AutoPad::Explicit;
    int64_t numerator = padded - span;
    if (ceil && !checkedAdd(numerator, s - 1, numerator))
      return fail(error,
                  "output size overflows along dimension " + std::to_string(i));
    out = numerator / s + 1;
    // A ceil-mode window must start inside the input or the begin padding.
    if (ceil && (out - 1) * s >= in + pb)
      out -= 1;
  }
  plan.padBegin.push_back(pb);
  plan.padEnd.push_back(pe);
  plan.outSpatial.push_back(out);
  return true;
}

/// Validates `config` against `inShape` and fills `plan`.
bool resolve(const Config &config, const std::vector<int64_t> &inShape,
             Plan &plan, std::string *error) {
  size_t rank;
  if (isLocal(config.kind))
    rank = config.kernel.size();
  else if (isAdaptive(config.kind))
    rank = config.outputSize.size();
  else
    rank = inShape.size() < 2 ? 0 : inShape.size() - 2;
  if (rank < 1 || rank > 3)
    return fail(error,
                "spatial rank " + std::to_string(rank) + " must be 1, 2 or 3");
  if (inShape.size() != rank + 2)
    return fail(error,
                "input rank " + std::to_string(inShape.size()) +
                    " must be spatial rank + 2 = " + std::to_string(rank + 2));
  for (size_t i = 0; i < inShape.size(); ++i)
    if (inShape[i] < 0)
      return fail(error,
                  at("input shape", i, inShape[i]) + " must not be negative");

  plan.batch = inShape[0];
  plan.channels = config.channelsLast ? inShape[rank + 1] : inShape[1];
  size_t first = config.channelsLast ? 1 : 2;
  plan.inSpatial.assign(inShape.begin() + first,
                        inShape.begin() + first + rank);
  for (size_t i = 0; i < rank; ++i)
    if (plan.inSpatial[i] == 0)
      return fail(error, "spatial input size " + std::to_string(i) +
                             " must be positive");

  if (isGlobal(config.kind)) {
    plan.outSpatial.assign(rank, 1);
    return true;
  }

  if (isAdaptive(config.kind)) {
    for (size_t i = 0; i < rank; ++i)
      if (config.outputSize[i] <= 0)
        return fail(error, at("output_size", i, config.outputSize[i]) +
                               " must be positive");
    // The bins compute (i + 1) * In.
    for (size_t i = 0; i < rank; ++i) {
      int64_t product;
      if (!checkedMul(config.outputSize[i], plan.inSpatial[i], product))
        return fail(error, "adaptive bins overflow along dimension " +
                               std::to_string(i));
    }
    plan.outSpatial = config.outputSize;
    return true;
  }

  if (config.strides.size() != rank || config.dilations.size() != rank)
    return fail(error, "strides and dilations must have " +
                           std::to_string(rank) + " values");
  if (!config.padding.empty() && config.padding.size() != 2 * rank)
    return fail(error, "padding must have 0 or " + std::to_string(2 * rank) +
                           " values");
  if (config.autoPad != AutoPad::Explicit && !config.padding.empty())
    return fail(error, "padding must be empty unless auto_pad is explicit");
  for (size_t i = 0; i < rank; ++i) {
    if (config.kernel[i] <= 0)
      return fail(error,
                  at("kernel", i, config.kernel[i]) + " must be positive");
    if (config.strides[i] <= 0)
      return fail(error,
                  at("strides", i, config.strides[i]) + " must be positive");
    if (config.dilations[i] <= 0)
      return fail(error, at("dilations", i, config.dilations[i]) +
                             " must be positive");
  }
  for (size_t i = 0; i < config.padding.size(); ++i)
    if (config.padding[i] < 0)
      return fail(error, at("padding", i, config.padding[i]) +
                             " must not be negative");
  for (size_t i = 0; i < rank; ++i)
    if (!resolveLocalDim(config, i, plan.inSpatial[i], plan, error))
      return false;
  return true;
}

/// Lists the window of every output index along spatial dimension `i`.
std::vector<Window> windowsAlong(const Config &config, const Plan &plan,
                                 size_t i) {
  int64_t in = plan.inSpatial[i], out = plan.outSpatial[i];
  std::vector<Window> windows(out);
  for (int64_t o = 0; o < out; ++o) {
    Window &window = windows[o];
    if (isGlobal(config.kind)) {
      for (int64_t idx = 0; idx < in; ++idx)
        window.taps.push_back(idx);
      window.count = in;
    } else if (isAdaptive(config.kind)) {
      int64_t begin = o * in / out;
      int64_t end = ((o + 1) * in + out - 1) / out;
      for (int64_t idx = begin; idx < end; ++idx)
        window.taps.push_back(idx);
      window.count = end - begin;
    } else {
      int64_t pb = plan.padBegin[i], pe = plan.padEnd[i];
      int64_t start = o * config.strides[i] - pb;
      for (int64_t j = 0; j < config.kernel[i]; ++j) {
        int64_t idx = start + j * config.dilations[i];
        bool real = idx >= 0 && idx < in;
        if (real)
          window.taps.push_back(idx);
        // With count_include_pad the padding counts but the ceil-mode
        // overhang past the end padding does not.
        if (config.countIncludePad ? (idx >= -pb && idx < in + pe) : real)
          ++window.count;
      }
    }
  }
  return windows;
}

/// Flat row-major offset of element (n, c, spatial) in a tensor whose spatial
/// sizes are `sizes`.
int64_t flatOffset(bool channelsLast, int64_t channels,
                   const std::vector<int64_t> &sizes, int64_t n, int64_t c,
                   const std::vector<int64_t> &spatial) {
  int64_t offset = channelsLast ? n : n * channels + c;
  for (size_t i = 0; i < sizes.size(); ++i)
    offset = offset * sizes[i] + spatial[i];
  if (channelsLast)
    offset = offset * channels + c;
  return offset;
}

/// Advances the multi-index `index` within `sizes` in row-major order; false
/// once it wraps around.
bool next(std::vector<int64_t> &index, const std::vector<int64_t> &sizes) {
  for (size_t i = sizes.size(); i-- > 0;) {
    if (++index[i] < sizes[i])
      return true;
    index[i] = 0;
  }
  return false;
}

/// Calls `fn(outOffset, inOffsets, divisor)` for every output element, with
/// the flat input offsets of its window's real elements and the average's
/// divisor.
template <typename Fn>
void forEachWindow(const Config &config, const std::vector<int64_t> &inShape,
                   Fn fn) {
  Plan plan;
  bool valid = resolve(config, inShape, plan, nullptr);
  assert(valid && "invalid pooling configuration");
  (void)valid;
  size_t rank = plan.inSpatial.size();
  std::vector<std::vector<Window>> windows;
  for (size_t i = 0; i < rank; ++i)
    windows.push_back(windowsAlong(config, plan, i));

  std::vector<int64_t> inOffsets;
  for (int64_t n = 0; n < plan.batch; ++n) {
    for (int64_t c = 0; c < plan.channels; ++c) {
      std::vector<int64_t> outIndex(rank, 0);
      do {
        const Window *dims[3];
        std::vector<int64_t> tapCounts(rank);
        int64_t divisor = 1;
        bool empty = false;
        for (size_t i = 0; i < rank; ++i) {
          dims[i] = &windows[i][outIndex[i]];
          tapCounts[i] = dims[i]->taps.size();
          divisor *= dims[i]->count;
          empty |= tapCounts[i] == 0;
        }
        inOffsets.clear();
        if (!empty) {
          std::vector<int64_t> tap(rank, 0), inIndex(rank);
          do {
            for (size_t i = 0; i < rank; ++i)
              inIndex[i] = dims[i]->taps[tap[i]];
            inOffsets.push_back(flatOffset(config.channelsLast, plan.channels,
                                           plan.inSpatial, n, c, inIndex));
          } while (next(tap, tapCounts));
        }
        fn(flatOffset(config.channelsLast, plan.channels, plan.outSpatial, n, c,
                      outIndex),
           inOffsets, divisor);
      } while (next(outIndex, plan.outSpatial));
    }
  }
}

} // namespace

bool poolref::outputShape(const Config &config,
                          const std::vector<int64_t> &inShape,
                          std::vector<int64_t> &outShape, std::string *error) {
  Plan plan;
  if (!resolve(config, inShape, plan, error))
    return false;
  if (isGlobal(config.kind) && !config.keepDims) {
    outShape = {plan.batch, plan.channels};
    return true;
  }
  outShape.clear();
  outShape.push_back(plan.batch);
  if (!config.channelsLast)
    outShape.push_back(plan.channels);
  outShape.insert(outShape.end(), plan.outSpatial.begin(),
                  plan.outSpatial.end());
  if (config.channelsLast)
    outShape.push_back(plan.channels);
  return true;
}

void poolref::pool(const Config &config, const std::vector<int64_t> &inShape,
                   const double *in, double *out) {
  bool max = isMax(config.kind);
  forEachWindow(config, inShape,
                [&](int64_t outOffset, const std::vector<int64_t> &inOffsets,
                    int64_t divisor) {
                  if (max) {
                    double result = -std::numeric_limits<double>::infinity();
                    bool sawNaN = false;
                    for (int64_t offset : inOffsets) {
                      double value = in[offset];
                      if (std::isnan(value))
                        sawNaN = true;
                      else if (value > result)
                        result = value;
                    }
                    out[outOffset] =
                        sawNaN ? std::numeric_limits<double>::quiet_NaN()
                               : result;
                    return;
                  }
                  double sum = 0.0;
                  for (int64_t offset : inOffsets)
                    sum += in[offset];
                  out[outOffset] = (inOffsets.empty() || divisor == 0)
                                       ? 0.0
                                       : sum / static_cast<double>(divisor);
                });
}

void poolref::poolInt(const Config &config, const std::vector<int64_t> &inShape,
                      const int64_t *in, int64_t *out, int64_t minValue) {
  assert(isMax(config.kind) && "integer pooling is max pooling only");
  forEachWindow(
      config, inShape,
      [&](int64_t outOffset, const std::vector<int64_t> &inOffsets, int64_t) {
        int64_t result = minValue;
        for (int64_t offset : inOffsets)
          result = std::max(result, in[offset]);
        out[outOffset] = result;
      });
}
