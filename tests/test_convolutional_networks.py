"""The figures of edge and feature maps."""

import numpy as np
import pytest

from course_utils.convolutional_networks import plot_edge_maps, plot_feature_maps


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
    ],
)
def test_bad_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()
