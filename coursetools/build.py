"""Regenerate the generated cells, then execute notebooks in place in a fresh kernel.

This is how the stored outputs are made: top to bottom, execution counts 1..n,
with the same setup the tests use (COURSE_DATA_DIR pointing at the offline MNIST).
The JSON is written canonically (no timing metadata) so diffs stay small.

    python -m coursetools.build                       # every notebook
    python -m coursetools.build notebooks/02_neuron.ipynb
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.corpus.words import generate_corpus_id as random_cell_id

from coursetools import claims, course, execution, generated

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def canonicalise(nb) -> None:
    """Store what JupyterLab would store, so opening a notebook does not mark it modified.

    nbformat 4.5 with cell ids (kept from build to build; new cells get a new id), the
    kernelspec, and the ``language_info`` the kernel itself reported while executing (JupyterLab
    compares the whole object with the kernel's reply). Run timings are dropped.
    """
    language_info = nb.metadata.get("language_info", {})
    nb.metadata = nbformat.from_dict(
        {
            **{k: v for k, v in nb.metadata.items() if k == "colab"},
            "kernelspec": KERNELSPEC,
            "language_info": language_info,
        }
    )
    nb.nbformat, nb.nbformat_minor = 4, 5
    seen = set()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if not cell.get("id") or cell.id in seen:
            cell.id = random_cell_id()
        seen.add(cell.id)


class BuildError(Exception):
    """A notebook raised: nothing is written, the message names the cell and the line."""


def build(path: Path, timeout: int = 900) -> tuple[float, list[claims.Claim] | None]:
    """Execute ``path`` in place; its claims run in the same kernel after the last cell (None: it has none).

    The notebook is written even when a claim fails, so that its outputs can be read; the caller says so.
    """
    nb = nbformat.read(path, as_version=4)
    generated.regenerate_notebook(nb, path.stem)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    claims_cell = claims.cell_source(path)
    if claims_cell is not None:
        nb.cells.append(nbformat.v4.new_code_cell(claims_cell, metadata={"tags": [claims.TAG]}))
    status, message, elapsed = execution.execute(nb, path.parent, timeout, kernel_name="python3", record_timing=False)
    if status != "passed":
        raise BuildError(f"{path.name} failed, not written: {message}")
    checked = None
    if claims_cell is not None:
        checked = claims.parse(claims.stream_text(nb.cells.pop().outputs))
    canonicalise(nb)
    nbformat.write(nb, path)
    return elapsed, checked


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    course.use_offline_data()
    paths = args.notebooks or [course.notebook_path(stem) for stem, _ in course.existing_notebooks()]
    failed = False
    for path in paths:
        try:
            seconds, checked = build(path.resolve())
        except BuildError as error:
            print(f"FAILED {error}", flush=True)
            failed = True
            continue
        held = f", {len(checked) - len(claims.failed(checked))}/{len(checked)} claims held" if checked else ""
        print(f"{path.name}: {seconds:.1f} s{held}", flush=True)
        for claim in claims.failed(checked or []):
            print(f"  NOT HELD: {claim}", flush=True)
            failed = True
    # Every notebook built: the README's contents too. Only some: leave the other notebooks alone.
    return (generated.main([]) if not args.notebooks else 0) or int(failed)


if __name__ == "__main__":
    sys.exit(main())
