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


def one_message(capsys, verdict_mark="❌"):
    """The checker printed exactly one feedback message, of the expected kind, and no traceback."""
    text = output(capsys)
    marks = [mark for mark in ("✅", "❌", "✏️") if mark in text]
    assert marks == [verdict_mark] and text.count(verdict_mark) == 1 and "Traceback" not in text, text
    return text


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
    text = one_message(capsys)
    assert hint in text and "= −2" not in text and "= 4" not in text


@pytest.mark.parametrize("wrong", ["-2", True, [1, 2], float("inf"), float("nan"), np.zeros(3)])
def test_hand_backward_wrong_kind_of_answer_is_a_hint(capsys, wrong):
    assert not check_hand_backward(wrong, 4, 2)
    text = one_message(capsys)
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
        (db_not_summed, "their contributions add up"),
        (wrong_dx, "fails for dX. (dW, db are right.) Compare with section 3's table: dX is what"),
        (transposed_dw, "dW should have the shape of W, (4, 3)"),
        (raises, "raised ValueError"),
        (lambda X, W, b, dA: (1, 2), "Return three arrays"),
        (lambda X, W, b, dA: ("a", "b", "c"), "arrays of numbers"),
        (sigmoid_layer_reference(*ex._exercise_inputs()), "function itself"),
    ],
)
def test_sigmoid_backward_rejects_mistakes_with_a_hint(capsys, function, hint):
    assert not check_sigmoid_backward(function)
    text = one_message(capsys)
    assert hint in text, text


def wrong_dw(X, W, b, dA):
    dX, dW, db = sigmoid_layer_reference(X, W, b, dA)
    return dX, 0.5 * dW, db


def wrong_dz(X, W, b, dA):
    A = sigmoid(X @ W + b)
    dZ = dA * (1 - A)  # a wrong slope: all three gradients fail
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


#: The backward formulas themselves, in the ways a hint could print them: a hint must never show them.
FORMULAS = ("Xᵀ dZ", "X.T @ dZ", "dZ Wᵀ", "dZ @ W.T", "dA · A · (1 − A)", "dA * A * (1 - A)", "axis=0", "axis 0")


@pytest.mark.parametrize(
    "function, names, where",
    [
        (wrong_dx, "dX", "like dH in the table"),
        (wrong_dw, "dW", "like dW₂ in the table"),
        (wrong_dz, "dX, dW, db", "look at dZ first"),
    ],
)
def test_sigmoid_backward_points_to_where_to_look_never_to_the_formulas(capsys, function, names, where):
    assert not check_sigmoid_backward(function)
    text = one_message(capsys)
    assert f"fails for {names}." in text and where in text, text
    assert not any(formula in text for formula in FORMULAS), text


@pytest.mark.parametrize(
    "function, hint",
    [
        (lambda X, W, b, dA: np.zeros(3), "Return three arrays"),
        (lambda X, W, b, dA: (None, X.T @ dA, dA.sum(axis=0)), "Your dX is None"),
        (lambda X, W, b, dA: (np.full((5, 4), np.nan), X.T @ dA, dA.sum(axis=0)), "dX contains NaN"),
        (lambda X, W, b, dA: ([[1, 2], [3]], X.T @ dA, dA.sum(axis=0)), "arrays of numbers"),
        (lambda X, W: (X, W, W), "raised TypeError"),
        ("sigmoid_layer_backward", "function itself"),
    ],
)
def test_sigmoid_backward_malformed_answers_are_one_line(capsys, function, hint):
    assert not check_sigmoid_backward(function)
    text = one_message(capsys)
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
    for about in (3.2, 3.3, np.float32(3.258)):  # "about what loss": any fair rounding is right
        assert check_starting_loss(about)
        one_message(capsys, "✅")


@pytest.mark.parametrize(
    "answer, hint",
    [
        (math.log(10), "ln 10 is for 10 classes"),
        (1 / 26, "minus its logarithm"),
        (math.log10(26), "natural logarithm"),
        (math.log2(26), "not log base 2"),
        (-math.log(26), "check the sign"),
        (26, "what is −ln of it"),
        (float("nan"), "finite"),
        ("3.26", "without quotes"),
        (True, "is a number, not True"),
        ([3.26], "got a list"),
    ],
)
def test_starting_loss_rejects_wrong_answers_with_a_hint(capsys, answer, hint):
    assert not check_starting_loss(answer)
    text = one_message(capsys)
    assert hint in text and "3.258" not in text and "ln 26" not in text


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
        (True, float("nan"), "finite"),
        (True, [0.95, 0.96], "got a list"),
    ],
)
def test_zero_output_layer_rejects_wrong_answers_with_a_hint(capsys, trains, accuracy, hint):
    assert not check_zero_output_layer(trains, accuracy)
    text = one_message(capsys)
    assert hint in text and "breaks the symmetry" not in text


def test_zero_output_layer_placeholder(capsys):
    assert not check_zero_output_layer(None, 0.95)
    assert not check_zero_output_layer(True, None)
    assert output(capsys).count("Not answered yet") == 2


# --- Exercise 5 -------------------------------------------------------------------------------------


def readable_network(hidden=16, scale=1.0):
    """A 784-hidden-10 ReLU network that copies the first ten pixels (times scale) to the ten outputs."""
    W1 = np.zeros((784, hidden), np.float32)
    W1[np.arange(10), np.arange(10)] = scale
    W2 = np.zeros((hidden, 10), np.float32)
    W2[np.arange(10), np.arange(10)] = 1
    return {"W1": W1, "b1": np.zeros(hidden, np.float32), "W2": W2, "b2": np.zeros(10, np.float32)}


def pixel_rule_images(seed, n=1000):
    """'Images' whose label is the brightest of the first ten pixels, so a network can be written down."""
    images = np.random.default_rng(seed).random((n, 784)).astype(np.float32)
    return images, images[:, :10].argmax(axis=1)


@pytest.fixture
def pixel_rule_split(monkeypatch):
    """Validation and fresh images that follow the same rule: the readable network scores 1.0 on both."""
    validation, fresh = pixel_rule_images(0), pixel_rule_images(1)
    monkeypatch.setattr(ex, "_validation_and_fresh", lambda: (validation, fresh))
    return validation, fresh


def test_open_experiment_accepts_an_accurate_network(capsys, pixel_rule_split):
    assert check_open_experiment(readable_network(scale=20))
    assert "Validation accuracy 1.0000 with 16 hidden units" in one_message(capsys, "✅")


def test_open_experiment_measures_the_accuracy_itself(capsys, pixel_rule_split):
    params = readable_network()
    params["W2"] = params["W2"][:, ::-1].copy()  # outputs in reverse order: mostly wrong
    assert not check_open_experiment(params)
    text = one_message(capsys)
    assert "not yet 0.975" in text and "Validation accuracy" in text


@pytest.mark.parametrize(
    "change, hint",
    [
        (lambda p: p.pop("b2"), "Pass the parameters as the dict"),
        (lambda p: p.update(W1=p["W1"].T), "Expected W1 (784, h)"),
        (lambda p: p.update(b1=np.zeros(3)), "Expected W1 (784, h)"),
        (lambda p: p.update(W1=np.full((784, 16), np.nan, np.float32)), "inf or NaN"),
        (lambda p: p.update(W1=[["a"]]), "array of numbers"),
        (lambda p: p.update(W1=[[1.0, 2.0], [3.0]]), "array of numbers"),
        (lambda p: p.update(b2=None), "Your b2 is None"),
    ],
)
def test_open_experiment_rejects_malformed_parameters(capsys, pixel_rule_split, change, hint):
    params = readable_network()
    change(params)
    assert not check_open_experiment(params)
    assert hint in one_message(capsys)


def test_open_experiment_limits_the_hidden_layer(capsys, pixel_rule_split):
    assert not check_open_experiment(readable_network(hidden=257))
    assert "more than the 256 allowed" in one_message(capsys)


def test_open_experiment_placeholder_and_wrong_kind(capsys):
    assert not check_open_experiment(None)
    one_message(capsys, "✏️")
    assert not check_open_experiment([1, 2, 3])
    assert "Pass the parameters as the dict" in one_message(capsys)


def test_open_experiment_tells_a_network_far_surer_of_the_validation_images(capsys, monkeypatch):
    """Same right answers on both sets, but much larger margins on the validation images: it has seen them."""
    validation, (fresh_images, fresh_labels) = pixel_rule_images(0), pixel_rule_images(1)
    fresh_images = fresh_images.copy()
    fresh_images[:, :10] = 0.5 + 0.25 * (fresh_images[:, :10] - 0.5)  # the same order, smaller margins
    monkeypatch.setattr(ex, "_validation_and_fresh", lambda: (validation, (fresh_images, fresh_labels)))
    assert not check_open_experiment(readable_network(scale=20))
    text = one_message(capsys)
    assert "much surer of the validation images" in text and "X_train[:50_000] only" in text


def numpy_mlp_trained_on(images, labels, epochs, seed=0, hidden=64):
    """The notebook's NumPy loop in brief: mini-batch SGD on a 784-hidden-10 ReLU network."""
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.normal(0, np.sqrt(2 / 784), (784, hidden)).astype(np.float32),
        "b1": np.zeros(hidden, np.float32),
        "W2": rng.normal(0, np.sqrt(1 / hidden), (hidden, 10)).astype(np.float32),
        "b2": np.zeros(10, np.float32),
    }
    Y = np.eye(10, dtype=np.float32)[labels]
    for _ in range(epochs):
        for batch in np.array_split(rng.permutation(len(images)), max(1, len(images) // 64)):
            Z1 = images[batch] @ params["W1"] + params["b1"]
            H = np.maximum(Z1, 0)
            Z2 = H @ params["W2"] + params["b2"]
            P = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
            dZ2 = (P / P.sum(axis=1, keepdims=True) - Y[batch]) / len(batch)
            dZ1 = (dZ2 @ params["W2"].T) * (Z1 > 0)
            grads = {"W1": images[batch].T @ dZ1, "b1": dZ1.sum(0), "W2": H.T @ dZ2, "b2": dZ2.sum(0)}
            for name in params:
                params[name] -= 0.5 * grads[name]
    return params


@pytest.fixture(scope="module")
def small_mnist():
    from course_utils.data import load_mnist, prepare_images

    (x_train, y_train), (x_test, y_test) = load_mnist()
    fit = prepare_images(x_train[:600]), y_train[:600]
    validation = prepare_images(x_train[50_000:50_300]), y_train[50_000:50_300]
    fresh = prepare_images(x_test[:300]), y_test[:300]
    return fit, validation, fresh


def test_open_experiment_rejects_a_real_network_that_trained_on_the_validation_images(capsys, monkeypatch, small_mnist):
    fit, validation, fresh = small_mnist
    monkeypatch.setattr(ex, "_validation_and_fresh", lambda: (validation, fresh))
    honest = numpy_mlp_trained_on(*fit, epochs=5)
    assert not check_open_experiment(honest)  # a few hundred images are not enough for 0.975 ...
    assert "not yet 0.975" in one_message(capsys)  # ... but nothing is wrong with how it was trained
    leaky = numpy_mlp_trained_on(np.concatenate([fit[0], validation[0]]), np.concatenate([fit[1], validation[1]]), 5)
    assert not check_open_experiment(leaky)
    text = one_message(capsys)
    assert "has seen the validation images" in text or "much surer of the validation images" in text, text


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
    text = one_message(capsys)
    assert hint in text and "1.22" not in text


@pytest.mark.parametrize("wrong", ["1.22", True, [1, 2], float("nan")])
def test_init_scale_wrong_kind_of_answer_is_a_hint(capsys, wrong):
    assert not check_init_scale(wrong)
    one_message(capsys)


def test_init_scale_placeholder(capsys):
    assert not check_init_scale(None)
    assert "Not answered yet" in output(capsys)
