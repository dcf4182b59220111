// RUN: pool-opt %s -split-input-file -verify-diagnostics

// One error per chunk; every op is otherwise valid.

// kernel must have 1 to 3 values.
func.func @negative_max_kernel_empty(%in: tensor<1x3x8xf32>) -> tensor<1x3x8xf32> {
  // expected-error @+1 {{'pool.max' op 'kernel' must have 1, 2 or 3 values (one per spatial dimension), got 0}}
  %0 = pool.max %in {kernel = array<i64>, layout = #pool.layout<channels_first>} : tensor<1x3x8xf32> -> tensor<1x3x8xf32>
  return %0 : tensor<1x3x8xf32>
}

// -----

func.func @negative_avg_kernel_4d(%in: tensor<1x1x4x4x4x4xf32>) -> tensor<1x1x2x2x2x2xf32> {
  // expected-error @+1 {{'pool.avg' op 'kernel' must have 1, 2 or 3 values (one per spatial dimension), got 4}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x1x4x4x4x4xf32> -> tensor<1x1x2x2x2x2xf32>
  return %0 : tensor<1x1x2x2x2x2xf32>
}

// -----

// Two spatial dimensions need a rank 4 input.
func.func @negative_max_input_rank_mismatch(%in: tensor<1x3x8xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'pool.max' op input rank 3 does not match the 2 spatial dimensions of 'kernel': expected rank 4 (batch, channel and spatial dimensions)}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

func.func @negative_avg_1d_input_rank_mismatch(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x8xf32> {
  // expected-error @+1 {{'pool.avg' op input rank 4 does not match the 1 spatial dimension of 'kernel': expected rank 3}}
  %0 = pool.avg %in {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x8xf32>
  return %0 : tensor<1x3x4x8xf32>
}

// -----

func.func @negative_max_strides_length(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op 'strides' must have 2 values (one per spatial dimension), got 1}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, strides = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_max_dilations_length(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op 'dilations' must have 2 values (one per spatial dimension), got 3}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, dilations = array<i64: 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// Padding needs begin and end values: 2N of them.
func.func @negative_avg_padding_length(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.avg' op 'padding' must have 4 values (begin then end padding of each spatial dimension), got 2}}
  %0 = pool.avg %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_max_zero_kernel(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op 'kernel[1]' = 0 must be positive}}
  %0 = pool.max %in {kernel = array<i64: 2, 0>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_avg_negative_kernel(%in: tensor<1x8x3xf32>) -> tensor<1x4x3xf32> {
  // expected-error @+1 {{'pool.avg' op 'kernel[0]' = -2 must be positive}}
  %0 = pool.avg %in {kernel = array<i64: -2>, strides = array<i64: 2>, layout = #pool.layout<channels_last>} : tensor<1x8x3xf32> -> tensor<1x4x3xf32>
  return %0 : tensor<1x4x3xf32>
}

// -----

func.func @negative_avg_zero_stride(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.avg' op 'strides[0]' = 0 must be positive}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, strides = array<i64: 0, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_max_negative_stride(%in: tensor<1x3x8x8x8xf32>) -> tensor<1x3x4x4x4xf32> {
  // expected-error @+1 {{'pool.max' op 'strides[2]' = -1 must be positive}}
  %0 = pool.max %in {kernel = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, -1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8x8xf32> -> tensor<1x3x4x4x4xf32>
  return %0 : tensor<1x3x4x4x4xf32>
}

// -----

func.func @negative_max_zero_dilation(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op 'dilations[1]' = 0 must be positive}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, dilations = array<i64: 1, 0>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_avg_negative_dilation(%in: tensor<1x8x3xf32>) -> tensor<1x4x3xf32> {
  // expected-error @+1 {{'pool.avg' op 'dilations[0]' = -1 must be positive}}
  %0 = pool.avg %in {kernel = array<i64: 2>, dilations = array<i64: -1>, layout = #pool.layout<channels_last>} : tensor<1x8x3xf32> -> tensor<1x4x3xf32>
  return %0 : tensor<1x4x3xf32>
}

// -----

func.func @negative_max_negative_padding(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op 'padding[2]' = -1 must be non-negative}}
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, -1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// Padding must be smaller than the window.
func.func @negative_max_padding_not_smaller_than_kernel(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x5x4xf32> {
  // expected-error @+1 {{'pool.max' op 'padding[0]' = 3 must be smaller than the window along spatial dimension 0, which spans 3 elements (kernel 3, dilation 1)}}
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 3, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x5x4xf32>
  return %0 : tensor<1x3x5x4xf32>
}

// -----

// kernel 2 with dilation 2 spans 3 elements: padding 2 is fine, 3 is not.
func.func @negative_avg_padding_not_smaller_than_dilated_window(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x?x?xf32> {
  // expected-error @+1 {{'pool.avg' op 'padding[3]' = 3 must be smaller than the window along spatial dimension 1, which spans 3 elements (kernel 2, dilation 2)}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, dilations = array<i64: 2, 2>, padding = array<i64: 2, 2, 2, 3>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x?x?xf32>
  return %0 : tensor<1x3x?x?xf32>
}

// -----

func.func @negative_max_padding_with_kernel_1(%in: tensor<1x8x3xf32>) -> tensor<1x?x3xf32> {
  // expected-error @+1 {{'pool.max' op 'padding[0]' = 1 must be smaller than the window along spatial dimension 0, which spans 1 element (kernel 1, dilation 1)}}
  %0 = pool.max %in {kernel = array<i64: 1>, padding = array<i64: 1, 0>, layout = #pool.layout<channels_last>} : tensor<1x8x3xf32> -> tensor<1x?x3xf32>
  return %0 : tensor<1x?x3xf32>
}

// -----

func.func @negative_max_same_upper_with_padding(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op 'padding' cannot be combined with auto_pad = same_upper, which computes the padding; use auto_pad = explicit or drop 'padding'}}
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_avg_valid_with_padding(%in: tensor<1x3x8xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'pool.avg' op 'padding' cannot be combined with auto_pad = valid, which computes the padding}}
  %0 = pool.avg %in {kernel = array<i64: 2>, padding = array<i64: 0, 0>, auto_pad = #pool.auto_pad<valid>, layout = #pool.layout<channels_first>} : tensor<1x3x8xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

func.func @negative_max_window_larger_than_input(%in: tensor<1x3x2x8xf32>) -> tensor<1x3x1x3xf32> {
  // expected-error @+1 {{'pool.max' op the window along spatial dimension 0 spans 3 elements (kernel 3, dilation 1) but the padded input has only 2 (size 2, padding 0 + 0)}}
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x2x8xf32> -> tensor<1x3x1x3xf32>
  return %0 : tensor<1x3x1x3xf32>
}

// -----

// kernel 3 dilation 3 spans 7 elements; 4 + 1 + 1 = 6.
func.func @negative_avg_dilated_window_larger_than_padded_input(%in: tensor<1x4x4x3xf32>) -> tensor<1x?x?x3xf32> {
  // expected-error @+1 {{'pool.avg' op the window along spatial dimension 1 spans 7 elements (kernel 3, dilation 3) but the padded input has only 6 (size 4, padding 1 + 1)}}
  %0 = pool.avg %in {kernel = array<i64: 1, 3>, dilations = array<i64: 1, 3>, padding = array<i64: 0, 1, 0, 1>, layout = #pool.layout<channels_last>} : tensor<1x4x4x3xf32> -> tensor<1x?x?x3xf32>
  return %0 : tensor<1x?x?x3xf32>
}

// -----

// count_include_pad belongs to pool.avg; in generic form it can only be a discardable attribute of pool.max.
func.func @negative_max_count_include_pad(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op does not take 'count_include_pad': only average pooling has a divisor, and padding never takes part in a max}}
  %0 = "pool.max"(%in) <{kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>}> {count_include_pad = true} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_max_count_include_pad_custom_form(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op does not take 'count_include_pad'}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, count_include_pad = false, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// An attribute of another pool op.
func.func @negative_max_output_size(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op does not take attribute 'output_size'}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, output_size = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_global_avg_kernel(%in: tensor<1x3x8x8xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'pool.global_avg' op does not take attribute 'kernel'}}
  %0 = pool.global_avg %in {kernel = array<i64: 8, 8>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @negative_adaptive_max_keep_dims(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x1x1xf32> {
  // expected-error @+1 {{'pool.adaptive_max' op does not take attribute 'keep_dims'}}
  %0 = pool.adaptive_max %in {output_size = array<i64: 1, 1>, layout = #pool.layout<channels_first>, keep_dims = true} : tensor<1x3x8x8xf32> -> tensor<1x3x1x1xf32>
  return %0 : tensor<1x3x1x1xf32>
}

// -----

func.func @negative_adaptive_avg_strides(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.adaptive_avg' op does not take attribute 'strides'}}
  %0 = pool.adaptive_avg %in {output_size = array<i64: 4, 4>, strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_max_missing_layout(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op requires attribute 'layout'}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_global_max_missing_layout(%in: tensor<1x3x8x8xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'pool.global_max' op requires attribute 'layout'}}
  %0 = pool.global_max %in {keep_dims = false} : tensor<1x3x8x8xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @negative_avg_missing_kernel(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.avg' op requires attribute 'kernel'}}
  %0 = pool.avg %in {strides = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_adaptive_avg_missing_output_size(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.adaptive_avg' op requires attribute 'output_size'}}
  %0 = pool.adaptive_avg %in {layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// Averages need a float type.
func.func @negative_avg_integer(%in: tensor<1x3x8x8xi32>) -> tensor<1x3x4x4xi32> {
  // expected-error @+1 {{'pool.avg' op element type 'i32' is not supported: average pooling needs f16, bf16, f32 or f64}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xi32> -> tensor<1x3x4x4xi32>
  return %0 : tensor<1x3x4x4xi32>
}

// -----

func.func @negative_global_avg_integer(%in: tensor<1x3x8x8xi8>) -> tensor<1x3xi8> {
  // expected-error @+1 {{'pool.global_avg' op element type 'i8' is not supported: average pooling needs f16, bf16, f32 or f64}}
  %0 = pool.global_avg %in {layout = #pool.layout<channels_first>} : tensor<1x3x8x8xi8> -> tensor<1x3xi8>
  return %0 : tensor<1x3xi8>
}

// -----

func.func @negative_adaptive_avg_integer(%in: tensor<1x8x8x3xi16>) -> tensor<1x4x4x3xi16> {
  // expected-error @+1 {{'pool.adaptive_avg' op element type 'i16' is not supported: average pooling needs f16, bf16, f32 or f64}}
  %0 = pool.adaptive_avg %in {output_size = array<i64: 4, 4>, layout = #pool.layout<channels_last>} : tensor<1x8x8x3xi16> -> tensor<1x4x4x3xi16>
  return %0 : tensor<1x4x4x3xi16>
}

// -----

// Max pooling takes signless integers of more than one bit.
func.func @negative_max_index(%in: tensor<1x3x8x8xindex>) -> tensor<1x3x4x4xindex> {
  // expected-error @+1 {{'pool.max' op element type 'index' is not supported: expected f16, bf16, f32, f64 or a signless integer}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xindex> -> tensor<1x3x4x4xindex>
  return %0 : tensor<1x3x4x4xindex>
}

// -----

func.func @negative_max_signed_integer(%in: tensor<1x3x8x8xsi32>) -> tensor<1x3x4x4xsi32> {
  // expected-error @+1 {{'pool.max' op element type 'si32' is not supported: expected f16, bf16, f32, f64 or a signless integer}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xsi32> -> tensor<1x3x4x4xsi32>
  return %0 : tensor<1x3x4x4xsi32>
}

// -----

func.func @negative_max_i1(%in: tensor<1x3x8x8xi1>) -> tensor<1x3x4x4xi1> {
  // expected-error @+1 {{'pool.max' op element type 'i1' is not supported: expected f16, bf16, f32, f64 or a signless integer}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xi1> -> tensor<1x3x4x4xi1>
  return %0 : tensor<1x3x4x4xi1>
}

// -----

func.func @negative_global_max_unsigned_integer(%in: tensor<1x3x8x8xui8>) -> tensor<1x3xui8> {
  // expected-error @+1 {{'pool.global_max' op element type 'ui8' is not supported: expected f16, bf16, f32, f64 or a signless integer}}
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>} : tensor<1x3x8x8xui8> -> tensor<1x3xui8>
  return %0 : tensor<1x3xui8>
}

// -----

func.func @negative_adaptive_max_f8(%in: tensor<1x3x8x8xf8E4M3FN>) -> tensor<1x3x4x4xf8E4M3FN> {
  // expected-error @+1 {{'pool.adaptive_max' op element type 'f8E4M3FN' is not supported: expected f16, bf16, f32, f64 or a signless integer}}
  %0 = pool.adaptive_max %in {output_size = array<i64: 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf8E4M3FN> -> tensor<1x3x4x4xf8E4M3FN>
  return %0 : tensor<1x3x4x4xf8E4M3FN>
}

// -----

func.func @negative_max_unranked_input(%in: tensor<*xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op operand #0 must be ranked tensor of any type values, but got 'tensor<*xf32>'}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<*xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_max_result_element_type(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf16> {
  // expected-error @+1 {{'pool.max' op result element type 'f16' does not match the input element type 'f32'}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf16>
  return %0 : tensor<1x3x4x4xf16>
}

// -----

func.func @negative_avg_result_rank(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'pool.avg' op result rank 3 does not match the inferred result type 'tensor<1x3x4x4xf32>'}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

// floor((8 + 1 + 1 - 3) / 2) + 1 = 4, not 5.
func.func @negative_max_result_spatial_size(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x5xf32> {
  // expected-error @+1 {{'pool.max' op result type 'tensor<1x3x4x5xf32>' is incompatible with the inferred type 'tensor<1x3x4x4xf32>': dimension 3 (spatial dimension 1) is 5, expected 4}}
  %0 = pool.max %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// Under channels_last the channels are the last dimension.
func.func @negative_max_result_channels_last(%in: tensor<1x8x8x3xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error @+1 {{'pool.max' op result type 'tensor<1x4x4x4xf32>' is incompatible with the inferred type 'tensor<1x4x4x3xf32>': dimension 3 (channels, input dimension 3 under layout channels_last) is 4, expected 3}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_last>} : tensor<1x8x8x3xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Under channels_first the channels are dimension 1.
func.func @negative_avg_result_channels_first(%in: tensor<1x3x8x8xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @+1 {{'pool.avg' op result type 'tensor<1x8x4x4xf32>' is incompatible with the inferred type 'tensor<1x3x4x4xf32>': dimension 1 (channels, input dimension 1 under layout channels_first) is 8, expected 3}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @negative_max_result_batch(%in: tensor<2x3x8xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'pool.max' op result type 'tensor<1x3x4xf32>' is incompatible with the inferred type 'tensor<2x3x4xf32>': dimension 0 (batch) is 1, expected 2}}
  %0 = pool.max %in {kernel = array<i64: 2>, layout = #pool.layout<channels_first>} : tensor<2x3x8xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

func.func @negative_global_avg_result_channels_last(%in: tensor<2x7x7x512xf32>) -> tensor<2x7xf32> {
  // expected-error @+1 {{'pool.global_avg' op result type 'tensor<2x7xf32>' is incompatible with the inferred type 'tensor<2x512xf32>': dimension 1 (channels, input dimension 3 under layout channels_last) is 7, expected 512}}
  %0 = pool.global_avg %in {layout = #pool.layout<channels_last>} : tensor<2x7x7x512xf32> -> tensor<2x7xf32>
  return %0 : tensor<2x7xf32>
}

// -----

// Without keep_dims the result is (N, C).
func.func @negative_global_max_keep_dims_result_rank(%in: tensor<2x3x7x7xf32>) -> tensor<2x3x1x1xf32> {
  // expected-error @+1 {{'pool.global_max' op result rank 4 does not match the inferred result type 'tensor<2x3xf32>'}}
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>} : tensor<2x3x7x7xf32> -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// -----

func.func @negative_global_max_keep_dims_spatial_size(%in: tensor<2x3x7x7xf32>) -> tensor<2x3x1x7xf32> {
  // expected-error @+1 {{'pool.global_max' op result type 'tensor<2x3x1x7xf32>' is incompatible with the inferred type 'tensor<2x3x1x1xf32>': dimension 3 (spatial dimension 1) is 7, expected 1}}
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>, keep_dims = true} : tensor<2x3x7x7xf32> -> tensor<2x3x1x7xf32>
  return %0 : tensor<2x3x1x7xf32>
}

// -----

func.func @negative_global_max_rank_2(%in: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'pool.global_max' op expected an input of rank 3, 4 or 5 (batch, channel and 1-3 spatial dimensions), got rank 2}}
  %0 = pool.global_max %in {layout = #pool.layout<channels_first>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @negative_global_avg_rank_6(%in: tensor<1x2x3x4x5x6xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{'pool.global_avg' op expected an input of rank 3, 4 or 5 (batch, channel and 1-3 spatial dimensions), got rank 6}}
  %0 = pool.global_avg %in {layout = #pool.layout<channels_first>} : tensor<1x2x3x4x5x6xf32> -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

func.func @negative_adaptive_avg_output_size_rank_mismatch(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x8xf32> {
  // expected-error @+1 {{'pool.adaptive_avg' op input rank 4 does not match the 1 spatial dimension of 'output_size': expected rank 3 (batch, channel and spatial dimensions)}}
  %0 = pool.adaptive_avg %in {output_size = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x8xf32>
  return %0 : tensor<1x3x4x8xf32>
}

// -----

func.func @negative_adaptive_max_output_size_4d(%in: tensor<1x3x8x8x8x8xf32>) -> tensor<1x3x4x4x4x4xf32> {
  // expected-error @+1 {{'pool.adaptive_max' op 'output_size' must have 1, 2 or 3 values (one per spatial dimension), got 4}}
  %0 = pool.adaptive_max %in {output_size = array<i64: 4, 4, 4, 4>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8x8x8xf32> -> tensor<1x3x4x4x4x4xf32>
  return %0 : tensor<1x3x4x4x4x4xf32>
}

// -----

func.func @negative_adaptive_max_output_size_empty(%in: tensor<1x3x8xf32>) -> tensor<1x3x8xf32> {
  // expected-error @+1 {{'pool.adaptive_max' op 'output_size' must have 1, 2 or 3 values (one per spatial dimension), got 0}}
  %0 = pool.adaptive_max %in {output_size = array<i64>, layout = #pool.layout<channels_first>} : tensor<1x3x8xf32> -> tensor<1x3x8xf32>
  return %0 : tensor<1x3x8xf32>
}

// -----

func.func @negative_adaptive_avg_zero_output_size(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x?xf32> {
  // expected-error @+1 {{'pool.adaptive_avg' op 'output_size[1]' = 0 must be positive}}
  %0 = pool.adaptive_avg %in {output_size = array<i64: 4, 0>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x?xf32>
  return %0 : tensor<1x3x4x?xf32>
}

// -----

func.func @negative_adaptive_max_negative_output_size(%in: tensor<1x8x3xf32>) -> tensor<1x?x3xf32> {
  // expected-error @+1 {{'pool.adaptive_max' op 'output_size[0]' = -4 must be positive}}
  %0 = pool.adaptive_max %in {output_size = array<i64: -4>, layout = #pool.layout<channels_last>} : tensor<1x8x3xf32> -> tensor<1x?x3xf32>
  return %0 : tensor<1x?x3xf32>
}

// -----

func.func @negative_adaptive_avg_result_spatial_size(%in: tensor<1x512x14x13xf32>) -> tensor<1x512x7x6xf32> {
  // expected-error @+1 {{'pool.adaptive_avg' op result type 'tensor<1x512x7x6xf32>' is incompatible with the inferred type 'tensor<1x512x7x7xf32>': dimension 3 (spatial dimension 1) is 6, expected 7}}
  %0 = pool.adaptive_avg %in {output_size = array<i64: 7, 7>, layout = #pool.layout<channels_first>} : tensor<1x512x14x13xf32> -> tensor<1x512x7x6xf32>
  return %0 : tensor<1x512x7x6xf32>
}

// -----

func.func @negative_max_zero_input_size(%in: tensor<1x8x0x3xf32>) -> tensor<1x4x?x3xf32> {
  // expected-error @+1 {{'pool.max' op input spatial dimension 1 (tensor dimension 2, layout channels_last) has size 0: pooling needs at least one element}}
  %0 = pool.max %in {kernel = array<i64: 2, 1>, layout = #pool.layout<channels_last>} : tensor<1x8x0x3xf32> -> tensor<1x4x?x3xf32>
  return %0 : tensor<1x4x?x3xf32>
}

// -----

func.func @negative_global_avg_zero_input_size(%in: tensor<1x3x0xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'pool.global_avg' op input spatial dimension 0 (tensor dimension 2, layout channels_first) has size 0: pooling needs at least one element}}
  %0 = pool.global_avg %in {layout = #pool.layout<channels_first>} : tensor<1x3x0xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @negative_adaptive_max_zero_input_size(%in: tensor<1x3x4x0x4xf32>) -> tensor<1x3x2x2x2xf32> {
  // expected-error @+1 {{'pool.adaptive_max' op input spatial dimension 1 (tensor dimension 3, layout channels_first) has size 0: pooling needs at least one element}}
  %0 = pool.adaptive_max %in {output_size = array<i64: 2, 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x3x4x0x4xf32> -> tensor<1x3x2x2x2xf32>
  return %0 : tensor<1x3x2x2x2xf32>
}

// -----

// (2^62 - 1) * 4 + 1 does not fit in 64 bits.
func.func @negative_max_window_overflow(%in: tensor<1x3x8xf32>) -> tensor<1x3x?xf32> {
  // expected-error @+1 {{'pool.max' op the window along spatial dimension 0 overflows: (kernel - 1) * dilation + 1 with 'kernel[0]' = 4611686018427387904 and dilation 4 exceeds 64 bits}}
  %0 = pool.max %in {kernel = array<i64: 4611686018427387904>, dilations = array<i64: 4>, layout = #pool.layout<channels_first>} : tensor<1x3x8xf32> -> tensor<1x3x?xf32>
  return %0 : tensor<1x3x?xf32>
}

// -----

// 4 + (2^63 - 2) + (2^63 - 2) does not fit in 64 bits.
func.func @negative_avg_padding_overflow(%in: tensor<1x3x4xf32>) -> tensor<1x3x?xf32> {
  // expected-error @+1 {{'pool.avg' op input size 4 plus padding 9223372036854775806 + 9223372036854775806 along spatial dimension 0 overflows 64 bits}}
  %0 = pool.avg %in {kernel = array<i64: 9223372036854775807>, padding = array<i64: 9223372036854775806, 9223372036854775806>, layout = #pool.layout<channels_first>} : tensor<1x3x4xf32> -> tensor<1x3x?xf32>
  return %0 : tensor<1x3x?xf32>
}

// -----

// same_upper: (ceil(2 / 1) - 1) * 1 + (2^63 - 1) - 2 overflows.
func.func @negative_max_same_padding_overflow(%in: tensor<1x3x2xf32>) -> tensor<1x3x?xf32> {
  // expected-error @+1 {{'pool.max' op the output size along spatial dimension 0 overflows 64 bits (input size 2, stride 1, window span 9223372036854775807)}}
  %0 = pool.max %in {kernel = array<i64: 9223372036854775807>, strides = array<i64: 1>, auto_pad = #pool.auto_pad<same_upper>, layout = #pool.layout<channels_first>} : tensor<1x3x2xf32> -> tensor<1x3x?xf32>
  return %0 : tensor<1x3x?xf32>
}

// -----

// 2^62 * 4 does not fit in 64 bits.
func.func @negative_adaptive_avg_output_size_overflow(%in: tensor<1x3x4xf32>) -> tensor<1x3x?xf32> {
  // expected-error @+1 {{'pool.adaptive_avg' op 'output_size[0]' = 4611686018427387904 times the input size 4 overflows 64 bits}}
  %0 = pool.adaptive_avg %in {output_size = array<i64: 4611686018427387904>, layout = #pool.layout<channels_first>} : tensor<1x3x4xf32> -> tensor<1x3x?xf32>
  return %0 : tensor<1x3x?xf32>
}

// -----

// ceil_mode: floor((5 - 2 + 1) / 2) + 1 = 3 ((3 - 1) * 2 = 4 < 5 keeps it); floor mode would give 2.
func.func @negative_max_result_floor_instead_of_ceil(%in: tensor<1x3x5x5xf32>) -> tensor<1x3x2x3xf32> {
  // expected-error @+1 {{'pool.max' op result type 'tensor<1x3x2x3xf32>' is incompatible with the inferred type 'tensor<1x3x3x3xf32>': dimension 2 (spatial dimension 0) is 2, expected 3}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true, layout = #pool.layout<channels_first>} : tensor<1x3x5x5xf32> -> tensor<1x3x2x3xf32>
  return %0 : tensor<1x3x2x3xf32>
}

// -----

// same_lower: ceil(7 / 2) = 4; floor((7 - 3) / 2) + 1 = 3 would ignore the padding.
func.func @negative_avg_result_same_lower(%in: tensor<1x7x7x8xf32>) -> tensor<1x4x3x8xf32> {
  // expected-error @+1 {{'pool.avg' op result type 'tensor<1x4x3x8xf32>' is incompatible with the inferred type 'tensor<1x4x4x8xf32>': dimension 2 (spatial dimension 1) is 3, expected 4}}
  %0 = pool.avg %in {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same_lower>, layout = #pool.layout<channels_last>} : tensor<1x7x7x8xf32> -> tensor<1x4x3x8xf32>
  return %0 : tensor<1x4x3x8xf32>
}

// -----

// A layout that is not one of the enum's cases is a parse error.
func.func @negative_max_bad_layout_enum(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{unknown #pool.layout value 'nchw': expected channels_first or channels_last}}
  %0 = pool.max %in {kernel = array<i64: 2, 2>, layout = #pool.layout<nchw>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_avg_bad_auto_pad_enum(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{unknown #pool.auto_pad value 'same': expected explicit, valid, same_upper or same_lower}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, auto_pad = #pool.auto_pad<same>, layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

// The window attributes are dense i64 arrays, not array attributes.
func.func @negative_max_kernel_array_attr(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{'pool.max' op attribute 'kernel' failed to satisfy constraint: i64 dense array attribute}}
  %0 = pool.max %in {kernel = [2, 2], layout = #pool.layout<channels_first>} : tensor<1x3x8x8xf32> -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_max_kernel_array_attr_generic(%in: tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32> {
  // expected-error @+1 {{Invalid attribute `kernel` in property conversion: [2, 2]}}
  %0 = "pool.max"(%in) <{kernel = [2, 2], layout = #pool.layout<channels_first>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// -----

func.func @negative_avg_ceil_mode_integer(%in: tensor<1x3x5x5xf32>) -> tensor<1x3x2x2xf32> {
  // expected-error @+1 {{'pool.avg' op attribute 'ceil_mode' failed to satisfy constraint: bool attribute}}
  %0 = pool.avg %in {kernel = array<i64: 2, 2>, ceil_mode = 1 : i32, layout = #pool.layout<channels_first>} : tensor<1x3x5x5xf32> -> tensor<1x3x2x2xf32>
  return %0 : tensor<1x3x2x2xf32>
}

// -----

func.func @negative_global_max_layout_integer(%in: tensor<1x3x8x8xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'pool.global_max' op attribute 'layout' failed to satisfy constraint: position of the channel dimension}}
  %0 = pool.global_max %in {layout = 0 : i32} : tensor<1x3x8x8xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

func.func @negative_adaptive_result_too_large(%x: tensor<1x1x?xf32>) -> tensor<1x1x?xf32> {
  // expected-error @+1 {{result 'tensor<1x1x4611686018427387904xf32>' would hold more than 2^63 bytes}}
  %0 = pool.adaptive_max %x {output_size = array<i64: 4611686018427387904>, layout = #pool.layout<channels_first>} : tensor<1x1x?xf32> -> tensor<1x1x?xf32>
  return %0 : tensor<1x1x?xf32>
}
