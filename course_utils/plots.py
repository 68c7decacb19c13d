"""Plots shared by several notebooks."""

from __future__ import annotations

import numpy as np


def plot_decision_boundary(predict, X, y, ax=None, title: str = "", resolution: int = 200, padding: float = 0.5):
    """Shade the regions where ``predict`` outputs 1 vs 0 and draw the labelled points.

    ``predict`` maps an (n, 2) array to n values; values above 0.5 count as class 1,
    so it may return hard labels or probabilities.
    """
    import matplotlib.pyplot as plt

    X, y = np.asarray(X, dtype=float), np.asarray(y).ravel()
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"plot_decision_boundary draws 2-D inputs; X has shape {X.shape}")
    if ax is None:
        _, ax = plt.subplots(figsize=(3.6, 3.4))
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    zz = (np.asarray(predict(grid)).reshape(xx.shape) > 0.5).astype(float)
    ax.contourf(xx, yy, zz, levels=[-0.5, 0.5, 1.5], colors=["#fde2c8", "#cde7f0"])
    for label, marker, color in ((0, "o", "#e76f51"), (1, "s", "#1d6fa3")):
        points = X[y == label]
        ax.scatter(points[:, 0], points[:, 1], marker=marker, s=90, color=color, edgecolor="k", label=f"class {label}", zorder=3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.grid(False)
    return ax
