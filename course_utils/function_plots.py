"""Figures of one-variable functions for 05 (activations), 06 (losses) and 07 (gradient descent).

Every ``plot_*`` function draws with Matplotlib (imported on first use) and returns the figure, which the
notebook shows with :func:`course_utils.plots.show`. Colours come from the Okabe-Ito palette, which stays
distinguishable with colour blindness.
"""

from __future__ import annotations

import numpy as np

from course_utils import activations as act
from course_utils import losses
from course_utils.colours import CATEGORICAL as COLOURS

MARKERS = ("o", "s", "^", "D", "v", "P")

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
    import matplotlib.pyplot as plt

    names = list(names)
    unknown = [n for n in names if n not in act.DERIVATIVES]
    if not names or unknown:
        raise ValueError(
            f"names must be activations with a derivative, from {sorted(act.DERIVATIVES)}; got {unknown or names}"
        )
    z = np.linspace(-5, 5, 401) if z is None else np.asarray(z, dtype=float)
    rows = int(np.ceil(len(names) / columns))
    fig, axes = plt.subplots(rows, columns, figsize=(4.0 * columns, 2.9 * rows), squeeze=False)
    for ax, name in zip(axes.ravel(), names):
        ax.axhline(0, color="grey", lw=0.8)
        ax.axvline(0, color="grey", lw=0.8)
        ax.plot(z, act.get(name)(z), lw=2.2, color=COLOURS[0], label="f(z)")
        ax.plot(z, act.get_derivative(name)(z), "--", lw=1.8, color=COLOURS[1], label="f′(z)")
        ax.set_title(ACTIVATION_TITLES.get(name, name), fontsize=11)
        ax.set_xlabel("z")
    for ax in axes.ravel()[len(names) :]:
        ax.axis("off")
    axes[0, 0].legend(loc="upper left")
    fig.tight_layout()
    return fig


def plot_losses_vs_probability(p=None):
    """For a sample whose true label is 1: each loss (left) and |dL/dz| at the sigmoid's logit (right) against p."""
    import matplotlib.pyplot as plt

    p = np.linspace(0.001, 0.999, 500) if p is None else np.asarray(p, dtype=float)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.4))
    left.plot(p, -np.log(p), lw=2.2, color=COLOURS[0], label="cross-entropy  −log p")
    left.plot(p, (1 - p) ** 2, lw=2.2, color=COLOURS[1], ls="--", label="MSE  (1 − p)²")
    left.set_ylim(0, 5)
    left.set_title("loss when the true label is 1")
    gradients = (("cross-entropy", losses.cross_entropy_gradient_wrt_z), ("MSE", losses.mse_gradient_wrt_z))
    for (label, gradient), colour, style in zip(gradients, COLOURS, ("-", "--")):
        right.plot(p, np.abs(gradient(1.0, p)), lw=2.2, color=colour, ls=style, label=label)
    right.set_title("gradient size |dL/dz| reaching the network")
    right.axvspan(0, 0.1, color=COLOURS[4], alpha=0.12)
    right.annotate("confidently wrong", (0.02, 0.55), fontsize=10, color=COLOURS[4])
    for ax in (left, right):
        ax.set_xlabel("predicted probability p of the true class")
        ax.legend()
    fig.tight_layout()
    return fig


def plot_descent_paths(runs, loss=lambda x: x**2, span: float = 10.0, panel_size=(3.2, 3.0)):
    """One panel per run: the loss curve and the points a run visited, joined in order.

    ``runs`` maps a panel title (e.g. ``"η = 0.1: converges"``) to the visited x values. Points beyond
    ±``span`` are drawn at the edge. ``panel_size`` is (width, height) of each panel in inches.
    """
    import matplotlib.pyplot as plt

    runs = dict(runs)
    if not runs:
        raise ValueError("runs is empty: pass {title: visited x values}")
    width, height = panel_size
    fig, axes = plt.subplots(1, len(runs), figsize=(width * len(runs), height), squeeze=False, sharey=True)
    grid = np.linspace(-span, span, 200)
    for ax, (title, xs) in zip(axes[0], runs.items()):
        xs = np.asarray(xs, dtype=float)
        ax.plot(grid, loss(grid), color="grey", lw=1.5)
        shown = np.clip(xs, -span, span)
        ax.plot(shown, loss(shown), "-o", color=COLOURS[4], ms=4, lw=0.8)
        ax.plot(shown[0], loss(shown[0]), "s", color="k", ms=6)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("x")
    axes[0, 0].set_ylabel("L(x)")
    fig.tight_layout()
    return fig


def plot_distance_to_minimum(runs):
    """|x_k| against step k on a log scale, one line per run: a straight line means a constant factor per step."""
    import matplotlib.pyplot as plt

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
    import matplotlib.pyplot as plt

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
