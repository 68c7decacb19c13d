"""Exercise checks for 11_mnist."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, feedback, unanswered

SPLITS = ("train", "validation", "test")


def check_parameter_count(n_parameters) -> Verdict:
    """Exercise 1: the number of weights and biases of 784 → Dense(64) → Dense(10)."""
    if unanswered(n_parameters):
        return Verdict(False)
    expected = (784 + 1) * 64 + (64 + 1) * 10
    hidden_only = 784 * 64 + 64 * 10
    if int(n_parameters) == hidden_only:
        return feedback(False, "", "Close: you counted the weights but not the biases. Each unit has one bias too.")
    return feedback(
        int(n_parameters) == expected,
        f"(784 + 1)·64 + (64 + 1)·10 = {expected:,}: each unit has one weight per input plus a bias.",
        "Each Dense unit has one weight per input and one bias: (inputs + 1) × units, summed over both layers.",
    )


def check_per_digit_accuracy(matrix, answer) -> Verdict:
    """Exercise 2: from a confusion matrix, the fraction of each digit's images predicted correctly."""
    if unanswered(answer):
        return Verdict(False)
    matrix = np.asarray(matrix)
    expected = np.diag(matrix) / matrix.sum(axis=1)
    answer = np.asarray(answer, dtype=float)
    if answer.shape != expected.shape:
        return feedback(False, "", f"Give one number per digit: an array of shape {expected.shape}, got {answer.shape}.")
    if np.allclose(answer, np.diag(matrix) / matrix.sum(axis=0)):
        return feedback(False, "", "You divided by the column sums (how often each digit was *predicted*). "
                        "Rows are the true digits: divide by the row sums.")
    worst = int(expected.argmin())
    return feedback(
        np.allclose(answer, expected),
        f"The diagonal over the row sums. The hardest digit for this model is {worst} "
        f"({expected[worst]:.3f}); the easiest is {int(expected.argmax())} ({expected.max():.3f}).",
        "Correct predictions of digit d sit on the diagonal, matrix[d, d]; all images of digit d are row d.",
    )


def check_split_for_choosing_epochs(split) -> Verdict:
    """Exercise 3: which split to watch when choosing the number of epochs."""
    if unanswered(split):
        return Verdict(False)
    split = str(split).strip().lower()
    if split not in SPLITS:
        return feedback(False, "", f"Answer with one of {', '.join(repr(s) for s in SPLITS)}.")
    hints = {
        "train": "Training accuracy keeps rising as the network memorises its data; it cannot tell you when to stop.",
        "test": "Choosing anything by the test score makes that score optimistic: the test set must stay unseen until the end.",
    }
    return feedback(
        split == "validation",
        "Decisions (epochs, width, dropout) are made on the validation split; the test set is used once, at the end.",
        hints.get(split, ""),
    )
