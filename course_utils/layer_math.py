"""Parameter counts and output shapes of common Keras layers, from their formulas.

Notebook 09 compares every formula with what Keras reports for a real layer.
"""

from __future__ import annotations


def _positive(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


def _kernel(kernel_size) -> tuple[int, int]:
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if len(tuple(kernel_size)) != 2:
        raise ValueError(f"kernel_size must be an int or a pair (height, width), got {kernel_size!r}")
    return tuple(_positive("kernel_size", k) for k in kernel_size)


def dense_params(inputs: int, units: int, use_bias: bool = True) -> int:
    """``Dense(units)`` on ``inputs`` features: a weight per (input, unit) pair plus one bias per unit."""
    return _positive("inputs", inputs) * _positive("units", units) + (units if use_bias else 0)


def conv2d_params(in_channels: int, filters: int, kernel_size, use_bias: bool = True) -> int:
    """``Conv2D(filters, kernel_size)``: each filter has kh·kw·in_channels weights and one bias."""
    kh, kw = _kernel(kernel_size)
    return kh * kw * _positive("in_channels", in_channels) * _positive("filters", filters) + (filters if use_bias else 0)


def conv2d_output_size(height: int, width: int, kernel_size, strides: int = 1, padding: str = "valid") -> tuple[int, int]:
    """Spatial output size of a 2-D convolution: ``floor((n - k) / s) + 1`` for "valid", ``ceil(n / s)`` for "same"."""
    kh, kw = _kernel(kernel_size)
    height, width, strides = _positive("height", height), _positive("width", width), _positive("strides", strides)
    if padding == "same":
        return -(-height // strides), -(-width // strides)
    if padding != "valid":
        raise ValueError(f"padding must be 'valid' or 'same', got {padding!r}")
    if kh > height or kw > width:
        raise ValueError(f"a {kh}x{kw} kernel does not fit a {height}x{width} input with padding='valid'")
    return (height - kh) // strides + 1, (width - kw) // strides + 1


def lstm_params(inputs: int, units: int) -> int:
    """``LSTM(units)``: 4 gates (input, forget, cell, output), each with input weights, recurrent weights and a bias."""
    return 4 * (_positive("units", units) * (_positive("inputs", inputs) + units) + units)


def gru_params(inputs: int, units: int, reset_after: bool = True) -> int:
    """``GRU(units)``: 3 gates (update, reset, candidate) with input and recurrent weights.

    Keras' default ``reset_after=True`` (the cuDNN-compatible variant) keeps two bias
    vectors per gate, one for the input part and one for the recurrent part; with
    ``reset_after=False`` there is one.
    """
    biases = 2 if reset_after else 1
    return 3 * (_positive("units", units) * (_positive("inputs", inputs) + units) + biases * units)
