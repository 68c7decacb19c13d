"""The 06_loss_functions checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest
from student import assert_feedback

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
    assert "is a number, not the text 'loss'" in capsys.readouterr().out
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
    out = capsys.readouterr().out
    assert "with both losses from w = −1" in out and "MSE" not in out  # no measured accuracy: it would tell
    assert not check_restart_judgement(4, X, Y)
    assert "Answer 1, 2 or 3" in capsys.readouterr().out
    assert not check_restart_judgement(None, X, Y)


@pytest.mark.parametrize("answer", ["two", 2.5, True, [2]])
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


# --- A student's session (issue 27): every exercise untouched, wrong in typical ways, malformed, and right. ---
# Each case: (exercise, case, checker, answers, verdict, a phrase the feedback must contain). Every feedback is
# one line without a traceback, and a wrong answer's feedback never contains the answer.


def _bce_right(labels, z):
    return np.mean(labels * np.logaddexp(0, -z) + (1 - labels) * np.logaddexp(0, z))


def _bce_naive(labels, z):
    return np.mean(labels * np.log(1 + np.exp(-z)) + (1 - labels) * np.log(1 + np.exp(z)))


def _bce_returns_nothing(labels, z):
    np.mean(labels * np.logaddexp(0, -z) + (1 - labels) * np.logaddexp(0, z))


def _bce_per_sample(labels, z):
    return labels * np.logaddexp(0, -z) + (1 - labels) * np.logaddexp(0, z)


E1, E2 = check_binary_cross_entropy_by_hand, check_bce_from_logits


def E3(choice):
    return check_restart_judgement(choice, X, Y)


def E4(rate):
    return check_mse_rescue(rate, X, Y)


STUDENT_CASES = [
    ("E1", "untouched", E1, (None,), False, "Not answered yet"),
    ("E1", "wrong: sum of the two losses", E1, (0.580,), False, "mean"),
    ("E1", "wrong: −log p for the label-0 sample", E1, (0.714,), False, "−log(1 − p)"),
    ("E1", "near miss: cut off, not rounded", E1, (0.289,), False, "round to 3 decimals"),
    ("E1", "malformed: text", E1, ("about 0.3",), False, "without quotes"),
    ("E1", "malformed: NaN", E1, (float("nan"),), False, "finite"),
    ("E1", "right: 3 decimals", E1, (0.290,), True, "Correct"),
    ("E1", "right: 2 decimals", E1, (0.29,), True, "Correct"),
    ("E1", "right: more precise", E1, (0.2899,), True, "Correct"),
    ("E2", "untouched", E2, (None,), False, "Not answered yet"),
    ("E2", "wrong: overflows at ±1000", E2, (_bce_naive,), False, "overflows"),
    ("E2", "wrong: sum instead of mean", E2, (lambda y, z: 4 * _bce_right(y, z),), False, "summed"),
    ("E2", "malformed: returns None", E2, (_bce_returns_nothing,), False, "returned None"),
    ("E2", "malformed: returns per-sample array", E2, (_bce_per_sample,), False, "one number"),
    ("E2", "malformed: a number, not a function", E2, (0.29,), False, "function"),
    ("E2", "malformed: raises", E2, (lambda y, z: undefined_name,), False, "NameError"),  # noqa: F821
    ("E2", "right", E2, (_bce_right,), True, "from_logits=True"),
    ("E3", "untouched", E3, (None,), False, "Not answered yet"),
    ("E3", "wrong: only cross-entropy learns", E3, (1,), False, "compare the two training accuracies"),
    ("E3", "wrong: neither learns", E3, (3,), False, "compare the two training accuracies"),
    ("E3", "malformed: the statement's words", E3, ("both learn",), False, "statement's number"),
    ("E3", "malformed: 4", E3, (4,), False, "Answer 1, 2 or 3"),
    ("E3", "right", E3, (2,), True, "Both learn"),
    ("E3", "right, as text", E3, ("2",), True, "Both learn"),
    ("E4", "untouched", E4, (None,), False, "Not answered yet"),
    ("E4", "wrong: section 7's rate", E4, (1.0,), False, "the target is 95%"),
    ("E4", "wrong: smaller", E4, (0.1,), False, "the target is 95%"),
    ("E4", "malformed: negative", E4, (-5,), False, "must be positive"),
    ("E4", "malformed: text", E4, ("thirty",), False, "without quotes"),
    ("E4", "malformed: a list", E4, ([30],), False, "number"),
    ("E4", "right: any rate large enough", E4, (1e300,), True, "MSE reaches"),
    ("E4", "right", E4, (30,), True, "tens of times larger"),
]
ANSWERS = {"E1": ["0.290", "0.29"], "E2": ["logaddexp(0, -z)"], "E3": ["Both learn", "100.0%"], "E4": []}


@pytest.mark.parametrize("exercise, case, check, answers, verdict, phrase", STUDENT_CASES)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    result = check(*answers)
    assert_feedback(result, capsys.readouterr().out, verdict, phrase, ANSWERS[exercise])
