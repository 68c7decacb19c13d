"""The 01_why_deep_learning checker accepts good features, rejects weak or broken ones."""

import numpy as np
import pytest

from course_utils.exercises.why_deep_learning import best_threshold_accuracy, check_zero_one_feature


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
