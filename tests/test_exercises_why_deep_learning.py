"""The 01_why_deep_learning checker accepts good features, rejects weak or broken ones."""

import numpy as np
import pytest

from course_utils.exercises.why_deep_learning import (
    best_threshold_accuracy,
    check_feature_experiment,
    check_parameter_count,
    check_zero_one_feature,
)


def test_best_threshold_accuracy():
    assert best_threshold_accuracy([1, 2, 3, 4], [0, 0, 1, 1]) == 1.0
    assert best_threshold_accuracy([1, 2, 3, 4], [1, 1, 0, 0]) == 1.0  # the rule may point either way
    assert best_threshold_accuracy([1, 1, 1, 1], [0, 0, 1, 1]) == 0.5  # ties cannot be split
    with pytest.raises(ValueError, match="equally long"):
        best_threshold_accuracy([1, 2], [0])


def test_feature_checker(capsys):
    def strokes_on_middle_row(images):
        middle = (images[:, 14, :] > 127).astype(int)
        return (np.diff(middle, axis=1) == 1).sum(axis=1)

    assert check_zero_one_feature(strokes_on_middle_row)
    assert "Correct" in capsys.readouterr().out
    assert not check_zero_one_feature(lambda images: images.sum(axis=(1, 2)))  # total ink: about 94%
    assert "94" in capsys.readouterr().out
    assert not check_zero_one_feature(lambda images: np.zeros(len(images)))
    assert not check_zero_one_feature(lambda images: images.sum(axis=1))  # wrong shape
    assert "shape" in capsys.readouterr().out
    assert not check_zero_one_feature(lambda images: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not check_zero_one_feature(42)
    assert not check_zero_one_feature(None)
    assert "Not answered yet" in capsys.readouterr().out


def test_parameter_count_checker(capsys):
    assert check_parameter_count(50_890)
    assert "50,890 parameters, 99% of them in the hidden layer" in capsys.readouterr().out
    assert check_parameter_count(50_890.0) and check_parameter_count(np.int64(50_890))
    assert check_parameter_count(784 * 32 + 32 + 32 * 10 + 10, hidden_units=32)
    assert not check_parameter_count(50_816)  # weights only
    assert "bias" in capsys.readouterr().out
    assert not check_parameter_count(50_240)  # the hidden layer alone
    assert "output layer" in capsys.readouterr().out
    assert not check_parameter_count(None)


@pytest.mark.parametrize(
    "answer, hint",
    [
        (50890.7, "whole number; 50890.7 is not"),
        ("fifty", "not the text 'fifty'"),
        ("50890", "not the text '50890'"),
        (True, "not True"),
        ([50_890], "got a list"),
    ],
)
def test_parameter_count_checker_explains_a_wrong_kind_of_answer_in_one_line(capsys, answer, hint):
    assert not check_parameter_count(answer)
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out and out.count("\n") == 1


class LabelModel:
    """Stands in for a trained model: right on the first ``right_share`` of the test images, wrong on the rest."""

    def __init__(self, right_share, outputs=10):
        self.right_share, self.outputs = right_share, outputs

    def predict(self, features, verbose=0):
        from course_utils.data import load_mnist

        _, (_, y_test) = load_mnist()
        guesses = np.where(np.arange(len(features)) < self.right_share * len(features), y_test, (y_test + 1) % 10)
        return np.eye(self.outputs)[guesses % self.outputs]


def five_features(images):
    return np.stack([images.mean(axis=(1, 2))] * 5, axis=1)


def test_feature_experiment_checker(capsys):
    assert check_feature_experiment(five_features, LabelModel(0.97))
    assert "5 hand-made numbers per image, 97.0% test accuracy" in capsys.readouterr().out
    assert not check_feature_experiment(five_features, LabelModel(0.95))
    assert "target 96%" in capsys.readouterr().out
    assert not check_feature_experiment(None, None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "features, model, hint",
    [
        ("features", LabelModel(1.0), "feature function itself"),
        (five_features, "model", "trained Keras model"),
        (lambda images: images.reshape(len(images), -1), LabelModel(1.0), "784 numbers per image is more than 100"),
        (lambda images: images.sum(axis=(1, 2)), LabelModel(1.0), "one row of numbers per image"),
        (lambda images: 1 / 0, LabelModel(1.0), "ZeroDivisionError"),
        (five_features, LabelModel(1.0, outputs=5), "10 scores per image"),
    ],
)
def test_feature_experiment_checker_explains_what_is_wrong(capsys, features, model, hint):
    assert not check_feature_experiment(features, model)
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out
