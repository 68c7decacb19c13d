"""The MNIST classifiers of the course, built in one place so 11_mnist and 14_convolutional_networks share them.

* :func:`build_lecture_mlp`: the lecture notes' model exactly, 784 → Dense(128, relu) → Dense(10, softmax), Adam
  (saved from 11_mnist's cell: the notebook's cell is its source, ``tests/test_saved_cells.py`` keeps them identical).
* :func:`build_improved_mlp`: wider (256), with dropout, and a learning rate that decays to zero (saved from 11_mnist).
* :func:`small_cnn`: two Conv2D/MaxPooling2D blocks, then Flatten, Dense, Dropout, Dense (saved from
  14_convolutional_networks' cell, uncompiled; the benchmark compiles it with the notebook's recipe).

Every builder returns a compiled model (sparse categorical cross-entropy, accuracy metric),
ready for ``model.fit(x, y, ...)`` with integer labels 0..9. Models that decay their
learning rate need to know how many steps training will take: :func:`training_steps`
computes it from the number of samples, the batch size and the number of epochs.
"""

from __future__ import annotations

import math

import keras
from keras import layers

from course_utils.layer_math import positive_int


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
    import keras

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
    """784 → Dense(256, relu) → Dropout(0.2) → Dense(10, softmax); Adam's rate falls from 0.002 to 0 in decay_steps."""
    schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=2e-3, decay_steps=decay_steps)
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
