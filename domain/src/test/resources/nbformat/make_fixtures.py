"""Writes the nbformat test fixtures in this folder.

Run with Debian's python, which has nbformat 5.5:  /usr/bin/python3 make_fixtures.py
The 4.5 and 4.4 files are written by nbformat itself, so they are canonical; the 4.0 file is written
by hand the way old tools did (indent 2, unsplit strings) to exercise the reader's leniency.
"""
import json
import os

import nbformat
from nbformat.v4 import (new_code_cell, new_markdown_cell, new_notebook, new_output,
                         new_raw_cell)

HERE = os.path.dirname(os.path.abspath(__file__))
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def save(nb, name):
    nbformat.write(nb, os.path.join(HERE, name))


def all_outputs():
    """Every output type, every mimebundle rule, attachments and a raw cell (nbformat 4.5)."""
    cells = [
        new_markdown_cell("# Outputs\nEvery output type nbformat knows.", id="intro"),
        new_code_cell("import sys\nprint('hello\\nworld')\nprint('careful', file=sys.stderr)",
                      id="streams", execution_count=1, outputs=[
                          new_output("stream", name="stdout", text="hello\nworld\n"),
                          new_output("stream", name="stderr", text="careful\n")]),
        new_code_cell("show()", id="displays", execution_count=2, outputs=[
            new_output("display_data",
                       data={"image/png": PNG + "\n", "text/plain": "<Figure size 1x1 with 1 Axes>"},
                       metadata={"image/png": {"width": 1, "height": 1}}),
            new_output("display_data", data={
                "text/html": "<table>\n<tr><td>1</td></tr>\n</table>",
                "application/json": {"a": [1, 2.5, None, True], "nested": {"k": "v"}},
                "application/vnd.quire.lines+json": ["kept\n", "as a list"],
                "image/svg+xml": "<svg>\n<circle r=\"1\"/>\n</svg>",
                "application/javascript": "console.log(1);\nconsole.log(2);",
                "text/plain": "a table"})]),
        new_code_cell("6 * 7", id="result", execution_count=3, outputs=[
            new_output("execute_result", execution_count=3,
                       data={"text/plain": "42", "text/latex": "$$\n42\n$$"})]),
        new_code_cell("1 / 0", id="failure", execution_count=4, outputs=[
            new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[
                "\u001b[0;31m----------------------------------------------------------\u001b[0m",
                "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero"])]),
        new_code_cell("", id="never-run"),
        new_markdown_cell("A dot: ![dot](attachment:dot.png)", id="with_attachment",
                          attachments={"dot.png": {"image/png": PNG, "text/plain": "a dot\nof one pixel"}}),
        new_raw_cell(".. note::\n   raw text for nbconvert", id="raw",
                     metadata={"format": "text/restructuredtext"}),
    ]
    save(new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC}), "all-outputs-4.5.ipynb")


def text_edges():
    """Unicode, CRLF, every line break Python's splitlines knows, control characters, floats, key order."""
    cells = [
        new_markdown_cell("Grüße, 日本語, emoji 🎉, שלום\nsecond line", id="unicode"),
        new_code_cell("x = 1\r\ny = 2\r\n", id="crlf", execution_count=1, outputs=[
            new_output("stream", name="stdout", text="10%\r50%\r100%\r\ndone\n")]),
        new_markdown_cell("a\vb\fc\x1cd\x1de\x1ef\x85g\u2028h\u2029i\n\nj", id="line-breaks"),
        new_raw_cell("bell \x07, nul \x00, del \x7f, quote \", backslash \\, tab \t", id="controls",
                     metadata={"z": 1, "Z": 2, "é": 3, "\U0001F600": 4, "\uFB01": 5,
                               "floats": [0.1, 1e-05, 0.0001, 1e16, 1.5e300, 100.0, -0.0,
                                          123456789.123, 9999999999999998.0, 5e-324],
                               "ints": [0, -7, 12345678901234567890123]}),
    ]
    save(new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC}), "text-edges-4.5.ipynb")


def metadata_4_4():
    """A 4.4 notebook (no ids) with the metadata nbformat knows, and transient keys to strip."""
    cells = [
        new_code_cell("import time", execution_count=1, metadata={
            "tags": ["setup", "étiquette"], "collapsed": False, "scrolled": "auto", "trusted": True,
            "jupyter": {"source_hidden": True, "outputs_hidden": False},
            "execution": {"iopub.status.busy": "2024-01-02T03:04:05.678Z",
                          "iopub.status.idle": "2024-01-02T03:04:05.999Z"}}),
        new_markdown_cell("Notes", metadata={"name": "notes", "jupyter": {"source_hidden": False}}),
        new_raw_cell("raw", metadata={"format": "text/plain", "trusted": False}),
    ]
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": KERNELSPEC, "title": "Metadata", "authors": [{"name": "Ada"}],
        "language_info": {"name": "python", "codemirror_mode": {"name": "ipython", "version": 3},
                          "file_extension": ".py", "mimetype": "text/x-python",
                          "pygments_lexer": "ipython3", "version": "3.11.2"}})
    as_4_4(nb)
    save(nb, "metadata-4.4.ipynb")
    # nbformat strips these when writing, so they are added afterwards: the reader must drop them.
    path = os.path.join(HERE, "metadata-4.4.ipynb")
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    raw["metadata"]["signature"] = "sha256:0123456789abcdef"
    raw["metadata"]["orig_nbformat"] = 3
    raw["cells"][0]["metadata"]["trusted"] = True
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(raw, sort_keys=True, indent=1, ensure_ascii=False) + "\n")


def identical_cells_4_4():
    """Identical cells: their generated ids must still be unique."""
    cells = [new_markdown_cell("same"), new_markdown_cell("same"), new_code_cell(""), new_code_cell("")]
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    as_4_4(nb)
    save(nb, "identical-cells-4.4.ipynb")


def as_4_4(nb):
    nb.nbformat_minor = 4
    for cell in nb.cells:
        del cell["id"]


def minimal_4_0():
    """A 4.0 file as early writers made it: indent 2, strings not split into lines, no ids."""
    raw = {
        "nbformat": 4, "nbformat_minor": 0,
        "metadata": {"kernelspec": KERNELSPEC},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# Old\nnotebook"},
            {"cell_type": "code", "metadata": {"collapsed": False}, "execution_count": 5,
             "source": "print('old')\n", "outputs": [
                 {"output_type": "stream", "name": "stdout", "text": "old\n"},
                 {"output_type": "execute_result", "execution_count": 5, "metadata": {},
                  "data": {"text/plain": "'old'", "text/html": ["<b>old</b>\n", "<i>html</i>"]}}]},
        ],
    }
    with open(os.path.join(HERE, "minimal-4.0.ipynb"), "w", encoding="utf-8") as f:
        json.dump(raw, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    all_outputs()
    text_edges()
    metadata_4_4()
    identical_cells_4_4()
    minimal_4_0()
