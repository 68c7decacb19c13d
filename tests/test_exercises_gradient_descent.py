"""The 07_gradient_descent checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest

from course_utils.exercises.gradient_descent import (
    check_divergence_threshold,
    check_fast_fit,
    check_fastest_learning_rate,
    check_third_step,
    steps_to_floor,
)
from course_utils.gradient_descent import make_line_data

X, Y = make_line_data(100, slope=3.0, intercept=2.0, noise=0.5, rng=np.random.default_rng(0))


def test_third_step_checker(capsys):
    assert check_third_step(4.096)
    assert check_third_step(8 * 0.8**3)
    assert not check_third_step(3.2)  # kept the first gradient for all three steps
    assert "changes after every step" in capsys.readouterr().out
    assert not check_third_step(5.12)
    assert not check_third_step(None)
    assert "Not answered yet" in capsys.readouterr().out


def test_divergence_threshold_checker(capsys):
    assert check_divergence_threshold(0.2)
    assert not check_divergence_threshold(1.0)
    assert not check_divergence_threshold(0.1)
    assert "lands on the minimum" in capsys.readouterr().out
    assert not check_divergence_threshold(None)


@pytest.mark.parametrize("check", [check_third_step, check_divergence_threshold])
@pytest.mark.parametrize("answer", ["4.096", True, [4.096], float("nan"), print])
def test_number_answers_of_the_wrong_kind_are_hints(check, answer, capsys):
    assert not check(answer)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


def test_steps_to_floor():
    assert steps_to_floor(X, Y, 0.5) < steps_to_floor(X, Y, 0.9) < steps_to_floor(X, Y, 0.1)
    assert steps_to_floor(X, Y, 0.01) is None and steps_to_floor(X, Y, 1.1) is None
    assert steps_to_floor(X, Y, (1.5, 0.5)) <= 3


def test_fastest_learning_rate_checker(capsys):
    assert check_fastest_learning_rate(0.5, X, Y)
    assert "0.9 already overshoots" in capsys.readouterr().out
    assert not check_fastest_learning_rate(0.9, X, Y)
    assert "Count again" in capsys.readouterr().out
    assert not check_fastest_learning_rate(1.1, X, Y)
    assert "it diverges" in capsys.readouterr().out
    assert not check_fastest_learning_rate(0.01, X, Y)
    assert "it crawls" in capsys.readouterr().out
    assert not check_fastest_learning_rate(0.3, X, Y)
    assert "Choose one of the learning rates" in capsys.readouterr().out
    assert not check_fastest_learning_rate("0.5", X, Y)
    assert "without quotes" in capsys.readouterr().out
    assert not check_fastest_learning_rate(None, X, Y)


def test_fast_fit_checker(capsys):
    assert check_fast_fit(0.7, 8, X, Y)
    assert "one learning rate per parameter" in capsys.readouterr().out
    assert check_fast_fit((1.5, 0.5), 3, X, Y)
    assert "Adam" in capsys.readouterr().out
    assert check_fast_fit(np.array([1.5, 0.5]), 3, X, Y)
    assert not check_fast_fit(0.5, 5, X, Y)
    assert "do not reach" in capsys.readouterr().out
    assert not check_fast_fit(0.7, 20, X, Y)
    assert "at most 8 steps" in capsys.readouterr().out
    assert not check_fast_fit(0.7, None, X, Y)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "rate, steps, hint",
    [
        ("fast", 8, "without quotes"),
        ((0.5, 0.5, 0.5), 8, "or a pair"),
        ((0.5, "b"), 8, "without quotes"),
        (-0.5, 8, "must be positive"),
        (True, 8, "is a number"),
        (0.7, 7.5, "whole number"),
        (0.7, "eight", "without quotes"),
    ],
)
def test_fast_fit_wrong_kinds_are_hints(rate, steps, hint, capsys):
    assert not check_fast_fit(rate, steps, X, Y)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1 and hint in out
