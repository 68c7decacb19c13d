"""The 02_neuron checkers accept right answers, reject wrong ones, and answer a wrong kind of answer with a hint."""

import numpy as np
import pytest

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
    assert "step outputs 1 when z > 0" in capsys.readouterr().out
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
