"""What 07_gradient_descent uses beyond the cells it writes itself.

* :func:`classify_run` names what a run did: crawls, converges, oscillates or diverges;
* :func:`make_line_data` draws the noisy points of the line fit (also used by 13_frameworks);
* :func:`line_mse` and :func:`line_mse_gradient` are saved from 07's cell (the exercise checks use them);
* :class:`LineFit` holds a finished line fit for :func:`plot_line_fit`;
* :func:`plot_descent_paths`, :func:`plot_distance_to_minimum` and :func:`plot_line_fit` draw 07's figures.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import numpy as np

from course_utils.colours import BLACK, GREY
from course_utils.colours import CATEGORICAL as COLOURS


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


MARKERS = ("o", "s", "^", "D", "v", "P")


def plot_descent_paths(runs, loss=lambda x: x**2, span: float = 10.0, panel_size=(3.2, 3.0)):
    """One panel per run: the loss curve and the points a run visited, joined in order.

    ``runs`` maps a panel title (e.g. ``"η = 0.1: converges"``) to the visited x values. Points beyond
    ±``span`` are drawn at the edge. ``panel_size`` is (width, height) of each panel in inches.
    """

    runs = dict(runs)
    if not runs:
        raise ValueError("runs is empty: pass {title: visited x values}")
    width, height = panel_size
    fig, axes = plt.subplots(1, len(runs), figsize=(width * len(runs), height), squeeze=False, sharey=True)
    grid = np.linspace(-span, span, 200)
    for ax, (title, xs) in zip(axes[0], runs.items()):
        xs = np.asarray(xs, dtype=float)
        ax.plot(grid, loss(grid), color=GREY, lw=1.5)
        shown = np.clip(xs, -span, span)
        ax.plot(shown, loss(shown), "-o", color=COLOURS[4], ms=4, lw=0.8)
        ax.plot(shown[0], loss(shown[0]), "s", color=BLACK, ms=6)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("x")
    axes[0, 0].set_ylabel("L(x)")
    fig.tight_layout()
    return fig


def plot_distance_to_minimum(runs):
    """|x_k| against step k on a log scale, one line per run: a straight line means a constant factor per step."""
    fig, ax = plt.subplots(figsize=(5.6, 3.4))
    for (title, xs), colour, marker in zip(dict(runs).items(), COLOURS * 2, MARKERS * 2):
        xs = np.abs(np.asarray(xs, dtype=float))
        ax.semilogy(np.arange(len(xs)), xs, "-", marker=marker, ms=3, color=colour, label=title)
    ax.set_xlabel("step k")
    ax.set_ylabel("|x_k|, distance to the minimum")
    ax.legend(loc="center left", bbox_to_anchor=(1, 0.5))
    fig.tight_layout()
    return fig


def plot_line_fit(x, y, fit, true_line=None):
    """Left: the data with the fitted line (and the true one); right: the loss at every step (log scale)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.3))
    left.scatter(x, y, s=12, color=COLOURS[0], alpha=0.7, label="data")
    grid = np.array([x.min(), x.max()])
    left.plot(grid, fit.w * grid + fit.b, color=COLOURS[4], lw=2.2, label=f"fitted: {fit.w:.2f}x + {fit.b:.2f}")
    if true_line is not None:
        left.plot(
            grid, true_line[0] * grid + true_line[1], "k--", lw=1.2, label=f"true: {true_line[0]:g}x + {true_line[1]:g}"
        )
    left.set_xlabel("x")
    left.set_ylabel("y")
    left.legend()
    right.semilogy(np.arange(len(fit.losses)), fit.losses, lw=2, color=COLOURS[0])
    right.set_xlabel("gradient descent step")
    right.set_ylabel("MSE loss")
    right.set_title("loss curve")
    fig.tight_layout()
    return fig
