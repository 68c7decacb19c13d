"""Lesson and proof apart: what a student reads holds no proof.

The notebook's JSON is what JupyterLab, Colab and GitHub show, and what the website renders; so a notebook
that passes here shows no proof on any of the four. The proof itself runs from ``claims/`` (see
``coursetools.claims``).
"""

import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursetools import course, generated

#: Sentences about the proof rather than the lesson.
HARNESS_TALK = re.compile(
    r"\btested (?:copy|version|helper|one|reference|implementation)|course's tested|reference (?:version|copy|"
    r"implementation)|the checks? (?:below|above|allows?|asks|pass|passes|holds?)|checked only|for the values of "
    r"`?SEED|SEED`?s? 0 ?(?:to|and|\.\.|–|-) ?11|\bquick (?:run|value)|\bassert(?:s|ed|ion)?\b"
    r"|\bclaims? (?:file|sweep)",
    re.I,
)
MAX_SETUP_LINES = 6


def reading_path_problems(nb) -> list[str]:
    """Every place where the proof shows in what a student reads, one line each."""
    found = []
    for i, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown":
            match = HARNESS_TALK.search(cell.source)
            if match:
                found.append(f"markdown cell {i} talks about the proof: {match.group(0)!r}")
            continue
        if "solution" in tags:
            continue
        if re.search(r"^\s*assert\b", cell.source, re.M):
            found.append(f"code cell {i} asserts")
        if "parameters" in tags and re.search(r"#\s*quick:", cell.source):
            found.append(f"code cell {i}: a quick value in the parameters cell")
        comments = " ".join(re.findall(r"#(.*)$", cell.source, re.M))
        match = HARNESS_TALK.search(comments)
        if match and not generated.is_install_cell(cell):
            found.append(f"code cell {i}: a comment about the proof: {match.group(0)!r}")
        if generated.is_install_cell(cell):
            if cell.metadata.get("cellView") != "form" or not cell.metadata.get("jupyter", {}).get("source_hidden"):
                found.append(f"code cell {i}: the Colab install cell is not folded")
        elif "course_utils.setup(" in cell.source and len(cell.source.strip().splitlines()) > MAX_SETUP_LINES:
            found.append(f"code cell {i}: a setup cell of {len(cell.source.strip().splitlines())} lines")
        for output in cell.get("outputs", []):
            text = output.get("text", "") + output.get("data", {}).get("text/plain", "")
            match = HARNESS_TALK.search(text) or re.search(r"same .* as course_utils", text)
            if match:
                found.append(f"code cell {i} prints the proof: {match.group(0)!r}")
    return found


@pytest.mark.parametrize("stem", [stem for stem, _ in course.existing_notebooks()])
def test_no_proof_in_the_reading_path(stem):
    nb = nbformat.read(course.notebook_path(stem), as_version=4)
    assert reading_path_problems(nb) == []


def test_each_kind_of_proof_is_found():
    """The check can fail: a notebook with every kind of proof in view gets one line for each."""
    install = new_code_cell(generated.install_source())
    nb = new_notebook(
        cells=[
            new_code_cell("SEED = 0\nEPOCHS = 3  # quick: 1", metadata={"tags": ["parameters"]}),
            install,
            new_code_cell("import course_utils\n" + "\n" * 6 + "course_utils.setup(SEED)\n# one\n# two\n# three"),
            new_markdown_cell("Our function matches the course's tested copy."),
            new_markdown_cell("It reaches 97.8% (97.5% to 98.1% for `SEED` 0 to 11)."),
            new_code_cell("accuracy = 0.98\nassert accuracy > 0.97"),
            new_code_cell("x = 1  # the check below allows 1e-6"),
            new_code_cell(
                "print(True)",
                outputs=[nbformat.v4.new_output("stream", name="stdout", text="same values as course_utils: True\n")],
            ),
            new_code_cell("assert 1 + 1 == 2", metadata={"tags": ["solution"]}),  # a solution may check itself
        ]
    )
    problems = reading_path_problems(nb)
    assert [p.split(":")[0] for p in problems] == [
        "code cell 0",
        "code cell 1",
        "code cell 2",
        "markdown cell 3 talks about the proof",
        "markdown cell 4 talks about the proof",
        "code cell 5 asserts",
        "code cell 6",
        "code cell 7 prints the proof",
    ], problems
