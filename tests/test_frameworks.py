"""course_utils.frameworks: optional frameworks, the legacy MXNet runner, the line data."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from course_utils import frameworks
from course_utils.frameworks import (
    MXNetRunError,
    MXNetUnavailable,
    count_code_lines,
    install_hint,
    mxnet_available,
    mxnet_missing_message,
    mxnet_python,
    optional_import,
    run_in_mxnet,
)

ROOT = Path(__file__).resolve().parent.parent


# --- optional frameworks ------------------------------------------------------------------------


def test_missing_framework_prints_how_to_install_instead_of_raising(monkeypatch, capsys):
    monkeypatch.setattr(frameworks.importlib.util, "find_spec", lambda name: None)
    assert optional_import("torch") is None
    out = capsys.readouterr().out
    assert "PyTorch is not installed" in out and 'pip install -e ".[frameworks]"' in out
    assert optional_import("jax") is None
    assert "JAX is not installed" in capsys.readouterr().out


def test_install_hint_rejects_unknown_frameworks():
    with pytest.raises(ValueError, match="torch"):
        install_hint("caffe")


def test_optional_import_pins_jax_to_the_cpu_unless_the_user_chose(monkeypatch):
    pytest.importorskip("jax")
    monkeypatch.delenv("JAX_PLATFORMS", raising=False)
    assert optional_import("jax").__name__ == "jax"
    assert os.environ["JAX_PLATFORMS"] == "cpu"
    monkeypatch.setenv("JAX_PLATFORMS", "cpu,gpu")
    optional_import("jax")
    assert os.environ["JAX_PLATFORMS"] == "cpu,gpu"


# --- the legacy MXNet runner ---------------------------------------------------------------------


def test_mxnet_python_defaults_to_the_repository_venv_and_honours_the_override(monkeypatch):
    monkeypatch.delenv("COURSE_MXNET_PYTHON", raising=False)
    assert mxnet_python() == ROOT / ".venv-mxnet" / "bin" / "python"
    monkeypatch.setenv("COURSE_MXNET_PYTHON", "/somewhere/python")
    assert mxnet_python() == Path("/somewhere/python")


def test_missing_mxnet_env_gives_a_message_saying_how_to_create_it(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_MXNET_PYTHON", str(tmp_path / "no-such-python"))
    assert not mxnet_available()
    message = mxnet_missing_message()
    assert "bash tools/install_frameworks.sh" in message and str(tmp_path / "no-such-python") in message
    assert "COURSE_MXNET_PYTHON" in message and "Traceback" not in message
    with pytest.raises(MXNetUnavailable, match="install_frameworks.sh"):
        run_in_mxnet(_add, a=1, b=2)


def _add(a, b):
    print("adding", a, "and", b)
    return {"sum": a + b}


def _fail():
    import sys

    print("noise on stderr", file=sys.stderr)
    raise ZeroDivisionError("on purpose")


def _noisy():
    import sys

    print("a log line", file=sys.stderr)
    return [1, 2]


def test_run_in_mxnet_runs_our_function_in_another_interpreter(monkeypatch, capfd):
    monkeypatch.setenv("COURSE_MXNET_PYTHON", sys.executable)  # any Python shows the plumbing
    result = run_in_mxnet(_add, a=2, b=5)
    assert result.value == {"sum": 7} and result.stdout == "adding 2 and 5\n" and result.seconds >= 0
    assert run_in_mxnet(_noisy).value == [1, 2]
    assert capfd.readouterr().err == "", "the legacy interpreter's stderr must not leak"


def test_run_in_mxnet_failure_names_the_function_and_shows_its_error(monkeypatch):
    monkeypatch.setenv("COURSE_MXNET_PYTHON", sys.executable)
    with pytest.raises(MXNetRunError, match=r"_fail failed(.|\n)*ZeroDivisionError: on purpose"):
        run_in_mxnet(_fail)


def _pid():
    import os

    return os.getpid()


def _exit_hard():
    import os

    os._exit(3)


def _writes_below_python():
    import os

    os.write(1, b"C++ code writing to stdout\n")
    print("printed")
    return "fine"


def _sleep():
    import time

    time.sleep(30)


def test_run_in_mxnet_keeps_one_interpreter_and_replaces_one_that_stopped(monkeypatch):
    monkeypatch.setenv("COURSE_MXNET_PYTHON", sys.executable)
    first = run_in_mxnet(_pid).value
    assert run_in_mxnet(_pid).value == first, "MXNet is imported once, not once per call"
    with pytest.raises(MXNetRunError, match="_exit_hard failed.*the interpreter stopped"):
        run_in_mxnet(_exit_hard)
    assert run_in_mxnet(_pid).value != first


def test_output_written_below_python_does_not_garble_the_answer(monkeypatch, capfd):
    monkeypatch.setenv("COURSE_MXNET_PYTHON", sys.executable)
    result = run_in_mxnet(_writes_below_python)
    assert result.value == "fine" and result.stdout == "printed\n"
    assert capfd.readouterr().err == ""


def test_a_function_that_does_not_answer_is_stopped_after_the_timeout(monkeypatch):
    monkeypatch.setenv("COURSE_MXNET_PYTHON", sys.executable)
    run_in_mxnet(_pid)
    with pytest.raises(MXNetRunError, match="_sleep failed.*no answer within 0.5 s"):
        run_in_mxnet(_sleep, timeout=0.5)
    assert run_in_mxnet(_pid).value > 0, "a fresh interpreter answers the next call"


# --- MXNet next to this environment's NumPy ----------------------------------------------------

FAKE_MXNET = """
import numpy as onp
bool = onp.no_such_alias_in_numpy
"""


def fake_legacy_package(monkeypatch, tmp_path, source):
    package = tmp_path / "mxnet"
    package.mkdir()
    (package / "__init__.py").write_text("from . import utils\n")
    (package / "utils.py").write_text(source)
    legacy = frameworks.LegacyPackage(site=tmp_path, version="1.9.1", requires=["numpy<2.0.0,>1.16.0"])
    monkeypatch.setattr(frameworks, "legacy_mxnet_package", lambda: legacy)


def test_import_attempt_reports_the_error_and_the_line_of_mxnet_that_raised_it(monkeypatch, tmp_path):
    fake_legacy_package(monkeypatch, tmp_path, FAKE_MXNET)
    attempt = frameworks.try_mxnet_with_this_numpy()
    import numpy

    assert attempt.numpy_version == numpy.__version__  # this environment's NumPy, not the legacy one
    assert attempt.error.startswith("AttributeError") and "no_such_alias_in_numpy" in attempt.error
    assert attempt.location == "mxnet/utils.py, line 3" and attempt.code == "bool = onp.no_such_alias_in_numpy"


def test_import_attempt_that_succeeds_has_no_error(monkeypatch, tmp_path):
    fake_legacy_package(monkeypatch, tmp_path, "import numpy\n")
    attempt = frameworks.try_mxnet_with_this_numpy()
    assert attempt.error is None and attempt.location is None


def test_legacy_package_needs_the_legacy_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_MXNET_PYTHON", str(tmp_path / "none"))
    with pytest.raises(MXNetUnavailable, match="install_frameworks.sh"):
        frameworks.legacy_mxnet_package()


@pytest.mark.skipif(
    not mxnet_available(), reason="legacy MXNet environment not built (bash tools/install_frameworks.sh)"
)
def test_real_mxnet_fails_to_import_next_to_a_current_numpy():
    package = frameworks.legacy_mxnet_package()
    assert package.version == "1.9.1" and any(r.startswith("numpy<2") for r in package.requires)
    import numpy

    attempt = frameworks.try_mxnet_with_this_numpy()
    if tuple(int(part) for part in numpy.__version__.split(".")[:2]) >= (1, 24):
        assert attempt.error.startswith("AttributeError") and attempt.location.startswith("mxnet/")
    if numpy.__version__.startswith("2."):
        assert "PZERO" in attempt.code  # np.bool exists again in NumPy 2; the import stops a few lines later


# --- lines of code ------------------------------------------------------------------------------


def _documented(x):
    """A docstring

    over several lines."""
    # a comment
    y = x + 1

    return y


def test_count_code_lines_skips_def_docstring_comments_and_blanks():
    assert count_code_lines(_documented) == 2
    assert count_code_lines(_add) == 2


# --- the line data -------------------------------------------------------------------------------


def test_make_line_data_is_seeded_and_validated():
    x, y = frameworks.make_line_data(3, n=50)
    assert x.shape == y.shape == (50,) and x.dtype == y.dtype == "float32"
    assert (frameworks.make_line_data(3, n=50)[1] == y).all()
    with pytest.raises(ValueError, match="n must be an integer >= 2"):
        frameworks.make_line_data(0, n=1)


# --- the install script --------------------------------------------------------------------------


def test_install_script_fails_loudly_without_a_python():
    script = ROOT / "tools" / "install_frameworks.sh"
    completed = subprocess.run(
        ["bash", str(script)], env={**os.environ, "PYTHON": "no-such-python-here"}, capture_output=True, text=True
    )
    assert completed.returncode != 0 and "FAILED" in completed.stderr and "activate" in completed.stderr
