//===- HostTensor.cpp - Host buffers for JIT-compiled pool kernels --------===//

#include "HostTensor.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

using namespace mlir;
using namespace pool_run;

FailureOr<ElemKind> pool_run::getElemKind(Type type) {
  if (type.isF16())
    return ElemKind::F16;
  if (type.isBF16())
    return ElemKind::BF16;
  if (type.isF32())
    return ElemKind::F32;
  if (type.isF64())
    return ElemKind::F64;
  if (type.isSignlessInteger(8))
    return ElemKind::I8;
  if (type.isSignlessInteger(16))
    return ElemKind::I16;
  if (type.isSignlessInteger(32))
    return ElemKind::I32;
  if (type.isSignlessInteger(64))
    return ElemKind::I64;
  return failure();
}

bool pool_run::isFloatKind(ElemKind kind) {
  return kind == ElemKind::F16 || kind == ElemKind::BF16 ||
         kind == ElemKind::F32 || kind == ElemKind::F64;
}

int64_t pool_run::getElemSize(ElemKind kind) {
  switch (kind) {
  case ElemKind::I8:
    return 1;
  case ElemKind::F16:
  case ElemKind::BF16:
  case ElemKind::I16:
    return 2;
  case ElemKind::F32:
  case ElemKind::I32:
    return 4;
  case ElemKind::F64:
  case ElemKind::I64:
    return 8;
  }
  llvm_unreachable("unknown element kind");
}

int64_t pool_run::getIntMin(ElemKind kind) {
  switch (kind) {
  case ElemKind::I8:
    return std::numeric_limits<int8_t>::min();
  case ElemKind::I16:
    return std::numeric_limits<int16_t>::min();
  case ElemKind::I32:
    return std::numeric_limits<int32_t>::min();
  default:
    return std::numeric_limits<int64_t>::min();
  }
}

StringRef pool_run::getElemName(ElemKind kind) {
  static const char *names[] = {"f16", "bf16", "f32", "f64",
                                "i8",  "i16",  "i32", "i64"};
  return names[static_cast<int>(kind)];
}

HostTensor::HostTensor(ElemKind kind, std::vector<int64_t> shape)
    : kind(kind), shape(std::move(shape)) {
  size_t bytes = std::max<int64_t>(getSizeInBytes(), 1);
  bytes = (bytes + 63) / 64 * 64;
  data = std::shared_ptr<uint8_t>(
      static_cast<uint8_t *>(std::aligned_alloc(64, bytes)), std::free);
  std::memset(data.get(), 0, bytes);
}

int64_t HostTensor::getNumElements() const {
  int64_t n = 1;
  for (int64_t s : shape)
    n *= s;
  return n;
}

static const llvm::fltSemantics &getSemantics(ElemKind kind) {
  return kind == ElemKind::F16 ? APFloat::IEEEhalf() : APFloat::BFloat();
}

double HostTensor::getDouble(int64_t i) const {
  const uint8_t *p = data.get() + i * getElemSize(kind);
  switch (kind) {
  case ElemKind::F16:
  case ElemKind::BF16: {
    uint16_t bits;
    std::memcpy(&bits, p, 2);
    APFloat value(getSemantics(kind), APInt(16, bits));
    bool lost;
    value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
    return value.convertToDouble();
  }
  case ElemKind::F32: {
    float v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case ElemKind::F64: {
    double v;
    std::memcpy(&v, p, 8);
    return v;
  }
  default:
    return static_cast<double>(getInt(i));
  }
}

int64_t HostTensor::getInt(int64_t i) const {
  const uint8_t *p = data.get() + i * getElemSize(kind);
  switch (kind) {
  case ElemKind::I8:
    return *reinterpret_cast<const int8_t *>(p);
  case ElemKind::I16: {
    int16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  case ElemKind::I32: {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case ElemKind::I64: {
    int64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  default:
    return static_cast<int64_t>(getDouble(i));
  }
}

void HostTensor::setDouble(int64_t i, double v) {
  uint8_t *p = data.get() + i * getElemSize(kind);
  switch (kind) {
  case ElemKind::F16:
  case ElemKind::BF16: {
    APFloat value(v);
    bool lost;
    value.convert(getSemantics(kind), APFloat::rmNearestTiesToEven, &lost);
    uint16_t bits = value.bitcastToAPInt().getZExtValue();
    std::memcpy(p, &bits, 2);
    return;
  }
  case ElemKind::F32: {
    float f = static_cast<float>(v);
    std::memcpy(p, &f, 4);
    return;
  }
  case ElemKind::F64:
    std::memcpy(p, &v, 8);
    return;
  default:
    setInt(i, static_cast<int64_t>(v));
  }
}

void HostTensor::setInt(int64_t i, int64_t v) {
  if (isFloatKind(kind))
    return setDouble(i, static_cast<double>(v));
  std::memcpy(data.get() + i * getElemSize(kind), &v, getElemSize(kind));
}

void HostTensor::fillRandom(std::mt19937_64 &rng, bool specials) {
  std::uniform_real_distribution<double> real(-4.0, 4.0);
  std::uniform_int_distribution<int64_t> integer(-100, 100);
  std::uniform_int_distribution<int> special(0, 63);
  int64_t n = getNumElements();
  for (int64_t i = 0; i < n; ++i) {
    if (!isFloatKind(kind)) {
      setInt(i, integer(rng));
      continue;
    }
    double v = real(rng);
    if (specials) {
      int s = special(rng);
      if (s == 0)
        v = std::numeric_limits<double>::quiet_NaN();
      else if (s == 1)
        v = -std::numeric_limits<double>::infinity();
      else if (s == 2)
        v = std::numeric_limits<double>::infinity();
    }
    setDouble(i, v);
  }
}

LogicalResult pool_run::checkHostShape(ArrayRef<int64_t> shape, ElemKind kind,
                                       std::string &error) {
  uint64_t bytes = getElemSize(kind);
  for (int64_t d : shape) {
    if (d < 0 || (d != 0 && bytes > (uint64_t(1) << 40) / uint64_t(d))) {
      error = "shape is too large for host memory (over 2^40 bytes)";
      return failure();
    }
    bytes *= d;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// .npy
//===----------------------------------------------------------------------===//

static const char *getNpyDescr(ElemKind kind) {
  switch (kind) {
  case ElemKind::F16:
    return "<f2";
  case ElemKind::BF16:
  case ElemKind::F32:
    return "<f4";
  case ElemKind::F64:
    return "<f8";
  case ElemKind::I8:
    return "|i1";
  case ElemKind::I16:
    return "<i2";
  case ElemKind::I32:
    return "<i4";
  case ElemKind::I64:
    return "<i8";
  }
  llvm_unreachable("unknown element kind");
}

static std::optional<ElemKind> parseNpyDescr(StringRef descr) {
  descr = descr.drop_front(descr.size() == 3 ? 1 : 0);
  return llvm::StringSwitch<std::optional<ElemKind>>(descr)
      .Case("f2", ElemKind::F16)
      .Case("f4", ElemKind::F32)
      .Case("f8", ElemKind::F64)
      .Case("i1", ElemKind::I8)
      .Case("i2", ElemKind::I16)
      .Case("i4", ElemKind::I32)
      .Case("i8", ElemKind::I64)
      .Default(std::nullopt);
}

FailureOr<HostTensor> pool_run::readNpy(const std::string &path, ElemKind kind,
                                        std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open '" + path + "'";
    return failure();
  }
  char magic[8];
  in.read(magic, 8);
  if (!in || std::memcmp(magic, "\x93NUMPY", 6) != 0) {
    error = "'" + path + "' is not a .npy file";
    return failure();
  }
  uint32_t headerLen = 0;
  if (magic[6] == 1) {
    uint16_t len16;
    in.read(reinterpret_cast<char *>(&len16), 2);
    headerLen = len16;
  } else {
    in.read(reinterpret_cast<char *>(&headerLen), 4);
  }
  std::string header(headerLen, '\0');
  in.read(header.data(), headerLen);
  StringRef h(header);
  auto field = [&](StringRef key) -> StringRef {
    size_t pos = h.find(("'" + key + "'").str());
    if (pos == StringRef::npos)
      return "";
    StringRef rest = h.drop_front(pos + key.size() + 2).ltrim(" :");
    return rest;
  };
  StringRef descr = field("descr").drop_front(1);
  descr = descr.take_until([](char c) { return c == '\''; });
  std::optional<ElemKind> fileKind = parseNpyDescr(descr);
  if (!fileKind || descr.starts_with(">")) {
    error = "'" + path + "': unsupported dtype '" + descr.str() + "'";
    return failure();
  }
  if (field("fortran_order").starts_with("True")) {
    error = "'" + path + "': Fortran order is not supported";
    return failure();
  }
  StringRef shapeText =
      field("shape").drop_front(1).take_until([](char c) { return c == ')'; });
  std::vector<int64_t> shape;
  SmallVector<StringRef> parts;
  shapeText.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    int64_t v;
    if (part.getAsInteger(10, v) || v < 0) {
      error = "'" + path + "': bad shape";
      return failure();
    }
    shape.push_back(v);
  }
  if (failed(checkHostShape(shape, *fileKind, error))) {
    error = "'" + path + "': " + error;
    return failure();
  }
  HostTensor raw(*fileKind, shape);
  in.read(static_cast<char *>(raw.getData()), raw.getSizeInBytes());
  if (!in) {
    error = "'" + path + "': file is shorter than its shape";
    return failure();
  }
  if (*fileKind == kind)
    return raw;
  HostTensor converted(kind, shape);
  for (int64_t i = 0, e = raw.getNumElements(); i < e; ++i) {
    if (isFloatKind(kind))
      converted.setDouble(i, raw.getDouble(i));
    else
      converted.setInt(i, raw.getInt(i));
  }
  return converted;
}

LogicalResult pool_run::writeNpy(const std::string &path,
                                 const HostTensor &tensor, std::string &error) {
  const HostTensor *src = &tensor;
  HostTensor widened;
  if (tensor.getKind() == ElemKind::BF16) {
    widened = HostTensor(ElemKind::F32, tensor.getShape());
    for (int64_t i = 0, e = tensor.getNumElements(); i < e; ++i)
      widened.setDouble(i, tensor.getDouble(i));
    src = &widened;
  }
  std::ostringstream dict;
  dict << "{'descr': '" << getNpyDescr(src->getKind())
       << "', 'fortran_order': False, 'shape': (";
  for (int64_t s : src->getShape())
    dict << s << ", ";
  dict << "), }";
  std::string header = dict.str();
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header.push_back('\n');
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    error = "cannot write '" + path + "'";
    return failure();
  }
  uint16_t len = header.size();
  out.write("\x93NUMPY\x01\x00", 8);
  out.write(reinterpret_cast<const char *>(&len), 2);
  out << header;
  out.write(static_cast<const char *>(src->getData()), src->getSizeInBytes());
  return success(static_cast<bool>(out));
}
