"""Teaching a class: the exercises as nbgrader assignments, graded by nbgrader's own commands, not fooled."""

import concurrent.futures
import contextlib
import csv
import html
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import course_utils.exercises
from coursetools import course, release, teach

nbgrader_format = pytest.importorskip("nbgrader.nbgraderformat", reason="nbgrader: pip install -e '.[teach]'")
nbgrader_api = pytest.importorskip("nbgrader.api")


def tagged(cell, *tags):
    cell.metadata["tags"] = list(tags)
    return cell


def tiny_notebook():
    nb = new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        new_markdown_cell("# 99 · Tiny"),
        new_code_cell("x = 1"),
        new_markdown_cell("## Exercises\n\n**Exercise 1: a NAND neuron.** Choose weights and a bias."),
        new_code_cell(
            "from course_utils.exercises.neuron import check_nand_neuron, check_weighted_sum_prediction\n\n"
            "my_weights = None  # e.g. [w1, w2]\nmy_bias = None\nverdict = check_nand_neuron(my_weights, my_bias)"
        ),
        tagged(
            new_markdown_cell("<details><summary>Solution to exercise 1</summary>\n\n-2, -2, 3</details>"), "solution"
        ),
        tagged(new_code_cell("weights = [-2, -2]\nassert check_nand_neuron(weights, 3)"), "solution"),
        new_markdown_cell("**Exercise 2: is it linear? (run it and judge)** Try it."),
        new_code_cell("# your experiment here"),
        new_markdown_cell("**Exercise 3 (open): predict.**"),
        new_code_cell("my_guess = None"),
        new_code_cell("y = x + 1\ncheck_weighted_sum_prediction(my_guess, y)"),
        new_markdown_cell("## Further reading\n\n- [A book](https://example.org)"),
    ]
    return nb


def cells_by_id(nb):
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def test_a_notebook_becomes_nbgrader_cells_with_the_course_solution_and_a_hidden_fresh_check():
    nb, exercises = teach.convert(tiny_notebook())
    nbgrader_format.MetadataValidator().validate_nb(nb)
    cells = cells_by_id(nb)
    assert not any("Solution to" in c.source or "assert check_nand" in c.source for c in nb.cells)
    answer = cells["exercise-1-answer"]
    assert answer.metadata.nbgrader == {
        "schema_version": 3,
        "grade": False,
        "solution": True,
        "locked": False,
        "grade_id": "exercise-1-answer",
    }
    assert answer.source.endswith(
        "my_bias = None\n### BEGIN SOLUTION\nweights = [-2, -2]\nmy_weights = weights\nmy_bias = 3\n### END SOLUTION"
    )
    check = cells["exercise-1-check"]
    assert check.metadata.nbgrader["grade"] and check.metadata.nbgrader["locked"]
    assert check.metadata.nbgrader["points"] == teach.POINTS
    visible, hidden = check.source.split("### BEGIN HIDDEN TESTS")
    assert visible == "verdict = check_nand_neuron(my_weights, my_bias)\n"
    assert 'import_module("course_utils.exercises.neuron")' in hidden and hidden.endswith("### END HIDDEN TESTS")
    # lesson cells are locked; the experiment cell stays editable and ungraded
    assert all(cells[f"lesson-{i}"].metadata.nbgrader["locked"] for i in (0, 1, 2))
    experiment = next(c for c in nb.cells if c.source == "# your experiment here")
    assert "nbgrader" not in experiment.metadata
    # an answer cell of its own, checked in a later cell after lesson code: the lesson part is locked
    assert cells["exercise-3-answer"].source.startswith("my_guess = None\n### BEGIN SOLUTION\n")
    assert cells["lesson-8"].source == "y = x + 1" and cells["exercise-3-check"].metadata.nbgrader["points"] == 2
    assert [(e.number, e.status, e.points) for e in exercises] == [
        (1, teach.GRADED, 1),
        (2, teach.UNGRADED, 0),
        (3, teach.NO_REFERENCE, 2),
    ]


def run_cells(*sources):
    """Run cells in one namespace like a kernel would; (namespace, printed, error or None)."""
    namespace, printed = {}, io.StringIO()
    with contextlib.redirect_stdout(printed):
        try:
            for source in sources:
                exec(compile(source, "<cell>", "exec"), namespace)
        except AssertionError as error:
            return namespace, printed.getvalue(), error
    return namespace, printed.getvalue(), None


def test_the_hidden_check_passes_the_course_solution_and_no_redefined_or_patched_checker():
    nb, _ = teach.convert(tiny_notebook())
    cells = cells_by_id(nb)
    answer, check = cells["exercise-1-answer"].source, cells["exercise-1-check"].source
    placeholders = answer.split("### BEGIN SOLUTION")[0]
    assert run_cells(teach.solved(answer), check)[2] is None, "the course's solution earns the points"
    _, printed, error = run_cells(placeholders, check)
    assert error is not None and "Not answered yet" in str(error)
    redefined = placeholders + "def check_nand_neuron(*args):\n    print('✅ Correct!')\n    return True\n"
    assert run_cells(redefined, check)[2] is not None
    patched = placeholders + (
        "import course_utils.exercises.neuron as checks\nchecks.check_nand_neuron = lambda *args: True\n"
        "from course_utils.exercises import Verdict\nVerdict.__bool__ = lambda self: True\n"
    )
    neuron = sys.modules["course_utils.exercises.neuron"]
    original_bool, original_check = course_utils.exercises.Verdict.__bool__, neuron.check_nand_neuron
    try:
        assert run_cells(patched, check)[2] is not None
    finally:  # undo the patch in this process
        course_utils.exercises.Verdict.__bool__, neuron.check_nand_neuron = original_bool, original_check


@pytest.mark.parametrize("stem", [stem for stem, _ in course.existing_notebooks()])
def test_every_course_notebook_converts_and_every_checked_exercise_is_graded(stem):
    source = nbformat.read(course.notebook_path(stem), as_version=4)
    nb, exercises = teach.convert(source)
    nbformat.validate(nb)
    nbgrader_format.MetadataValidator().validate_nb(nb)
    assert exercises, f"{stem} has no exercises"
    assert not any(release.SOLUTION_TAG in c.metadata.get("tags", []) for c in nb.cells)
    cells = cells_by_id(nb)
    for exercise in exercises:
        graded = exercise.status != teach.UNGRADED
        assert (f"exercise-{exercise.number}-check" in cells) == graded, exercise
        assert (exercise.points > 0) == graded
        if exercise.status == teach.GRADED and exercise.answers:
            answer = cells[f"exercise-{exercise.number}-answer"].source
            solution = answer.split("### BEGIN SOLUTION\n")[1]
            assert all(f"{name} = " in solution for name in exercise.answers), (exercise, solution)
    # every cell a student may not change is locked; only answers and experiments stay editable
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader")
        if meta is None:
            assert cell.cell_type == "code" and all(line.startswith("#") for line in cell.source.splitlines())
        else:
            assert meta["locked"] != meta["solution"]


def test_source_writes_a_course_folder_and_says_what_it_leaves_ungraded(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "coursetools.teach", "source", str(tmp_path), "02", "05_activation_functions"],
        capture_output=True,
        text=True,
        cwd=course.ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "source" / "02_neuron" / "02_neuron.ipynb").exists()
    assert (tmp_path / "source" / "05_activation_functions" / "05_activation_functions.ipynb").exists()
    assert "02_neuron: 4 points" in done.stdout and "05_activation_functions: 5 points" in done.stdout
    assert "exercise 3: does the learning rate matter? (open: run it, then judge it yourself): 0 pt, ungraded" in (
        done.stdout
    )
    assert "one neuron on real digits (checked automatically; the question about 3 and 5 is open): 2 pt, graded" in (
        done.stdout
    )
    config = (tmp_path / "nbgrader_config.py").read_text()
    assert "c.Execute.timeout = 120" in config and "RLIMIT_AS, (4294967296, 4294967296)" in config
    refused = subprocess.run(
        [sys.executable, "-m", "coursetools.teach", "source", str(course.NOTEBOOK_DIR)],
        capture_output=True,
        text=True,
        cwd=course.ROOT,
    )
    assert refused.returncode == 2 and "holds the course notebooks" in refused.stderr


# --- end to end: nbgrader's own commands, a gradebook, a class of made-up students --------------------------

NEURON, LOSSES = "02_neuron", "06_loss_functions"
# 02's exercise 4 has no solution in the course: a student's own answer (the difference of the two mean digits).
OWN_DIGIT_ANSWER = """digit_images, digit_labels = digit_training_data()
w, b = np.zeros(digit_images.shape[1]), 0.0
for _ in range(20):  # the perceptron rule, written in a student's own way
    for x, t in zip(digit_images, digit_labels):
        error = t - int(x @ w + b > 0)
        w, b = w + error * x, b + error
my_digit_perceptron = lambda images: (images @ w + b > 0).astype(int)"""
REDEFINED = "\ndef {name}(*args, **kwargs):\n    print('✅ Correct!')\n    return True\n"
PATCHED = """my_bce = 0.5
import course_utils.exercises.losses as checks
from course_utils.exercises import Verdict

checks.check_binary_cross_entropy_by_hand = lambda *args: True
Verdict.__bool__ = lambda self: True"""


def students(release_nbs, source_nbs):
    """{(assignment, student): notebook} for the class of the end-to-end test."""
    neuron, neuron_source = release_nbs[NEURON], source_nbs[NEURON]
    losses, losses_source = release_nbs[LOSSES], source_nbs[LOSSES]
    everything = {NEURON: ["exercise-1-answer", "exercise-2-answer"], LOSSES: list(teach.answer_cells(losses))}

    def answer(nb, grade_id):
        return teach.answer_cells(nb)[grade_id].source

    neuron_tampered = teach.submission(
        neuron,
        neuron_source,
        answers={
            "exercise-2-answer": answer(neuron, "exercise-2-answer") + REDEFINED.format(name="check_nand_neuron"),
            "exercise-4-answer": answer(neuron, "exercise-4-answer") + '\nprint("Correct")\nprint("✅ Correct!")',
        },
    )
    losses_tampered = teach.submission(
        losses,
        losses_source,
        answers={
            "exercise-1-answer": answer(losses, "exercise-1-answer") + "\n" + PATCHED,
            "exercise-2-answer": answer(losses, "exercise-2-answer") + REDEFINED.format(name="check_bce_from_logits"),
            "exercise-3-answer": "my_choice = 1",
            "exercise-4-answer": answer(losses, "exercise-4-answer") + '\nprint("Correct")\nprint("✅ Correct!")',
        },
    )
    for nb, grade_id in ((neuron_tampered, "exercise-1-check"), (losses_tampered, "exercise-3-check")):
        next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id).source = "pass"
    return {
        # the runaways first, so that they run beside the others
        (LOSSES, "loops"): teach.submission(
            losses, losses_source, answers={"exercise-2-answer": "while True:\n    pass"}
        ),
        (NEURON, "hoards"): teach.submission(
            neuron,
            neuron_source,
            answers={"exercise-2-answer": "hoard = []\nwhile True:\n    hoard.append(b'1' * 10**8)"},
        ),
        (NEURON, "right"): teach.submission(
            neuron, neuron_source, everything[NEURON], {"exercise-4-answer": OWN_DIGIT_ANSWER}
        ),
        (LOSSES, "right"): teach.submission(losses, losses_source, everything[LOSSES]),
        (NEURON, "blank"): teach.submission(neuron, neuron_source),
        (LOSSES, "wrong"): teach.submission(
            losses,
            losses_source,
            ["exercise-2-answer", "exercise-4-answer"],
            {
                "exercise-1-answer": answer(losses, "exercise-1-answer") + "\nmy_bce = 0.580",
                "exercise-3-answer": "my_choice = 1",
            },
        ),
        (NEURON, "tampered"): neuron_tampered,
        (LOSSES, "tampered"): losses_tampered,
    }


EXPECTED = {  # (assignment, student): {test cell: points}
    (NEURON, "right"): {"exercise-1-check": 1, "exercise-2-check": 1, "exercise-4-check": 2},
    (NEURON, "blank"): {"exercise-1-check": 0, "exercise-2-check": 0, "exercise-4-check": 0},
    (NEURON, "tampered"): {"exercise-1-check": 0, "exercise-2-check": 0, "exercise-4-check": 0},
    (NEURON, "hoards"): {"exercise-1-check": 0, "exercise-2-check": 0, "exercise-4-check": 0},
    (LOSSES, "right"): {"exercise-1-check": 1, "exercise-2-check": 1, "exercise-3-check": 1, "exercise-4-check": 2},
    (LOSSES, "wrong"): {"exercise-1-check": 0, "exercise-2-check": 1, "exercise-3-check": 0, "exercise-4-check": 2},
    (LOSSES, "tampered"): {"exercise-1-check": 0, "exercise-2-check": 0, "exercise-3-check": 0, "exercise-4-check": 0},
    (LOSSES, "loops"): {"exercise-1-check": 0, "exercise-2-check": 0, "exercise-3-check": 0, "exercise-4-check": 0},
}


def output_errors(nb, grade_id):
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return [o.ename for o in cell.outputs if o.output_type == "error"]


@pytest.mark.slow
def test_a_class_graded_end_to_end_with_nbgraders_own_commands(tmp_path, monkeypatch):
    if course.OFFLINE_DATA_DIR.exists():
        monkeypatch.setenv("COURSE_DATA_DIR", str(course.OFFLINE_DATA_DIR))
    start = time.perf_counter()
    teach.write_source(tmp_path, [NEURON, LOSSES], cell_timeout=40)
    # One after the other: two nbgrader processes creating the gradebook at once race on its tables
    # ("table student already exists", seen once in CI).
    for stem in (NEURON, LOSSES):
        teach.nbgrader(tmp_path, "generate_assignment", stem)
    release_nbs, source_nbs = {}, {}
    for stem in (NEURON, LOSSES):
        release_nbs[stem] = nbformat.read(tmp_path / "release" / stem / f"{stem}.ipynb", as_version=4)
        source_nbs[stem] = nbformat.read(tmp_path / "source" / stem / f"{stem}.ipynb", as_version=4)
        assert "### BEGIN SOLUTION" not in str(release_nbs[stem]) and "HIDDEN TESTS" not in str(release_nbs[stem])
    made = students(release_nbs, source_nbs)
    for (assignment, student), nb in made.items():
        teach.place_submission(tmp_path, assignment, student, nb)

    # one nbgrader autograde per student, two at a time
    jobs = [(a, s) for a, s in made]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        statuses = dict(zip(jobs, pool.map(lambda job: teach.autograde_one(tmp_path, *job, timeout=300), jobs)))
    assert all(status == "graded" for status, _ in statuses.values()), statuses

    with nbgrader_api.Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        got = {(a, s): {g.name: g.score for g in gradebook.find_submission_notebook(a, a, s).grades} for a, s in made}
        max_scores = {a: gradebook.find_assignment(a).max_score for a in (NEURON, LOSSES)}
    assert got == EXPECTED
    assert max_scores == {NEURON: 4, LOSSES: 5}

    # the runaways were stopped by the cell time limit and the memory limit, and the notebooks ran on
    loops = nbformat.read(tmp_path / "autograded" / "loops" / LOSSES / f"{LOSSES}.ipynb", as_version=4)
    assert "CellTimeoutError" in output_errors(loops, "exercise-2-answer")
    hoards = nbformat.read(tmp_path / "autograded" / "hoards" / NEURON / f"{NEURON}.ipynb", as_version=4)
    assert output_errors(hoards, "exercise-2-answer") == ["MemoryError"]
    # a test cell edited to `pass` is restored from the gradebook before grading
    tampered = nbformat.read(tmp_path / "autograded" / "tampered" / LOSSES / f"{LOSSES}.ipynb", as_version=4)
    assert output_errors(tampered, "exercise-3-check") == ["AssertionError"]

    with subprocess.Popen(
        [sys.executable, "-m", "nbgrader", "generate_feedback", NEURON], cwd=tmp_path, stdout=subprocess.DEVNULL
    ) as other:
        teach.nbgrader(tmp_path, "generate_feedback", LOSSES)
    assert other.returncode == 0

    def feedback(assignment, student):
        return html.unescape((tmp_path / "feedback" / student / assignment / f"{assignment}.html").read_text())

    assert feedback(NEURON, "blank").count("Not answered yet") >= 3, "the blank submission is told what is missing"
    wrong = feedback(LOSSES, "wrong")
    assert "That is the sum of the two sample losses; the loss is their mean." in wrong, "the course's explanation"
    assert "Run the loop of section 7 with both losses from w = −1" in wrong

    teach.nbgrader(tmp_path, "export", "--to", str(tmp_path / "grades.csv"))
    with open(tmp_path / "grades.csv") as handle:
        grades = {(row["assignment"], row["student_id"]): float(row["score"]) for row in csv.DictReader(handle)}
    for key, points in EXPECTED.items():
        assert grades[key] == sum(points.values()), (key, grades[key])
    print(f"end to end: {time.perf_counter() - start:.0f} s; grading: {statuses}")


# A loop that swallows the interrupt the cell time limit sends: only the student time limit stops it.
STUBBORN_LOOP = """while True:
    try:
        while True:
            pass
    except BaseException:
        pass"""


@pytest.mark.slow
def test_a_stubborn_runaway_is_stopped_by_the_student_time_limit_and_leaves_no_kernel(tmp_path):
    nb = tiny_notebook()
    nb.cells = nb.cells[:6]
    source_dir = tmp_path / "source" / "tiny"
    source_dir.mkdir(parents=True)
    converted, _ = teach.convert(nb)
    nbformat.write(converted, source_dir / "tiny.ipynb")
    (tmp_path / "nbgrader_config.py").write_text(teach.nbgrader_config(cell_timeout=5))
    teach.nbgrader(tmp_path, "generate_assignment", "tiny")
    released = nbformat.read(tmp_path / "release" / "tiny" / "tiny.ipynb", as_version=4)
    stubborn = STUBBORN_LOOP
    submission = teach.submission(released, converted, answers={"exercise-1-answer": stubborn})
    teach.place_submission(tmp_path, "tiny", "stubborn", submission)
    status, seconds = teach.autograde_one(tmp_path, "tiny", "stubborn", timeout=60)
    # nbgrader gives up on the notebook when the interrupted cell never answers (or `grade` stops it at 60 s)
    assert status.startswith(("not graded: CellTimeoutError", "stopped after 60 s")), status
    assert seconds < 90
    time.sleep(3)  # a kernel whose nbgrader process is gone notices it, and quits
    assert not processes_in(tmp_path), "a grading kernel outlived its nbgrader process"
    with nbgrader_api.Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        stopped = gradebook.find_submission("tiny", "stubborn")
        assert stopped.score == 0 and stopped.needs_manual_grade, "zero, and flagged for the teacher to look at"


def processes_in(folder):
    """The processes whose working directory is inside ``folder`` (a grading kernel runs in autograded/)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and Path(folder).resolve() in Path(os.readlink(proc / "cwd")).parents:
                found.append(int(proc.name))
        except OSError:
            continue
    return found
