"""Confusion matrix, most-confused pair and misclassified selection."""

import numpy as np
import pytest

from course_utils.evaluation import accuracy, confusion_matrix, misclassified, most_confused_pair


def test_confusion_matrix_counts():
    matrix = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 1, 1], n_classes=3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [0, 2, 1]]
    assert matrix.sum() == 6


def test_most_confused_pair_ignores_the_diagonal():
    matrix = np.array([[50, 1, 0], [0, 40, 0], [0, 7, 30]])
    assert most_confused_pair(matrix) == (2, 1, 7)


def test_misclassified_most_confident_first():
    probabilities = np.array([[0.9, 0.1], [0.3, 0.7], [0.4, 0.6], [0.05, 0.95]])
    y_true = np.array([0, 0, 0, 1])
    assert misclassified(y_true, probabilities).tolist() == [1, 2]
    assert misclassified(y_true, probabilities, limit=1).tolist() == [1]
    assert misclassified([0, 1], np.eye(2)).tolist() == []


def test_accuracy():
    assert accuracy([1, 2, 3, 4], [1, 2, 0, 4]) == 0.75


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: confusion_matrix([0, 1], [0, 1, 1]), "same length"),
        (lambda: confusion_matrix([0, 10], [0, 1]), r"y_true must hold labels 0..9, got values from 0 to 10"),
        (lambda: confusion_matrix([[0, 1]], [0, 1]), "1-D array"),
        (lambda: confusion_matrix([0, 1], np.array([0.2, 0.8])), "argmax"),
        (lambda: most_confused_pair(np.ones((3, 2))), "square confusion matrix"),
        (lambda: misclassified([0, 1], np.ones((3, 10))), r"probabilities must have shape \(2, n_classes\)"),
        (lambda: misclassified([0, 1], np.eye(2), limit=-1), "limit must be a non-negative integer"),
        (lambda: accuracy([], []), "non-empty"),
    ],
)
def test_bad_inputs_are_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()
