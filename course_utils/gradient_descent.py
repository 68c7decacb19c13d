"""What 07_gradient_descent uses beyond the cells it writes itself.

* :func:`classify_run` names what a run did: crawls, converges, oscillates or diverges;
* :func:`make_line_data` draws the noisy points of the line fit (also used by 13_frameworks);
* :func:`line_mse` and :func:`line_mse_gradient` are saved from 07's cell (the exercise checks use them);
* :class:`LineFit` holds a finished line fit for :func:`course_utils.function_plots.plot_line_fit`.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np


def classify_run(history, converged_fraction: float = 0.05) -> str:
    """Name what a 1-D run towards the minimum at 0 did, by these rules, in this order:

    * ``"diverges"``: it ends farther from 0 than it started;
    * ``"oscillates"``: x changes sign at every step (it jumps over the minimum each time);
    * ``"converges"``: it ends within ``converged_fraction`` of its starting distance;
    * ``"crawls"``: otherwise (it moves the right way, but too slowly to get close).
    """
    x = np.asarray(history, dtype=float)
    if x.ndim != 1 or len(x) < 2:
        raise ValueError(f"history must be a 1-D run of at least 2 points, got shape {x.shape}")
    if x[0] == 0:
        raise ValueError("the run starts at the minimum (x = 0): there is nothing to classify")
    if abs(x[-1]) > abs(x[0]):
        return "diverges"
    if np.all(x[1:] * x[:-1] < 0):
        return "oscillates"
    if abs(x[-1]) <= converged_fraction * abs(x[0]):
        return "converges"
    return "crawls"


def make_line_data(n: int, slope: float, intercept: float, noise: float, rng: np.random.Generator):
    """n points with x uniform in [−1, 1] and y = slope·x + intercept + Gaussian noise (std ``noise``)."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 2:
        raise ValueError(f"n must be an integer >= 2 (a line needs two points), got {n!r}")
    if noise < 0:
        raise ValueError(f"noise is a standard deviation and must be >= 0, got {noise}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy Generator, e.g. np.random.default_rng(SEED)")
    x = rng.uniform(-1, 1, size=n)
    return x, slope * x + intercept + rng.normal(0, noise, size=n)


# saved from 07_gradient_descent, section 5


def line_mse(x, y, w, b):
    """Mean squared error of the line ŷ = w·x + b on the data (x, y)."""
    return float(np.mean((w * x + b - y) ** 2))


def line_mse_gradient(x, y, w, b):
    """(∂L/∂w, ∂L/∂b) of L = mean((w·x + b − y)²)."""
    error = w * x + b - y
    return np.array([2 * np.mean(error * x), 2 * np.mean(error)])


@dataclass
class LineFit:
    """A finished line fit: final slope ``w`` and intercept ``b``, and the loss at every step (start included)."""

    w: float
    b: float
    losses: list = field(default_factory=list)
