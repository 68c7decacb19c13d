"""course_utils.keras_apis agrees with Keras' own parameter counts."""

import pytest

from course_utils import keras_apis as lm


def test_formulas_by_hand():
    assert lm.dense_params(784, 128) == 100_480
    assert lm.dense_params(784, 128) + lm.dense_params(128, 64) + lm.dense_params(64, 10) == 109_386
    assert lm.dense_params(3, 2, use_bias=False) == 6
    assert lm.conv2d_params(1, 32, (3, 3)) == 320
    assert lm.conv2d_params(1, 32, 3) == 320  # an int kernel_size is a square kernel, as in Keras
    assert lm.conv2d_params(3, 8, 5, use_bias=False) == 600
    assert lm.lstm_params(1, 16) == 4 * (16 * 17 + 16)
    assert lm.gru_params(1, 16) == 3 * (16 * 17 + 32)
    assert lm.gru_params(1, 16, reset_after=False) == 3 * (16 * 17 + 16)
    assert lm.mlp_params((784, 128, 64, 10)) == 109_386
    assert lm.mlp_params([2, 32, 1]) == 129
    assert lm.positive_int("n", 3) == 3 and lm.positive_int("n", __import__("numpy").int64(3)) == 3


def test_formulas_match_keras():
    keras = pytest.importorskip("keras")
    cases = [
        (keras.layers.Dense(7), (5,), lm.dense_params(5, 7)),
        (keras.layers.Dense(7, use_bias=False), (5,), lm.dense_params(5, 7, use_bias=False)),
        (keras.layers.Conv2D(4, (3, 2)), (10, 9, 3), lm.conv2d_params(3, 4, (3, 2))),
        (keras.layers.Conv2D(4, 3), (10, 9, 3), lm.conv2d_params(3, 4, 3)),
        (keras.layers.LSTM(6), (8, 3), lm.lstm_params(3, 6)),
        (keras.layers.GRU(6), (8, 3), lm.gru_params(3, 6)),
        (keras.layers.GRU(6, reset_after=False), (8, 3), lm.gru_params(3, 6, reset_after=False)),
    ]
    for layer, shape, expected in cases:
        layer.build((None, *shape))
        assert layer.count_params() == expected, layer


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: lm.mlp_params([784]), "at least two layer widths"),
        (lambda: lm.mlp_params([784, 0]), "layer width must be a positive integer"),
        (lambda: lm.positive_int("epochs", True), "epochs must be a positive integer"),
    ],
)
def test_bad_arguments_raise_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()
