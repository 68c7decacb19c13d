"""Exercise checks for 01_why_deep_learning."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, feedback, unanswered

#: How many test images of each digit (0 and 1) the feature exercise is judged on.
N_PER_DIGIT = 500
#: The accuracy a single threshold on the feature must reach.
TARGET_ACCURACY = 0.97


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


def zero_one_digits():
    """The exercise's data: the first N_PER_DIGIT test images of 0 and of 1, and a flag "is a 1"."""
    from course_utils.data import load_mnist

    _, (x_test, y_test) = load_mnist()
    zeros, ones = np.flatnonzero(y_test == 0)[:N_PER_DIGIT], np.flatnonzero(y_test == 1)[:N_PER_DIGIT]
    index = np.concatenate([zeros, ones])
    return x_test[index], (y_test[index] == 1)


def check_zero_one_feature(feature) -> Verdict:
    """Exercise 1: a hand-made feature (a function of images) that tells 0s from 1s with one threshold."""
    if unanswered(feature):
        return Verdict(False)
    if not callable(feature):
        return feedback(False, "", f"`my_feature` must be a function of the images, got a {type(feature).__name__}.")
    images, is_one = zero_one_digits()
    try:
        values = np.asarray(feature(images), dtype=float)
    except Exception as exc:  # the student's code: report, don't crash the notebook
        return feedback(False, "", f"Your function raised {type(exc).__name__}: {exc}")
    if values.shape != (len(images),):
        return feedback(
            False, "", f"Return one number per image: shape ({len(images)},) for {len(images)} images, got {values.shape}. "
            "Reduce over the pixel axes, e.g. `.sum(axis=(1, 2))`."
        )
    if not np.isfinite(values).all():
        return feedback(False, "", "Your feature gives NaN or infinite values for some images.")
    accuracy = best_threshold_accuracy(values, is_one)
    return feedback(
        accuracy >= TARGET_ACCURACY,
        f"One threshold on your feature tells 0 from 1 for {accuracy:.1%} of {len(images)} test digits.",
        f"The best threshold on your feature is right for only {accuracy:.1%} (need {TARGET_ACCURACY:.0%}). "
        "Total ink alone reaches only about 94%: what does a line across the middle of a 0 meet that it does not meet on a 1?",
    )
