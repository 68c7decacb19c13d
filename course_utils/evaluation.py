"""Looking at a classifier's mistakes: confusion matrix, most-confused pair, misclassified examples.

All functions take integer labels 0..n_classes-1 and (where needed) the predicted
class probabilities, one row per sample, as ``model.predict`` returns them.
"""

from __future__ import annotations

import numpy as np


def _labels(name: str, values, n_classes: int) -> np.ndarray:
    values = np.asarray(values)
    if values.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class labels, got shape {values.shape}")
    if values.size and not np.issubdtype(values.dtype, np.integer):
        raise ValueError(
            f"{name} must hold integer labels, got dtype {values.dtype}; "
            "turn probabilities into labels with probabilities.argmax(axis=1)"
        )
    if values.size and (values.min() < 0 or values.max() >= n_classes):
        raise ValueError(
            f"{name} must hold labels 0..{n_classes - 1}, got values from {values.min()} to {values.max()}"
        )
    return values


def _probabilities(probabilities, n_samples: int) -> np.ndarray:
    probabilities = np.asarray(probabilities, dtype=float)
    if probabilities.ndim != 2 or probabilities.shape[0] != n_samples:
        raise ValueError(
            f"probabilities must have shape ({n_samples}, n_classes), one row per label, got {probabilities.shape}"
        )
    return probabilities


def accuracy(y_true, y_pred) -> float:
    """Fraction of predictions equal to the true labels."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.ndim != 1 or y_true.size == 0:
        raise ValueError(
            f"y_true and y_pred must be non-empty 1-D arrays of equal length, got {y_true.shape} and {y_pred.shape}"
        )
    return float(np.mean(y_true == y_pred))


def confusion_matrix(y_true, y_pred, n_classes: int = 10) -> np.ndarray:
    """``matrix[t, p]`` counts the samples of true class ``t`` predicted as ``p``.

    The diagonal holds the correct predictions; each row sums to the number of samples of that class.
    """
    y_true, y_pred = _labels("y_true", y_true, n_classes), _labels("y_pred", y_pred, n_classes)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must have the same length, got {len(y_true)} and {len(y_pred)}")
    matrix = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def most_confused_pair(matrix) -> tuple[int, int, int]:
    """The largest off-diagonal entry of a confusion matrix: ``(true class, predicted class, count)``.

    Ties go to the first pair in row-major order.
    """
    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] < 2:
        raise ValueError(f"matrix must be a square confusion matrix with at least 2 classes, got shape {matrix.shape}")
    errors = matrix.copy()
    np.fill_diagonal(errors, -1)
    true_class, predicted = np.unravel_index(np.argmax(errors), errors.shape)
    return int(true_class), int(predicted), int(matrix[true_class, predicted])


def misclassified(y_true, probabilities, limit: int | None = None) -> np.ndarray:
    """Indices of the wrongly predicted samples, the most confidently wrong first.

    ``probabilities`` is the (n, n_classes) output of the model; ``limit`` keeps only the first ones.
    """
    probabilities = _probabilities(probabilities, len(np.asarray(y_true)))
    y_true = _labels("y_true", y_true, probabilities.shape[1])
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 0):
        raise ValueError(f"limit must be a non-negative integer or None, got {limit!r}")
    predicted = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(predicted != y_true)
    order = np.argsort(-probabilities[wrong, predicted[wrong]], kind="stable")
    return wrong[order][:limit]
