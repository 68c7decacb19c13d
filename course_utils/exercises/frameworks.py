"""Exercise checks for 13_frameworks."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, as_number, feedback, parsed, unanswered

#: Exercise 2: each description, and the framework of the notebook it describes.
FRAMEWORK_DESCRIPTIONS = {
    "A": "grad, jit and vmap are functions that transform other (pure) functions",
    "B": "records the computation graph while your Python code runs; governed by the PyTorch Foundation",
    "C": "tf.function graphs; SavedModel, TensorFlow Serving and LiteRT for deployment",
    "D": "retired to the Apache attic; its last release fails to import next to a current NumPy",
    "E": "compile() and fit() write the training loop: the fewest lines in section 6's table",
}
_MATCHES = {"A": "JAX", "B": "PyTorch", "C": "TensorFlow", "D": "MXNet", "E": "Keras"}

#: Exercise 3: the learning rates the student tries.
RATES = (0.5, 0.9, 1.1, 1.5)

#: Exercise 4: the curve to follow, the points it is checked on, and the target.
CURVE_POINTS = 201
CURVE_TARGET_MSE = 1e-3


def check_derivative(value) -> Verdict:
    """Exercise 1: d/dx (x³ − 2x) at x = 3, computed with any framework's automatic differentiation."""
    if unanswered(value):
        return Verdict(False)
    value, wrong = parsed(as_number, value, "the derivative")
    if wrong is not None:
        return wrong
    if abs(value - 21.0) < 1e-4:  # f(3) = 27 - 6
        return feedback(False, "", "That is f(3), the function's value; ask the framework for the gradient.")
    return feedback(
        abs(value - 25.0) < 1e-4,
        "f'(x) = 3x² − 2, so f'(3) = 27 − 2 = 25: every framework's autodiff agrees.",
        "Differentiate f(x) = x**3 - 2*x at x = 3.0 (a float) with tf.GradientTape, torch's backward() or jax.grad.",
    )


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
    wrong = sorted(letter for letter, name in matches.items() if str(name).strip().lower() != _MATCHES[letter].lower())
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


def check_largest_stable_rate(x, rate) -> Verdict:
    """Exercise 3: the largest of RATES with which the line fit on the points ``x`` still converges."""
    if unanswered(rate):
        return Verdict(False)
    rate, wrong = parsed(as_number, rate, "the learning rate")
    if wrong is not None:
        return wrong
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
        values = _as_values(predict(x))
    except Exception as error:  # the student's code: say what went wrong in one line
        return feedback(
            False,
            "",
            f"Calling predict on a NumPy array of {CURVE_POINTS} x values failed: "
            f"{type(error).__name__}: {error}".splitlines()[0],
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
