"""The 12_generalisation checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises.generalisation import (
    REGULARISER_TABLE,
    check_dropout_prediction,
    check_epochs_run,
    check_gap_prediction,
    check_l2_strength,
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
    capsys.readouterr()
    assert not check_gap_prediction("smaller", 0.12, 0.09)
    out = capsys.readouterr().out
    assert "gap_500" in out and "0.120" not in out and "larger" not in out
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


def test_open_experiment_with_stand_in_models(capsys):
    y = np.arange(100) % 10
    right = np.eye(10)[y]
    wrong = np.eye(10)[(y + 1) % 10]
    fresh = (np.zeros((100, 784)), y)
    assert check_open_experiment(Fixed(right), np.zeros((100, 784)), y, fresh=fresh)
    assert "1.000" in capsys.readouterr().out
    mostly = right.copy()
    mostly[:10] = wrong[:10]
    assert not check_open_experiment(Fixed(mostly), np.zeros((100, 784)), y, fresh=fresh)
    assert "0.900" in capsys.readouterr().out
    assert not check_open_experiment(Fixed(right[:, :5]), np.zeros((100, 784)), y, fresh=fresh)
    assert "10 scores per image" in capsys.readouterr().out
    assert not check_open_experiment(Broken(), np.zeros((100, 784)), y, fresh=fresh)
    out = capsys.readouterr().out
    assert "model.predict raised" in out and out.count("\n") == 1
    assert not check_open_experiment("my model", np.zeros((100, 784)), y, fresh=fresh)
    assert "Keras model" in capsys.readouterr().out
    assert not check_open_experiment(None, np.zeros((100, 784)), y, fresh=fresh)
    assert "Not answered yet" in capsys.readouterr().out


# --- Student sessions: every exercise x (untouched, typical wrong answers, malformed answers, right answer) ---

#: For each exercise, the texts that would give its answer away: none may appear in a wrong answer's hint.
HISTORY_ANSWERS = ("epoch 3", "0.500")
ANSWERS = {
    1: HISTORY_ANSWERS,
    2: ("14",),
    3: ("larger", "0.120"),
    4: ("dropout 0.5", "0.921"),
    6: ("5.0", " 5 ", "0.8 "),
    7: ("0.001", "0.93"),
}
SWEEP = ([1e-4, 1e-3, 1e-2], [1.0, 1.0, 0.95], [0.915, 0.93, 0.90])  # strengths, training and validation accuracy

STUDENT_CASES = [
    # exercise, case, check, answers, verdict, phrase
    (1, "untouched", check_stopping_epoch, (HISTORY, None), False, "Not answered yet"),
    (1, "right", check_stopping_epoch, (HISTORY, 3), True, "epoch 3"),
    (1, "off by one", check_stopping_epoch, (HISTORY, 2), False, "from 1"),
    (1, "last epoch", check_stopping_epoch, (HISTORY, 6), False, "last epoch"),
    (1, "accuracy's best", check_stopping_epoch, (HISTORY, 4), False, "accuracy"),
    (1, "text", check_stopping_epoch, (HISTORY, "3"), False, "without quotes"),
    (1, "NaN", check_stopping_epoch, (HISTORY, float("nan")), False, "finite"),
    (1, "a list", check_stopping_epoch, (HISTORY, [3]), False, "is a number"),
    (2, "untouched", check_epochs_run, (None,), False, "Not answered yet"),
    (2, "right", check_epochs_run, (14,), True, "fit stops after epoch 14"),
    (2, "the best epoch", check_epochs_run, (9,), False, "restores"),
    (2, "one short", check_epochs_run, (13,), False, "Almost"),
    (2, "every epoch", check_epochs_run, (30,), False, "stops early"),
    (2, "a fraction", check_epochs_run, (14.5,), False, "whole number"),
    (2, "None in a list", check_epochs_run, ([None],), False, "is a number"),
    (3, "untouched", check_gap_prediction, (None, 0.12, 0.09), False, "Not answered yet"),
    (3, "right", check_gap_prediction, ("larger", 0.12, 0.09), True, "0.120"),
    (3, "wrong direction", check_gap_prediction, ("smaller", 0.12, 0.09), False, "The run says otherwise"),
    (3, "another word", check_gap_prediction, ("bigger", 0.12, 0.09), False, "'larger' or 'smaller'"),
    (3, "a number", check_gap_prediction, (0.12, 0.09, 0.09), False, "in quotes"),
    (4, "untouched", check_regulariser_choice, (None,), False, "Not answered yet"),
    (4, "right", check_regulariser_choice, ("dropout 0.5",), True, "highest validation accuracy"),
    (4, "smallest gap", check_regulariser_choice, ("L2, 0.01",), False, "smallest gap"),
    (4, "fewest epochs", check_regulariser_choice, ("early stopping",), False, "validation accuracy"),
    (4, "the baseline", check_regulariser_choice, ("none (baseline)",), False, "compared with"),
    (4, "half a name", check_regulariser_choice, ("dropout",), False, "one of the words"),
    (4, "a number", check_regulariser_choice, (4,), False, "in quotes"),
    (6, "untouched", check_dropout_prediction, (None, None), False, "Not answered yet"),
    (6, "half answered", check_dropout_prediction, (5, None), False, "Not answered yet"),
    (6, "right", check_dropout_prediction, (5, 0.8), True, "1 becomes 5"),
    (6, "right, measured", check_dropout_prediction, (5.0, 0.7996), True, "1 becomes 5"),
    (6, "divided by the rate", check_dropout_prediction, (1.25, 0.8), False, "not by the rate"),
    (6, "the rate-0.5 value", check_dropout_prediction, (2, 0.8), False, "rate 0.5"),
    (6, "the prediction-time value", check_dropout_prediction, (1, 0.8), False, "prediction time"),
    (6, "the fraction kept", check_dropout_prediction, (5, 0.2), False, "fraction that survives"),
    (6, "a percentage", check_dropout_prediction, (5, 80), False, "not a percentage"),
    (6, "text", check_dropout_prediction, ("5", 0.8), False, "without quotes"),
    (6, "NaN", check_dropout_prediction, (5, float("nan")), False, "finite"),
    (6, "a list", check_dropout_prediction, ([5, 0.8], 0.8), False, "is a number"),
    (7, "untouched", check_l2_strength, (None, *SWEEP), False, "Not answered yet"),
    (7, "right", check_l2_strength, (0.001, *SWEEP), True, "highest validation accuracy"),
    (7, "right, as 1e-3", check_l2_strength, (1e-3, *SWEEP), True, "highest validation accuracy"),
    (7, "highest training accuracy", check_l2_strength, (1e-4, *SWEEP), False, "Training accuracy cannot"),
    (7, "smallest gap", check_l2_strength, (1e-2, *SWEEP), False, "smallest gap"),
    (7, "not in the sweep", check_l2_strength, (0.5, *SWEEP), False, "one of the strengths"),
    (7, "text", check_l2_strength, ("0.001", *SWEEP), False, "without quotes"),
    (7, "a list", check_l2_strength, ([0.001], *SWEEP), False, "is a number"),
]


#: Cases whose feedback may name the right answer among the options it lists, or echo what the student typed.
NOT_ANSWERS = {"untouched", "half answered", "text", "NaN", "a list", "a fraction", "None in a list", "another word"}
NOT_ANSWERS |= {"a number", "half a name", "not in the sweep"}


@pytest.mark.parametrize(
    "exercise, case, check, answers, verdict, phrase",
    STUDENT_CASES,
    ids=[f"ex{case[0]}-{case[1]}" for case in STUDENT_CASES],
)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    result = check(*answers)
    out = capsys.readouterr().out
    answers_given_away = ANSWERS[exercise] if case not in NOT_ANSWERS else ()
    assert_feedback(result, out, verdict, phrase, answers_given_away)


def test_l2_strength_a_tie_is_right(capsys):
    strengths, train, val = [1e-4, 3e-4, 1e-3], [1.0, 1.0, 1.0], [0.914, 0.9145, 0.914]
    for strength in strengths:
        assert check_l2_strength(strength, strengths, train, val)
    assert "ties included" in capsys.readouterr().out


# --- Exercise 5 with real (tiny) models, and the leak check ---


@pytest.fixture(scope="module")
def mnist():
    from course_utils.data import load_mnist, prepare_images

    (x_train, y_train), _ = load_mnist()
    x = prepare_images(x_train)
    return {"small": (x[:1000], y_train[:1000]), "val": (x[-6000:], y_train[-6000:])}


@pytest.fixture(scope="module")
def tiny(mnist):
    """A 784-10 classifier trained on the small set for 3 epochs: about 0.85 on any MNIST images."""
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="sparse_categorical_crossentropy")
    model.fit(*mnist["small"], epochs=3, batch_size=100, verbose=0)
    return model


class Memoriser:
    """A trained model that has also memorised some images: right on those, the tiny model's answer elsewhere."""

    built = True

    def __init__(self, model, seen):
        self.model = model
        self.labels = {row.tobytes(): label for row, label in zip(*seen)}

    def get_weights(self):
        return self.model.get_weights()

    def predict(self, x, verbose=0):
        scores = np.asarray(self.model.predict(x, verbose=0))
        for i, row in enumerate(np.asarray(x)):
            if row.tobytes() in self.labels:
                scores[i] = np.eye(10)[self.labels[row.tobytes()]]
        return scores


def test_open_experiment_untouched(mnist, capsys):
    assert_feedback(check_open_experiment(None, *mnist["val"]), capsys.readouterr().out, False, "Not answered yet")


def test_open_experiment_right_model_meets_its_target(mnist, tiny, capsys):
    """A fairly trained model, judged against a target it reaches (the tiny model cannot reach 0.93)."""
    assert_feedback(check_open_experiment(tiny, *mnist["val"], target=0.8), capsys.readouterr().out, True, "Now")


def test_open_experiment_below_the_target(mnist, tiny, capsys):
    result = check_open_experiment(tiny, *mnist["val"])
    assert_feedback(result, capsys.readouterr().out, False, "the target is 0.95")


@pytest.mark.parametrize("seen", ["val", "small+val"])
def test_open_experiment_a_model_that_saw_the_validation_images_is_told(seen, mnist, tiny, capsys):
    images = mnist["val"] if seen == "val" else tuple(np.concatenate(p) for p in zip(mnist["small"], mnist["val"]))
    result = check_open_experiment(Memoriser(tiny, images), *mnist["val"])
    assert_feedback(result, capsys.readouterr().out, False, "it has seen the validation images", ("0.95",))


def test_open_experiment_malformed_models_are_one_line(mnist, capsys):
    import keras

    for_images = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dense(10)])
    result = check_open_experiment(for_images, *mnist["val"])
    assert_feedback(result, capsys.readouterr().out, False, "keras.Input(shape=(784,))")
    unbuilt = keras.Sequential([keras.layers.Dense(10)])
    assert_feedback(check_open_experiment(unbuilt, *mnist["val"]), capsys.readouterr().out, False, "no weights yet")
    result = check_open_experiment("my model", *mnist["val"])
    assert_feedback(result, capsys.readouterr().out, False, "should be a Keras model")
    result = check_open_experiment(Broken(), *mnist["val"], fresh=mnist["small"])
    assert_feedback(result, capsys.readouterr().out, False, "model.predict raised")
