"""Explanatory diagrams drawn with Matplotlib (no images are downloaded or hot-linked)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from course_utils.colours import (
    BLUISH_GREEN,
    INK,
    LIGHT_GREY,
    ORANGE,
    SIGNED_CMAP,
    SKY_BLUE,
    VERMILLION,
    WHITE,
)
from course_utils.neuron import GATE_INPUTS, GATE_TARGETS, step
from course_utils.plots import plot_decision_boundary


def draw_biological_neuron(ax) -> None:
    """A stylised biological neuron: dendrites -> soma -> axon -> terminals."""
    ax.add_patch(Circle((0, 0), 0.55, color=ORANGE, zorder=3))
    ax.add_patch(Circle((0, 0), 0.2, color=VERMILLION, zorder=4))
    for angle in np.linspace(110, 250, 5):
        theta = np.radians(angle)
        start = 0.5 * np.array([np.cos(theta), np.sin(theta)])
        end = 1.6 * np.array([np.cos(theta), np.sin(theta)])
        ax.plot(*zip(start, end), color=INK, lw=2.5)
        for spread in (-18, 18):
            twig = np.radians(angle + spread)
            ax.plot(*zip(end, end + 0.45 * np.array([np.cos(twig), np.sin(twig)])), color=INK, lw=1.5)
    ax.plot([0.55, 3.0], [0, 0], color=INK, lw=4)
    for dy in (-0.5, 0, 0.5):
        ax.add_patch(FancyArrowPatch((3.0, 0), (3.6, dy), arrowstyle="-|>", mutation_scale=12, color=INK))
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
    ys = np.linspace(1.4, -1.4, n_inputs)
    for i, y in enumerate(ys, start=1):
        ax.add_patch(Circle((0, y), 0.28, color=SKY_BLUE, zorder=3))
        ax.text(0, y, f"$x_{i}$", ha="center", va="center", fontsize=12, zorder=4)
        ax.add_patch(FancyArrowPatch((0.3, y), (1.75, 0), arrowstyle="-|>", mutation_scale=12, color=INK))
        ax.text(0.85, 0.55 * y + 0.12, f"$w_{i}$", fontsize=11, color=VERMILLION)
    ax.add_patch(Circle((2.1, 0), 0.38, color=ORANGE, zorder=3))
    ax.text(2.1, 0, r"$\Sigma$", ha="center", va="center", fontsize=16, zorder=4)
    ax.text(2.1, 0.62, "+ b", ha="center", fontsize=11, color=VERMILLION)
    ax.add_patch(FancyArrowPatch((2.5, 0), (3.05, 0), arrowstyle="-|>", mutation_scale=12, color=INK))
    ax.add_patch(FancyBboxPatch((3.1, -0.32), 0.9, 0.64, boxstyle="round,pad=0.05", color=BLUISH_GREEN, zorder=3))
    ax.text(3.55, 0, "$f$", ha="center", va="center", fontsize=14, color=WHITE, zorder=4)
    ax.add_patch(FancyArrowPatch((4.05, 0), (4.8, 0), arrowstyle="-|>", mutation_scale=12, color=INK))
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
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.2))
    draw_biological_neuron(left)
    draw_artificial_neuron(right)
    fig.tight_layout()
    return fig


def _shown_neurons(size: int, max_shown: int) -> list:
    """Indices of the neurons drawn for a layer of ``size``: all, or the first few, a gap (None), the last."""
    if size <= max_shown:
        return list(range(size))
    return list(range(max_shown - 1)) + [None, size - 1]


def layered_network(layer_sizes, titles=None, neuron_labels=None, max_shown: int = 6):
    """A fully connected network drawn layer by layer, left to right; returns the figure.

    ``layer_sizes``: the number of neurons in each layer, input first, e.g. ``[784, 128, 10]``.
    Layers larger than ``max_shown`` show their first neurons, a "⋮" and their last one,
    and every layer is labelled with its true size. ``titles`` (one per layer) is written
    above the size; ``neuron_labels`` (one per layer, each a function of the neuron's
    index, or None) names the neurons, e.g. ``lambda i: f"x{i + 1}"``.
    """

    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes needs at least two layers (input and output), got {sizes}")
    if any(not isinstance(s, (int, np.integer)) or isinstance(s, bool) or s < 1 for s in sizes):
        raise ValueError(f"every layer size must be a positive integer, got {sizes}")
    if not isinstance(max_shown, (int, np.integer)) or max_shown < 2:
        raise ValueError(f"max_shown must be an integer of at least 2, got {max_shown!r}")
    titles = list(titles) if titles is not None else [""] * len(sizes)
    neuron_labels = list(neuron_labels) if neuron_labels is not None else [None] * len(sizes)
    for name, values in (("titles", titles), ("neuron_labels", neuron_labels)):
        if len(values) != len(sizes):
            raise ValueError(f"{name} needs one entry per layer ({len(sizes)}), got {len(values)}")

    fig, ax = plt.subplots(figsize=(2.6 * len(sizes) + 1, 4.8))
    spacing, radius = 0.62, 0.2
    colors = [SKY_BLUE] + [ORANGE] * (len(sizes) - 2) + [BLUISH_GREEN]
    positions = []
    for column, size in enumerate(sizes):
        shown = _shown_neurons(size, max_shown)
        ys = (np.arange(len(shown))[::-1] - (len(shown) - 1) / 2) * spacing
        positions.append([(column * 2.6, y, index) for y, index in zip(ys, shown)])
    for left, right in zip(positions, positions[1:]):
        for x0, y0, i in left:
            for x1, y1, j in right:
                if i is not None and j is not None:
                    ax.plot([x0 + radius, x1 - radius], [y0, y1], color=LIGHT_GREY, lw=0.6, zorder=1)
    title_y = max(y for layer in positions for _, y, _ in layer) + 0.55  # one line for all titles
    for column, (layer, size) in enumerate(zip(positions, sizes)):
        for x, y, index in layer:
            if index is None:
                ax.text(x, y, "⋮", ha="center", va="center", fontsize=18)
                continue
            ax.add_patch(Circle((x, y), radius, color=colors[column], ec=INK, zorder=3))
            label = neuron_labels[column]
            if label is not None:
                ax.text(x, y, label(index), ha="center", va="center", fontsize=8, zorder=4)
        text = f"{titles[column]}\n{size:,} neurons" if titles[column] else f"{size:,} neurons"
        ax.text(column * 2.6, title_y, text, ha="center", va="bottom", fontsize=10)
    ax.set_xlim(-0.8, 2.6 * (len(sizes) - 1) + 0.8)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.tight_layout()
    return fig


def weight_images(kernel, count: int = 24, columns: int = 8, size: float = 1.2, title: str = ""):
    """Each hidden neuron's incoming weights drawn as an image; returns the figure.

    ``kernel`` is a first Dense layer's weight matrix, shape (pixels, neurons) as Keras
    stores it, with a square number of pixels (784 = 28×28). The first ``count`` neurons
    are drawn, red where ink on that pixel raises the neuron's sum, blue where it lowers it,
    on one colour scale shared by all of them.
    """
    kernel = np.asarray(kernel, dtype=float)
    if kernel.ndim != 2:
        raise ValueError(f"kernel must have shape (pixels, neurons), got {kernel.shape}")
    side = int(round(np.sqrt(kernel.shape[0])))
    if side * side != kernel.shape[0]:
        raise ValueError(f"kernel has {kernel.shape[0]} rows, not a square number of pixels such as 784")
    if not isinstance(count, (int, np.integer)) or count < 1:
        raise ValueError(f"count must be a positive integer, got {count!r}")
    count = min(count, kernel.shape[1])
    limit = np.abs(kernel[:, :count]).max() or 1.0
    rows = int(np.ceil(count / columns))
    fig, axes = plt.subplots(
        rows, columns, figsize=(size * columns, size * rows + (0.4 if title else 0)), squeeze=False
    )
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i < count:
            ax.imshow(kernel[:, i].reshape(side, side), cmap=SIGNED_CMAP, vmin=-limit, vmax=limit)
            ax.set_title(f"neuron {i + 1}", fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


#: The gates the neuron slider of 02_neuron draws, left to right.
SLIDER_GATES = ("AND", "OR", "XOR")


def gate_scores(w1: float, w2: float, b: float) -> dict[str, int]:
    """How many of the four inputs the neuron ``step(w1·x1 + w2·x2 + b)`` gets right, per gate."""
    outputs = step(GATE_INPUTS @ np.array([w1, w2], dtype=float) + float(b))
    return {gate: int((outputs == GATE_TARGETS[gate]).sum()) for gate in SLIDER_GATES}


def _signed_sum(w1: float, w2: float, b: float) -> str:
    """``w1·x1 + w2·x2 + b`` with one sign per term: "1.0·x1 − 0.5·x2 + 0.2"."""
    terms = [f"{'−' if w1 < 0 else ''}{abs(w1):.1f}·x1"]
    for value, name in ((w2, "·x2"), (b, "")):
        terms.append(f"{'−' if value < 0 else '+'} {abs(value):.1f}{name}")
    return " ".join(terms)


def gate_lines(w1: float, w2: float, b: float):
    """One neuron's decision line ``w1·x1 + w2·x2 + b = 0`` over the AND, OR and XOR points; returns the figure.

    Each panel shades the side where the neuron outputs 1 and says how many of the four points
    it gets right. Used by the slider in 02_neuron, which redraws it for every slider position.
    """
    weights = np.array([w1, w2], dtype=float)
    scores = gate_scores(w1, w2, b)
    fig, axes = plt.subplots(1, len(SLIDER_GATES), figsize=(10.5, 3.6))
    for ax, gate in zip(axes, SLIDER_GATES):
        plot_decision_boundary(
            lambda X: step(X @ weights + float(b)),
            GATE_INPUTS,
            GATE_TARGETS[gate],
            ax=ax,
            title=f"{gate}: {scores[gate]}/4 right",
        )
    axes[-1].legend(loc="center left", bbox_to_anchor=(1, 0.5))
    fig.suptitle(f"the line {_signed_sum(w1, w2, b)} = 0 (shaded blue: the neuron outputs 1)")
    fig.tight_layout()
    return fig


def gate_lines_alt(w1: float, w2: float, b: float) -> str:
    """The text alternative of :func:`gate_lines`: the line and how many points of each gate it gets right."""
    scores = gate_scores(w1, w2, b)
    return (
        f"Three panels with the four input points of AND, OR and XOR and the line {_signed_sum(w1, w2, b)} = 0; "
        f"it gets {scores['AND']} of 4 right for AND, {scores['OR']} for OR and {scores['XOR']} for XOR."
    )
