"""Exercise checks for 07_gradient_descent."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import (
    AnswerError,
    Verdict,
    as_number,
    as_whole_number,
    checker,
    feedback,
    sentence,
    unanswered,
)
from course_utils.gradient_descent import line_mse, line_mse_gradient

#: Exercise 3: the learning rates the student compares on the line fit.
LEARNING_RATES = (0.01, 0.1, 0.5, 0.9, 1.1)
#: Exercises 3 and 4: "at its floor" means within 1% of the least-squares loss.
FLOOR_MARGIN = 1.01
#: Exercise 4: the most steps allowed.
MAX_STEPS = 8


@checker
def check_third_step(x3) -> Verdict:
    """Exercise 1: x after 3 steps of gradient descent on L = x², from x = 8 with η = 0.1."""
    if unanswered(x3):
        return Verdict(False)
    x3 = as_number(x3, "your x after 3 steps")
    want = 8.0 * (1 - 2 * 0.1) ** 3  # each step multiplies x by 1 − 2η
    if np.isclose(x3, 8 - 3 * 0.1 * 16):
        return feedback(False, "", "The gradient 2x changes after every step: recompute it at the new x each time.")
    for steps in (1, 2, 4, 5):
        if abs(x3 - 8.0 * 0.8**steps) <= 5e-4:
            return feedback(False, "", f"Right rule, but that is x after {steps} step{'s' * (steps > 1)}; count again.")
    if abs(x3 - 0.8**3) <= 5e-4:
        return feedback(False, "", "That is the factor of three steps together; x started at 8.")
    if abs(x3 - round(want, 1)) < 1e-9 or abs(x3 - round(want, 2)) < 1e-9:
        return feedback(
            False, "", "Right, but rounded too much: after three steps x has three decimals; give them all."
        )
    return feedback(
        abs(x3 - want) <= 5e-4 + 1e-9,  # the exact value, or any correct rounding to 3 decimals
        f"Each step multiplies x by 1 − 2·0.1 = 0.8, so x₃ = 8·0.8³ = {want:.3f}.",
        "Do three steps x ← x − 0.1·2x by hand (8 → 6.4 → ...), or use the factor per step.",
    )


@checker
def check_divergence_threshold(learning_rate) -> Verdict:
    """Exercise 2: the learning rate above which gradient descent on L = 5x² diverges."""
    if unanswered(learning_rate):
        return Verdict(False)
    learning_rate = as_number(learning_rate, "the learning rate")
    if np.isclose(learning_rate, 0.1):
        return feedback(False, "", "At η = 0.1 the factor 1 − 10η is 0: one step lands on the minimum. Go further.")
    if np.isclose(learning_rate, 1.0):
        return feedback(False, "", "That is the limit for L = x² (section 3); the gradient of 5x² is steeper.")
    return feedback(
        np.isclose(learning_rate, 0.2),
        "The factor per step is 1 − 10η; it is below −1 (so |x| grows) exactly when η > 0.2.",
        "The gradient of 5x² is 10x, so a step multiplies x by 1 − 10η. For which η does |1 − 10η| exceed 1?",
    )


def steps_to_floor(x, y, learning_rate, steps: int = 300):
    """How many steps plain gradient descent from w = b = 0 needs to get within 1% of the least-squares loss.

    ``learning_rate`` is one number, or a pair (one for w, one for b). None when it never gets there.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    best = line_mse(x, y, *np.polyfit(x, y, 1))
    rates, params = np.broadcast_to(np.asarray(learning_rate, dtype=float), (2,)), np.zeros(2)
    for step in range(steps + 1):
        loss = line_mse(x, y, *params)
        if loss <= FLOOR_MARGIN * best:
            return step
        if not np.isfinite(loss) or loss > 1e12:
            return None
        params = params - rates * line_mse_gradient(x, y, *params)
    return None


@checker
def check_fastest_learning_rate(learning_rate, x, y) -> Verdict:
    """Exercise 3: which of LEARNING_RATES brings the line fit to its floor in the fewest steps."""
    if unanswered(learning_rate):
        return Verdict(False)
    learning_rate = as_number(learning_rate, "the learning rate")
    if not any(np.isclose(learning_rate, rate) for rate in LEARNING_RATES):
        tried = ", ".join(map(str, LEARNING_RATES))
        return feedback(False, "", f"Choose one of the learning rates you tried: {tried}.")
    counts = {rate: steps_to_floor(x, y, rate) for rate in LEARNING_RATES}
    table = ", ".join(f"{rate}: {'never' if n is None else n}" for rate, n in counts.items())
    fastest = min((n, rate) for rate, n in counts.items() if n is not None)[1]
    chosen = LEARNING_RATES[int(np.argmin([abs(learning_rate - rate) for rate in LEARNING_RATES]))]
    if counts[chosen] is None:  # the hints name what the chosen run does, never the other runs' counts
        hint = "never gets there: it diverges" if chosen > 1 else "never gets there in 300 steps: it crawls"
        return feedback(False, "", f"η = {chosen} {hint}. Compare the other runs' loss curves with the floor.")
    return feedback(
        chosen == fastest,
        f"Steps to the floor: {table}. Bigger is faster only up to a point: 0.9 already overshoots and zig-zags, "
        "and 1.1 diverges.",
        f"η = {chosen} gets there, but another rate gets there in fewer steps. For each run, find the first step "
        "whose loss is within 1% of the floor, and compare.",
    )


def _as_learning_rates(answer, what: str) -> np.ndarray:
    """One learning rate, or a pair (w, b): a positive number or two."""
    if isinstance(answer, (list, tuple, np.ndarray)):
        values = list(np.ravel(answer)) if isinstance(answer, np.ndarray) else list(answer)
        if len(values) != 2:
            raise AnswerError(f"{sentence(what)} is one number, or a pair (one for w, one for b).")
        rates = np.array([as_number(v, what) for v in values])
    else:
        rates = np.array([as_number(answer, what)] * 2)
    if np.any(rates <= 0):
        raise AnswerError(f"{sentence(what)} must be positive: it is the size of each step downhill.")
    return rates


@checker
def check_fast_fit(learning_rate, steps, x, y) -> Verdict:
    """Exercise 4: a learning rate (or one per parameter) and at most MAX_STEPS steps reaching the floor."""
    if unanswered(learning_rate, steps):
        return Verdict(False)
    rates = _as_learning_rates(learning_rate, "the learning rate")
    steps = as_whole_number(steps, "the number of steps")
    if not 0 <= steps <= MAX_STEPS:
        return feedback(False, "", f"The target is at most {MAX_STEPS} steps; you gave {steps}.")
    needed = steps_to_floor(x, y, rates, steps=steps)
    shown = f"{rates[0]:g}" if rates[0] == rates[1] else f"{rates[0]:g} for w and {rates[1]:g} for b"
    if needed is None:
        return feedback(
            False,
            "",
            f"With learning rate {shown}, {steps} steps do not reach 1% above the least-squares loss. "
            "Look at how differently the loss curves in w and in b: one learning rate is a compromise.",
        )
    per_parameter = rates[0] != rates[1]
    return feedback(
        True,
        f"With learning rate {shown} the fit reaches its floor after {needed} steps."
        + (
            " A step size per parameter is the idea behind optimizers such as Adam (notebook 09), which scales "
            "each weight's step by the size of its recent gradients."
            if per_parameter
            else " Try one learning rate per parameter, (η_w, η_b): how few steps can you get?"
        ),
        "",
    )
