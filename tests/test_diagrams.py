"""The layered network diagram draws the right number of neurons and checks its arguments."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.patches import Circle  # noqa: E402

from course_utils.diagrams import _shown_neurons, layered_network, neuron_comparison  # noqa: E402


def test_large_layers_are_abbreviated_but_labelled_with_their_true_size():
    fig = layered_network([784, 128, 10], ["Input", "Hidden", "Output"], [lambda i: f"x{i + 1}", None, str])
    ax = fig.axes[0]
    assert sum(isinstance(p, Circle) for p in ax.patches) == 6 + 6 + 6
    texts = [t.get_text() for t in ax.texts]
    assert "Input\n784 neurons" in texts and "Hidden\n128 neurons" in texts and "Output\n10 neurons" in texts
    assert "x784" in texts and "9" in texts and texts.count("⋮") == 3
    matplotlib.pyplot.close(fig)


def test_small_layers_are_drawn_whole():
    fig = layered_network([2, 3, 1])
    assert sum(isinstance(p, Circle) for p in fig.axes[0].patches) == 6
    matplotlib.pyplot.close(fig)
    assert _shown_neurons(3, 6) == [0, 1, 2]
    assert _shown_neurons(10, 4) == [0, 1, 2, None, 9]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"layer_sizes": [784]}, "at least two layers"),
        ({"layer_sizes": [784, 0, 10]}, "positive integer"),
        ({"layer_sizes": [3, 2], "titles": ["only one"]}, "one entry per layer"),
        ({"layer_sizes": [3, 2], "max_shown": 1}, "max_shown"),
    ],
)
def test_bad_arguments_are_rejected(kwargs, message):
    with pytest.raises(ValueError, match=message):
        layered_network(**kwargs)


def test_neuron_comparison_still_draws():
    fig = neuron_comparison()
    assert len(fig.axes) == 2
    matplotlib.pyplot.close(fig)


def test_weight_images_draws_one_panel_per_neuron():
    import numpy as np

    from course_utils.diagrams import weight_images

    fig = weight_images(np.random.default_rng(0).normal(size=(784, 10)), count=6, columns=4)
    assert sum(len(ax.images) for ax in fig.axes) == 6 and len(fig.axes) == 8
    matplotlib.pyplot.close(fig)
    with pytest.raises(ValueError, match="square number"):
        weight_images(np.zeros((783, 4)))
    with pytest.raises(ValueError, match="pixels, neurons"):
        weight_images(np.zeros(784))


def test_gate_scores_count_the_points_each_line_gets_right():
    from course_utils.diagrams import gate_scores

    assert gate_scores(1.0, 1.0, -1.5) == {"AND": 4, "OR": 2, "XOR": 1}
    assert gate_scores(1.0, 1.0, -0.5) == {"AND": 2, "OR": 4, "XOR": 3}
    assert gate_scores(0.0, 0.0, 0.0)["XOR"] == 2  # z = 0 everywhere: the step outputs 0


def test_gate_lines_draws_one_panel_per_gate_with_its_score():
    from course_utils.diagrams import _signed_sum, gate_lines, gate_lines_alt

    fig = gate_lines(1.0, 1.0, -1.5)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["AND: 4/4 right", "OR: 2/4 right", "XOR: 1/4 right"]
    assert "1.0·x1 + 1.0·x2 − 1.5 = 0" in fig._suptitle.get_text()
    matplotlib.pyplot.close(fig)
    assert _signed_sum(-0.5, -2.0, 0.0) == "−0.5·x1 − 2.0·x2 + 0.0"
    alt = gate_lines_alt(1.0, 1.0, -1.5)
    assert "4 of 4 right for AND, 2 for OR and 1 for XOR" in alt
