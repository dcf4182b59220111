#!/usr/bin/env python3
"""Real networks exported by PyTorch, their pooling layers through pool.

Small ResNet-, VGG-, Inception- and 1-D text-style models with random
weights (Debian's python3-torch 1.13, torch.manual_seed) are exported with
torch.onnx.export. `pool-translate --import-onnx --extract-pooling` makes
each pooling node its own function; each runs through pool-run on the
activations PyTorch fed that layer (forward hooks) and must give the
layer's PyTorch output: max bit-exact, averages within 1e-5 + 1e-5*|x|.
A pooling-only network is also imported whole and run from the .onnx file
directly (`pool-run model.onnx`).

Prints one line per layer and exits 1 on any failure.
"""
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import compare  # noqa: E402

torch.manual_seed(0)


class ResNetStem(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 7, stride=2, padding=3)
        self.pool = nn.MaxPool2d(3, stride=2, padding=1)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.head = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv(x)))
        x = self.head(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


class VGG(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 3, padding=1)
        self.p1 = nn.MaxPool2d(2, 2)
        self.c2 = nn.Conv2d(8, 16, 3, padding=1)
        self.p2 = nn.MaxPool2d(2, 2, ceil_mode=True)

    def forward(self, x):
        return self.p2(torch.relu(self.c2(self.p1(torch.relu(self.c1(x))))))


class Inception(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)
        self.b = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=True)
        self.c = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.d = nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True)
        self.conv = nn.Conv2d(8, 8, 1)

    def forward(self, x):
        y = self.conv(x)
        return (self.a(y) + self.b(y), self.c(y), self.d(y))


class Text(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(100, 16)
        self.conv = nn.Conv1d(16, 24, 3)
        self.pool = nn.MaxPool1d(3, stride=2)
        self.avg = nn.AvgPool1d(4, stride=2, padding=1)
        self.head = nn.AdaptiveMaxPool1d(1)

    def forward(self, tokens):
        x = self.emb(tokens).transpose(1, 2)
        x = self.avg(self.pool(torch.relu(self.conv(x))))
        return self.head(x).flatten(1)


class PoolingOnly(nn.Module):
    def __init__(self):
        super().__init__()
        self.p = nn.MaxPool2d(3, stride=2, padding=1)
        self.a = nn.AvgPool2d(2, stride=2, ceil_mode=True)
        self.g = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        return torch.flatten(self.g(self.a(self.p(x))), 1)


POOLS = (nn.MaxPool1d, nn.MaxPool2d, nn.AvgPool1d, nn.AvgPool2d,
         nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool1d)
NETWORKS = [
    ("resnet", ResNetStem(), torch.randn(2, 3, 64, 64)),
    ("vgg", VGG(), torch.randn(1, 3, 30, 30)),
    ("inception", Inception(), torch.randn(1, 8, 17, 17)),
    ("text", Text(), torch.randint(0, 100, (4, 40))),
]


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("FAIL: %s\n%s%s" % (" ".join(cmd), r.stdout, r.stderr))
    return r.stdout


def main():
    tmp = tempfile.mkdtemp()
    layers = 0
    ok = True
    for name, net, example in NETWORKS:
        net.eval()
        seen = []
        hooks = [m.register_forward_hook(
            lambda m, i, o: seen.append((m, i[0].detach().numpy(),
                                         o.detach().numpy())))
                 for m in net.modules() if isinstance(m, POOLS)]
        with torch.no_grad():
            net(example)
        for h in hooks:
            h.remove()
        model = os.path.join(tmp, name + ".onnx")
        torch.onnx.export(net, example, model, opset_version=13)
        mlir = os.path.join(tmp, name + ".mlir")
        run(["pool-translate", "--import-onnx", "--extract-pooling", model,
             "-o", mlir])
        funcs = re.findall(r"func\.func @([\w.$-]+)", open(mlir).read())
        if len(funcs) != len(seen):
            print("FAIL %s: %d pooling functions for %d pooling layers" %
                  (name, len(funcs), len(seen)))
            ok = False
            continue
        for f, (module, x, y) in zip(funcs, seen):
            xin = os.path.join(tmp, f + ".in.npy")
            out = os.path.join(tmp, f + ".out.npy")
            np.save(xin, np.ascontiguousarray(x))
            run(["pool-run", mlir, "--entry=" + f, "--input=" + xin,
                 "--output=" + out, "--check"])
            exact = "Max" in type(module).__name__
            ok &= compare("%s/%s (%s)" % (name, f, type(module).__name__),
                          np.load(out), y, exact)
            layers += 1

    # A pooling-only network: the whole graph, run from the .onnx file.
    net, x = PoolingOnly().eval(), torch.randn(2, 4, 21, 21)
    model = os.path.join(tmp, "pooling.onnx")
    torch.onnx.export(net, x, model, opset_version=13)
    xin, out = os.path.join(tmp, "p.in.npy"), os.path.join(tmp, "p.out.npy")
    np.save(xin, x.numpy())
    run(["pool-run", model, "--input=" + xin, "--output=" + out])
    with torch.no_grad():
        ok &= compare("pooling-only (whole graph)", np.load(out),
                      net(x).numpy(), False)
    print("exported networks: %d pooling layers from %d networks, and one "
          "whole graph: %s" % (layers, len(NETWORKS),
                               "all agree" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
