"""Every notebook follows the course conventions (see README, "Conventions")."""

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_utils import course, navigation

NOTEBOOKS = [course.notebook_path(stem) for stem, _ in course.existing_notebooks()]
IDS = [path.stem for path in NOTEBOOKS]
ROOT = course.ROOT


def test_every_notebook_file_is_a_course_notebook():
    known = {f"{stem}.ipynb" for stem, _ in course.NOTEBOOKS}
    unknown = sorted(p.name for p in course.NOTEBOOK_DIR.glob("*.ipynb") if p.name not in known)
    assert not unknown, f"add these to course_utils/course.py NOTEBOOKS (or rename them): {unknown}"


def test_generated_cells_and_readme_are_up_to_date():
    assert navigation.out_of_date() == [], "run: python -m course_utils.navigation"


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(params=NOTEBOOKS, ids=IDS)
def notebook(request):
    return request.param, nbformat.read(request.param, as_version=4)


def test_header_cell(notebook):
    path, nb = notebook
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    title = navigation.TITLE_PATTERN.search(first.source)
    assert title and title.group(1) == path.stem[:2], "first line must be '# NN · Title'"
    assert title.group(2).strip() == dict(course.NOTEBOOKS)[path.stem], "title must match course.NOTEBOOKS"
    summary = [line for line in first.source.splitlines()[1:] if line.strip() and not line.startswith("<!--")]
    assert summary, "a one-line summary must follow the title"
    assert course.colab_url(path.stem) in first.source, "the Colab badge must point at this notebook"


def test_parameters_cell_then_setup_cell(notebook):
    _, nb = notebook
    cells = code_cells(nb)
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one code cell tagged 'parameters'"
    assert re.search(r"^SEED = \d+$", cells[tagged[0]].source, re.M)
    setup = [i for i, c in enumerate(cells) if c.source.startswith(navigation.SETUP_MARKER)]
    assert setup == [tagged[0] + 1], "the generated setup cell comes right after the parameters cell"
    assert tagged[0] == 0, "the parameters cell is the first code cell"


def test_stored_outputs_are_a_clean_top_to_bottom_run(notebook):
    _, nb = notebook
    cells = [c for c in code_cells(nb) if c.source.strip()]
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    for cell in cells:
        for output in cell.outputs:
            assert output.output_type != "error", cell.source[:80]
            assert not (output.output_type == "stream" and output.name == "stderr"), (cell.source[:80], output.text[:200])
            text = output.get("text", "") + output.get("data", {}).get("text/plain", "")
            assert not re.search(r"\bWarning\b|WARNING|retracing", text), text[:200]
            assert not re.search(r"at 0x[0-9a-f]{6,}", text), f"memory address in output: {text[:120]}"


def test_claims_are_checked_and_exercises_present(notebook):
    _, nb = notebook
    source = "\n".join(c.source for c in code_cells(nb))
    assert "assert " in source
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search(r"^## .*Exercises", markdown, re.M), "each notebook ends with exercises"
    assert "course_utils.exercises" in source, "exercises are checked automatically"


def test_no_deprecated_or_remote_content(notebook):
    _, nb = notebook
    source = "\n".join(c.source for c in code_cells(nb))
    assert "input_shape=" not in source, "use keras.Input(shape=...) instead of input_shape="
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert not re.search(r"<img[^>]+src=\"?https?://|!\[[^\]]*\]\(https?://(?!colab)", markdown), "hot-linked image"


def test_navigation_is_last(notebook):
    path, nb = notebook
    assert nb.cells[-1].source == navigation.navigation_source(path.stem)


def test_notebook_json_is_canonical(notebook):
    path, nb = notebook
    assert set(nb.metadata) <= {"kernelspec", "language_info", "colab"}
    for cell in nb.cells:
        assert "execution" not in cell.metadata


def test_conventions_checker_from_shared_tools_passes():
    checker = ROOT.parent / "shared" / "tools" / "nbcheck.py"
    if not checker.exists():
        pytest.skip("../shared/tools/nbcheck.py is not beside this checkout")
    if len(NOTEBOOKS) < 2:
        pytest.skip("navigation links need at least two notebooks")
    result = subprocess.run([sys.executable, str(checker), *map(str, NOTEBOOKS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
