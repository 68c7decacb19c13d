"""XOR with Keras: the seed's tiny network, fast full-batch training, and many seeds trained at once.

The four XOR points fit in one batch, so every epoch of ``model.fit`` is a single
gradient step, and Keras spends far longer setting up each epoch (a fresh pass over
the data, callbacks) than on that one step. Two tools here keep the maths identical
and remove that overhead:

* :func:`fit_full_batch` hands ``fit`` an endless ``tf.data.Dataset`` holding the
  full batch, with ``steps_per_epoch=1``: still one full-batch step per epoch and a
  ``History`` with one entry per epoch, but one data pipeline reused for all epochs.
* :func:`train_together` trains many two-layer networks of the same shape as **one**
  computation. :class:`StackedNetworks` stacks their weights along a new first axis
  (``(n_models, inputs, units)``) and computes all of them with one ``einsum`` per
  layer. Its loss is the **sum** of the networks' own binary cross-entropies. Network
  ``k``'s weights appear only in term ``k``, so the gradient they receive is exactly
  the gradient they would receive alone, and Adam updates every single weight from
  that weight's own gradient history. Each network therefore follows the trajectory
  it would follow if trained alone (up to floating-point rounding), which
  ``09_first_keras_network`` checks against a separate ``fit``.

:func:`seed_experiment` builds one Keras model per seed, each after
``seed_everything(seed)`` so it starts from the weights a separate run with that
seed would get, trains them together and returns one :class:`SeedRun` per seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from course_utils.perceptron import GATE_INPUTS, GATE_TARGETS

#: The four XOR inputs as float32, one row per sample (the Keras default dtype).
XOR_X = GATE_INPUTS.astype("float32")
#: The XOR targets, 0 1 1 0, as float32.
XOR_Y = GATE_TARGETS["XOR"].astype("float32")


def _check_positive_int(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def _check_learning_rate(learning_rate) -> float:
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float, np.floating)) or not learning_rate > 0:
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    return float(learning_rate)


def _check_inputs(X) -> np.ndarray:
    X = np.asarray(X, dtype="float32")
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2): one row of two inputs per sample; got {X.shape}")
    return X


def _check_data(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = _check_inputs(X)
    y = np.asarray(y, dtype="float32")
    if y.shape != (len(X),):
        raise ValueError(f"y must have shape ({len(X)},): one 0/1 target per row of X; got {y.shape}")
    return X, y


def build_xor_model(hidden_units: int = 4):
    """The seed's network: ``Input(2) → Dense(hidden_units, relu) → Dense(1, sigmoid)``.

    Not compiled. Call ``seed_everything(seed)`` first to fix its starting weights.
    """
    import keras

    hidden_units = _check_positive_int("hidden_units", hidden_units)
    return keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(hidden_units, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )


def full_batch_dataset(X, y):
    """An endless ``tf.data.Dataset`` yielding the whole of ``(X, y)`` as one batch, forever."""
    import tensorflow as tf

    X, y = _check_data(X, y)
    return tf.data.Dataset.from_tensors((X, y)).repeat()


def fit_full_batch(model, X, y, epochs: int):
    """``model.fit(X, y, epochs=epochs, verbose=0)`` for data that fits in one batch, minus the per-epoch set-up.

    One full-batch gradient step per epoch, exactly like plain ``fit`` when ``X`` has at
    most 32 rows (Keras' default batch size). Returns the ``History``.
    """
    epochs = _check_positive_int("epochs", epochs)
    if getattr(model, "optimizer", None) is None:
        raise ValueError("compile the model before fitting it: model.compile(optimizer=..., loss=...)")
    if len(np.asarray(X)) > 32:
        raise ValueError(f"fit_full_batch is for data that fits in one batch of 32; X has {len(np.asarray(X))} rows")
    return model.fit(full_batch_dataset(X, y), epochs=epochs, steps_per_epoch=1, shuffle=False, verbose=0)


def _two_layer_weights(model) -> list[np.ndarray]:
    weights = model.get_weights()
    if len(weights) != 4 or weights[2].shape[1:] != (1,):
        raise ValueError(
            "train_together needs models shaped Input → Dense(units) → Dense(1), like build_xor_model(); "
            f"got weights shaped {[w.shape for w in weights]}"
        )
    return weights


def summed_binary_crossentropy(y_true, logits):
    """Per sample, the sum over networks of each network's binary cross-entropy (from logits).

    ``y_true`` holds one target per sample; ``logits`` one column per network. Keras then
    averages over the samples, giving the sum over networks of each one's mean loss.
    """
    from keras import ops

    targets = ops.broadcast_to(ops.reshape(ops.cast(y_true, logits.dtype), (-1, 1)), ops.shape(logits))
    return ops.sum(ops.binary_crossentropy(targets, logits, from_logits=True), axis=-1)


def stacked_networks_class():
    """Define (on first use, so importing this module does not import Keras) and return ``StackedNetworks``."""
    import keras
    from keras import ops

    class StackedNetworks(keras.Model):
        """Many ``Dense(units, relu) → Dense(1)`` networks computed at once; outputs one logit column per network."""

        def __init__(self, weights, **kwargs):
            super().__init__(**kwargs)
            stacked = [np.stack(group) for group in zip(*weights)]
            self.w1, self.b1, self.w2, self.b2 = (
                self.add_weight(shape=array.shape, initializer=keras.initializers.Constant(array), name=name)
                for array, name in zip(stacked, ("w1", "b1", "w2", "b2"))
            )

        def call(self, x):
            hidden = ops.relu(ops.einsum("bi,mio->mbo", x, self.w1) + self.b1[:, None, :])
            logits = ops.einsum("mbh,mho->mbo", hidden, self.w2) + self.b2[:, None, :]
            return ops.transpose(logits[:, :, 0])  # (samples, networks)

        def network_weights(self, k: int) -> list[np.ndarray]:
            """Network ``k``'s current weights, in the order ``Sequential.set_weights`` expects."""
            return [np.asarray(v)[k] for v in (self.w1, self.b1, self.w2, self.b2)]

    return StackedNetworks


def train_together(models, X, y, epochs: int, learning_rate: float = 0.001) -> list[float]:
    """Train same-shaped ``Dense(units, relu) → Dense(1, sigmoid)`` models as one batched computation.

    Equivalent to compiling each with ``Adam(learning_rate)`` and binary cross-entropy and
    fitting it alone for ``epochs`` full-batch epochs (see the module docstring for why).
    The trained weights are written back into ``models``. Returns the summed loss per epoch.
    """
    import keras

    models = list(models)
    if not models:
        raise ValueError("pass at least one model to train")
    epochs = _check_positive_int("epochs", epochs)
    learning_rate = _check_learning_rate(learning_rate)
    X, y = _check_data(X, y)
    weights = [_two_layer_weights(model) for model in models]
    shapes = {tuple(w.shape for w in ws) for ws in weights}
    if len(shapes) != 1:
        raise ValueError(f"all models must have the same shape to be trained together; got {sorted(shapes)}")
    stacked = stacked_networks_class()(weights)
    stacked.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=summed_binary_crossentropy)
    history = stacked.fit(full_batch_dataset(X, y), epochs=epochs, steps_per_epoch=1, shuffle=False, verbose=0)
    for k, model in enumerate(models):
        model.set_weights(stacked.network_weights(k))
    return history.history["loss"]


def predict_probabilities(model, X=XOR_X) -> np.ndarray:
    """The model's output for each row of ``X`` as a flat NumPy array (one call, no ``predict`` loop)."""
    return np.asarray(model(_check_inputs(X), training=False)).ravel()


def solves_xor(probabilities, y=XOR_Y) -> bool:
    """True when every probability is on the right side of 0.5 (accuracy 4/4)."""
    probabilities = np.asarray(probabilities, dtype=float).ravel()
    y = np.asarray(y).ravel()
    if probabilities.shape != y.shape:
        raise ValueError(f"expected {len(y)} probabilities, one per XOR point; got {probabilities.shape}")
    return bool(((probabilities > 0.5) == (y == 1)).all())


def dead_units(model, X=XOR_X) -> int:
    """How many hidden ReLU units output 0 for every row of ``X``: they pass on no signal and get no gradient."""
    activations = np.asarray(model.layers[0](_check_inputs(X)))
    return int((activations <= 0).all(axis=0).sum())


@dataclass
class SeedRun:
    """One seed's result: the trained model, its four probabilities, and what happened."""

    seed: int
    model: object = field(repr=False)
    initial_weights: list = field(repr=False)
    probabilities: np.ndarray
    solved: bool
    dead_units: int

    @property
    def largest_weight_change(self) -> float:
        """The largest absolute change of any weight or bias during training."""
        return float(max(np.abs(after - before).max() for before, after in zip(self.initial_weights, self.model.get_weights())))


def seed_experiment(seeds, hidden_units: int = 4, learning_rate: float = 0.001, epochs: int = 100) -> list[SeedRun]:
    """One ``build_xor_model(hidden_units)`` per seed (built after ``seed_everything(seed)``), trained together.

    Returns one :class:`SeedRun` per seed, in the order given.
    """
    from course_utils.reproducibility import seed_everything

    seeds = [int(s) for s in seeds]
    if not seeds:
        raise ValueError("seeds must name at least one seed, e.g. range(10)")
    if len(set(seeds)) != len(seeds):
        raise ValueError(f"seeds must be distinct, got {seeds}")
    models = []
    for seed in seeds:
        seed_everything(seed)
        models.append(build_xor_model(hidden_units))
    initial = [model.get_weights() for model in models]
    train_together(models, XOR_X, XOR_Y, epochs=epochs, learning_rate=learning_rate)
    runs = []
    for seed, model, start in zip(seeds, models, initial):
        probabilities = predict_probabilities(model)
        runs.append(SeedRun(seed, model, start, probabilities, solves_xor(probabilities), dead_units(model)))
    return runs
