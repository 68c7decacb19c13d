"""Exercise checks for 02_neuron."""

from __future__ import annotations

import numpy as np

from course_utils.data import load_mnist
from course_utils.exercises import (
    LEAK_MARGIN,
    Verdict,
    as_array,
    as_number,
    as_whole_number,
    checker,
    feedback,
    unanswered,
)
from course_utils.neuron import GATE_INPUTS, GATE_TARGETS, step

#: Exercise 4: the share of unseen 0s and 1s a perceptron trained on pixels must get right.
DIGIT_TARGET = 0.99
#: Exercise 4: how many training images of each digit (0 and 1) the student's perceptron learns from.
N_TRAINING_PER_DIGIT = 500


@checker
def check_weighted_sum_prediction(weighted_sum, output) -> Verdict:
    """Exercise 1: the weighted sum and output of the neuron w=(0.5, -1.0), b=0.2 on x=(2.0, 1.0)."""
    if unanswered(weighted_sum, output):
        return Verdict(False)
    weighted_sum = as_number(weighted_sum, "the weighted sum z")
    output = as_whole_number(output, "the output")
    expected_sum = 0.5 * 2.0 + (-1.0) * 1.0 + 0.2
    if np.isclose(weighted_sum, expected_sum - 0.2) and not np.isclose(weighted_sum, expected_sum):
        return feedback(False, "", "Right products, but the weighted sum also includes the bias.")
    if not np.isclose(weighted_sum, expected_sum):
        return feedback(
            False, "", "Recompute the weighted sum: multiply each input by its weight, add them, then add the bias."
        )
    if output not in (0, 1):
        return feedback(False, "", f"The step activation outputs 0 or 1, never {output}.")
    return feedback(
        output == int(step(expected_sum)),
        f"z = 0.5·2.0 − 1.0·1.0 + 0.2 = {expected_sum:.1f} > 0, so the step outputs 1.",
        "Your sum is right; now read the step activation's rule again (section 2) and apply it to your z.",
    )


@checker
def check_nand_neuron(weights, bias) -> Verdict:
    """Exercise 2: weights and bias with which step(w·x + b) computes NAND on all four inputs."""
    if unanswered(weights, bias):
        return Verdict(False)
    weights = as_array(weights, "the weights", 2)
    bias = as_number(bias, "the bias")
    outputs = step(GATE_INPUTS @ weights + bias)
    wrong_inputs = [
        tuple(int(v) for v in x) for x, out, want in zip(GATE_INPUTS, outputs, GATE_TARGETS["NAND"]) if out != want
    ]
    return feedback(
        not wrong_inputs,
        "Your neuron outputs 1 1 1 0: NAND. (Any NAND gate can build every other logic gate.)",
        f"Your neuron is wrong on input(s) {wrong_inputs}. NAND is 0 only for (1, 1): which signs must the "
        "weights and the bias have? The sliders of section 5 let you try.",
    )


def _digits(split: str):
    """Flattened images in [0, 1] and 0/1 labels, 500 zeros and 500 ones of MNIST.

    ``"train"``: the first 500 of each digit in the training set; ``"validation"``: the next 500 of each,
    which the student is not given; ``"test"``: the first 500 of each in the test set.
    """
    train, test = load_mnist()
    images, labels = test if split == "test" else train
    skip = N_TRAINING_PER_DIGIT if split == "validation" else 0
    index = np.concatenate([np.flatnonzero(labels == digit)[skip : skip + N_TRAINING_PER_DIGIT] for digit in (0, 1)])
    return images[index].reshape(len(index), -1) / 255.0, (labels[index] == 1).astype(int)


def digit_training_data():
    """Exercise 4's data: 1,000 training images of 0s and 1s as rows of 784 pixels in [0, 1], and labels 0/1."""
    return _digits("train")


def _predictions(predict, images, labels):
    """``(0/1 predictions, None)`` from the student's ``predict``, else ``(None, Verdict)`` after a hint."""
    try:
        predictions = predict(images)
    except Exception as exc:  # the student's code: report, don't crash the notebook
        first = str(exc).splitlines()[0] if str(exc) else ""
        hint = f"predict raised {type(exc).__name__}: {first}"
        if isinstance(exc, ValueError) and "mismatch" in first:
            hint = "Your perceptron does not take 784 pixels: give it 784 weights, one per pixel, and train it again."
        return None, feedback(False, "", hint)
    if predictions is None:
        return None, feedback(False, "", "predict returned None: it should return one 0 or 1 per image.")
    predictions = np.asarray(predictions)
    if predictions.shape != labels.shape:
        return None, feedback(
            False,
            "",
            f"predict should return one 0 or 1 per image, shape {labels.shape}; got shape {predictions.shape}.",
        )
    return predictions, None


@checker
def check_digit_perceptron(neuron) -> Verdict:
    """Exercise 4: a perceptron (anything with ``predict``) that tells 1,000 validation 0s from 1s.

    Judged on the validation images (500 of each digit from the training set that ``digit_training_data``
    leaves out); also scored on 1,000 test images, and a validation score far above that is reported as a leak.
    """
    if unanswered(neuron):
        return Verdict(False)
    predict = getattr(neuron, "predict", neuron)
    if not callable(predict):
        return feedback(
            False, "", f"Pass your trained perceptron (it has a predict method); got a {type(neuron).__name__}."
        )
    images, labels = _digits("validation")
    predictions, wrong = _predictions(predict, images, labels)
    if wrong is not None:
        return wrong
    fresh_images, fresh_labels = _digits("test")
    fresh_predictions, wrong = _predictions(predict, fresh_images, fresh_labels)
    if wrong is not None:
        return wrong
    accuracy = float(np.mean(predictions == labels))
    fresh_accuracy = float(np.mean(fresh_predictions == fresh_labels))
    p = min(max((accuracy + fresh_accuracy) / 2, 0.01), 0.99)
    if accuracy - fresh_accuracy > LEAK_MARGIN + 3 * np.sqrt(p * (1 - p) * 2 / len(labels)):
        return feedback(
            False,
            "",
            f"Your perceptron scores {accuracy:.1%} on the validation images but only {fresh_accuracy:.1%} on "
            "images it never had: it has seen the validation images during training, and a score on images a "
            "model trained on measures its memory. Train on digit_training_data() only.",
        )
    return feedback(
        accuracy >= DIGIT_TARGET,
        f"Your perceptron tells {accuracy:.1%} of {len(labels):,} validation digits it never saw apart: one neuron, "
        "784 weights, no features designed by hand.",
        f"Your perceptron is right on {accuracy:.1%} of {len(labels):,} validation digits (target "
        f"{DIGIT_TARGET:.0%}). Did you train it until a pass made no mistakes, with inputs scaled to [0, 1]?",
    )
