"""NumPy reference implementations of the activation functions and their derivatives.

The notebooks check these against Keras' own (``keras.activations``), so a student can
trust either. Leaky ReLU's slope is a parameter: the seed text uses 0.1, Keras' LeakyReLU
layer defaults to 0.3 (``negative_slope=0.3``).
"""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    """1 / (1 + e^-z), computed without overflow for large negative z."""
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))


def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)


def tanh(z):
    return np.tanh(np.asarray(z, dtype=float))


def tanh_derivative(z):
    return 1 - np.tanh(np.asarray(z, dtype=float)) ** 2


def relu(z):
    return np.maximum(0.0, np.asarray(z, dtype=float))


def relu_derivative(z):
    """1 for z > 0, else 0 (the value at exactly 0 is a convention; Keras also uses 0)."""
    return (np.asarray(z, dtype=float) > 0).astype(float)


def leaky_relu(z, negative_slope: float = 0.1):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, negative_slope * z)


def leaky_relu_derivative(z, negative_slope: float = 0.1):
    return np.where(np.asarray(z, dtype=float) > 0, 1.0, negative_slope)


def softmax(z, axis: int = -1):
    """exp(z) / sum(exp(z)) along ``axis``; subtracting the max first avoids overflow."""
    z = np.asarray(z, dtype=float)
    shifted = np.exp(z - z.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


def identity(z):
    return np.asarray(z, dtype=float)


#: Look-up by the names Keras uses in ``Dense(..., activation=name)``.
BY_NAME = {
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": relu,
    "leaky_relu": leaky_relu,
    "softmax": softmax,
    "linear": identity,
}


def get(name: str):
    """The activation called ``name`` (as in Keras), with a helpful error for unknown names."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(BY_NAME)}") from None
