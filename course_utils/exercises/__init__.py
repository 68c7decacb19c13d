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


class AnswerError(ValueError):
    """An answer of the wrong kind; its message is the one-line hint shown to the student."""


def as_whole_number(answer, what: str = "a count") -> int:
    """The answer as an int, or :class:`AnswerError` naming what is wrong (text, a fraction, a bool...)."""
    value = as_number(answer, what)
    if not value.is_integer():
        raise AnswerError(f"{what.capitalize()} is a whole number; {answer} is not.")
    return int(value)


def as_number(answer, what: str = "the answer") -> float:
    """The answer as a finite float, or :class:`AnswerError` with a one-line hint."""
    if isinstance(answer, bool):
        raise AnswerError(f"{what.capitalize()} is a number, not {answer}.")
    if isinstance(answer, str):
        raise AnswerError(f"{what.capitalize()} is a number, not the text {answer!r}: write it without quotes.")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        raise AnswerError(f"{what.capitalize()} is a number; got a {type(answer).__name__}.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerError(f"{what.capitalize()} must be a finite number, got {answer}.")
    return value


def parsed(parse, answer, what: str):
    """``(value, None)`` when ``parse`` accepts the answer, else ``(None, Verdict)`` after printing the hint.

    Every checker reads its answers through this, so a wrong kind of answer is a one-line hint,
    never a traceback::

        count, wrong = parsed(as_whole_number, count, "the parameter count")
        if wrong is not None:
            return wrong
    """
    try:
        return parse(answer, what), None
    except AnswerError as error:
        return None, feedback(False, "", str(error))
