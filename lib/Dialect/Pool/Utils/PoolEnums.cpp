//===- PoolEnums.cpp - Pool layout and padding enums ----------------------===//

#include "pool/Dialect/Pool/Utils/PoolEnums.h"

#include "pool/Dialect/Pool/Utils/PoolEnums.cpp.inc"
