"""The 03_network_architecture checkers accept right answers, reject wrong ones, and explain a wrong kind of answer."""

import numpy as np
import pytest

from course_utils.exercises.architecture import (
    SMALL_MAX_PARAMETERS,
    check_model,
    check_parameter_count,
    check_small_network,
    exercise_parameter_count,
)


def test_the_exercise_network_has_218_058_parameters():
    assert exercise_parameter_count() == 218_058


def test_parameter_count_checker(capsys):
    assert check_parameter_count(218_058)
    assert check_parameter_count(218_058.0)
    assert check_parameter_count(np.int64(218_058))
    assert not check_parameter_count(217_728)  # weights only
    assert "bias" in capsys.readouterr().out
    assert not check_parameter_count(101_770)
    assert not check_parameter_count(None)


@pytest.mark.parametrize(
    "answer, hint",
    [
        (218_058.7, "whole number; 218058.7 is not"),
        (50890.7, "whole number; 50890.7 is not"),
        ("fifty", "not the text 'fifty'"),
        ("218058", "not the text '218058'"),
        (True, "not True"),
        ([218_058], "got a list"),
    ],
)
def test_parameter_count_checker_explains_a_wrong_kind_of_answer_in_one_line(capsys, answer, hint):
    assert not check_parameter_count(answer)
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out and out.count("\n") == 1


def test_model_checker(capsys):
    keras = pytest.importorskip("keras")
    from keras import layers

    right = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(256, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    assert check_model(right)
    assert "218,058" in capsys.readouterr().out
    wrong = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(256, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(10),
        ]
    )
    assert not check_model(wrong)
    assert not check_model(keras.Sequential([keras.Input(shape=(28, 28)), layers.Flatten(), layers.Dense(10)]))
    assert "784 pixels" in capsys.readouterr().out
    assert not check_model("a model")
    assert "got a str" in capsys.readouterr().out
    assert not check_model(None)


class FakeModel:
    """Stands in for a trained Keras model: its inputs, parameter count and predictions are given."""

    def __init__(self, n_parameters, right_share, outputs=10):
        import keras

        self.inputs = [keras.Input(shape=(784,))]
        self.n_parameters, self.right_share, self.outputs = n_parameters, right_share, outputs

    def count_params(self):
        return self.n_parameters

    def predict(self, images, verbose=0):
        from course_utils.data import load_mnist

        _, (_, y_test) = load_mnist()
        guesses = np.where(np.arange(len(y_test)) < self.right_share * len(y_test), y_test, (y_test + 1) % 10)
        return np.eye(self.outputs)[guesses % self.outputs]


@pytest.fixture
def fake_keras_model(monkeypatch):
    """Let FakeModel pass the checker's "is it a Keras model" test."""
    keras = pytest.importorskip("keras")
    monkeypatch.setattr(keras, "Model", (keras.Model, FakeModel))


def test_small_network_checker(capsys, fake_keras_model):
    assert check_small_network(FakeModel(23_860, 0.95))
    assert "95.0% test accuracy" in capsys.readouterr().out
    assert not check_small_network(FakeModel(23_860, 0.90))
    assert "target 93%" in capsys.readouterr().out
    assert not check_small_network(FakeModel(SMALL_MAX_PARAMETERS + 1, 0.99))
    assert "more than 25,000" in capsys.readouterr().out
    assert not check_small_network(FakeModel(23_860, 0.99, outputs=5))
    assert "10 scores per image" in capsys.readouterr().out
    assert not check_small_network(None)


def test_small_network_checker_on_a_real_untrained_model(capsys):
    keras = pytest.importorskip("keras")
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(30, activation="relu"), layers.Dense(10)])
    assert not check_small_network(model)  # small enough, but untrained: about 10% right
    assert "23,860 parameters is small enough" in capsys.readouterr().out
    assert not check_small_network(42)
    assert "Pass a Keras model" in capsys.readouterr().out
