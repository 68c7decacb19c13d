import numpy as np
import pytest

from course_utils import activations as act


def test_ranges_and_known_values():
    z = np.linspace(-30, 30, 601)
    assert np.all((act.sigmoid(z) > 0) & (act.sigmoid(z) < 1))
    assert np.all((act.tanh(z[200:-200]) > -1) & (act.tanh(z[200:-200]) < 1))
    assert act.sigmoid(0) == 0.5 and np.isclose(act.sigmoid(2), 1 / (1 + np.exp(-2)))
    assert np.all(act.relu(z) >= 0) and act.relu(-3) == 0 and act.relu(3) == 3
    assert act.leaky_relu(-10) == -1.0 and act.leaky_relu(-10, negative_slope=0.3) == -3.0


def test_sigmoid_does_not_overflow():
    with np.errstate(over="raise"):
        assert act.sigmoid(-1000) == 0.0 and act.sigmoid(1000) == 1.0


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_derivatives_match_finite_differences(name):
    z = np.array([-2.5, -0.7, 0.3, 1.9])
    f, df = getattr(act, name), getattr(act, f"{name}_derivative")
    numeric = (f(z + 1e-6) - f(z - 1e-6)) / 2e-6
    assert np.allclose(df(z), numeric, atol=1e-6)


def test_softmax_rows_are_distributions_even_for_huge_scores():
    p = act.softmax(np.array([[1000.0, 1001.0, 1002.0], [0.0, 0.0, 0.0]]))
    assert np.allclose(p.sum(axis=1), 1) and np.all(p >= 0) and np.allclose(p[1], 1 / 3)


def test_unknown_name_is_explained():
    with pytest.raises(ValueError, match="unknown activation 'swishy'"):
        act.get("swishy")
