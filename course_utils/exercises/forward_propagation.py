"""Exercise checks for 04_forward_propagation."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, feedback, unanswered
from course_utils.forward import DenseLayer, forward_trace

#: Exercise 1's sample and network: 2 inputs → 2 ReLU neurons → 1 linear output (a score).
EXERCISE_X = np.array([2.0, -1.0])
EXERCISE_LAYERS = [
    DenseLayer([[1.0, -1.0], [2.0, 1.0]], [1.0, 0.5], "relu"),
    DenseLayer([[3.0], [-2.0]], [-0.5], "linear"),
]


def check_hand_forward(hidden, output) -> Verdict:
    """Exercise 1: the hidden activations (two numbers) and the output of EXERCISE_LAYERS on EXERCISE_X."""
    if unanswered(hidden, output):
        return Verdict(False)
    trace = forward_trace(EXERCISE_X, EXERCISE_LAYERS)
    hidden = np.asarray(hidden, dtype=float).ravel()
    if hidden.shape != (2,):
        return feedback(False, "", f"`hidden` needs the two hidden activations, got {hidden.size} number(s).")
    if np.allclose(hidden, trace[0].z) and not np.allclose(hidden, trace[0].a):
        return feedback(False, "", "Those are the weighted sums plus bias; now apply ReLU: max(0, z).")
    if not np.allclose(hidden, trace[0].a):
        return feedback(False, "", "Recompute the hidden layer: z_j = x1·W[0, j] + x2·W[1, j] + b_j, then ReLU.")
    return feedback(
        np.isclose(float(np.ravel(output)[0]), trace[1].a[0]),
        f"hidden = {trace[0].a.tolist()}, output = 3·1 − 2·0 − 0.5 = {trace[1].a[0]:.1f}.",
        "The hidden layer is right; now the output: 3·h1 − 2·h2 − 0.5 (no activation).",
    )


def check_batch_shapes(w1_shape, z1_shape, output_shape) -> Verdict:
    """Exercise 2: shapes for a batch of 32 images through 784 → 128 → 10."""
    if unanswered(w1_shape, z1_shape, output_shape):
        return Verdict(False)
    answers = {"W1": w1_shape, "Z1": z1_shape, "output": output_shape}
    wanted = {"W1": (784, 128), "Z1": (32, 128), "output": (32, 10)}
    wrong = [name for name in wanted if tuple(answers[name]) != wanted[name]]
    return feedback(
        not wrong,
        "(32, 784) @ (784, 128) → (32, 128); (32, 128) @ (128, 10) → (32, 10): one row per image.",
        f"Check {', '.join(wrong)}. W has shape (inputs, neurons); a layer's output has one row per sample "
        "and one column per neuron.",
    )
