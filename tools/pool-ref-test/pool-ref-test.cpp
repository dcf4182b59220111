//===- pool-ref-test.cpp - Hand-computed checks of the reference ----------===//
//
// Runs the reference pooling on small inputs whose results were worked out by
// hand (the arithmetic is in the comments) or are known from PyTorch, Keras and
// ONNX. Prints one line per failure, then "N passed, M failed".
//
//===----------------------------------------------------------------------===//

#include "pool/Reference/Reference.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

using poolref::AutoPad;
using poolref::Config;
using poolref::Kind;

namespace {

using Shape = std::vector<int64_t>;
using Values = std::vector<double>;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();

int numPassed = 0, numFailed = 0;

std::string str(const Shape &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string str(const Values &values) {
  std::string s = "[";
  char buffer[32];
  for (size_t i = 0; i < values.size(); ++i) {
    std::snprintf(buffer, sizeof(buffer), "%.17g", values[i]);
    s += (i ? ", " : "") + std::string(buffer);
  }
  return s + "]";
}

/// NaN matches NaN; finite values match to a relative 1e-12 so that expected
/// values may be written as fractions.
bool same(double got, double want) {
  if (std::isnan(got) || std::isnan(want))
    return std::isnan(got) && std::isnan(want);
  if (got == want)
    return true;
  return std::fabs(got - want) <= 1e-12 * std::fmax(1.0, std::fabs(want));
}

void report(const char *name, bool ok, const std::string &why) {
  if (ok) {
    ++numPassed;
    return;
  }
  ++numFailed;
  std::printf("FAIL %s: %s\n", name, why.c_str());
}

/// Checks the shape that `config` gives `inShape`; false (after reporting)
/// when it is not `outShape`.
bool checkShape(const char *name, const Config &config, const Shape &inShape,
                const Shape &outShape) {
  Shape got;
  std::string error;
  if (!poolref::outputShape(config, inShape, got, &error)) {
    report(name, false, "rejected: " + error);
    return false;
  }
  if (got != outShape) {
    report(name, false, "shape " + str(got) + ", expected " + str(outShape));
    return false;
  }
  return true;
}

void expectPool(const char *name, const Config &config, const Shape &inShape,
                const Values &in, const Shape &outShape,
                const Values &expected) {
  if (!checkShape(name, config, inShape, outShape))
    return;
  Values got(expected.size(), -12345.0);
  poolref::pool(config, inShape, in.data(), got.data());
  bool ok = true;
  for (size_t i = 0; i < got.size(); ++i)
    ok &= same(got[i], expected[i]);
  report(name, ok, "got " + str(got) + ", expected " + str(expected));
}

void expectPoolInt(const char *name, const Config &config, const Shape &inShape,
                   const Shape &in, const Shape &outShape,
                   const Shape &expected, int64_t minValue) {
  if (!checkShape(name, config, inShape, outShape))
    return;
  Shape got(expected.size(), -12345);
  poolref::poolInt(config, inShape, in.data(), got.data(), minValue);
  report(name, got == expected,
         "got " + str(got) + ", expected " + str(expected));
}

void expectInvalid(const char *name, const Config &config,
                   const Shape &inShape) {
  Shape got;
  std::string error;
  bool accepted = poolref::outputShape(config, inShape, got, &error);
  report(name, !accepted && !error.empty(),
         accepted ? "accepted, shape " + str(got) : "rejected without message");
}

/// A local op; dilations default to ones.
Config local(Kind kind, Shape kernel, Shape strides, Shape padding = {},
             Shape dilations = {}) {
  Config config;
  config.kind = kind;
  if (dilations.empty())
    dilations.assign(kernel.size(), 1);
  config.kernel = kernel;
  config.strides = strides;
  config.dilations = dilations;
  config.padding = padding;
  return config;
}

Config withAutoPad(Config config, AutoPad autoPad) {
  config.autoPad = autoPad;
  return config;
}

Config withCeil(Config config) {
  config.ceilMode = true;
  return config;
}

Config withIncludePad(Config config) {
  config.countIncludePad = true;
  return config;
}

Config channelsLast(Config config) {
  config.channelsLast = true;
  return config;
}

Config adaptive(Kind kind, Shape outputSize) {
  Config config;
  config.kind = kind;
  config.outputSize = outputSize;
  return config;
}

Config global(Kind kind, bool keepDims = false) {
  Config config;
  config.kind = kind;
  config.keepDims = keepDims;
  return config;
}

/// 0, 1, ..., n - 1 plus `start`.
Values arange(int n, double start = 0) {
  Values values(n);
  for (int i = 0; i < n; ++i)
    values[i] = start + i;
  return values;
}

void testFrameworkExamples() {
  // PyTorch MaxPool2d(3, stride=2, padding=1), arange(16) as 4x4.
  // O = (4 + 2 - 3) / 2 + 1 = 2; row/col taps {-1,0,1} -> {0,1}, {1,2,3}.
  // [0][0] = max rows 0-1, cols 0-1 = 5;  [0][1] = max cols 1-3 = 7;
  // [1][0] = max rows 1-3, cols 0-1 = 13; [1][1] = 15.
  expectPool("torch_maxpool2d_k3_s2_p1",
             local(Kind::Max, {3, 3}, {2, 2}, {1, 1, 1, 1}), {1, 1, 4, 4},
             arange(16), {1, 1, 2, 2}, {5, 7, 13, 15});

  // PyTorch AvgPool2d(2, ceil_mode=True), arange(9) as 3x3.
  // O = (3 - 2 + 1) / 2 + 1 = 2, (2 - 1) * 2 = 2 < 3 keeps it.
  // Taps {0,1} (count 2), {2,3} -> {2} (count 1: 3 is overhang).
  // [0][0] = (0+1+3+4)/4 = 2; [0][1] = (2+5)/2 = 3.5;
  // [1][0] = (6+7)/2 = 6.5;   [1][1] = 8/1 = 8. Same with include_pad.
  Values ceilAvg = {2, 3.5, 6.5, 8};
  expectPool("torch_avgpool2d_ceil_exclude_pad",
             withCeil(local(Kind::Avg, {2, 2}, {2, 2})), {1, 1, 3, 3},
             arange(9), {1, 1, 2, 2}, ceilAvg);
  expectPool("torch_avgpool2d_ceil_include_pad",
             withIncludePad(withCeil(local(Kind::Avg, {2, 2}, {2, 2}))),
             {1, 1, 3, 3}, arange(9), {1, 1, 2, 2}, ceilAvg);

  // PyTorch AvgPool1d(3, stride=2, padding=1) on [1,2,3,4,5].
  // O = (5 + 2 - 3) / 2 + 1 = 3; taps {-1,0,1}, {1,2,3}, {3,4,5}.
  // Sums 1+2 = 3, 2+3+4 = 9, 4+5 = 9.
  // Exclude pad: 3/2, 9/3, 9/2. Include pad: every tap in [-1, 6): 3/3, 9/3,
  // 9/3.
  expectPool("torch_avgpool1d_k3_s2_p1_exclude_pad",
             local(Kind::Avg, {3}, {2}, {1, 1}), {1, 1, 5}, arange(5, 1),
             {1, 1, 3}, {1.5, 3, 4.5});
  expectPool("torch_avgpool1d_k3_s2_p1_include_pad",
             withIncludePad(local(Kind::Avg, {3}, {2}, {1, 1})), {1, 1, 5},
             arange(5, 1), {1, 1, 3}, {1, 3, 3});

  // Keras AveragePooling1D(pool_size=2, strides=2, padding='same') on
  // [1,2,3,4,5]: O = ceil(5/2) = 3, P = 2*2 + 2 - 5 = 1, pb = 0, pe = 1.
  // Windows {0,1}, {2,3}, {4,5}: 3/2, 7/2, 5/1 (one real element).
  // Include pad: 5 is end padding, so the last divisor is 2: 5/2.
  expectPool("keras_avgpool1d_same",
             withAutoPad(local(Kind::Avg, {2}, {2}), AutoPad::SameUpper),
             {1, 1, 5}, arange(5, 1), {1, 1, 3}, {1.5, 3.5, 5});
  expectPool("avgpool1d_same_upper_include_pad",
             withIncludePad(
                 withAutoPad(local(Kind::Avg, {2}, {2}), AutoPad::SameUpper)),
             {1, 1, 5}, arange(5, 1), {1, 1, 3}, {1.5, 3.5, 2.5});

  // ONNX maxpool_2d_precomputed_same_upper: 5x5 of 1..25, kernel 3, stride 2.
  // O = 3, P = 2*2 + 3 - 5 = 2, pb = pe = 1; taps {0,1}, {1,2,3}, {3,4}.
  // Value at (r, c) is 5r + c + 1: maxima at (1,1)=7, (1,3)=9, (1,4)=10, ...
  expectPool("onnx_maxpool2d_precomputed_same_upper",
             withAutoPad(local(Kind::Max, {3, 3}, {2, 2}), AutoPad::SameUpper),
             {1, 1, 5, 5}, arange(25, 1), {1, 1, 3, 3},
             {7, 9, 10, 17, 19, 20, 22, 24, 25});

  // ONNX averagepool_2d_precomputed_same_upper, same windows, exclude pad:
  // [0][0] = (1+2+6+7)/4 = 4; [0][1] = (2+3+4+7+8+9)/6 = 5.5;
  // [0][2] = (4+5+9+10)/4 = 7; [1][0] = (6+7+11+12+16+17)/6 = 11.5;
  // [1][1] = 13; [1][2] = (9+10+14+15+19+20)/6 = 14.5;
  // [2][0] = (16+17+21+22)/4 = 19; [2][1] = (17+18+19+22+23+24)/6 = 20.5;
  // [2][2] = (19+20+24+25)/4 = 22.
  expectPool("onnx_avgpool2d_precomputed_same_upper",
             withAutoPad(local(Kind::Avg, {3, 3}, {2, 2}), AutoPad::SameUpper),
             {1, 1, 5, 5}, arange(25, 1), {1, 1, 3, 3},
             {4, 5.5, 7, 11.5, 13, 14.5, 19, 20.5, 22});
}

void testSamePadding() {
  // [1,2,4], kernel 2, stride 1: O = 3, P = 2 + 2 - 3 = 1 (odd).
  // same_upper: pb = 0, pe = 1: {0,1}, {1,2}, {2}: 3/2, 6/2, 4/1.
  // same_lower: pb = 1, pe = 0: {0}, {0,1}, {1,2}: 1/1, 3/2, 6/2.
  Values in = {1, 2, 4};
  expectPool("avgpool1d_same_upper_odd_padding",
             withAutoPad(local(Kind::Avg, {2}, {1}), AutoPad::SameUpper),
             {1, 1, 3}, in, {1, 1, 3}, {1.5, 3, 4});
  expectPool("avgpool1d_same_lower_odd_padding",
             withAutoPad(local(Kind::Avg, {2}, {1}), AutoPad::SameLower),
             {1, 1, 3}, in, {1, 1, 3}, {1, 1.5, 3});

  // [[1,2],[3,4]], kernel 2x2, stride 1: O = 2, P = 1 per dim.
  // same_lower: pb = 1, windows {0}, {0,1} per dim:
  //   1/1, (1+2)/2, (1+3)/2, 10/4.
  // same_upper: pe = 1, windows {0,1}, {1} per dim:
  //   10/4, (2+4)/2, (3+4)/2, 4/1.
  // same_lower, include pad: taps {-1,0}, {0,1} all in [-1, 2), divisor 4:
  //   1/4, 3/4, 4/4, 10/4.
  Values in2 = {1, 2, 3, 4};
  expectPool("avgpool2d_same_lower_odd_padding",
             withAutoPad(local(Kind::Avg, {2, 2}, {1, 1}), AutoPad::SameLower),
             {1, 1, 2, 2}, in2, {1, 1, 2, 2}, {1, 1.5, 2, 2.5});
  expectPool("avgpool2d_same_upper_odd_padding",
             withAutoPad(local(Kind::Avg, {2, 2}, {1, 1}), AutoPad::SameUpper),
             {1, 1, 2, 2}, in2, {1, 1, 2, 2}, {2.5, 3, 3.5, 4});
  expectPool("avgpool2d_same_lower_include_pad",
             withIncludePad(withAutoPad(local(Kind::Avg, {2, 2}, {1, 1}),
                                        AutoPad::SameLower)),
             {1, 1, 2, 2}, in2, {1, 1, 2, 2}, {0.25, 0.75, 1, 2.5});

  // ceil_mode leaves same padding alone. [1..5], kernel 2, stride 2,
  // same_lower: O = 3, P = 4 + 2 - 5 = 1, pb = 1: {-1,0}, {1,2}, {3,4}.
  expectPool(
      "maxpool1d_same_lower_ceil_ignored",
      withCeil(withAutoPad(local(Kind::Max, {2}, {2}), AutoPad::SameLower)),
      {1, 1, 5}, arange(5, 1), {1, 1, 3}, {1, 3, 5});
}

void testDilation() {
  // [1..5], kernel 2, dilation 2 (span 3), stride 1, pads 1/1:
  // O = (5 + 2 - 3) + 1 = 5; taps {o-1, o+1}:
  // {-1,1} {0,2} {1,3} {2,4} {3,5}.
  // Exclude pad: 2/1, (1+3)/2, (2+4)/2, (3+5)/2, 4/1.
  // Include pad: all taps in [-1, 6), divisor 2: 2/2, 2, 3, 4, 4/2.
  // Max: 2, 3, 4, 5, 4.
  Config dilated = local(Kind::Avg, {2}, {1}, {1, 1}, {2});
  expectPool("avgpool1d_dilation2_exclude_pad", dilated, {1, 1, 5},
             arange(5, 1), {1, 1, 5}, {2, 2, 3, 4, 4});
  expectPool("avgpool1d_dilation2_include_pad", withIncludePad(dilated),
             {1, 1, 5}, arange(5, 1), {1, 1, 5}, {1, 2, 3, 4, 2});
  expectPool("maxpool1d_dilation2_pad", local(Kind::Max, {2}, {1}, {1, 1}, {2}),
             {1, 1, 5}, arange(5, 1), {1, 1, 5}, {2, 3, 4, 5, 4});

  // arange(16) as 4x4, kernel 2x2, dilation 2: O = 4 - 3 + 1 = 2, taps
  // {0,2}, {1,3} per dim.
  // [0][0]: 0,2,8,10   -> max 10, avg 5;  [0][1]: 1,3,9,11  -> 11, 6;
  // [1][0]: 4,6,12,14  -> 14, 9;          [1][1]: 5,7,13,15 -> 15, 10.
  expectPool("maxpool2d_dilation2",
             local(Kind::Max, {2, 2}, {1, 1}, {}, {2, 2}), {1, 1, 4, 4},
             arange(16), {1, 1, 2, 2}, {10, 11, 14, 15});
  expectPool("avgpool2d_dilation2",
             local(Kind::Avg, {2, 2}, {1, 1}, {}, {2, 2}), {1, 1, 4, 4},
             arange(16), {1, 1, 2, 2}, {5, 6, 9, 10});

  // I = 1, kernel 2, dilation 3 (span 4), pads 2/2: O = (1 + 4 - 4) + 1 = 2.
  // Taps {-2,1} and {-1,2}: none in [0, 1). Max gives -inf (integers: the
  // minimum), avg 0 whether or not padding counts (sum 0 over divisor 0 or 2).
  Config allPad = local(Kind::Max, {2}, {1}, {2, 2}, {3});
  expectPool("maxpool1d_dilated_all_padding", allPad, {1, 1, 1}, {7}, {1, 1, 2},
             {-kInf, -kInf});
  expectPoolInt("int_maxpool1d_dilated_all_padding", allPad, {1, 1, 1}, {7},
                {1, 1, 2}, {-128, -128}, -128);
  Config allPadAvg = local(Kind::Avg, {2}, {1}, {2, 2}, {3});
  expectPool("avgpool1d_dilated_all_padding_exclude_pad", allPadAvg, {1, 1, 1},
             {7}, {1, 1, 2}, {0, 0});
  expectPool("avgpool1d_dilated_all_padding_include_pad",
             withIncludePad(allPadAvg), {1, 1, 1}, {7}, {1, 1, 2}, {0, 0});
}

void testCeilAndValid() {
  // [1,2,3,4], kernel 2, stride 3, pads 1/1, ceil:
  // O = (4 + 2 - 2 + 2) / 3 + 1 = 3, but (3 - 1) * 3 = 6 >= 4 + 1, so O = 2.
  // Taps {-1,0}, {2,3}: 1, 4.
  expectPool("maxpool1d_ceil_window_in_end_padding_dropped",
             withCeil(local(Kind::Max, {2}, {3}, {1, 1})), {1, 1, 4},
             arange(4, 1), {1, 1, 2}, {1, 4});

  // [1..6], kernel 3, stride 2, pads 1/1, ceil:
  // O = (6 + 2 - 3 + 1) / 2 + 1 = 4, 3 * 2 = 6 < 7 keeps it.
  // Taps {-1,0,1}, {1,2,3}, {3,4,5}, {5,6,7}; sums 3, 9, 15, 6.
  // Exclude pad: 3/2, 9/3, 15/3, 6/1.
  // Include pad counts taps in [-1, 7): 3, 3, 3, 2 (7 is overhang):
  // 3/3, 9/3, 15/3, 6/2 (as PyTorch).
  Config ceilPad = withCeil(local(Kind::Avg, {3}, {2}, {1, 1}));
  expectPool("avgpool1d_ceil_overhang_exclude_pad", ceilPad, {1, 1, 6},
             arange(6, 1), {1, 1, 4}, {1.5, 3, 5, 6});
  expectPool("avgpool1d_ceil_overhang_include_pad", withIncludePad(ceilPad),
             {1, 1, 6}, arange(6, 1), {1, 1, 4}, {1, 3, 5, 3});

  // [1..5], kernel 2, stride 2, ceil: O = (5 - 2 + 1) / 2 + 1 = 3;
  // {0,1}, {2,3}, {4}: 2, 4, 5.
  expectPool("maxpool1d_ceil", withCeil(local(Kind::Max, {2}, {2})), {1, 1, 5},
             arange(5, 1), {1, 1, 3}, {2, 4, 5});

  // valid, [1..5], kernel 2, stride 2: floor O = (5 - 2) / 2 + 1 = 2:
  // 3/2, 7/2. ONNX's VALID with ceil_mode: O = ceil((5 - 2 + 1) / 2) = 2,
  // the same windows (ceil_mode only changes explicit padding).
  Config valid = withAutoPad(local(Kind::Avg, {2}, {2}), AutoPad::Valid);
  expectPool("avgpool1d_valid", valid, {1, 1, 5}, arange(5, 1), {1, 1, 2},
             {1.5, 3.5});
  expectPool("avgpool1d_valid_ceil", withCeil(valid), {1, 1, 5}, arange(5, 1),
             {1, 1, 2}, {1.5, 3.5});
}

void testLayoutsAndBatches() {
  // NWC (1, 4, 2), arange: x(w, c) = 2w + c. Kernel 2, stride 2:
  // out(0, c) = x(1, c) = 2 + c; out(1, c) = x(3, c) = 6 + c.
  expectPool("maxpool1d_nwc", channelsLast(local(Kind::Max, {2}, {2})),
             {1, 4, 2}, arange(8), {1, 2, 2}, {2, 3, 6, 7});

  // NCW (2, 1, 4): [1,2,3,4] and [8,7,6,5], kernel 2, stride 2:
  // max(1,2), max(3,4), max(8,7), max(6,5).
  expectPool("maxpool1d_ncw_batch2", local(Kind::Max, {2}, {2}), {2, 1, 4},
             {1, 2, 3, 4, 8, 7, 6, 5}, {2, 1, 2}, {2, 4, 8, 6});

  // Padding never wins: [-1,-3,-2], kernel 3, pads 1/1: {0,1}, all, {1,2}.
  expectPool("maxpool1d_padding_never_wins", local(Kind::Max, {3}, {1}, {1, 1}),
             {1, 1, 3}, {-1, -3, -2}, {1, 1, 3}, {-1, -1, -2});
}

void testAdaptive() {
  // In = 5, Out = 3: bins [0,2), [1,4), [3,5) of [1..5].
  // Avg: 3/2, 9/3, 9/2. Max: 2, 4, 5.
  expectPool("adaptive_avgpool1d_5_to_3", adaptive(Kind::AdaptiveAvg, {3}),
             {1, 1, 5}, arange(5, 1), {1, 1, 3}, {1.5, 3, 4.5});
  expectPool("adaptive_maxpool1d_5_to_3", adaptive(Kind::AdaptiveMax, {3}),
             {1, 1, 5}, arange(5, 1), {1, 1, 3}, {2, 4, 5});

  // In = 2, Out = 3: bins [0,1), [0,2), [1,2) of [1,3].
  // Avg: 1, 4/2, 3. Max: 1, 3, 3.
  expectPool("adaptive_avgpool1d_2_to_3", adaptive(Kind::AdaptiveAvg, {3}),
             {1, 1, 2}, {1, 3}, {1, 1, 3}, {1, 2, 3});
  expectPool("adaptive_maxpool1d_2_to_3", adaptive(Kind::AdaptiveMax, {3}),
             {1, 1, 2}, {1, 3}, {1, 1, 3}, {1, 3, 3});

  // NHWC (1, 2, 3, 2), arange: x(h, w, c) = 6h + 2w + c; output 1x2.
  // H bins: [0,2). W bins (3 -> 2): [0,2), [1,3).
  // Avg out(0, 0, c) = (0+2+6+8)/4 + c = 4 + c; out(0, 1, c) = (2+4+8+10)/4
  // + c = 6 + c. Max: x(1,1,c) = 8 + c, x(1,2,c) = 10 + c.
  expectPool("adaptive_avgpool2d_nhwc",
             channelsLast(adaptive(Kind::AdaptiveAvg, {1, 2})), {1, 2, 3, 2},
             arange(12), {1, 1, 2, 2}, {4, 5, 6, 7});
  expectPool("adaptive_maxpool2d_nhwc",
             channelsLast(adaptive(Kind::AdaptiveMax, {1, 2})), {1, 2, 3, 2},
             arange(12), {1, 1, 2, 2}, {8, 9, 10, 11});
}

void testGlobal() {
  // NCHW (1, 2, 2, 2), arange: channel 0 = 0..3, channel 1 = 4..7.
  // Mean 6/4 = 1.5 and 22/4 = 5.5.
  expectPool("global_avgpool_nchw", global(Kind::GlobalAvg), {1, 2, 2, 2},
             arange(8), {1, 2}, {1.5, 5.5});
  expectPool("global_avgpool_nchw_keepdims", global(Kind::GlobalAvg, true),
             {1, 2, 2, 2}, arange(8), {1, 2, 1, 1}, {1.5, 5.5});

  // NHWC (1, 2, 2, 2), arange: x(h, w, c) = 4h + 2w + c.
  // Channel 0 = {0,2,4,6}: mean 3, max 6; channel 1 = {1,3,5,7}: 4, 7.
  expectPool("global_avgpool_nhwc", channelsLast(global(Kind::GlobalAvg)),
             {1, 2, 2, 2}, arange(8), {1, 2}, {3, 4});
  expectPool("global_maxpool_nhwc_keepdims",
             channelsLast(global(Kind::GlobalMax, true)), {1, 2, 2, 2},
             arange(8), {1, 1, 1, 2}, {6, 7});

  // NCW (2, 1, 3): [1,2,3] and [4,5,6]: means 2, 5.
  expectPool("global_avgpool1d_batch2", global(Kind::GlobalAvg), {2, 1, 3},
             arange(6, 1), {2, 1}, {2, 5});

  // NCDHW (1, 1, 2, 2, 2), arange: max 7.
  expectPool("global_maxpool3d_keepdims", global(Kind::GlobalMax, true),
             {1, 1, 2, 2, 2}, arange(8), {1, 1, 1, 1, 1}, {7});
}

void test3d() {
  // arange(27) as 3x3x3, kernel 2, stride 1: O = 2 per dim and
  // out(d, h, w) = x(d+1, h+1, w+1) = 9(d+1) + 3(h+1) + (w+1) = 13 + 9d + 3h +
  // w.
  expectPool("maxpool3d_k2", local(Kind::Max, {2, 2, 2}, {1, 1, 1}),
             {1, 1, 3, 3, 3}, arange(27), {1, 1, 2, 2, 2},
             {13, 14, 16, 17, 22, 23, 25, 26});

  // arange(8) as 2x2x2, kernel 2, stride 2, pads 1/1: O = (2 + 2 - 2)/2 + 1
  // = 2; taps {-1,0}, {1,2} hold one real element per dim. Exclude pad: the
  // input itself. Include pad: taps in [-1, 3), divisor 2*2*2 = 8.
  Config padded = local(Kind::Avg, {2, 2, 2}, {2, 2, 2}, {1, 1, 1, 1, 1, 1});
  expectPool("avgpool3d_pad_exclude_pad", padded, {1, 1, 2, 2, 2}, arange(8),
             {1, 1, 2, 2, 2}, arange(8));
  expectPool(
      "avgpool3d_pad_include_pad", withIncludePad(padded), {1, 1, 2, 2, 2},
      arange(8), {1, 1, 2, 2, 2},
      {0, 1.0 / 8, 2.0 / 8, 3.0 / 8, 4.0 / 8, 5.0 / 8, 6.0 / 8, 7.0 / 8});

  // NDHWC (1, 2, 2, 2, 2), arange: x(d, h, w, c) = 8d + 4h + 2w + c; one
  // window covers everything. Max 14 + c; avg 4 + 2 + 1 + c = 7 + c.
  expectPool("maxpool3d_ndhwc",
             channelsLast(local(Kind::Max, {2, 2, 2}, {1, 1, 1})),
             {1, 2, 2, 2, 2}, arange(16), {1, 1, 1, 1, 2}, {14, 15});
  expectPool("avgpool3d_ndhwc",
             channelsLast(local(Kind::Avg, {2, 2, 2}, {1, 1, 1})),
             {1, 2, 2, 2, 2}, arange(16), {1, 1, 1, 1, 2}, {7, 8});
}

void testNaN() {
  // [5, NaN, 3, 4], kernel 2: {5,NaN} -> NaN (NaN after a larger value),
  // {NaN,3} -> NaN, {3,4} -> 4.
  expectPool("maxpool1d_nan", local(Kind::Max, {2}, {1}), {1, 1, 4},
             {5, kNaN, 3, 4}, {1, 1, 3}, {kNaN, kNaN, 4});

  // NCW (1, 2, 3): [1, NaN, 2] -> NaN; [4, 5, 6] -> 6.
  expectPool("global_maxpool_nan", global(Kind::GlobalMax), {1, 2, 3},
             {1, kNaN, 2, 4, 5, 6}, {1, 2}, {kNaN, 6});

  // [NaN, 1, 2, 3], In 4 -> Out 2: bins [0,2), [2,4).
  // Max: NaN, 3. Avg: NaN, 5/2.
  expectPool("adaptive_maxpool_nan", adaptive(Kind::AdaptiveMax, {2}),
             {1, 1, 4}, {kNaN, 1, 2, 3}, {1, 1, 2}, {kNaN, 3});
  expectPool("adaptive_avgpool_nan", adaptive(Kind::AdaptiveAvg, {2}),
             {1, 1, 4}, {kNaN, 1, 2, 3}, {1, 1, 2}, {kNaN, 2.5});
}

void testInteger() {
  // [[-5,-7],[-2,-9]], kernel 2x2, pads 1/1: O = 3, windows per dim {0},
  // {0,1}, {1}. Padding never wins:
  // -5, max(-5,-7), -7, max(-5,-2), max(all), max(-7,-9), -2, max(-2,-9), -9.
  expectPoolInt("int_maxpool2d_negative_pad",
                local(Kind::Max, {2, 2}, {1, 1}, {1, 1, 1, 1}), {1, 1, 2, 2},
                {-5, -7, -2, -9}, {1, 1, 3, 3},
                {-5, -5, -7, -2, -2, -7, -2, -2, -9}, -128);

  // Values that double cannot tell apart: max(2^63 - 2, 2^63 - 3) exactly.
  expectPoolInt("int_global_maxpool_exact", global(Kind::GlobalMax), {1, 1, 2},
                {kI64Max - 2, kI64Max - 1}, {1, 1}, {kI64Max - 1},
                std::numeric_limits<int64_t>::min());

  // [3, -1, 7, 2], In 4 -> Out 3: bins [0,2), [1,3), [2,4): 3, 7, 7.
  expectPoolInt("int_adaptive_maxpool", adaptive(Kind::AdaptiveMax, {3}),
                {1, 1, 4}, {3, -1, 7, 2}, {1, 1, 3}, {3, 7, 7}, -128);
}

void testInvalid() {
  expectInvalid("invalid_kernel_zero", local(Kind::Max, {0}, {1}), {1, 1, 4});
  expectInvalid("invalid_stride_zero", local(Kind::Max, {2}, {0}), {1, 1, 4});
  expectInvalid("invalid_dilation_zero", local(Kind::Max, {2}, {1}, {}, {0}),
                {1, 1, 4});
  expectInvalid("invalid_rank_mismatch", local(Kind::Max, {2, 2}, {1, 1}),
                {1, 1, 4});
  expectInvalid("invalid_spatial_rank_4",
                local(Kind::Max, {1, 1, 1, 1}, {1, 1, 1, 1}),
                {1, 1, 2, 2, 2, 2});
  // Span 2, padding 2.
  expectInvalid("invalid_padding_not_below_span",
                local(Kind::Max, {2}, {1}, {2, 0}), {1, 1, 4});
  expectInvalid("invalid_negative_padding", local(Kind::Avg, {2}, {1}, {-1, 0}),
                {1, 1, 4});
  expectInvalid(
      "invalid_same_with_padding",
      withAutoPad(local(Kind::Max, {2}, {1}, {0, 1}), AutoPad::SameUpper),
      {1, 1, 4});
  // 2 + 0 + 0 < span 3.
  expectInvalid("invalid_window_larger_than_input", local(Kind::Max, {3}, {1}),
                {1, 1, 2});
  expectInvalid("invalid_zero_spatial_size", global(Kind::GlobalAvg),
                {1, 1, 0});
  expectInvalid("invalid_adaptive_output_zero",
                adaptive(Kind::AdaptiveAvg, {0}), {1, 1, 4});
  expectInvalid("invalid_global_rank_2", global(Kind::GlobalMax), {1, 4});
}

} // namespace

int main() {
  testFrameworkExamples();
  testSamePadding();
  testDilation();
  testCeilAndValid();
  testLayoutsAndBatches();
  testAdaptive();
  testGlobal();
  test3d();
  testNaN();
  testInteger();
  testInvalid();
  std::printf("%d passed, %d failed\n", numPassed, numFailed);
  return numFailed == 0 ? 0 : 1;
}
