"""The 06_loss_functions checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest

from course_utils.exercises.losses import (
    bce_from_logits,
    check_bce_from_logits,
    check_binary_cross_entropy_by_hand,
    check_mse_rescue,
    check_restart_judgement,
    train_neuron,
)

RNG = np.random.default_rng(0)
X = RNG.normal(size=200)
Y = (X > 0).astype(float)


def test_bce_by_hand_checker(capsys):
    assert check_binary_cross_entropy_by_hand(0.290)
    assert check_binary_cross_entropy_by_hand((-np.log(0.8) - np.log(0.7)) / 2)
    assert not check_binary_cross_entropy_by_hand(0.580)
    assert "mean" in capsys.readouterr().out
    assert not check_binary_cross_entropy_by_hand(0.714)
    assert "−log(1 − p)" in capsys.readouterr().out
    assert not check_binary_cross_entropy_by_hand(0.126)
    assert "natural logarithm" in capsys.readouterr().out
    assert not check_binary_cross_entropy_by_hand(0.5)
    assert not check_binary_cross_entropy_by_hand(None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("answer", ["0.290", True, [0.29], float("nan"), print])
def test_bce_by_hand_wrong_kinds_are_hints(answer, capsys):
    assert not check_binary_cross_entropy_by_hand(answer)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


def test_bce_from_logits_checker(capsys):
    assert check_bce_from_logits(lambda y, z: np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)))
    assert check_bce_from_logits(lambda y, z: np.mean(np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))))
    assert "from_logits=True" in capsys.readouterr().out
    naive = lambda y, z: np.mean(y * np.log(1 + np.exp(-z)) + (1 - y) * np.log(1 + np.exp(z)))  # noqa: E731
    assert not check_bce_from_logits(naive)
    assert "e^1000 overflows" in capsys.readouterr().out

    def through_clipped_probabilities(y, z):
        p = np.clip(1 / (1 + np.exp(-z)), 1e-7, 1 - 1e-7)
        return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))

    assert not check_bce_from_logits(through_clipped_probabilities)
    assert "clipping then caps the loss" in capsys.readouterr().out
    assert not check_bce_from_logits(lambda y, z: np.sum(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)))
    assert "summed over the samples" in capsys.readouterr().out
    assert not check_bce_from_logits(lambda y, z: np.mean(np.logaddexp(0, -z)))
    assert "log(1 + e^−z) if the label is 1" in capsys.readouterr().out
    assert not check_bce_from_logits(lambda y, z: undefined_name)  # noqa: F821
    assert "NameError" in capsys.readouterr().out
    assert not check_bce_from_logits(lambda y, z: "loss")
    assert "ValueError" in capsys.readouterr().out
    assert not check_bce_from_logits(0.29)
    assert not check_bce_from_logits(None)


def test_the_neuron_of_section_6():
    assert train_neuron("cross_entropy", X, Y, 1.0) >= 0.95
    assert train_neuron("mse", X, Y, 1.0) <= 0.2
    assert train_neuron("mse", X, Y, 1.0, start=-1.0) >= 0.9


def test_restart_judgement_checker(capsys):
    assert check_restart_judgement(2, X, Y)
    assert "Both learn" in capsys.readouterr().out
    assert not check_restart_judgement(1, X, Y)
    assert "Run both losses from w = −1" in capsys.readouterr().out
    assert not check_restart_judgement(4, X, Y)
    assert "Answer 1, 2 or 3" in capsys.readouterr().out
    assert not check_restart_judgement(None, X, Y)


@pytest.mark.parametrize("answer", ["2", 2.5, True, [2]])
def test_restart_judgement_wrong_kinds_are_hints(answer, capsys):
    assert not check_restart_judgement(answer, X, Y)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


def test_mse_rescue_checker(capsys):
    assert check_mse_rescue(30, X, Y)
    assert "tens of times larger" in capsys.readouterr().out
    assert not check_mse_rescue(1.0, X, Y)
    assert "the target is 95%" in capsys.readouterr().out
    assert not check_mse_rescue(-5, X, Y)
    assert "must be positive" in capsys.readouterr().out
    assert not check_mse_rescue("thirty", X, Y)
    assert "without quotes" in capsys.readouterr().out
    assert not check_mse_rescue(None, X, Y)


def test_bce_from_logits_answer_is_exact_and_finite():
    y = np.array([1.0, 0.0, 1.0, 0.0])
    z = np.array([2.0, -1.5, 0.3, 0.7])
    p = 1 / (1 + np.exp(-z))
    assert np.isclose(bce_from_logits(y, z), np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))
    extreme = bce_from_logits([1.0, 0.0, 1.0, 0.0], [-1000.0, 1000.0, 1000.0, -1000.0])
    assert extreme == 500.0  # per sample 1000, 1000, 0, 0: exact, where probabilities would round to 0 and 1


def test_bce_from_logits_answer_matches_keras():
    keras = pytest.importorskip("keras")
    y, z = np.array([1.0, 0.0, 1.0, 0.0]), np.array([-120.0, 3.0, 0.5, -30.0])
    theirs = float(keras.losses.BinaryCrossentropy(from_logits=True)(y.astype("float32"), z.astype("float32")))
    assert np.isclose(theirs, bce_from_logits(y, z), rtol=1e-6)
