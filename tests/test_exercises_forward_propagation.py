"""The 04_forward_propagation checkers accept right answers, reject wrong ones, and explain a wrong kind of answer."""

import numpy as np
import pytest

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
