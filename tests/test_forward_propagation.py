"""The NumPy forward pass saved from 04: hand-checked numbers, batch = rows of single samples, Keras agreement."""

import numpy as np
import pytest

from course_utils.activations import relu, softmax, tanh
from course_utils.forward_propagation import dense, forward

W1, B1 = np.array([[0.5, -1.0, 0.2], [0.25, 0.5, -0.4]]), np.array([0.0, 0.5, 0.1])
W2, B2 = np.array([[1.0, -1.0], [2.0, 0.5], [0.3, 0.7]]), np.array([0.0, 0.25])
NETWORK = [(W1, B1, relu), (W2, B2, softmax)]


def test_one_sample_by_hand():
    x = np.array([1.0, 2.0])
    assert np.allclose(dense(x, W1, B1, lambda z: z), [1.0, 0.5, -0.5])
    hidden = dense(x, W1, B1, relu)
    assert np.allclose(hidden, [1.0, 0.5, 0.0])
    assert np.allclose(forward(x, NETWORK), [1 / (1 + np.exp(-2.5)), 1 / (1 + np.exp(2.5))])


def test_a_batch_is_its_rows():
    X = np.random.default_rng(0).normal(size=(5, 2))
    batch = forward(X, NETWORK)
    assert batch.shape == (5, 2)
    assert np.allclose(batch, [forward(x, NETWORK) for x in X])
    assert np.allclose(batch.sum(axis=1), 1)


def test_no_layers_is_the_identity():
    x = np.array([1.0, 2.0])
    assert forward(x, []) is x


def test_matches_keras_predict():
    keras = pytest.importorskip("keras")
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(6,)),
            keras.layers.Dense(5, activation="tanh"),
            keras.layers.Dense(4, activation="relu"),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )
    X = np.random.default_rng(1).normal(size=(8, 6)).astype("float32")
    ours = {"tanh": tanh, "relu": relu, "softmax": softmax}
    layers = [(*layer.get_weights(), ours[layer.activation.__name__]) for layer in model.layers]
    assert np.allclose(forward(X, layers), model.predict(X, verbose=0), atol=1e-6)
