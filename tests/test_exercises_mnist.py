"""Student simulations for 11_mnist's exercises: right answers pass, typical wrong ones get a hint that does not give
the answer away, malformed ones a single plain line, and a run or a model that used data it should not is told so."""

import zlib

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises import mnist as ex
from course_utils.exercises.mnist import (
    check_gradient_steps,
    check_overfitting_onset,
    check_per_digit_accuracy,
    check_plain_mlp,
    check_split_for_choosing_epochs,
)


def expect(capsys, check, *answers, verdict, phrase="", hidden=()):
    """One student's answer: the verdict, one line of feedback saying ``phrase``, none of ``hidden`` in a hint."""
    assert_feedback(check(*answers), capsys.readouterr().out, verdict, phrase, hidden)


# --- exercise 1: gradient steps -----------------------------------------------------------------------------------


HIDDEN_1 = ("4,220", "4220", "422 ")


def test_gradient_steps_right_and_untouched(capsys):
    expect(capsys, check_gradient_steps, 4_220, verdict=True, phrase="422 batches per epoch")
    expect(capsys, check_gradient_steps, 4220.0, verdict=True)
    expect(capsys, check_gradient_steps, np.int64(4220), verdict=True)
    expect(capsys, check_gradient_steps, None, verdict=False, phrase="Not answered yet")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (4_210, "one more, smaller batch"),
        (4218.75, "number of batches is whole"),
        (4_219, "number of batches is whole"),
        (422, "That is one epoch"),
        (4_690, "all 60,000 training images"),
        (2_110, "batches of 256"),
        (1_000, "Count the batches of one epoch"),
    ],
)
def test_gradient_steps_near_misses_are_named_without_the_answer(answer, hint, capsys):
    expect(capsys, check_gradient_steps, answer, verdict=False, phrase=hint, hidden=HIDDEN_1)


@pytest.mark.parametrize("answer", ["4220", True, [4220], float("nan"), {"steps": 4220}])
def test_gradient_steps_malformed_answers_are_one_line(answer, capsys):
    expect(capsys, check_gradient_steps, answer, verdict=False, phrase="number")


# --- exercise 2: per-digit accuracy -------------------------------------------------------------------------------

#: A confusion matrix whose per-digit accuracies (0.93513, 0.94106, 0.97610) are not exact in 3 decimals.
MATRIX = np.array([[937, 41, 24], [30, 942, 29], [13, 11, 980]])
RIGHT = np.diag(MATRIX) / MATRIX.sum(axis=1)


HIDDEN_2 = (f"{RIGHT.min():.3f}", "hardest")


def test_per_digit_right_and_untouched(capsys):
    expect(capsys, check_per_digit_accuracy, MATRIX, RIGHT, verdict=True, phrase="hardest digit")
    expect(capsys, check_per_digit_accuracy, MATRIX, list(RIGHT), verdict=True)
    expect(capsys, check_per_digit_accuracy, MATRIX, np.round(RIGHT, 3), verdict=True)  # rounded to 3 decimals
    expect(capsys, check_per_digit_accuracy, MATRIX, np.round(RIGHT, 4).reshape(3, 1), verdict=True)
    expect(capsys, check_per_digit_accuracy, MATRIX, None, verdict=False, phrase="Not answered yet")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (np.diag(MATRIX) / MATRIX.sum(axis=0), "column sums"),
        (100 * RIGHT, "percentages"),
        (np.round(RIGHT, 2), "keep at least 3 decimals"),
        (np.diag(MATRIX) / MATRIX.sum(), "row d"),
        ([0.9, 0.9], "3 numbers"),
    ],
)
def test_per_digit_wrong_answers_get_a_hint_without_the_answer(answer, hint, capsys):
    expect(capsys, check_per_digit_accuracy, MATRIX, answer, verdict=False, phrase=hint, hidden=HIDDEN_2)


@pytest.mark.parametrize("answer", ["0.9, 0.9, 0.9", {"a": 1}, [0.9, "x", 1.0], [np.nan] * 3, [[0.9], [0.9, 0.9]]])
def test_per_digit_malformed_answers_are_one_line(answer, capsys):
    expect(capsys, check_per_digit_accuracy, MATRIX, answer, verdict=False, phrase="per-digit accuracy")


# --- exercise 3: which split? -------------------------------------------------------------------------------------


def test_split_right_and_untouched(capsys):
    for answer in ["validation", " Validation ", "'validation'"]:
        expect(capsys, check_split_for_choosing_epochs, answer, verdict=True, phrase="validation split")
    expect(capsys, check_split_for_choosing_epochs, None, verdict=False, phrase="Not answered yet")


@pytest.mark.parametrize("answer, hint", [("test", "optimistic"), ("train", "memorises")])
def test_split_wrong_answers(answer, hint, capsys):
    expect(capsys, check_split_for_choosing_epochs, answer, verdict=False, phrase=hint, hidden=("validation",))


@pytest.mark.parametrize("answer", [2, "dev", ["validation"], True])
def test_split_malformed_answers_are_one_line(answer, capsys):
    expect(capsys, check_split_for_choosing_epochs, answer, verdict=False, phrase="one of the words")


# --- exercise 4: the student's own run ----------------------------------------------------------------------------

keras = pytest.importorskip("keras")


@pytest.fixture(scope="module")
def splits():
    from course_utils.data import load_mnist, prepare_images

    (x_train, y_train), (x_test, y_test) = load_mnist()
    x_train, x_test = prepare_images(x_train), prepare_images(x_test)
    return {
        "fit": (x_train[:-6000], y_train[:-6000]),
        "val": (x_train[-6000:], y_train[-6000:]),
        "test": (x_test, y_test),
    }


def cross_entropy(model, x, y):
    p = np.asarray(model.predict(x, verbose=0))
    return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-7, 1))))


@pytest.fixture(scope="module")
def model(splits):
    """A tiny trained 784-10 classifier: its losses on the validation and test images are those of a real run."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(*(a[:300] for a in splits["fit"]), epochs=1, verbose=0)
    return model


class Run:
    """A History as fit returns it: the curves, and the model it trained."""

    def __init__(self, loss, val_loss, model=None):
        self.history, self.model = {"loss": list(loss), "val_loss": list(val_loss)}, model


def curves(model, splits, on="val", flat=False):
    """Validation loss lowest in epoch 3 (or flat over epochs 3 to 6), ending at the model's true loss on ``on``."""
    last = cross_entropy(model, *splits[on])
    low = 0.7 * last
    rise = [0.0001, 0, 0.0005, 0.001] if flat else [0, 0.05, 0.1, 0.15]
    return Run([0.9, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02], [low + 0.5, low + 0.2] + [low + r for r in rise] + [last], model)


def test_onset_right_and_untouched(model, splits, capsys):
    expect(capsys, check_overfitting_onset, curves(model, splits), 3, verdict=True, phrase="overfits")
    expect(capsys, check_overfitting_onset, curves(model, splits), 3.0, verdict=True)
    expect(capsys, check_overfitting_onset, None, 3, verdict=False, phrase="Not answered yet")
    expect(capsys, check_overfitting_onset, curves(model, splits), None, verdict=False, phrase="Not answered yet")


def test_onset_every_epoch_on_a_flat_bottom_is_right(model, splits, capsys):
    history = curves(model, splits, flat=True)
    val_loss = np.array(history.history["val_loss"])
    flat = [e + 1 for e in range(len(val_loss)) if val_loss[e] <= val_loss.min() + ex.FLAT_BOTTOM]
    assert len(flat) >= 3
    for epoch in flat:
        expect(capsys, check_overfitting_onset, history, epoch, verdict=True, phrase=f"epochs {flat[0]} to {flat[-1]}")
    expect(capsys, check_overfitting_onset, history, 1, verdict=False, phrase="in which epoch")


@pytest.mark.parametrize("epoch, hint", [(2, "Off by one"), (7, "*training* loss"), (5, "in which epoch")])
def test_onset_wrong_answers_get_a_hint_without_the_answer(epoch, hint, model, splits, capsys):
    expect(capsys, check_overfitting_onset, curves(model, splits), epoch, verdict=False, phrase=hint, hidden=("3",))


def test_onset_a_run_validated_on_the_test_set_is_told(model, splits, capsys):
    expect(capsys, check_overfitting_onset, curves(model, splits, on="test"), 3, verdict=False,
           phrase="validated on the test images", hidden=("overfits",))  # fmt: skip


def test_onset_a_history_of_another_model_is_told(model, splits, capsys):
    history = curves(model, splits)
    history.history["val_loss"][-1] *= 1.5
    expect(capsys, check_overfitting_onset, history, 3, verdict=False, phrase="not the model's loss on x_val")


def test_onset_a_real_run(splits, capsys):
    from course_utils.mnist import build_lecture_mlp

    keras.utils.set_random_seed(0)
    real = build_lecture_mlp()
    history = real.fit(*(a[:200] for a in splits["fit"]), epochs=2, batch_size=100, verbose=0,
                       validation_data=splits["val"])  # fmt: skip
    expect(capsys, check_overfitting_onset, history, 2, verdict=False, phrase="more epochs")  # still falling


def test_onset_still_falling_asks_for_a_longer_run(model, splits, capsys):
    last = cross_entropy(model, *splits["val"])
    history = Run([0.9, 0.5, 0.3], [2 * last, 1.5 * last, last], model)
    expect(capsys, check_overfitting_onset, history, 3, verdict=False, phrase="more epochs")


@pytest.mark.parametrize(
    "history, epoch, hint",
    [
        ([0.8, 0.5], 3, "History object"),
        ({"loss": [0.5, 0.4], "val_loss": [0.6, 0.5]}, 1, "not its .history dict"),
        (Run([0.5, 0.4], []), 1, "train for 30"),
        ("history", 3, "not a str"),
    ],
)
def test_onset_malformed_answers_are_one_line(history, epoch, hint, capsys):
    expect(capsys, check_overfitting_onset, history, epoch, verdict=False, phrase=hint)


def test_onset_malformed_epochs_are_one_line(model, splits, capsys):
    for epoch in ["three", 2.5, True, [3]]:
        expect(capsys, check_overfitting_onset, curves(model, splits), epoch, verdict=False, phrase="The epoch")


def test_onset_without_a_validation_curve(capsys):
    history = Run([0.5, 0.4], [0.6, 0.5])
    del history.history["val_loss"]
    expect(capsys, check_overfitting_onset, history, 1, verdict=False, phrase="validation_data")


# --- exercise 5 (open): the best plain MLP ------------------------------------------------------------------------


class Answers:
    """A stand-in for a trained MLP: right on the images it memorised, right on a share of the others."""

    def __init__(self, splits, share, memorised=(), parameters=200_000, layers=("Dense", "Dense"), shares=None):
        self.known = {row.tobytes(): label for part in splits.values() for row, label in zip(*part)}
        self.right = set()
        for part, (x, _) in splits.items():
            keys = sorted((row.tobytes() for row in x), key=zlib.crc32)  # a fixed, well-spread order
            right = len(keys) if part in memorised else round((shares or {}).get(part, share) * len(keys))
            self.right.update(keys[:right])
        self.parameters = parameters
        self.layers = [type(kind, (), {})() for kind in layers]

    def count_params(self):
        return self.parameters

    def predict(self, x, verbose=0):
        scores = np.zeros((len(x), 10), "float32")
        for i, row in enumerate(np.asarray(x, "float32")):
            key = row.tobytes()
            scores[i, (self.known[key] + (0 if key in self.right else 1)) % 10] = 1
        return scores


def test_plain_mlp_right_and_untouched(splits, capsys):
    expect(capsys, check_plain_mlp, Answers(splits, 0.99), verdict=True, phrase="Now, and only now")
    honest = Answers(splits, 0, shares={"val": 0.9865, "test": 0.9849})  # a 512-unit MLP trained on x_fit
    expect(capsys, check_plain_mlp, honest, verdict=True, phrase="Validation accuracy 0.98")
    expect(capsys, check_plain_mlp, None, verdict=False, phrase="Not answered yet")


def test_plain_mlp_typical_wrong_answers(splits, capsys):
    expect(capsys, check_plain_mlp, Answers(splits, 0.97), verdict=False, phrase=f"the target is {ex.PLAIN_MLP_TARGET}")
    expect(capsys, check_plain_mlp, Answers(splits, 0.99, layers=("Conv2D", "Dense")), verdict=False,
           phrase="no Conv2D")  # fmt: skip
    expect(capsys, check_plain_mlp, Answers(splits, 0.99, parameters=600_000), verdict=False,
           phrase="600,000 parameters")  # fmt: skip


@pytest.mark.parametrize("shares", [{"val": 0.9937, "test": 0.979}, {"val": 0.9993, "test": 0.9858}])
def test_plain_mlp_a_model_that_trained_on_the_validation_images_is_told(shares, splits, capsys):
    """Trained on all 60,000 training images (measured: section 2's way; a 512-unit MLP for 12 epochs)."""
    leaky = Answers(splits, 0, shares=shares)
    expect(capsys, check_plain_mlp, leaky, verdict=False, phrase="it has seen the validation images")


def test_plain_mlp_malformed_answers_are_one_line(capsys):
    for_images = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dense(10)])
    expect(capsys, check_plain_mlp, for_images, verdict=False, phrase="keras.Input(shape=(784,))")
    unbuilt = keras.Sequential([keras.layers.Dense(10)])
    expect(capsys, check_plain_mlp, unbuilt, verdict=False, phrase="no weights yet")
    expect(capsys, check_plain_mlp, "my model", verdict=False, phrase="should be a Keras model")


def test_plain_mlp_a_real_tiny_model(model, capsys):
    expect(capsys, check_plain_mlp, model, verdict=False, phrase="Validation accuracy")
