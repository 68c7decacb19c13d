"""What 14_convolutional_networks builds and draws.

The convolution itself, ``convolve2d``, is written in the notebook's own cell.

* :func:`small_cnn`: the course's CNN, saved from 14's cell (uncompiled; the benchmark compiles it with the
  notebook's recipe).
* :func:`plot_edge_maps`: a digit and signed edge maps, on one colour scale centred on zero.
* :func:`plot_feature_maps`: a digit and a layer's feature maps (after ReLU), on one shared colour scale.
* :func:`plot_filters`: a first layer's 3 × 3 kernels.

Parameter counts of layers live in :mod:`course_utils.keras_apis`.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import layers


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
    import matplotlib.pyplot as plt

    image, maps = _image_2d(image), _maps_3d(maps)
    if len(titles) != maps.shape[2]:
        raise ValueError(f"need one title per map: {maps.shape[2]} maps, {len(titles)} titles")
    limit = np.abs(maps).max() or 1.0
    n = maps.shape[2]
    fig, axes = plt.subplots(1, n + 1, figsize=(3.4 * (n + 1) + 0.8, 4.0), squeeze=False, layout="constrained")
    axes = axes[0]
    axes[0].imshow(image, cmap="gray_r")
    axes[0].set_title("input digit\n(ink drawn dark)", fontsize=11)
    for ax, k in zip(axes[1:], range(n)):
        shown = ax.imshow(maps[:, :, k], cmap="RdBu_r", vmin=-limit, vmax=limit)
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
    import matplotlib.pyplot as plt
    from matplotlib.colors import PowerNorm

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
            ax.imshow(image, cmap="gray_r")
            ax.set_title("input", fontsize=8)
        elif i < panels:
            shown = ax.imshow(maps[:, :, i - 1], cmap="viridis", norm=norm)
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
