"""The 04_forward_propagation checkers accept right answers, reject wrong ones, and explain a wrong kind of answer."""

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises.forward_propagation import (
    check_batch_shapes,
    check_hand_forward,
    check_xor_weights,
)


def one_line_hint(capsys, hint):
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out and out.count("\n") == 1, out


def test_hand_forward_checker(capsys):
    assert check_hand_forward([1.0, 0.0], 2.5)
    assert check_hand_forward(np.array([1, 0]), np.float32(2.5))
    assert not check_hand_forward([1.0, -2.5], 2.5)  # forgot ReLU
    assert "ReLU" in capsys.readouterr().out
    assert not check_hand_forward([1.0, 0.0], 3.0)
    assert "3·h1" in capsys.readouterr().out
    assert not check_hand_forward(None, None)


@pytest.mark.parametrize(
    "hidden, output, hint",
    [
        ([1.0], 2.5, "exactly 2 numbers; got 1"),
        (1.0, 2.5, "list of 2 numbers"),
        ("1, 0", 2.5, "list of 2 numbers"),
        ([1.0, "zero"], 2.5, "not the text 'zero'"),
        ([1.0, 0.0], "2.5", "not the text '2.5'"),
        ([1.0, 0.0], [2.5], "got a list"),
        ([1.0, 0.0], False, "not False"),
    ],
)
def test_hand_forward_checker_explains_a_wrong_kind_of_answer(capsys, hidden, output, hint):
    assert not check_hand_forward(hidden, output)
    one_line_hint(capsys, hint)


def test_batch_shapes_checker(capsys):
    assert check_batch_shapes((784, 128), (32, 128), (32, 10))
    assert check_batch_shapes([784, 128], np.array([32, 128]), (32.0, 10))
    assert not check_batch_shapes((128, 784), (32, 128), (32, 10))
    assert "W1" in capsys.readouterr().out
    assert not check_batch_shapes(None, (32, 128), (32, 10))


@pytest.mark.parametrize(
    "w1, z1, out, hint",
    [
        ("(784, 128)", (32, 128), (32, 10), "a tuple of whole numbers"),
        (784, (32, 128), (32, 10), "a tuple of whole numbers"),
        ((784, 128.5), (32, 128), (32, 10), "whole number"),
        ((784, 128), (32, "128"), (32, 10), "not the text '128'"),
        ((784, 128), (32, 128), (32, 0), "positive sizes"),
        ((784, 128), (32, 128), (), "positive sizes"),
    ],
)
def test_batch_shapes_checker_explains_a_wrong_kind_of_answer(capsys, w1, z1, out, hint):
    assert not check_batch_shapes(w1, z1, out)
    one_line_hint(capsys, hint)


def test_xor_checker(capsys):
    assert check_xor_weights([[1, 1], [1, 1]], [0, -1], [[1], [-2]], [0])
    assert "XOR" in capsys.readouterr().out
    assert check_xor_weights(np.ones((2, 2)), [0, -1], [1, -2], 0.0)  # a flat W2 and a scalar b2 are accepted
    assert not check_xor_weights([[1, 1], [1, 1]], [0, 0], [[1], [-2]], [0])
    assert "outputs 0, -1, -1, -2 for" in capsys.readouterr().out
    assert not check_xor_weights(None, None, None, None)


@pytest.mark.parametrize(
    "W1, b1, W2, b2, hint",
    [
        ([[1, 1]], [0, -1], [[1], [-2]], [0], "needs shape (2, 2); got (1, 2)"),
        ("ones", [0, -1], [[1], [-2]], [0], "not the text 'ones'"),
        ([[1, "one"], [1, 1]], [0, -1], [[1], [-2]], [0], "not the text 'one'"),
        ([[1, 1], [1, 1]], [0, np.inf], [[1], [-2]], [0], "finite"),
        ([[1, 1], [1, 1]], [0, -1], [[1], [-2]], True, "not True"),
    ],
)
def test_xor_checker_explains_a_wrong_kind_of_answer(capsys, W1, b1, W2, b2, hint):
    assert not check_xor_weights(W1, b1, W2, b2)
    one_line_hint(capsys, hint)


# --- A student's session (issue 27): every exercise untouched, wrong in typical ways, malformed, and right. ---
# Each case: (exercise, case, checker, answers, verdict, a phrase the feedback must contain). Every feedback is
# one line without a traceback, and a wrong answer's feedback never contains the answer.

E1, E2, E4 = check_hand_forward, check_batch_shapes, check_xor_weights
XOR = ([[1, 1], [1, 1]], [0, -1], [[1], [-2]], [0])

STUDENT_CASES = [
    ("E1", "untouched", E1, (None, None), False, "Not answered yet"),
    ("E1", "wrong: sums, no ReLU", E1, ([1.0, -2.5], 7.5), False, "apply ReLU"),
    ("E1", "wrong: output from the sums", E1, ([1.0, 0.0], 7.5), False, "before ReLU"),
    ("E1", "wrong: output", E1, ([1.0, 0.0], 3.0), False, "The hidden layer is right"),
    ("E1", "wrong: hidden", E1, ([2.0, 0.0], 5.5), False, "Recompute the hidden layer"),
    ("E1", "malformed: ragged", E1, ([[1.0], [0.0, 1.0]], 2.5), False, "every row as long"),
    ("E1", "malformed: one number for two", E1, (1.0, 2.5), False, "2 numbers"),
    ("E1", "malformed: text output", E1, ([1.0, 0.0], "two and a half"), False, "without quotes"),
    ("E1", "right", E1, ([1.0, 0.0], 2.5), True, "output = 3·1"),
    ("E2", "untouched", E2, (None, None, None), False, "Not answered yet"),
    ("E2", "wrong: W1 transposed", E2, ((128, 784), (32, 128), (32, 10)), False, "Check W1"),
    ("E2", "wrong: batch left out", E2, ((784, 128), (128,), (10,)), False, "one row per sample"),
    ("E2", "malformed: text", E2, ("784 x 128", (32, 128), (32, 10)), False, "is a shape"),
    ("E2", "malformed: a number", E2, ((784, 128), 128, (32, 10)), False, "is a shape"),
    ("E2", "right", E2, ((784, 128), (32, 128), (32, 10)), True, "one row per image"),
    ("E2", "right: lists", E2, ([784, 128], [32, 128], [32, 10]), True, "one row per image"),
    ("E4", "untouched", E4, (None, None, None, None), False, "Not answered yet"),
    ("E4", "wrong: no shift", E4, ([[1, 1], [1, 1]], [0, 0], [[1], [-2]], [0]), False, "XOR needs 0, 1, 1, 0"),
    ("E4", "wrong: an OR", E4, ([[1, 0], [0, 1]], [0, 0], [[1], [1]], [0]), False, "XOR needs 0, 1, 1, 0"),
    ("E4", "malformed: ragged W1", E4, ([[1, 1], [1]], [0, -1], [[1], [-2]], [0]), False, "W1"),
    ("E4", "malformed: W2 too long", E4, ([[1, 1], [1, 1]], [0, -1], [1, -2, 3], [0]), False, "shape (2, 1)"),
    ("E4", "malformed: text", E4, ("W1", [0, -1], [[1], [-2]], [0]), False, "without quotes"),
    ("E4", "right", E4, XOR, True, "XOR, with two ReLU neurons"),
]
ANSWERS = {
    "E1": ["2.5", "[1.0, 0.0]"],
    "E2": ["(32, 128)", "(784, 128)", "(32, 10)"],
    "E4": ["[[1, 1], [1, 1]]", "[0, -1]"],
}


@pytest.mark.parametrize("exercise, case, check, answers, verdict, phrase", STUDENT_CASES)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    result = check(*answers)
    assert_feedback(result, capsys.readouterr().out, verdict, phrase, ANSWERS[exercise])
