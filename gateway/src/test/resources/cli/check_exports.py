"""Checks Quire's exports against nbformat (Debian's python3-nbformat).

Arguments: pairs of ORIGINAL.ipynb EXPORT.ipynb. For each pair the export must be valid as it is (nbformat's
validate() would repair missing or repeated cell ids first, so the schema is applied to the raw JSON) and must be
byte for byte what nbformat writes for the original, given the cell ids Quire chose (nbformat would pick random
ones). Prints one line per failure and exits 1 if there is any.
"""
import io
import json
import sys

import nbformat
from nbformat.validator import iter_validate

failures = []
for original, export in zip(sys.argv[1::2], sys.argv[2::2]):
    with open(export, encoding="utf-8") as f:
        text = f.read()
    try:
        ours = json.loads(text)
    except ValueError as e:
        failures.append("%s: not JSON: %s" % (export, e))
        continue
    errors = [error.message for error in iter_validate(ours)]
    ids = [cell.get("id") for cell in ours["cells"]]
    if len(set(ids)) != len(ids):
        errors.append("repeated cell ids")
    if errors:
        failures.append("%s: not a valid nbformat 4.5 notebook: %s" % (export, "; ".join(errors[:3])))
        continue
    expected = nbformat.read(original, as_version=4)
    if len(expected.cells) != len(ids):
        failures.append("%s: %d cells, nbformat reads %d from %s" % (export, len(ids), len(expected.cells), original))
        continue
    expected.nbformat_minor = 5
    for cell, cell_id in zip(expected.cells, ids):
        cell.id = cell_id
    written = io.StringIO()
    nbformat.write(expected, written)
    if written.getvalue() != text:
        failures.append("%s: differs from what nbformat writes for %s" % (export, original))

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
