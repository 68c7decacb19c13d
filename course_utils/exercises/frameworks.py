"""Exercise checks for 13_frameworks."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, as_number, checker, feedback, first_line, unanswered

#: Exercise 2: each description, and the framework of the notebook it describes.
FRAMEWORK_DESCRIPTIONS = {
    "A": "grad, jit and vmap are functions that transform other (pure) functions",
    "B": "records the computation graph while your Python code runs; governed by the PyTorch Foundation",
    "C": "tf.function graphs; SavedModel, TensorFlow Serving and LiteRT for deployment",
    "D": "retired to the Apache attic; its last release fails to import next to a current NumPy",
    "E": "compile() and fit() write the training loop: the fewest lines in section 6's table",
}
_MATCHES = {"A": "JAX", "B": "PyTorch", "C": "TensorFlow", "D": "MXNet", "E": "Keras"}
#: Other names a student may fairly use for a framework (lower case): its import name, its long name.
_ALIASES = {
    "torch": "PyTorch",
    "tf": "TensorFlow",
    "tensorflow 2": "TensorFlow",
    "tf.keras": "Keras",
    "keras 3": "Keras",
    "mx": "MXNet",
    "apache mxnet": "MXNet",
    "jax.numpy": "JAX",
}

#: Exercise 3: the learning rates the student tries.
RATES = (0.5, 0.9, 1.1, 1.5)

#: Exercise 4: the curve to follow, the points it is checked on, and the target.
CURVE_POINTS = 201
CURVE_TARGET_MSE = 1e-3


def _one_number(answer, what: str) -> float:
    """A reader for a checker: a number, also as a framework's tensor or an array holding one number."""
    if hasattr(answer, "detach"):  # PyTorch, e.g. x.grad
        answer = answer.detach().cpu()
    if hasattr(answer, "numpy") and not isinstance(answer, np.ndarray):  # TensorFlow, PyTorch
        answer = answer.numpy()
    if isinstance(answer, np.ndarray) or type(answer).__module__.startswith("jax"):
        values = np.asarray(answer)
        if values.size == 1:
            answer = values.ravel()[0]
    return as_number(answer, what)


@checker
def check_derivative(value) -> Verdict:
    """Exercise 1: d/dx (x³ − 2x) at x = 3, computed with any framework's automatic differentiation."""
    if unanswered(value):
        return Verdict(False)
    value = _one_number(value, "the derivative")
    if abs(value - 21.0) < 1e-4:  # f(3) = 27 - 6
        return feedback(False, "", "That is f(3), the function's value; ask the framework for the gradient.")
    if abs(value - 27.0) < 1e-4:  # the derivative of x³ alone
        return feedback(False, "", "That is the derivative of x³ alone: the −2x term counts too.")
    return feedback(
        abs(value - 25.0) < 1e-4,
        "f'(x) = 3x² − 2, so f'(3) = 27 − 2 = 25: every framework's autodiff agrees.",
        "Differentiate f(x) = x**3 - 2*x at x = 3.0 (a float) with tf.GradientTape, torch's backward() or jax.grad.",
    )


@checker
def check_framework_match(matches) -> Verdict:
    """Exercise 2: a dict from each letter of FRAMEWORK_DESCRIPTIONS to a framework name."""
    if unanswered(matches):
        return Verdict(False)
    if not isinstance(matches, dict):
        return feedback(False, "", 'Give a dict from letter to framework, e.g. {"A": "JAX", ...}.')
    if unanswered(*matches.values()):
        return Verdict(False)
    if sorted(matches) != sorted(_MATCHES):
        return feedback(
            False, "", f"Give one framework for each letter {sorted(_MATCHES)}; got letters {sorted(matches)}."
        )

    def framework(name) -> str:
        word = str(name).strip().strip("'\"").strip().lower()
        return _ALIASES.get(word, word).lower()

    wrong = sorted(letter for letter, name in matches.items() if framework(name) != _MATCHES[letter].lower())
    return feedback(
        not wrong,
        "Each framework in one line: you can pick the right tool for a job.",
        f"Look again at {', '.join(wrong)}: the notebook's sections show each framework's style.",
    )


def stable_rate_limit(x) -> float:
    """The largest learning rate at which gradient descent on mean((w·x + b − y)²) still converges.

    The loss is a quadratic in (w, b) with Hessian 2·[[mean x², mean x], [mean x, 1]]; a step of size η
    shrinks the error along every direction only while η < 2 / (the Hessian's largest eigenvalue).
    """
    x = np.asarray(x, dtype=float).ravel()
    hessian = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    return float(2 / np.linalg.eigvalsh(hessian).max())


@checker
def check_largest_stable_rate(x, rate) -> Verdict:
    """Exercise 3: the largest of RATES with which the line fit on the points ``x`` still converges."""
    if unanswered(rate):
        return Verdict(False)
    rate = as_number(rate, "the learning rate")
    if not any(abs(rate - r) < 1e-9 for r in RATES):
        return feedback(False, "", f"Answer with one of the four rates you tried: {', '.join(map(str, RATES))}.")
    limit = stable_rate_limit(x)
    best = max(r for r in RATES if r < limit)
    if rate > limit:
        return feedback(
            False,
            "",
            f"With {rate}, look at the w and b you printed: each step overshoots by more "
            "than it corrects, so they grow instead of settling.",
        )
    return feedback(
        abs(rate - best) < 1e-9,
        f"For these points every rate below {limit:.3f} converges (2 divided by the loss's largest curvature, "
        f"close to 2 along b), so {best} is the largest of the four.",
        f"{rate} recovers the line, but a larger rate of the four does too: try them all.",
    )


def _as_values(output):
    """A framework's tensor (or anything array-like) as a flat NumPy array of floats."""
    if hasattr(output, "detach"):  # PyTorch
        output = output.detach().cpu()
    if hasattr(output, "numpy"):  # TensorFlow, PyTorch
        output = output.numpy()
    return np.asarray(output, dtype=float).ravel()


@checker
def check_curve_fit(predict) -> Verdict:
    """Exercise 4: ``predict`` follows y = sin(3x) on [-1, 1] with a mean squared error below CURVE_TARGET_MSE."""
    if unanswered(predict):
        return Verdict(False)
    if not callable(predict):
        return feedback(
            False, "", f"Pass the function itself (predict, without parentheses), not a {type(predict).__name__}."
        )
    x = np.linspace(-1, 1, CURVE_POINTS, dtype="float32")
    try:
        output = predict(x.copy())
    except Exception as error:  # the student's code: say what went wrong in one line
        return feedback(
            False,
            "",
            f"Calling predict on a NumPy array of {CURVE_POINTS} x values raised {type(error).__name__}: "
            f"{first_line(error)}",
        )
    if output is None:
        return feedback(False, "", "predict returned None: end it with a `return` of the predictions.")
    try:
        values = _as_values(output)
    except Exception:  # not numbers: text, a dict, a model object... (the checker's conversion, not the student's)
        return feedback(
            False, "", f"predict should return numbers, one per x (an array or a tensor); it returned {output!r:.60}."
        )
    if values.shape != (CURVE_POINTS,):
        return feedback(False, "", f"predict must return one value per x: {CURVE_POINTS} values, got {values.size}.")
    if not np.isfinite(values).all():
        return feedback(False, "", "Some predictions are nan or infinite: the training diverged (try a smaller step).")
    mse = float(np.mean((values - np.sin(3 * x)) ** 2))
    return feedback(
        mse < CURVE_TARGET_MSE,
        f"Mean squared error {mse:.2e}, below the target {CURVE_TARGET_MSE:g}: your network follows sin(3x).",
        f"Mean squared error {mse:.2e}; the target is below {CURVE_TARGET_MSE:g}. "
        "More hidden units, more steps or an adaptive optimizer (Adam) help.",
    )
