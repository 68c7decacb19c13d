"""The 03_network_architecture checkers accept right answers and reject wrong ones."""

import pytest

from course_utils.exercises.architecture import check_model, check_parameter_count, dense_parameter_count


def test_dense_parameter_count():
    assert dense_parameter_count([784, 128, 10]) == 101_770
    with pytest.raises(ValueError, match="at least two"):
        dense_parameter_count([784])


def test_parameter_count_checker(capsys):
    assert check_parameter_count(218_058)
    assert not check_parameter_count(217_728)  # weights only
    assert "bias" in capsys.readouterr().out
    assert not check_parameter_count(101_770)
    assert not check_parameter_count(None)


def test_model_checker(capsys):
    keras = pytest.importorskip("keras")
    from keras import layers

    right = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(256, activation="relu"),
                              layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
    assert check_model(right)
    assert "218,058" in capsys.readouterr().out
    wrong = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(256, activation="relu"),
                              layers.Dense(64, activation="relu"), layers.Dense(10)])
    assert not check_model(wrong)
    assert not check_model(keras.Sequential([keras.Input(shape=(28, 28)), layers.Flatten(), layers.Dense(10)]))
    assert not check_model("a model")
    assert not check_model(None)
