"""Explanatory diagrams drawn with Matplotlib (no images are downloaded or hot-linked)."""

from __future__ import annotations

import numpy as np


def _plt():
    import matplotlib.pyplot as plt

    return plt


def draw_biological_neuron(ax) -> None:
    """A stylised biological neuron: dendrites -> soma -> axon -> terminals."""
    from matplotlib.patches import Circle, FancyArrowPatch

    ax.add_patch(Circle((0, 0), 0.55, color="#f4a261", zorder=3))
    ax.add_patch(Circle((0, 0), 0.2, color="#e76f51", zorder=4))
    for angle in np.linspace(110, 250, 5):
        theta = np.radians(angle)
        start = 0.5 * np.array([np.cos(theta), np.sin(theta)])
        end = 1.6 * np.array([np.cos(theta), np.sin(theta)])
        ax.plot(*zip(start, end), color="#264653", lw=2.5)
        for spread in (-18, 18):
            twig = np.radians(angle + spread)
            ax.plot(*zip(end, end + 0.45 * np.array([np.cos(twig), np.sin(twig)])), color="#264653", lw=1.5)
    ax.plot([0.55, 3.0], [0, 0], color="#264653", lw=4)
    for dy in (-0.5, 0, 0.5):
        ax.add_patch(FancyArrowPatch((3.0, 0), (3.6, dy), arrowstyle="-|>", mutation_scale=12, color="#264653"))
    ax.text(-1.5, 1.55, "dendrites\n(receive signals)", ha="center", fontsize=10)
    ax.text(0, -1.05, "soma\n(sums the inputs)", ha="center", fontsize=10)
    ax.text(1.8, 0.2, "axon (sends the output)", ha="center", fontsize=10)
    ax.text(3.6, -1.05, "terminals", ha="center", fontsize=10)
    ax.set_title("Biological neuron")
    ax.set_xlim(-2.4, 4.2)
    ax.set_ylim(-1.6, 2.2)
    ax.set_aspect("equal")
    ax.axis("off")


def draw_artificial_neuron(ax, n_inputs: int = 3) -> None:
    """A perceptron: inputs x_i, weights w_i, sum plus bias, activation, output."""
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    ys = np.linspace(1.4, -1.4, n_inputs)
    for i, y in enumerate(ys, start=1):
        ax.add_patch(Circle((0, y), 0.28, color="#8ecae6", zorder=3))
        ax.text(0, y, f"$x_{i}$", ha="center", va="center", fontsize=12, zorder=4)
        ax.add_patch(FancyArrowPatch((0.3, y), (1.75, 0), arrowstyle="-|>", mutation_scale=12, color="#264653"))
        ax.text(0.85, 0.55 * y + 0.12, f"$w_{i}$", fontsize=11, color="#d62828")
    ax.add_patch(Circle((2.1, 0), 0.38, color="#f4a261", zorder=3))
    ax.text(2.1, 0, r"$\Sigma$", ha="center", va="center", fontsize=16, zorder=4)
    ax.text(2.1, 0.62, "+ b", ha="center", fontsize=11, color="#d62828")
    ax.add_patch(FancyArrowPatch((2.5, 0), (3.05, 0), arrowstyle="-|>", mutation_scale=12, color="#264653"))
    ax.add_patch(FancyBboxPatch((3.1, -0.32), 0.9, 0.64, boxstyle="round,pad=0.05", color="#2a9d8f", zorder=3))
    ax.text(3.55, 0, "$f$", ha="center", va="center", fontsize=14, color="white", zorder=4)
    ax.add_patch(FancyArrowPatch((4.05, 0), (4.8, 0), arrowstyle="-|>", mutation_scale=12, color="#264653"))
    ax.text(5.0, 0, r"$\hat y$", va="center", fontsize=13)
    ax.text(0, -2.0, "inputs\n(dendrites)", ha="center", fontsize=10)
    ax.text(2.1, -1.0, "weighted sum\n+ bias (soma)", ha="center", fontsize=10)
    ax.text(3.55, -1.0, "activation", ha="center", fontsize=10)
    ax.text(4.5, 0.35, "output\n(axon)", ha="center", fontsize=10)
    ax.set_title(r"Artificial neuron: $\hat y = f(\sum_i w_i x_i + b)$")
    ax.set_xlim(-0.6, 5.5)
    ax.set_ylim(-2.6, 2.0)
    ax.set_aspect("equal")
    ax.axis("off")


def neuron_comparison():
    """Both neurons side by side; returns the figure."""
    plt = _plt()
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.2))
    draw_biological_neuron(left)
    draw_artificial_neuron(right)
    fig.tight_layout()
    return fig
