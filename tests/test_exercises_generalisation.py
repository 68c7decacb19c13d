"""The 12_generalisation checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest

from course_utils.exercises.generalisation import (
    REGULARISER_TABLE,
    check_epochs_run,
    check_gap_prediction,
    check_open_experiment,
    check_regulariser_choice,
    check_stopping_epoch,
)

HISTORY = {
    "loss": [1.0, 0.5, 0.3, 0.2, 0.1, 0.05],
    "val_loss": [0.9, 0.6, 0.5, 0.55, 0.7, 0.8],
    "val_accuracy": [0.72, 0.84, 0.88, 0.89, 0.88, 0.88],
}
WRONG_KINDS = ["3", 3.5, True, [3], {"epoch": 3}]


def test_stopping_epoch(capsys):
    assert check_stopping_epoch(HISTORY, 3)
    assert check_stopping_epoch(HISTORY, 3.0)
    assert check_stopping_epoch(HISTORY, np.int64(3))
    assert not check_stopping_epoch(HISTORY, 2)
    assert "from 1" in capsys.readouterr().out
    assert not check_stopping_epoch(HISTORY, 6)
    assert "last epoch" in capsys.readouterr().out
    assert not check_stopping_epoch(HISTORY, 4)
    assert "accuracy" in capsys.readouterr().out
    assert not check_stopping_epoch(HISTORY, None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("answer", WRONG_KINDS)
def test_stopping_epoch_wrong_kind_is_a_one_line_hint(answer, capsys):
    assert not check_stopping_epoch(HISTORY, answer)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


def test_epochs_run(capsys):
    assert check_epochs_run(14)
    assert check_epochs_run(14, best_epoch=9, patience=5, max_epochs=30)
    assert check_epochs_run(30, best_epoch=28, patience=5, max_epochs=30)
    assert not check_epochs_run(9)
    assert "restores" in capsys.readouterr().out
    assert not check_epochs_run(13)
    assert "Almost" in capsys.readouterr().out
    assert not check_epochs_run(30)
    assert "early" in capsys.readouterr().out
    assert not check_epochs_run(None)


@pytest.mark.parametrize("answer", ["14", 14.5, False, [14]])
def test_epochs_run_wrong_kind_is_a_one_line_hint(answer, capsys):
    assert not check_epochs_run(answer)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


def test_gap_prediction(capsys):
    assert check_gap_prediction("larger", 0.12, 0.09)
    assert check_gap_prediction(" Larger ", 0.12, 0.09)
    assert check_gap_prediction("smaller", 0.05, 0.09)
    assert not check_gap_prediction("smaller", 0.12, 0.09)
    assert "0.120" in capsys.readouterr().out
    assert not check_gap_prediction(None, 0.12, 0.09)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("answer", ["bigger", 1, True, 0.12, ["larger"]])
def test_gap_prediction_wrong_kind_is_a_one_line_hint(answer, capsys):
    assert not check_gap_prediction(answer, 0.12, 0.09)
    out = capsys.readouterr().out
    assert out.startswith("❌") and "'larger' or 'smaller'" in out and out.count("\n") == 1


def test_regulariser_choice(capsys):
    best = max(REGULARISER_TABLE, key=lambda row: row[2])[0]
    assert best == "dropout 0.5"
    assert check_regulariser_choice("dropout 0.5")
    assert check_regulariser_choice("DROPOUT 0.5 ")
    assert not check_regulariser_choice("L2, 0.01")
    assert "smallest gap" in capsys.readouterr().out
    assert not check_regulariser_choice("early stopping")
    assert "validation accuracy" in capsys.readouterr().out
    assert not check_regulariser_choice("none (baseline)")
    assert not check_regulariser_choice(None)


@pytest.mark.parametrize("answer", ["dropout", 4, True, ("dropout 0.5",)])
def test_regulariser_choice_wrong_kind_is_a_one_line_hint(answer, capsys):
    assert not check_regulariser_choice(answer)
    out = capsys.readouterr().out
    assert out.startswith("❌") and out.count("\n") == 1


class Fixed:
    """A stand-in model that predicts given probabilities."""

    def __init__(self, probabilities):
        self.probabilities = probabilities

    def predict(self, x, verbose=0):
        return self.probabilities


class Broken:
    def predict(self, x, verbose=0):
        raise ValueError("Input 0 of layer is incompatible: expected shape (None, 28, 28, 1)\nmore")


def test_open_experiment(capsys):
    y = np.arange(100) % 10
    right = np.eye(10)[y]
    wrong = np.eye(10)[(y + 1) % 10]
    assert check_open_experiment(Fixed(right), np.zeros((100, 784)), y)
    assert "1.000" in capsys.readouterr().out
    mostly = right.copy()
    mostly[:10] = wrong[:10]
    assert not check_open_experiment(Fixed(mostly), np.zeros((100, 784)), y)
    assert "0.900" in capsys.readouterr().out
    assert not check_open_experiment(Fixed(right[:, :5]), np.zeros((100, 784)), y)
    assert "10 scores per image" in capsys.readouterr().out
    assert not check_open_experiment(Broken(), np.zeros((100, 784)), y)
    out = capsys.readouterr().out
    assert "model.predict raised" in out and out.count("\n") == 1
    assert not check_open_experiment("my model", np.zeros((100, 784)), y)
    assert "Keras model" in capsys.readouterr().out
    assert not check_open_experiment(None, np.zeros((100, 784)), y)
    assert "Not answered yet" in capsys.readouterr().out
