"""The student-simulation tests can fail: run against checkers loosened on purpose, every one turns red."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # one pytest run per exercise file, each importing TensorFlow

HERE = Path(__file__).parent
SIMULATIONS = sorted(path.name for path in HERE.glob("test_exercises_*.py") if path.name != "test_exercises_common.py")


@pytest.mark.parametrize("name", SIMULATIONS)
def test_a_loosened_checker_turns_the_simulation_red(name):
    path = os.pathsep.join(filter(None, [str(HERE / "plugins"), os.environ.get("PYTHONPATH")]))
    # -n 0: this run is one worker's child; it runs its one file in-process rather than spawning workers of its own
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-n",
        "0",
        "-x",
        "-q",
        "-p",
        "loosened_checkers",
        "-p",
        "no:cacheprovider",
    ]
    done = subprocess.run(
        [*command, str(HERE / name)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        cwd=HERE.parent,
        timeout=600,
    )
    assert done.returncode == 1, f"{name} stayed green with every checker saying 'Correct!':\n{done.stdout[-1500:]}"
    assert "1 failed" in done.stdout
