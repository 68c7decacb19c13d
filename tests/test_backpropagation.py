"""The gradient check (against known derivatives and GradientTape), the graph drawings, the BLAS plumbing."""

import math

import numpy as np
import pytest

from course_utils.backpropagation import draw_graph, graph_of, numerical_gradient, relative_error

# --- the gradient check ----------------------------------------------------------


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


def test_relative_error():
    assert relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0
    assert math.isclose(relative_error(np.array([1.0]), np.array([-1.0])), 1.0)
    assert math.isclose(relative_error(np.array([1.0, 0.0]), np.array([1.1, 0.0])), 0.1 / 2.1)


def test_the_gradient_check_tells_a_right_gradient_from_a_wrong_one():
    w = np.array([1.0, -1.0, 2.0])
    estimate = numerical_gradient(lambda: (w**3).sum(), w)
    assert relative_error(3 * w**2, estimate) < 1e-8
    assert relative_error(2 * w, estimate) > 0.1


def test_numerical_gradient_matches_gradient_tape_on_a_small_network():
    tf = pytest.importorskip("tensorflow")
    rng = np.random.default_rng(4)
    X, W = rng.normal(size=(5, 3)), rng.normal(size=(3, 2))

    def loss():
        return float(np.tanh(X @ W).sum())

    variable = tf.Variable(W)
    with tf.GradientTape() as tape:
        tape_loss = tf.reduce_sum(tf.tanh(tf.constant(X) @ variable))
    assert relative_error(tape.gradient(tape_loss, variable).numpy(), numerical_gradient(loss, W)) < 1e-9


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
