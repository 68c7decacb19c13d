"""Exercise checks for 09_first_keras_network."""

from __future__ import annotations

import math

import numpy as np

from course_utils.exercises import (
    AnswerError,
    Verdict,
    as_choice,
    as_whole_number,
    checker,
    feedback,
    sentence,
    unanswered,
)
from course_utils.first_keras_network import Run, probabilities_of
from course_utils.keras_apis import mlp_params

#: The fixed network of the notebook's section 6: 32 hidden ReLUs, Adam(0.01), 300 epochs.
FIX_UNITS, FIX_LEARNING_RATE, FIX_EPOCHS = 32, 0.01, 300
#: The open experiment's target: every one of at least this many runs solves XOR ...
TARGET_RUNS = 50
#: ... with every probability at least this far from 0.5, ...
TARGET_MARGIN = 0.2
#: ... using at most this many hidden units and epochs.
TARGET_UNITS, TARGET_EPOCHS = 4, 300


@checker
def check_fixed_model_parameters(n_parameters) -> Verdict:
    """Exercise 1: the parameter count of Input(2) → Dense(32, relu) → Dense(1, sigmoid)."""
    if unanswered(n_parameters):
        return Verdict(False)
    n = as_whole_number(n_parameters, "the parameter count")
    hidden, output = 2 * FIX_UNITS + FIX_UNITS, FIX_UNITS * 1 + 1
    if n == 2 * FIX_UNITS + FIX_UNITS * 1:  # also the hidden layer alone, 2·32 + 32
        return feedback(
            False,
            "",
            "That is the weights without the biases (or the hidden layer alone): count both "
            "layers, each with one bias per unit.",
        )
    if n == hidden + 2 * FIX_UNITS:
        return feedback(False, "", "The output layer has one unit: 32 weights and 1 bias.")
    if n == hidden + FIX_UNITS:
        return feedback(False, "", "Almost: the output unit has a bias too.")
    return feedback(
        n == mlp_params((2, FIX_UNITS, 1)),
        f"Hidden layer 2·{FIX_UNITS} weights + {FIX_UNITS} biases = {hidden}; output layer {FIX_UNITS} weights "
        f"+ 1 bias = {output}; total {hidden + output}. `model.count_params()` agrees.",
        "Count per layer: a Dense layer with n inputs and m units has n·m weights and m biases.",
    )


@checker
def check_gradient_steps(steps) -> Verdict:
    """Exercise 2: how many weight updates ``fit(X, y, epochs=300, batch_size=2)`` makes on the 4 XOR points."""
    if unanswered(steps):
        return Verdict(False)
    n = as_whole_number(steps, "the number of steps")
    per_epoch = math.ceil(4 / 2)
    if n == 300:
        return feedback(
            False,
            "",
            "That is one step per epoch, true for the default batch size 32; with batch_size=2 "
            "each epoch is split into several batches.",
        )
    if n == 300 * 4:
        return feedback(False, "", "That is one step per sample; a step averages the gradient over a whole batch.")
    if n == per_epoch:
        return feedback(False, "", "That is the steps of one epoch; fit runs 300 of them.")
    if n == 300 // per_epoch:
        return feedback(
            False, "", "Smaller batches make more steps per epoch, not fewer: count the batches in one epoch."
        )
    return feedback(
        n == 300 * per_epoch,
        f"Each epoch splits the 4 points into {per_epoch} batches of 2, one update per batch: "
        f"300 × {per_epoch} = {300 * per_epoch} steps.",
        "Steps = epochs × batches per epoch, and batches per epoch = ceil(samples / batch_size).",
    )


def _runs(runs, what: str):
    """The runs as a list of ``course_utils.first_keras_network.Run``, or an :class:`AnswerError` hint."""
    if isinstance(runs, Run):
        runs = [runs]
    if not isinstance(runs, (list, tuple)) or not runs or not all(isinstance(r, Run) for r in runs):
        raise AnswerError(f"{sentence(what)} is the list that many_runs(...) returns; got {type(runs).__name__}.")
    return list(runs)


@checker
def check_large_learning_rate(runs, verdict) -> Verdict:
    """Exercise 3: runs of the fixed network at learning rate 1.0, and the student's verdict on them."""
    if unanswered(runs, verdict):
        return Verdict(False)
    runs = _runs(runs, "big_runs")
    verdict = as_choice(("better", "worse"))(verdict, "your verdict")
    settings = {(r.hidden_units, r.learning_rate, r.epochs, r.activation) for r in runs}
    if settings != {(FIX_UNITS, 1.0, FIX_EPOCHS, "relu")}:
        return feedback(
            False,
            "",
            f"Train the fixed network with only the learning rate changed: "
            f"many_runs(N_RUNS, hidden_units={FIX_UNITS}, learning_rate=1.0, epochs={FIX_EPOCHS}, seed=SEED).",
        )
    solved = sum(r.solved for r in runs)
    dead = sum(r.dead_units for r in runs) / (FIX_UNITS * len(runs))
    truth = "worse" if solved < 0.99 * len(runs) else "better"
    if verdict != truth:
        return feedback(
            False,
            "",
            "Look again at your runs: count how many solve XOR (`r.solved`) and how many hidden units are dead, "
            "and compare with section 6's table at learning rate 0.01.",
        )
    return feedback(
        True,
        f"{solved} of {len(runs)} runs solve XOR and {dead:.0%} of the hidden units are dead. Each Adam step moves a "
        "weight by about the learning rate, so steps of about 1 throw most ReLUs into the region where they output "
        "0 for all four points, and there they stay. A larger learning rate is faster only up to a point.",
        "",
    )


@checker
def check_reliable_small_network(runs) -> Verdict:
    """Exercise 4 (open): at most 4 hidden units and 300 epochs, yet every one of at least 50 runs solves XOR.

    Trains nothing: it recomputes each run's four probabilities from the run's final weights.
    """
    if unanswered(runs):
        return Verdict(False)
    runs = _runs(runs, "my_runs")

    if len(runs) < TARGET_RUNS:
        return feedback(False, "", f"The target asks for at least {TARGET_RUNS} runs; you passed {len(runs)}.")
    units = max(r.weights[0].shape[1] for r in runs)
    if units > TARGET_UNITS:
        return feedback(
            False, "", f"Your networks have {units} hidden units; the target allows at most {TARGET_UNITS}."
        )
    if max(r.epochs for r in runs) > TARGET_EPOCHS:
        return feedback(False, "", f"The target allows at most {TARGET_EPOCHS} epochs.")
    starts = {np.asarray(r.start[0]).tobytes() for r in runs}
    if len(starts) < len(runs):
        return feedback(False, "", "Some of your runs share a start: use many_runs, which draws a new start per run.")
    probabilities = np.concatenate([probabilities_of([r.weights], r.activation) for r in runs])
    solved = [bool(((p > 0.5) == np.array([0, 1, 1, 0], bool)).all()) for p in probabilities]
    margin = float(np.abs(probabilities - 0.5).min())
    if not all(solved):
        return feedback(
            False,
            "",
            f"{sum(solved)} of {len(runs)} runs solve XOR; the target is all of them. "
            "Which of section 4's causes can you remove without adding units?",
        )
    if margin < TARGET_MARGIN:
        return feedback(
            False,
            "",
            f"All runs solve XOR, but the least confident probability is only {margin:.2f} "
            f"from 0.5; the target is {TARGET_MARGIN}. Train longer or with a larger step.",
        )
    return feedback(
        True,
        f"All {len(runs)} runs solve XOR with {units} hidden units, every probability at least {margin:.2f} from 0.5.",
        "",
    )
