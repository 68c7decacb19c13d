"""Write a student edition of the course: the notebooks without their solutions.

    python -m coursetools.release --student OUT/

In the repository's (the teacher's) notebooks every solution is folded away and its cells carry the
``solution`` tag. The student edition removes those cells (nbconvert's ``TagRemovePreprocessor``), keeps
the exercises and their automatic checks, and clears the outputs of the exercise cells so that a student
sees the placeholders and nothing of the answers. The source notebooks are never modified, and OUT may not
be the folder that holds them.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor

from coursetools import course

SOLUTION_TAG = "solution"


#: The teacher's edition tells the reader where the solutions are; in the student edition there are none.
SOLUTIONS_SENTENCE = re.compile(r"\s*(?:The )?[Ss]olutions are folded[^.!\n]*[.!;][^.!\n]*[.!]?")


class ClearExerciseOutputs(Preprocessor):
    """Clear the exercise cells' outputs and counts; drop what speaks of the removed solutions.

    Code cells between ``## Exercises`` and the next ``## `` heading lose their outputs; a sentence saying
    where the solutions are folded goes, and so does a heading left with nothing under it.
    """

    def preprocess(self, nb, resources):
        inside = False
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                if cell.source.startswith("## "):
                    inside = "exercises" in cell.source.splitlines()[0].lower()
                cell.source = SOLUTIONS_SENTENCE.sub("", cell.source)
            elif inside and cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nb.cells = [cell for i, cell in enumerate(nb.cells) if not _empty_heading(nb.cells, i)]
        return nb, resources


def _empty_heading(cells, index) -> bool:
    """A markdown cell that is only a heading, followed by a heading of the same or a higher level (or nothing)."""
    text = cells[index].source.strip()
    if cells[index].cell_type != "markdown" or not re.fullmatch(r"#+ [^\n]*", text):
        return False
    level = len(text) - len(text.lstrip("#"))
    following = cells[index + 1] if index + 1 < len(cells) else None
    if following is None:
        return True
    head = following.source.lstrip()
    return following.cell_type == "markdown" and head.startswith("#") and len(head) - len(head.lstrip("#")) <= level


def student_edition(nb):
    """A copy of ``nb`` without solution cells, exercise outputs cleared."""
    nb = copy.deepcopy(nb)
    remove = TagRemovePreprocessor(remove_cell_tags={SOLUTION_TAG}, enabled=True)
    nb, _ = remove.preprocess(nb, {})
    nb, _ = ClearExerciseOutputs().preprocess(nb, {})
    return nb


def write_student_edition(out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir).resolve()
    if out_dir == course.NOTEBOOK_DIR.resolve():
        raise ValueError(f"{out_dir} holds the course notebooks; choose another folder for the student edition")
    (out_dir / "notebooks").mkdir(parents=True, exist_ok=True)
    written = []
    for stem, _ in course.existing_notebooks():
        nb = student_edition(nbformat.read(course.notebook_path(stem), as_version=4))
        nbformat.validate(nb)
        path = out_dir / "notebooks" / f"{stem}.ipynb"
        nbformat.write(nb, path)
        written.append(path)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools.release", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--student", type=Path, required=True, metavar="OUT", help="write the student edition into OUT/notebooks/"
    )
    args = parser.parse_args(argv)
    try:
        written = write_student_edition(args.student)
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"student edition: {len(written)} notebooks in {args.student / 'notebooks'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
