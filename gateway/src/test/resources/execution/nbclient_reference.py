"""The reference side of Quire's differential execution test.

Runs notebooks with nbclient as `jupyter execute --allow-errors` would (every cell runs, errors or not), then merges
consecutive stream outputs as Jupyter front ends do: nbclient itself keeps each stream message as its own output.
All notebooks run, in the order given, on one kernel; before each, the code in RESET_FILE runs silently (a fresh
namespace, history session and execution count, as on a new kernel). Quire's side does exactly the same, so the two see the same
kernel state cell for cell.

Usage: /usr/bin/python3 nbclient_reference.py RESET_FILE WORK_DIR OUT_DIR NOTEBOOK...
Writes OUT_DIR/<i>.ipynb for the i-th notebook (from 0) as soon as it is done, or OUT_DIR/<i>.error with the
traceback when it cannot be run.
"""
import asyncio
import os
import re
import sys
import traceback

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

# As nbconvert's CoalesceStreamsPreprocessor applies carriage returns. Backspaces are applied as nbclient (>= 0.10)
# means to, but with a backspace: its r"[^\n]\b" is a word boundary in a Python regex.
CARRIAGE_RETURN = re.compile(r".*\r(?=[^\n])")
BACKSPACE = re.compile("[^\n]\x08")


def coalesce_streams(outputs):
    """Consecutive outputs of one stream become one, with backspaces and carriage returns applied."""
    merged = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (output.output_type == "stream" and last is not None and last.output_type == "stream"
                and last.name == output.name):
            last.text += output.text
        else:
            merged.append(output)
    for output in merged:
        if output.output_type == "stream":
            text = output.text
            previous = None
            while previous != text:
                previous, text = text, BACKSPACE.sub("", text)
            output.text = CARRIAGE_RETURN.sub("", text)
    return merged


def write_atomically(path, write):
    partial = path + ".partial"
    with open(partial, "w", encoding="utf-8") as file:
        write(file)
    os.replace(partial, path)


async def main(reset_file, work_dir, out_dir, notebooks):
    with open(reset_file, encoding="utf-8") as file:
        reset = file.read()
    manager = AsyncKernelManager(kernel_name="python3")
    # As nbclient starts its kernels: input history in memory, not in the user's database.
    await manager.start_kernel(cwd=work_dir, extra_arguments=["--HistoryManager.hist_file=:memory:"])
    # One client for everything: the resets, and every notebook's cells (nbclient uses the client it is given).
    kernel = manager.client()
    kernel.start_channels()
    kernel.allow_stdin = False
    try:
        await kernel.wait_for_ready(timeout=60)
        for index, path in enumerate(notebooks):
            target = os.path.join(out_dir, str(index))
            try:
                reply = await kernel.execute(reset, silent=True, store_history=False, reply=True, timeout=30)
                if reply["content"]["status"] != "ok":
                    raise RuntimeError("the kernel reset failed: " + str(reply["content"]))
                notebook = nbformat.read(path, as_version=4)
                client = NotebookClient(notebook, km=manager, kernel_name="python3", allow_errors=True,
                                        timeout=60)
                client.kc = kernel
                await client.async_execute()
                for cell in notebook.cells:
                    if cell.cell_type == "code":
                        cell.outputs = coalesce_streams(cell.outputs)
                write_atomically(target + ".ipynb", lambda file: nbformat.write(notebook, file))
            except Exception:
                write_atomically(target + ".error", lambda file: file.write(traceback.format_exc()))
    finally:
        kernel.stop_channels()
        await manager.shutdown_kernel()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
