"""Parameter counts and output shapes of common Keras layers, from their formulas: the course's one home for them.

Every notebook that counts parameters uses these (one argument order throughout: what goes in,
then what comes out, then the kernel): :func:`dense_params`, :func:`mlp_params` (a stack of
Dense layers), :func:`conv2d_params`, :func:`conv2d_output_size`, :func:`lstm_params`,
:func:`gru_params`. Notebook 10 writes each formula in a cell and checks it against these and
against what Keras reports for a real layer.
"""

from __future__ import annotations

import numpy as np


def positive_int(name: str, value) -> int:
    """``value`` as an int when it is a positive whole number (not a bool), else a ``ValueError`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def _kernel(kernel_size) -> tuple[int, int]:
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if len(tuple(kernel_size)) != 2:
        raise ValueError(f"kernel_size must be an int or a pair (height, width), got {kernel_size!r}")
    return tuple(positive_int("kernel_size", k) for k in kernel_size)


def dense_params(inputs: int, units: int, use_bias: bool = True) -> int:
    """``Dense(units)`` on ``inputs`` features: a weight per (input, unit) pair plus one bias per unit."""
    return positive_int("inputs", inputs) * positive_int("units", units) + (units if use_bias else 0)


def mlp_params(sizes) -> int:
    """A stack of Dense layers with the given widths, e.g. ``(784, 128, 10)``: the sum of their ``dense_params``."""
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes must list at least two layer widths (inputs, ..., outputs), got {sizes}")
    return sum(dense_params(n_in, n_out) for n_in, n_out in zip(sizes, sizes[1:]))


def conv2d_params(in_channels: int, filters: int, kernel_size, use_bias: bool = True) -> int:
    """``Conv2D(filters, kernel_size)``: each filter has kh·kw·in_channels weights and one bias."""
    kh, kw = _kernel(kernel_size)
    return kh * kw * positive_int("in_channels", in_channels) * positive_int("filters", filters) + (
        filters if use_bias else 0
    )


def conv2d_output_size(
    height: int, width: int, kernel_size, strides: int = 1, padding: str = "valid"
) -> tuple[int, int]:
    """Spatial output size of a 2-D convolution: ``floor((n - k) / s) + 1`` for "valid", ``ceil(n / s)`` for "same"."""
    kh, kw = _kernel(kernel_size)
    height, width, strides = (
        positive_int("height", height),
        positive_int("width", width),
        positive_int("strides", strides),
    )
    if padding == "same":
        return -(-height // strides), -(-width // strides)
    if padding != "valid":
        raise ValueError(f"padding must be 'valid' or 'same', got {padding!r}")
    if kh > height or kw > width:
        raise ValueError(f"a {kh}x{kw} kernel does not fit a {height}x{width} input with padding='valid'")
    return (height - kh) // strides + 1, (width - kw) // strides + 1


def lstm_params(inputs: int, units: int) -> int:
    """``LSTM(units)`` on ``inputs`` features per step: 4 weight blocks, each ``units·inputs + units·units + units``.

    Three gates (input, forget, output) and the candidate cell update each have weights for the
    step's input, weights for the previous output (the recurrent weights) and a bias.
    """
    return 4 * (positive_int("units", units) * (positive_int("inputs", inputs) + units) + units)


def gru_params(inputs: int, units: int, reset_after: bool = True) -> int:
    """``GRU(units)`` on ``inputs`` features per step: 3 weight blocks, two gates (reset, update) and the candidate.

    Each block has input weights, recurrent weights and biases. Keras' default
    ``reset_after=True`` (the cuDNN-compatible variant) keeps two bias vectors per block, one
    for the input part and one for the recurrent part; with ``reset_after=False`` there is one.
    """
    biases = 2 if reset_after else 1
    return 3 * (positive_int("units", units) * (positive_int("inputs", inputs) + units) + biases * units)
