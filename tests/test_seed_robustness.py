"""Every notebook keeps its own claims under another seed: run through the batch runner with SEED 3.

The stored outputs are made with SEED = 0; every ``assert`` in a notebook must hold for SEED 0..4.
This runs each existing notebook with ``python -m coursetools.run NOTEBOOK -p SEED 3`` into a
temporary folder and fails with the runner's message (notebook, cell, failing line).
"""

import subprocess
import sys

import pytest

from coursetools import course

SEED = 3
STEMS = [stem for stem, _ in course.existing_notebooks()]


@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_notebook_claims_hold_for_another_seed(stem, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "coursetools.run",
            stem,
            "-p",
            "SEED",
            str(SEED),
            "--output-dir",
            str(tmp_path),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    failures = [line for line in result.stderr.splitlines() if line.startswith(("FAILED", "error:"))]
    assert result.returncode == 0, "\n".join(failures) or result.stderr[-2000:]
    assert (tmp_path / f"{stem}.ipynb").is_file()
