// A schedule the built-in lowering does not have: every pool.max becomes
// two one-dimensional pool ops (rows, then columns), both lowered to linalg
// (for unpadded windows, upstream's named linalg.pooling_nchw_max). The
// column pass is tiled with scf.forall in tiles of 4 channels x 8 output
// rows. The row pass (and both fills) is fused into each tile: a tile
// computes the 10 input rows its 8 output rows need, recomputing 2 halo
// rows per tile instead of writing the whole intermediate out.
//
//   pool-run examples/schedules/max3x3.mlir \
//     --schedule=examples/schedules/separable-tiled-fused.mlir --check
//   pool-opt examples/schedules/max3x3.mlir \
//     --pool-to-llvm=schedule=examples/schedules/separable-tiled-fused.mlir
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %pools = transform.structured.match ops{["pool.max"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %pools : !transform.any_op {
    ^bb0(%p: !transform.any_op):
      %parts = transform.pool.decompose %p : (!transform.any_op) -> !transform.any_op
      %rows, %cols = transform.split_handle %parts : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
      %lr = transform.pool.lower_to_linalg %rows : (!transform.any_op) -> !transform.any_op
      %lc = transform.pool.lower_to_linalg %cols : (!transform.any_op) -> !transform.any_op
      %rfill, %rpool = transform.split_handle %lr : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
      %cfill, %cpool = transform.split_handle %lc : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
      %tiled, %forall = transform.structured.tile_using_forall %cpool tile_sizes [1, 4, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
      %f1, %l1 = transform.structured.fuse_into_containing_op %cfill into %forall : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
      %f2, %l2 = transform.structured.fuse_into_containing_op %rpool into %l1 : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
      %f3, %l3 = transform.structured.fuse_into_containing_op %rfill into %l2 : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    }
    transform.yield
  }
}
