"""Exercise checks for 06_loss_functions."""

from __future__ import annotations

import numpy as np

from course_utils import losses
from course_utils.exercises import Verdict, feedback, unanswered

#: Exercise 1: two samples, true labels and predicted probabilities of class 1.
LABELS = np.array([1.0, 0.0])
PROBABILITIES = np.array([0.8, 0.3])


def check_binary_cross_entropy_by_hand(value) -> Verdict:
    """Exercise 1: the binary cross-entropy of LABELS and PROBABILITIES, to 3 decimals."""
    if unanswered(value):
        return Verdict(False)
    want = losses.binary_cross_entropy(LABELS, PROBABILITIES)
    if np.isclose(float(value), -np.log(0.8) - np.log(0.7), atol=5e-4):
        return feedback(False, "", "That is the sum of the two sample losses; the loss is their mean.")
    if np.isclose(float(value), (-np.log(0.8) - np.log(0.3)) / 2, atol=5e-4):
        return feedback(False, "", "For the label-0 sample the loss is −log(1 − p), not −log p.")
    return feedback(
        np.isclose(float(value), want, atol=5e-4),
        f"(−log 0.8 − log 0.7) / 2 = {want:.3f}.",
        "Per sample: −log p if the label is 1, −log(1 − p) if it is 0 (natural log); then average.",
    )


def check_categorical_cross_entropy(my_cce) -> Verdict:
    """Exercise 2: a function (y_true one-hot, y_pred probabilities) -> mean categorical cross-entropy."""
    if unanswered(my_cce):
        return Verdict(False)
    if not callable(my_cce):
        return feedback(False, "", f"Assign a function (def ...), not a {type(my_cce).__name__}.")
    rng = np.random.default_rng(7)
    y_true = np.eye(4)[rng.integers(0, 4, size=6)]
    scores = rng.normal(size=(6, 4))
    y_pred = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    try:
        got = float(my_cce(y_true, y_pred))
    except Exception as error:  # the student's code may fail in any way; report it as a hint
        return feedback(False, "", f"Your function raised {type(error).__name__}: {error}.")
    want = losses.categorical_cross_entropy(y_true, y_pred)
    if np.isclose(got, want * len(y_true)):
        return feedback(False, "", "You summed over the samples; take the mean over samples (sum over classes only).")
    return feedback(
        np.isclose(got, want, atol=1e-6),
        "Only the true class's probability counts: the loss is the mean of −log p(true class).",
        f"For 6 samples your function gave {got:.4f}, the right value is {want:.4f}. "
        "Compute −Σ y·log p over each row's classes, then average the rows.",
    )
