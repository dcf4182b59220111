// ONNX MaxPool with auto_pad = SAME_LOWER and dilations on an input whose
// batch and spatial sizes are only known at run time, followed by
// GlobalAveragePool. The result types are left dynamic: `pool-opt
// --pool-infer-shapes` refines what it can.
func.func @onnx_maxpool_gap(%x: tensor<?x32x?x?xf32>) -> (tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) {
  %0 = pool.max %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_first>} : tensor<?x32x?x?xf32> -> tensor<?x?x?x?xf32>
  %1 = pool.global_avg %0 {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
  return %0, %1 : tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>
}
