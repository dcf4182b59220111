func.func @examples(%x: tensor<1x64x112x112xf32>, %y: tensor<10x4x10xf32>, %z: tensor<2x8x8x2048xf32>, %w: tensor<1x512x14x13xf32>, %s: tensor<4x7x3xf32>) -> (tensor<1x64x56x56xf32>, tensor<10x2x10xf32>, tensor<2x2048xf32>, tensor<1x512x7x7xf32>, tensor<4x4x3xf32>) {
%0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
%1 = pool.avg %y {kernel = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<10x4x10xf32> -> tensor<10x2x10xf32>
%2 = pool.global_avg %z {layout = #pool.layout<channels_last>} : tensor<2x8x8x2048xf32> -> tensor<2x2048xf32>
%3 = pool.adaptive_avg %w {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<1x512x7x7xf32>
%4 = pool.max %s {kernel = array<i64: 3>, strides = array<i64: 2>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_last>} : tensor<4x7x3xf32> -> tensor<4x4x3xf32>
return %0, %1, %2, %3, %4 : tensor<1x64x56x56xf32>, tensor<10x2x10xf32>, tensor<2x2048xf32>, tensor<1x512x7x7xf32>, tensor<4x4x3xf32>
}
