"""The 08_backpropagation checkers accept right answers, reject wrong ones with a hint, and never raise."""

import math

import numpy as np
import pytest

from course_utils.exercises import backpropagation as ex
from course_utils.exercises.backpropagation import (
    check_hand_backward,
    check_init_scale,
    check_open_experiment,
    check_sigmoid_backward,
    check_starting_loss,
    check_zero_output_layer,
    sigmoid_layer_reference,
)

NOT_A_NUMBER = ["-2", True, None, [1, 2], float("nan")]


def output(capsys):
    return capsys.readouterr().out


# --- Exercise 1 -------------------------------------------------------------------------------------


def test_hand_backward_accepts_the_gradients(capsys):
    assert check_hand_backward(-2, 4, 2)
    assert check_hand_backward(-2.0, 4.0, np.float64(2.0))
    assert "Correct" in output(capsys)


@pytest.mark.parametrize(
    "answer, hint",
    [
        ((-1, 2, 1), "multiply by ∂L/∂v = 2v"),
        ((4, -2, 2), "swapped"),
        ((-2, 4, 3), "Check ∂L/∂z"),
        ((0, 0, 0), "Check ∂L/∂x, ∂L/∂y, ∂L/∂z"),
    ],
)
def test_hand_backward_rejects_wrong_gradients_with_a_hint(capsys, answer, hint):
    assert not check_hand_backward(*answer)
    assert hint in output(capsys)


@pytest.mark.parametrize("wrong", ["-2", True, [1, 2], float("inf")])
def test_hand_backward_wrong_kind_of_answer_is_a_hint(capsys, wrong):
    assert not check_hand_backward(wrong, 4, 2)
    text = output(capsys)
    assert "The gradient for x" in text and "Traceback" not in text


def test_hand_backward_placeholder(capsys):
    assert not check_hand_backward(None, 4, 2)
    assert "Not answered yet" in output(capsys)


# --- Exercise 2 -------------------------------------------------------------------------------------


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_sigmoid_backward_accepts_a_right_implementation(capsys):
    assert check_sigmoid_backward(sigmoid_layer_reference)
    assert "gradient check passes" in output(capsys)

    def as_lists(X, W, b, dA):  # lists are fine too
        return [g.tolist() for g in sigmoid_layer_reference(X, W, b, dA)]

    assert check_sigmoid_backward(as_lists)


def test_sigmoid_backward_template_and_placeholder_are_not_answered(capsys):
    assert not check_sigmoid_backward(None)
    assert not check_sigmoid_backward(lambda X, W, b, dA: None)
    assert output(capsys).count("Not answered yet") == 2


def skips_the_slope(X, W, b, dA):
    return dA @ W.T, X.T @ dA, dA.sum(axis=0)


def slope_of_a(X, W, b, dA):
    A = sigmoid(X @ W + b)
    dZ = dA * sigmoid(A) * (1 - sigmoid(A))
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def db_not_summed(X, W, b, dA):
    dX, dW, _ = sigmoid_layer_reference(X, W, b, dA)
    A = sigmoid(X @ W + b)
    return dX, dW, dA * A * (1 - A)


def wrong_dx(X, W, b, dA):
    dX, dW, db = sigmoid_layer_reference(X, W, b, dA)
    return 2 * dX, dW, db


def transposed_dw(X, W, b, dA):
    dX, dW, db = sigmoid_layer_reference(X, W, b, dA)
    return dX, dW.T, db


def raises(X, W, b, dA):
    return X @ dA, None, None


@pytest.mark.parametrize(
    "function, hint",
    [
        (skips_the_slope, "straight through the sigmoid"),
        (slope_of_a, "use A itself, not σ(A)"),
        (db_not_summed, "sum over axis 0"),
        (wrong_dx, "fails for dX. (dW, db are right.)"),
        (transposed_dw, "dW should have the shape of W, (4, 3)"),
        (raises, "raised ValueError"),
        (lambda X, W, b, dA: (1, 2), "Return three arrays"),
        (lambda X, W, b, dA: ("a", "b", "c"), "arrays of numbers"),
        (sigmoid_layer_reference(*ex._exercise_inputs()), "function itself"),
    ],
)
def test_sigmoid_backward_rejects_mistakes_with_a_hint(capsys, function, hint):
    assert not check_sigmoid_backward(function)
    text = output(capsys)
    assert hint in text, text


def test_sigmoid_backward_does_not_let_the_student_change_the_inputs(capsys):
    def scribbles(X, W, b, dA):
        result = sigmoid_layer_reference(X, W, b, dA)
        X[:], W[:], b[:], dA[:] = 0, 0, 0, 0
        return result

    assert check_sigmoid_backward(scribbles)


# --- Exercise 3 -------------------------------------------------------------------------------------


def test_starting_loss(capsys):
    assert check_starting_loss(math.log(26))
    assert check_starting_loss(3.26)
    assert "ln 26" in output(capsys)


@pytest.mark.parametrize(
    "answer, hint",
    [
        (math.log(10), "ln 10 is for 10 classes"),
        (1 / 26, "minus its logarithm"),
        (math.log10(26), "natural logarithm"),
        (26, "what is −ln of it"),
        ("3.26", "without quotes"),
        (True, "is a number, not True"),
        ([3.26], "got a list"),
    ],
)
def test_starting_loss_rejects_wrong_answers_with_a_hint(capsys, answer, hint):
    assert not check_starting_loss(answer)
    assert hint in output(capsys)


def test_starting_loss_placeholder(capsys):
    assert not check_starting_loss(None)
    assert "Not answered yet" in output(capsys)


# --- Exercise 4 -------------------------------------------------------------------------------------


def test_zero_output_layer(capsys):
    assert check_zero_output_layer(True, 0.95)
    assert check_zero_output_layer(np.bool_(True), np.float64(0.9512))
    assert "breaks the symmetry" in output(capsys)


@pytest.mark.parametrize(
    "trains, accuracy, hint",
    [
        (False, 0.95, "says it learns"),
        (True, 0.11, "set only W2 to zeros"),
        (True, 95, "between 0 and 1"),
        ("yes", 0.95, "True (it learns) or False"),
        (1, 0.95, "True (it learns) or False"),
        (True, "0.95", "without quotes"),
        (True, False, "is a number, not False"),
    ],
)
def test_zero_output_layer_rejects_wrong_answers_with_a_hint(capsys, trains, accuracy, hint):
    assert not check_zero_output_layer(trains, accuracy)
    assert hint in output(capsys)


def test_zero_output_layer_placeholder(capsys):
    assert not check_zero_output_layer(None, 0.95)
    assert not check_zero_output_layer(True, None)
    assert output(capsys).count("Not answered yet") == 2


# --- Exercise 5 -------------------------------------------------------------------------------------


@pytest.fixture
def tiny_test_set(monkeypatch):
    """Ten 'images' whose label is the brightest of the first ten pixels, so a network can be written down."""
    rng = np.random.default_rng(0)
    images = rng.random((200, 784)).astype(np.float32)
    labels = images[:, :10].argmax(axis=1)
    monkeypatch.setattr(ex, "_test_set", lambda: (images, labels))
    return images, labels


def readable_network(hidden=16):
    """A 784-hidden-10 ReLU network that copies the first ten pixels to the ten outputs."""
    W1 = np.zeros((784, hidden), np.float32)
    W1[np.arange(10), np.arange(10)] = 1
    W2 = np.zeros((hidden, 10), np.float32)
    W2[np.arange(10), np.arange(10)] = 1
    return {"W1": W1, "b1": np.zeros(hidden, np.float32), "W2": W2, "b2": np.zeros(10, np.float32)}


def test_open_experiment_accepts_an_accurate_network(capsys, tiny_test_set):
    assert check_open_experiment(readable_network())
    assert "Test accuracy 1.0000 with 16 hidden units" in output(capsys)


def test_open_experiment_measures_the_accuracy_itself(capsys, tiny_test_set):
    params = readable_network()
    params["W2"] = params["W2"][:, ::-1].copy()  # outputs in reverse order: mostly wrong
    assert not check_open_experiment(params)
    assert "not yet 0.975" in output(capsys)


@pytest.mark.parametrize(
    "change, hint",
    [
        (lambda p: p.pop("b2"), "Pass the parameters as the dict"),
        (lambda p: p.update(W1=p["W1"].T), "Expected W1 (784, h)"),
        (lambda p: p.update(b1=np.zeros(3)), "Expected W1 (784, h)"),
        (lambda p: p.update(W1=np.full((784, 16), np.nan, np.float32)), "inf or NaN"),
        (lambda p: p.update(W1=[["a"]]), "array of numbers"),
    ],
)
def test_open_experiment_rejects_malformed_parameters(capsys, tiny_test_set, change, hint):
    params = readable_network()
    change(params)
    assert not check_open_experiment(params)
    assert hint in output(capsys)


def test_open_experiment_limits_the_hidden_layer(capsys, tiny_test_set):
    assert not check_open_experiment(readable_network(hidden=257))
    assert "more than the 256 allowed" in output(capsys)


def test_open_experiment_placeholder_and_wrong_kind(capsys):
    assert not check_open_experiment(None)
    assert "Not answered yet" in output(capsys)
    assert not check_open_experiment([1, 2, 3])
    assert "Pass the parameters as the dict" in output(capsys)


# --- Exercise 6 -------------------------------------------------------------------------------------


def test_init_scale_accepts_the_factor(capsys):
    assert check_init_scale(math.sqrt(1.5))
    assert check_init_scale(1.2)
    assert "Correct" in output(capsys)


@pytest.mark.parametrize(
    "answer, hint", [(1.5, "square root"), (math.sqrt(3), "ReLU sets half"), (3, "ReLU sets half"), (0.7, "Start from")]
)
def test_init_scale_rejects_wrong_factors_with_a_hint(capsys, answer, hint):
    assert not check_init_scale(answer)
    assert hint in output(capsys)


@pytest.mark.parametrize("wrong", ["1.22", True, [1, 2], float("nan")])
def test_init_scale_wrong_kind_of_answer_is_a_hint(capsys, wrong):
    assert not check_init_scale(wrong)
    assert "Traceback" not in output(capsys)


def test_init_scale_placeholder(capsys):
    assert not check_init_scale(None)
    assert "Not answered yet" in output(capsys)
