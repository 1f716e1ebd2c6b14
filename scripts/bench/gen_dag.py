#!/usr/bin/env python3
"""Writes one task graph three ways (omni YAML, a Makefile, a build.ninja):
LAYERS layers of WIDTH tasks running `true`, each task depending on two
tasks of the layer above (a fixed pseudo-random choice, so every run and
every tool sees the same graph).

    gen_dag.py DIR [TASKS] [WIDTH]      (default 10000 tasks, 100 wide)
"""
import os
import random
import sys

out = sys.argv[1]
tasks = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
width = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rng = random.Random(42)
os.makedirs(out, exist_ok=True)
names = [f"t{i}" for i in range(tasks)]
deps = []
for i in range(tasks):
    layer = i // width
    if layer == 0:
        deps.append([])
    else:
        above = range((layer - 1) * width, layer * width)
        deps.append(sorted({f"t{j}" for j in rng.sample(list(above), 2)}))

with open(os.path.join(out, "graph.yaml"), "w") as f:
    f.write("tasks:\n")
    for n, d in zip(names, deps):
        f.write(f"  {n}: {{cmd: 'true', deps: [{', '.join(d)}]}}\n")

with open(os.path.join(out, "Makefile"), "w") as f:
    f.write(".PHONY: all " + " ".join(names) + "\n")
    f.write("all: " + " ".join(names) + "\n")
    for n, d in zip(names, deps):
        f.write(f"{n}: {' '.join(d)}\n\t@true\n")

with open(os.path.join(out, "build.ninja"), "w") as f:
    # Outputs that are never created: ninja runs every edge each time.
    f.write("rule t\n  command = true\n")
    for n, d in zip(names, deps):
        f.write(f"build {n}: t" + (" | " + " ".join(d) if d else "") + "\n")
    f.write("default " + " ".join(names) + "\n")
