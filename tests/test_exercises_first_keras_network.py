"""The 09_first_keras_network checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest

from course_utils.exercises.first_keras_network import (
    check_fixed_model_parameters,
    check_gradient_steps,
    check_large_learning_rate,
    check_reliable_small_network,
)

#: Answers of the wrong kind: each must give a one-line hint, never a traceback.
WRONG_KINDS = ["many", "129", 129.5, True, [129], {"n": 129}, float("nan"), np.array([129, 1])]


def one_message(capsys, mark="❌"):
    """Exactly one feedback message of the expected kind, on one line, and no traceback."""
    out = capsys.readouterr().out
    assert out.startswith(mark) and out.count("\n") == 1 and "Traceback" not in out, out
    return out


def test_parameter_checker(capsys):
    assert check_fixed_model_parameters(129)
    assert check_fixed_model_parameters(129.0)
    assert not check_fixed_model_parameters(2 * 32 + 32)
    assert "biases" in capsys.readouterr().out
    assert not check_fixed_model_parameters(96 + 32 + 32)
    assert "one unit" in capsys.readouterr().out
    assert not check_fixed_model_parameters(96 + 32)
    assert "bias too" in capsys.readouterr().out
    assert not check_fixed_model_parameters(65)
    assert not check_fixed_model_parameters(None)
    assert "Not answered yet" in capsys.readouterr().out


def test_steps_checker(capsys):
    assert check_gradient_steps(600)
    assert not check_gradient_steps(300)
    assert "batch_size=2" in capsys.readouterr().out
    assert not check_gradient_steps(1200)
    assert "one step per sample" in capsys.readouterr().out
    assert not check_gradient_steps(None)
    one_message(capsys, "✏️")


@pytest.mark.parametrize(
    "steps, hint", [(2, "one epoch"), (150, "more steps per epoch, not fewer"), (300, "batch_size=2"), (7, "Steps =")]
)
def test_steps_checker_names_near_misses_without_the_answer(steps, hint, capsys):
    assert not check_gradient_steps(steps)
    out = one_message(capsys)
    assert hint in out and "600" not in out


@pytest.mark.parametrize("checker", [check_fixed_model_parameters, check_gradient_steps])
@pytest.mark.parametrize("answer", WRONG_KINDS)
def test_count_checkers_turn_wrong_kinds_into_hints(checker, answer, capsys):
    assert not checker(answer)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


keras = pytest.importorskip("keras")

from course_utils.first_keras_network import many_runs  # noqa: E402


@pytest.fixture(scope="module")
def big_runs():
    return many_runs(30, hidden_units=32, learning_rate=1.0, epochs=300, seed=0)


def test_large_learning_rate_checker(big_runs, capsys):
    assert check_large_learning_rate(big_runs, "worse")
    assert check_large_learning_rate(big_runs, " Worse ")
    assert "dead" in capsys.readouterr().out
    assert not check_large_learning_rate(big_runs, "better")
    out = one_message(capsys)
    solved = sum(r.solved for r in big_runs)
    assert "Look again" in out and "section 6" in out and f"{solved} of" not in out  # where to look, not the count
    small = many_runs(3, hidden_units=32, learning_rate=0.01, epochs=5, seed=0)
    assert not check_large_learning_rate(small, "worse")
    assert "learning_rate=1.0" in capsys.readouterr().out
    assert not check_large_learning_rate(None, "worse")
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("runs, verdict", [("runs", "worse"), ([1, 2], "worse"), (7, "worse"), ([], "worse")])
def test_large_learning_rate_checker_wrong_kinds_of_runs(runs, verdict, capsys):
    assert not check_large_learning_rate(runs, verdict)
    assert "many_runs" in capsys.readouterr().out


@pytest.mark.parametrize("verdict", [True, 1.0, "much worse", ["worse"]])
def test_large_learning_rate_checker_wrong_kinds_of_verdict(big_runs, verdict, capsys):
    assert not check_large_learning_rate(big_runs, verdict)
    out = capsys.readouterr().out
    assert "'better' or 'worse'" in out and out.count("\n") == 1


def test_reliable_small_network_checker(capsys):
    assert check_reliable_small_network(
        many_runs(50, hidden_units=4, learning_rate=0.05, epochs=300, seed=0, activation="elu")
    )
    assert "All 50 runs" in capsys.readouterr().out
    assert not check_reliable_small_network(many_runs(50, hidden_units=4, learning_rate=0.001, epochs=100, seed=0))
    assert "solve XOR; the target is all" in capsys.readouterr().out
    assert not check_reliable_small_network(
        many_runs(10, hidden_units=4, learning_rate=0.05, epochs=300, activation="elu")
    )
    assert "at least 50 runs" in capsys.readouterr().out
    assert not check_reliable_small_network(many_runs(50, hidden_units=8, learning_rate=0.01, epochs=10))
    assert "at most 4" in capsys.readouterr().out
    assert not check_reliable_small_network(many_runs(50, hidden_units=4, learning_rate=0.01, epochs=301))
    assert "300 epochs" in capsys.readouterr().out
    one = many_runs(1, hidden_units=4, learning_rate=0.05, epochs=300, activation="elu")
    assert not check_reliable_small_network(one * 50)
    assert "share a start" in capsys.readouterr().out
    weak = many_runs(50, hidden_units=4, learning_rate=0.05, epochs=3, seed=0, activation="elu")
    assert not check_reliable_small_network(weak)
    assert not check_reliable_small_network("runs")
    assert not check_reliable_small_network(None)
