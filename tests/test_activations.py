import numpy as np
import pytest

from course_utils import activations as act


def test_ranges_and_known_values():
    z = np.linspace(-30, 30, 601)
    assert np.all((act.sigmoid(z) > 0) & (act.sigmoid(z) < 1))
    assert np.all((act.tanh(z[200:-200]) > -1) & (act.tanh(z[200:-200]) < 1))
    assert act.sigmoid(0) == 0.5 and np.isclose(act.sigmoid(2), 1 / (1 + np.exp(-2)))
    assert np.isclose(act.sigmoid(-2), 1 / (1 + np.exp(2)))
    assert np.all(act.relu(z) >= 0) and act.relu(-3) == 0 and act.relu(3) == 3
    assert act.leaky_relu(-10) == -1.0 and act.leaky_relu(-10, 0.3) == -3.0


def test_sigmoid_does_not_overflow():
    with np.errstate(over="raise"):
        assert act.sigmoid(-1000.0) == 0.0 and act.sigmoid(1000.0) == 1.0
        assert np.array_equal(act.sigmoid(np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0])


def test_sigmoid_keeps_float32():
    z = np.linspace(-6, 6, 13, dtype="float32")
    assert act.sigmoid(z).dtype == np.float32
    assert act.sigmoid(np.float32(17)) == 1  # rounds to exactly 1 in float32


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_derivatives_match_finite_differences(name):
    z = np.array([-2.5, -0.7, 0.3, 1.9])
    f, df = getattr(act, name), getattr(act, f"{name}_derivative")
    numeric = (f(z + 1e-6) - f(z - 1e-6)) / 2e-6
    assert np.allclose(df(z), numeric, atol=1e-6)


def test_derivatives_take_single_numbers():
    assert act.relu_derivative(2.0) == 1.0 and act.relu_derivative(0.0) == 0.0
    assert act.leaky_relu_derivative(-2.0) == 0.1 and act.sigmoid_derivative(0.0) == 0.25


def test_softmax_rows_are_distributions_even_for_huge_scores():
    p = act.softmax(np.array([[1000.0, 1001.0, 1002.0], [0.0, 0.0, 0.0]]))
    assert np.allclose(p.sum(axis=1), 1) and np.all(p >= 0) and np.allclose(p[1], 1 / 3)


def test_unknown_name_is_explained():
    with pytest.raises(ValueError, match="unknown activation 'swishy'"):
        act.get("swishy")


def test_sigmoid_range_and_saturation_in_float64():
    z = np.linspace(-10, 10, 2001)
    assert np.all((act.sigmoid(z) > 0) & (act.sigmoid(z) < 1))
    assert act.sigmoid(40.0) == 1.0  # mathematically < 1, but float64 rounds it up
    d = act.sigmoid_derivative(z)
    assert d.max() == 0.25 and d[z == 0] == 0.25


def test_leaky_relu_slopes():
    assert np.allclose(act.leaky_relu_derivative(np.array([-1.0, 2.0]), 0.3), [0.3, 1.0])
    assert np.allclose(act.leaky_relu(np.array([-2.0, 2.0]), 0), act.relu(np.array([-2.0, 2.0])))


def test_non_numeric_input_is_explained():
    with pytest.raises(ValueError, match="z must be a number or an array of numbers"):
        act.get("linear")("abc")


def test_softmax_validates_its_input():
    with pytest.raises(ValueError, match="single number"):
        act.softmax(3.0)
    with pytest.raises(ValueError, match="axis 2 is out of range"):
        act.softmax([[1.0, 2.0]], axis=2)


def test_every_derivative_is_registered_and_unknown_names_are_explained():
    assert set(act.DERIVATIVES) == set(act.BY_NAME) - {"softmax"}
    assert np.allclose(act.get_derivative("linear")([1.0, -3.0]), 1.0)
    with pytest.raises(ValueError, match="no derivative for 'softmax'"):
        act.get_derivative("softmax")


def test_collapse_equals_the_stack():
    rng = np.random.default_rng(0)
    layers = [
        (rng.normal(size=(3, 5)), rng.normal(size=5)),
        (rng.normal(size=(5, 4)), rng.normal(size=4)),
        (rng.normal(size=(4, 2)), rng.normal(size=2)),
    ]
    x = rng.normal(size=(10, 3))
    out = x
    for w, b in layers:
        out = out @ w + b
    w, b = act.collapse(layers)
    assert w.shape == (3, 2) and b.shape == (2,)
    assert np.allclose(x @ w + b, out)


def test_activation_plot_draws_one_panel_per_function():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from course_utils.activations import plot_activations

    fig = plot_activations()
    assert len([ax for ax in fig.axes if ax.lines]) == 4
    with pytest.raises(ValueError, match="softmax"):
        plot_activations(["softmax"])
    matplotlib.pyplot.close("all")
