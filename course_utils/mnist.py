"""What 11_mnist builds and looks at: its classifiers, their mistakes, and the figures of both.

* :func:`build_lecture_mlp` (the lecture notes' 784-128-10 network) and :func:`build_improved_mlp` are saved
  from 11's cells (``# saved in course_utils.mnist``); 14_convolutional_networks builds them again from here.
  :func:`compile_classifier` compiles any digit classifier the course's way and :func:`training_steps` counts
  the gradient steps a learning-rate schedule must know.
* :func:`accuracy`, :func:`confusion_matrix`, :func:`most_confused_pair` and :func:`misclassified` take integer
  labels 0..n_classes-1 and (where needed) the predicted class probabilities, one row per sample, as
  ``model.predict`` returns them.
* :func:`plot_confusion_matrix`, :func:`plot_probability_gallery` and :func:`plot_overfitting_onset` return
  the Matplotlib figure.
"""

from __future__ import annotations

import math

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers

from course_utils.colours import BLACK, COUNTS_CMAP, DIGITS_CMAP, GREY, LIGHT_GREY, ORANGE
from course_utils.colours import RIGHT as RIGHT_COLOR
from course_utils.colours import WRONG as WRONG_COLOR
from course_utils.keras_apis import positive_int


def _labels(name: str, values, n_classes: int) -> np.ndarray:
    values = np.asarray(values)
    if values.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class labels, got shape {values.shape}")
    if values.size and not np.issubdtype(values.dtype, np.integer):
        raise ValueError(
            f"{name} must hold integer labels, got dtype {values.dtype}; "
            "turn probabilities into labels with probabilities.argmax(axis=1)"
        )
    if values.size and (values.min() < 0 or values.max() >= n_classes):
        raise ValueError(
            f"{name} must hold labels 0..{n_classes - 1}, got values from {values.min()} to {values.max()}"
        )
    return values


def _probabilities(probabilities, n_samples: int) -> np.ndarray:
    probabilities = np.asarray(probabilities, dtype=float)
    if probabilities.ndim != 2 or probabilities.shape[0] != n_samples:
        raise ValueError(
            f"probabilities must have shape ({n_samples}, n_classes), one row per label, got {probabilities.shape}"
        )
    return probabilities


def accuracy(y_true, y_pred) -> float:
    """Fraction of predictions equal to the true labels."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.ndim != 1 or y_true.size == 0:
        raise ValueError(
            f"y_true and y_pred must be non-empty 1-D arrays of equal length, got {y_true.shape} and {y_pred.shape}"
        )
    return float(np.mean(y_true == y_pred))


def confusion_matrix(y_true, y_pred, n_classes: int = 10) -> np.ndarray:
    """``matrix[t, p]`` counts the samples of true class ``t`` predicted as ``p``.

    The diagonal holds the correct predictions; each row sums to the number of samples of that class.
    """
    y_true, y_pred = _labels("y_true", y_true, n_classes), _labels("y_pred", y_pred, n_classes)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must have the same length, got {len(y_true)} and {len(y_pred)}")
    matrix = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def most_confused_pair(matrix) -> tuple[int, int, int]:
    """The largest off-diagonal entry of a confusion matrix: ``(true class, predicted class, count)``.

    Ties go to the first pair in row-major order.
    """
    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] < 2:
        raise ValueError(f"matrix must be a square confusion matrix with at least 2 classes, got shape {matrix.shape}")
    errors = matrix.copy()
    np.fill_diagonal(errors, -1)
    true_class, predicted = np.unravel_index(np.argmax(errors), errors.shape)
    return int(true_class), int(predicted), int(matrix[true_class, predicted])


def misclassified(y_true, probabilities, limit: int | None = None) -> np.ndarray:
    """Indices of the wrongly predicted samples, the most confidently wrong first.

    ``probabilities`` is the (n, n_classes) output of the model; ``limit`` keeps only the first ones.
    """
    probabilities = _probabilities(probabilities, len(np.asarray(y_true)))
    y_true = _labels("y_true", y_true, probabilities.shape[1])
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 0):
        raise ValueError(f"limit must be a non-negative integer or None, got {limit!r}")
    predicted = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(predicted != y_true)
    order = np.argsort(-probabilities[wrong, predicted[wrong]], kind="stable")
    return wrong[order][:limit]


def training_steps(n_samples: int, batch_size: int, epochs: int) -> int:
    """How many gradient steps ``fit`` takes: ``ceil(n_samples / batch_size)`` per epoch, times ``epochs``."""
    for name, value in (("n_samples", n_samples), ("batch_size", batch_size), ("epochs", epochs)):
        positive_int(name, value)
    return math.ceil(n_samples / batch_size) * epochs


def compile_classifier(
    model, learning_rate: float = 1e-3, decay_steps: int | None = None, steps_per_execution: int = 1
):
    """Compile ``model`` for digit classification: Adam, sparse categorical cross-entropy, accuracy.

    With ``decay_steps``, the learning rate starts at ``learning_rate`` and falls to zero
    along a cosine over that many steps (``keras.optimizers.schedules.CosineDecay``):
    big steps early, small careful ones at the end. ``steps_per_execution`` training steps run
    per call from Python (same numbers, less overhead per step on a CPU). Returns the model.
    """
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float)) or learning_rate <= 0:
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    rate = learning_rate
    if decay_steps is not None:
        rate = keras.optimizers.schedules.CosineDecay(learning_rate, positive_int("decay_steps", decay_steps))
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=positive_int("steps_per_execution", steps_per_execution),
    )
    return model


def build_lecture_mlp():
    """The lecture notes' model: 784 inputs → Dense(128, relu) → Dense(10, softmax), Adam, sparse cross-entropy."""
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(128, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer="adam",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=16,  # 16 training steps per call into TensorFlow: the same steps, less waiting
    )
    return model


def build_improved_mlp(decay_steps):
    """784 → Dense(256, relu) → Dropout(0.2) → Dense(10, softmax); Adam's rate falls from 0.0045 to 0 in decay_steps."""
    schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=4.5e-3, decay_steps=decay_steps)
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(256, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=schedule),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=16,
    )
    return model


#: The marker over the true class's bar in :func:`plot_probability_gallery`.
TRUE_MARKER = "v"


def plot_confusion_matrix(matrix, title: str = ""):
    """A heat map of ``matrix[true, predicted]`` with every count written in its cell.

    The colour scale shows the errors (the off-diagonal counts), so the diagonal does not drown them.
    """
    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"matrix must be a square confusion matrix, got shape {matrix.shape}")
    n = matrix.shape[0]
    errors = matrix.astype(float)
    np.fill_diagonal(errors, np.nan)
    fig, ax = plt.subplots(figsize=(5.6, 5.0))
    ax.imshow(errors, cmap=COUNTS_CMAP, vmin=0, vmax=max(np.nanmax(errors), 1) if n > 1 else 1)
    for t in range(n):
        for p in range(n):
            ax.text(
                p,
                t,
                str(matrix[t, p]),
                ha="center",
                va="center",
                fontsize=8,
                color=BLACK if t != p else RIGHT_COLOR,
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
        image_ax.imshow(images[i], cmap=DIGITS_CMAP)
        image_ax.axis("off")
        wrong = predicted != y_true[i]
        image_ax.set_title(f"true {y_true[i]} → {predicted}", fontsize=9, color=WRONG_COLOR if wrong else BLACK)
        colors = [LIGHT_GREY] * classes
        colors[predicted] = WRONG_COLOR if wrong else RIGHT_COLOR
        bar_ax.bar(range(classes), probabilities[i], color=colors)
        true_class = int(y_true[i])
        bar_ax.plot(
            true_class,
            min(probabilities[i, true_class], 1.0) + 0.12,
            marker=TRUE_MARKER,
            color=BLACK,
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


def shade_overfitting_onset(ax, train_loss, val_loss, onset: int) -> None:
    """On a loss panel drawn by :func:`course_utils.plots.plot_history`, mark where overfitting begins.

    From where the training loss crosses below the validation loss (between epoch ``onset - 1`` and
    ``onset``, counted from 1 as on the panel's axis) the gap between the two is shaded, and a dotted line
    marks the epoch ``onset`` itself.
    """
    train_loss, val_loss = np.asarray(train_loss, dtype=float), np.asarray(val_loss, dtype=float)
    if train_loss.shape != val_loss.shape or train_loss.ndim != 1:
        raise ValueError(
            f"need one training and one validation loss per epoch, got {train_loss.shape} and {val_loss.shape}"
        )
    if isinstance(onset, bool) or not isinstance(onset, (int, np.integer)) or not 1 <= onset <= len(train_loss):
        raise ValueError(f"onset must be an epoch from 1 to {len(train_loss)}, got {onset!r}")
    epochs = np.arange(1, len(train_loss) + 1)
    after = epochs >= onset - 1  # from the epoch before: the lines cross between it and the onset
    ax.fill_between(
        epochs[after],
        train_loss[after],
        val_loss[after],
        where=train_loss[after] <= val_loss[after],
        interpolate=True,  # start the shading where the two lines cross, not at an epoch
        color=GREY,
        alpha=0.35,
        label="gap: training below validation",
    )
    ax.axvline(onset, color=BLACK, linestyle=":", linewidth=1.2, label=f"onset of overfitting (epoch {onset})")
    ax.legend(fontsize=8)


def plot_overfitting_onset(train_loss, val_loss, onset: int, title: str = ""):
    """Two panels: both losses per epoch on a log scale with the gap shaded where training is below, and the
    gap itself (validation minus training loss) as one bar per epoch, below zero grey, above zero orange."""

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
    gap_ax.bar(epochs, gap, color=[ORANGE if g > 0 else GREY for g in gap])
    gap_ax.axhline(0, color=BLACK, linewidth=0.8)
    gap_ax.axvline(onset, color=BLACK, linestyle=":", linewidth=1.2)
    gap_ax.set_xlabel("epoch")
    gap_ax.set_ylabel("validation − training loss")
    gap_ax.set_title("the gap", fontsize=10)
    for ax in (loss_ax, gap_ax):
        ax.set_xticks(epochs)
        ax.set_xlim(0.5, len(epochs) + 0.5)  # room around the first and last epoch, where the onset may be
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
