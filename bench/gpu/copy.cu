// The denominator of the GPU benchmark: a device-to-device copy of the same
// bytes a pooling kernel moves, 16 bytes per thread and iteration,
// grid-stride, read through the non-coherent path like the pool kernels'
// input. bench.py launches it with enough blocks to fill every SM.
extern "C" __global__ void pool_copy(const float4 *__restrict__ in,
                                     float4 *__restrict__ out,
                                     unsigned long long n) {
  unsigned long long stride = (unsigned long long)gridDim.x * blockDim.x;
  for (unsigned long long i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += stride)
    out[i] = __ldg(in + i);
}
