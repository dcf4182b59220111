#!/usr/bin/env python3
"""Adds to the fuzz seed corpus from the lit tests: every `// -----` chunk of
every .mlir test that holds a pool op becomes one seed of pool-fuzz-parse
(named by its hash); pool-fuzz-build gets a few byte strings. Inputs that
fuzzing added (merged with `-merge=1`, docs/reliability.md) are kept."""
import hashlib
import os
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
parse_dir = root / "test/Fuzz/corpus/parse"
build_dir = root / "test/Fuzz/corpus/build"
for d in (parse_dir, build_dir):
    d.mkdir(parents=True, exist_ok=True)

count = 0
for path in sorted((root / "test").rglob("*.mlir")):
    if "Fuzz" in path.parts:
        continue
    for chunk in path.read_text().split("// -----"):
        lines = [l for l in chunk.splitlines()
                 if not l.lstrip().startswith("//")]
        text = "\n".join(lines).strip() + "\n"
        if "pool." not in text or len(text) > 4096:
            continue
        name = hashlib.sha1(text.encode()).hexdigest()[:16]
        (parse_dir / name).write_text(text)
        count += 1

for i, seed in enumerate([b"", b"\x00" * 64, bytes(range(256)),
                          b"\xff" * 64, b"\x01\x02\x03\x04" * 16]):
    (build_dir / f"seed{i}").write_bytes(seed)
print(f"{count} parse seeds, 5 build seeds")
