// A schedule that points transform.pool.lower_to_linalg at a function.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    %l = transform.pool.lower_to_linalg %f : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
