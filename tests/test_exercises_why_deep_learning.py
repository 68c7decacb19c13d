"""The 01_why_deep_learning checker accepts good features, rejects weak or broken ones."""

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises.why_deep_learning import (
    VALIDATION_IMAGES,
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
    assert "swapped" in capsys.readouterr().out
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
    """Stands in for a trained model: right on the first ``right_share`` of the validation images, wrong on the
    rest, and right on the first ``fresh_share`` of the test images (the same share unless given)."""

    def __init__(self, right_share, outputs=10, fresh_share=None):
        self.right_share, self.outputs = right_share, outputs
        self.fresh_share = right_share if fresh_share is None else fresh_share

    def predict(self, features, verbose=0):
        from course_utils.data import load_mnist

        (x_train, y_train), (_, y_test) = load_mnist()
        validation = np.allclose(features[:3, 0], x_train[-VALIDATION_IMAGES:][:3].mean(axis=(1, 2)))
        labels, share = (y_train[-VALIDATION_IMAGES:], self.right_share) if validation else (y_test, self.fresh_share)
        guesses = np.where(np.arange(len(features)) < share * len(features), labels, (labels + 1) % 10)
        return np.eye(self.outputs)[guesses % self.outputs]


def five_features(images):
    return np.stack([images.mean(axis=(1, 2))] * 5, axis=1)


def test_feature_experiment_checker(capsys):
    assert check_feature_experiment(five_features, LabelModel(0.97))
    assert "5 hand-made numbers per image, 97.0% validation accuracy" in capsys.readouterr().out
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


# --- A student's session (issue 27): every exercise untouched, wrong in typical ways, malformed, and right. ---
# Each case: (exercise, case, checker, answers, verdict, a phrase the feedback must contain). Every feedback is
# one line without a traceback, and a wrong answer's feedback never contains the answer.

LINEAR, NETWORK = 0.8913, 0.9524  # two measured test accuracies: 1,087 and 476 mistakes


def E1(linear, network):
    return check_mistake_counts(linear, network, LINEAR, NETWORK)


def _strokes(images):
    middle = (images[:, 14, :] > 127).astype(int)
    return (np.diff(middle, axis=1) == 1).sum(axis=1)


def _no_return(images):
    images.sum(axis=(1, 2))


E2, E4 = check_zero_one_feature, check_feature_experiment

STUDENT_CASES = [
    ("E1", "untouched", E1, (None, None), False, "Not answered yet"),
    ("E1", "wrong: digits right, not wrong", E1, (8913, 9524), False, "how many digits a model gets right"),
    ("E1", "wrong: percent", E1, (11, 5), False, "not percent"),
    ("E1", "near miss: swapped", E1, (476, 1087), False, "swapped"),
    ("E1", "malformed: text", E1, ("about a thousand", 476), False, "without quotes"),
    ("E1", "malformed: a fraction", E1, (10.87, 4.76), False, "whole number"),
    ("E1", "right", E1, (1087, 476), True, "as many mistakes"),
    ("E1", "right: one off", E1, (1086, 477), True, "as many mistakes"),
    ("E2", "untouched", E2, (None,), False, "Not answered yet"),
    ("E2", "wrong: total ink", E2, (lambda images: images.sum(axis=(1, 2)),), False, "need 97%"),
    ("E2", "wrong: the brightest pixel", E2, (lambda images: images.max(axis=(1, 2)),), False, "need 97%"),
    ("E2", "malformed: returns None", E2, (_no_return,), False, "returned None"),
    ("E2", "malformed: one number per row", E2, (lambda images: images.sum(axis=2),), False, "one number per image"),
    ("E2", "malformed: raises", E2, (lambda images: images.nope,), False, "AttributeError"),
    ("E2", "malformed: not a function", E2, (0.97,), False, "function of the images"),
    ("E2", "right", E2, (_strokes,), True, "tells 0 from 1"),
    ("E4", "untouched", E4, (None, None), False, "Not answered yet"),
    ("E4", "wrong: below the target", E4, (five_features, LabelModel(0.95)), False, "target 96%"),
    ("E4", "wrong: far below", E4, (five_features, LabelModel(0.5)), False, "target 96%"),
    ("E4", "malformed: returns None", E4, (_no_return, LabelModel(0.97)), False, "returned None"),
    ("E4", "malformed: all the pixels", E4, (lambda im: im.reshape(len(im), -1), LabelModel(0.97)), False, "784"),
    ("E4", "malformed: 5 outputs", E4, (five_features, LabelModel(0.97, outputs=5)), False, "10 scores"),
    ("E4", "malformed: not a model", E4, (five_features, "model"), False, "trained Keras model"),
    ("E4", "leak: saw the validation images", E4, (five_features, LabelModel(0.99, fresh_share=0.93)), False, "seen"),
    ("E4", "right", E4, (five_features, LabelModel(0.97)), True, "validation accuracy"),
]
ANSWERS = {"E1": ["1,087", "1087", "476"], "E2": ["middle row"], "E4": []}


@pytest.mark.parametrize("exercise, case, check, answers, verdict, phrase", STUDENT_CASES)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    result = check(*answers)
    assert_feedback(result, capsys.readouterr().out, verdict, phrase, ANSWERS[exercise])
