"""The activation functions and their derivatives, for the notebooks after 05.

The eight functions from ``sigmoid`` to ``leaky_relu_derivative`` and :func:`collapse` are written in
05_activation_functions' cells (the cells marked ``# saved in course_utils.activations``) and saved here
unchanged, d2l's ``#@save``; ``tests/test_saved_cells.py`` keeps the two identical. Leaky ReLU's slope
is a parameter: the lecture notes use 0.1 (the default here); Keras' ``layers.LeakyReLU`` defaults to
0.3 and the function ``keras.activations.leaky_relu`` to 0.2.

The rest is the package's own: :func:`softmax`, the ``"linear"`` activation, and the look-up by the
names Keras uses (:func:`get`, :func:`get_derivative`) for the plots and the backpropagation helpers, and
:func:`plot_activations`, 05's figure of each function with its derivative.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from course_utils.colours import CATEGORICAL as COLOURS
from course_utils.colours import GREY


def _as_float_array(z, name: str = "z") -> np.ndarray:
    """``z`` as a float array, or a ValueError that says what was wrong with it."""
    try:
        return np.asarray(z, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers, got {type(z).__name__} {z!r:.60}") from None


# --- saved from 05_activation_functions, section 1 ---------------------------------------------------


def sigmoid(z):
    e = np.exp(-np.abs(z))  # e^(-|z|) is at most 1: it never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(z):
    return sigmoid(z) * (1 - sigmoid(z))


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    return 1 - np.tanh(z) ** 2


def relu(z):
    return np.maximum(0, z)


def relu_derivative(z):
    return np.where(z > 0, 1.0, 0.0)  # at exactly 0 the slope is a convention; Keras uses 0 too


def leaky_relu(z, slope=0.1):
    return np.where(z > 0, z, slope * z)


def leaky_relu_derivative(z, slope=0.1):
    return np.where(z > 0, 1.0, slope)


# --- the package's own ----------------------------------------------------------------------------------


def softmax(z, axis: int = -1):
    """exp(z) / sum(exp(z)) along ``axis``; subtracting the max first avoids overflow."""
    z = _as_float_array(z)
    if z.ndim == 0:
        raise ValueError("softmax needs a vector (or a batch of vectors) of scores, got a single number")
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis {axis} is out of range for scores of shape {z.shape}")
    shifted = np.exp(z - z.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


def identity(z):
    """The 'linear' activation: z unchanged (Keras' default when no activation is given)."""
    return _as_float_array(z)


def identity_derivative(z):
    """1 everywhere."""
    return np.ones_like(_as_float_array(z))


#: Look-up by the names Keras uses in ``Dense(..., activation=name)``.
BY_NAME = {
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": relu,
    "leaky_relu": leaky_relu,
    "softmax": softmax,
    "linear": identity,
}

#: The derivative of each element-wise activation (softmax has a Jacobian, not a derivative).
DERIVATIVES = {
    "sigmoid": sigmoid_derivative,
    "tanh": tanh_derivative,
    "relu": relu_derivative,
    "leaky_relu": leaky_relu_derivative,
    "linear": identity_derivative,
}


def _look_up(table: dict, name: str, missing: str):
    try:
        return table[name]
    except (KeyError, TypeError):
        raise ValueError(f"{missing} {name!r}; choose one of {sorted(table)}") from None


def get(name: str):
    """The activation called ``name`` (as in Keras), with a helpful error for unknown names."""
    return _look_up(BY_NAME, name, "unknown activation")


def get_derivative(name: str):
    """The derivative of the element-wise activation called ``name``."""
    return _look_up(DERIVATIVES, name, "no derivative for")


# --- saved from 05_activation_functions, section 3 ---------------------------------------------------


def collapse(layers):
    """The one linear layer (W, b) that computes what a stack of linear layers (W1, b1), (W2, b2), ... computes."""
    W, b = layers[0]
    for W_next, b_next in layers[1:]:
        W, b = W @ W_next, b @ W_next + b_next
    return W, b


#: How the activation panels are titled, with the range of each function.
ACTIVATION_TITLES = {
    "sigmoid": "sigmoid: range (0, 1)",
    "tanh": "tanh: range (−1, 1)",
    "relu": "ReLU: range [0, ∞)",
    "leaky_relu": "Leaky ReLU (slope 0.1): range (−∞, ∞)",
    "linear": "linear: range (−∞, ∞)",
}


def plot_activations(names=("sigmoid", "tanh", "relu", "leaky_relu"), z=None, columns: int = 2):
    """One panel per activation: the function (solid) and its derivative (dashed) against z."""
    names = list(names)
    unknown = [n for n in names if n not in DERIVATIVES]
    if not names or unknown:
        raise ValueError(
            f"names must be activations with a derivative, from {sorted(DERIVATIVES)}; got {unknown or names}"
        )
    z = np.linspace(-5, 5, 401) if z is None else np.asarray(z, dtype=float)
    rows = int(np.ceil(len(names) / columns))
    fig, axes = plt.subplots(rows, columns, figsize=(4.0 * columns, 2.9 * rows), squeeze=False)
    for ax, name in zip(axes.ravel(), names):
        ax.axhline(0, color=GREY, lw=0.8)
        ax.axvline(0, color=GREY, lw=0.8)
        ax.plot(z, get(name)(z), lw=2.2, color=COLOURS[0], label="f(z)")
        ax.plot(z, get_derivative(name)(z), "--", lw=1.8, color=COLOURS[1], label="f′(z)")
        ax.set_title(ACTIVATION_TITLES.get(name, name), fontsize=11)
        ax.set_xlabel("z")
    for ax in axes.ravel()[len(names) :]:
        ax.axis("off")
    axes[0, 0].legend(loc="upper left")
    fig.tight_layout()
    return fig
