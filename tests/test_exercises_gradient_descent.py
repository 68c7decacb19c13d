"""The 07_gradient_descent checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest
from student import assert_feedback

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
    assert "fewer steps" in capsys.readouterr().out
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


# --- A student's session (issue 27): every exercise untouched, wrong in typical ways, malformed, and right. ---
# Each case: (exercise, case, checker, answers, verdict, a phrase the feedback must contain). Every feedback is
# one line without a traceback, and a wrong answer's feedback never contains the answer.

E1, E2 = check_third_step, check_divergence_threshold


def E3(rate):
    return check_fastest_learning_rate(rate, X, Y)


def E4(rate, steps):
    return check_fast_fit(rate, steps, X, Y)


STUDENT_CASES = [
    ("E1", "untouched", E1, (None,), False, "Not answered yet"),
    ("E1", "wrong: the first gradient kept", E1, (3.2,), False, "changes after every step"),
    ("E1", "wrong: two steps", E1, (5.12,), False, "after 2 steps"),
    ("E1", "wrong: the factor only", E1, (0.512,), False, "x started at 8"),
    ("E1", "near miss: rounded to 1 decimal", E1, (4.1,), False, "rounded too much"),
    ("E1", "malformed: text", E1, ("about 4",), False, "without quotes"),
    ("E1", "malformed: a list", E1, ([4.096],), False, "number"),
    ("E1", "malformed: NaN", E1, (float("nan"),), False, "finite"),
    ("E1", "right", E1, (4.096,), True, "8·0.8³"),
    ("E1", "right: more precise", E1, (8 * 0.8**3,), True, "8·0.8³"),
    ("E2", "untouched", E2, (None,), False, "Not answered yet"),
    ("E2", "wrong: the limit for x²", E2, (1.0,), False, "steeper"),
    ("E2", "wrong: lands in one step", E2, (0.1,), False, "lands on the minimum"),
    ("E2", "wrong: other", E2, (0.5,), False, "|1 − 10η|"),
    ("E2", "malformed: text", E2, ("0.2",), False, "without quotes"),
    ("E2", "malformed: None inside a list", E2, ([None],), False, "number"),
    ("E2", "right", E2, (0.2,), True, "exactly when η > 0.2"),
    ("E3", "untouched", E3, (None,), False, "Not answered yet"),
    ("E3", "wrong: the largest that converges", E3, (0.9,), False, "fewer steps"),
    ("E3", "wrong: diverges", E3, (1.1,), False, "diverges"),
    ("E3", "wrong: crawls", E3, (0.01,), False, "crawls"),
    ("E3", "malformed: not one of the rates", E3, (0.3,), False, "one of the learning rates"),
    ("E3", "malformed: text", E3, ("0.5",), False, "without quotes"),
    ("E3", "right", E3, (0.5,), True, "Steps to the floor"),
    ("E4", "untouched", E4, (None, None), False, "Not answered yet"),
    ("E4", "wrong: too small a rate", E4, (0.1, 8), False, "do not reach"),
    ("E4", "wrong: too many steps", E4, (0.5, 20), False, "at most 8 steps"),
    ("E4", "malformed: three rates", E4, ([0.5, 0.5, 0.5], 8), False, "a pair"),
    ("E4", "malformed: negative rate", E4, (-0.5, 8), False, "positive"),
    ("E4", "malformed: steps as text", E4, (0.75, "eight"), False, "without quotes"),
    ("E4", "right: one rate", E4, (0.75, 8), True, "after 7 steps"),
    ("E4", "right: one rate per parameter", E4, ([1.5, 0.5], 4), True, "Adam"),
]
ANSWERS = {"E1": ["4.096"], "E2": ["0.2 ", "0.2."], "E3": ["0.5:", "8,"], "E4": []}


@pytest.mark.parametrize("exercise, case, check, answers, verdict, phrase", STUDENT_CASES)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    result = check(*answers)
    assert_feedback(result, capsys.readouterr().out, verdict, phrase, ANSWERS[exercise])
