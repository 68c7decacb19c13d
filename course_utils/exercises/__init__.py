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

import numpy as np

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


def sentence(what: str) -> str:
    """``what`` with its first letter upper-case and the rest kept ("each number of W1" → "Each number of W1")."""
    return what[:1].upper() + what[1:]


def as_whole_number(answer, what: str = "a count") -> int:
    """The answer as an int, or :class:`AnswerError` naming what is wrong (text, a fraction, a bool...)."""
    value = as_number(answer, what)
    if not value.is_integer():
        raise AnswerError(f"{sentence(what)} is a whole number; {answer} is not.")
    return int(value)


def as_number(answer, what: str = "the answer") -> float:
    """The answer as a finite float, or :class:`AnswerError` with a one-line hint."""
    if isinstance(answer, bool):
        raise AnswerError(f"{sentence(what)} is a number, not {answer}.")
    if isinstance(answer, str):
        raise AnswerError(f"{sentence(what)} is a number, not the text {answer!r}: write it without quotes.")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        raise AnswerError(f"{sentence(what)} is a number; got a {type(answer).__name__}.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerError(f"{sentence(what)} must be a finite number, got {answer}.")
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


def as_array(answer, what: str, shape=None) -> np.ndarray:
    """The answer as finite floats (a list, a nested list or an array), or :class:`AnswerError` with a hint.

    ``shape`` an int: that many numbers, flattened (``[[1], [2]]`` is two numbers; a single number
    is accepted for one); a tuple: that shape (the right count of numbers in another layout is
    reshaped, e.g. ``[3, -2]`` for a (2, 1) column); None: any shape.
    """
    what_ = sentence(what)
    count = shape if isinstance(shape, int) else None
    wanted = f"a list of {count} numbers, e.g. [{', '.join(['0.5'] * count)}]" if count else "numbers"
    if isinstance(answer, str):
        raise AnswerError(f"{what_} should be {wanted}, not the text {answer!r}: write them without quotes.")
    if isinstance(answer, bool) or callable(answer) or (count is not None and count > 1 and np.ndim(answer) == 0):
        raise AnswerError(f"{what_} should be {wanted}, not {answer!r}.")
    try:
        items = np.asarray(answer, dtype=object)
    except ValueError:  # rows of different lengths that NumPy cannot line up
        raise AnswerError(f"{what_} should be {wanted}, with every row as long as the others.") from None
    values = np.array([as_number(item, f"each number of {what}") for item in items.ravel()]).reshape(items.shape)
    if count is not None:
        values = values.ravel()
        if values.size != count:
            raise AnswerError(f"{what_} needs exactly {count} number{'s' if count > 1 else ''}; got {values.size}.")
    elif shape is not None:
        if values.size != int(np.prod(shape)):
            raise AnswerError(f"{what_} needs shape {tuple(shape)}; got {values.shape}.")
        values = values.reshape(shape)
    return values


_COUNT_WORDS = {2: "two", 3: "three", 4: "four"}


def as_shape(answer, what: str = "the shape", length: int | None = None, example: str = "(2, 3)") -> tuple[int, ...]:
    """The answer as a shape, a tuple of positive whole numbers (``length`` of them when given), or a hint."""
    if isinstance(answer, (str, bool)) or np.ndim(answer) != 1 or (length is not None and len(answer) != length):
        count = f"{_COUNT_WORDS.get(length, length)} whole numbers" if length else "a tuple of whole numbers"
        raise AnswerError(f"{sentence(what)} is a shape: {count}, e.g. {example}; got {answer!r}.")
    shape = tuple(as_whole_number(size, f"each size in {what}") for size in answer)
    if not shape or min(shape) < 1:
        raise AnswerError(f"{sentence(what)} is made of positive sizes; got {answer!r}.")
    return shape


def as_choice(options):
    """A parser for :func:`parsed`: the answer as one of the words ``options`` (case, spaces and quotes ignored)."""

    def parse(answer, what: str) -> str:
        listed = " or ".join(repr(option) for option in options)
        if not isinstance(answer, str):
            raise AnswerError(f"{sentence(what)} is one of the words {listed}, in quotes; got {answer!r}.")
        word = answer.strip().strip("'\"").strip().lower()
        for option in options:
            if word == option.lower():
                return option
        raise AnswerError(f"{sentence(what)} is one of the words {listed}; got {answer!r}.")

    return parse


def model_accuracy(model, x, y, classes: int = 10):
    """``(accuracy, None)`` of a student's classifier on ``(x, y)``, else ``(None, Verdict)`` after a hint.

    The model is the student's: whatever ``predict`` raises, or an output that is not one score per
    class, becomes a one-line hint instead of a traceback.
    """
    try:
        scores = np.asarray(model.predict(x, verbose=0))
    except Exception as error:  # the student's model: report, don't crash the notebook
        return None, feedback(False, "", f"model.predict raised {type(error).__name__}: {error}".splitlines()[0])
    if scores.shape != (len(y), classes):
        hint = f"The model should output {classes} scores per image; it outputs shape {scores.shape}."
        return None, feedback(False, "", hint)
    return float(np.mean(scores.argmax(axis=1) == np.asarray(y))), None
