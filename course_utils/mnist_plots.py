"""Figures for the MNIST notebooks: confusion matrix, predictions with their probabilities,
convolution filters and feature maps. Every function returns the Matplotlib figure."""

from __future__ import annotations

import numpy as np

RIGHT_COLOR, WRONG_COLOR = "#1d6fa3", "#d62828"


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
            ax.text(p, t, str(matrix[t, p]), ha="center", va="center", fontsize=8,
                    color="black" if t != p else RIGHT_COLOR, fontweight="bold" if t == p else "normal")
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

    The predicted class's bar is red when it is wrong, blue when right; the true class is marked
    with a black outline.
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
        raise ValueError(f"need one label and one probability row per image: {len(images)} images, "
                         f"labels {y_true.shape}, probabilities {probabilities.shape}")
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
        bars = bar_ax.bar(range(classes), probabilities[i], color=colors)
        bars[int(y_true[i])].set_edgecolor("black")
        bars[int(y_true[i])].set_linewidth(1.5)
        bar_ax.set_ylim(0, 1)
        bar_ax.set_xticks(range(classes))
        bar_ax.tick_params(labelsize=6)
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
        raise ValueError(f"kernels must have shape (k, k, 1, filters) (a first layer on one-channel images), "
                         f"got {kernels.shape}")
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


def plot_feature_maps(image, maps, title: str = "", columns: int = 8):
    """A digit followed by the feature maps a layer computed from it, ``maps`` shaped (height, width, channels)."""
    import matplotlib.pyplot as plt

    image, maps = np.asarray(image, dtype=float), np.asarray(maps, dtype=float)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim != 2:
        raise ValueError(f"image must be 2-D (height, width) or (height, width, 1), got shape {image.shape}")
    if maps.ndim != 3:
        raise ValueError(f"maps must have shape (height, width, channels) for one image, got {maps.shape}; "
                         "pass maps[0] for the first image of a batch")
    panels = maps.shape[2] + 1
    rows = int(np.ceil(panels / columns))
    fig, axes = plt.subplots(rows, columns, figsize=(1.2 * columns, 1.3 * rows + (0.4 if title else 0)), squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i == 0:
            ax.imshow(image, cmap="gray_r")
            ax.set_title("input", fontsize=8)
        elif i < panels:
            ax.imshow(maps[:, :, i - 1], cmap="viridis")
            ax.set_title(f"map {i - 1}", fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
