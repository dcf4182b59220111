// A schedule that reproduces a built-in strategy: every pool op through the
// vector lowering with strategy sliding, which is what
// --pool-to-llvm=strategy=sliding does. test/Integration/CPU/schedules.test
// checks that both give the same LLVM dialect.
//
//   pool-opt examples/schedules/max3x3.mlir \
//     --pool-to-llvm=schedule=examples/schedules/sliding.mlir
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %pools = transform.structured.match ops{["pool.max", "pool.avg", "pool.global_max", "pool.global_avg", "pool.adaptive_max", "pool.adaptive_avg"]} in %root : (!transform.any_op) -> !transform.any_op
    %loops = transform.pool.lower_to_vector %pools {strategy = "sliding"} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
