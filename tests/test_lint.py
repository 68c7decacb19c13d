"""ruff (lint and format) is clean over the package, the machinery, the claims, the tests and the notebooks."""

import shutil
import subprocess
import sys

import pytest

from coursetools import course

PATHS = ["course_utils", "coursetools", "claims", "conftest.py", "tests", "notebooks"]


def ruff(*args):
    if (
        shutil.which("ruff") is None
        and subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True).returncode != 0
    ):
        pytest.skip("ruff is not installed: pip install -r requirements.txt")
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *PATHS], cwd=course.ROOT, capture_output=True, text=True
    )


def test_ruff_lint_is_clean():
    result = ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_ruff_format_is_clean():
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, "run: ruff format .\n" + result.stdout[-3000:]
