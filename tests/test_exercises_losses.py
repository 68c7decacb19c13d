"""The 06_loss_functions checkers accept right answers, reject wrong ones, and tolerate placeholders."""

import numpy as np

from course_utils.exercises.losses import check_binary_cross_entropy_by_hand, check_categorical_cross_entropy


def test_bce_by_hand_checker(capsys):
    assert check_binary_cross_entropy_by_hand(0.290)
    assert check_binary_cross_entropy_by_hand((-np.log(0.8) - np.log(0.7)) / 2)
    assert not check_binary_cross_entropy_by_hand(0.580)
    assert "mean" in capsys.readouterr().out
    assert not check_binary_cross_entropy_by_hand(0.714)
    assert "−log(1 − p)" in capsys.readouterr().out
    assert not check_binary_cross_entropy_by_hand(0.5)
    assert not check_binary_cross_entropy_by_hand(None)


def test_cce_function_checker(capsys):
    assert check_categorical_cross_entropy(lambda y, p: np.mean(-np.sum(y * np.log(p), axis=1)))
    assert not check_categorical_cross_entropy(lambda y, p: np.sum(-np.sum(y * np.log(p), axis=1)))
    assert "mean over samples" in capsys.readouterr().out
    assert not check_categorical_cross_entropy(lambda y, p: np.mean((y - p) ** 2))
    assert not check_categorical_cross_entropy(lambda y, p: undefined_name)  # noqa: F821
    assert "NameError" in capsys.readouterr().out
    assert not check_categorical_cross_entropy("loss")
    assert not check_categorical_cross_entropy(None)
