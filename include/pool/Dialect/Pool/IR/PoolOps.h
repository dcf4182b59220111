//===- PoolOps.h - Pool dialect operations ----------------------*- C++ -*-===//

#ifndef POOL_DIALECT_POOL_IR_POOLOPS_H
#define POOL_DIALECT_POOL_IR_POOLOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "pool/Dialect/Pool/IR/PoolDialect.h"
#include "pool/Dialect/Pool/Utils/PoolEnums.h"
#include "pool/Dialect/Pool/Utils/WindowArith.h"

#define GET_ATTRDEF_CLASSES
#include "pool/Dialect/Pool/IR/PoolAttrs.h.inc"

namespace mlir::pool {
class PoolOpInterface;

/// Verifies a pool op: attributes, element types, ranks and the result type
/// against the inferred one. Emits exactly one diagnostic on failure.
LogicalResult verifyPoolOp(Operation *op);

/// Infers the result type of `spec` applied to an input of type `inputType`.
/// Emits a diagnostic at `loc`, if given, on failure.
LogicalResult inferPoolResultTypes(std::optional<Location> loc,
                                   const PoolSpec &spec, Type inputType,
                                   SmallVectorImpl<Type> &inferredReturnTypes);

/// Whether a declared result type may stand for the inferred one: same
/// element type and rank, and each size equal or dynamic on either side.
bool arePoolResultTypesCompatible(TypeRange inferred, TypeRange actual);

/// Reifies the result sizes of `op` as IR computed from its input's sizes.
LogicalResult reifyPoolResultShapes(OpBuilder &builder, PoolOpInterface op,
                                    ReifiedRankedShapedTypeDims &shapes);

/// Parses and prints `pool.op %x {attrs} : type -> type`, with attributes
/// printed in declaration order and default values elided.
ParseResult parsePoolOp(OpAsmParser &parser, OperationState &result);
void printPoolOp(OpAsmPrinter &printer, Operation *op);
} // namespace mlir::pool

#include "pool/Dialect/Pool/IR/PoolInterfaces.h.inc"

#define GET_OP_CLASSES
#include "pool/Dialect/Pool/IR/PoolOps.h.inc"

#endif // POOL_DIALECT_POOL_IR_POOLOPS_H
