"""The 02_neuron checkers accept right answers, reject wrong ones, and answer a wrong kind of answer with a hint."""

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises.neuron import (
    check_digit_perceptron,
    check_nand_neuron,
    check_weighted_sum_prediction,
    digit_training_data,
)


def test_nand_checker(capsys):
    assert check_nand_neuron([-2, -2], 3)
    assert check_nand_neuron((-1.0, -1.0), 1.5)
    assert check_nand_neuron(np.array([-2.0, -2.0]), np.float32(3))
    assert not check_nand_neuron([1, 1], -1.5)  # that is AND
    assert "(0, 0)" in capsys.readouterr().out
    assert not check_nand_neuron(None, None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "weights, bias, hint",
    [
        ([-1, -1, -1], 2, "exactly 2 numbers"),
        (-2, 3, "list of 2 numbers"),
        ("-2, -2", 3, "list of 2 numbers"),
        ([-2, "minus two"], 3, "not the text 'minus two'"),
        ([-2, -2], "three", "not the text 'three'"),
        ([-2, -2], True, "not True"),
        ([-2, -2], [3], "got a list"),
        ([-2, float("nan")], 3, "finite"),
    ],
)
def test_nand_checker_explains_a_wrong_kind_of_answer_in_one_line(capsys, weights, bias, hint):
    assert not check_nand_neuron(weights, bias)
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out and out.count("\n") == 1


def test_prediction_checker(capsys):
    assert check_weighted_sum_prediction(0.2, 1)
    assert check_weighted_sum_prediction(0.2000000001, 1.0)
    assert not check_weighted_sum_prediction(0.2, 0)
    assert "step activation's rule" in capsys.readouterr().out
    assert not check_weighted_sum_prediction(1.2, 1)
    assert not check_weighted_sum_prediction(0.2, 2)
    assert "0 or 1, never 2" in capsys.readouterr().out
    assert not check_weighted_sum_prediction(None, 1)


@pytest.mark.parametrize(
    "weighted_sum, output, hint",
    [
        ("0.2", 1, "not the text '0.2'"),
        (0.2, "one", "not the text 'one'"),
        (0.2, 0.5, "whole number"),
        (True, 1, "not True"),
        ([0.2], 1, "got a list"),
        (float("inf"), 1, "finite"),
    ],
)
def test_prediction_checker_explains_a_wrong_kind_of_answer_in_one_line(capsys, weighted_sum, output, hint):
    assert not check_weighted_sum_prediction(weighted_sum, output)
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out and out.count("\n") == 1


class ThresholdNeuron:
    """A perceptron stand-in: 1 when the image has more ink than a threshold."""

    def __init__(self, threshold):
        self.threshold = threshold

    def predict(self, X):
        return (X.sum(axis=1) < self.threshold).astype(int)  # 1s use less ink than 0s


def test_digit_perceptron_checker(capsys):
    images, labels = digit_training_data()
    assert images.shape == (1000, 784) and 0 <= images.min() and images.max() <= 1
    assert sorted(set(labels.tolist())) == [0, 1]

    weights, bias = np.zeros(784), 0.0  # a perceptron trained as in the notebook
    for _ in range(10):
        mistakes = 0
        for x, target in zip(images, labels):
            error = target - int(x @ weights + bias > 0)
            weights, bias, mistakes = weights + 0.1 * error * x, bias + 0.1 * error, mistakes + abs(error)
        if mistakes == 0:
            break
    assert check_digit_perceptron(lambda X: (X @ weights + bias > 0).astype(int))
    assert "never saw" in capsys.readouterr().out

    assert not check_digit_perceptron(lambda X: np.zeros(len(X), dtype=int))
    assert "50.0%" in capsys.readouterr().out
    assert not check_digit_perceptron(ThresholdNeuron(1))
    assert not check_digit_perceptron(None)


@pytest.mark.parametrize(
    "neuron, hint",
    [
        (42, "predict method"),
        (lambda X: X[:, :2], "shape (1000,)"),
        (lambda X: 1 / 0, "ZeroDivisionError"),
    ],
)
def test_digit_perceptron_checker_explains_what_is_wrong(capsys, neuron, hint):
    assert not check_digit_perceptron(neuron)
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out


# --- A student's session (issue 27): every exercise untouched, wrong in typical ways, malformed, and right. ---
# Each case: (exercise, case, checker, answers, verdict, a phrase the feedback must contain). Every feedback is
# one line without a traceback, and a wrong answer's feedback never contains the answer.


def _trained_perceptron(images, labels):
    weights, bias = np.zeros(784), 0.0  # trained as in the notebook, until a pass makes no mistakes
    for _ in range(10):
        mistakes = 0
        for x, target in zip(images, labels):
            error = target - int(x @ weights + bias > 0)
            weights, bias, mistakes = weights + 0.1 * error * x, bias + 0.1 * error, mistakes + abs(error)
        if mistakes == 0:
            break
    return lambda X: (X @ weights + bias > 0).astype(int)


class Memoriser:
    """A model that has seen the validation images: it recalls their labels and guesses 0 elsewhere."""

    def __init__(self):
        from course_utils.exercises.neuron import _digits

        images, labels = _digits("validation")
        self.known = {row.tobytes(): label for row, label in zip(images, labels)}

    def predict(self, X):
        return np.array([self.known.get(row.tobytes(), 0) for row in X])


class TwoWeights:
    """A perceptron left with the two weights of a logic gate."""

    weights, bias = np.array([1.0, 1.0]), -1.5

    def predict(self, X):
        return (X @ self.weights + self.bias > 0).astype(int)


E1, E2, E4 = check_weighted_sum_prediction, check_nand_neuron, check_digit_perceptron

STUDENT_CASES = [
    ("E1", "untouched", E1, (None, None), False, "Not answered yet"),
    ("E1", "wrong: bias left out", E1, (0.0, 0), False, "includes the bias"),
    ("E1", "wrong: sum", E1, (1.2, 1), False, "Recompute the weighted sum"),
    ("E1", "wrong: output", E1, (0.2, 0), False, "step activation's rule"),
    ("E1", "malformed: text", E1, ("zero point two", 1), False, "without quotes"),
    ("E1", "malformed: output 0.5", E1, (0.2, 0.5), False, "whole number"),
    ("E1", "right", E1, (0.2, 1), True, "so the step outputs 1"),
    ("E2", "untouched", E2, (None, None), False, "Not answered yet"),
    ("E2", "wrong: AND", E2, ([1, 1], -1.5), False, "wrong on input(s)"),
    ("E2", "wrong: OR", E2, ([1, 1], -0.5), False, "wrong on input(s)"),
    ("E2", "malformed: ragged", E2, ([[-2], [-2, 1]], 3), False, "every row as long"),
    ("E2", "malformed: one weight", E2, ([-2], 3), False, "exactly 2 numbers"),
    ("E2", "malformed: text bias", E2, ([-2, -2], "3"), False, "without quotes"),
    ("E2", "right", E2, ([-2, -2], 3), True, "NAND"),
    ("E4", "untouched", E4, (None,), False, "Not answered yet"),
    ("E4", "wrong: always 0", E4, (lambda X: np.zeros(len(X), dtype=int),), False, "target 99%"),
    ("E4", "wrong: too few passes", E4, ("untrained",), False, "target 99%"),
    ("E4", "malformed: a gate's perceptron", E4, (TwoWeights(),), False, "784 weights"),
    ("E4", "malformed: predict returns None", E4, (lambda X: None,), False, "returned None"),
    ("E4", "malformed: not a perceptron", E4, (42,), False, "predict method"),
    ("E4", "leak: saw the validation images", E4, ("memoriser",), False, "has seen the validation images"),
    ("E4", "right", E4, ("trained",), True, "never saw"),
]
ANSWERS = {"E1": ["0.2 > 0"], "E2": ["[-2, -2]", "negative weights"], "E4": []}


def resolve(answers):
    """The models of exercise 4's cases, built when a case runs (they need the MNIST files)."""
    if answers not in (("trained",), ("untrained",), ("memoriser",)):
        return answers
    images, labels = digit_training_data()
    if answers[0] == "memoriser":
        return (Memoriser(),)
    return (
        _trained_perceptron(images, labels) if answers[0] == "trained" else _trained_perceptron(images[:4], labels[:4]),
    )


@pytest.mark.parametrize("exercise, case, check, answers, verdict, phrase", STUDENT_CASES)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    result = check(*resolve(answers))
    assert_feedback(result, capsys.readouterr().out, verdict, phrase, ANSWERS[exercise])
