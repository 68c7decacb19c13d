"""The 05_activation_functions checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises.activations import (
    check_collapsed_layer,
    check_saturating_scale,
    check_sigmoid_xor,
    check_softplus,
)

#: Answers of the wrong kind: each must give a one-line hint, never a traceback.
WRONG_KINDS = ["fifty", True, print, {"w": 1}, [1.0, "x"], float("nan")]


def test_collapsed_layer_checker(capsys):
    assert check_collapsed_layer([[4.0], [-1.0]], [1.0])
    assert check_collapsed_layer([4, -1], 1)
    assert not check_collapsed_layer([[4.0], [-1.0]], [-1.0])  # forgot b1 @ W2
    assert "b1 @ W2" in capsys.readouterr().out
    assert not check_collapsed_layer([[2.0], [1.0]], [1.0])
    assert "W1 @ W2" in capsys.readouterr().out
    assert not check_collapsed_layer([1.0, 2.0, 3.0], [1.0])
    assert "needs exactly 2 numbers; got 3" in capsys.readouterr().out
    assert not check_collapsed_layer(None, [1.0])
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("answer", WRONG_KINDS)
def test_collapsed_layer_wrong_kinds_are_hints(answer, capsys):
    assert not check_collapsed_layer(answer, [1.0])
    assert not check_collapsed_layer([4.0, -1.0], answer)
    out = capsys.readouterr().out
    assert out.count("❌") == 2 and "Traceback" not in out


def test_softplus_checker(capsys):
    assert check_softplus(lambda z: np.log(1 + np.exp(z)), lambda z: 1 / (1 + np.exp(-z)))
    assert check_softplus(lambda z: np.logaddexp(0, z), lambda z: np.exp(z) / (1 + np.exp(z)))
    assert not check_softplus(lambda z: np.maximum(0, z), lambda z: 1 / (1 + np.exp(-z)))
    assert "That is ReLU itself" in capsys.readouterr().out
    assert not check_softplus(np.log1p, lambda z: z)  # log(1 + z), not log(1 + e^z): NaN for z < -1
    assert "finite" in capsys.readouterr().out
    sigmoid = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    assert not check_softplus(lambda z: np.logaddexp(0, z), lambda z: sigmoid(z) * (1 - sigmoid(z)))
    assert "sigmoid's own slope" in capsys.readouterr().out
    assert not check_softplus(lambda z: np.logaddexp(0, z), lambda z: (z > 0).astype(float))
    assert "ReLU's slope" in capsys.readouterr().out
    assert not check_softplus(lambda z: np.logaddexp(0, z), lambda z: np.ones(3))  # wrong shape
    assert "one value per z" in capsys.readouterr().out
    assert not check_softplus(lambda z: undefined_name, sigmoid)  # noqa: F821
    assert "NameError" in capsys.readouterr().out
    assert not check_softplus(lambda z: np.logaddexp(0, z), "sigmoid")
    assert "Assign a function to my_softplus_derivative" in capsys.readouterr().out
    assert not check_softplus(None, sigmoid)
    assert "Not answered yet" in capsys.readouterr().out


def test_saturating_scale_checker(capsys):
    assert check_saturating_scale(10)
    assert check_saturating_scale(10.0)
    assert not check_saturating_scale(3)
    assert "most slopes are still above" in capsys.readouterr().out
    assert not check_saturating_scale(100)
    assert "already at a smaller one" in capsys.readouterr().out
    assert not check_saturating_scale(7)
    assert "Choose one of the scales" in capsys.readouterr().out
    assert not check_saturating_scale(None)


@pytest.mark.parametrize("answer", ["ten", True, [10], float("inf")])
def test_saturating_scale_wrong_kinds_are_hints(answer, capsys):
    assert not check_saturating_scale(answer)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


def test_sigmoid_xor_checker(capsys):
    assert check_sigmoid_xor([[20, 20], [20, 20]], [-10, -30], [[1], [-1]], [0])
    assert "largest sigmoid slope" in capsys.readouterr().out
    assert not check_sigmoid_xor([[1, 1], [1, 1]], [0, -1], [1, -2], [0])  # the ReLU weights: too soft for sigmoids
    assert "every output must be within 0.1" in capsys.readouterr().out
    assert not check_sigmoid_xor([[20, 20], [20, 20]], [-10, -30], [1, -1, 0], [0])
    assert "W2 needs exactly 2 numbers; got 3" in capsys.readouterr().out
    assert not check_sigmoid_xor("W1", [0, 0], [1, 1], [0])
    assert not check_sigmoid_xor([[20, 20], [20, 20]], None, [1, -1], [0])
    assert "Not answered yet" in capsys.readouterr().out


# --- A student's session (issue 27): every exercise untouched, wrong in typical ways, malformed, and right. ---
# Each case: (exercise, case, checker, answers, verdict, a phrase the feedback must contain). Every feedback is
# one line without a traceback, and a wrong answer's feedback never contains the answer.


def _softplus(z):
    return np.log(1 + np.exp(z))


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _returns_nothing(z):
    np.log(1 + np.exp(z))


def _one_number(z):
    return float(np.sum(np.log(1 + np.exp(z))))


E1, E2, E3, E4 = check_collapsed_layer, check_softplus, check_saturating_scale, check_sigmoid_xor

STUDENT_CASES = [
    ("E1", "untouched", E1, (None, None), False, "Not answered yet"),
    ("E1", "wrong: forgot b1 @ W2", E1, ([[4.0], [-1.0]], [-1.0]), False, "first layer's bias"),
    ("E1", "wrong: W2 alone", E1, ([[2.0], [1.0]], [1.0]), False, "W1 @ W2"),
    ("E1", "malformed: ragged", E1, ([[4.0], [-1.0, 2.0]], [1.0]), False, "W"),
    ("E1", "malformed: text", E1, ("4, -1", [1.0]), False, "without quotes"),
    ("E1", "malformed: three numbers", E1, ([1.0, 2.0, 3.0], [1.0]), False, "exactly 2 numbers"),
    ("E1", "right: a column", E1, ([[4.0], [-1.0]], [1.0]), True, "two layers, one line"),
    ("E1", "right: flat", E1, ([4, -1], 1), True, "two layers, one line"),
    ("E2", "untouched", E2, (None, None), False, "Not answered yet"),
    ("E2", "wrong: ReLU", E2, (lambda z: np.maximum(0, z), _sigmoid), False, "ReLU itself"),
    ("E2", "wrong: log base 10", E2, (lambda z: np.log10(1 + np.exp(z)), _sigmoid), False, "natural logarithm"),
    ("E2", "wrong: sigmoid's slope", E2, (_softplus, lambda z: _sigmoid(z) * (1 - _sigmoid(z))), False, "own slope"),
    ("E2", "wrong: other derivative", E2, (_softplus, lambda z: np.exp(z)), False, "chain rule"),
    ("E2", "malformed: returns None", E2, (_returns_nothing, _sigmoid), False, "returned None"),
    ("E2", "malformed: returns one number", E2, (_one_number, _sigmoid), False, "one value per z"),
    ("E2", "malformed: math.exp", E2, (lambda z: __import__("math").exp(z), _sigmoid), False, "TypeError"),
    ("E2", "malformed: a number", E2, (0.5, _sigmoid), False, "function"),
    ("E2", "right", E2, (_softplus, _sigmoid), True, "sigmoid(z)"),
    ("E3", "untouched", E3, (None,), False, "Not answered yet"),
    ("E3", "wrong: too small", E3, (3,), False, "Look again at scale 3"),
    ("E3", "wrong: a later one", E3, (30,), False, "find the first"),
    ("E3", "malformed: a fraction", E3, (0.71,), False, "one of the scales"),
    ("E3", "malformed: text", E3, ("ten",), False, "without quotes"),
    ("E3", "right", E3, (10,), True, "flat part"),
    ("E4", "untouched", E4, (None, None, None, None), False, "Not answered yet"),
    ("E4", "wrong: ReLU section's weights", E4, ([[1, 1], [1, 1]], [0, -1], [[1], [-2]], [0]), False, "within 0.1"),
    ("E4", "wrong: too gentle", E4, ([[2, 2], [2, 2]], [-1, -3], [[1], [-1]], [0]), False, "within 0.1"),
    ("E4", "malformed: ragged W1", E4, ([[20, 20], [20]], [-10, -30], [[1], [-1]], [0]), False, "W1"),
    ("E4", "malformed: b1 too short", E4, ([[20, 20], [20, 20]], [-10], [[1], [-1]], [0]), False, "exactly 2"),
    ("E4", "right", E4, ([[20, 20], [20, 20]], [-10, -30], [[1], [-1]], [0]), True, "barely learns"),
]
ANSWERS = {"E1": ["[4.0, -1.0]", "[1.0]"], "E2": ["np.log(1 + np.exp(z))", "e^z / (1 + e^z)"], "E3": [], "E4": ["OR −"]}


@pytest.mark.parametrize("exercise, case, check, answers, verdict, phrase", STUDENT_CASES)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    result = check(*answers)
    assert_feedback(result, capsys.readouterr().out, verdict, phrase, ANSWERS[exercise])
