"""Exercise checks for 09_first_keras_network."""

from __future__ import annotations

import math

from course_utils.exercises import Verdict, feedback, unanswered


def _as_whole_number(value, name: str):
    """The answer as an int, or None (after printing a hint) when it is not a whole number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        feedback(False, "", f"`{name}` should be a whole number, got {value!r}.")
        return None
    if not number.is_integer():
        feedback(False, "", f"`{name}` should be a whole number, got {value!r}.")
        return None
    return int(number)


def check_fixed_model_parameters(n_parameters) -> Verdict:
    """Exercise 1: the parameter count of Input(2) → Dense(16, relu) → Dense(1, sigmoid)."""
    if unanswered(n_parameters):
        return Verdict(False)
    n = _as_whole_number(n_parameters, "n_parameters")
    if n is None:
        return Verdict(False)
    hidden, output = 2 * 16 + 16, 16 * 1 + 1
    if n == 2 * 16 + 16 * 1:
        return feedback(False, "", "You counted the weights but not the biases: every Dense unit also has one bias.")
    return feedback(
        n == hidden + output,
        f"Hidden layer 2·16 weights + 16 biases = {hidden}; output layer 16 weights + 1 bias = {output}; "
        f"total {hidden + output}. `model.count_params()` agrees.",
        "Count per layer: a Dense layer with n inputs and m units has n·m weights and m biases.",
    )


def check_gradient_steps(steps) -> Verdict:
    """Exercise 2: how many weight updates ``fit(X, y, epochs=300, batch_size=2)`` makes on the 4 XOR points."""
    if unanswered(steps):
        return Verdict(False)
    n = _as_whole_number(steps, "steps")
    if n is None:
        return Verdict(False)
    per_epoch = math.ceil(4 / 2)
    if n == 300:
        return feedback(False, "", "That is one step per epoch, true for the default batch size 32; with batch_size=2 "
                        "each epoch is split into several batches.")
    return feedback(
        n == 300 * per_epoch,
        f"Each epoch splits the 4 points into {per_epoch} batches of 2, one update per batch: "
        f"300 × {per_epoch} = {300 * per_epoch} steps.",
        "Steps = epochs × batches per epoch, and batches per epoch = ceil(samples / batch_size).",
    )
