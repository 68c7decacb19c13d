"""Teach a class with nbgrader: the course's exercises as graded assignments.

    python -m coursetools.teach source OUT [NOTEBOOK ...]        # write the nbgrader course folder OUT
    python -m coursetools.teach grade OUT ASSIGNMENT --jobs 2     # autograde every submission, one process each
    python -m coursetools.teach time-class OUT NOTEBOOK --students 30   # a class, timed: one at a time, then 2

``source`` writes ``OUT/source/<notebook>/<notebook>.ipynb`` (one assignment per notebook, named by its stem)
and ``OUT/nbgrader_config.py``. In each notebook the exercises become nbgrader cells (schema version 3):

* the answer cell, with the course's ``None`` placeholders, is an *autograded answer* cell; the course's
  solution, taken from the notebook's ``solution``-tagged cell (its checker call's arguments, mapped to the
  answer cell's names), sits between ``### BEGIN SOLUTION`` and ``### END SOLUTION``;
* the checker call is an autograded, locked *test* cell worth points: the check as the student has it,
  then a hidden test that loads a fresh copy of the checker (a checker redefined or patched in the
  notebook earns nothing) and asserts its verdict;
* every other cell is locked read-only; the ``solution``-tagged cells are removed (as in the student edition,
  :mod:`coursetools.release`).

An exercise without a checker call (an experiment to run and judge) is left ungraded, its cell editable; a
checked exercise whose notebook gives no solution code is graded, with no reference solution in the source.
``source`` prints each notebook's exercises, their points and these exceptions.

The teacher then runs nbgrader's own commands in OUT (``generate_assignment``, ``autograde``,
``generate_feedback``, ``export``). ``OUT/nbgrader_config.py`` limits every grading kernel: a cell that runs
longer than ``--cell-timeout`` seconds is interrupted (an error, so no points), and the kernel may not hold
more than ``--memory`` GiB (``MemoryError``). ``grade`` adds a limit for a whole student
(``--student-timeout``) and grades ``--jobs`` students side by side, one ``nbgrader autograde`` process each.
``time-class`` builds a class of generated submissions and grades it both ways. See README, "Teaching a class".
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import copy
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from coursetools import course, release

COURSE_ID = "intro-to-deep-learning"
SCHEMA_VERSION = 3
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
#: What a student sees where the solution was (nbgrader's ``ClearSolutions.code_stub``).
CODE_STUB = "# Your answer: replace the placeholders above, then run this cell and the check below."
#: Points: a checked exercise is worth 1, an open experiment (its title says "open") 2.
POINTS, OPEN_POINTS = 1, 2
CELL_TIMEOUT = 120  # seconds a grading kernel may spend on one cell
MEMORY_GIB = 4.0  # address space a grading kernel may use; TensorFlow alone needs about 2.4 GiB
STUDENT_TIMEOUT = 900  # seconds ``grade`` gives one student's whole assignment
NO_SOLUTION = "# The course gives no solution code for this exercise: the check grades the student's own work."

GRADED, NO_REFERENCE, UNGRADED = "graded", "graded, no reference solution", "ungraded"
_EXERCISE = re.compile(r"\*\*Exercise (\d+)([^*]*)\*\*")


@dataclass
class Exercise:
    number: int
    title: str
    status: str = UNGRADED
    points: int = 0
    why: str = ""
    answers: list[str] = field(default_factory=list)


def nbgrader_metadata(grade_id: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    meta = {"schema_version": SCHEMA_VERSION, "grade": grade, "solution": solution, "locked": locked}
    meta["grade_id"] = grade_id
    if grade:
        meta["points"] = points
    return meta


def _parse(source: str):
    try:
        return ast.parse(source)
    except SyntaxError:  # IPython magics: no exercise check in such a cell
        return None


def _checker_call(statement) -> ast.Call | None:
    """The checker call of a top-level ``check_x(...)`` or ``verdict = check_x(...)``."""
    value = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id.startswith("check_"):
        return value
    return None


def _calls_to(tree, name: str):
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name]


def _placeholders(statement) -> set[str]:
    """Names a statement sets to a placeholder: a value with ``None`` in it, or a function (a stub to fill in)."""
    if isinstance(statement, ast.FunctionDef):
        return {statement.name}
    if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
        if any(isinstance(n, ast.Constant) and n.value is None for n in ast.walk(statement.value)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return set()


def _lines(source: str, start: int, end: int | None = None) -> str:
    """Source lines ``start`` (1-based) up to, not including, ``end``; trailing blank lines dropped."""
    lines = source.splitlines()[start - 1 : (end - 1 if end else None)]
    return "\n".join(lines).rstrip()


def _checker_modules(nb) -> dict[str, str]:
    """Checker name -> the ``course_utils.exercises`` module the notebook imports it from."""
    modules = {}
    for cell in nb.cells:
        tree = _parse(cell.source) if cell.cell_type == "code" else None
        for node in ast.walk(tree) if tree else []:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("course_utils.exercises."):
                modules.update({alias.asname or alias.name: node.module for alias in node.names})
    return modules


def exercises_section(nb) -> tuple[int, int] | None:
    """Indices ``[start, end)`` of the cells from the ``## Exercises`` heading to the next ``## `` heading."""
    start = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            if start is not None:
                return start, index
            if "exercises" in cell.source.splitlines()[0].lower():
                start = index
    return (start, len(nb.cells)) if start is not None else None


def hidden_test(module: str, call_source: str) -> str:
    """The hidden half of a test cell: the same call to a freshly loaded checker, its verdict asserted."""
    return f"""{BEGIN_HIDDEN}
# Graded by a fresh copy of the course's checker: a checker redefined or patched in the notebook earns nothing.
import contextlib as _contextlib, importlib as _importlib, io as _io, sys as _sys

_kept = {{_name: _sys.modules.pop(_name) for _name in list(_sys.modules) if _name.startswith("course_utils.exercises")}}
try:
    _checks = _importlib.import_module("{module}")
    _Verdict = _sys.modules["course_utils.exercises"].Verdict
finally:
    _sys.modules.update(_kept)
    if "course_utils.exercises" in _kept:
        _sys.modules["course_utils"].exercises = _kept["course_utils.exercises"]
with _contextlib.redirect_stdout(_io.StringIO()) as _said:
    _verdict = _checks.{call_source}
assert type(_verdict) is _Verdict and _verdict.correct is True, _said.getvalue().strip() or "Not correct."
{END_HIDDEN}"""


def _solution_block(exercise: Exercise, checker: str, student_call: ast.Call, solutions) -> str | None:
    """The course's solution for the answers of ``student_call``, from the first solution cell calling ``checker``."""
    for source, tree in solutions:
        calls = _calls_to(tree, checker)
        if not calls:
            continue
        statement = next(s for s in tree.body if any(c in ast.walk(s) for c in calls))
        call = next(c for c in calls if c in ast.walk(statement))
        lines = [_lines(source, 1, statement.lineno)] if statement.lineno > 1 else []
        given = {kw.arg: kw.value for kw in call.keywords if kw.arg}
        pairs = [(arg, call.args[i] if i < len(call.args) else None) for i, arg in enumerate(student_call.args)]
        pairs += [(kw.value, given.get(kw.arg)) for kw in student_call.keywords]
        for arg, value in pairs:
            if isinstance(arg, ast.Name) and arg.id in exercise.answers and value is not None:
                value_source = ast.get_source_segment(source, value)
                if value_source != arg.id:  # the solution cell already set the answer's own name
                    lines.append(f"{arg.id} = {value_source}")
        return "\n".join(line for line in lines if line)
    return None


def _exercise_title(markdown: str) -> tuple[int, str] | None:
    match = _EXERCISE.search(markdown)
    if not match:
        return None
    return int(match.group(1)), match.group(2).strip(" :.")


def convert(nb) -> tuple[nbformat.NotebookNode, list[Exercise]]:
    """The nbgrader source version of a course notebook, and its exercises with their points and status."""
    section = exercises_section(nb)
    modules = _checker_modules(nb)
    solutions = []
    if section:
        for cell in nb.cells[section[0] : section[1]]:
            tree = _parse(cell.source) if cell.cell_type == "code" else None
            if release.SOLUTION_TAG in cell.metadata.get("tags", []) and tree:
                solutions.append((cell.source, tree))
    student = release.student_edition(nb)
    cells, exercises, current, waiting = [], [], None, []
    inside = False
    for index, cell in enumerate(student.cells):
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            inside = "exercises" in cell.source.splitlines()[0].lower()
        if inside and cell.cell_type == "markdown" and _exercise_title(cell.source):
            current, waiting = Exercise(*_exercise_title(cell.source)), []
            current.why = "no automatic check: an experiment to run and judge"
            exercises.append(current)
        tree = _parse(cell.source) if inside and current and cell.cell_type == "code" else None
        checks = [s for s in tree.body if _checker_call(s) and _checker_call(s).func.id in modules] if tree else []
        if not checks:
            cells.append(cell)
            placeholders = set().union(*(_placeholders(s) for s in tree.body)) if tree else set()
            if placeholders:  # an answer cell whose check comes in a later cell
                cell.metadata["_answers"] = sorted(placeholders)
                waiting.append(cell)
            elif not (tree is not None and not tree.body):  # a cell of comments only is an experiment: editable
                cell.metadata["nbgrader"] = nbgrader_metadata(f"lesson-{index}", locked=True)
            continue
        first = checks[0]
        before = [s for s in tree.body if s.lineno < first.lineno]
        placeholders = set().union(*(_placeholders(s) for s in before)) if before else set()
        answer_cell = None
        if placeholders:
            answer_cell = nbformat.v4.new_code_cell(_lines(cell.source, 1, first.lineno))
            answer_cell.id = f"{cell.id}-answer"[:64]
            answer_cell.metadata = {k: v for k, v in cell.metadata.items() if k != "nbgrader"}
            answer_cell.metadata["_answers"] = sorted(placeholders)
            cells.append(answer_cell)
        else:
            if waiting:
                answer_cell = waiting[-1]
            if first.lineno > 1 and _lines(cell.source, 1, first.lineno).strip():
                lesson = nbformat.v4.new_code_cell(_lines(cell.source, 1, first.lineno))
                lesson.id = f"{cell.id}-lesson"[:64]
                lesson.metadata["nbgrader"] = nbgrader_metadata(f"lesson-{index}", locked=True)
                cells.append(lesson)
        known = set(answer_cell.metadata["_answers"]) if answer_cell is not None else set()
        calls = [_checker_call(s) for s in checks]
        current.answers = sorted(
            {a.id for c in calls for a in [*c.args, *(k.value for k in c.keywords)] if isinstance(a, ast.Name)} & known
        )
        current.points = OPEN_POINTS if "open" in current.title.lower() else POINTS
        blocks = [_solution_block(current, c.func.id, c, solutions) for c in calls]
        if answer_cell is None or not current.answers:
            current.status, current.why = GRADED, "the check reads the notebook's own results"
        elif any(b is None for b in blocks):
            current.status, current.why = NO_REFERENCE, "the notebook gives no solution code; the check grades the work"
            answer_cell.source += f"\n{BEGIN_SOLUTION}\n{NO_SOLUTION}\n{END_SOLUTION}"
        else:
            current.status, current.why = GRADED, ""
            answer_cell.source += f"\n{BEGIN_SOLUTION}\n" + "\n".join(blocks) + f"\n{END_SOLUTION}"
        if answer_cell is not None:
            answer_cell.metadata["nbgrader"] = nbgrader_metadata(f"exercise-{current.number}-answer", solution=True)
        visible = _lines(cell.source, first.lineno)
        hidden = "\n".join(hidden_test(modules[c.func.id], ast.get_source_segment(cell.source, c)) for c in calls)
        test = nbformat.v4.new_code_cell(f"{visible}\n{hidden}")
        test.id = f"{cell.id}-check"[:64]
        grade_id = f"exercise-{current.number}-check"
        taken = sum(c.metadata.get("nbgrader", {}).get("grade_id", "").startswith(grade_id) for c in cells)
        grade_id += f"-{taken + 1}" if taken else ""  # a second check cell in one exercise
        test.metadata["nbgrader"] = nbgrader_metadata(grade_id, grade=True, locked=True, points=current.points)
        cells.append(test)
    for cell in cells:
        cell.metadata.pop("_answers", None)
    student.cells = cells
    nbformat.validate(student)
    return student, exercises


def nbgrader_config(cell_timeout: int = CELL_TIMEOUT, memory_gib: float = MEMORY_GIB) -> str:
    limit = int(memory_gib * 2**30)
    exec_line = (
        f"import resource as _resource; _resource.setrlimit(_resource.RLIMIT_AS, ({limit}, {limit})); del _resource"
        if limit
        else ""
    )
    extra = ["--HistoryManager.hist_file=:memory:"] + ([f"--IPKernelApp.exec_lines={exec_line}"] if limit else [])
    return f'''"""nbgrader's configuration for this course folder, written by python -m coursetools.teach source."""

c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.course_id = "{COURSE_ID}"
# Where the solution was, the student sees the placeholders of the course and this line.
c.ClearSolutions.code_stub = {{"python": {CODE_STUB!r}}}
# Student code runs in a kernel limited in time and memory: a cell that runs longer than this many seconds is
# interrupted (an error, so no points for it), and the kernel cannot hold more than {memory_gib:g} GiB (MemoryError).
c.Execute.timeout = {cell_timeout}
# After an interrupted cell, wait this long for the kernel's last output (a busy machine is slow to send it).
c.Execute.iopub_timeout = 30
c.Execute.extra_arguments = {extra!r}
'''


def resolve(names) -> list[str]:
    stems = [stem for stem, _ in course.existing_notebooks()]
    if not names:
        return stems
    chosen = []
    for name in names:
        key = Path(name).stem
        matches = [s for s in stems if s == key or s.split("_")[0] == key.zfill(2)]
        if not matches:
            raise ValueError(f"no course notebook {name!r}; choose from {', '.join(stems)}")
        chosen.append(matches[0])
    return chosen


def write_source(out: Path, names=(), *, cell_timeout=CELL_TIMEOUT, memory_gib=MEMORY_GIB) -> dict[str, list]:
    """Write the nbgrader course folder ``out``; return each notebook's exercises."""
    out = Path(out)
    if out.resolve() == course.NOTEBOOK_DIR.resolve():
        raise ValueError(f"{out} holds the course notebooks; choose another folder")
    catalogue = {}
    for stem in resolve(names):
        nb, exercises = convert(nbformat.read(course.notebook_path(stem), as_version=4))
        folder = out / "source" / stem
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{stem}.ipynb")
        catalogue[stem] = exercises
    (out / "nbgrader_config.py").write_text(nbgrader_config(cell_timeout, memory_gib))
    return catalogue


def describe(catalogue) -> str:
    lines = []
    for stem, exercises in catalogue.items():
        total = sum(e.points for e in exercises)
        lines.append(f"{stem}: {total} point{'s' if total != 1 else ''}")
        for e in exercises:
            why = f" ({e.why})" if e.why else ""
            title = f" {e.title}" if e.title.startswith("(") else f": {e.title}"
            lines.append(f"  exercise {e.number}{title}: {e.points} pt, {e.status}{why}")
    return "\n".join(lines)


# --- grading -------------------------------------------------------------------------------------------


def nbgrader(course_dir: Path, *args, timeout=None, check=True) -> subprocess.CompletedProcess:
    """Run one of nbgrader's commands in ``course_dir``, in its own process group (killed whole on timeout)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course_dir,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        raise subprocess.TimeoutExpired(process.args, timeout, output) from None
    done = subprocess.CompletedProcess(process.args, process.returncode, output)
    if check and done.returncode:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{output[-3000:]}")
    return done


def submitted_students(course_dir: Path, assignment: str) -> list[str]:
    return sorted(p.parent.name for p in Path(course_dir, "submitted").glob(f"*/{assignment}") if p.is_dir())


def autograde_one(course_dir: Path, assignment: str, student: str, timeout=STUDENT_TIMEOUT) -> tuple[str, float]:
    """Autograde one student in its own ``nbgrader autograde`` process: (status, seconds)."""
    start = time.perf_counter()
    for attempt in range(3):
        try:
            done = nbgrader(
                course_dir, "autograde", assignment, "--student", student, "--force", timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return f"stopped after {timeout} s", time.perf_counter() - start
        if done.returncode == 0:
            return "graded", time.perf_counter() - start
        if "database is locked" not in done.stdout or attempt == 2:
            errors = re.findall(r"^\s*(?:\w+\.)*(\w+Error: .*)$", done.stdout, re.M) or done.stdout.splitlines()[-1:]
            return f"not graded: {errors[-1][:200] if errors else 'nbgrader failed'}", time.perf_counter() - start
        time.sleep(1 + attempt)
    raise AssertionError("unreachable")


def grade(course_dir: Path, assignment: str, students=None, jobs=1, timeout=STUDENT_TIMEOUT) -> dict:
    """Autograde ``students`` (default: every submission), ``jobs`` at a time; {student: (status, seconds)}."""
    students = students or submitted_students(course_dir, assignment)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {s: pool.submit(autograde_one, course_dir, assignment, s, timeout) for s in students}
        return {s: f.result() for s, f in futures.items()}


def answer_cells(nb) -> dict[str, nbformat.NotebookNode]:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")}


def solved(source: str) -> str:
    """An answer cell of the source version with its solution filled in (the markers dropped)."""
    return "\n".join(line for line in source.splitlines() if line.strip() not in (BEGIN_SOLUTION, END_SOLUTION))


def submission(release_nb, source_nb, right=(), answers=None) -> nbformat.NotebookNode:
    """A student's notebook: the release version, the exercises in ``right`` answered with the course's solution
    and ``answers`` ({grade_id: source}) written in; every other answer left as released."""
    nb = copy.deepcopy(release_nb)
    cells, solutions = answer_cells(nb), answer_cells(source_nb)
    for grade_id in right:
        cells[grade_id].source = solved(solutions[grade_id].source)
    for grade_id, source in (answers or {}).items():
        cells[grade_id].source = source
    return nb


def place_submission(course_dir: Path, assignment: str, student: str, nb) -> Path:
    """Put a notebook where ``nbgrader collect`` would: submitted/<student>/<assignment>/, with a timestamp."""
    folder = Path(course_dir, "submitted", student, assignment)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{assignment}.ipynb"
    nbformat.write(nb, path)
    (folder / "timestamp.txt").write_text("2030-01-01 12:00:00.000000 UTC")
    return path


def class_submissions(course_dir: Path, assignment: str, students: int) -> list[str]:
    """``students`` submissions: each answered exercise the course's solution, in a pattern varying per student."""
    release_nb = nbformat.read(Path(course_dir, "release", assignment, f"{assignment}.ipynb"), as_version=4)
    source_nb = nbformat.read(Path(course_dir, "source", assignment, f"{assignment}.ipynb"), as_version=4)
    ids = [i for i, c in answer_cells(source_nb).items() if NO_SOLUTION not in c.source]
    names = []
    for number in range(students):
        right = [i for k, i in enumerate(ids) if (number + k) % 3]
        names.append(f"student{number + 1:02d}")
        place_submission(course_dir, assignment, names[-1], submission(release_nb, source_nb, right))
    return names


def time_class(out: Path, notebook: str, students=30, jobs=2, cell_timeout=CELL_TIMEOUT, memory_gib=MEMORY_GIB):
    """Grade a class of generated submissions one at a time, then ``jobs`` at a time; return both times."""
    stem = resolve([notebook])[0]
    out = Path(out)
    base = out / "class"
    if base.exists():
        shutil.rmtree(base)
    write_source(base, [stem], cell_timeout=cell_timeout, memory_gib=memory_gib)
    nbgrader(base, "generate_assignment", stem, "--force")
    names = class_submissions(base, stem, students)
    times = {}
    for label, workers in (("one at a time", 1), (f"{jobs} side by side", jobs)):
        folder = out / f"class-{workers}"
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(base, folder)
        start = time.perf_counter()
        results = grade(folder, stem, names, jobs=workers)
        times[label] = time.perf_counter() - start
        failed = {s: r for s, r in results.items() if r[0] != "graded"}
        print(f"{label}: {times[label]:.0f} s for {len(names)} students ({len(failed)} not graded: {failed or ''})")
        nbgrader(folder, "export", "--to", str(folder / "grades.csv"))
    one, many = times.values()
    print(f"speed-up with {jobs} at a time: {one / many:.2f}x ({os.cpu_count()} cores)")
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools.teach", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    source = commands.add_parser("source", help="write an nbgrader course folder from the notebooks")
    source.add_argument("out", type=Path, metavar="OUT")
    source.add_argument("notebooks", nargs="*", metavar="NOTEBOOK", help="stem, number or file (default: all)")
    for sub in (source, timed := commands.add_parser("time-class", help="grade a generated class, timed")):
        sub.add_argument("--cell-timeout", type=int, default=CELL_TIMEOUT, help="seconds per cell (%(default)s)")
        sub.add_argument("--memory", type=float, default=MEMORY_GIB, help="GiB per kernel, 0: no limit (%(default)s)")
    timed.add_argument("out", type=Path, metavar="OUT")
    timed.add_argument("notebook", metavar="NOTEBOOK")
    timed.add_argument("--students", type=int, default=30)
    timed.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    graded = commands.add_parser("grade", help="autograde every submission, one nbgrader process per student")
    graded.add_argument("out", type=Path, metavar="OUT")
    graded.add_argument("assignment")
    graded.add_argument("--student", action="append", help="only this student (repeatable)")
    graded.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="students at a time (%(default)s)")
    graded.add_argument("--student-timeout", type=int, default=STUDENT_TIMEOUT, help="seconds (%(default)s)")
    args = parser.parse_args(argv)
    try:
        if args.command == "source":
            catalogue = write_source(args.out, args.notebooks, cell_timeout=args.cell_timeout, memory_gib=args.memory)
            print(describe(catalogue))
            print(f"nbgrader course folder: {args.out} (source/, nbgrader_config.py)")
        elif args.command == "grade":
            results = grade(args.out, args.assignment, args.student, args.jobs, args.student_timeout)
            for student, (status, seconds) in results.items():
                print(f"{student}: {status} ({seconds:.0f} s)")
            return 1 if any(status != "graded" for status, _ in results.values()) else 0
        else:
            time_class(args.out, args.notebook, args.students, args.jobs, args.cell_timeout, args.memory)
    except (ValueError, OSError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
