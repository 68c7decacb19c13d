"""The MNIST figures draw what they should and reject malformed input."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import mnist_plots  # noqa: E402


def test_confusion_matrix_writes_every_count():
    matrix = np.arange(9).reshape(3, 3)
    fig = mnist_plots.plot_confusion_matrix(matrix)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == [str(v) for v in matrix.ravel()]


def test_probability_gallery_marks_wrong_predictions():
    probabilities = np.full((2, 10), 0.01)
    probabilities[0, 3], probabilities[1, 7] = 0.91, 0.91
    fig = mnist_plots.plot_probability_gallery(np.zeros((2, 784)), np.array([3, 1]), probabilities)
    titles = [ax.get_title() for ax in fig.axes[:2]]
    assert titles == ["true 3 → 3", "true 1 → 7"]
    assert fig.axes[1].title.get_color() == mnist_plots.WRONG_COLOR
    assert len(fig.axes) == 4


def test_filters_and_feature_maps_one_panel_each():
    fig = mnist_plots.plot_filters(np.random.default_rng(0).normal(size=(3, 3, 1, 10)))
    assert sum(bool(ax.images) for ax in fig.axes) == 10
    fig = mnist_plots.plot_feature_maps(np.zeros((28, 28, 1)), np.zeros((26, 26, 5)))
    assert sum(bool(ax.images) for ax in fig.axes) == 6


@pytest.mark.parametrize("call, message", [
    (lambda: mnist_plots.plot_confusion_matrix(np.ones((2, 3))), "square"),
    (lambda: mnist_plots.plot_probability_gallery(np.zeros((2, 28, 28)), np.array([1]), np.ones((2, 10))), "one label"),
    (lambda: mnist_plots.plot_probability_gallery(np.zeros((2, 30)), np.array([1, 2]), np.ones((2, 10))), "squares"),
    (lambda: mnist_plots.plot_filters(np.zeros((3, 3, 2, 4))), r"\(k, k, 1, filters\)"),
    (lambda: mnist_plots.plot_feature_maps(np.zeros((28, 28)), np.zeros((1, 26, 26, 4))), "maps\\[0\\]"),
])
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
