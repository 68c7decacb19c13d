"""Reading what training recorded, for 12_generalisation: epochs run, the best epoch, TensorBoard's scalars, the plots.

Every function takes a Keras ``History`` or its ``.history`` dict (one list per metric, one value per epoch),
so it works on a history from ``fit`` as well as on a hand-made one in a test. Epochs count from 1, as
Keras prints them.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from course_utils.colours import BLUE, BLUISH_GREEN, DIGITS_CMAP, ORANGE, REDDISH_PURPLE
from course_utils.colours import CATEGORICAL as SERIES

#: What each colour of the learning-curve figures stands for (Okabe-Ito, see course_utils.colours).
COLOURS = {"training": BLUE, "validation": ORANGE, "gap": ORANGE, "best": BLUISH_GREEN, "other": REDDISH_PURPLE}


def curves(history) -> dict[str, list[float]]:
    """The per-epoch lists of a Keras ``History`` (or of its ``.history`` dict)."""
    return getattr(history, "history", history)


def epochs_run(history) -> int:
    """How many epochs ``fit`` ran (fewer than asked for when a callback stopped it)."""
    return len(curves(history)["loss"])


def best_epoch(history, monitor: str = "val_loss") -> int:
    """The epoch (from 1) where ``monitor`` was best: lowest for a loss, highest for anything else.

    On a tie the earliest epoch wins, as in ``keras.callbacks.EarlyStopping``.
    """
    values = np.asarray(curves(history)[monitor], dtype=float)
    index = values.argmin() if "loss" in monitor else values.argmax()
    return int(index) + 1


def read_scalars(log_dir) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Every scalar in the TensorBoard event files under ``log_dir``: ``{tag: (steps, values)}``.

    Reads the files with TensorFlow alone: an event file is a sequence of TFRecords, each one an
    ``Event`` message holding a step and summary values; values that are not single numbers (the model's
    description that ``keras.callbacks.TensorBoard`` writes as text, histograms, images) are skipped. Files in a
    subfolder (``keras.callbacks.TensorBoard`` writes ``train/`` and ``validation/``) have their tags prefixed with
    it, e.g. ``"validation/epoch_loss"``.
    """
    log_dir = Path(log_dir)
    found: dict[str, list[tuple[int, float]]] = {}
    for path in sorted(log_dir.rglob("events.out.tfevents.*")):
        folder = path.parent.relative_to(log_dir).as_posix()
        prefix = "" if folder == "." else f"{folder}/"
        for record in tf.data.TFRecordDataset(str(path)):
            event = tf.compat.v1.Event.FromString(record.numpy())
            for value in event.summary.value:
                if value.HasField("tensor"):
                    array = tf.make_ndarray(value.tensor)
                    if array.size != 1 or not np.issubdtype(array.dtype, np.number):
                        continue  # not a scalar: the model's description as text, a histogram, an image
                    number = float(array.item())
                else:
                    number = value.simple_value
                found.setdefault(prefix + value.tag, []).append((int(event.step), number))
    return {tag: (np.array([s for s, _ in points]), np.array([v for _, v in points])) for tag, points in found.items()}


# --- Figures -------------------------------------------------------------------------------------------


def plot_learning_curves(history, title: str = ""):
    """Accuracy with the training/validation gap shaded, and loss with the best validation epoch marked."""
    recorded = curves(history)
    epochs = np.arange(1, epochs_run(history) + 1)
    best = best_epoch(history)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.6, 3.4))
    left.plot(epochs, recorded["accuracy"], color=COLOURS["training"], label="training")
    left.plot(epochs, recorded["val_accuracy"], color=COLOURS["validation"], linestyle="--", label="validation")
    left.fill_between(
        epochs, recorded["val_accuracy"], recorded["accuracy"], color=COLOURS["gap"], alpha=0.15, label="gap"
    )
    left.set(xlabel="epoch", ylabel="accuracy", title="accuracy")
    left.legend(loc="lower right")
    right.plot(epochs, recorded["loss"], color=COLOURS["training"], label="training")
    right.plot(epochs, recorded["val_loss"], color=COLOURS["validation"], linestyle="--", label="validation")
    right.axvline(best, color=COLOURS["best"], linestyle=":", label=f"lowest validation loss (epoch {best})")
    right.set_ylim(0, 1.6 * max(recorded["val_loss"]))  # zoomed on the validation loss; early training losses clipped
    right.set(xlabel="epoch", ylabel="loss", title="loss")
    right.legend(loc="upper right")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_against(xs, train_accuracy, val_accuracy, xlabel: str, title: str = "", log2: bool = False):
    """Final training and validation accuracy against a setting (training-set size, width), the gap shaded."""
    fig, ax = plt.subplots(figsize=(5.6, 3.4))
    ax.plot(xs, train_accuracy, marker="o", color=COLOURS["training"], label="training")
    ax.plot(xs, val_accuracy, marker="s", linestyle="--", color=COLOURS["validation"], label="validation")
    ax.fill_between(xs, val_accuracy, train_accuracy, color=COLOURS["gap"], alpha=0.15, label="gap")
    if log2:
        ax.set_xscale("log", base=2)
    ax.set_xticks(list(xs), [f"{x:,}" for x in xs])
    ax.minorticks_off()
    ax.set(xlabel=xlabel, ylabel="final accuracy", title=title)
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def plot_validation_curves(series: dict, ylabel: str = "validation loss", title: str = ""):
    """One curve per named sequence of per-epoch values (e.g. each model's validation loss), on one axis."""
    fig, ax = plt.subplots(figsize=(5.6, 3.4))
    for (name, values), colour in zip(series.items(), SERIES):
        ax.plot(np.arange(1, len(values) + 1), values, color=colour, label=name)
    lowest = min(min(values) for values in series.values())
    climbed = max(max(values[int(np.argmin(values)) :]) for values in series.values())  # highest point after a minimum
    ax.set_ylim(
        0.9 * lowest, max(1.5 * lowest, 1.05 * climbed)
    )  # zoomed on where the curves part; early epochs clipped
    ax.set(xlabel="epoch", ylabel=ylabel, title=title)
    ax.legend()
    fig.tight_layout()
    return fig


def plot_scalars(scalars: dict, tags, title: str = ""):
    """The scalars read back from TensorBoard's files (``read_scalars``), one curve per tag; steps are epochs from 0."""
    fig, ax = plt.subplots(figsize=(5.6, 3.4))
    for tag, colour in zip(tags, SERIES):
        steps, values = scalars[tag]
        ax.plot(steps + 1, values, marker="o", color=colour, label=tag)
    ax.set(xlabel="epoch", ylabel="value", title=title)
    ax.legend()
    fig.tight_layout()
    return fig


def plot_l2_sweep(strengths, train_accuracy, val_accuracy, norms, baseline_val: float, baseline_norm: float):
    """L2 strength sweep: final accuracies (gap shaded) and the hidden layer's weight norm, against the strength.

    The network without a penalty is drawn as a dotted horizontal line in both panels (a log axis has no 0).
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.6, 3.4))
    left.plot(strengths, train_accuracy, marker="o", color=COLOURS["training"], label="training")
    left.plot(strengths, val_accuracy, marker="s", linestyle="--", color=COLOURS["validation"], label="validation")
    left.fill_between(strengths, val_accuracy, train_accuracy, color=COLOURS["gap"], alpha=0.15, label="gap")
    left.axhline(baseline_val, color=COLOURS["other"], linestyle=":", label="validation, no L2")
    left.set(xlabel="L2 strength λ", ylabel="final accuracy", title="accuracy")
    left.legend(loc="center left")  # between the curves, inside the shaded gap
    right.plot(strengths, norms, marker="o", color=COLOURS["best"], label="with L2")
    right.axhline(baseline_norm, color=COLOURS["other"], linestyle=":", label="no L2")
    right.set_ylim(0, 1.1 * max(max(norms), baseline_norm))
    right.set(xlabel="L2 strength λ", ylabel="norm of the hidden weights", title="size of the weights")
    right.legend(loc="lower left")
    for ax in (left, right):
        ax.set_xscale("log")
    fig.tight_layout()
    return fig


def plot_dropout_masks(outputs: dict, title: str = ""):
    """One panel per named array of layer outputs after dropout (rows: images, columns: units); 0 is white."""

    fig, axes = plt.subplots(1, len(outputs), figsize=(3.2 * len(outputs), 1.9), squeeze=False)
    for ax, (name, values) in zip(axes.ravel(), outputs.items()):
        values = np.asarray(values)
        ax.imshow(values, cmap=DIGITS_CMAP, vmin=0, vmax=max(float(values.max()), 1e-9))
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set(xlabel=f"{values.shape[1]} hidden units", ylabel=f"{values.shape[0]} images", title=name)
        ax.grid(False)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
