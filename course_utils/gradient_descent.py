"""Plain gradient descent, small enough to read in one go.

* :func:`gradient_descent` repeats the update ``w ← w − η · ∂L/∂w`` and returns every
  point it visits;
* :func:`quadratic_closed_form` is where that lands on L = a·x² after k steps (a formula,
  no loop), so the notebook can check the simulation against it;
* :func:`classify_run` names what a run did: crawls, converges, oscillates or diverges;
* :func:`fit_line` fits y ≈ w·x + b by gradient descent on the mean squared error.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np


def _check_learning_rate(learning_rate) -> float:
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, numbers.Real) or not np.isfinite(learning_rate):
        raise ValueError(f"learning_rate must be a finite number, got {learning_rate!r}")
    if learning_rate <= 0:
        raise ValueError(f"learning_rate must be > 0 (it is the step size), got {learning_rate}")
    return float(learning_rate)


def _check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 0:
        raise ValueError(f"steps must be a non-negative integer, got {steps!r}")
    return int(steps)


def gradient_descent(gradient, start, learning_rate: float, steps: int) -> np.ndarray:
    """Take ``steps`` steps of ``w ← w − learning_rate · gradient(w)`` from ``start``.

    ``gradient`` maps the parameters (a number or an array) to ∂L/∂w of the same shape.
    Returns the visited points, start included: shape (steps + 1,) + shape of ``start``.
    """
    if not callable(gradient):
        raise ValueError(f"gradient must be a function of the parameters, got {type(gradient).__name__}")
    learning_rate, steps = _check_learning_rate(learning_rate), _check_steps(steps)
    try:
        w = np.array(start, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"start must be a number or an array of numbers, got {start!r}") from None
    history = [w.copy()]
    for _ in range(steps):
        grad = np.asarray(gradient(w), dtype=float)
        if grad.shape != w.shape:
            raise ValueError(f"gradient returned shape {grad.shape} for parameters of shape {w.shape}")
        w = w - learning_rate * grad
        history.append(w.copy())
    return np.array(history)


def quadratic_closed_form(start: float, learning_rate: float, steps, curvature: float = 1.0):
    """x_k = start · (1 − 2·curvature·η)^k: gradient descent on L = curvature·x² after k steps.

    Each step multiplies x by the same factor, since x − η·2ax = (1 − 2aη)·x. ``steps`` may
    be an int or an array of ints.
    """
    learning_rate = _check_learning_rate(learning_rate)
    k = np.asarray(steps)
    if not np.issubdtype(k.dtype, np.integer) or np.any(k < 0):
        raise ValueError(f"steps must be non-negative integers, got {steps!r}")
    return float(start) * (1 - 2 * float(curvature) * learning_rate) ** k


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


def _line_data(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or len(x) < 2:
        raise ValueError(f"x and y must be 1-D arrays of the same length >= 2, got shapes {x.shape} and {y.shape}")
    return x, y


def line_mse(x, y, w: float, b: float) -> float:
    """Mean squared error of the line ŷ = w·x + b on the data (x, y)."""
    x, y = _line_data(x, y)
    return float(np.mean((w * x + b - y) ** 2))


def line_mse_gradient(x, y, w: float, b: float) -> np.ndarray:
    """(∂L/∂w, ∂L/∂b) of L = mean((w·x + b − y)²): (2·mean(error·x), 2·mean(error))."""
    x, y = _line_data(x, y)
    error = w * x + b - y
    return np.array([2 * np.mean(error * x), 2 * np.mean(error)])


@dataclass
class LineFit:
    """The result of :func:`fit_line`: final slope and intercept, and the loss before each step and at the end."""

    w: float
    b: float
    losses: list = field(default_factory=list)


def fit_line(x, y, learning_rate: float = 0.1, steps: int = 200, start=(0.0, 0.0)) -> LineFit:
    """Fit y ≈ w·x + b with plain (full-batch) gradient descent on the mean squared error."""
    x, y = _line_data(x, y)
    if np.shape(start) != (2,):
        raise ValueError(f"start must be the pair (w, b), got {start!r}")
    path = gradient_descent(lambda p: line_mse_gradient(x, y, *p), start, learning_rate, steps)
    losses = [line_mse(x, y, *p) for p in path]
    return LineFit(w=float(path[-1, 0]), b=float(path[-1, 1]), losses=losses)
