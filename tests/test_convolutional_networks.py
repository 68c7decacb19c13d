"""The figures of edge and feature maps."""

import numpy as np
import pytest

from course_utils.convolutional_networks import (
    plot_edge_maps,
    plot_feature_maps,
    plot_learned_kernel,
    plot_receptive_fields,
    plot_sized_maps,
    plot_top_patches,
)


def test_edge_maps_share_one_scale_centred_on_zero():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    maps = np.zeros((4, 4, 2))
    maps[0, 0, 0], maps[1, 1, 1] = 2.0, -0.5
    fig = plot_edge_maps(np.zeros((6, 6)), maps, ["left to right", "top to bottom"], title="edges")
    images = [ax.images[0] for ax in fig.axes if ax.images][1:]
    assert [image.get_clim() for image in images] == [(-2.0, 2.0)] * 2
    assert [ax.get_title() for ax in fig.axes[:3]][1:] == ["left to right", "top to bottom"]
    assert len(fig.axes) == 4  # input, two maps, one colour bar
    plt.close(fig)


def test_feature_maps_share_one_scale_with_a_colour_bar():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    maps = np.stack([np.full((3, 3), 0.1), np.eye(3) * 4.0, np.zeros((3, 3))], axis=-1)
    fig = plot_feature_maps(np.zeros((5, 5, 1)), maps, columns=2)
    images = [ax.images[0] for ax in fig.axes if ax.images][1:]
    assert len(images) == 3 and all(image.norm.vmin == 0.0 and image.norm.vmax == 4.0 for image in images)
    assert images[0].norm(0.1) == pytest.approx(np.sqrt(0.1 / 4.0))  # small values stay visible
    assert [ax.get_title() for ax in fig.axes if ax.images][1:] == ["filter 0", "filter 1", "filter 2"]
    assert any(ax.get_ylabel().startswith("activation") for ax in fig.axes)  # the colour bar
    plt.close(fig)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: plot_edge_maps(np.zeros((4, 4)), np.zeros((2, 2, 2)), ["one title"]), "one title per map"),
        (
            lambda: plot_feature_maps(np.zeros((4, 4)), np.zeros((2, 2))),
            r"maps must have shape \(height, width, channels\)",
        ),
        (lambda: plot_feature_maps(np.zeros((4, 4)), -np.ones((2, 2, 1))), "after a ReLU are >= 0"),
        (lambda: plot_feature_maps(np.zeros((4, 4, 3)), np.zeros((2, 2, 1))), "image must be 2-D"),
        (lambda: plot_sized_maps([np.zeros((4, 4)), np.zeros((2, 2, 1))], ["a", "b"]), "each map must be 2-D"),
        (lambda: plot_sized_maps([np.zeros((4, 4))], ["a", "b"]), "one title per map"),
        (lambda: plot_learned_kernel([1.0], np.zeros((3, 3)), np.zeros((2, 2))), "one shape"),
        (lambda: plot_receptive_fields(np.zeros((4, 4)), [(0, 0, 3)], []), "one label per field"),
        (lambda: plot_top_patches([np.zeros((2, 3, 3))], ["a"], [["f0", "f1"]]), r"\(filters, patches, h, w\)"),
    ],
)
def test_bad_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_sized_maps_share_one_scale_and_one_size_per_pixel():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    big, small = np.zeros((8, 8)), np.zeros((4, 4))
    big[0, 0], small[1, 1] = -3.0, 1.0
    fig = plot_sized_maps([big, small], ["big", "small"])
    images = [ax.images[0] for ax in fig.axes if ax.images]
    assert [image.get_clim() for image in images] == [(-3.0, 3.0)] * 2
    widths = [ax.get_position().width for ax in fig.axes if ax.images]
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.05)  # half the pixels, half the width
    assert [ax.get_title() for ax in fig.axes if ax.images] == ["big\n8 × 8", "small\n4 × 4"]
    plt.close(fig)


def test_learned_kernel_writes_every_weight():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    target = np.array([[-1.0, 0.0, 1.0]] * 3)
    fig = plot_learned_kernel([1.0, 0.1, 0.01], target * 0.9, target)
    assert fig.axes[0].get_yscale() == "log"
    assert [len(ax.texts) for ax in fig.axes[1:]] == [9, 9] and fig.axes[1].texts[0].get_text() == "-0.90"
    plt.close(fig)


def test_receptive_fields_and_top_patches():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    fig = plot_receptive_fields(np.zeros((28, 28)), [(8, 8, 3), (8, 8, 10)], ["conv1", "pool2"])
    squares = [patch for patch in fig.axes[0].patches if patch.get_width() < 28]
    assert [(p.get_xy(), p.get_width()) for p in squares] == [((7.5, 7.5), 3), ((7.5, 7.5), 10)]
    assert [text.get_text() for text in fig.axes[0].get_legend().get_texts()] == ["conv1", "pool2"]
    plt.close(fig)
    patches = np.random.default_rng(0).random((2, 3, 4, 4))
    fig = plot_top_patches([patches[:, :, :3, :3], patches], ["one", "two"], [["f0", "f1"], ["g0", "g1"]])
    assert [ax.get_title() for ax in fig.axes] == ["one", "two"]
    assert fig.axes[1].images[0].get_array().shape == (2 * 4 + 1, 3 * 4 + 2)  # a gap of 1 between patches
    assert [label.get_text() for label in fig.axes[1].get_yticklabels()] == ["g0", "g1"]
    plt.close(fig)
