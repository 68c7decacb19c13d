"""Exercise checks for 13_frameworks."""

from __future__ import annotations

from course_utils.exercises import Verdict, feedback, unanswered

#: Exercise 3: each description, and the framework of the notebook it describes.
FRAMEWORK_DESCRIPTIONS = {
    "A": "grad, jit and vmap are functions that transform other (pure) functions",
    "B": "records the computation graph while your Python code runs; backed by Meta",
    "C": "tf.function graphs, TensorFlow Lite and TensorFlow Serving for deployment",
    "D": "retired to the Apache attic; its last release needs NumPy older than 1.24",
    "E": "compile() and fit() write the training loop: the fewest lines in our table",
}
_MATCHES = {"A": "JAX", "B": "PyTorch", "C": "TensorFlow", "D": "MXNet", "E": "Keras"}


def check_param_count(n_params) -> Verdict:
    """Exercise 1: parameters of Dense(32, relu) on 20 inputs followed by Dense(3, softmax)."""
    if unanswered(n_params):
        return Verdict(False)
    expected = (20 * 32 + 32) + (32 * 3 + 3)
    if int(n_params) == 20 * 32 + 32 * 3:
        return feedback(False, "", "You counted the weights; every neuron also has one bias.")
    return feedback(
        int(n_params) == expected,
        f"(20·32 + 32) + (32·3 + 3) = 672 + 99 = {expected:,}: weights plus one bias per neuron.",
        "Each Dense layer has (inputs × neurons) weights plus one bias per neuron; add the two layers.",
    )


def check_derivative(value) -> Verdict:
    """Exercise 2: d/dx (x³ − 2x) at x = 3, computed with any framework's automatic differentiation."""
    if unanswered(value):
        return Verdict(False)
    value = float(value)
    if abs(value - 21.0) < 1e-4:  # f(3) = 27 - 6
        return feedback(False, "", "That is f(3), the function's value; ask the framework for the gradient.")
    return feedback(
        abs(value - 25.0) < 1e-4,
        "f'(x) = 3x² − 2, so f'(3) = 27 − 2 = 25: every framework's autodiff agrees.",
        "Differentiate f(x) = x**3 - 2*x at x = 3.0 (a float) with tf.GradientTape, torch's backward() or jax.grad.",
    )


def check_framework_match(matches) -> Verdict:
    """Exercise 3: a dict from each letter of FRAMEWORK_DESCRIPTIONS to a framework name."""
    if unanswered(matches) or unanswered(*matches.values()):
        return Verdict(False)
    if sorted(matches) != sorted(_MATCHES):
        return feedback(False, "", f"Give one framework for each letter {sorted(_MATCHES)}; got letters {sorted(matches)}.")
    wrong = sorted(letter for letter, name in matches.items() if str(name).strip().lower() != _MATCHES[letter].lower())
    return feedback(
        not wrong,
        "Each framework in one line: you can pick the right tool for a job.",
        f"Look again at {', '.join(wrong)}: the notebook's sections show each framework's style.",
    )
