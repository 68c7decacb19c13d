import numpy as np
import pytest

from course_utils import losses

Y_TRUE, Y_PRED = [1.5, 2.0, 3.5], [1.4, 2.3, 3.0]


def test_seed_example():
    assert np.isclose(losses.mean_squared_error(Y_TRUE, Y_PRED), 0.35 / 3)
    assert np.isclose(losses.mean_absolute_error(Y_TRUE, Y_PRED), 0.9 / 3)


def test_cross_entropies_known_values():
    assert np.isclose(losses.binary_cross_entropy([1, 0], [0.8, 0.3]), (-np.log(0.8) - np.log(0.7)) / 2)
    y = np.eye(3)[[0, 2]]
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    assert np.isclose(losses.categorical_cross_entropy(y, p), (-np.log(0.7) - np.log(0.8)) / 2)


def test_certain_wrong_predictions_give_a_large_finite_loss():
    value = losses.binary_cross_entropy([1.0], [0.0])
    assert np.isfinite(value) and np.isclose(value, -np.log(losses.EPSILON))


def test_binary_cross_entropy_is_categorical_with_two_classes():
    y, p = np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.4, 0.2])
    two = losses.categorical_cross_entropy(np.column_stack([y, 1 - y]), np.column_stack([p, 1 - p]))
    assert np.isclose(losses.binary_cross_entropy(y, p), two)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: losses.mean_squared_error([1, 2], [1, 2, 3]), "same shape"),
        (lambda: losses.mean_squared_error([], []), "empty"),
        (lambda: losses.mean_absolute_error(["a"], [1]), "y_true must be numbers"),
        (lambda: losses.mean_squared_error([np.nan], [1]), "finite"),
        (lambda: losses.binary_cross_entropy([1, 0], [1.2, 0.1]), "probabilities in"),
        (lambda: losses.categorical_cross_entropy([1, 0], [0.5, 0.5]), r"shape \(samples, classes\)"),
        (lambda: losses.categorical_cross_entropy([[1, 0]], [[0.5, 0.6]]), "sum to 1"),
        (lambda: losses.sigmoid_output_gradient("mae", 1, [0.5]), "'mse' or 'cross_entropy'"),
    ],
)
def test_bad_inputs_are_explained(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("y", [0.0, 1.0])
def test_sigmoid_output_gradients_match_finite_differences(y):
    z = np.array([-4.0, -1.0, 0.5, 3.0])
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    for name, loss in (
        ("mse", lambda p: (p - y) ** 2),
        ("cross_entropy", lambda p: -(y * np.log(p) + (1 - y) * np.log(1 - p))),
    ):
        numeric = (loss(sig(z + 1e-6)) - loss(sig(z - 1e-6))) / 2e-6
        assert np.allclose(losses.sigmoid_output_gradient(name, y, sig(z)), numeric, atol=1e-6)


def test_mse_gradient_vanishes_when_confidently_wrong():
    mse = abs(losses.sigmoid_output_gradient("mse", 1.0, 0.01))
    ce = abs(losses.sigmoid_output_gradient("cross_entropy", 1.0, 0.01))
    assert np.isclose(ce, 0.99) and mse < 0.02 and ce / mse > 50


def test_matches_keras():
    keras = pytest.importorskip("keras")
    y, p = np.array([1.0, 0.0, 1.0, 1.0]), np.array([0.9, 0.2, 0.6, 0.99])
    assert np.isclose(float(keras.losses.BinaryCrossentropy()(y, p)), losses.binary_cross_entropy(y, p), atol=1e-6)
    t, q = np.eye(3)[[0, 1]], np.array([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3]])
    assert np.isclose(
        float(keras.losses.CategoricalCrossentropy()(t, q)), losses.categorical_cross_entropy(t, q), atol=1e-6
    )
    assert np.isclose(
        float(keras.losses.MeanSquaredError()(Y_TRUE, Y_PRED)), losses.mean_squared_error(Y_TRUE, Y_PRED), atol=1e-6
    )


def test_loss_plot():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from course_utils.function_plots import plot_losses_vs_probability

    fig = plot_losses_vs_probability()
    assert len(fig.axes) == 2 and all(len(ax.lines) == 2 for ax in fig.axes)
    matplotlib.pyplot.close("all")


def test_binary_cross_entropy_from_logits_is_exact_and_finite():
    y = np.array([1.0, 0.0, 1.0, 0.0])
    z = np.array([2.0, -1.5, 0.3, 0.7])
    p = 1 / (1 + np.exp(-z))
    assert np.isclose(losses.binary_cross_entropy_from_logits(y, z), losses.binary_cross_entropy(y, p))
    extreme = losses.binary_cross_entropy_from_logits([1.0, 0.0, 1.0, 0.0], [-1000.0, 1000.0, 1000.0, -1000.0])
    assert extreme == 500.0  # per sample 1000, 1000, 0, 0: exact, where probabilities would round to 0 and 1
    assert losses.binary_cross_entropy([1.0], [0.0]) == pytest.approx(-np.log(losses.EPSILON))  # clipped: capped
    with pytest.raises(ValueError, match="y_true must be probabilities"):
        losses.binary_cross_entropy_from_logits([2.0], [0.5])


def test_binary_cross_entropy_from_logits_matches_keras():
    keras = pytest.importorskip("keras")
    y, z = np.array([1.0, 0.0, 1.0, 0.0]), np.array([-120.0, 3.0, 0.5, -30.0])
    theirs = float(keras.losses.BinaryCrossentropy(from_logits=True)(y.astype("float32"), z.astype("float32")))
    assert np.isclose(theirs, losses.binary_cross_entropy_from_logits(y, z), rtol=1e-6)
