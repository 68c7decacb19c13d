"""The 11_mnist checkers accept right answers, reject wrong ones, and tolerate placeholders."""

import numpy as np

from course_utils.exercises.mnist import check_parameter_count, check_per_digit_accuracy, check_split_for_choosing_epochs

MATRIX = np.array([[8, 2, 0], [1, 6, 3], [0, 0, 10]])


def test_parameter_count(capsys):
    assert check_parameter_count(50_890)
    assert not check_parameter_count(784 * 64 + 64 * 10)
    assert "biases" in capsys.readouterr().out
    assert not check_parameter_count(101_770)
    assert not check_parameter_count(None)


def test_per_digit_accuracy(capsys):
    assert check_per_digit_accuracy(MATRIX, np.diag(MATRIX) / MATRIX.sum(axis=1))
    assert not check_per_digit_accuracy(MATRIX, np.diag(MATRIX) / MATRIX.sum(axis=0))
    assert "column sums" in capsys.readouterr().out
    assert not check_per_digit_accuracy(MATRIX, [0.8, 0.6])
    assert not check_per_digit_accuracy(MATRIX, None)
    assert "Not answered yet" in capsys.readouterr().out


def test_split_choice():
    assert check_split_for_choosing_epochs("validation")
    assert check_split_for_choosing_epochs(" Validation ")
    assert not check_split_for_choosing_epochs("test")
    assert not check_split_for_choosing_epochs("train")
    assert not check_split_for_choosing_epochs("dev")
    assert not check_split_for_choosing_epochs(None)
