"""The reference backpropagation: finite differences, GradientTape, hand-computed graphs, clear errors."""

import math

import numpy as np
import pytest

from course_utils.backprop import (
    draw_graph,
    gradient_check,
    graph_of,
    mlp_forward,
    mlp_gradients,
    mlp_loss,
    numerical_gradient,
    numpy_on_one_core,
    relative_error,
)


def random_network(sizes, seed=0):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(0, 1 / np.sqrt(m), size=(m, k)) for m, k in zip(sizes, sizes[1:])]
    biases = [rng.normal(0, 0.1, size=k) for k in sizes[1:]]
    return weights, biases


# --- numerical gradient and relative error ----------------------------------------------------------


def test_numerical_gradient_of_known_functions():
    x = np.array([1.0, -2.0, 0.5])
    assert np.allclose(numerical_gradient(lambda: float((x**2).sum()), x), 2 * x, atol=1e-8)
    m = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert np.allclose(numerical_gradient(lambda: float(np.sin(m).sum()), m), np.cos(m), atol=1e-8)


def test_numerical_gradient_restores_the_array_and_works_on_views():
    x = np.array([0.1, 0.2, 0.3])
    before = x.copy()
    numerical_gradient(lambda: float(x.prod()), x)
    assert np.array_equal(x, before)
    m = np.arange(12.0).reshape(3, 4)
    view = m.T  # not contiguous: f reads m, the view changes it
    assert np.allclose(numerical_gradient(lambda: float((m**2).sum()), view), 2 * view, atol=1e-6)


@pytest.mark.parametrize(
    "x, eps, error, message",
    [
        ([1.0, 2.0], 1e-6, TypeError, "float NumPy array"),
        (np.array([1, 2]), 1e-6, TypeError, "float NumPy array"),
        (np.array([1.0]), 0, ValueError, "small positive"),
        (np.array([1.0]), True, ValueError, "small positive"),
    ],
)
def test_numerical_gradient_rejects_bad_input(x, eps, error, message):
    with pytest.raises(error, match=message):
        numerical_gradient(lambda: 0.0, x, eps)


def test_relative_error():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0
    assert relative_error([0.0, 0.0], [0.0, 0.0]) == 0
    assert math.isclose(relative_error([1.0], [-1.0]), 1.0)
    assert math.isclose(relative_error([1.0, 0.0], [1.1, 0.0]), 0.1 / 2.1)
    with pytest.raises(ValueError, match="shapes"):
        relative_error(np.zeros(2), np.zeros(3))


def test_gradient_check_finds_a_wrong_gradient():
    w = np.array([1.0, -1.0, 2.0])
    params = {"w": w}
    right = gradient_check(lambda: float((w**3).sum()), params, {"w": 3 * w**2})
    wrong = gradient_check(lambda: float((w**3).sum()), params, {"w": 2 * w})
    assert right["w"] < 1e-8 and wrong["w"] > 0.1
    with pytest.raises(ValueError, match="same names"):
        gradient_check(lambda: 0.0, params, {"v": w})


# --- the MLP's forward and backward pass -------------------------------------------------------------


def test_forward_pass_of_notebook_04_network():
    weights = [np.array([[0.5, -1.0, 0.2], [0.25, 0.5, -0.4]]), np.array([[1.0, -1.0], [2.0, 0.5], [0.3, 0.7]])]
    biases = [np.array([0.0, 0.5, 0.1]), np.array([0.0, 0.25])]
    zs, outputs = mlp_forward([[1.0, 2.0]], weights, biases)
    assert np.allclose(zs[0], [[1.0, 0.5, -0.5]]) and np.allclose(outputs[1], [[1.0, 0.5, 0.0]])
    assert np.allclose(zs[1], [[2.0, -0.5]]) and np.allclose(outputs[2], [[0.924, 0.076]], atol=5e-4)


def test_output_gradient_is_p_minus_y():
    weights, biases = [np.eye(3)], [np.zeros(3)]
    X, y = np.array([[0.2, -0.1, 0.4], [1.0, 0.0, -1.0]]), np.array([2, 0])
    _, outputs = mlp_forward(X, weights, biases)
    _, grads_w, grads_b = mlp_gradients(X, y, weights, biases)
    assert np.allclose(grads_b[0], (outputs[-1] - np.eye(3)[y]).sum(axis=0) / 2)


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh", "linear"])
@pytest.mark.parametrize("sizes", [[3, 2], [4, 5, 3], [5, 4, 4, 4, 3]])
def test_gradients_pass_the_gradient_check(sizes, activation):
    weights, biases = random_network(sizes, seed=len(sizes))
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(6, sizes[0])), rng.integers(0, sizes[-1], size=6)
    loss, grads_w, grads_b = mlp_gradients(X, y, weights, biases, activation)
    assert math.isclose(loss, mlp_loss(X, y, weights, biases, activation))
    params = {f"W{i}": w for i, w in enumerate(weights)} | {f"b{i}": b for i, b in enumerate(biases)}
    grads = {f"W{i}": g for i, g in enumerate(grads_w)} | {f"b{i}": g for i, g in enumerate(grads_b)}
    errors = gradient_check(lambda: mlp_loss(X, y, weights, biases, activation), params, grads)
    assert max(errors.values()) < 1e-6, errors


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh"])
def test_gradients_match_gradient_tape(activation):
    tf = pytest.importorskip("tensorflow")
    weights, biases = random_network([6, 5, 4, 3], seed=3)
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(7, 6)), rng.integers(0, 3, size=7)
    loss, grads_w, grads_b = mlp_gradients(X, y, weights, biases, activation)
    variables = [tf.Variable(p) for pair in zip(weights, biases) for p in pair]
    f = getattr(tf.nn, activation)
    with tf.GradientTape() as tape:
        a = tf.constant(X)
        for i in range(0, len(variables), 2):
            z = a @ variables[i] + variables[i + 1]
            a = tf.nn.softmax(z) if i == len(variables) - 2 else f(z)
        tape_loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(y, a))
    tape_grads = tape.gradient(tape_loss, variables)
    assert math.isclose(loss, float(tape_loss), rel_tol=1e-9)
    ours = [g for pair in zip(grads_w, grads_b) for g in pair]
    for mine, theirs in zip(ours, tape_grads):
        assert np.allclose(mine, theirs.numpy(), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda w, b: mlp_forward(np.zeros((2, 3)), w, b, "swish"), "unknown hidden activation"),
        (lambda w, b: mlp_forward(np.zeros((2, 4)), w, b), r"X needs shape \(samples, 3\)"),
        (lambda w, b: mlp_forward(np.zeros((2, 3)), w, b[:1]), "one bias per weight matrix"),
        (lambda w, b: mlp_forward(np.zeros((2, 3)), [w[0], w[0]], [b[0], b[0]]), "layer 1 expects 3 inputs"),
        (lambda w, b: mlp_forward(np.zeros((2, 3)), w, [b[1], b[0]]), "bias"),
        (lambda w, b: mlp_gradients(np.zeros((2, 3)), [0, 5], w, b), "integer class labels in 0..1"),
        (lambda w, b: mlp_gradients(np.zeros((2, 3)), [0.0, 1.0], w, b), "integer class labels"),
        (lambda w, b: mlp_loss(np.zeros((2, 3)), [0], w, b), "2 integer class labels"),
    ],
)
def test_bad_networks_and_labels_are_rejected_clearly(call, message):
    weights, biases = random_network([3, 4, 2])
    with pytest.raises(ValueError, match=message):
        call(weights, biases)


# --- computational graphs ---------------------------------------------------------------------------


class Value:
    """The smallest micrograd-style value, as the notebook writes it (addition and product only)."""

    def __init__(self, data, parents=(), op=""):
        self.data, self.grad, self.parents, self.op = data, 0.0, parents, op

    def __add__(self, other):
        return Value(self.data + other.data, (self, other), "+")

    def __mul__(self, other):
        return Value(self.data * other.data, (self, other), "×")


def test_graph_of_follows_parents_and_names():
    a, b, c = Value(2.0), Value(-3.0), Value(10.0)
    L = (a * b + c) * b
    nodes, values, grads = graph_of(L, {a: "a", b: "b", c: "c", L: "L"})
    assert set(nodes) == {"a", "b", "c", "L", "_×1", "_+1"}
    assert nodes["L"] == ("×", ["_+1", "b"]) and nodes["_×1"] == ("×", ["a", "b"])
    assert values["L"] == -12.0 and values["_+1"] == 4.0 and grads["a"] == 0.0


def test_graph_of_reads_micrograd_attribute_names():
    class MicrogradValue:
        def __init__(self, data, prev=(), op=""):
            self.data, self.grad, self._prev, self._op = data, 0.0, set(prev), op

    x = MicrogradValue(3.0)
    y = MicrogradValue(9.0, (x,), "**2")
    nodes, values, _ = graph_of(y, {x: "x"})
    assert nodes == {"x": ("", []), "_**21": ("**2", ["x"])} and values["_**21"] == 9.0


def test_graph_of_numbers_repeated_names():
    a, b = Value(1.0), Value(2.0)
    nodes, _, _ = graph_of(a + b, {a: "x", b: "x"})
    assert set(nodes) == {"x", "x#2", "_+1"}


def test_draw_graph_draws_every_node_value_and_gradient():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    nodes = {"a": ("", []), "b": ("", []), "e": ("×", ["a", "b"]), "L": ("+", ["e", "a"])}
    fig = draw_graph(nodes, values={"a": 2.0, "b": -3.0, "e": -6.0, "L": -4.0}, grads={"a": -2.0}, title="t")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert {"a", "b", "e = ×", "L = +"} <= set(texts)
    assert "−6" in texts and "∂L: −2" in texts
    plt.close(fig)
    fig = draw_graph({"_h": ("σ", [])}, positions={"_h": (0, 0)})
    assert [t.get_text() for t in fig.axes[0].texts] == ["σ"]
    plt.close(fig)


@pytest.mark.parametrize(
    "nodes, message",
    [
        ({}, "non-empty"),
        ({"a": "x"}, r"\(operation, parents\)"),
        ({"a": ("+", ["b"])}, "not nodes"),
        ({"a": ("+", ["b"]), "b": ("+", ["a"])}, "cycle"),
    ],
)
def test_draw_graph_rejects_bad_graphs(nodes, message):
    with pytest.raises(ValueError, match=message):
        draw_graph(nodes)


def test_numpy_on_one_core_keeps_results():
    a = np.random.default_rng(0).normal(size=(64, 96))
    before = a @ a.T
    assert isinstance(numpy_on_one_core(), bool)
    assert np.allclose(a @ a.T, before)
