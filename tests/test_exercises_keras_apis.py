"""The 10_keras_apis checkers accept right answers, reject wrong ones with a hint, and never raise."""

import numpy as np
import pytest

from course_utils.exercises.keras_apis import (
    check_dropout_scale,
    check_recurrent_params,
    check_sequence_model,
    check_small_data_model,
    check_two_output_model,
)

WRONG_KINDS = ["many", "5248", 5248.5, True, [5248], float("inf")]


def test_recurrent_checker(capsys):
    assert check_recurrent_params(5248, 4032)
    assert check_recurrent_params(5248.0, 4032)
    assert not check_recurrent_params(3 * (32 * 8 + 32 * 32 + 32), 4032)
    assert "candidate" in capsys.readouterr().out
    assert not check_recurrent_params(4 * (32 * 8 + 32), 4032)
    assert "recurrent weights" in capsys.readouterr().out
    assert not check_recurrent_params(5248, 3 * (32 * 8 + 32 * 32 + 32))
    assert "reset_after=True" in capsys.readouterr().out
    assert not check_recurrent_params(5248, 4 * (32 * 8 + 32 * 32 + 32))
    assert "3 blocks" in capsys.readouterr().out
    assert not check_recurrent_params(5248, 1)
    assert not check_recurrent_params(5248, None)
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("answer", WRONG_KINDS)
def test_recurrent_checker_turns_wrong_kinds_into_hints(answer, capsys):
    for args in [(answer, 4032), (5248, answer)]:
        assert not check_recurrent_params(*args)
        out = capsys.readouterr().out
        assert out.startswith("❌") and out.count("\n") == 1


def test_dropout_checker(capsys):
    assert check_dropout_scale(1.25)
    assert check_dropout_scale(5 / 4)
    assert not check_dropout_scale(0.8)
    assert "divided" in capsys.readouterr().out
    assert not check_dropout_scale(0.2)
    assert not check_dropout_scale(2)
    assert not check_dropout_scale(None)
    capsys.readouterr()
    for answer in ["1.25", True, [1.25], float("nan")]:
        assert not check_dropout_scale(answer)
        out = capsys.readouterr().out
        assert out.startswith("❌") and out.count("\n") == 1


keras = pytest.importorskip("keras")


def two_headed(shared_units=64, shared=True):
    image = keras.Input(shape=(784,))
    hidden = keras.layers.Dense(shared_units, activation="relu")(image)
    other = hidden if shared else keras.layers.Dense(shared_units, activation="relu")(image)
    digit = keras.layers.Dense(10, activation="softmax")(hidden)
    even = keras.layers.Dense(1, activation="sigmoid")(other)
    return keras.Model(image, [digit, even])


def test_two_output_checker(capsys):
    assert check_two_output_model(two_headed())
    assert not check_two_output_model(two_headed(shared=False))
    assert "ONE shared" in capsys.readouterr().out
    one_output = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10)])
    assert not check_two_output_model(one_output)
    assert "Two outputs" in capsys.readouterr().out
    small_input = keras.Sequential([keras.Input(shape=(28,)), keras.layers.Dense(10)])
    assert not check_two_output_model(small_input)
    assert "One input" in capsys.readouterr().out
    for answer in ["model", 3, [two_headed()]]:
        assert not check_two_output_model(answer)
        assert "is a Keras model" in capsys.readouterr().out
    assert not check_two_output_model(None)


@pytest.fixture(scope="module")
def sequences():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=(600, 12, 1)).astype("float32")
    return x, (x.sum(axis=(1, 2)) > 0).astype("float32")


def exact_neuron():
    model = keras.Sequential(
        [keras.Input(shape=(12, 1)), keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")]
    )
    model.set_weights([np.full((12, 1), 5.0, "float32"), np.zeros(1, "float32")])  # the sign of the sum, exactly
    return model


def test_sequence_checker(sequences, capsys):
    x, y = sequences
    assert check_sequence_model(exact_neuron(), x, y, False)
    assert check_sequence_model(exact_neuron(), x, y, "no")
    assert "linear" in capsys.readouterr().out
    assert not check_sequence_model(exact_neuron(), x, y, True)
    assert "is the LSTM needed" in capsys.readouterr().out
    untrained = exact_neuron()
    untrained.set_weights([np.zeros((12, 1), "float32"), np.zeros(1, "float32")])
    assert not check_sequence_model(untrained, x, y, False)
    assert "train it" in capsys.readouterr().out
    lstm = keras.Sequential(
        [keras.Input(shape=(12, 1)), keras.layers.LSTM(2), keras.layers.Dense(1, activation="sigmoid")]
    )
    assert not check_sequence_model(lstm, x, y, False)
    assert "no recurrent layer" in capsys.readouterr().out
    wide = keras.Sequential([keras.Input(shape=(12, 1)), keras.layers.Flatten(), keras.layers.Dense(2)])
    assert not check_sequence_model(wide, x, y, False)
    assert "one sigmoid unit" in capsys.readouterr().out
    for verdict in [None, "maybe", 1]:
        assert not check_sequence_model(exact_neuron(), x, y, verdict)
    assert not check_sequence_model("model", x, y, False)


def test_small_data_checker(capsys):
    rng = np.random.default_rng(0)
    x = rng.random((2000, 784), dtype=np.float32)
    y = rng.integers(0, 10, 2000)

    def fixed_answer(labels):
        """A model whose prediction for image i is labels[i], read from a marker pixel."""
        model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")])
        kernel = np.zeros((784, 10), "float32")
        kernel[:10] = 100 * np.eye(10, dtype="float32")
        model.set_weights([kernel, np.zeros(10, "float32")])
        return model

    marked = x.copy()
    marked[:, :10] = 0
    marked[np.arange(2000), y] = 1
    assert check_small_data_model(fixed_answer(y), marked, y)
    assert "Correct" in capsys.readouterr().out
    wrong = (y + 1) % 10
    assert not check_small_data_model(fixed_answer(y), marked, wrong)
    assert "the target is 0.92" in capsys.readouterr().out
    big = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(40), keras.layers.Dense(10)])
    assert not check_small_data_model(big, marked, y)
    assert "at most 30,000" in capsys.readouterr().out
    three = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(3)])
    assert not check_small_data_model(three, marked, y)
    assert "10 scores per image" in capsys.readouterr().out
    assert not check_small_data_model(fixed_answer(y), marked[:100], y[:100])
    assert not check_small_data_model("model", marked, y)
    assert not check_small_data_model(None, marked, y)
