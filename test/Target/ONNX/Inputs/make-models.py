#!/usr/bin/env python3
"""Writes the small ONNX models import-onnx.test imports (onnx.helper of
Debian's python3-onnx 1.12) into the folder given as argument."""
import os
import sys

from onnx import TensorProto, helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def save(name, nodes, inputs, outputs, opset=13, inits=()):
    graph = helper.make_graph(nodes, name, inputs, outputs,
                              initializer=list(inits))
    model = helper.make_model(graph,
                              opset_imports=[helper.make_opsetid("", opset)])
    with open(os.path.join(out, name + ".onnx"), "wb") as f:
        f.write(model.SerializeToString())


def t(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


F = TensorProto.FLOAT
# Every attribute: default strides 1 (not the kernel), explicit pads,
# ceil_mode, dilations, count_include_pad, auto_pad, dim_param batch.
save("attributes", [
    helper.make_node("MaxPool", ["x"], ["a"], name="max", kernel_shape=[3, 3],
                     pads=[1, 1, 1, 1], dilations=[2, 1], ceil_mode=1),
    helper.make_node("AveragePool", ["a"], ["b"], name="avg",
                     kernel_shape=[2, 2], strides=[2, 2], pads=[0, 0, 1, 1],
                     count_include_pad=1),
    helper.make_node("AveragePool", ["b"], ["c"], name="same",
                     kernel_shape=[3, 3], strides=[2, 2],
                     auto_pad="SAME_LOWER"),
    helper.make_node("GlobalMaxPool", ["c"], ["d"], name="global"),
    helper.make_node("Flatten", ["d"], ["e"], name="flatten"),
], [t("x", F, ["N", 3, 20, 20])], [t("e", F, ["N", 3])])
# PyTorch's count_include_pad export: a zero Pad, then an unpadded average.
pads = helper.make_tensor("pads", TensorProto.INT64, [8],
                          [0, 0, 1, 1, 0, 0, 1, 1])
save("pad_average", [
    helper.make_node("Pad", ["x", "pads"], ["p"], name="pad"),
    helper.make_node("AveragePool", ["p"], ["y"], name="avg",
                     kernel_shape=[3, 3], strides=[2, 2]),
], [t("x", F, [1, 2, 9, 9])], [t("y", F, [1, 2, 5, 5])], inits=[pads])
# Hostile and unsupported inputs.
save("indices", [helper.make_node("MaxPool", ["x"], ["y", "i"], name="mp",
                                  kernel_shape=[2, 2])],
     [t("x", F, [1, 1, 4, 4])],
     [t("y", F, [1, 1, 3, 3]), t("i", TensorProto.INT64, [1, 1, 3, 3])])
save("lppool", [helper.make_node("LpPool", ["x"], ["y"], name="lp",
                                 kernel_shape=[2, 2])],
     [t("x", F, [1, 1, 4, 4])], [t("y", F, [1, 1, 3, 3])])
save("opset18", [helper.make_node("GlobalMaxPool", ["x"], ["y"])],
     [t("x", F, [1, 1, 4, 4])], [t("y", F, [1, 1, 1, 1])], opset=18)
save("huge_window", [helper.make_node("MaxPool", ["x"], ["y"], name="big",
                                      kernel_shape=[9, 9])],
     [t("x", F, [1, 1, 4, 4])], [t("y", F, [1, 1, 1, 1])])
save("pad_max", [
    helper.make_node("Pad", ["x", "pads"], ["p"], name="pad"),
    helper.make_node("MaxPool", ["p"], ["y"], name="max", kernel_shape=[3, 3]),
], [t("x", F, [1, 2, 9, 9])], [t("y", F, [1, 2, 9, 9])], inits=[pads])
save("uint8", [helper.make_node("MaxPool", ["x"], ["y"], kernel_shape=[2, 2])],
     [t("x", TensorProto.UINT8, [1, 1, 4, 4])],
     [t("y", TensorProto.UINT8, [1, 1, 3, 3])])
save("storage_order", [helper.make_node("MaxPool", ["x"], ["y"], name="so",
                                        kernel_shape=[2, 2], storage_order=1)],
     [t("x", F, [1, 1, 4, 4])], [t("y", F, [1, 1, 3, 3])])
with open(os.path.join(out, "garbage.onnx"), "wb") as f:
    f.write(b"\xff\xff\xff\xff not a model")
