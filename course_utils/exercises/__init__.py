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

import functools
import re

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


def checker(check):
    """Decorates every checker: an answer of the wrong kind is a one-line hint, never a traceback.

    A checker reads its answers with the ``as_...`` readers below, which raise :class:`AnswerError`
    saying what is wrong; this turns that error into the hint and a false :class:`Verdict`::

        @checker
        def check_parameter_count(count):
            count = as_whole_number(count, "the parameter count")
            ...
    """

    @functools.wraps(check)
    def checked(*args, **kwargs):
        try:
            return check(*args, **kwargs)
        except AnswerError as error:
            return feedback(False, "", str(error))

    return checked


def _is_scalar(answer) -> bool:
    """True for a single number; a list, even one whose rows differ in length, is not."""
    return not isinstance(answer, (list, tuple, np.ndarray)) and np.ndim(answer) == 0


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
    if isinstance(answer, bool) or callable(answer) or (count is not None and count > 1 and _is_scalar(answer)):
        raise AnswerError(f"{what_} should be {wanted}, not {answer!r}.")
    if isinstance(answer, np.ndarray) and answer.dtype.kind in "iuf":  # numbers already: none read one by one
        values = answer.astype(float)
        if not np.isfinite(values).all():
            raise AnswerError(f"{what_} must be finite numbers; some are NaN or infinite.")
    else:
        try:
            items = np.asarray(answer, dtype=object)
        except ValueError:  # rows of different lengths that NumPy cannot line up
            raise AnswerError(f"{what_} should be {wanted}, with every row as long as the others.") from None
        if any(isinstance(item, (list, tuple, np.ndarray)) for item in items.ravel()):  # rows of different lengths
            raise AnswerError(f"{what_} should be {wanted}, with every row as long as the others.")
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
    flat = isinstance(answer, (list, tuple, np.ndarray)) and all(np.ndim(size) == 0 for size in answer)
    if isinstance(answer, (str, bool)) or not flat or (length is not None and len(answer) != length):
        count = f"{_COUNT_WORDS.get(length, length)} whole numbers" if length else "a tuple of whole numbers"
        raise AnswerError(f"{sentence(what)} is a shape: {count}, e.g. {example}; got {answer!r}.")
    shape = tuple(as_whole_number(size, f"each size in {what}") for size in answer)
    if not shape or min(shape) < 1:
        raise AnswerError(f"{sentence(what)} is made of positive sizes; got {answer!r}.")
    return shape


def as_choice(options):
    """A reader for a checker: the answer as one of the words ``options`` (case, spaces and quotes ignored)."""

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


def first_line(error: BaseException) -> str:
    """The line of an exception's message that says what went wrong (Keras puts a preamble first)."""
    boilerplate = ("Exception encountered when calling", "Arguments received")
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in str(error).splitlines()]
    lines = [line for line in lines if line and not line.startswith(boilerplate)]
    return lines[0] if lines else type(error).__name__


def call_student(function, *args, what: str = "your function", returns: str = "a number", shape=None):
    """``(value, None)`` from calling the student's ``function(*args)``, else ``(None, Verdict)`` after a hint.

    ``returns`` is ``"a number"`` (the value as a float) or ``"an array"`` (a float array, of ``shape``
    when given). Whatever the function raises or returns, the student reads one line saying what is
    wrong and what to do, never a traceback or an error of the checker's own making.
    """
    if function is None:
        print(NOT_ANSWERED)
        return None, Verdict(False)
    if not callable(function):
        return None, feedback(False, "", f"Assign a function (def ...) to {what}, not a {type(function).__name__}.")
    try:
        with np.errstate(all="ignore"):
            value = function(*[arg.copy() if isinstance(arg, np.ndarray) else arg for arg in args])
    except Exception as error:  # the student's code may fail in any way: report it in one line
        return None, feedback(False, "", f"Calling {what} raised {type(error).__name__}: {first_line(error)}")
    if value is None:
        return None, feedback(False, "", f"{sentence(what)} returned None: end it with a `return` of {returns}.")
    try:
        if returns == "a number":
            if np.ndim(value) != 0 and np.size(value) != 1:
                raise AnswerError(
                    f"{sentence(what)} should return one number; it returned {np.size(value)} values "
                    f"(shape {np.shape(value)}). Did you forget a sum or a mean?"
                )
            return as_number(np.asarray(value).ravel()[0] if np.ndim(value) else value, f"what {what} returns"), None
        return as_array(value, f"what {what} returns", shape), None
    except AnswerError as error:
        return None, feedback(False, "", str(error))


def model_ready(model, what: str = "the model"):
    """``(model, None)`` for a Keras model that has weights, else ``(None, Verdict)`` after a one-line hint."""
    if model is None:
        print(NOT_ANSWERED)
        return None, Verdict(False)
    if not hasattr(model, "predict"):
        return None, feedback(False, "", f"{sentence(what)} should be a Keras model; got a {type(model).__name__}.")
    if not getattr(model, "built", True) or (hasattr(model, "get_weights") and not model.get_weights()):
        return None, feedback(
            False,
            "",
            f"{sentence(what)} has no weights yet: start it with keras.Input(shape=...) and train it with fit, "
            "then run the check again.",
        )
    return model, None


def model_accuracy(model, x, y, classes: int = 10):
    """``(accuracy, None)`` of a student's classifier on ``(x, y)``, else ``(None, Verdict)`` after a hint.

    The model is the student's: a model without weights, one built for another input shape, whatever
    ``predict`` raises, or an output that is not one score per class, becomes a one-line hint instead
    of a traceback.
    """
    model, wrong = model_ready(model)
    if wrong is not None:
        return None, wrong
    expected = getattr(model, "input_shape", None) if getattr(model, "inputs", None) else None
    if isinstance(expected, tuple) and len(expected) > 1 and None not in expected[1:]:
        if tuple(expected[1:]) != tuple(np.shape(x)[1:]):
            hint = (
                f"The model expects inputs of shape {tuple(expected[1:])}, but these images have shape "
                f"{tuple(np.shape(x)[1:])}: build it with keras.Input(shape={tuple(np.shape(x)[1:])})."
            )
            return None, feedback(False, "", hint)
    try:
        scores = np.asarray(model.predict(x, verbose=0))
    except Exception as error:  # the student's model: report, don't crash the notebook
        return None, feedback(False, "", f"model.predict raised {type(error).__name__}: {first_line(error)}")
    if scores.shape != (len(y), classes):
        hint = f"The model should output {classes} scores per image; it outputs shape {scores.shape}."
        return None, feedback(False, "", hint)
    return float(np.mean(scores.argmax(axis=1) == np.asarray(y))), None


#: How far a model's score on the images it is judged on may exceed its score on images it never had,
#: beyond chance (three standard errors of the difference are added to it): more means it has seen them.
LEAK_MARGIN = 0.01


def accuracy_without_leak(model, judged, fresh, judged_name: str = "validation images", classes: int = 10):
    """``(accuracy on judged, None)``, else ``(None, Verdict)``; ``judged`` and ``fresh`` are ``(x, y)`` pairs.

    ``fresh`` is a slice of images the student never had (the checker holds it back). A model that
    trained on the ``judged`` images scores far higher on them than on ``fresh`` ones; that gap,
    beyond :data:`LEAK_MARGIN` plus three standard errors, is reported as the leak it is.
    """
    accuracy, wrong = model_accuracy(model, *judged, classes=classes)
    if wrong is not None:
        return None, wrong
    fresh_accuracy, wrong = model_accuracy(model, *fresh, classes=classes)
    if wrong is not None:
        return None, wrong
    p = min(max((accuracy + fresh_accuracy) / 2, 0.01), 0.99)
    standard_error = np.sqrt(p * (1 - p) * (1 / len(judged[1]) + 1 / len(fresh[1])))
    if accuracy - fresh_accuracy > LEAK_MARGIN + 3 * standard_error:
        hint = (
            f"Your model scores {accuracy:.3f} on the {judged_name} but only {fresh_accuracy:.3f} on "
            f"{len(fresh[1]):,} images it never had: it has seen the {judged_name} during training. A score on "
            f"images a model trained on measures its memory, not how well it generalises. Train on the training "
            f"images only and keep the {judged_name} for judging."
        )
        return None, feedback(False, "", hint)
    return accuracy, None
