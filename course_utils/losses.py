"""NumPy reference implementations of the common loss functions.

Each loss returns the mean over the samples, like Keras' losses with their default
reduction (``"sum_over_batch_size"``), so the notebooks can check them against
``keras.losses`` to within float32 rounding. Probabilities are clipped to
[ε, 1 − ε] with Keras' ε = 1e-7 before taking logarithms, so a prediction of exactly
0 or 1 gives a large finite loss instead of infinity (or NaN: 0 · log 0);
:func:`binary_cross_entropy_from_logits` needs no clipping because it never forms the probability.

:func:`sigmoid_output_gradient` is the heart of the "why cross-entropy" lesson: the
gradient of each loss with respect to the *logit* z of a sigmoid output unit.
"""

from __future__ import annotations

import numpy as np

#: Keras' ``backend.epsilon()``: the clipping margin for probabilities.
EPSILON = 1e-7


def _pair(y_true, y_pred, what: str = "predictions"):
    """Both arguments as float arrays of one shape, or a ValueError saying what differs."""
    arrays = []
    for name, values in (("y_true", y_true), ("y_pred", y_pred)):
        try:
            arrays.append(np.asarray(values, dtype=float))
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be numbers, got {type(values).__name__}") from None
    t, p = arrays
    if t.shape != p.shape:
        raise ValueError(f"y_true and y_pred must have the same shape, got {t.shape} and {p.shape}")
    if t.size == 0:
        raise ValueError("y_true and y_pred are empty: a loss needs at least one sample")
    if not (np.all(np.isfinite(t)) and np.all(np.isfinite(p))):
        raise ValueError(f"y_true and y_pred must be finite; found NaN or infinity in the {what}")
    return t, p


def _check_probabilities(p, name: str = "y_pred") -> None:
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError(
            f"{name} must be probabilities in [0, 1], got values from {p.min():.3g} to {p.max():.3g}; "
            "apply a sigmoid/softmax first (or use a from_logits loss)"
        )


def mean_squared_error(y_true, y_pred) -> float:
    """MSE = mean((y_true − y_pred)²): large errors count quadratically."""
    t, p = _pair(y_true, y_pred)
    return float(np.mean((t - p) ** 2))


def mean_absolute_error(y_true, y_pred) -> float:
    """MAE = mean(|y_true − y_pred|): every unit of error counts the same, so outliers weigh less."""
    t, p = _pair(y_true, y_pred)
    return float(np.mean(np.abs(t - p)))


def binary_cross_entropy(y_true, y_pred, epsilon: float = EPSILON) -> float:
    """Mean of −[y·log p + (1 − y)·log(1 − p)] for labels y ∈ {0, 1} and probabilities p."""
    t, p = _pair(y_true, y_pred)
    _check_probabilities(t, "y_true")
    _check_probabilities(p)
    p = np.clip(p, epsilon, 1 - epsilon)
    return float(np.mean(-(t * np.log(p) + (1 - t) * np.log(1 - p))))


def categorical_cross_entropy(y_true, y_pred, epsilon: float = EPSILON) -> float:
    """Mean over samples of −Σ_k y_k·log p_k, for one-hot rows y and probability rows p.

    Both arguments have shape (samples, classes); each row of ``y_pred`` must sum to 1
    (the output of a softmax).
    """
    t, p = _pair(y_true, y_pred)
    if t.ndim != 2:
        raise ValueError(
            f"y_true and y_pred must have shape (samples, classes), got {t.shape}; "
            "for integer labels use keras.utils.to_categorical first"
        )
    _check_probabilities(t, "y_true")
    _check_probabilities(p)
    sums = p.sum(axis=1)
    if not np.allclose(sums, 1, atol=1e-5):
        raise ValueError(
            f"each row of y_pred must sum to 1 (a softmax output); row sums range from "
            f"{sums.min():.4g} to {sums.max():.4g}"
        )
    p = np.clip(p, epsilon, 1 - epsilon)
    return float(np.mean(-np.sum(t * np.log(p), axis=1)))


def binary_cross_entropy_from_logits(y_true, logits) -> float:
    """Binary cross-entropy of labels y ∈ {0, 1} and the logits z of a sigmoid output, p = sigmoid(z).

    Computed from z without ever forming p: −log sigmoid(z) = log(1 + e^−z) and
    −log(1 − sigmoid(z)) = log(1 + e^z), so the loss is max(z, 0) − y·z + log(1 + e^−|z|). It is exact
    and finite for any z, and its gradient with respect to z is p − y (what Keras computes with
    ``BinaryCrossentropy(from_logits=True)``); no clipping is needed.
    """
    t, z = _pair(y_true, logits, "logits")
    _check_probabilities(t, "y_true")
    return float(np.mean(np.maximum(z, 0) - t * z + np.log1p(np.exp(-np.abs(z)))))


def sigmoid_output_gradient(loss: str, y_true, probability):
    """dL/dz for one sigmoid output unit p = sigmoid(z), element-wise.

    ``loss`` is ``"mse"`` (L = (p − y)², gradient 2(p − y)·p(1 − p)) or ``"cross_entropy"``
    (L = −[y log p + (1 − y) log(1 − p)], gradient p − y). The sigmoid's own derivative
    p(1 − p) multiplies the MSE gradient and vanishes when p is near 0 or 1, even when the
    prediction is confidently *wrong*; in cross-entropy it cancels out.
    """
    t, p = _pair(np.broadcast_to(np.asarray(y_true, dtype=float), np.shape(probability)), probability, "probabilities")
    _check_probabilities(p, "probability")
    if loss == "mse":
        return 2 * (p - t) * p * (1 - p)
    if loss == "cross_entropy":
        return p - t
    raise ValueError(f"loss must be 'mse' or 'cross_entropy', got {loss!r}")
