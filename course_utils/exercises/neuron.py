"""Exercise checks for 02_neuron."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, as_array, as_number, as_whole_number, feedback, parsed, unanswered
from course_utils.neuron import GATE_INPUTS, GATE_TARGETS, step

#: Exercise 4: the share of unseen 0s and 1s a perceptron trained on pixels must get right.
DIGIT_TARGET = 0.99
#: Exercise 4: how many training images of each digit (0 and 1) the student's perceptron learns from.
N_TRAINING_PER_DIGIT = 500


def check_weighted_sum_prediction(weighted_sum, output) -> Verdict:
    """Exercise 1: the weighted sum and output of the neuron w=(0.5, -1.0), b=0.2 on x=(2.0, 1.0)."""
    if unanswered(weighted_sum, output):
        return Verdict(False)
    weighted_sum, wrong = parsed(as_number, weighted_sum, "the weighted sum z")
    if wrong is not None:
        return wrong
    output, wrong = parsed(as_whole_number, output, "the output")
    if wrong is not None:
        return wrong
    expected_sum = 0.5 * 2.0 + (-1.0) * 1.0 + 0.2
    if not np.isclose(weighted_sum, expected_sum):
        return feedback(
            False, "", "Recompute the weighted sum: multiply each input by its weight, add them, then add the bias."
        )
    if output not in (0, 1):
        return feedback(False, "", f"The step activation outputs 0 or 1, never {output}.")
    return feedback(
        output == int(step(expected_sum)),
        f"z = 0.5·2.0 − 1.0·1.0 + 0.2 = {expected_sum:.1f} > 0, so the step outputs 1.",
        "Your sum is right, but the step outputs 1 when z > 0 and 0 otherwise.",
    )


def check_nand_neuron(weights, bias) -> Verdict:
    """Exercise 2: weights and bias with which step(w·x + b) computes NAND on all four inputs."""
    if unanswered(weights, bias):
        return Verdict(False)
    weights, wrong = parsed(lambda answer, what: as_array(answer, what, 2), weights, "the weights")
    if wrong is not None:
        return wrong
    bias, wrong = parsed(as_number, bias, "the bias")
    if wrong is not None:
        return wrong
    outputs = step(GATE_INPUTS @ weights + bias)
    wrong_inputs = [
        tuple(int(v) for v in x) for x, out, want in zip(GATE_INPUTS, outputs, GATE_TARGETS["NAND"]) if out != want
    ]
    return feedback(
        not wrong_inputs,
        "Your neuron outputs 1 1 1 0: NAND. (Any NAND gate can build every other logic gate.)",
        f"Your neuron is wrong on input(s) {wrong_inputs}. NAND is 0 only for (1, 1): try negative weights "
        "and a positive bias that only both inputs together can overcome.",
    )


def _digits(split: str):
    """Flattened images in [0, 1] and 0/1 labels: the first 500 zeros and 500 ones of MNIST's ``split``."""
    from course_utils.data import load_mnist

    train, test = load_mnist()
    images, labels = train if split == "train" else test
    index = np.concatenate([np.flatnonzero(labels == digit)[:N_TRAINING_PER_DIGIT] for digit in (0, 1)])
    return images[index].reshape(len(index), -1) / 255.0, (labels[index] == 1).astype(int)


def digit_training_data():
    """Exercise 4's data: 1,000 training images of 0s and 1s as rows of 784 pixels in [0, 1], and labels 0/1."""
    return _digits("train")


def check_digit_perceptron(neuron) -> Verdict:
    """Exercise 4: a perceptron (anything with ``predict``) that tells 1,000 unseen test 0s from 1s."""
    if unanswered(neuron):
        return Verdict(False)
    predict = getattr(neuron, "predict", neuron)
    if not callable(predict):
        return feedback(
            False, "", f"Pass your trained perceptron (it has a predict method); got a {type(neuron).__name__}."
        )
    images, labels = _digits("test")
    try:
        predictions = np.asarray(predict(images))
    except Exception as exc:  # the student's code: report, don't crash the notebook
        return feedback(False, "", f"predict raised {type(exc).__name__}: {exc}")
    if predictions.shape != labels.shape:
        return feedback(
            False,
            "",
            f"predict should return one 0 or 1 per image, shape {labels.shape}; got shape {predictions.shape}.",
        )
    accuracy = float(np.mean(predictions == labels))
    return feedback(
        accuracy >= DIGIT_TARGET,
        f"Your perceptron tells {accuracy:.1%} of {len(labels):,} test digits it never saw apart: one neuron, "
        "784 weights, no features designed by hand.",
        f"Your perceptron is right on {accuracy:.1%} of {len(labels):,} test digits (target {DIGIT_TARGET:.0%}). "
        "Did you train it until a pass made no mistakes, with inputs scaled to [0, 1]?",
    )
