"""The 13_frameworks checkers accept right answers, reject wrong ones, and tolerate placeholders."""

from course_utils.exercises.frameworks import (
    FRAMEWORK_DESCRIPTIONS, check_derivative, check_framework_match, check_param_count,
)

RIGHT = {"A": "JAX", "B": "PyTorch", "C": "TensorFlow", "D": "MXNet", "E": "Keras"}


def test_param_count_checker(capsys):
    assert check_param_count(771)
    assert not check_param_count(736)  # weights only
    assert "bias" in capsys.readouterr().out
    assert not check_param_count(7114)
    assert not check_param_count(None)
    assert "Not answered yet" in capsys.readouterr().out


def test_derivative_checker(capsys):
    assert check_derivative(25.0)
    assert check_derivative(25)
    assert not check_derivative(21.0)  # f(3), not f'(3)
    assert "value" in capsys.readouterr().out
    assert not check_derivative(7.0)
    assert not check_derivative(None)


def test_framework_match_checker(capsys):
    assert sorted(FRAMEWORK_DESCRIPTIONS) == sorted(RIGHT)
    assert check_framework_match(RIGHT)
    assert check_framework_match({letter: name.lower() for letter, name in RIGHT.items()})
    assert not check_framework_match({**RIGHT, "A": "PyTorch", "B": "JAX"})
    assert "A, B" in capsys.readouterr().out
    assert not check_framework_match({"A": "JAX"})
    assert not check_framework_match({letter: None for letter in RIGHT})
    assert not check_framework_match(None)
    assert "Not answered yet" in capsys.readouterr().out
