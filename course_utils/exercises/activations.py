"""Exercise checks for 05_activation_functions."""

from __future__ import annotations

import numpy as np

from course_utils import activations as act
from course_utils.exercises import Verdict, feedback, unanswered

#: Exercise 2: two linear layers (x @ W + b), to be collapsed into one.
W1 = np.array([[1.0, 2.0], [0.0, -1.0]])
B1 = np.array([1.0, 0.0])
W2 = np.array([[2.0], [1.0]])
B2 = np.array([-1.0])

_PROBE = np.array([-7.5, -2.0, -0.3, 0.0, 0.4, 1.0, 3.0, 12.0])


def check_leaky_relu(my_leaky_relu) -> Verdict:
    """Exercise 1: a function computing Leaky ReLU with negative slope 0.1 on a NumPy array."""
    if unanswered(my_leaky_relu):
        return Verdict(False)
    if not callable(my_leaky_relu):
        return feedback(False, "", f"Assign a function (def ...), not a {type(my_leaky_relu).__name__}.")
    try:
        got = np.asarray(my_leaky_relu(_PROBE.copy()), dtype=float)
    except Exception as error:  # the student's code may fail in any way; report it as a hint
        return feedback(False, "", f"Calling your function on an array raised {type(error).__name__}: {error}. "
                        "Use NumPy operations such as np.where that work on whole arrays.")
    want = act.leaky_relu(_PROBE, negative_slope=0.1)
    if got.shape != want.shape:
        return feedback(False, "", f"Return one value per input: expected shape {want.shape}, got {got.shape}.")
    wrong = [float(z) for z, g, w in zip(_PROBE, got, want) if not np.isclose(g, w)]
    return feedback(
        not wrong,
        "Positive inputs pass unchanged, negative ones are multiplied by 0.1, so the gradient is never exactly 0.",
        f"Wrong output for z = {wrong}. For z > 0 return z; otherwise return 0.1 * z.",
    )


def check_collapsed_layer(weights, bias) -> Verdict:
    """Exercise 2: the (W, b) of the one linear layer equal to x @ W1 + B1 followed by @ W2 + B2."""
    if unanswered(weights, bias):
        return Verdict(False)
    want_w, want_b = act.collapse_linear_layers([(W1, B1), (W2, B2)])
    weights, bias = np.asarray(weights, dtype=float), np.asarray(bias, dtype=float).reshape(-1)
    if weights.size != want_w.size:
        return feedback(False, "", f"W maps 2 inputs to 1 output, so it has shape {want_w.shape}; yours has {weights.size} numbers.")
    if not np.allclose(weights.reshape(want_w.shape), want_w):
        return feedback(False, "", "Recompute W: the combined weights are the matrix product W1 @ W2.")
    return feedback(
        bias.shape == want_b.shape and np.allclose(bias, want_b),
        f"W = W1 @ W2 = {want_w.ravel().tolist()} and b = b1 @ W2 + b2 = {want_b.tolist()}: two layers, one line.",
        "W is right. For b, push b1 through the second layer too: b = b1 @ W2 + b2.",
    )
