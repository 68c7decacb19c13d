"""The 13_frameworks checkers accept right answers, reject wrong ones with a hint, and never raise on a wrong kind."""

import numpy as np
import pytest

from course_utils.exercises import frameworks
from course_utils.exercises.frameworks import (
    FRAMEWORK_DESCRIPTIONS,
    check_curve_fit,
    check_derivative,
    check_framework_match,
    check_largest_stable_rate,
    stable_rate_limit,
)

RIGHT = {"A": "JAX", "B": "PyTorch", "C": "TensorFlow", "D": "MXNet", "E": "Keras"}


def one_line(capsys):
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "Traceback" not in out, out
    return out


def test_derivative_checker(capsys):
    assert check_derivative(25.0)
    assert check_derivative(25)
    assert check_derivative(np.float32(25.0))
    assert check_derivative(np.array([25.0]))  # e.g. a gradient kept as a one-element array
    assert check_derivative(FakeTorchTensor(np.array([25.0])))  # x.grad of PyTorch
    assert "DeprecationWarning" not in capsys.readouterr().err
    assert not check_derivative(21.0)  # f(3), not f'(3)
    assert "value" in capsys.readouterr().out
    assert not check_derivative(27.0)  # the derivative of x³ alone
    assert "−2x term" in one_line(capsys)
    assert not check_derivative(7.0)
    assert not check_derivative(None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, hint",
    [
        ("25", "not the text"),
        (True, "not True"),
        ([25], "got a list"),
        (float("nan"), "finite"),
        (np.array([25.0, 1.0]), "got a ndarray"),
    ],
)
def test_derivative_wrong_kinds_are_one_line_hints(answer, hint, capsys):
    assert not check_derivative(answer)
    out = one_line(capsys)
    assert hint in out and "25:" not in out and "= 25" not in out


def test_framework_match_checker(capsys):
    assert sorted(FRAMEWORK_DESCRIPTIONS) == sorted(RIGHT)
    assert check_framework_match(RIGHT)
    assert check_framework_match({letter: name.lower() for letter, name in RIGHT.items()})
    assert check_framework_match({**RIGHT, "B": "torch", "C": "tf", "E": " tf.keras "})  # fair other names
    capsys.readouterr()
    assert not check_framework_match({**RIGHT, "A": "PyTorch", "B": "JAX"})
    out = one_line(capsys)
    assert "A, B" in out and "JAX" not in out and "PyTorch" not in out  # which to look at, not the answer
    assert not check_framework_match({"A": "JAX"})
    assert not check_framework_match({letter: None for letter in RIGHT})
    assert not check_framework_match(None)
    assert "Not answered yet" in capsys.readouterr().out
    assert not check_framework_match(["JAX", "PyTorch"])
    assert "dict" in one_line(capsys)


def test_descriptions_say_what_is_true_today():
    assert "Meta" not in FRAMEWORK_DESCRIPTIONS["B"] and "PyTorch Foundation" in FRAMEWORK_DESCRIPTIONS["B"]
    assert "LiteRT" in FRAMEWORK_DESCRIPTIONS["C"] and "TensorFlow Lite" not in FRAMEWORK_DESCRIPTIONS["C"]
    assert "np.bool" not in FRAMEWORK_DESCRIPTIONS["D"]


# --- exercise 3: the largest stable learning rate ---------------------------------------------------


def gradient_descent_converges(x, y, rate, steps=400):
    w = b = 0.0
    for _ in range(steps):
        error = w * x + b - y
        w, b = w - rate * 2 * np.mean(error * x), b - rate * 2 * np.mean(error)
    return abs(w - 3) < 0.05 and abs(b - 2) < 0.05


def test_stable_rate_limit_separates_converging_from_diverging_rates():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 100)
    y = 3 * x + 2
    limit = stable_rate_limit(x)
    assert 0.9 < limit < 1.0
    assert gradient_descent_converges(x, y, 0.98 * limit) and not gradient_descent_converges(x, y, 1.02 * limit)


def test_largest_stable_rate_checker(capsys):
    x = np.random.default_rng(1).uniform(-1, 1, 100)
    assert check_largest_stable_rate(x, 0.9)
    assert "largest of the four" in capsys.readouterr().out
    assert not check_largest_stable_rate(x, 0.5)
    assert "a larger rate" in capsys.readouterr().out
    assert not check_largest_stable_rate(x, 1.1)
    assert "overshoots" in capsys.readouterr().out
    assert not check_largest_stable_rate(x, 0.7)
    assert "one of the four" in capsys.readouterr().out
    assert not check_largest_stable_rate(x, None)


@pytest.mark.parametrize("answer, hint", [("0.9", "not the text"), (False, "not False"), ({0.9}, "got a set")])
def test_largest_stable_rate_wrong_kinds_are_one_line_hints(answer, hint, capsys):
    assert not check_largest_stable_rate(np.linspace(-1, 1, 10), answer)
    assert hint in one_line(capsys)


# --- exercise 4: the open curve fit ---------------------------------------------------------------


class FakeTorchTensor:
    """Has .detach().cpu().numpy() like a PyTorch tensor that requires grad (np.asarray would refuse it)."""

    def __init__(self, values):
        self.values = values

    def detach(self):
        return self

    def cpu(self):
        return self

    def numpy(self):
        return self.values

    def __array__(self, *args, **kwargs):
        raise RuntimeError("Can't call numpy() on Tensor that requires grad.")


def test_curve_fit_accepts_arrays_columns_and_framework_tensors(capsys):
    assert check_curve_fit(lambda x: np.sin(3 * x))
    assert check_curve_fit(lambda x: np.sin(3 * x).reshape(-1, 1) + 0.01)
    assert check_curve_fit(lambda x: FakeTorchTensor(np.sin(3 * x)))
    assert "below the target" in capsys.readouterr().out


def test_curve_fit_rejects_a_poor_fit(capsys):
    assert not check_curve_fit(lambda x: 3 * x)
    assert f"below {frameworks.CURVE_TARGET_MSE:g}" in capsys.readouterr().out
    assert not check_curve_fit(None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "predict, hint",
    [
        ("predict", "not a str"),
        (lambda x: np.zeros(5), "one value per x"),
        (lambda x: np.full_like(x, np.nan), "nan"),
        (lambda x: 1 / 0, "raised ZeroDivisionError"),
        (lambda x: "sin", "should return numbers, one per x"),
        (lambda x: None, "returned None"),
        (lambda x: {"y": x}, "should return numbers, one per x"),
        (lambda x: float(np.mean(x)), "one value per x"),
        (lambda: 0, "raised TypeError"),
    ],
)
def test_curve_fit_wrong_kinds_are_one_line_hints(predict, hint, capsys):
    assert not check_curve_fit(predict)
    assert hint in one_line(capsys)
