"""The reference for bench/run-runs: papermill's engine (nbclient) running a parameterized notebook N times in a row.

Run with Debian's /usr/bin/python3 (nbclient 0.7.2, nbformat, ipykernel 6.17; papermill itself is not installed).
Each run does what papermill's execute_notebook does, minus papermill's own bookkeeping: read the input, inject a
code cell tagged injected-parameters right after the cell tagged parameters, start a fresh kernel, run every code
cell, record language_info, stop the kernel, write the output notebook. The interpreter and nbclient are started
once for all runs, so the per-run figures leave out the ~0.5 s that each `papermill` command would add.

Usage: nbclient_runs.py INPUT OUTPUT_DIR RUNS NAME=INT...   Prints one JSON object on stdout.
"""
import json
import os
import resource
import sys
import time

import nbformat
from nbclient import NotebookClient


def parameters_cell(params):
    """The cell papermill injects, as its Python translator writes it (ints only: all this benchmark needs)."""
    source = "# Parameters\n" + "".join(f"{name} = {value}\n" for name, value in params.items())
    cell = nbformat.v4.new_code_cell(source=source)
    cell.metadata["tags"] = ["injected-parameters"]
    return cell


def parameterized(path, params):
    nb = nbformat.read(path, as_version=4)
    at = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), -1)
    nb.cells.insert(at + 1, parameters_cell(params))
    return nb


def run_once(path, out, params):
    """One run; returns its phases in ms: papermill's engine path (setup_kernel, cells, kernel_info, shutdown)."""
    t0 = time.perf_counter()
    nb = parameterized(path, params)
    client = NotebookClient(nb, kernel_name="python3", timeout=600,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    t1 = time.perf_counter()
    with client.setup_kernel():
        t2 = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        info = client.wait_for_reply(client.kc.kernel_info())
        nb.metadata["language_info"] = info["content"]["language_info"]
        t3 = time.perf_counter()
    t4 = time.perf_counter()
    nbformat.write(nb, out)
    t5 = time.perf_counter()
    ms = lambda a, b: (b - a) * 1000.0
    return {"total": ms(t0, t5), "prepare": ms(t0, t1), "kernel_start": ms(t1, t2), "cells": ms(t2, t3),
            "kernel_stop": ms(t3, t4), "write": ms(t4, t5)}


def cpu_seconds():
    """CPU time (user + system) of this process, and of its children that have exited: the kernels."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"driver": own.ru_utime + own.ru_stime, "kernels": kids.ru_utime + kids.ru_stime}


def main():
    path, out_dir, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    params = dict(arg.split("=", 1) for arg in sys.argv[4:])
    params = {name: int(value) for name, value in params.items()}
    os.makedirs(out_dir, exist_ok=True)
    started = time.perf_counter()
    cpu_before = cpu_seconds()
    results = [run_once(path, os.path.join(out_dir, f"out-{i}.ipynb"), params) for i in range(runs)]
    wall = (time.perf_counter() - started) * 1000.0
    cpu = {name: (after - before) * 1000.0 for (name, before), after in zip(cpu_before.items(), cpu_seconds().values())}
    last = nbformat.read(os.path.join(out_dir, f"out-{runs - 1}.ipynb"), as_version=4)
    printed = "".join(o.get("text", "") for o in last.cells[-1].get("outputs", []))
    json.dump({"runs": results, "wall_ms": wall, "cpu_ms": cpu, "last_output": printed}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
