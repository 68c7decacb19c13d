import numpy as np
import pytest

from course_utils import losses


@pytest.mark.parametrize("y", [0.0, 1.0])
def test_gradients_wrt_z_match_finite_differences(y):
    z = np.array([-4.0, -1.0, 0.5, 3.0])
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    for gradient, loss in (
        (losses.mse_gradient_wrt_z, lambda p: (p - y) ** 2),
        (losses.cross_entropy_gradient_wrt_z, lambda p: -(y * np.log(p) + (1 - y) * np.log(1 - p))),
    ):
        numeric = (loss(sig(z + 1e-6)) - loss(sig(z - 1e-6))) / 2e-6
        assert np.allclose(gradient(y, sig(z)), numeric, atol=1e-6)


def test_mse_gradient_vanishes_when_confidently_wrong():
    mse = abs(losses.mse_gradient_wrt_z(1.0, 0.01))
    ce = abs(losses.cross_entropy_gradient_wrt_z(1.0, 0.01))
    assert np.isclose(ce, 0.99) and mse < 0.02 and ce / mse > 50


def test_loss_plot():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from course_utils.losses import plot_losses_vs_probability

    fig = plot_losses_vs_probability()
    assert len(fig.axes) == 2 and all(len(ax.lines) == 2 for ax in fig.axes)
    matplotlib.pyplot.close("all")
