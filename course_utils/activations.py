"""NumPy reference implementations of the activation functions and their derivatives.

05_activation_functions writes each function in a cell and checks it against these, and checks
these against Keras' own (``keras.activations``). Leaky ReLU's slope is a parameter: the lecture
notes use 0.1 (our default),
Keras' ``layers.LeakyReLU`` defaults to 0.3 and the function ``keras.activations.leaky_relu``
to 0.2; the constants below record both so the notebooks can assert them.

Besides the functions themselves, two helpers support the lesson on *why* networks need
them: :func:`collapse_linear_layers` (stacked linear layers are one linear layer) and
:func:`dead_units` (ReLU units that output 0 for every input, so no gradient reaches them).
"""

from __future__ import annotations

import numbers

import numpy as np

#: The negative slope the lecture notes use, and the default here.
NOTES_NEGATIVE_SLOPE = 0.1
#: Default ``negative_slope`` of ``keras.layers.LeakyReLU``.
KERAS_LAYER_NEGATIVE_SLOPE = 0.3
#: Default ``negative_slope`` of the function ``keras.activations.leaky_relu``.
KERAS_FUNCTION_NEGATIVE_SLOPE = 0.2


def _as_float_array(z, name: str = "z") -> np.ndarray:
    """``z`` as a float array, or a ValueError that says what was wrong with it."""
    try:
        return np.asarray(z, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers, got {type(z).__name__} {z!r:.60}") from None


def _check_slope(negative_slope) -> float:
    if (
        isinstance(negative_slope, bool)
        or not isinstance(negative_slope, numbers.Real)
        or not np.isfinite(negative_slope)
    ):
        raise ValueError(f"negative_slope must be a finite number, got {negative_slope!r}")
    if negative_slope < 0:
        raise ValueError(f"negative_slope must be >= 0 (0 gives plain ReLU), got {negative_slope}")
    return float(negative_slope)


def sigmoid(z):
    """1 / (1 + e^-z), squashing any real number into (0, 1); no overflow for large |z|."""
    z = _as_float_array(z)
    e = np.exp(-np.abs(z))  # in (0, 1], never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative(z):
    """sigmoid(z) · (1 − sigmoid(z)): at most 0.25 (at z = 0), tiny for large |z|."""
    s = sigmoid(z)
    return s * (1 - s)


def tanh(z):
    """The hyperbolic tangent, squashing any real number into (−1, 1), centred on 0."""
    return np.tanh(_as_float_array(z))


def tanh_derivative(z):
    """1 − tanh(z)²: at most 1 (at z = 0)."""
    return 1 - np.tanh(_as_float_array(z)) ** 2


def relu(z):
    """max(0, z): negative inputs become 0, positive ones pass unchanged."""
    return np.maximum(0.0, _as_float_array(z))


def relu_derivative(z):
    """1 for z > 0, else 0 (the value at exactly 0 is a convention; Keras also uses 0)."""
    return (_as_float_array(z) > 0).astype(float)


def leaky_relu(z, negative_slope: float = NOTES_NEGATIVE_SLOPE):
    """z for z > 0, ``negative_slope`` · z otherwise (a small slope keeps gradients alive)."""
    slope = _check_slope(negative_slope)
    z = _as_float_array(z)
    return np.where(z > 0, z, slope * z)


def leaky_relu_derivative(z, negative_slope: float = NOTES_NEGATIVE_SLOPE):
    """1 for z > 0, ``negative_slope`` otherwise: never exactly 0 when the slope is positive."""
    slope = _check_slope(negative_slope)
    return np.where(_as_float_array(z) > 0, 1.0, slope)


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


def collapse_linear_layers(layers):
    """The single linear layer (W, b) that computes the same map as a stack of linear layers.

    ``layers`` is a sequence of ``(W, b)`` pairs applied in order as ``x @ W + b`` (Keras'
    convention: W has shape (inputs, outputs)). Because
    ``(x @ W1 + b1) @ W2 + b2 = x @ (W1 @ W2) + (b1 @ W2 + b2)``, any number of layers
    without an activation between them is one linear layer.
    """
    layers = list(layers)
    if not layers:
        raise ValueError("collapse_linear_layers needs at least one (W, b) pair")
    total_w, total_b = None, None
    for i, pair in enumerate(layers):
        try:
            w, b = pair
        except (TypeError, ValueError):
            raise ValueError(f"layer {i} must be a (W, b) pair, got {type(pair).__name__}") from None
        w, b = _as_float_array(w, f"W of layer {i}"), _as_float_array(b, f"b of layer {i}")
        if w.ndim != 2 or b.shape != (w.shape[1],):
            raise ValueError(
                f"layer {i}: W must have shape (inputs, outputs) and b shape (outputs,); "
                f"got W {w.shape} and b {b.shape}"
            )
        if total_w is None:
            total_w, total_b = w, b
        elif total_w.shape[1] != w.shape[0]:
            raise ValueError(f"layer {i} expects {w.shape[0]} inputs but the layer before outputs {total_w.shape[1]}")
        else:
            total_w, total_b = total_w @ w, total_b @ w + b
    return total_w, total_b


def dead_units(pre_activations):
    """Boolean mask of the ReLU units that output 0 for every sample.

    ``pre_activations`` has shape (samples, units): the weighted sums z fed to ReLU. A unit
    whose z is ≤ 0 on every sample outputs 0 and has ReLU derivative 0 on every sample, so no
    gradient reaches its incoming weights and bias: it is "dead" for as long as its inputs stay
    the same (when the layer below changes its outputs, z changes and the unit may come back).
    """
    z = _as_float_array(pre_activations, "pre_activations")
    if z.ndim != 2 or z.shape[0] == 0:
        raise ValueError(f"pre_activations must have shape (samples, units) with at least one sample, got {z.shape}")
    return np.all(z <= 0, axis=0)
