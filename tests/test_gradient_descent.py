import numpy as np
import pytest

from course_utils import gradient_descent as gd


def runs_on_the_parabola(learning_rate, steps=15):
    """Gradient descent on x² from x = 8: each step multiplies x by 1 − 2η."""
    return 8.0 * (1 - 2 * learning_rate) ** np.arange(steps + 1)


@pytest.mark.parametrize("lr, kind", [(0.01, "crawls"), (0.1, "converges"), (0.95, "oscillates"), (1.05, "diverges")])
def test_classify_learning_rates(lr, kind):
    assert gd.classify_run(runs_on_the_parabola(lr)) == kind


def test_classify_run_rejects_bad_history():
    with pytest.raises(ValueError, match="at least 2 points"):
        gd.classify_run([8.0])
    with pytest.raises(ValueError, match="starts at the minimum"):
        gd.classify_run([0.0, 0.0])


def test_line_gradient_matches_finite_differences():
    rng = np.random.default_rng(1)
    x, y = gd.make_line_data(50, 3.0, 2.0, 0.5, rng)
    w, b, h = 0.7, -0.3, 1e-6
    numeric = [
        (gd.line_mse(x, y, w + h, b) - gd.line_mse(x, y, w - h, b)) / (2 * h),
        (gd.line_mse(x, y, w, b + h) - gd.line_mse(x, y, w, b - h)) / (2 * h),
    ]
    assert np.allclose(gd.line_mse_gradient(x, y, w, b), numeric, atol=1e-6)


def test_line_mse_is_zero_on_the_line_and_minimal_at_least_squares():
    x = np.linspace(-1, 1, 11)
    assert gd.line_mse(x, 3 * x + 2, 3.0, 2.0) == 0
    x, y = gd.make_line_data(100, 3.0, 2.0, 0.5, np.random.default_rng(2))
    slope, intercept = np.polyfit(x, y, 1)
    assert np.allclose(gd.line_mse_gradient(x, y, slope, intercept), 0, atol=1e-12)
    assert gd.line_mse(x, y, slope, intercept) < gd.line_mse(x, y, slope + 0.01, intercept)


def test_line_data_validates():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="n must be an integer >= 2"):
        gd.make_line_data(1, 1, 0, 0.1, rng)
    with pytest.raises(ValueError, match="noise"):
        gd.make_line_data(10, 1, 0, -1, rng)
    with pytest.raises(ValueError, match="numpy Generator"):
        gd.make_line_data(10, 1, 0, 0.1, 0)


def test_descent_plots():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    runs = {f"η = {lr}": runs_on_the_parabola(lr, steps=5) for lr in (0.1, 1.05)}
    assert len(gd.plot_descent_paths(runs).axes) == 2
    assert len(gd.plot_distance_to_minimum(runs).axes[0].lines) == 2
    x, y = gd.make_line_data(20, 1.0, 0.0, 0.1, np.random.default_rng(0))
    fit = gd.LineFit(w=0.9, b=0.1, losses=[1.0, 0.5, 0.2])
    assert len(gd.plot_line_fit(x, y, fit, true_line=(1, 0)).axes) == 2
    with pytest.raises(ValueError, match="runs is empty"):
        gd.plot_descent_paths({})
    matplotlib.pyplot.close("all")
