//===- ImportONNX.cpp - ONNX models to pool ops ---------------------------===//
//
// Reads an ONNX ModelProto (Debian's libonnx 1.12 / protobuf) and builds a
// func.func with the graph's inputs and outputs whose body is pool ops:
// MaxPool, AveragePool, GlobalMaxPool, GlobalAveragePool (opsets 1 to 17,
// NCHW-style data: channels-first), a zero constant Pad of the spatial
// dimensions in front of an unpadded AveragePool (PyTorch's export of
// count_include_pad) folded into count_include_pad, Identity, Flatten and
// Reshape. Anything else is one error naming the node; --extract-pooling
// imports every pooling node of any model as its own function instead.
//
//===----------------------------------------------------------------------===//

#include "pool/Target/ONNX/ImportONNX.h"

#include "pool/Dialect/Pool/IR/PoolOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

#include "onnx/onnx_pb.h"
#include "onnx/shape_inference/implementation.h"

#include <map>
#include <set>

using namespace mlir;
using namespace mlir::pool;

namespace {
// Every pooling op of opsets 1 to 17; attributes added later (count_include_pad
// in 7, ceil_mode and dilations in 10) are read from those opsets on.
constexpr int64_t kMinOpset = 1, kMaxOpset = 17;

std::string sanitize(llvm::StringRef name, llvm::StringRef fallback) {
  std::string out;
  for (char c : name)
    out += (llvm::isAlnum(c) || c == '_') ? c : '_';
  if (out.empty())
    out = fallback.str();
  if (llvm::isDigit(out[0]))
    out = "_" + out;
  return out;
}

const onnx::AttributeProto *findAttr(const onnx::NodeProto &node,
                                     llvm::StringRef name) {
  for (const onnx::AttributeProto &a : node.attribute())
    if (a.name() == name)
      return &a;
  return nullptr;
}

std::optional<SmallVector<int64_t>> getInts(const onnx::NodeProto &node,
                                            llvm::StringRef name) {
  const onnx::AttributeProto *a = findAttr(node, name);
  if (!a)
    return std::nullopt;
  return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
}

int64_t getInt(const onnx::NodeProto &node, llvm::StringRef name,
               int64_t dflt) {
  const onnx::AttributeProto *a = findAttr(node, name);
  return a ? a->i() : dflt;
}

std::string getString(const onnx::NodeProto &node, llvm::StringRef name,
                      llvm::StringRef dflt) {
  const onnx::AttributeProto *a = findAttr(node, name);
  return a ? a->s() : dflt.str();
}

/// An int64 tensor's values (raw_data or int64_data).
std::optional<SmallVector<int64_t>> getInt64s(const onnx::TensorProto &t) {
  if (t.data_type() != onnx::TensorProto::INT64)
    return std::nullopt;
  SmallVector<int64_t> v;
  if (t.has_raw_data()) {
    const std::string &raw = t.raw_data();
    v.resize(raw.size() / 8);
    std::memcpy(v.data(), raw.data(), v.size() * 8);
  } else {
    v.assign(t.int64_data().begin(), t.int64_data().end());
  }
  return v;
}

/// A scalar float tensor's value, if it is one.
std::optional<double> getScalarFloat(const onnx::TensorProto &t) {
  int64_t count = 1;
  for (int64_t d : t.dims())
    count *= d;
  if (count != 1)
    return std::nullopt;
  if (t.data_type() == onnx::TensorProto::FLOAT) {
    if (t.has_raw_data() && t.raw_data().size() == 4) {
      float f;
      std::memcpy(&f, t.raw_data().data(), 4);
      return f;
    }
    if (t.float_data_size() == 1)
      return t.float_data(0);
  }
  if (t.data_type() == onnx::TensorProto::DOUBLE) {
    if (t.has_raw_data() && t.raw_data().size() == 8) {
      double f;
      std::memcpy(&f, t.raw_data().data(), 8);
      return f;
    }
    if (t.double_data_size() == 1)
      return t.double_data(0);
  }
  return std::nullopt;
}

class Importer {
public:
  Importer(MLIRContext *ctx, const onnx::ModelProto &model,
           llvm::StringRef fileName)
      : ctx(ctx), model(model), graph(model.graph()), b(ctx),
        fileLoc(FileLineColLoc::get(ctx, fileName, 0, 0)) {}

  OwningOpRef<ModuleOp> run(bool extract);

private:
  Location nodeLoc(const onnx::NodeProto &node, int index) {
    std::string name = node.name().empty()
                           ? node.op_type() + "_" + std::to_string(index)
                           : node.name();
    return NameLoc::get(StringAttr::get(ctx, name), fileLoc);
  }
  std::string describe(const onnx::NodeProto &node, int index) {
    return "node '" +
           (node.name().empty() ? "#" + std::to_string(index) : node.name()) +
           "' (" + node.op_type() + ")";
  }
  FailureOr<Type> getElementType(int32_t onnxType, Location loc);
  FailureOr<RankedTensorType> getTensorType(const onnx::TypeProto &type,
                                            Location loc, llvm::StringRef what);
  LogicalResult checkOpset(Location loc);
  /// A pooling node on `input`; `pad` the spatial padding of a folded Pad.
  FailureOr<Value> buildPool(const onnx::NodeProto &node, int index,
                             Value input,
                             std::optional<SmallVector<int64_t>> pad);
  /// The spatial padding of a Pad node that is a constant zero pad of the
  /// spatial dimensions only, or an error (null `loc`: no diagnostic).
  std::optional<SmallVector<int64_t>>
  getZeroSpatialPad(const onnx::NodeProto &pad, int64_t rank, std::string &why);
  LogicalResult importGraph(func::FuncOp &func);
  LogicalResult extractPooling(ModuleOp module);
  FailureOr<Value> lookup(const std::string &name, Location loc,
                          const std::string &user);
  FailureOr<Value> buildReshape(const onnx::NodeProto &node, int index,
                                Value input);

  MLIRContext *ctx;
  const onnx::ModelProto &model;
  const onnx::GraphProto &graph;
  OpBuilder b;
  Location fileLoc;
  int64_t opset = 0;
  std::map<std::string, Value> values;
  std::map<std::string, const onnx::TensorProto *> initializers;
  /// Pad outputs waiting for the AveragePool they fold into.
  std::map<std::string, std::pair<int, Value>> pendingPads;
};
} // namespace

FailureOr<Type> Importer::getElementType(int32_t t, Location loc) {
  switch (t) {
  case onnx::TensorProto::FLOAT:
    return Type(b.getF32Type());
  case onnx::TensorProto::DOUBLE:
    return Type(b.getF64Type());
  case onnx::TensorProto::FLOAT16:
    return Type(b.getF16Type());
  case onnx::TensorProto::BFLOAT16:
    return Type(b.getBF16Type());
  case onnx::TensorProto::INT8:
    return Type(b.getI8Type());
  case onnx::TensorProto::INT16:
    return Type(b.getI16Type());
  case onnx::TensorProto::INT32:
    return Type(b.getI32Type());
  case onnx::TensorProto::INT64:
    return Type(b.getI64Type());
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::UINT16:
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    emitError(loc) << "unsigned element type "
                   << onnx::TensorProto::DataType_Name(
                          static_cast<onnx::TensorProto::DataType>(t))
                   << " is not supported (pool compares integers as signed)";
    return failure();
  default:
    emitError(loc) << "element type "
                   << onnx::TensorProto::DataType_Name(
                          static_cast<onnx::TensorProto::DataType>(t))
                   << " is not supported";
    return failure();
  }
}

FailureOr<RankedTensorType> Importer::getTensorType(const onnx::TypeProto &type,
                                                    Location loc,
                                                    llvm::StringRef what) {
  if (!type.has_tensor_type() || !type.tensor_type().has_shape()) {
    emitError(loc) << what << " is not a tensor of known rank";
    return failure();
  }
  FailureOr<Type> elem = getElementType(type.tensor_type().elem_type(), loc);
  if (failed(elem))
    return failure();
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto_Dimension &d :
       type.tensor_type().shape().dim()) {
    if (d.has_dim_value() && d.dim_value() < 0) {
      emitError(loc) << what << " has a negative dimension";
      return failure();
    }
    shape.push_back(d.has_dim_value() ? d.dim_value() : ShapedType::kDynamic);
  }
  return RankedTensorType::get(shape, *elem);
}

LogicalResult Importer::checkOpset(Location loc) {
  for (const onnx::OperatorSetIdProto &o : model.opset_import())
    if (o.domain().empty() || o.domain() == "ai.onnx")
      opset = o.version();
  if (opset < kMinOpset || opset > kMaxOpset) {
    emitError(loc) << "ONNX opset " << opset << " is not supported (opsets "
                   << kMinOpset << " to " << kMaxOpset << ")";
    return failure();
  }
  return success();
}

std::optional<SmallVector<int64_t>>
Importer::getZeroSpatialPad(const onnx::NodeProto &pad, int64_t rank,
                            std::string &why) {
  if (getString(pad, "mode", "constant") != "constant") {
    why = "a Pad that is not mode 'constant'";
    return std::nullopt;
  }
  std::optional<SmallVector<int64_t>> pads;
  double value = 0;
  if (opset < 11) {
    pads = getInts(pad, "pads");
    if (const onnx::AttributeProto *v = findAttr(pad, "value"))
      value = v->f();
  } else {
    if (pad.input_size() >= 2 && initializers.count(pad.input(1)))
      pads = getInt64s(*initializers[pad.input(1)]);
    if (pad.input_size() >= 3 && !pad.input(2).empty()) {
      auto it = initializers.find(pad.input(2));
      std::optional<double> v =
          it == initializers.end() ? std::nullopt : getScalarFloat(*it->second);
      if (!v) {
        why = "a Pad whose constant_value is not a constant float";
        return std::nullopt;
      }
      value = *v;
    }
  }
  if (!pads || static_cast<int64_t>(pads->size()) != 2 * rank) {
    why = "a Pad whose pads are not constants of the input's rank";
    return std::nullopt;
  }
  if (value != 0 || std::signbit(value)) {
    why = "a Pad whose value is not +0";
    return std::nullopt;
  }
  SmallVector<int64_t> begin, end;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t lo = (*pads)[d], hi = (*pads)[rank + d];
    if (lo < 0 || hi < 0 || (d < 2 && (lo || hi))) {
      why = "a Pad of other than the spatial dimensions, or a negative one";
      return std::nullopt;
    }
    if (d >= 2) {
      begin.push_back(lo);
      end.push_back(hi);
    }
  }
  begin.append(end);
  return begin;
}

FailureOr<Value> Importer::buildPool(const onnx::NodeProto &node, int index,
                                     Value input,
                                     std::optional<SmallVector<int64_t>> pad) {
  Location loc = nodeLoc(node, index);
  const std::string &op = node.op_type();
  auto inType = dyn_cast<RankedTensorType>(input.getType());
  if (!inType || inType.getRank() < 3 || inType.getRank() > 5) {
    emitError(loc) << describe(node, index)
                   << ": the input must have rank 3, 4 or 5";
    return failure();
  }
  int64_t n = inType.getRank() - 2;
  PoolSpec spec;
  spec.layout = Layout::ChannelsFirst;
  SmallVector<NamedAttribute> attrs = {
      b.getNamedAttr("layout", LayoutAttr::get(ctx, Layout::ChannelsFirst))};
  std::string name;
  if (op == "GlobalMaxPool" || op == "GlobalAveragePool") {
    bool isMax = op == "GlobalMaxPool";
    spec.kind = isMax ? PoolKind::GlobalMax : PoolKind::GlobalAvg;
    spec.keepDims = true; // ONNX keeps N x C x 1 x ...
    attrs.push_back(b.getNamedAttr("keep_dims", b.getBoolAttr(true)));
    name = isMax ? "pool.global_max" : "pool.global_avg";
  } else {
    bool isMax = op == "MaxPool";
    spec.kind = isMax ? PoolKind::Max : PoolKind::Avg;
    name = isMax ? "pool.max" : "pool.avg";
    if (isMax && node.output_size() > 1 && !node.output(1).empty()) {
      emitError(loc) << describe(node, index)
                     << ": the Indices output is not supported (pool.max "
                        "computes values only)";
      return failure();
    }
    if (isMax && getInt(node, "storage_order", 0) != 0) {
      emitError(loc) << describe(node, index)
                     << ": storage_order = 1 is not supported";
      return failure();
    }
    std::optional<SmallVector<int64_t>> kernel = getInts(node, "kernel_shape");
    if (!kernel) {
      emitError(loc) << describe(node, index) << ": kernel_shape is required";
      return failure();
    }
    spec.kernel = *kernel;
    // ONNX's default stride is 1, not the kernel.
    spec.strides = getInts(node, "strides")
                       .value_or(SmallVector<int64_t>(kernel->size(), 1));
    spec.hasStrides = true;
    std::string autoPad = getString(node, "auto_pad", "NOTSET");
    std::optional<SmallVector<int64_t>> pads = getInts(node, "pads");
    if (autoPad == "NOTSET") {
      spec.autoPad = AutoPad::Explicit;
    } else if (autoPad == "VALID") {
      spec.autoPad = AutoPad::Valid;
    } else if (autoPad == "SAME_UPPER") {
      spec.autoPad = AutoPad::SameUpper;
    } else if (autoPad == "SAME_LOWER") {
      spec.autoPad = AutoPad::SameLower;
    } else {
      emitError(loc) << describe(node, index) << ": unknown auto_pad '"
                     << autoPad << "'";
      return failure();
    }
    bool nonzeroPads =
        pads && llvm::any_of(*pads, [](int64_t p) { return p != 0; });
    if (spec.autoPad != AutoPad::Explicit && nonzeroPads) {
      emitError(loc) << describe(node, index)
                     << ": pads with auto_pad = " << autoPad;
      return failure();
    }
    if (pad) {
      // The folded Pad: its zeros are counted.
      spec.padding = *pad;
      spec.hasPadding = true;
      spec.countIncludePad = true;
    } else if (pads) {
      spec.padding = *pads;
      spec.hasPadding = true;
    }
    if (opset >= 10)
      spec.ceilMode = getInt(node, "ceil_mode", 0) != 0;
    if (isMax && opset >= 10) {
      if (std::optional<SmallVector<int64_t>> d = getInts(node, "dilations")) {
        spec.dilations = *d;
        spec.hasDilations = true;
      }
    }
    if (!isMax && !pad && opset >= 7)
      spec.countIncludePad = getInt(node, "count_include_pad", 0) != 0;

    attrs.push_back(
        b.getNamedAttr("kernel", b.getDenseI64ArrayAttr(spec.kernel)));
    attrs.push_back(
        b.getNamedAttr("strides", b.getDenseI64ArrayAttr(spec.strides)));
    if (spec.hasDilations)
      attrs.push_back(
          b.getNamedAttr("dilations", b.getDenseI64ArrayAttr(spec.dilations)));
    if (spec.hasPadding)
      attrs.push_back(
          b.getNamedAttr("padding", b.getDenseI64ArrayAttr(spec.padding)));
    if (spec.autoPad != AutoPad::Explicit)
      attrs.push_back(
          b.getNamedAttr("auto_pad", AutoPadAttr::get(ctx, spec.autoPad)));
    if (spec.ceilMode)
      attrs.push_back(b.getNamedAttr("ceil_mode", b.getBoolAttr(true)));
    if (spec.countIncludePad)
      attrs.push_back(b.getNamedAttr("count_include_pad", b.getBoolAttr(true)));
    if (static_cast<int64_t>(spec.kernel.size()) != n) {
      emitError(loc) << describe(node, index) << ": kernel_shape has "
                     << spec.kernel.size() << " values for " << n
                     << " spatial dimensions";
      return failure();
    }
  }
  // The dialect's one diagnostic for a bad window, prefixed by the node.
  std::string message;
  Operation *created = nullptr;
  {
    ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &diag) {
      if (message.empty())
        message = diag.str();
      return success();
    });
    SmallVector<Type> types;
    if (succeeded(inferPoolResultTypes(loc, spec, inType, types))) {
      OperationState state(loc, name);
      state.addOperands(input);
      state.addAttributes(attrs);
      state.addTypes(types);
      created = b.create(state);
      if (failed(verify(created))) {
        created->erase();
        created = nullptr;
      }
    }
  }
  if (!created) {
    emitError(loc) << describe(node, index) << ": " << message;
    return failure();
  }
  return created->getResult(0);
}

FailureOr<Value> Importer::lookup(const std::string &name, Location loc,
                                  const std::string &user) {
  if (pendingPads.count(name)) {
    emitError(loc) << user << " reads the output of a Pad: pool-translate "
                   << "supports a Pad only as a constant zero pad of the "
                      "spatial dimensions feeding an AveragePool without "
                      "padding of its own";
    return failure();
  }
  auto it = values.find(name);
  if (it == values.end()) {
    emitError(loc) << user << " reads '" << name
                   << "', which is not a graph input or the output of an "
                      "imported node";
    return failure();
  }
  return it->second;
}

FailureOr<Value> Importer::buildReshape(const onnx::NodeProto &node, int index,
                                        Value input) {
  Location loc = nodeLoc(node, index);
  auto inType = cast<RankedTensorType>(input.getType());
  std::optional<SmallVector<int64_t>> target;
  if (node.input_size() >= 2 && initializers.count(node.input(1)))
    target = getInt64s(*initializers[node.input(1)]);
  if (!target) {
    emitError(loc) << describe(node, index)
                   << ": the shape must be a constant int64 initializer";
    return failure();
  }
  if (getInt(node, "allowzero", 0) != 0 && llvm::is_contained(*target, 0)) {
    emitError(loc) << describe(node, index) << ": allowzero = 1 with a 0";
    return failure();
  }
  // The result sizes: 0 copies the input's, one -1 takes the rest.
  int64_t inferIdx = -1;
  SmallVector<Value> sizes;
  SmallVector<int64_t> shape;
  auto dim = [&](int64_t d) -> Value {
    return tensor::DimOp::create(b, loc, input, d);
  };
  Value known = arith::ConstantIndexOp::create(b, loc, 1);
  for (auto [i, t] : llvm::enumerate(*target)) {
    if (t == -1) {
      if (inferIdx >= 0) {
        emitError(loc) << describe(node, index) << ": two -1 in the shape";
        return failure();
      }
      inferIdx = i;
      sizes.push_back(Value());
      shape.push_back(ShapedType::kDynamic);
      continue;
    }
    if (t < -1 || (t == 0 && static_cast<int64_t>(i) >= inType.getRank())) {
      emitError(loc) << describe(node, index) << ": invalid shape value " << t;
      return failure();
    }
    Value v = t == 0 ? dim(i) : arith::ConstantIndexOp::create(b, loc, t);
    shape.push_back(t == 0 ? inType.getDimSize(i) : t);
    known = arith::MulIOp::create(b, loc, known, v);
    sizes.push_back(v);
  }
  if (inferIdx >= 0) {
    Value total = arith::ConstantIndexOp::create(b, loc, 1);
    for (int64_t d = 0; d < inType.getRank(); ++d)
      total = arith::MulIOp::create(b, loc, total, dim(d));
    sizes[inferIdx] = arith::DivUIOp::create(b, loc, total, known);
    int64_t prod = 1;
    bool known = inType.hasStaticShape();
    for (auto [i, s] : llvm::enumerate(shape))
      if (static_cast<int64_t>(i) != inferIdx) {
        known &= !ShapedType::isDynamic(s);
        prod *= known ? s : 1;
      }
    if (known && prod > 0)
      shape[inferIdx] = inType.getNumElements() / prod;
  }
  Value shapeTensor = tensor::FromElementsOp::create(
      b, loc, RankedTensorType::get({(int64_t)sizes.size()}, b.getIndexType()),
      sizes);
  return tensor::ReshapeOp::create(
             b, loc, RankedTensorType::get(shape, inType.getElementType()),
             input, shapeTensor)
      .getResult();
}

static bool isPooling(const std::string &op) {
  return op == "MaxPool" || op == "AveragePool" || op == "GlobalMaxPool" ||
         op == "GlobalAveragePool";
}

LogicalResult Importer::importGraph(func::FuncOp &func) {
  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  for (const onnx::ValueInfoProto &in : graph.input()) {
    if (initializers.count(in.name()))
      continue;
    FailureOr<RankedTensorType> t =
        getTensorType(in.type(), fileLoc, "graph input '" + in.name() + "'");
    if (failed(t))
      return failure();
    argTypes.push_back(*t);
    argNames.push_back(in.name());
  }
  func = func::FuncOp::create(b, fileLoc, sanitize(graph.name(), "main_graph"),
                              b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  for (auto [name, arg] : llvm::zip(argNames, entry->getArguments()))
    values[name] = arg;

  for (auto [index, node] : llvm::enumerate(graph.node())) {
    Location loc = nodeLoc(node, index);
    std::string what = describe(node, index);
    const std::string &op = node.op_type();
    if (!node.domain().empty() && node.domain() != "ai.onnx") {
      emitError(loc) << what << ": domain '" << node.domain()
                     << "' is not supported";
      return failure();
    }
    if (op == "Constant" && initializers.count(node.output(0)))
      continue; // read by Pad and Reshape only
    if (op == "Pad") {
      FailureOr<Value> in = lookup(node.input(0), loc, what);
      if (failed(in))
        return failure();
      pendingPads[node.output(0)] = {static_cast<int>(index), *in};
      continue;
    }
    if (isPooling(op)) {
      std::optional<SmallVector<int64_t>> pad;
      Value input;
      auto pending = pendingPads.find(node.input(0));
      if (pending != pendingPads.end()) {
        const onnx::NodeProto &padNode = graph.node(pending->second.first);
        auto rank =
            cast<RankedTensorType>(pending->second.second.getType()).getRank();
        std::string why;
        std::optional<SmallVector<int64_t>> pads = getInts(node, "pads");
        bool ownPadding =
            (pads && llvm::any_of(*pads, [](int64_t p) { return p; })) ||
            (getString(node, "auto_pad", "NOTSET") != "NOTSET" &&
             getString(node, "auto_pad", "NOTSET") != "VALID");
        if (op == "AveragePool" && !ownPadding)
          pad = getZeroSpatialPad(padNode, rank, why);
        else
          why = "a Pad feeding " + op +
                (op == "AveragePool" ? " with padding of its own" : "");
        if (!pad) {
          emitError(nodeLoc(padNode, pending->second.first))
              << describe(padNode, pending->second.first)
              << ": not supported: " << why
              << " (pool-translate folds only a constant zero Pad of the "
                 "spatial dimensions into an unpadded AveragePool)";
          return failure();
        }
        input = pending->second.second;
      } else {
        FailureOr<Value> in = lookup(node.input(0), loc, what);
        if (failed(in))
          return failure();
        input = *in;
      }
      FailureOr<Value> out = buildPool(node, index, input, pad);
      if (failed(out))
        return failure();
      values[node.output(0)] = *out;
      continue;
    }
    if (op == "Identity" || op == "Flatten" || op == "Reshape") {
      FailureOr<Value> in = lookup(node.input(0), loc, what);
      if (failed(in))
        return failure();
      Value result = *in;
      if (op == "Flatten") {
        int64_t rank = cast<RankedTensorType>(in->getType()).getRank();
        int64_t axis = getInt(node, "axis", 1);
        if (axis < 0)
          axis += rank;
        if (axis < 1 || axis >= rank) {
          emitError(loc) << what << ": axis " << getInt(node, "axis", 1)
                         << " is not supported (1 to rank - 1)";
          return failure();
        }
        SmallVector<ReassociationIndices> groups = {
            llvm::to_vector(llvm::seq<int64_t>(0, axis)),
            llvm::to_vector(llvm::seq<int64_t>(axis, rank))};
        result = tensor::CollapseShapeOp::create(b, loc, *in, groups);
      } else if (op == "Reshape") {
        FailureOr<Value> r = buildReshape(node, index, *in);
        if (failed(r))
          return failure();
        result = *r;
      }
      values[node.output(0)] = result;
      continue;
    }
    emitError(loc) << what
                   << " is not supported: pool-translate imports MaxPool, "
                      "AveragePool, GlobalMaxPool, GlobalAveragePool, a zero "
                      "Pad before AveragePool, Identity, Flatten and "
                      "Reshape; --extract-pooling imports the pooling nodes "
                      "of any model";
    return failure();
  }

  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &out : graph.output()) {
    FailureOr<Value> v = lookup(out.name(), fileLoc, "graph output");
    if (failed(v))
      return failure();
    results.push_back(*v);
  }
  func::ReturnOp::create(b, fileLoc, results);
  func.setFunctionType(
      b.getFunctionType(argTypes, ValueRange(results).getTypes()));
  return success();
}

LogicalResult Importer::extractPooling(ModuleOp module) {
  // Types of every intermediate value, from ONNX's shape inference.
  onnx::ModelProto inferred = model;
  try {
    onnx::shape_inference::InferShapes(inferred);
  } catch (const std::exception &e) {
    emitError(fileLoc) << "ONNX shape inference failed: " << e.what();
    return failure();
  }
  std::map<std::string, const onnx::TypeProto *> types;
  const onnx::GraphProto &g = inferred.graph();
  for (const auto *list : {&g.input(), &g.output(), &g.value_info()})
    for (const onnx::ValueInfoProto &v : *list)
      types[v.name()] = &v.type();
  std::map<std::string, int> producers;
  for (auto [i, node] : llvm::enumerate(graph.node()))
    for (const std::string &out : node.output())
      producers[out] = i;

  std::set<std::string> names;
  int count = 0;
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    if (!isPooling(node.op_type()))
      continue;
    Location loc = nodeLoc(node, index);
    std::string what = describe(node, index);
    std::string input = node.input(0);
    std::optional<SmallVector<int64_t>> pad;
    // A zero Pad in front of an unpadded AveragePool is part of the layer.
    auto producer = producers.find(input);
    if (node.op_type() == "AveragePool" && producer != producers.end() &&
        graph.node(producer->second).op_type() == "Pad") {
      const onnx::NodeProto &padNode = graph.node(producer->second);
      auto t = types.find(padNode.input(0));
      std::optional<SmallVector<int64_t>> pads = getInts(node, "pads");
      if (t != types.end() && t->second->tensor_type().has_shape() &&
          !(pads && llvm::any_of(*pads, [](int64_t p) { return p; }))) {
        std::string why;
        pad = getZeroSpatialPad(
            padNode, t->second->tensor_type().shape().dim_size(), why);
        if (pad)
          input = padNode.input(0);
      }
    }
    auto t = types.find(input);
    if (t == types.end()) {
      emitError(loc) << what << ": ONNX shape inference gave no type for its "
                     << "input '" << input << "'";
      return failure();
    }
    FailureOr<RankedTensorType> inType =
        getTensorType(*t->second, loc, "the input of " + what);
    if (failed(inType))
      return failure();
    std::string name =
        sanitize(node.name(), node.op_type() + "_" + std::to_string(index));
    while (!names.insert(name).second)
      name += "_";
    b.setInsertionPointToEnd(module.getBody());
    auto func =
        func::FuncOp::create(b, loc, name, b.getFunctionType({*inType}, {}));
    Block *entry = func.addEntryBlock();
    b.setInsertionPointToStart(entry);
    FailureOr<Value> out = buildPool(node, index, entry->getArgument(0), pad);
    if (failed(out))
      return failure();
    func::ReturnOp::create(b, loc, *out);
    func.setFunctionType(b.getFunctionType({*inType}, {out->getType()}));
    ++count;
  }
  if (count == 0) {
    emitError(fileLoc) << "the model has no pooling node";
    return failure();
  }
  return success();
}

OwningOpRef<ModuleOp> Importer::run(bool extract) {
  ctx->loadDialect<PoolDialect, func::FuncDialect, tensor::TensorDialect,
                   arith::ArithDialect>();
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  if (failed(checkOpset(fileLoc)))
    return nullptr;
  for (const onnx::TensorProto &t : graph.initializer())
    initializers[t.name()] = &t;
  // Constant nodes (PyTorch's exporter emits Pad's pads as one) are
  // initializers too.
  for (const onnx::NodeProto &node : graph.node())
    if (node.op_type() == "Constant" && node.output_size() == 1)
      if (const onnx::AttributeProto *v = findAttr(node, "value");
          v && v->has_t())
        initializers[node.output(0)] = &v->t();
  b.setInsertionPointToEnd(module->getBody());
  if (extract) {
    if (failed(extractPooling(*module)))
      return nullptr;
  } else {
    func::FuncOp func;
    if (failed(importGraph(func)))
      return nullptr;
  }
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp>
mlir::pool::importOnnxModel(llvm::StringRef bytes, llvm::StringRef fileName,
                            MLIRContext *context,
                            const OnnxImportOptions &options) {
  onnx::ModelProto model;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    emitError(FileLineColLoc::get(context, fileName, 0, 0))
        << "not an ONNX model (the protobuf does not parse)";
    return nullptr;
  }
  Importer importer(context, model, fileName);
  return importer.run(options.extractPooling);
}

void mlir::pool::registerOnnxImportTranslations() {
  static llvm::cl::opt<bool> extract(
      "extract-pooling",
      llvm::cl::desc("With --import-onnx: every pooling node of the model "
                     "becomes its own function; the rest is ignored"),
      llvm::cl::init(false));
  static TranslateToMLIRRegistration importOnnx(
      "import-onnx", "Import an ONNX model's pooling graph as pool ops",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        OnnxImportOptions options;
        options.extractPooling = extract;
        return OwningOpRef<Operation *>(
            importOnnxModel(buffer->getBuffer(), buffer->getBufferIdentifier(),
                            context, options)
                .release());
      },
      [](DialectRegistry &registry) {
        registry.insert<PoolDialect, func::FuncDialect, tensor::TensorDialect,
                        arith::ArithDialect>();
      });
}
