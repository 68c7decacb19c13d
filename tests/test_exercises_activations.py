"""The 05_activation_functions checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest

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
    assert not check_softplus(np.log1p, lambda z: z)  # log(1 + z), not log(1 + e^z)
    assert "log(1 + e^z)" in capsys.readouterr().out
    sigmoid = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    assert not check_softplus(lambda z: np.logaddexp(0, z), lambda z: sigmoid(z) * (1 - sigmoid(z)))
    assert "sigmoid's own slope" in capsys.readouterr().out
    assert not check_softplus(lambda z: np.logaddexp(0, z), lambda z: (z > 0).astype(float))
    assert "ReLU's slope" in capsys.readouterr().out
    assert not check_softplus(lambda z: np.logaddexp(0, z), lambda z: np.ones(3))  # wrong shape
    assert "Which function" in capsys.readouterr().out
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
