"""Exercise checks for 06_loss_functions."""

from __future__ import annotations

import numpy as np

from course_utils import losses
from course_utils.activations import sigmoid
from course_utils.exercises import (
    Verdict,
    as_number,
    as_whole_number,
    call_student,
    checker,
    feedback,
    unanswered,
)

#: Exercise 1: two samples, true labels and predicted probabilities of class 1.
LABELS = np.array([1.0, 0.0])
PROBABILITIES = np.array([0.8, 0.3])

#: Exercise 2: labels and logits the student's function is tried on, extreme logits included.
PROBE_LABELS = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
PROBE_LOGITS = np.array([2.0, -1.5, 0.0, 0.7, -40.0, 40.0, -1000.0, 1000.0])

#: Exercises 3 and 4: the one-neuron training of section 7 (plain gradient descent, w starts here, b at 0).
STEPS = 30
CONFIDENTLY_WRONG_START = -6.0
TARGET_ACCURACY = 0.95

#: The gradient of each loss with respect to the logit z, by the names the notebook's ``gradient_wrt_z`` uses.
GRADIENT_WRT_Z = {"mse": losses.mse_gradient_wrt_z, "cross_entropy": losses.cross_entropy_gradient_wrt_z}

#: Exercise 3: the choices, numbered as in the notebook.
CHOICES = {1: "only cross-entropy learns", 2: "both learn", 3: "neither learns"}


def bce_from_logits(labels, z) -> float:
    """Exercise 2's answer: the mean binary cross-entropy of labels y ∈ {0, 1} and logits z, p = sigmoid(z).

    Computed from z without ever forming p: −log sigmoid(z) = log(1 + e^−z) and −log(1 − sigmoid(z)) =
    log(1 + e^z), so the loss is max(z, 0) − y·z + log(1 + e^−|z|), exact and finite for any z (what Keras
    computes with ``BinaryCrossentropy(from_logits=True)``).
    """
    labels, z = np.asarray(labels, dtype=float), np.asarray(z, dtype=float)
    return float(np.mean(np.maximum(z, 0) - labels * z + np.log1p(np.exp(-np.abs(z)))))


def train_neuron(loss: str, x, y, learning_rate: float, start: float = CONFIDENTLY_WRONG_START, steps: int = STEPS):
    """Training accuracy of p = sigmoid(w·x + b) after ``steps`` plain gradient descent steps on ``loss``.

    The same loop as section 7 of the notebook: w starts at ``start``, b at 0, and each step moves both
    by −learning_rate times the mean gradient.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b = float(start), 0.0
    with np.errstate(all="ignore"):  # a huge learning rate may overflow: the accuracy then says so
        for _ in range(steps):
            dz = GRADIENT_WRT_Z[loss](y, sigmoid(w * x + b))
            w, b = w - learning_rate * np.mean(dz * x), b - learning_rate * np.mean(dz)
        return float(np.mean((sigmoid(w * x + b) > 0.5) == y))


@checker
def check_binary_cross_entropy_by_hand(value) -> Verdict:
    """Exercise 1: the binary cross-entropy of LABELS and PROBABILITIES, to 3 decimals."""
    if unanswered(value):
        return Verdict(False)
    value = as_number(value, "the loss")
    want = np.mean(-(LABELS * np.log(PROBABILITIES) + (1 - LABELS) * np.log(1 - PROBABILITIES)))
    if np.isclose(value, -np.log(0.8) - np.log(0.7), atol=5e-4):
        return feedback(False, "", "That is the sum of the two sample losses; the loss is their mean.")
    if np.isclose(value, (-np.log(0.8) - np.log(0.3)) / 2, atol=5e-4):
        return feedback(False, "", "For the label-0 sample the loss is −log(1 − p), not −log p.")
    if np.isclose(value, (-np.log10(0.8) - np.log10(0.7)) / 2, atol=5e-4):
        return feedback(False, "", "Use the natural logarithm (np.log), not log base 10.")
    if abs(value - np.floor(want * 1000) / 1000) < 1e-9 and abs(value - want) > 5e-4:
        return feedback(False, "", "Right method; round to 3 decimals instead of cutting the digits off.")
    return feedback(
        abs(value - want) <= 5e-4 + 1e-9,  # any correct rounding to 3 decimals, or a more precise value
        f"(−log 0.8 − log 0.7) / 2 = {want:.3f}.",
        "Per sample: −log p if the label is 1, −log(1 − p) if it is 0 (natural log); then average.",
    )


@checker
def check_bce_from_logits(my_bce_from_logits) -> Verdict:
    """Exercise 2: a function (labels, logits) -> mean binary cross-entropy, finite even for logits of ±1000."""
    if unanswered(my_bce_from_logits):
        return Verdict(False)
    if not callable(my_bce_from_logits):
        return feedback(False, "", f"Assign a function (def ...), not a {type(my_bce_from_logits).__name__}.")
    want = bce_from_logits(PROBE_LABELS, PROBE_LOGITS)
    moderate = slice(0, 4)
    small, wrong = call_student(
        my_bce_from_logits, PROBE_LABELS[moderate], PROBE_LOGITS[moderate], what="my_bce_from_logits"
    )
    if wrong is not None:
        return wrong
    try:  # it ran on ordinary logits; extreme ones may still overflow into inf or nan, which we report below
        with np.errstate(all="ignore"):
            got = float(np.ravel(my_bce_from_logits(PROBE_LABELS.copy(), PROBE_LOGITS.copy()))[0])
    except Exception as error:  # the student's code may fail in any way; report it as a hint
        return feedback(False, "", f"With logits of ±1000 your function raised {type(error).__name__}: {error}")
    want_small = bce_from_logits(PROBE_LABELS[moderate], PROBE_LOGITS[moderate])
    if not np.isclose(small, want_small, atol=1e-6):
        if np.isclose(small, want_small * 4):
            return feedback(False, "", "You summed over the samples; the loss is their mean.")
        return feedback(
            False,
            "",
            f"For four ordinary logits your function gave {small:.4f}, the right value is {want_small:.4f}. "
            "Per sample the loss is log(1 + e^−z) if the label is 1 and log(1 + e^z) if it is 0.",
        )
    if not np.isfinite(got):
        return feedback(
            False,
            "",
            f"Right for ordinary logits, but {got} when a logit is ±1000: e^1000 overflows. "
            "np.logaddexp(0, a) computes log(e^0 + e^a) = log(1 + e^a) without overflowing.",
        )
    return feedback(
        np.isclose(got, want, rtol=1e-6),
        "Exact and finite for any logit, and its gradient is p − y: no clipping needed. This is what "
        "keras.losses.BinaryCrossentropy(from_logits=True) computes.",
        f"Your function gave {got:.4f} with extreme logits included, the right value is {want:.4f}: "
        "forming sigmoid(z) first rounds it to 0 or 1 for large |z|, and clipping then caps the loss near 16. "
        "Compute from z directly.",
    )


@checker
def check_restart_judgement(choice, x, y) -> Verdict:
    """Exercise 3: which loss trains the neuron from w = −1 (only mildly wrong) in STEPS steps: 1, 2 or 3."""
    if unanswered(choice):
        return Verdict(False)
    if isinstance(choice, str) and choice.strip() not in ("1", "2", "3"):
        return feedback(False, "", f"Answer with the statement's number, 1, 2 or 3, not the text {choice!r}.")
    choice = as_whole_number(int(choice) if isinstance(choice, str) else choice, "your choice")
    if choice not in CHOICES:
        return feedback(False, "", f"Answer 1, 2 or 3 ({'; '.join(f'{k}: {v}' for k, v in CHOICES.items())}).")
    if choice != 2:  # the hint points to the experiment; the measured accuracies would give the answer away
        return feedback(
            False,
            "",
            f"Run the loop of section 7 with both losses from w = −1 (b = 0, learning rate 1, {STEPS} steps) and "
            "compare the two training accuracies with the 50% of guessing.",
        )
    accuracy = {loss: train_neuron(loss, x, y, 1.0, start=-1.0) for loss in ("mse", "cross_entropy")}
    measured = f"(MSE {accuracy['mse']:.1%}, cross-entropy {accuracy['cross_entropy']:.1%} after {STEPS} steps)"
    return feedback(
        True,
        f"Both learn {measured}. MSE only fails when the neuron starts confidently wrong: there the sigmoid's "
        "slope p(1 − p) is nearly 0 and multiplies MSE's gradient; from w = −1 it is not.",
        "",
    )


@checker
def check_mse_rescue(learning_rate, x, y) -> Verdict:
    """Exercise 4: a learning rate with which MSE trains the neuron from w = −6 to TARGET_ACCURACY in STEPS steps."""
    if unanswered(learning_rate):
        return Verdict(False)
    learning_rate = as_number(learning_rate, "the learning rate")
    if learning_rate <= 0:
        return feedback(False, "", "A learning rate must be positive: it is the size of each step downhill.")
    accuracy = train_neuron("mse", x, y, learning_rate)
    return feedback(
        accuracy >= TARGET_ACCURACY,
        f"With learning rate {learning_rate:g}, MSE reaches {accuracy:.1%} in {STEPS} steps. It needed a step "
        "size tens of times larger to make up for a gradient tens of times weaker. In a real network the same "
        "learning rate applies to every weight, and weights that are not stuck would overshoot (notebook 07); "
        "cross-entropy removes the cause instead.",
        f"With learning rate {learning_rate:g}, MSE reaches {accuracy:.1%} after {STEPS} steps; the target is "
        f"{TARGET_ACCURACY:.0%}. How much weaker than cross-entropy's was MSE's gradient in this notebook?",
    )
