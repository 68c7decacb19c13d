"""Plots shared by several notebooks."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np

from course_utils.colours import BLACK, CLASS_COLOURS, DIGITS_CMAP, REGION_COLOURS


def plot_decision_boundary(predict, X, y, ax=None, title: str = "", resolution: int = 200, padding: float = 0.5):
    """Shade the regions where ``predict`` outputs 1 vs 0 and draw the labelled points.

    ``predict`` maps an (n, 2) array to n values; values above 0.5 count as class 1,
    so it may return hard labels or probabilities.
    """

    X, y = np.asarray(X, dtype=float), np.asarray(y).ravel()
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"plot_decision_boundary draws 2-D inputs; X has shape {X.shape}")
    if ax is None:
        _, ax = plt.subplots(figsize=(3.6, 3.4))
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    zz = (np.asarray(predict(grid)).reshape(xx.shape) > 0.5).astype(float)
    ax.contourf(xx, yy, zz, levels=[-0.5, 0.5, 1.5], colors=list(REGION_COLOURS))
    for label, marker, color in zip((0, 1), ("o", "s"), CLASS_COLOURS):
        points = X[y == label]
        ax.scatter(
            points[:, 0],
            points[:, 1],
            marker=marker,
            s=90,
            color=color,
            edgecolor=BLACK,
            label=f"class {label}",
            zorder=3,
        )
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.grid(False)
    return ax


def plot_history(history, metrics=("loss", "accuracy"), title: str = ""):
    """Training (and validation, if recorded) curves from a Keras ``History`` or its ``.history`` dict.

    One panel per metric; returns the figure.
    """

    curves = getattr(history, "history", history)
    metrics = [m for m in metrics if m in curves]
    if not metrics:
        raise ValueError(f"none of the metrics were recorded; the history has {sorted(curves)}")
    fig, axes = plt.subplots(1, len(metrics), figsize=(4.2 * len(metrics), 3.2), squeeze=False)
    for ax, metric in zip(axes[0], metrics):
        epochs = np.arange(1, len(curves[metric]) + 1)
        ax.plot(epochs, curves[metric], marker="o", label="training")
        if f"val_{metric}" in curves:
            ax.plot(epochs, curves[f"val_{metric}"], marker="s", label="validation")
            ax.legend()
        ax.set_xlabel("epoch")
        ax.set_ylabel(metric)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def show_images(images, titles=None, columns: int = 6, size: float = 1.5, title: str = "", title_colors=None):
    """A grid of 28x28 (or any 2-D) images with optional per-image titles; returns the figure.

    Accepts flattened images of a square size (e.g. 784 values) too.
    """

    images = np.asarray(images)
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1]:
            raise ValueError(f"cannot reshape images of {images.shape[1]} values into squares")
        images = images.reshape(-1, side, side)
    if images.ndim != 3:
        raise ValueError(f"expected images shaped (n, height, width) or (n, pixels), got {images.shape}")
    rows = int(np.ceil(len(images) / columns))
    fig, axes = plt.subplots(
        rows, columns, figsize=(size * columns, size * rows + (0.4 if title else 0)), squeeze=False
    )
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i >= len(images):
            continue
        ax.imshow(images[i], cmap=DIGITS_CMAP)
        if titles is not None:
            color = title_colors[i] if title_colors is not None else BLACK
            ax.set_title(str(titles[i]), fontsize=9, color=color)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def _display_data(fig, alt: str) -> tuple[dict, dict]:
    """The PNG of ``fig`` with its text alternative, as display data and metadata; closes ``fig``."""
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("show(fig, alt) needs one sentence saying what the figure shows")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return (
        {"image/png": buffer.getvalue(), "text/plain": f"[figure] {alt.strip()}"},
        {"image/png": {"alt": alt.strip()}},
    )


def show(fig, alt: str) -> None:
    """Display ``fig`` with a text alternative, then close it so it is not drawn twice.

    ``alt`` is one short sentence saying what the figure shows. It is stored in the image output's
    metadata (``{"image/png": {"alt": ...}}``), which HTML renderers turn into the ``alt``
    attribute, and as the output's plain text, which screen readers and text-only views show.
    """
    from IPython.display import display

    data, metadata = _display_data(fig, alt)
    display(data, raw=True, metadata=metadata)


class LiveFigure:
    """One figure output that a slider redraws in place (``ipywidgets.interact``, in JupyterLab and Colab).

    The first :meth:`show` displays the figure as :func:`show` does; every later one replaces that
    same output, through its display id, instead of adding a figure below it. Call it once before
    ``interact`` so the figure at the starting values is an ordinary output of the cell, stored with
    the notebook (it reads well without a kernel). A redraw with the same pixels sends nothing, so
    ``interact``'s own first call at the starting values changes nothing in the stored notebook.
    """

    def __init__(self):
        self._handle = None
        self._png = None

    def show(self, fig, alt: str) -> bool:
        """Show ``fig`` here (the first time) or in place of the last one; False when its pixels are the same."""
        from IPython.display import display

        data, metadata = _display_data(fig, alt)
        if data["image/png"] == self._png:
            return False
        if self._handle is None:
            self._handle = display(data, raw=True, metadata=metadata, display_id=True)
        else:
            self._handle.update(data, raw=True, metadata=metadata)
        self._png = data["image/png"]
        return True
