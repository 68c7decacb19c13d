"""The batch runner: names and types checked before running, real runs, failures named by cell."""

import json
import os
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursetools import course, execution, run

PARAMETERS = """\
SEED = 0
EPOCHS = 3
RATE = 0.5
NAME = "mlp"
VERBOSE = False
SIZES: list = [128, 64]
SAMPLES = 1000
DERIVED = SAMPLES * 2
"""


def make_notebook(path, parameters, *cells):
    nb = new_notebook()
    tagged = new_code_cell(parameters)
    tagged.metadata["tags"] = ["parameters"]
    nb.cells = [new_markdown_cell("# A tiny notebook"), tagged, *[new_code_cell(c) for c in cells]]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def runner(*args, env=None):
    """``python -m coursetools.run ARGS`` as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "coursetools.run", "--no-progress", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def outputs_text(path):
    nb = nbformat.read(path, as_version=4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


# --- the parameters cell -------------------------------------------------------------------------


def test_parameters_cell_is_parsed_without_running_it():
    declared = run.parse_parameters(PARAMETERS)
    assert list(declared) == ["SEED", "EPOCHS", "RATE", "NAME", "VERBOSE", "SIZES", "SAMPLES", "DERIVED"]
    assert declared["EPOCHS"].default == 3 and declared["EPOCHS"].type_name == "int"
    assert declared["SIZES"].default == [128, 64]
    assert not declared["DERIVED"].literal and declared["DERIVED"].type_name == "any"


def test_a_broken_parameters_cell_is_one_clear_error():
    with pytest.raises(run.RunError, match=r"not valid Python \(line 1"):
        run.parse_parameters("SEED = = 0", "the parameters cell of x")


@pytest.mark.parametrize(
    "declared, text, expected",
    [
        ("EPOCHS = 3", "5", 5),
        ("RATE = 0.5", "1", 1.0),
        ("RATE = 0.5", "1e-3", 0.001),
        ("NAME = 'mlp'", "cnn", "cnn"),
        ("NAME = 'mlp'", "3", "3"),
        ("VERBOSE = False", "true", True),
        ("VERBOSE = True", "0", False),
        ("SIZES = [128, 64]", "[32]", [32]),
        ("SHAPE = (28, 28)", "[14, 14]", (14, 14)),
        ("DERIVED = f(1)", "7", 7),
        ("NOTHING = None", "abc", "abc"),
    ],
)
def test_values_take_the_type_of_the_declared_default(declared, text, expected):
    parameter = next(iter(run.parse_parameters(declared).values()))
    value = run.convert(parameter, text, "nb")
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    "declared, text",
    [
        ("EPOCHS = 3", "abc"),
        ("EPOCHS = 3", "2.5"),
        ("RATE = 0.5", "fast"),
        ("VERBOSE = False", "maybe"),
        ("SIZES = [128]", "128"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(declared, text):
    parameter = next(iter(run.parse_parameters(declared).values()))
    with pytest.raises(run.RunError) as error:
        run.convert(parameter, text, "11_mnist")
    message = str(error.value)
    assert "\n" not in message and message.startswith("11_mnist: ") and parameter.name in message
    assert repr(text) in message and f"= {parameter.default!r}" in message


# --- choosing notebooks and parameters -----------------------------------------------------------


def test_course_notebooks_are_found_by_stem_number_file_name_or_path():
    path = course.notebook_path("02_neuron")
    for name in ("02_neuron", "02", "2", "02_neuron.ipynb", str(path), "notebooks/02_neuron.ipynb"):
        if name.startswith("notebooks/") and not (course.ROOT / name).exists():
            continue
        cwd = os.getcwd()
        try:
            os.chdir(course.ROOT)
            assert run.resolve_notebook(name) == path, name
        finally:
            os.chdir(cwd)


def test_an_unknown_notebook_is_one_line_listing_the_choices():
    with pytest.raises(run.RunError) as error:
        run.resolve_notebook("99_nope")
    assert "'99_nope'" in str(error.value) and "02_neuron" in str(error.value) and "\n" not in str(error.value)


def test_a_planned_notebook_not_written_yet_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(course, "NOTEBOOK_DIR", tmp_path)
    with pytest.raises(run.RunError, match=r"notebook 11_mnist is part of the course but .* does not exist yet"):
        run.resolve_notebook("11")


def test_an_unreadable_notebook_is_one_line(tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not json")
    with pytest.raises(run.RunError, match=r"^cannot read .*broken.ipynb: "):
        run.plan([str(broken)], [])


def test_default_selection_is_every_existing_notebook_in_course_order():
    jobs = run.plan([], [])
    assert [job.name for job in jobs] == [stem for stem, _ in course.existing_notebooks()]


def test_an_undeclared_parameter_is_refused_listing_the_declared_ones(tmp_path):
    path = make_notebook(tmp_path / "tiny.ipynb", PARAMETERS)
    with pytest.raises(run.RunError) as error:
        run.plan([str(path)], [("EPOCH", "1")])
    assert str(error.value) == (
        "tiny declares no parameter 'EPOCH'; declared: DERIVED, EPOCHS, NAME, RATE, SAMPLES, SEED, SIZES, VERBOSE"
    )


def test_with_several_notebooks_a_parameter_goes_to_those_declaring_it(tmp_path):
    first = make_notebook(tmp_path / "first.ipynb", "SEED = 0\nEPOCHS = 3")
    second = make_notebook(tmp_path / "second.ipynb", "SEED = 0")
    jobs = run.plan([str(first), str(second)], [("EPOCHS", "2"), ("SEED", "4")])
    assert [job.parameters for job in jobs] == [{"EPOCHS": 2, "SEED": 4}, {"SEED": 4}]
    with pytest.raises(run.RunError, match="none of the selected notebooks declares parameter 'LR'"):
        run.plan([str(first), str(second)], [("LR", "0.1")])


@pytest.fixture
def quick_file(tmp_path, monkeypatch):
    path = tmp_path / "quick.toml"
    monkeypatch.setattr(run, "QUICK_FILE", path)
    return path


def test_quick_uses_quick_toml_then_epochs_1_and_p_wins(tmp_path, quick_file):
    quick_file.write_text("[own]\nEPOCHS = 2\n\n[tiny]\nSAMPLES = 100\n")
    path = make_notebook(tmp_path / "tiny.ipynb", PARAMETERS)
    assert run.plan([str(path)], [], quick=True)[0].parameters == {"SAMPLES": 100}
    other = make_notebook(tmp_path / "other.ipynb", PARAMETERS)
    assert run.plan([str(other)], [], quick=True)[0].parameters == {"EPOCHS": 1}
    own = make_notebook(tmp_path / "own.ipynb", "EPOCHS = 10")
    assert run.plan([str(own)], [], quick=True)[0].parameters == {"EPOCHS": 2}
    assert run.plan([str(path)], [("EPOCHS", "2")], quick=True)[0].parameters == {"EPOCHS": 2, "SAMPLES": 100}
    assert run.plan([str(path)], [], quick=False)[0].parameters == {}


def test_a_quick_value_of_the_wrong_type_or_name_is_refused(tmp_path, quick_file):
    path = make_notebook(tmp_path / "tiny.ipynb", "EPOCHS = 3")
    quick_file.write_text('[tiny]\nEPOCHS = "fast"\n')
    with pytest.raises(run.RunError, match=r"tiny \(quick.toml\): EPOCHS expects an int"):
        run.plan([str(path)], [], quick=True)
    quick_file.write_text("[tiny]\nLAYERS = 2\n")
    with pytest.raises(
        run.RunError, match="quick.toml gives tiny a quick value for 'LAYERS', which it does not declare"
    ):
        run.plan([str(path)], [], quick=True)


def test_every_quick_value_of_the_course_names_a_declared_parameter():
    for name, values in run.quick_table().items():
        declared = run.read_declared(course.notebook_path(name))
        assert set(values) <= set(declared), name


@pytest.mark.parametrize(
    "args, expected",
    [
        (["no_such_notebook"], "error: unknown notebook 'no_such_notebook'"),
        (["TINY", "-p", "EPOCH", "1"], "error: tiny declares no parameter 'EPOCH'; declared: EPOCHS, SEED"),
        (["TINY", "-p", "EPOCHS", "abc"], "error: tiny: EPOCHS expects an int (declared EPOCHS = 3), got 'abc'"),
        (["TINY", "-p", "EPOCHS"], "error: argument -p/--parameter: expected 2 arguments"),
        (["TINY", "--output-dir", "TMP"], "holds the source notebooks"),
    ],
)
def test_bad_input_is_one_line_without_traceback(tmp_path, args, expected):
    path = make_notebook(tmp_path / "tiny.ipynb", "SEED = 0\nEPOCHS = 3", "print('ran')")
    args = [str(path) if a == "TINY" else str(tmp_path) if a == "TMP" else a for a in args]
    result = runner(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "out").exists()


# --- real runs -------------------------------------------------------------------------------------


def test_a_real_run_injects_parameters_in_the_notebook_folder_and_leaves_the_source_alone(tmp_path):
    folder = tmp_path / "course"
    folder.mkdir()
    path = make_notebook(
        folder / "tiny.ipynb",
        "EPOCHS = 3\nRATE = 0.5",
        "import os\nprint('cwd', os.getcwd())\nprint('data', os.environ.get('COURSE_DATA_DIR'))",
        "os.write(2, b'process-level noise\\n')  # like a C++ library log: not the runner's stderr",
        "print('epochs', EPOCHS, type(EPOCHS).__name__, 'rate', RATE)",
    )
    before = path.read_bytes()
    env = {k: v for k, v in os.environ.items() if k != "COURSE_DATA_DIR"}
    result = runner(path, "-p", "EPOCHS", "7", "--output-dir", tmp_path / "out", env=env)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == before
    text = outputs_text(tmp_path / "out" / "tiny.ipynb")
    assert f"cwd {folder}" in text
    offline = course.OFFLINE_DATA_DIR if course.OFFLINE_DATA_DIR.is_dir() else None
    assert f"data {offline}" in text  # only ../shared/data beside the checkout, never an invented folder
    assert "epochs 7 int rate 0.5" in text
    table = result.stdout.splitlines()
    assert table[0].split() == ["notebook", "seconds", "status"]
    assert table[2].split()[0] == "tiny" and table[2].split()[2] == "passed"
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr
    assert "process-level noise" not in result.stderr + result.stdout


def test_a_failing_notebook_exits_1_naming_the_notebook_and_the_cell(tmp_path):
    good = make_notebook(tmp_path / "good.ipynb", "SEED = 0", "print('fine')")
    bad = make_notebook(
        tmp_path / "bad.ipynb", "SEED = 0", "x = 1", "y = 2\nassert x == y, 'x is not y'\nprint('never')"
    )
    env = {**os.environ, "COURSE_DATA_DIR": str(tmp_path)}
    result = runner(good, bad, "-p", "SEED", "1", "--output-dir", tmp_path / "out", env=env)
    assert result.returncode == 1
    # The markdown title is cell 1, parameters cell 2: the assert is in cell 4, the third code cell.
    assert "FAILED bad: cell 4 (In [4]): AssertionError: x is not y at `assert x == y, 'x is not y'`" in result.stderr
    rows = {line.split()[0]: line.split()[-1] for line in result.stdout.splitlines()[2:4]}
    assert rows == {"good": "passed", "bad": "failed"}
    assert "never" not in outputs_text(tmp_path / "out" / "bad.ipynb")


def test_failing_line_is_taken_from_the_cells_frame():
    traceback = [
        "\x1b[31m---------\x1b[39m",
        "\x1b[31mValueError\x1b[39m  Traceback (most recent call last)",
        "Cell \x1b[32mIn[3]\x1b[39m, line 2\n      1 x = 1\n\x1b[32m----> 2\x1b[39m model.fit(x, epochs=EPOCHS)\n",
        "File lib.py:10, in fit()\n---> 10     raise ValueError('deep')\n",
    ]
    assert execution.failing_line(traceback) == "model.fit(x, epochs=EPOCHS)"
    assert execution.failing_line([], "assert ok") == "assert ok"


def course_like(tmp_path, name, parameters, *cells, claims_text=None):
    """A notebook in ``tmp/notebooks/`` with its claims file in ``tmp/claims/``, as in the course."""
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    path = make_notebook(tmp_path / "notebooks" / f"{name}.ipynb", parameters, *cells)
    if claims_text is not None:
        (tmp_path / "claims").mkdir(exist_ok=True)
        (tmp_path / "claims" / f"{name}.py").write_text(claims_text)
    return path


CLAIMS = """\
claim("EPOCHS is at least 3", EPOCHS, EPOCHS >= 3)
claim("the loss ends below 0.5", f"{loss:.2f}", loss < 0.5)
undefined_name
"""


def test_claims_run_after_the_last_cell_and_fail_by_their_words(tmp_path):
    nb = course_like(tmp_path, "claims", "EPOCHS = 3", "loss = 0.7 / EPOCHS", claims_text=CLAIMS)
    result = runner(nb, "--output-dir", tmp_path / "out")
    assert result.returncode == 1
    assert "failed (1 of 3 claims not held)" in result.stdout
    assert "claims.py, line 3: undefined_name: got NameError" in result.stderr
    executed = nbformat.read(tmp_path / "out" / "claims.ipynb", as_version=4)
    assert len(executed.cells) == 3 and "claim" not in outputs_text(tmp_path / "out" / "claims.ipynb")
    fixed = course_like(tmp_path, "fixed", "EPOCHS = 3", "loss = 0.7 / EPOCHS", claims_text=CLAIMS.rsplit("\n", 2)[0])
    result = runner(fixed, "--output-dir", tmp_path / "out")
    assert result.returncode == 0 and "passed (2 claims held)" in result.stdout, result.stdout + result.stderr
    low = runner(fixed, "-p", "EPOCHS", "1", "--output-dir", tmp_path / "out")
    assert low.returncode == 1
    assert "claim not held: EPOCHS is at least 3: got 1; the loss ends below 0.5: got 0.70" in low.stderr


def test_quick_is_a_smoke_run_that_does_not_check_claims(tmp_path):
    claimed = course_like(tmp_path, "claimed", "EPOCHS = 3", "loss = 0.7 / EPOCHS", claims_text=CLAIMS)
    crash = make_notebook(tmp_path / "crash.ipynb", "EPOCHS = 3", "undefined_name", "print('never')")
    result = runner(claimed, crash, "--quick", "--output-dir", tmp_path / "out")
    assert result.returncode == 1
    assert "FAILED crash: cell 3 (In [3]): NameError: name 'undefined_name' is not defined" in result.stderr
    assert "FAILED claimed" not in result.stderr
    rows = [line.split()[:3] for line in result.stdout.splitlines()[2:4]]
    assert rows == [["claimed", rows[0][1], "passed"], ["crash", rows[1][1], "failed"]]


def test_a_kernel_that_dies_is_a_failure_naming_the_cell_not_a_hang(tmp_path):
    path = make_notebook(
        tmp_path / "dies.ipynb", "SEED = 0", "print('before')", "import os\nos._exit(3)", "print('never')"
    )
    result = runner(path, "-p", "SEED", "1", "--output-dir", tmp_path / "out")
    assert result.returncode == 1
    # counted as in the source notebook: the title, the parameters, print('before'), then cell 4
    assert "FAILED dies: cell 4: DeadKernelError" in result.stderr, result.stderr
    partial = outputs_text(tmp_path / "out" / "dies.ipynb")  # what ran before is kept for inspection
    assert "before" in partial and "never" not in partial


# --- several names on one line, and the claim sweep ----------------------------------------------


def test_several_names_assigned_on_one_line_are_each_a_parameter():
    declared = run.parse_parameters("UNITS, RATE, EPOCHS = 16, 0.01, 300\nA, B = f(), 2\n")
    assert declared["RATE"].default == 0.01 and declared["RATE"].type_name == "float"
    assert declared["EPOCHS"].default == 300
    assert declared["A"].type_name == "any" and declared["B"].type_name == "any"


@pytest.mark.parametrize(
    ("text", "seeds"), [("0-3", [0, 1, 2, 3]), ("5", [5]), ("0,3,7", [0, 3, 7]), ("0-2,9", [0, 1, 2, 9])]
)
def test_seed_lists(text, seeds):
    assert run.parse_seeds(text) == seeds


@pytest.mark.parametrize("text", ["a-b", "1-", "-3", "1;2"])
def test_a_bad_seed_list_is_refused(text):
    with pytest.raises(Exception, match="seeds are written like 0-11"):
        run.parse_seeds(text)


def test_a_claim_sweep_lists_each_failing_claim_with_its_seeds_and_values(tmp_path):
    claims_text = 'claim("SEED is not 1", SEED, SEED != 1)\nclaim("SEED is below 2", f"SEED={SEED}", SEED < 2)\n'
    nb = course_like(tmp_path, "claims", "SEED = 0", "print('the last cell')", claims_text=claims_text)
    result = runner(nb, "--seeds", "0-2", "--output-dir", tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "claims: claims held for 1/3 seeds (2 claims)" in result.stdout
    assert "NOT HELD for SEED 1 (1): SEED is not 1" in result.stdout
    assert "NOT HELD for SEED 2 (SEED=2): SEED is below 2" in result.stdout
    assert "the last cell" in outputs_text(tmp_path / "out" / "seed_2" / "claims.ipynb")
    record = json.loads((tmp_path / "out" / "sweep.json").read_text())
    assert record["claims"]["SEED is below 2"] == {"0": "SEED=0", "1": "SEED=1", "2": "SEED=2  (NOT HELD)"}
    held = runner(nb, "--seeds", "0", "--output-dir", tmp_path / "out0")
    assert held.returncode == 0 and "claims held for 1/1 seeds" in held.stdout
    refused = runner(nb, "--seeds", "0-1", "-p", "SEED", "3", "--output-dir", tmp_path / "out1")
    assert refused.returncode == 2 and "--seeds sets SEED itself" in refused.stderr


def test_a_quick_run_side_by_side_computes_on_one_thread_per_kernel(tmp_path):
    show = "import os\nprint('threads', os.environ.get('TF_NUM_INTRAOP_THREADS'), os.environ.get('OMP_NUM_THREADS'))"
    paths = [make_notebook(tmp_path / f"{name}.ipynb", "SEED = 0", show) for name in ("first", "second")]
    for flags, folder, shown in ((["--quick", "--jobs", "2"], "quick", "threads 1 1"), (["--jobs", "2"], "full", "")):
        result = runner(*paths, *flags, "--output-dir", tmp_path / folder)
        assert result.returncode == 0, result.stderr
        for path in paths:
            printed = outputs_text(tmp_path / folder / path.name)
            assert ("threads 1 1" in printed) == bool(shown), printed


def test_jobs_runs_notebooks_side_by_side_and_reports_them_in_course_order(tmp_path):
    # Each notebook waits until the other has started: only two at a time can finish.
    waits = {
        name: f"import pathlib, time\npathlib.Path({str(tmp_path)!r}, {name!r}).touch()\n"
        f"deadline = time.time() + 60\n"
        f"while not pathlib.Path({str(tmp_path)!r}, {other!r}).exists() and time.time() < deadline:\n"
        "    time.sleep(0.1)\n"
        f"assert pathlib.Path({str(tmp_path)!r}, {other!r}).exists(), 'ran alone'"
        for name, other in (("first", "second"), ("second", "first"))
    }
    paths = [make_notebook(tmp_path / f"{name}.ipynb", "SEED = 0", code) for name, code in waits.items()]
    result = runner(*paths, "--jobs", "2", "--output-dir", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    rows = [line.split()[0] for line in result.stdout.splitlines()[2:4]]
    assert rows == ["first", "second"]
    assert "wall time with 2 notebooks at a time" in result.stdout
    refused = runner(paths[0], "--jobs", "0")
    assert refused.returncode == 2 and "--jobs is a whole number" in refused.stderr


def test_several_at_a_time_start_the_longest_expected_first_and_unknown_ones_before_them(tmp_path):
    jobs = [run.Job(tmp_path / f"{name}.ipynb", {}) for name in ("a", "b", "c", "d")]
    assert run.start_order(jobs) == [0, 1, 2, 3]  # nothing known: course order
    assert run.start_order(jobs, {"a": 2.0, "b": 9.0, "c": 5.0}) == [3, 1, 2, 0]


def test_expected_times_are_read_from_the_last_executed_copies(tmp_path):
    source = make_notebook(tmp_path / "timed.ipynb", "SEED = 0", "x = 1")
    broken = tmp_path / "out" / "broken.ipynb"
    broken.parent.mkdir()
    broken.write_text("{not json")
    jobs = [run.Job(source, {}), run.Job(tmp_path / "broken.ipynb", {}), run.Job(tmp_path / "never.ipynb", {})]
    assert run.previous_seconds(jobs, tmp_path / "out") == {}
    assert runner(source, "--output-dir", tmp_path / "out").returncode == 0
    seconds = run.previous_seconds(jobs, tmp_path / "out")
    assert list(seconds) == ["timed"] and 0 < seconds["timed"] < 60


def test_a_sweep_with_jobs_runs_two_seeds_side_by_side(tmp_path):
    # SEED 0 waits for SEED 1 to start and the other way round: only a sweep that runs two seeds at once ends.
    code = (
        f"import pathlib, time\npathlib.Path({str(tmp_path)!r}, str(SEED)).touch()\n"
        "deadline = time.time() + 60\n"
        f"while not pathlib.Path({str(tmp_path)!r}, str(1 - SEED)).exists() and time.time() < deadline:\n"
        "    time.sleep(0.1)\n"
        f"assert pathlib.Path({str(tmp_path)!r}, str(1 - SEED)).exists(), 'ran alone'"
    )
    nb = make_notebook(tmp_path / "pair.ipynb", "SEED = 0", code)
    result = runner(nb, "--seeds", "0-1", "--jobs", "2", "--output-dir", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "claims held for 2/2 seeds" in result.stdout
    assert (tmp_path / "out" / "seed_0" / "pair.ipynb").exists() and (
        tmp_path / "out" / "seed_1" / "pair.ipynb"
    ).exists()
