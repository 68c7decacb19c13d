"""XOR with Keras (notebook 09): the lecture notes' tiny network, and many training runs computed as one.

Whether the 2-4-1 network of the lecture notes learns XOR depends on its random start, so
notebook 09 trains it from many starts. One ``fit`` per start would be slow (each traces its
own graph and pays Keras' set-up cost every epoch), so :func:`train_runs` trains them all
as **one** computation:

* :func:`glorot_starts` draws starting weights the way Keras' ``Dense`` does (Glorot-uniform
  kernels, zero biases), one set per run.
* The runs' weights are stacked along a new first axis (``(runs, inputs, units)``) and
  :func:`stacked_logits` computes every network with one ``einsum`` per layer. The loss is the
  **sum** of the networks' own binary cross-entropies (:func:`summed_binary_crossentropy`).
  Network ``k``'s weights appear only in term ``k``, so they receive exactly the gradient they
  would receive alone, and Adam updates every single weight from that weight's own gradient
  history. Each network therefore follows the path it would follow if trained alone with
  ``fit`` (up to float32 rounding); notebook 09 and ``tests/test_first_keras_network.py`` check
  this against a separate ``fit``.
* The whole training, every step of it, is one TensorFlow graph: a ``tf.while_loop`` over the
  epochs, each a full-batch step with Keras' Adam update written out (``keras.optimizers.Adam``'s
  formula and defaults). It is traced once per activation and reused for any number of runs,
  units and epochs, so a call costs the arithmetic, not Keras' per-epoch set-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import keras
import numpy as np
import tensorflow as tf
from keras import ops

from course_utils.keras_apis import positive_int
from course_utils.neuron import GATE_INPUTS, GATE_TARGETS

#: The four XOR inputs as float32, one row per sample (the Keras default dtype).
XOR_X = GATE_INPUTS.astype("float32")
#: The XOR targets, 0 1 1 0, as float32.
XOR_Y = GATE_TARGETS["XOR"].astype("float32")

#: Hidden-layer activations :func:`train_runs` accepts (Keras names).
ACTIVATIONS = ("relu", "leaky_relu", "elu", "tanh", "sigmoid")


def _check_learning_rate(learning_rate) -> float:
    if (
        isinstance(learning_rate, bool)
        or not isinstance(learning_rate, (int, float, np.floating))
        or not learning_rate > 0
    ):
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    return float(learning_rate)


def _check_activation(activation) -> str:
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
    return activation


def full_batch_dataset(X=XOR_X, y=XOR_Y):
    """An endless ``tf.data.Dataset`` yielding the whole of ``(X, y)`` as one batch, forever."""
    X, y = np.asarray(X, dtype="float32"), np.asarray(y, dtype="float32")
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),):
        raise ValueError(f"X must have shape (n, 2) and y shape (n,); got {X.shape} and {y.shape}")
    return tf.data.Dataset.from_tensors((X, y)).repeat()


def glorot_starts(n_runs: int, hidden_units: int = 4, seed: int = 0) -> list[list[np.ndarray]]:
    """``n_runs`` starting weights for ``Input(2) → Dense(hidden_units) → Dense(1)``, drawn as Keras draws them.

    Keras starts a ``Dense`` kernel Glorot-uniform, uniform in ``±sqrt(6 / (fan_in + fan_out))``,
    and its bias at 0. Each start is a list in the order ``model.set_weights`` expects.
    """
    n_runs, units = positive_int("n_runs", n_runs), positive_int("hidden_units", hidden_units)
    rng = np.random.default_rng(seed)
    hidden_limit, output_limit = np.sqrt(6 / (2 + units)), np.sqrt(6 / (units + 1))
    hidden = rng.uniform(-hidden_limit, hidden_limit, size=(n_runs, 2, units)).astype("float32")
    output = rng.uniform(-output_limit, output_limit, size=(n_runs, units, 1)).astype("float32")
    return [[hidden[k], np.zeros(units, "float32"), output[k], np.zeros(1, "float32")] for k in range(n_runs)]


def summed_binary_crossentropy(y_true, logits):
    """Per sample, the sum over networks of each network's binary cross-entropy (from logits).

    ``y_true`` holds one target per sample; ``logits`` one column per network. Averaged over the
    samples, as Keras does, this is the sum over networks of each one's mean loss.
    """
    targets = ops.broadcast_to(ops.reshape(ops.cast(y_true, logits.dtype), (-1, 1)), ops.shape(logits))
    return ops.sum(ops.binary_crossentropy(targets, logits, from_logits=True), axis=-1)


def stacked_hidden(x, w1, b1, activation="relu"):
    """Every network's hidden-layer output for the samples ``x``, shaped (networks, samples, units)."""
    return keras.activations.get(activation)(ops.einsum("bi,mio->mbo", x, w1) + b1[:, None, :])


def stacked_logits(x, w1, b1, w2, b2, activation="relu"):
    """Every network's output logit for the samples ``x``: one column per network, shaped (samples, networks).

    The weights are stacked along a first axis, one network per slice: ``w1`` (networks, 2, units),
    ``b1`` (networks, units), ``w2`` (networks, units, 1), ``b2`` (networks, 1).
    """
    logits = ops.einsum("mbh,mho->mbo", stacked_hidden(x, w1, b1, activation), w2) + b2[:, None, :]
    return ops.transpose(logits[:, :, 0])


#: Keras' Adam defaults (``keras.optimizers.Adam()``), which the notebook's ``fit`` uses.
ADAM_BETA_1, ADAM_BETA_2, ADAM_EPSILON = 0.9, 0.999, 1e-7
_TRAINERS: dict = {}  # one traced training graph per activation


def _trainer(activation: str):
    """The traced graph that trains stacked networks with ``activation`` for a given number of full-batch steps."""
    if activation in _TRAINERS:
        return _TRAINERS[activation]
    f32 = tf.float32
    signature = [
        tf.TensorSpec([None, 2, None], f32),  # w1: (networks, 2, units)
        tf.TensorSpec([None, None], f32),  # b1: (networks, units)
        tf.TensorSpec([None, None, 1], f32),  # w2: (networks, units, 1)
        tf.TensorSpec([None, 1], f32),  # b2: (networks, 1)
        tf.TensorSpec([], f32),  # learning rate
        tf.TensorSpec([], tf.int32),  # epochs: one full-batch step each
    ]

    @tf.function(input_signature=signature)
    def train(w1, b1, w2, b2, learning_rate, epochs):
        x, y = tf.constant(XOR_X), tf.constant(XOR_Y)

        def step(t, weights, momenta, velocities):
            with tf.GradientTape() as tape:
                tape.watch(weights)
                loss = ops.mean(summed_binary_crossentropy(y, stacked_logits(x, *weights, activation)))
            gradients = tape.gradient(loss, weights)
            # keras.optimizers.Adam's update_step, for every weight at once
            local_step = tf.cast(t + 1, f32)
            alpha = learning_rate * tf.sqrt(1 - tf.pow(ADAM_BETA_2, local_step)) / (1 - tf.pow(ADAM_BETA_1, local_step))
            momenta = [m + (g - m) * (1 - ADAM_BETA_1) for m, g in zip(momenta, gradients)]
            velocities = [v + (tf.square(g) - v) * (1 - ADAM_BETA_2) for v, g in zip(velocities, gradients)]
            weights = [w - (m * alpha) / (tf.sqrt(v) + ADAM_EPSILON) for w, m, v in zip(weights, momenta, velocities)]
            return t + 1, weights, momenta, velocities

        weights = [w1, b1, w2, b2]
        zeros = [tf.zeros_like(w) for w in weights]
        _, weights, _, _ = tf.while_loop(lambda t, *_: t < epochs, step, [tf.constant(0), weights, zeros, zeros])
        return weights

    _TRAINERS[activation] = train
    return train


@dataclass
class Run:
    """One network's training run: where it started, where it ended, and what it learned."""

    start: list = field(repr=False)
    weights: list = field(repr=False)
    probabilities: np.ndarray
    solved: bool
    dead_units: int
    hidden_units: int
    learning_rate: float
    epochs: int
    activation: str = "relu"

    @property
    def largest_weight_change(self) -> float:
        """The largest absolute change of any weight or bias during training."""
        return float(max(np.abs(after - before).max() for before, after in zip(self.start, self.weights)))

    @property
    def margin(self) -> float:
        """How far the least confident of the four probabilities is from 0.5."""
        return float(np.abs(self.probabilities - 0.5).min())


def _check_start(start) -> list[np.ndarray]:
    start = [np.asarray(w, dtype="float32") for w in start]
    if len(start) != 4 or start[0].shape[:1] != (2,) or start[2].shape[1:] != (1,):
        raise ValueError(
            "each start must be the weights of Input(2) → Dense(units) → Dense(1), as model.get_weights() returns "
            f"them; got shapes {[w.shape for w in start]}"
        )
    return start


def train_runs(starts, learning_rate: float = 0.001, epochs: int = 100, activation: str = "relu") -> list[Run]:
    """Train one ``Dense(units, activation) → Dense(1, sigmoid)`` network per start, all as one computation.

    The same as compiling each with ``Adam(learning_rate)`` and binary cross-entropy and calling
    ``fit(XOR_X, XOR_Y, epochs=epochs)`` on it alone (see the module docstring for why).
    Returns one :class:`Run` per start, in order.
    """
    starts = [_check_start(start) for start in starts]
    if not starts:
        raise ValueError("pass at least one start to train, e.g. glorot_starts(10)")
    if len({tuple(w.shape for w in start) for start in starts}) != 1:
        raise ValueError("all starts must have the same shapes to be trained together")
    epochs, learning_rate = positive_int("epochs", epochs), _check_learning_rate(learning_rate)
    activation = _check_activation(activation)
    stacked = [np.stack(group) for group in zip(*starts)]
    trained = [np.asarray(w) for w in _trainer(activation)(*stacked, tf.constant(learning_rate), tf.constant(epochs))]
    probabilities = _sigmoid(np.asarray(stacked_logits(XOR_X, *trained, activation)).T)  # (networks, 4)
    hidden = np.asarray(stacked_hidden(XOR_X, trained[0], trained[1], activation))
    dead = (hidden == 0).all(axis=1).sum(axis=1)  # zero output on all four points
    units = starts[0][0].shape[1]
    return [
        Run(
            start,
            [w[k] for w in trained],
            probabilities[k],
            solves_xor(probabilities[k]),
            int(dead[k]),
            units,
            learning_rate,
            epochs,
            activation,
        )
        for k, start in enumerate(starts)
    ]


def _sigmoid(logits) -> np.ndarray:
    return 1 / (1 + np.exp(-np.asarray(logits, dtype="float64")))


def probabilities_of(weights, activation: str = "relu", X=XOR_X) -> np.ndarray:
    """The outputs of networks given by their weights (one list per network), shaped (networks, samples)."""
    weights = [_check_start(w) for w in weights]
    stacked = [np.stack(group) for group in zip(*weights)]
    logits = stacked_logits(np.asarray(X, dtype="float32"), *stacked, _check_activation(activation))
    return _sigmoid(np.asarray(logits).T)


def many_runs(
    n_runs: int,
    hidden_units: int = 4,
    learning_rate: float = 0.001,
    epochs: int = 100,
    seed: int = 0,
    activation: str = "relu",
) -> list[Run]:
    """``n_runs`` networks from :func:`glorot_starts` (with ``seed``), trained by :func:`train_runs`."""
    return train_runs(glorot_starts(n_runs, hidden_units, seed), learning_rate, epochs, activation)


def predict_probabilities(model, X=XOR_X) -> np.ndarray:
    """The model's output for each row of ``X`` as a flat NumPy array (one call, no ``predict`` loop)."""
    return np.asarray(model(np.asarray(X, dtype="float32"), training=False)).ravel()


def solves_xor(probabilities, y=XOR_Y) -> bool:
    """True when every probability is on the right side of 0.5 (accuracy 4/4)."""
    probabilities = np.asarray(probabilities, dtype=float).ravel()
    y = np.asarray(y).ravel()
    if probabilities.shape != y.shape:
        raise ValueError(f"expected {len(y)} probabilities, one per XOR point; got {probabilities.shape}")
    return bool(((probabilities > 0.5) == (y == 1)).all())


def dead_units(model, X=XOR_X) -> int:
    """How many hidden units output 0 for every row of ``X``: they pass on no signal and, as ReLUs, get no gradient."""
    activations = np.asarray(model.layers[0](np.asarray(X, dtype="float32")))
    return int((activations == 0).all(axis=0).sum())
