"""The 01_why_deep_learning checker accepts good features, rejects weak or broken ones."""

import numpy as np
import pytest

from course_utils.exercises.why_deep_learning import (
    best_threshold_accuracy,
    check_feature_experiment,
    check_mistake_counts,
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


def test_mistake_count_checker(capsys):
    assert check_mistake_counts(1087, 476, 0.8913000226020813, 0.9524000287055969)
    assert "1,087 mistakes against 476: 6.1 points more accuracy means 44% as many mistakes" in capsys.readouterr().out
    assert check_mistake_counts(1086, 475.0, 0.8913000226020813, 0.9524000287055969)  # int() instead of round()
    assert check_mistake_counts(np.int64(1087), np.int64(476), np.float32(0.8913), np.float32(0.9524))
    assert not check_mistake_counts(8913, 9524, 0.8913, 0.9524)  # the digits they get right
    assert "right" in capsys.readouterr().out
    assert not check_mistake_counts(11, 5, 0.8913, 0.9524)  # percent, rounded
    assert "not percent" in capsys.readouterr().out
    assert not check_mistake_counts(476, 1087, 0.8913, 0.9524)  # swapped
    assert "(1 − a) × 10,000" in capsys.readouterr().out
    assert not check_mistake_counts(1087, None, 0.8913, 0.9524)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, hint",
    [
        (10.87, "whole number; 10.87 is not"),
        ("fifty", "not the text 'fifty'"),
        ("1087", "not the text '1087'"),
        (True, "not True"),
        ([1087], "got a list"),
    ],
)
def test_mistake_count_checker_explains_a_wrong_kind_of_answer_in_one_line(capsys, answer, hint):
    assert not check_mistake_counts(answer, 476, 0.8913, 0.9524)
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
