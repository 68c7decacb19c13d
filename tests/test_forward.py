"""The NumPy forward pass: hand-checked numbers, batch = rows of single samples, Keras agreement."""

import numpy as np
import pytest

from course_utils.forward import DenseLayer, dense_forward, forward, forward_trace

HIDDEN = DenseLayer([[0.5, -1.0, 0.2], [0.25, 0.5, -0.4]], [0.0, 0.5, 0.1], "relu")
OUTPUT = DenseLayer([[1.0, -1.0], [2.0, 0.5], [0.3, 0.7]], [0.0, 0.25], "softmax")


def test_one_sample_by_hand():
    hidden, output = forward_trace([1.0, 2.0], [HIDDEN, OUTPUT])
    assert np.allclose(hidden.z, [1.0, 0.5, -0.5]) and np.allclose(hidden.a, [1.0, 0.5, 0.0])
    assert np.allclose(output.z, [2.0, -0.5])
    assert np.allclose(output.a, [1 / (1 + np.exp(-2.5)), 1 / (1 + np.exp(2.5))])


def test_a_batch_is_its_rows():
    X = np.random.default_rng(0).normal(size=(5, 2))
    batch = forward(X, [HIDDEN, OUTPUT])
    assert batch.shape == (5, 2)
    assert np.allclose(batch, [forward(x, [HIDDEN, OUTPUT]) for x in X])
    assert np.allclose(batch.sum(axis=1), 1)


def test_layer_sizes_and_parameter_count():
    assert (HIDDEN.n_inputs, HIDDEN.units, HIDDEN.count_params()) == (2, 3, 9)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: DenseLayer(np.zeros(3), np.zeros(3)), r"shape \(inputs, units\)"),
        (lambda: DenseLayer(np.zeros((2, 3)), np.zeros(2)), "one value per unit"),
        (lambda: DenseLayer(np.zeros((2, 3)), np.zeros(3), "swish!"), "unknown activation"),
        (lambda: dense_forward(np.zeros(4), HIDDEN), r"shape \(2,\)"),
        (lambda: forward(np.zeros(2), [HIDDEN, HIDDEN]), "layer 0 has 3 units but layer 1 expects 2"),
        (lambda: forward(np.zeros(2), []), "empty"),
    ],
)
def test_bad_input_is_rejected_clearly(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_dense_forward_needs_a_layer():
    with pytest.raises(TypeError, match="DenseLayer"):
        dense_forward(np.zeros(2), (np.zeros((2, 3)), np.zeros(3)))


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
    layers = [DenseLayer(*layer.get_weights(), layer.activation.__name__) for layer in model.layers]
    assert [layer.activation for layer in layers] == ["tanh", "relu", "softmax"]
    assert np.allclose(forward(X, layers), model.predict(X, verbose=0), atol=1e-6)
