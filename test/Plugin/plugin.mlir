// Debian's mlir-opt, with the pool dialect and passes loaded from the plugin.
// Pass flags such as --pool-infer-shapes are not accepted from a plugin, so
// the pass runs through --pass-pipeline.
// Debian's mlir-opt is not instrumented, so it cannot load the plugin of a
// sanitized build (scripts/sanitize.sh); the normal build runs this test.
// UNSUPPORTED: asan, tsan

// RUN: %mlir_opt --load-dialect-plugin=%pool_plugin --load-pass-plugin=%pool_plugin %s \
// RUN:   | %mlir_opt --load-dialect-plugin=%pool_plugin --load-pass-plugin=%pool_plugin \
// RUN:   | FileCheck %s --check-prefix=ROUNDTRIP
// RUN: %mlir_opt --load-dialect-plugin=%pool_plugin --load-pass-plugin=%pool_plugin %s -mlir-print-op-generic \
// RUN:   | %mlir_opt --load-dialect-plugin=%pool_plugin --load-pass-plugin=%pool_plugin \
// RUN:   | FileCheck %s --check-prefix=ROUNDTRIP
// RUN: %mlir_opt --load-dialect-plugin=%pool_plugin --load-pass-plugin=%pool_plugin %s \
// RUN:   --pass-pipeline="builtin.module(func.func(pool-infer-shapes))" \
// RUN:   | FileCheck %s --check-prefix=INFER
// RUN: %mlir_opt --load-dialect-plugin=%pool_plugin --load-pass-plugin=%pool_plugin %s -canonicalize \
// RUN:   | FileCheck %s --check-prefix=CANON
// RUN: not %mlir_opt %s 2>&1 | FileCheck --check-prefix=NOPLUGIN %s

// NOPLUGIN: error: Dialect `pool' not found for custom op 'pool.max'

// ROUNDTRIP-LABEL: func.func @resnet_stem(
// ROUNDTRIP-SAME:      %[[IN:.*]]: tensor<1x64x112x112xf32>)
// ROUNDTRIP:         %[[R:.*]] = pool.max %[[IN]] {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<?x?x?x?xf32>
// ROUNDTRIP:         return %[[R]]

// H, W: floor((112 + 1 + 1 - 3) / 2) + 1 = 56.
// INFER-LABEL: func.func @resnet_stem(
// INFER-SAME:      %[[IN:.*]]: tensor<1x64x112x112xf32>)
// INFER:         %[[R:.*]] = pool.max %[[IN]] {{.*}} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
// INFER:         %[[CAST:.*]] = tensor.cast %[[R]] : tensor<1x64x56x56xf32> to tensor<?x?x?x?xf32>
// INFER:         return %[[CAST]]
func.func @resnet_stem(%in: tensor<1x64x112x112xf32>) -> tensor<?x?x?x?xf32> {
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x64x112x112xf32> -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}

// The canonicalization patterns come with the dialect.
// ROUNDTRIP-LABEL: func.func @adaptive_to_global(
// ROUNDTRIP-SAME:      %[[IN:.*]]: tensor<2x7x7x512xf32>)
// ROUNDTRIP:         %[[R:.*]] = pool.adaptive_avg %[[IN]] {output_size = array<i64: 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x7x7x512xf32> -> tensor<2x1x1x512xf32>
// ROUNDTRIP:         return %[[R]]
// CANON-LABEL: func.func @adaptive_to_global(
// CANON-SAME:      %[[IN:.*]]: tensor<2x7x7x512xf32>)
// CANON:         %[[R:.*]] = pool.global_avg %[[IN]] {layout = #pool.layout<channels_last>, keep_dims = true} : tensor<2x7x7x512xf32> -> tensor<2x1x1x512xf32>
// CANON:         return %[[R]]
func.func @adaptive_to_global(%in: tensor<2x7x7x512xf32>) -> tensor<2x1x1x512xf32> {
  %0 = pool.adaptive_avg %in {output_size = array<i64: 1, 1>, layout = #pool.layout<channels_last>} : tensor<2x7x7x512xf32> -> tensor<2x1x1x512xf32>
  return %0 : tensor<2x1x1x512xf32>
}
