#!/usr/bin/env python3
"""A scripted JSON-RPC session with pool-lsp-server: initialize, open a
valid and an invalid pool program, print the diagnostics the server
publishes for each (one line per document), hover over a pool op, shut
down."""
import json
import subprocess
import sys

VALID = """func.func @ok(%x: tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 2, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x8x8xf32> -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}
"""
INVALID = """func.func @bad(%x: tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32> {
  %0 = pool.max %x {kernel = array<i64: 0, 2>, layout = #pool.layout<channels_first>} : tensor<1x2x8x8xf32> -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}
"""

server = subprocess.Popen([sys.argv[1]], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def send(msg):
    body = json.dumps(msg).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    length = 0
    while True:
        line = server.stdout.readline()
        if not line:
            sys.exit("server closed the connection")
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))


def until(pred):
    while True:
        msg = receive()
        if pred(msg):
            return msg


send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": None, "capabilities": {}}})
until(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
for name, text in [("valid", VALID), ("invalid", INVALID)]:
    uri = "file:///%s.mlir" % name
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "mlir",
                                      "version": 1, "text": text}}})
    msg = until(lambda m: m.get("method") ==
                "textDocument/publishDiagnostics" and
                m["params"]["uri"] == uri)
    diags = msg["params"]["diagnostics"]
    print("%s: %d diagnostics%s" % (name, len(diags), "".join(
        "; line %d: %s" % (d["range"]["start"]["line"], d["message"])
        for d in diags)))
send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
      "params": {"textDocument": {"uri": "file:///valid.mlir"},
                 "position": {"line": 1, "character": 9}}})
hover = until(lambda m: m.get("id") == 2)
print("hover: " + json.dumps(hover.get("result", {})).replace("\\n", " ")[:200])
send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
until(lambda m: m.get("id") == 3)
send({"jsonrpc": "2.0", "method": "exit"})
sys.exit(server.wait(timeout=30))
