"""The student edition: no solutions, exercise checks kept, valid notebooks that run top to bottom."""

import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursetools import course, release


def tagged(cell, *tags):
    cell.metadata["tags"] = list(tags)
    return cell


def tiny_course_notebook():
    nb = new_notebook()
    nb.cells = [
        new_markdown_cell("# 99 · Tiny"),
        new_code_cell("x = 1", outputs=[nbformat.v4.new_output("stream", text="ran\n")], execution_count=1),
        new_markdown_cell("## Exercises\n\nEach has a check. Solutions are folded after each exercise; try first!"),
        new_markdown_cell("**Exercise 1.** What is x + 1?"),
        new_code_cell(
            "answer = None\ncheck(answer)",
            execution_count=2,
            outputs=[nbformat.v4.new_output("stream", text="Not answered yet\n")],
        ),
        tagged(
            new_markdown_cell("<details><summary>Solution to exercise 1</summary>\n\nx + 1 = 2\n</details>"), "solution"
        ),
        tagged(new_code_cell("answer = 2\nassert check(answer)", execution_count=3), "solution"),
        new_markdown_cell("### Solutions"),
        tagged(new_code_cell("answer = 3"), "solution"),
        new_markdown_cell("## Further reading\n\n- [A book](https://example.org)"),
    ]
    return nb


def test_solutions_are_removed_and_exercise_outputs_cleared():
    student = release.student_edition(tiny_course_notebook())
    sources = [c.source for c in student.cells]
    assert not any("olution" in s or "answer = 2" in s for s in sources), sources
    assert "## Exercises\n\nEach has a check." in sources, "only the sentence about solutions goes"
    assert "answer = None\ncheck(answer)" in sources, "the exercise and its check stay"
    exercise = student.cells[4]
    assert exercise.outputs == [] and exercise.execution_count is None
    assert student.cells[1].outputs, "outputs outside the exercises stay"
    nbformat.validate(student)


def test_the_source_notebooks_are_never_the_output(tmp_path):
    with pytest.raises(ValueError, match="holds the course notebooks"):
        release.write_student_edition(course.NOTEBOOK_DIR)


@pytest.mark.slow
def test_the_student_edition_of_the_course_has_no_solution_and_runs_with_quick_parameters(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "coursetools.release", "--student", str(tmp_path / "student")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    paths = sorted((tmp_path / "student" / "notebooks").glob("*.ipynb"))
    assert [p.stem for p in paths] == [stem for stem, _ in course.existing_notebooks()]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        assert not [c for c in nb.cells if release.SOLUTION_TAG in c.metadata.get("tags", [])]
        assert "<summary>Solution" not in path.read_text(), f"{path.name} still shows a solution"
        assert "olutions are folded" not in path.read_text(), f"{path.name} still points at the solutions"
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "coursetools.run",
            "--quick",
            "--jobs",
            "2",
            "--no-progress",
            *map(str, paths),
            "--output-dir",
            str(tmp_path / "ran"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert ran.returncode == 0, "\n".join(line for line in ran.stderr.splitlines() if line.startswith("FAILED"))
