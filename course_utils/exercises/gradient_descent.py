"""Exercise checks for 07_gradient_descent."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, feedback, unanswered
from course_utils.gradient_descent import quadratic_closed_form


def check_third_step(x3) -> Verdict:
    """Exercise 1: x after 3 steps of gradient descent on L = x², from x = 8 with η = 0.1."""
    if unanswered(x3):
        return Verdict(False)
    want = quadratic_closed_form(8.0, 0.1, 3)
    if np.isclose(float(x3), 8 - 3 * 0.1 * 16):
        return feedback(False, "", "The gradient 2x changes after every step: recompute it at the new x each time.")
    return feedback(
        np.isclose(float(x3), want, atol=1e-6),
        f"Each step multiplies x by 1 − 2·0.1 = 0.8, so x₃ = 8·0.8³ = {want:.3f}.",
        "Do three steps x ← x − 0.1·2x by hand (8 → 6.4 → ...), or use the factor per step.",
    )


def check_divergence_threshold(learning_rate) -> Verdict:
    """Exercise 2: the learning rate above which gradient descent on L = 5x² diverges."""
    if unanswered(learning_rate):
        return Verdict(False)
    return feedback(
        np.isclose(float(learning_rate), 0.2),
        "The factor per step is 1 − 10η; it is below −1 (so |x| grows) exactly when η > 0.2.",
        "The gradient of 5x² is 10x, so a step multiplies x by 1 − 10η. For which η does |1 − 10η| exceed 1?",
    )
