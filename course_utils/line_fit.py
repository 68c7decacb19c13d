"""The data of 13_frameworks' one task in five frameworks: noisy points around y = 3x + 2.

The notebook writes the five fits (TensorFlow, Keras, PyTorch, JAX, MXNet) in its own cells;
this module only makes the points they all fit, the same for every framework.
"""

from __future__ import annotations

import numpy as np

from course_utils import gradient_descent

TRUE_W, TRUE_B = 3.0, 2.0


def make_line_data(seed: int, n: int = 100, noise: float = 0.1):
    """``n`` points of y = 3x + 2 plus Gaussian noise (std ``noise``), x uniform in [-1, 1]; float32.

    The same generator as 07_gradient_descent's (:func:`course_utils.gradient_descent.make_line_data`),
    seeded with ``seed`` and cast to float32, the precision every framework here computes in.
    """
    x, y = gradient_descent.make_line_data(n, TRUE_W, TRUE_B, noise, np.random.default_rng(seed))
    return x.astype("float32"), y.astype("float32")
