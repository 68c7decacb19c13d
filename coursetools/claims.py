"""The claims of a notebook: every number its prose states, checked outside the student's reading path.

A notebook teaches; ``claims/NN_name.py`` proves what it says. The claims file is run in the notebook's
own kernel right after its last cell, with the notebook's variables in scope (as testbook reads them),
one top-level statement at a time, so that one broken claim never hides the others::

    # claims/12_generalisation.py
    rise = val_loss[-1] / min(val_loss) - 1
    claim("the validation loss rises at least 15% after its minimum", f"{rise:.1%}", rise >= 0.15)

``claim(words, got, holds)`` records the sentence, the value it got (shown when the claim fails) and
whether it holds. A statement that raises is recorded as a failed claim named by its line. Nothing the
claims file defines is left in the notebook's namespace.

The runner (``python -m coursetools.run``, ``--seeds`` for a sweep), the build (``python -m
coursetools.build``) and the test command (nbval, through ``tests/conftest.py``) all run the claims in
the same execution of the notebook, with :func:`cell_source` and :func:`parse`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from coursetools.course import ROOT

CLAIMS_DIR = ROOT / "claims"
#: The line the claims cell prints its results on (the only output it has).
MARKER = "course-claims-json:"
#: The tag of the cell the runner appends to run the claims; it never reaches a stored notebook.
TAG = "course-claims"

# Runs inside the kernel: only the standard library, nothing left behind but one printed line.
_EVALUATOR = """
def __course_claims(source, filename, namespace):
    import ast
    import json

    results = []

    def claim(words, got, holds):
        results.append({"words": str(words), "got": got if isinstance(got, str) else str(got), "held": bool(holds)})

    scope = dict(namespace)
    scope["claim"] = claim
    for node in ast.parse(source, filename).body:
        try:
            exec(compile(ast.Module(body=[node], type_ignores=[]), filename, "exec"), scope)
        except Exception as error:
            text = " ".join((ast.get_source_segment(source, node) or "").split())
            results.append(
                {
                    "words": f"{filename}, line {node.lineno}: {text[:160]}",
                    "got": f"{type(error).__name__}: {error}",
                    "held": False,
                }
            )
    print(MARKER + json.dumps(results))


__course_claims(SOURCE, FILENAME, globals())
del __course_claims
"""


@dataclass(frozen=True)
class Claim:
    words: str
    got: str
    held: bool

    def __str__(self) -> str:
        return f"{self.words}: got {self.got}"


def path_for(notebook: Path) -> Path:
    """``notebooks/11_mnist.ipynb`` -> ``claims/11_mnist.py``: the ``claims`` folder beside the notebooks' folder."""
    notebook = Path(notebook).resolve()
    return notebook.parent.parent / CLAIMS_DIR.name / f"{notebook.stem}.py"


def cell_source(notebook: Path) -> str | None:
    """The code that runs the notebook's claims file in its kernel, or None when it has none."""
    path = path_for(notebook)
    if not path.is_file():
        return None
    source = path.read_text(encoding="utf-8")
    return (
        _EVALUATOR.replace("MARKER", repr(MARKER))
        .replace("FILENAME", repr(f"claims/{path.name}"))
        .replace("SOURCE", repr(source))  # last: the claims' own text is never searched
        .strip()
    )


def parse(text: str) -> list[Claim] | None:
    """The claims from the claims cell's printed output, or None if it printed none (it did not run)."""
    for line in reversed(text.splitlines()):
        if line.startswith(MARKER):
            return [Claim(**item) for item in json.loads(line[len(MARKER) :])]
    return None


def failed(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if not c.held]


def stream_text(outputs) -> str:
    """The stdout text of a cell's outputs (nbformat output dicts)."""
    return "".join(
        "".join(o.get("text", "")) for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stdout"
    )
