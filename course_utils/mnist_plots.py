"""Figures for the MNIST notebooks: confusion matrix, predictions with their probabilities,
convolution filters and feature maps. Every function returns the Matplotlib figure."""

from __future__ import annotations

import numpy as np

from course_utils.colours import RIGHT as RIGHT_COLOR
from course_utils.colours import WRONG as WRONG_COLOR

#: The marker over the true class's bar in :func:`plot_probability_gallery`.
TRUE_MARKER = "v"


def plot_confusion_matrix(matrix, title: str = ""):
    """A heat map of ``matrix[true, predicted]`` with every count written in its cell.

    The colour scale shows the errors (the off-diagonal counts), so the diagonal does not drown them.
    """
    import matplotlib.pyplot as plt

    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"matrix must be a square confusion matrix, got shape {matrix.shape}")
    n = matrix.shape[0]
    errors = matrix.astype(float)
    np.fill_diagonal(errors, np.nan)
    fig, ax = plt.subplots(figsize=(5.6, 5.0))
    ax.imshow(errors, cmap="Reds", vmin=0, vmax=max(np.nanmax(errors), 1) if n > 1 else 1)
    for t in range(n):
        for p in range(n):
            ax.text(
                p,
                t,
                str(matrix[t, p]),
                ha="center",
                va="center",
                fontsize=8,
                color="black" if t != p else RIGHT_COLOR,
                fontweight="bold" if t == p else "normal",
            )
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("predicted digit")
    ax.set_ylabel("true digit")
    ax.grid(False)
    ax.set_title(title or "confusion matrix (diagonal: correct)")
    fig.tight_layout()
    return fig


def plot_probability_gallery(images, y_true, probabilities, title: str = ""):
    """One column per image: the digit on top, its 10 predicted probabilities as bars below.

    The predicted class's bar is orange-red (vermillion) when it is wrong, blue when right. The true
    class is marked by a black triangle pointing down at its bar and a bold tick label, so it stays
    visible when its probability (and so its bar) is close to 0.
    """
    import matplotlib.pyplot as plt

    images, y_true = np.asarray(images), np.asarray(y_true)
    probabilities = np.asarray(probabilities, dtype=float)
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1]:
            raise ValueError(f"cannot reshape images of {images.shape[1]} values into squares")
        images = images.reshape(-1, side, side)
    if images.ndim != 3 or len(images) == 0:
        raise ValueError(f"images must be shaped (n, height, width) or (n, pixels) with n >= 1, got {images.shape}")
    if y_true.shape != (len(images),) or probabilities.ndim != 2 or probabilities.shape[0] != len(images):
        raise ValueError(
            f"need one label and one probability row per image: {len(images)} images, "
            f"labels {y_true.shape}, probabilities {probabilities.shape}"
        )
    n, classes = len(images), probabilities.shape[1]
    fig, axes = plt.subplots(2, n, figsize=(1.45 * n, 3.3), squeeze=False, gridspec_kw={"height_ratios": [1.1, 1]})
    for i in range(n):
        predicted = int(probabilities[i].argmax())
        image_ax, bar_ax = axes[0, i], axes[1, i]
        image_ax.imshow(images[i], cmap="gray_r")
        image_ax.axis("off")
        wrong = predicted != y_true[i]
        image_ax.set_title(f"true {y_true[i]} → {predicted}", fontsize=9, color=WRONG_COLOR if wrong else "black")
        colors = ["#bbbbbb"] * classes
        colors[predicted] = WRONG_COLOR if wrong else RIGHT_COLOR
        bar_ax.bar(range(classes), probabilities[i], color=colors)
        true_class = int(y_true[i])
        bar_ax.plot(
            true_class,
            min(probabilities[i, true_class], 1.0) + 0.12,
            marker=TRUE_MARKER,
            color="black",
            markersize=6,
            linestyle="none",
        )
        bar_ax.set_ylim(0, 1.2)
        bar_ax.set_yticks([0, 0.5, 1])
        bar_ax.set_xticks(range(classes), labels=[str(c) for c in range(classes)])
        bar_ax.tick_params(labelsize=6)
        bar_ax.get_xticklabels()[true_class].set_fontweight("bold")
        bar_ax.grid(False)
        if i:
            bar_ax.set_yticklabels([])
        bar_ax.set_title(f"p = {probabilities[i, predicted]:.2f}", fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_filters(kernels, title: str = ""):
    """The first Conv2D layer's kernels, shaped (k, k, 1, filters) as Keras stores them, one panel each.

    Red is a positive weight, blue a negative one, on a scale symmetric around zero.
    """
    import matplotlib.pyplot as plt

    kernels = np.asarray(kernels, dtype=float)
    if kernels.ndim != 4 or kernels.shape[2] != 1:
        raise ValueError(
            f"kernels must have shape (k, k, 1, filters) (a first layer on one-channel images), got {kernels.shape}"
        )
    filters = kernels.shape[3]
    columns = min(filters, 8)
    rows = int(np.ceil(filters / columns))
    limit = np.abs(kernels).max() or 1.0
    fig, axes = plt.subplots(rows, columns, figsize=(1.1 * columns, 1.2 * rows + (0.4 if title else 0)), squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i < filters:
            ax.imshow(kernels[:, :, 0, i], cmap="RdBu_r", vmin=-limit, vmax=limit)
            ax.set_title(f"filter {i}", fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def shade_overfitting_onset(ax, train_loss, val_loss, onset: int) -> None:
    """On a loss panel drawn by :func:`course_utils.plots.plot_history`, mark where overfitting begins.

    From epoch ``onset`` (counted from 1, as on the panel's axis) the gap between the training and the
    validation loss is shaded, and a dotted line marks the epoch itself.
    """
    train_loss, val_loss = np.asarray(train_loss, dtype=float), np.asarray(val_loss, dtype=float)
    if train_loss.shape != val_loss.shape or train_loss.ndim != 1:
        raise ValueError(
            f"need one training and one validation loss per epoch, got {train_loss.shape} and {val_loss.shape}"
        )
    if isinstance(onset, bool) or not isinstance(onset, (int, np.integer)) or not 1 <= onset <= len(train_loss):
        raise ValueError(f"onset must be an epoch from 1 to {len(train_loss)}, got {onset!r}")
    epochs = np.arange(1, len(train_loss) + 1)
    after = epochs >= onset
    ax.fill_between(
        epochs[after],
        train_loss[after],
        val_loss[after],
        color="#999999",
        alpha=0.35,
        label="gap: training below validation",
    )
    ax.axvline(onset, color="black", linestyle=":", linewidth=1.2, label=f"onset of overfitting (epoch {onset})")
    ax.legend(fontsize=8)


def plot_overfitting_onset(train_loss, val_loss, onset: int, title: str = ""):
    """Two panels: both losses per epoch on a log scale with the gap shaded from ``onset`` on, and the
    gap itself (validation minus training loss) as one bar per epoch, below zero grey, above zero orange."""
    import matplotlib.pyplot as plt

    train_loss, val_loss = np.asarray(train_loss, dtype=float), np.asarray(val_loss, dtype=float)
    fig, (loss_ax, gap_ax) = plt.subplots(1, 2, figsize=(8.6, 3.2))
    epochs = np.arange(1, len(train_loss) + 1)
    loss_ax.plot(epochs, train_loss, marker="o", label="training")
    loss_ax.plot(epochs, val_loss, marker="s", label="validation")
    loss_ax.set_yscale("log")
    loss_ax.set_xlabel("epoch")
    loss_ax.set_ylabel("loss (log scale)")
    shade_overfitting_onset(loss_ax, train_loss, val_loss, onset)
    gap = val_loss - train_loss
    gap_ax.bar(epochs, gap, color=["#e66101" if g > 0 else "#999999" for g in gap])
    gap_ax.axhline(0, color="black", linewidth=0.8)
    gap_ax.axvline(onset, color="black", linestyle=":", linewidth=1.2)
    gap_ax.set_xlabel("epoch")
    gap_ax.set_ylabel("validation − training loss")
    gap_ax.set_title("the gap", fontsize=10)
    for ax in (loss_ax, gap_ax):
        ax.set_xticks(epochs)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
