"""Parameter counts of common Keras layers, from their formulas: the course's one home for them.

Notebook 10 writes :func:`dense_params`, :func:`conv2d_params`, :func:`lstm_params` and
:func:`gru_params` in its cells (``# saved in course_utils.keras_apis``) and compares each with
what Keras reports for a real layer; this module holds the same code for later notebooks and the
exercise checks. One argument order throughout: what goes in, then what comes out, then the kernel.
:func:`mlp_params` sums :func:`dense_params` over a stack of Dense layers.
"""

from __future__ import annotations

import numpy as np


def positive_int(name: str, value) -> int:
    """``value`` as an int when it is a positive whole number (not a bool), else a ``ValueError`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def dense_params(inputs, units, use_bias=True):
    """``Dense(units)`` on ``inputs`` features: a weight per (input, unit) pair plus one bias per unit."""
    return inputs * units + (units if use_bias else 0)


def conv2d_params(in_channels, filters, kernel_size, use_bias=True):
    """``Conv2D(filters, kernel_size)``: each filter has a weight per kernel cell and input channel, plus a bias."""
    height, width = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return height * width * in_channels * filters + (filters if use_bias else 0)


def lstm_params(inputs, units):
    """``LSTM(units)`` on ``inputs`` features per step: 4 blocks (3 gates + candidate), each ``u·d + u·u + u``."""
    return 4 * (units * inputs + units * units + units)


def gru_params(inputs, units, reset_after=True):
    """``GRU(units)``: 3 blocks (2 gates + candidate); ``reset_after=True``, Keras' default, gives each 2 biases."""
    return 3 * (units * inputs + units * units + (2 if reset_after else 1) * units)


def mlp_params(sizes) -> int:
    """A stack of Dense layers with the given widths, e.g. ``(784, 128, 10)``: the sum of their ``dense_params``."""
    sizes = [positive_int("layer width", size) for size in sizes]
    if len(sizes) < 2:
        raise ValueError(f"sizes must list at least two layer widths (inputs, ..., outputs), got {sizes}")
    return sum(dense_params(n_in, n_out) for n_in, n_out in zip(sizes, sizes[1:]))
