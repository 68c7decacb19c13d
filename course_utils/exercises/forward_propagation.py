"""Exercise checks for 04_forward_propagation."""

from __future__ import annotations

import numpy as np

from course_utils.activations import relu
from course_utils.exercises import (
    Verdict,
    as_array,
    as_number,
    as_shape,
    checker,
    feedback,
    unanswered,
)
from course_utils.forward_propagation import dense, forward


def linear(z):
    """No activation: the output layer's sums are its outputs (Keras' ``"linear"``)."""
    return z


#: Exercise 1's sample and network, as (W, b, activation) layers: 2 inputs → 2 ReLU neurons → 1 linear output.
EXERCISE_X = np.array([2.0, -1.0])
EXERCISE_LAYERS = [
    (np.array([[1.0, -1.0], [2.0, 1.0]]), np.array([1.0, 0.5]), relu),
    (np.array([[3.0], [-2.0]]), np.array([-0.5]), linear),
]
#: Exercise 4: the four inputs of a two-input gate and the XOR the hand-set network must output.
XOR_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_TARGETS = np.array([0.0, 1.0, 1.0, 0.0])


@checker
def check_hand_forward(hidden, output) -> Verdict:
    """Exercise 1: the hidden activations (two numbers) and the output of EXERCISE_LAYERS on EXERCISE_X."""
    if unanswered(hidden, output):
        return Verdict(False)
    hidden = as_array(hidden, "the hidden activations", 2)
    output = as_number(output, "the output")
    (W1, b1, _), (W2, b2, _) = EXERCISE_LAYERS
    sums = dense(EXERCISE_X, W1, b1, linear)
    want_hidden = relu(sums)
    want_output = dense(want_hidden, W2, b2, linear)[0]
    if np.allclose(hidden, sums) and not np.allclose(hidden, want_hidden):
        return feedback(False, "", "Those are the weighted sums plus bias; now apply ReLU: max(0, z).")
    if not np.allclose(hidden, want_hidden):
        return feedback(False, "", "Recompute the hidden layer: z_j = x1·W[0, j] + x2·W[1, j] + b_j, then ReLU.")
    if np.isclose(output, dense(sums, W2, b2, linear)[0]) and not np.isclose(output, want_output):
        return feedback(False, "", "The hidden layer is right, but the output used the sums from before ReLU.")
    return feedback(
        np.isclose(output, want_output),
        f"hidden = {want_hidden.tolist()}, output = 3·1 − 2·0 − 0.5 = {want_output:.1f}.",
        "The hidden layer is right; now the output: 3·h1 − 2·h2 − 0.5 (no activation).",
    )


@checker
def check_batch_shapes(w1_shape, z1_shape, output_shape) -> Verdict:
    """Exercise 2: shapes for a batch of 32 images through 784 → 128 → 10."""
    if unanswered(w1_shape, z1_shape, output_shape):
        return Verdict(False)
    answers = {}
    for name, answer in (("W1", w1_shape), ("Z1", z1_shape), ("output", output_shape)):
        answers[name] = as_shape(answer, f"the shape of {name}")
    wanted = {"W1": (784, 128), "Z1": (32, 128), "output": (32, 10)}
    wrong_names = [name for name in wanted if answers[name] != wanted[name]]
    return feedback(
        not wrong_names,
        "(32, 784) @ (784, 128) → (32, 128); (32, 128) @ (128, 10) → (32, 10): one row per image.",
        f"Check {', '.join(wrong_names)}. W has shape (inputs, neurons); a layer's output has one row per sample "
        "and one column per neuron.",
    )


@checker
def check_xor_weights(W1, b1, W2, b2) -> Verdict:
    """Exercise 4: weights of a 2 → 2 (ReLU) → 1 (no activation) network whose outputs are XOR exactly."""
    if unanswered(W1, b1, W2, b2):
        return Verdict(False)
    values = {}
    for name, answer, shape in (("W1", W1, (2, 2)), ("b1", b1, (2,)), ("W2", W2, (2, 1)), ("b2", b2, (1,))):
        values[name] = as_array(answer, name, shape)
    network = [(values["W1"], values["b1"], relu), (values["W2"], values["b2"], linear)]
    outputs = forward(XOR_INPUTS, network).ravel()
    shown = ", ".join(f"{value:.3g}" for value in outputs)
    return feedback(
        np.allclose(outputs, XOR_TARGETS, atol=1e-6),
        f"Your network outputs {shown} for (0, 0), (0, 1), (1, 0), (1, 1): XOR, with two ReLU neurons.",
        f"Your network outputs {shown} for (0, 0), (0, 1), (1, 0), (1, 1); XOR needs 0, 1, 1, 0. One idea: let "
        "both hidden neurons see x1 + x2, one of them shifted by a bias, and let the output subtract them.",
    )
