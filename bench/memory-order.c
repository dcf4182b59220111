// The access pattern behind the channels-last streaming choices
// (docs/performance.md): a Keras AveragePooling1D(2) over 32x1000x256 f32,
// channels last, computed two ways with AVX2 intrinsics.
//   chunked:  per output, per chunk of 32 channels, both taps in registers:
//             the two adjacent pixels are read in alternating 128-byte runs
//             (what the register form of the vector lowering does);
//   streamed: per output, the first pixel copied into the output row, then
//             the second added into it: the input read in memory order.
// Build and run (prints the best of 9 runs of each, three times):
//   clang-22 -O3 -mavx2 bench/memory-order.c -o /tmp/memory-order
//   /tmp/memory-order
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { N = 32, W = 1000, C = 256, OW = W / 2 };

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

__attribute__((noinline)) static void chunked(const float *in, float *out) {
  __m256 two = _mm256_set1_ps(2.f);
  for (int n = 0; n < N; ++n)
    for (int o = 0; o < OW; ++o) {
      const float *a = in + ((size_t)n * W + 2 * o) * C;
      float *d = out + ((size_t)n * OW + o) * C;
      for (int k = 0; k < C; k += 32)
        for (int j = 0; j < 32; j += 8)
          _mm256_storeu_ps(
              d + k + j,
              _mm256_div_ps(_mm256_add_ps(_mm256_loadu_ps(a + k + j),
                                          _mm256_loadu_ps(a + C + k + j)),
                            two));
    }
}

__attribute__((noinline)) static void streamed(const float *in, float *out) {
  __m256 two = _mm256_set1_ps(2.f);
  for (int n = 0; n < N; ++n)
    for (int o = 0; o < OW; ++o) {
      const float *a = in + ((size_t)n * W + 2 * o) * C;
      float *d = out + ((size_t)n * OW + o) * C;
      for (int k = 0; k < C; k += 8)
        _mm256_storeu_ps(d + k, _mm256_loadu_ps(a + k));
      for (int k = 0; k < C; k += 8)
        _mm256_storeu_ps(
            d + k, _mm256_div_ps(_mm256_add_ps(_mm256_loadu_ps(d + k),
                                               _mm256_loadu_ps(a + C + k)),
                                 two));
    }
}

int main(void) {
  size_t ni = (size_t)N * W * C, no = (size_t)N * OW * C;
  float *in = aligned_alloc(64, ni * sizeof(float));
  float *out = aligned_alloc(64, no * sizeof(float));
  float *ref = aligned_alloc(64, no * sizeof(float));
  if (!in || !out || !ref)
    return 1;
  for (size_t i = 0; i < ni; ++i)
    in[i] = (float)(i % 97);
  chunked(in, ref);
  streamed(in, out);
  for (size_t i = 0; i < no; ++i)
    if (out[i] != ref[i]) {
      fprintf(stderr, "mismatch at %zu\n", i);
      return 1;
    }
  void (*kernel[2])(const float *, float *) = {chunked, streamed};
  const char *name[2] = {"chunked", "streamed"};
  for (int r = 0; r < 3; ++r)
    for (int v = 0; v < 2; ++v) {
      double best = 1e9;
      for (int i = 0; i < 9; ++i) {
        double t = now();
        kernel[v](in, out);
        t = now() - t;
        if (t < best)
          best = t;
      }
      printf("%-8s %.3f ms\n", name[v], best * 1e3);
    }
  return 0;
}
