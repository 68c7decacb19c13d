"""Student simulations for 10_keras_apis' exercises: right answers pass, typical wrong ones get a hint that does
not give the answer away, malformed ones a single plain line, and a model that saw its validation data is told so."""

import zlib

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises import keras_apis as ex
from course_utils.exercises.keras_apis import (
    check_flatten_dense,
    check_recurrent_params,
    check_sequence_model,
    check_small_data_model,
    check_two_output_model,
)


def expect(capsys, check, *answers, verdict, phrase="", hidden=()):
    """One student's answer: the verdict, one line of feedback saying ``phrase``, none of ``hidden`` in a hint."""
    assert_feedback(check(*answers), capsys.readouterr().out, verdict, phrase, hidden)


# --- exercise 1: recurrent parameters by hand -------------------------------------------------------------------

LSTM, GRU = 5248, 4032


HIDDEN_1 = ("5,248", "5248", "4,032", "4032")


def test_recurrent_right_and_untouched(capsys):
    expect(capsys, check_recurrent_params, LSTM, GRU, verdict=True, phrase="5,248")
    expect(capsys, check_recurrent_params, 5248.0, GRU, verdict=True)
    expect(capsys, check_recurrent_params, None, None, verdict=False, phrase="Not answered yet")


@pytest.mark.parametrize(
    "answers, hint",
    [
        ((3 * (32 * 8 + 32 * 32 + 32), GRU), "candidate"),
        ((4 * (32 * 8 + 32), GRU), "recurrent weights"),
        ((LSTM, 3 * (32 * 8 + 32 * 32 + 32)), "reset_after=True"),
        ((LSTM, 4 * (32 * 8 + 32 * 32 + 32)), "3 blocks"),
        ((LSTM, 1), "3 blocks"),
    ],
)
def test_recurrent_wrong_answers_get_a_hint_without_the_answer(answers, hint, capsys):
    hidden = HIDDEN_1[2:] if answers[0] == LSTM else HIDDEN_1  # a right LSTM count may be named
    expect(capsys, check_recurrent_params, *answers, verdict=False, phrase=hint, hidden=hidden)


@pytest.mark.parametrize("answer", ["many", "5248", 5248.5, True, [5248], float("inf"), float("nan")])
def test_recurrent_malformed_answers_are_one_line(answer, capsys):
    for answers in [(answer, GRU), (LSTM, answer)]:
        expect(capsys, check_recurrent_params, *answers, verdict=False, phrase="❌")


# --- exercise 2: from feature maps to a Dense layer -------------------------------------------------------------

FLAT, DENSE = 10_816, 108_170


HIDDEN_2 = ("10,816", "10816", "108,170", "108170")


def test_flatten_dense_right_and_untouched(capsys):
    expect(capsys, check_flatten_dense, FLAT, DENSE, verdict=True, phrase="against 160 in the Conv2D")
    expect(capsys, check_flatten_dense, 10816.0, np.int64(DENSE), verdict=True)
    expect(capsys, check_flatten_dense, None, None, verdict=False, phrase="Not answered yet")


@pytest.mark.parametrize(
    "answers, hint",
    [
        ((28 * 28 * 16, DENSE), "padding='valid'"),
        ((26 * 26, DENSE), "all the filters"),
        ((784, DENSE), "input image"),
        ((160, DENSE), "Conv2D's parameter count"),
        ((FLAT, FLAT * 10), "bias"),
        ((FLAT, DENSE + 160), "Dense layer's alone"),
        ((FLAT, FLAT + 10), "each of the Flatten values"),
        ((FLAT, 5), "inputs × units"),
    ],
)
def test_flatten_dense_near_misses_are_named_without_the_answer(answers, hint, capsys):
    expect(capsys, check_flatten_dense, *answers, verdict=False, phrase=hint, hidden=HIDDEN_2)


@pytest.mark.parametrize("answer", ["10816", 10816.5, True, [FLAT], float("nan"), None])
def test_flatten_dense_malformed_answers_are_one_line(answer, capsys):
    phrase = "Not answered yet" if answer is None else "❌"
    expect(capsys, check_flatten_dense, answer, DENSE, verdict=False, phrase=phrase)
    expect(capsys, check_flatten_dense, FLAT, answer, verdict=False, phrase=phrase)


keras = pytest.importorskip("keras")


# --- exercise 3: two outputs with the Functional API ------------------------------------------------------------


def two_headed(shared=True, inputs=784):
    image = keras.Input(shape=(inputs,))
    hidden = keras.layers.Dense(64, activation="relu")(image)
    other = hidden if shared else keras.layers.Dense(64, activation="relu")(image)
    digit = keras.layers.Dense(10, activation="softmax")(hidden)
    even = keras.layers.Dense(1, activation="sigmoid")(other)
    return keras.Model(image, [digit, even])


def test_two_outputs_right_and_untouched(capsys):
    expect(capsys, check_two_output_model, two_headed(), verdict=True, phrase="50,955 parameters")
    expect(capsys, check_two_output_model, None, verdict=False, phrase="Not answered yet")


def test_two_outputs_wrong_answers(capsys):
    expect(capsys, check_two_output_model, two_headed(shared=False), verdict=False, phrase="ONE shared")
    one_output = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10)])
    expect(capsys, check_two_output_model, one_output, verdict=False, phrase="Two outputs")
    expect(capsys, check_two_output_model, two_headed(inputs=28), verdict=False, phrase="One input")


def test_two_outputs_malformed_answers_are_one_line(capsys):
    class Unbuilt(keras.Model):
        def call(self, x):
            return x

    for answer in ["model", 3, [two_headed()]]:
        expect(capsys, check_two_output_model, answer, verdict=False, phrase="is a Keras model")
    expect(capsys, check_two_output_model, Unbuilt(), verdict=False, phrase="One input")


# --- exercise 4: does the sum-sign task need an LSTM? -----------------------------------------------------------


@pytest.fixture(scope="module")
def held_out():
    return np.random.default_rng(0).uniform(-1, 1, size=(500, 12, 1)).astype("float32")


def exact_neuron():
    """Flatten, then one sigmoid unit with 12 equal weights: the sign of the sum, as a trained model finds it."""
    model = keras.Sequential(
        [keras.Input(shape=(12, 1)), keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")]
    )
    model.set_weights([np.full((12, 1), 5.0, "float32"), np.zeros(1, "float32")])
    return model


class Memoriser:
    """A model that remembers the answers for the sequences it saw and guesses on the others."""

    def __init__(self, seen):
        self.seen = {row.tobytes(): label for row, label in zip(seen, ex.sum_signs(seen))}

    def predict(self, x, verbose=0):
        x = np.asarray(x, dtype="float32")
        return np.array([[self.seen.get(row.tobytes(), i % 2)] for i, row in enumerate(x)], dtype="float32")


HIDDEN_4 = ("False", "not needed")


def test_sequence_right_and_untouched(held_out, capsys):
    expect(capsys, check_sequence_model, exact_neuron(), held_out, False, verdict=True, phrase="whatever their order")
    expect(capsys, check_sequence_model, exact_neuron(), held_out, "no", verdict=True)
    expect(capsys, check_sequence_model, None, held_out, None, verdict=False, phrase="Not answered yet")


def test_sequence_typical_wrong_answers(held_out, capsys):
    expect(capsys, check_sequence_model, exact_neuron(), held_out, True, verdict=False, phrase="Judge again",
           hidden=HIDDEN_4)  # fmt: skip
    untrained = exact_neuron()
    untrained.set_weights([np.zeros((12, 1), "float32"), np.zeros(1, "float32")])
    expect(capsys, check_sequence_model, untrained, held_out, False, verdict=False, phrase="train it", hidden=HIDDEN_4)
    lstm = keras.Sequential([keras.Input(shape=(12, 1)), keras.layers.LSTM(2), keras.layers.Dense(1)])
    expect(capsys, check_sequence_model, lstm, held_out, False, verdict=False, phrase="no recurrent layer")
    wide = keras.Sequential([keras.Input(shape=(12, 1)), keras.layers.Flatten(), keras.layers.Dense(2)])
    expect(capsys, check_sequence_model, wide, held_out, False, verdict=False, phrase="one sigmoid unit")


def test_sequence_a_model_that_saw_the_held_out_sequences_is_told(held_out, capsys):
    expect(capsys, check_sequence_model, Memoriser(held_out), held_out, False, verdict=False,
           phrase="it has seen the held-out sequences")  # fmt: skip


def test_sequence_malformed_answers_are_one_line(held_out, capsys):
    wrong_input = keras.Sequential([keras.Input(shape=(12,)), keras.layers.Dense(1, activation="sigmoid")])
    unbuilt = keras.Sequential([keras.layers.Dense(1)])
    cases = [
        ((exact_neuron(), held_out, "maybe"), "True or False"),
        ((exact_neuron(), held_out, 1), "True or False"),
        (("model", held_out, False), "should be a Keras model"),
        ((wrong_input, held_out, False), "keras.Input(shape=(12, 1))"),
        ((unbuilt, held_out, False), "no weights yet"),
        ((exact_neuron(), "sequences", False), "not the text"),
    ]
    for answers, phrase in cases:
        expect(capsys, check_sequence_model, *answers, verdict=False, phrase=phrase)


# --- exercise 5 (open): a quarter of the parameters, judged on validation images --------------------------------


@pytest.fixture(scope="module")
def images():
    from course_utils.data import load_mnist, prepare_images

    (x_train, y_train), _ = load_mnist()
    return prepare_images(x_train[:10_000]), y_train[:10_000]


class Answers:
    """A stand-in for a trained classifier: right on the images it memorised, right on a share of the others."""

    def __init__(self, images, share, memorised=slice(0, 0), parameters=20_000):
        x, y = images
        self.known = {row.tobytes(): label for row, label in zip(x, y)}
        self.memorised = {row.tobytes() for row in x[memorised]}
        self.share, self.parameters = share, parameters

    def count_params(self):
        return self.parameters

    def predict(self, x, verbose=0):
        scores = np.zeros((len(x), 10), "float32")
        for i, row in enumerate(np.asarray(x, "float32")):
            key = row.tobytes()
            right = key in self.memorised or zlib.crc32(key) % 1000 < self.share * 1000  # a fixed share, spread out
            scores[i, (self.known[key] + (0 if right else 1)) % 10] = 1
        return scores


def test_small_data_right_and_untouched(images, capsys):
    expect(capsys, check_small_data_model, Answers(images, 0.95), verdict=True, phrase="Validation accuracy 0.9")
    expect(capsys, check_small_data_model, None, verdict=False, phrase="Not answered yet")


def test_small_data_typical_wrong_answers(images, capsys):
    expect(capsys, check_small_data_model, Answers(images, 0.90), verdict=False,
           phrase=f"the target is {ex.OPEN_TARGET}")  # fmt: skip
    expect(capsys, check_small_data_model, Answers(images, 0.95, parameters=109_386), verdict=False,
           phrase="at most 30,000")  # fmt: skip


def test_small_data_a_model_that_trained_on_its_validation_images_is_told(images, capsys):
    leaky = Answers(images, 0.90, memorised=slice(5400, 6000))  # 100% on the validation images, 90% elsewhere
    expect(capsys, check_small_data_model, leaky, verdict=False, phrase="it has seen the validation images")


def test_small_data_malformed_answers_are_one_line(capsys):
    for_images = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)])
    expect(capsys, check_small_data_model, for_images, verdict=False, phrase="keras.Input(shape=(784,))")
    three = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(3)])
    expect(capsys, check_small_data_model, three, verdict=False, phrase="10 scores per image")
    unbuilt = keras.Sequential([keras.layers.Dense(10)])
    expect(capsys, check_small_data_model, unbuilt, verdict=False, phrase="no weights yet")
    expect(capsys, check_small_data_model, "my model", verdict=False, phrase="should be a Keras model")


def test_small_data_a_real_tiny_model(images, capsys):
    x, y = images
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(x[:300], y[:300], epochs=1, verbose=0)
    expect(capsys, check_small_data_model, model, verdict=False, phrase="Validation accuracy")
