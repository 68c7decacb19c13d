"""What 14_convolutional_networks builds and draws.

The convolution itself, ``convolve2d``, is written in the notebook's own cell.

* :func:`small_cnn`: the course's CNN, saved from 14's cell (uncompiled; the benchmark compiles it with the
  notebook's recipe).
* :func:`plot_edge_maps`: a digit and signed edge maps, on one colour scale centred on zero.
* :func:`plot_feature_maps`: a digit and a layer's feature maps (after ReLU), on one shared colour scale.
* :func:`plot_filters`: a first layer's 3 × 3 kernels.
* :func:`plot_sized_maps`: maps of different sizes (padding, stride, pooling) at one size per pixel.
* :func:`plot_learned_kernel`: a kernel learned by gradient descent, its loss and the target kernel.
* :func:`plot_receptive_fields`: nested receptive fields drawn on a digit.
* :func:`plot_top_patches`: the input patches each filter of a layer responds to most.

Parameter counts of layers live in :mod:`course_utils.keras_apis`.
"""

from __future__ import annotations

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers
from matplotlib.colors import PowerNorm
from matplotlib.patches import Rectangle

from course_utils.colours import DIGITS_CMAP, LIGHT_GREY, MAGNITUDE_CMAP, SIGNED_CMAP


def _image_2d(image) -> np.ndarray:
    image = np.asarray(image, dtype=float)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim != 2:
        raise ValueError(f"image must be 2-D (height, width) or (height, width, 1), got shape {image.shape}")
    return image


def _maps_3d(maps) -> np.ndarray:
    maps = np.asarray(maps, dtype=float)
    if maps.ndim != 3:
        raise ValueError(
            f"maps must have shape (height, width, channels) for one image, got {maps.shape}; "
            "pass maps[0] for the first image of a batch"
        )
    return maps


def plot_edge_maps(image, maps, titles, title: str = "", colorbar_label: str = "kernel output"):
    """The digit, then one large panel per signed map (red positive, blue negative), one shared colour bar.

    ``maps`` is shaped (height, width, n) with one title per map. The colour scale is symmetric
    around zero and the same for every map, so equal colours mean equal values.
    """
    image, maps = _image_2d(image), _maps_3d(maps)
    if len(titles) != maps.shape[2]:
        raise ValueError(f"need one title per map: {maps.shape[2]} maps, {len(titles)} titles")
    limit = np.abs(maps).max() or 1.0
    n = maps.shape[2]
    fig, axes = plt.subplots(1, n + 1, figsize=(3.4 * (n + 1) + 0.8, 4.0), squeeze=False, layout="constrained")
    axes = axes[0]
    axes[0].imshow(image, cmap=DIGITS_CMAP)
    axes[0].set_title("input digit\n(ink drawn dark)", fontsize=11)
    for ax, k in zip(axes[1:], range(n)):
        shown = ax.imshow(maps[:, :, k], cmap=SIGNED_CMAP, vmin=-limit, vmax=limit)
        ax.set_title(titles[k], fontsize=11)
    for ax in axes:
        ax.axis("off")
    fig.colorbar(shown, ax=list(axes), shrink=0.8, label=colorbar_label)
    if title:
        fig.suptitle(title, fontsize=12)
    return fig


def plot_feature_maps(
    image,
    maps,
    title: str = "",
    columns: int = 8,
    label: str = "filter",
    colorbar_label: str = "activation after ReLU\n(square-root scale)",
):
    """The digit, then every feature map of one layer on one shared colour scale, with a colour bar.

    ``maps`` is shaped (height, width, channels), e.g. a Conv2D layer's output for one image, with
    values >= 0 (after a ReLU). Panel k is titled "``label`` k", so it can be matched with the filter
    that made it. One scale for all maps (0 to the largest value of any map) makes them comparable:
    a dark map responded weakly. The colours are spaced by the square root of the value, so small
    values, such as a small positive bias on the background, stay visible next to large ones.
    """
    image, maps = _image_2d(image), _maps_3d(maps)
    if maps.min() < 0:
        raise ValueError(f"feature maps after a ReLU are >= 0; these go down to {maps.min():.3g}")
    panels = maps.shape[2] + 1
    rows = int(np.ceil(panels / columns))
    norm = PowerNorm(gamma=0.5, vmin=0.0, vmax=maps.max() or 1.0)
    top = 0.65 if title else 0.1  # inches above the panels, for the title
    width, height = 1.3 * columns + 1.0, 1.45 * rows + top
    fig, axes = plt.subplots(rows, columns, figsize=(width, height), squeeze=False)
    # a fixed layout (constrained/tight layout is slow with dozens of panels); colour bar in its own axes
    fig.subplots_adjust(left=0.0, right=1 - 1.0 / width, bottom=0.0, top=1 - top / height, wspace=0.12, hspace=0.3)
    shown = None
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i == 0:
            ax.imshow(image, cmap=DIGITS_CMAP)
            ax.set_title("input", fontsize=8)
        elif i < panels:
            shown = ax.imshow(maps[:, :, i - 1], cmap=MAGNITUDE_CMAP, norm=norm)
            ax.set_title(f"{label} {i - 1}", fontsize=8)
    colorbar_axes = fig.add_axes((1 - 0.55 / width, 0.1, 0.12 / width, 0.8 * (1 - top / height)))
    fig.colorbar(shown, cax=colorbar_axes, label=colorbar_label)
    if title:
        fig.suptitle(title, y=1 - 0.15 / height)
    return fig


# saved from 14_convolutional_networks
def small_cnn():
    """A fresh, untrained copy of the course's small CNN (the comments give each layer's output for one image)."""
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(16, 3, activation="relu", name="conv1"),  # 16 filters of 3x3: 26 x 26 x 16
            layers.MaxPooling2D(2, name="pool1"),  # 13 x 13 x 16
            layers.Conv2D(32, 3, activation="relu", name="conv2"),  # 32 filters, each 3x3x16: 11 x 11 x 32
            layers.MaxPooling2D(2, name="pool2"),  # 5 x 5 x 32
            layers.Flatten(name="flatten"),  # 800 numbers
            layers.Dense(128, activation="relu", name="dense"),
            layers.Dropout(0.2, name="dropout"),
            layers.Dense(10, activation="softmax", name="output"),  # one probability per digit
        ],
        name="small_cnn",
    )


def plot_filters(kernels, title: str = ""):
    """The first Conv2D layer's kernels, shaped (k, k, 1, filters) as Keras stores them, one panel each.

    Red is a positive weight, blue a negative one, on a scale symmetric around zero.
    """
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
            ax.imshow(kernels[:, :, 0, i], cmap=SIGNED_CMAP, vmin=-limit, vmax=limit)
            ax.set_title(f"filter {i}", fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_sized_maps(maps, titles, title: str = "", colorbar_label: str = "kernel output"):
    """Signed 2-D maps of different sizes side by side, drawn at one scale per pixel so a smaller map looks smaller.

    Red is positive, blue negative, on one colour scale symmetric around zero and shared by every map.
    """
    maps = [np.asarray(m, dtype=float) for m in maps]
    if any(m.ndim != 2 for m in maps):
        raise ValueError(f"each map must be 2-D (height, width); got shapes {[m.shape for m in maps]}")
    if len(titles) != len(maps):
        raise ValueError(f"need one title per map: {len(maps)} maps, {len(titles)} titles")
    limit = max(np.abs(m).max() for m in maps) or 1.0
    widths = [m.shape[1] for m in maps]
    tallest = max(m.shape[0] for m in maps)
    inch = 2.9 / max(widths)  # inches per pixel: the largest map is 2.9 inches wide
    fig = plt.figure(figsize=(inch * sum(widths) + 0.35 * len(maps) + 1.2, inch * tallest + 1.1))
    grid = fig.add_gridspec(1, len(maps), width_ratios=widths, left=0.02, right=0.86, top=0.78, bottom=0.03)
    for k, (m, text) in enumerate(zip(maps, titles)):
        ax = fig.add_subplot(grid[0, k])
        shown = ax.imshow(
            m, cmap=SIGNED_CMAP, vmin=-limit, vmax=limit, extent=(0, m.shape[1], tallest, tallest - m.shape[0])
        )
        ax.set_xlim(0, m.shape[1])
        ax.set_ylim(tallest, 0)
        ax.set_title(f"{text}\n{m.shape[0]} × {m.shape[1]}", fontsize=10)
        ax.axis("off")
    fig.colorbar(shown, cax=fig.add_axes((0.89, 0.1, 0.02, 0.65)), label=colorbar_label)
    if title:
        fig.suptitle(title, fontsize=12)
    return fig


def plot_learned_kernel(losses, kernel, target, title: str = ""):
    """Gradient descent on one kernel: the loss per step (log scale), then the learned and the target kernel.

    Both kernels share one colour scale (red positive, blue negative) and have their weights written in.
    """
    losses, kernel, target = (np.asarray(a, dtype=float) for a in (losses, kernel, target))
    if kernel.shape != target.shape or kernel.ndim != 2:
        raise ValueError(f"kernel and target must be 2-D of one shape; got {kernel.shape} and {target.shape}")
    fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.0), width_ratios=[1.6, 1, 1], layout="constrained")
    axes[0].semilogy(np.arange(len(losses)), losses, marker=".")
    axes[0].set_xlabel("step")
    axes[0].set_ylabel("mean squared error")
    axes[0].set_title("loss")
    limit = max(np.abs(kernel).max(), np.abs(target).max()) or 1.0
    for ax, weights, name in ((axes[1], kernel, "learned kernel"), (axes[2], target, "hand-made kernel")):
        ax.imshow(weights, cmap=SIGNED_CMAP, vmin=-limit, vmax=limit)
        for (i, j), value in np.ndenumerate(weights):
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=9)
        ax.set_title(name)
        ax.axis("off")
    if title:
        fig.suptitle(title)
    return fig


def plot_receptive_fields(image, fields, labels, title: str = ""):
    """The digit with one square per layer: ``fields`` are (top row, left column, size) in input pixels."""
    image = _image_2d(image)
    if len(fields) != len(labels):
        raise ValueError(f"need one label per field: {len(fields)} fields, {len(labels)} labels")
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    fig, ax = plt.subplots(figsize=(4.6, 3.0), layout="constrained")
    ax.imshow(image, cmap=DIGITS_CMAP)
    height, width = image.shape
    ax.add_patch(Rectangle((-0.5, -0.5), width, height, fill=False, lw=0.8, ec="0.6", clip_on=False))  # its edge
    for (top, left, size), label, colour in zip(fields, labels, colours):
        ax.add_patch(Rectangle((left - 0.5, top - 0.5), size, size, fill=False, lw=2.2, ec=colour, label=label))
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=9, frameon=False)
    ax.axis("off")
    if title:
        ax.set_title(title, fontsize=11)
    return fig


def _mosaic(patches, gap: int = 1) -> np.ndarray:
    """(rows, columns, h, w) patches as one image, with a ``gap`` of NaN (drawn grey-blue) between them."""
    rows, columns, h, w = patches.shape
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan)
    for r in range(rows):
        for c in range(columns):
            out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = patches[r, c]
    return out


def plot_top_patches(groups, titles, row_labels, title: str = ""):
    """For each layer, a grid of the input patches its filters respond to most: one row per filter.

    ``groups`` is a list of arrays shaped (filters, patches, h, w) with ink in [0, 1], drawn dark on white;
    each group's patches are as large as that layer's receptive field.
    """
    groups = [np.asarray(g, dtype=float) for g in groups]
    if any(g.ndim != 4 for g in groups) or not (len(groups) == len(titles) == len(row_labels)):
        raise ValueError("groups must be (filters, patches, h, w) arrays, with one title and one row-label list each")
    fig, axes = plt.subplots(1, len(groups), figsize=(4.2 * len(groups), 4.4), layout="constrained")
    # the gaps between patches: a patch's white background keeps its edge
    cmap = plt.get_cmap(DIGITS_CMAP).with_extremes(bad=LIGHT_GREY)
    for ax, patches, text, labels in zip(np.atleast_1d(axes), groups, titles, row_labels):
        gap = max(1, patches.shape[2] // 4)
        ax.imshow(_mosaic(patches, gap), cmap=cmap, vmin=0, vmax=1)
        step = patches.shape[2] + gap
        ax.set_yticks([r * step + (patches.shape[2] - 1) / 2 for r in range(len(labels))], labels, fontsize=8)
        ax.set_xticks([])
        ax.tick_params(length=0)
        ax.grid(False)
        for side in ax.spines.values():
            side.set_visible(False)
        ax.set_title(text, fontsize=10)
    if title:
        fig.suptitle(title)
    return fig
