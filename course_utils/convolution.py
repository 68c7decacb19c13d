"""What a convolutional layer computes and what it costs, in plain NumPy (reference for 14_convolutional_networks).

* :func:`convolve2d`: slide one small kernel over one image ("valid" positions only),
  exactly what a Keras ``Conv2D`` filter computes before its bias and activation
  (deep-learning libraries call this cross-correlation: the kernel is not flipped).
* :func:`dense_parameter_count` and :func:`conv2d_parameter_count`: the number of
  weights plus biases of a ``Dense`` and of a ``Conv2D`` layer.
"""

from __future__ import annotations

import numpy as np


def _positive_int(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def convolve2d(image, kernel) -> np.ndarray:
    """Slide ``kernel`` (k x k) over ``image`` (h x w) and return the (h-k+1) x (w-k+1) map of sums.

    ``out[i, j] = sum(image[i:i+k, j:j+k] * kernel)``: the same few weights are used at
    every position (weight sharing), and each output looks at a k x k patch (locality).
    """
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2:
        raise ValueError(f"image must be 2-D (height, width), got shape {image.shape}")
    if kernel.ndim != 2:
        raise ValueError(f"kernel must be 2-D (k, k), got shape {kernel.shape}")
    if kernel.shape[0] > image.shape[0] or kernel.shape[1] > image.shape[1]:
        raise ValueError(f"kernel {kernel.shape} is larger than the image {image.shape}")
    windows = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return np.einsum("ijkl,kl->ij", windows, kernel)


def dense_parameter_count(n_inputs: int, n_units: int) -> int:
    """Weights and biases of a Dense layer: every unit sees every input, ``(n_inputs + 1) * n_units``."""
    return (_positive_int("n_inputs", n_inputs) + 1) * _positive_int("n_units", n_units)


def conv2d_parameter_count(kernel_size: int, in_channels: int, filters: int) -> int:
    """Weights and biases of a Conv2D layer: ``(kernel_size**2 * in_channels + 1) * filters``.

    Independent of the image size, because each filter's weights are shared across positions.
    """
    k = _positive_int("kernel_size", kernel_size)
    return (k * k * _positive_int("in_channels", in_channels) + 1) * _positive_int("filters", filters)
