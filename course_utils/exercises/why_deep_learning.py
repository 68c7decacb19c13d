"""Exercise checks for 01_why_deep_learning."""

from __future__ import annotations

import functools

import numpy as np

from course_utils.data import load_mnist
from course_utils.exercises import (
    Verdict,
    accuracy_without_leak,
    as_whole_number,
    call_student,
    checker,
    feedback,
    unanswered,
)

#: How many test images of each digit (0 and 1) the feature exercise is judged on.
N_PER_DIGIT = 500
#: The accuracy a single threshold on the feature must reach.
TARGET_ACCURACY = 0.97
#: The number of MNIST test images, on which both models of exercise 1 are measured.
TEST_IMAGES = 10_000
#: Exercise 4: at most this many hand-made numbers per image, and the test accuracy to reach with them.
MAX_FEATURES = 100
FEATURE_TARGET_ACCURACY = 0.96
#: Exercise 4: the validation images are the last VALIDATION_IMAGES of the 60,000 training images.
VALIDATION_IMAGES = 10_000


@checker
def check_mistake_counts(linear_mistakes, network_mistakes, linear_accuracy, network_accuracy) -> Verdict:
    """Exercise 1: how many of the TEST_IMAGES test digits each model gets wrong, from its test accuracy.

    ``linear_accuracy`` and ``network_accuracy`` are the notebook's measured accuracies; a count one off
    (rounding) is accepted.
    """
    if unanswered(linear_mistakes, network_mistakes):
        return Verdict(False)
    answers = {}
    for name, answer in (("linear", linear_mistakes), ("network", network_mistakes)):
        answers[name] = as_whole_number(answer, f"the {name} model's number of mistakes")
    expected = {
        "linear": round((1 - float(linear_accuracy)) * TEST_IMAGES),
        "network": round((1 - float(network_accuracy)) * TEST_IMAGES),
    }
    right_ones = {
        "linear": round(float(linear_accuracy) * TEST_IMAGES),
        "network": round(float(network_accuracy) * TEST_IMAGES),
    }
    correct = all(abs(answers[name] - expected[name]) <= 1 for name in expected)
    swapped = abs(answers["linear"] - expected["network"]) <= 1 and abs(answers["network"] - expected["linear"]) <= 1
    if swapped and not correct:
        hint = "Right counts, but swapped: which model is right more often, so makes fewer mistakes?"
    elif any(abs(answers[name] - right_ones[name]) <= 1 for name in expected):
        hint = (
            "That is how many digits a model gets right; a mistake is a digit it gets wrong: (1 − accuracy) × 10,000."
        )
    elif all(answers[name] < 100 for name in expected):
        hint = "Count digits, not percent: the test set has 10,000 images, so (1 − accuracy) × 10,000."
    else:
        hint = "A model with accuracy a gets (1 − a) × 10,000 of the 10,000 test digits wrong."
    points = (float(network_accuracy) - float(linear_accuracy)) * 100
    share = expected["network"] / max(expected["linear"], 1)
    return feedback(
        correct,
        f"{expected['linear']:,} mistakes against {expected['network']:,}: {points:.1f} points more accuracy "
        f"means {share:.0%} as many mistakes.",
        hint,
    )


def _features(function, images, what: str):
    """``(values as a float array, None)`` from the student's feature function, else ``(None, Verdict)``.

    :func:`call_student` for the errors; the conversion is NumPy's own, since a feature function may return
    millions of numbers (one per pixel), too many to read one by one.
    """
    if not callable(function):
        return call_student(function, images, what=what, returns="an array")
    try:
        with np.errstate(all="ignore"):
            values = function(images.copy())
    except Exception:  # the student's code: call_student runs it again and reports the error in one line
        return call_student(function, images, what=what, returns="an array")
    if values is None:
        return None, feedback(False, "", f"{what} returned None: end it with a `return` of an array.")
    try:
        values = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return None, feedback(
            False, "", f"{what} should return numbers, an array; it returned {type(values).__name__}."
        )
    if not np.isfinite(values).all():
        return None, feedback(False, "", f"{what} gives NaN or infinite values for some images.")
    return values, None


def best_threshold_accuracy(values, labels) -> float:
    """The best accuracy of a rule "label 1 if value > t" (or "< t"), over every threshold t."""
    values, labels = np.asarray(values, dtype=float), np.asarray(labels).astype(bool)
    if values.shape != labels.shape or values.ndim != 1:
        raise ValueError(f"values and labels must be 1-D and equally long, got {values.shape} and {labels.shape}")
    order = np.argsort(values, kind="stable")
    sorted_values, sorted_labels = values[order], labels[order]
    # Cut after position k (k = 0..n): everything above the cut is called 1.
    ones_above = np.concatenate([[labels.sum()], labels.sum() - np.cumsum(sorted_labels)])
    zeros_below = np.concatenate([[0], np.cumsum(~sorted_labels)])
    valid = np.concatenate([[True], sorted_values[1:] != sorted_values[:-1], [True]])  # no cut between ties
    correct = (ones_above + zeros_below)[valid]
    n = len(values)
    return float(max(correct.max(), n - correct.min()) / n)


@functools.lru_cache(maxsize=1)
def _zero_one_digits():
    _, (x_test, y_test) = load_mnist()
    zeros, ones = np.flatnonzero(y_test == 0)[:N_PER_DIGIT], np.flatnonzero(y_test == 1)[:N_PER_DIGIT]
    index = np.concatenate([zeros, ones])
    return x_test[index], (y_test[index] == 1)


def zero_one_digits():
    """The exercise's data: the first N_PER_DIGIT test images of 0 and of 1, and a flag "is a 1".

    MNIST is read once; every call returns fresh copies, so a feature that writes into its images changes nothing.
    """
    images, is_one = _zero_one_digits()
    return images.copy(), is_one.copy()


@checker
def check_zero_one_feature(feature) -> Verdict:
    """Exercise 2: a hand-made feature (a function of images) that tells 0s from 1s with one threshold."""
    if unanswered(feature):
        return Verdict(False)
    if not callable(feature):
        return feedback(False, "", f"`my_feature` must be a function of the images, got a {type(feature).__name__}.")
    images, is_one = zero_one_digits()
    values, wrong = _features(feature, images, "my_feature")
    if wrong is not None:
        return wrong
    if values.shape != (len(images),):
        return feedback(
            False,
            "",
            f"Return one number per image: shape ({len(images)},) for {len(images)} images, got {values.shape}. "
            "Reduce over the pixel axes, e.g. `.sum(axis=(1, 2))`.",
        )
    if not np.isfinite(values).all():
        return feedback(False, "", "Your feature gives NaN or infinite values for some images.")
    accuracy = best_threshold_accuracy(values, is_one)
    return feedback(
        accuracy >= TARGET_ACCURACY,
        f"One threshold on your feature tells 0 from 1 for {accuracy:.1%} of {len(images)} test digits.",
        f"The best threshold on your feature is right for only {accuracy:.1%} (need {TARGET_ACCURACY:.0%}). "
        "Total ink alone reaches only about 94%: what does a line across the middle of a 0 meet "
        "that it does not meet on a 1?",
    )


@checker
def check_feature_experiment(feature_function, model) -> Verdict:
    """Exercise 4: hand-made features (at most MAX_FEATURES per image) and a model trained on them.

    Trains nothing: computes the features of the validation images (the last 10,000 of the 60,000 training
    images, which the notebook's models never train on) with ``feature_function`` and measures ``model``'s
    accuracy on them; a validation score far above its score on the 10,000 test images is reported as a leak.
    """
    if unanswered(feature_function, model):
        return Verdict(False)
    if not callable(feature_function):
        return feedback(False, "", f"Pass your feature function itself; got a {type(feature_function).__name__}.")
    if not callable(getattr(model, "predict", None)):
        return feedback(False, "", f"Pass your trained Keras model; got a {type(model).__name__}.")

    (x_train, y_train), (x_test, y_test) = load_mnist()
    x_validation, y_validation = x_train[-VALIDATION_IMAGES:], y_train[-VALIDATION_IMAGES:]
    features, wrong = _features(feature_function, x_validation, "my_features")
    if wrong is not None:
        return wrong
    if features.ndim != 2 or len(features) != len(x_validation):
        return feedback(
            False, "", f"Return one row of numbers per image: shape ({len(x_validation)}, k); got {features.shape}."
        )
    if features.shape[1] > MAX_FEATURES:
        return feedback(
            False, "", f"{features.shape[1]} numbers per image is more than {MAX_FEATURES}: design, do not copy pixels."
        )
    fresh_features, wrong = _features(feature_function, x_test, "my_features")
    if wrong is not None:
        return wrong
    accuracy, wrong = accuracy_without_leak(model, (features, y_validation), (fresh_features, y_test))
    if wrong is not None:
        return wrong
    return feedback(
        accuracy >= FEATURE_TARGET_ACCURACY,
        f"{features.shape[1]} hand-made numbers per image, {accuracy:.1%} validation accuracy: better than the "
        "pixel network of this notebook. Designing features pays, when you know what to measure.",
        f"{accuracy:.1%} validation accuracy with {features.shape[1]} numbers per image (target "
        f"{FEATURE_TARGET_ACCURACY:.0%}). Which digits does your model confuse, and what would tell them apart?",
    )
