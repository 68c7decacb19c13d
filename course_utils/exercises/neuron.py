"""Exercise checks for 02_neuron."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, feedback, unanswered
from course_utils.perceptron import GATE_INPUTS, GATE_TARGETS, step


def check_nand_neuron(weights, bias) -> Verdict:
    """Exercise 1: weights and bias with which step(w·x + b) computes NAND on all four inputs."""
    if unanswered(weights, bias):
        return Verdict(False)
    weights = np.asarray(weights, dtype=float)
    if weights.shape != (2,):
        return feedback(False, "", f"`weights` needs exactly two numbers, one per input; got shape {weights.shape}.")
    outputs = step(GATE_INPUTS @ weights + float(bias))
    wrong = [tuple(int(v) for v in x) for x, out, want in zip(GATE_INPUTS, outputs, GATE_TARGETS["NAND"]) if out != want]
    return feedback(
        not wrong,
        "Your neuron outputs 1 1 1 0: NAND. (Any NAND gate can build every other logic gate.)",
        f"Your neuron is wrong on input(s) {wrong}. NAND is 0 only for (1, 1): try negative weights "
        "and a positive bias that only both inputs together can overcome.",
    )


def check_weighted_sum_prediction(weighted_sum, output) -> Verdict:
    """Exercise 2: the weighted sum and output of the neuron w=(0.5, -1.0), b=0.2 on x=(2.0, 1.0)."""
    if unanswered(weighted_sum, output):
        return Verdict(False)
    expected_sum = 0.5 * 2.0 + (-1.0) * 1.0 + 0.2
    if not np.isclose(float(weighted_sum), expected_sum):
        return feedback(False, "", "Recompute the weighted sum: multiply each input by its weight, add them, then add the bias.")
    return feedback(
        int(output) == int(step(expected_sum)),
        f"z = 0.5·2.0 − 1.0·1.0 + 0.2 = {expected_sum:.1f} > 0, so the step outputs 1.",
        "Your sum is right, but the step outputs 1 when z > 0 and 0 otherwise.",
    )
