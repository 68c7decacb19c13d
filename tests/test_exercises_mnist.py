"""The 11_mnist checkers accept right answers, reject wrong ones with a hint, never raise on a wrong kind of answer."""

import numpy as np
import pytest

from course_utils.exercises import mnist
from course_utils.exercises.mnist import (
    check_overfitting_onset,
    check_parameter_count,
    check_per_digit_accuracy,
    check_plain_mlp,
    check_split_for_choosing_epochs,
)

MATRIX = np.array([[8, 2, 0], [1, 6, 3], [0, 0, 10]])


def test_parameter_count(capsys):
    assert check_parameter_count(50_890)
    assert check_parameter_count(50_890.0)  # a whole number written as a float is fine
    assert not check_parameter_count(784 * 64 + 64 * 10)
    assert "biases" in capsys.readouterr().out
    assert not check_parameter_count(101_770)
    assert not check_parameter_count(None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, hint",
    [("fifty", "not the text"), (50890.7, "whole number"), (True, "not True"), ([50890], "got a list")],
)
def test_parameter_count_wrong_kinds_are_one_line_hints(answer, hint, capsys):
    assert not check_parameter_count(answer)
    out = capsys.readouterr().out
    assert hint in out and out.count("\n") == 1 and "Traceback" not in out


def test_per_digit_accuracy(capsys):
    assert check_per_digit_accuracy(MATRIX, np.diag(MATRIX) / MATRIX.sum(axis=1))
    assert check_per_digit_accuracy(MATRIX, list(np.diag(MATRIX) / MATRIX.sum(axis=1)))
    assert not check_per_digit_accuracy(MATRIX, np.diag(MATRIX) / MATRIX.sum(axis=0))
    assert "column sums" in capsys.readouterr().out
    assert not check_per_digit_accuracy(MATRIX, 100 * np.diag(MATRIX) / MATRIX.sum(axis=1))
    assert "percentages" in capsys.readouterr().out
    assert not check_per_digit_accuracy(MATRIX, [0.8, 0.6])
    assert "shape" in capsys.readouterr().out
    assert not check_per_digit_accuracy(MATRIX, None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, hint",
    [
        ("0.8, 0.6, 1.0", "not the text"),
        ({"a": 1}, "got a dict"),
        ([0.8, "x", 1.0], "not the text 'x'"),
        ([np.nan] * 3, "nan"),
    ],
)
def test_per_digit_accuracy_wrong_kinds_are_one_line_hints(answer, hint, capsys):
    assert not check_per_digit_accuracy(MATRIX, answer)
    out = capsys.readouterr().out
    assert hint in out and out.count("\n") == 1


def test_split_choice(capsys):
    assert check_split_for_choosing_epochs("validation")
    assert check_split_for_choosing_epochs(" Validation ")
    assert not check_split_for_choosing_epochs("test")
    assert "optimistic" in capsys.readouterr().out
    assert not check_split_for_choosing_epochs("train")
    assert not check_split_for_choosing_epochs("dev")
    assert not check_split_for_choosing_epochs(None)
    assert not check_split_for_choosing_epochs(2)
    assert "as text" in capsys.readouterr().out.splitlines()[-1]


# --- exercise 4: the student's own curve -----------------------------------------------------------

#: Validation loss lowest after epoch 3 (index 2), training loss falling to the end.
CURVES = {"loss": [0.9, 0.5, 0.3, 0.2, 0.1, 0.05], "val_loss": [0.8, 0.5, 0.4, 0.45, 0.5, 0.6]}


class FakeHistory:
    history = CURVES


def test_overfitting_onset_reads_the_students_own_run(capsys):
    assert check_overfitting_onset(FakeHistory(), 3)
    assert check_overfitting_onset(CURVES, 3.0)
    assert "Epoch 3" in capsys.readouterr().out
    assert not check_overfitting_onset(FakeHistory(), 2)
    assert "Off by one" in capsys.readouterr().out
    assert not check_overfitting_onset(FakeHistory(), 6)
    assert "*training* loss" in capsys.readouterr().out
    assert not check_overfitting_onset(FakeHistory(), 5)
    assert not check_overfitting_onset(None, 3)
    assert not check_overfitting_onset(FakeHistory(), None)
    assert "Not answered yet" in capsys.readouterr().out


def test_overfitting_onset_asks_for_a_longer_run_when_the_curve_has_not_turned(capsys):
    still_falling = {"loss": [0.9, 0.5, 0.3], "val_loss": [0.8, 0.6, 0.5]}
    assert not check_overfitting_onset(still_falling, 3)
    assert "more epochs" in capsys.readouterr().out


@pytest.mark.parametrize(
    "history, epoch, hint",
    [
        ([0.8, 0.5], 3, "History object"),
        ({"loss": [0.5, 0.4]}, 1, "validation_data"),
        (CURVES, "three", "not the text"),
        (CURVES, 2.5, "whole number"),
    ],
)
def test_overfitting_onset_wrong_kinds_are_one_line_hints(history, epoch, hint, capsys):
    assert not check_overfitting_onset(history, epoch)
    out = capsys.readouterr().out
    assert hint in out and out.count("\n") == 1


# --- exercise 5: the open experiment --------------------------------------------------------------


class Layer:
    pass


class Dense(Layer):
    pass


class Conv2D(Layer):
    pass


class FakeModel:
    """Predicts the stored probabilities; enough of a Keras model for the checker."""

    def __init__(self, probabilities, layers=(Dense, Dense), n_parameters=200_000):
        self.probabilities, self.layers, self.n_parameters = probabilities, [kind() for kind in layers], n_parameters

    def count_params(self):
        return self.n_parameters

    def predict(self, x, verbose=0):
        return self.probabilities


def predictions(labels, n_right):
    """One-hot probabilities that are right for the first ``n_right`` labels, wrong for the rest."""
    out = np.zeros((len(labels), 10))
    for i, label in enumerate(labels):
        out[i, label if i < n_right else (label + 1) % 10] = 1
    return out


Y_VAL = np.arange(1000) % 10


def test_plain_mlp_at_the_target(capsys):
    assert check_plain_mlp(FakeModel(predictions(Y_VAL, 990)), None, Y_VAL)
    assert "0.9900" in capsys.readouterr().out
    assert not check_plain_mlp(FakeModel(predictions(Y_VAL, 980)), None, Y_VAL)
    assert f"target is {mnist.PLAIN_MLP_TARGET}" in capsys.readouterr().out


def test_plain_mlp_rules(capsys):
    assert not check_plain_mlp(FakeModel(predictions(Y_VAL, 990), layers=(Conv2D, Dense)), None, Y_VAL)
    assert "no Conv2D" in capsys.readouterr().out
    assert not check_plain_mlp(FakeModel(predictions(Y_VAL, 990), n_parameters=600_000), None, Y_VAL)
    assert "600,000 parameters" in capsys.readouterr().out
    assert not check_plain_mlp(FakeModel(predictions(Y_VAL, 1000)), None, Y_VAL)
    assert "suspiciously" in capsys.readouterr().out
    assert not check_plain_mlp("my model", None, Y_VAL)
    assert "not a str" in capsys.readouterr().out
    assert not check_plain_mlp(None, None, Y_VAL)


def test_plain_mlp_a_failing_predict_is_a_one_line_hint(capsys):
    model = FakeModel(None)
    model.predict = lambda x, verbose=0: (_ for _ in ()).throw(ValueError("expected shape (None, 784)\nmore"))
    assert not check_plain_mlp(model, None, Y_VAL)
    out = capsys.readouterr().out
    assert "ValueError: expected shape (None, 784)" in out and out.count("\n") == 1


def test_plain_mlp_with_a_real_keras_model(capsys):
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(10, activation="softmax")])
    x = np.zeros((20, 4), dtype="float32")
    assert not check_plain_mlp(model, x, np.zeros(20, dtype=int) + 3)
    out = capsys.readouterr().out
    assert "Validation accuracy" in out and "Traceback" not in out
