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


def test_probability_gallery_marks_the_true_class_visibly_even_when_its_bar_is_empty():
    probabilities = np.zeros((2, 10))
    probabilities[0, 7], probabilities[1, 2] = 1.0, 1.0  # true classes 3 and 2: the first bar is empty
    fig = mnist_plots.plot_probability_gallery(np.zeros((2, 784)), np.array([3, 2]), probabilities)
    for bar_ax, true_class in zip(fig.axes[2:], (3, 2)):
        markers = [line for line in bar_ax.lines if line.get_marker() == mnist_plots.TRUE_MARKER]
        assert len(markers) == 1 and list(markers[0].get_xdata()) == [true_class]
        assert markers[0].get_ydata()[0] > probabilities[0, true_class] + 0.05  # above the bar, so it shows
        bold = [label.get_text() for label in bar_ax.get_xticklabels() if label.get_fontweight() == "bold"]
        assert bold == [str(true_class)]


def test_shade_overfitting_onset_marks_the_epoch_and_shades_the_gap():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    train, val = [0.9, 0.5, 0.3, 0.2], [0.6, 0.45, 0.35, 0.33]
    ax.plot(range(1, 5), train)
    mnist_plots.shade_overfitting_onset(ax, train, val, 3)
    assert len(ax.collections) == 1  # the shaded gap
    assert [line.get_xdata()[0] for line in ax.lines if line.get_linestyle() == ":"] == [3]
    assert "epoch 3" in " ".join(t.get_text() for t in ax.get_legend().get_texts())
    for onset in (0, 5, 2.0, True):
        with pytest.raises(ValueError, match="onset"):
            mnist_plots.shade_overfitting_onset(ax, train, val, onset)
    with pytest.raises(ValueError, match="one training and one validation loss"):
        mnist_plots.shade_overfitting_onset(ax, train, val[:3], 2)
    plt.close(fig)


def test_overfitting_onset_figure_has_the_losses_and_one_gap_bar_per_epoch():
    train, val = [0.9, 0.5, 0.3, 0.2], [0.6, 0.45, 0.35, 0.33]
    fig = mnist_plots.plot_overfitting_onset(train, val, 3, title="t")
    loss_ax, gap_ax = fig.axes
    assert loss_ax.get_yscale() == "log" and len(loss_ax.collections) == 1
    heights = [bar.get_height() for bar in gap_ax.patches]
    assert np.allclose(heights, np.subtract(val, train))


def test_filters_one_panel_each():
    fig = mnist_plots.plot_filters(np.random.default_rng(0).normal(size=(3, 3, 1, 10)))
    assert sum(bool(ax.images) for ax in fig.axes) == 10


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: mnist_plots.plot_confusion_matrix(np.ones((2, 3))), "square"),
        (
            lambda: mnist_plots.plot_probability_gallery(np.zeros((2, 28, 28)), np.array([1]), np.ones((2, 10))),
            "one label",
        ),
        (
            lambda: mnist_plots.plot_probability_gallery(np.zeros((2, 30)), np.array([1, 2]), np.ones((2, 10))),
            "squares",
        ),
        (lambda: mnist_plots.plot_filters(np.zeros((3, 3, 2, 4))), r"\(k, k, 1, filters\)"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
