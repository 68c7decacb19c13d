"""Automatic checks for the exercises at the end of each notebook.

Every checker prints friendly feedback and returns ``True`` only for a correct
answer, so a notebook's solution cell can ``assert`` it. An answer left as
``None`` (the placeholder in the exercise cell) is reported as "not answered
yet" rather than raising, so the stored notebook always runs top to bottom.

One module per notebook, named after its topic (``neuron`` for 02_neuron, ...).
"""

from __future__ import annotations

NOT_ANSWERED = "✏️  Not answered yet: replace the None placeholder with your answer and run the cell again."


def feedback(correct: bool, success: str, hint: str) -> bool:
    """Print a success message or a hint, and return ``correct``."""
    print(f"✅ Correct! {success}" if correct else f"❌ Not quite. {hint}")
    return correct


def unanswered(*answers) -> bool:
    """True (after printing a reminder) when any answer is still the ``None`` placeholder."""
    if any(answer is None for answer in answers):
        print(NOT_ANSWERED)
        return True
    return False
