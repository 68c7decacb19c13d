import numpy as np
import pytest

from course_utils import gradient_descent as gd


def test_seed_simulation_matches_closed_form():
    path = gd.gradient_descent(lambda x: 2 * x, 8.0, 0.1, 15)
    assert path.shape == (16,)
    assert np.allclose(path, 8 * 0.8 ** np.arange(16))
    assert np.allclose(path, gd.quadratic_closed_form(8, 0.1, np.arange(16)))


def test_vector_parameters():
    path = gd.gradient_descent(lambda w: 2 * (w - np.array([1.0, -2.0])), [0.0, 0.0], 0.25, 30)
    assert path.shape == (31, 2) and np.allclose(path[-1], [1.0, -2.0])


@pytest.mark.parametrize("lr, kind", [(0.01, "crawls"), (0.1, "converges"), (0.95, "oscillates"), (1.05, "diverges")])
def test_classify_learning_rates(lr, kind):
    assert gd.classify_run(gd.gradient_descent(lambda x: 2 * x, 8.0, lr, 15)) == kind


def test_classify_run_rejects_bad_history():
    with pytest.raises(ValueError, match="at least 2 points"):
        gd.classify_run([8.0])
    with pytest.raises(ValueError, match="starts at the minimum"):
        gd.classify_run([0.0, 0.0])


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(learning_rate=0), "must be > 0"),
        (dict(learning_rate="0.1"), "finite number"),
        (dict(steps=-1), "non-negative integer"),
        (dict(steps=2.5), "non-negative integer"),
        (dict(start="eight"), "start must be a number"),
        (dict(gradient=3), "gradient must be a function"),
        (dict(gradient=lambda x: np.ones(2)), "gradient returned shape"),
    ],
)
def test_bad_arguments_are_explained(kwargs, message):
    args = dict(gradient=lambda x: 2 * x, start=8.0, learning_rate=0.1, steps=3) | kwargs
    with pytest.raises(ValueError, match=message):
        gd.gradient_descent(**args)


def test_closed_form_validates_steps():
    with pytest.raises(ValueError, match="non-negative integers"):
        gd.quadratic_closed_form(8, 0.1, 1.5)


def test_line_gradient_matches_finite_differences():
    rng = np.random.default_rng(1)
    x, y = gd.make_line_data(50, 3.0, 2.0, 0.5, rng)
    w, b, h = 0.7, -0.3, 1e-6
    numeric = [
        (gd.line_mse(x, y, w + h, b) - gd.line_mse(x, y, w - h, b)) / (2 * h),
        (gd.line_mse(x, y, w, b + h) - gd.line_mse(x, y, w, b - h)) / (2 * h),
    ]
    assert np.allclose(gd.line_mse_gradient(x, y, w, b), numeric, atol=1e-6)


@pytest.mark.parametrize("seed", range(5))
def test_fit_line_recovers_parameters_and_matches_least_squares(seed):
    x, y = gd.make_line_data(100, 3.0, 2.0, 0.5, np.random.default_rng(seed))
    fit = gd.fit_line(x, y, learning_rate=0.1, steps=300)
    slope, intercept = np.polyfit(x, y, 1)
    assert abs(fit.w - slope) < 1e-3 and abs(fit.b - intercept) < 1e-3
    assert abs(fit.w - 3) < 0.3 and abs(fit.b - 2) < 0.2
    assert len(fit.losses) == 301 and fit.losses[-1] < fit.losses[0]


def test_line_data_and_fit_validate():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="n must be an integer >= 2"):
        gd.make_line_data(1, 1, 0, 0.1, rng)
    with pytest.raises(ValueError, match="noise"):
        gd.make_line_data(10, 1, 0, -1, rng)
    with pytest.raises(ValueError, match="numpy Generator"):
        gd.make_line_data(10, 1, 0, 0.1, 0)
    with pytest.raises(ValueError, match="same length"):
        gd.fit_line([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match=r"pair \(w, b\)"):
        gd.fit_line([1.0, 2.0], [1.0, 2.0], start=0.0)


def test_descent_plots():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from course_utils import function_plots as fp

    runs = {f"η = {lr}": gd.gradient_descent(lambda x: 2 * x, 8.0, lr, 5) for lr in (0.1, 1.05)}
    assert len(fp.plot_descent_paths(runs).axes) == 2
    assert len(fp.plot_distance_to_minimum(runs).axes[0].lines) == 2
    x, y = gd.make_line_data(20, 1.0, 0.0, 0.1, np.random.default_rng(0))
    assert len(fp.plot_line_fit(x, y, gd.fit_line(x, y, steps=10), true_line=(1, 0)).axes) == 2
    with pytest.raises(ValueError, match="runs is empty"):
        fp.plot_descent_paths({})
    matplotlib.pyplot.close("all")
