"""Automatic checks for the exercises at the end of each notebook.

Every checker prints friendly feedback and returns a :class:`Verdict` that is
true only for a correct answer, so a notebook's solution cell can ``assert`` it.
A verdict displays as nothing, so a checker call can end a cell without echoing
``True``/``False`` under the feedback. An answer left as
``None`` (the placeholder in the exercise cell) is reported as "not answered
yet" rather than raising, so the stored notebook always runs top to bottom.

One module per notebook, named after its topic (``neuron`` for 02_neuron, ...).
"""

from __future__ import annotations

NOT_ANSWERED = "✏️  Not answered yet: replace the None placeholder with your answer and run the cell again."


class Verdict:
    """The result of a check: truthy when the answer is correct; displays as nothing in Jupyter."""

    def __init__(self, correct: bool):
        self.correct = bool(correct)

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return f"Verdict(correct={self.correct})"

    def _ipython_display_(self) -> None:
        """The feedback was already printed; show nothing more."""


def feedback(correct: bool, success: str, hint: str) -> Verdict:
    """Print a success message or a hint, and return the verdict."""
    print(f"✅ Correct! {success}" if correct else f"❌ Not quite. {hint}")
    return Verdict(correct)


def unanswered(*answers) -> bool:
    """True (after printing a reminder) when any answer is still the ``None`` placeholder."""
    if any(answer is None for answer in answers):
        print(NOT_ANSWERED)
        return True
    return False
