"""Hand-made digit features: known values on drawn shapes, shapes, dtypes and input checks."""

import numpy as np
import pytest

from course_utils import why_deep_learning as F


def ring(size=28):
    """A square outline: left-right and top-bottom symmetric, with a hole inside."""
    image = np.zeros((size, size), dtype=np.uint8)
    image[6:22, 6] = image[6:22, 21] = image[6, 6:22] = image[21, 6:22] = 255
    return image


def bar(size=28):
    """A vertical bar in the middle: no hole."""
    image = np.zeros((size, size), dtype=np.uint8)
    image[4:24, 13:15] = 255
    return image


def test_shape_dtype_and_names():
    features = F.hand_made_features(np.stack([ring(), bar()]))
    assert features.shape == (2, len(F.FEATURE_NAMES)) == (2, 28)
    assert features.dtype == np.float32
    assert len(set(F.FEATURE_NAMES)) == len(F.FEATURE_NAMES)


def test_known_values_on_drawn_shapes():
    values = dict(zip(F.FEATURE_NAMES, F.hand_made_features(np.stack([ring(), bar()])).T))
    assert values["hole area"][0] == pytest.approx(14 * 14 / 784)  # the inside of the outline
    assert values["hole area"][1] == 0
    assert values["left-right symmetry"][0] == pytest.approx(1) and values["top-bottom symmetry"][0] == pytest.approx(1)
    assert values["edges on middle row"].tolist() == [2, 1]  # a scan across the ring meets two strokes
    assert values["edges on middle column"].tolist() == [2, 1]
    assert values["width"].tolist() == pytest.approx([16 / 28, 2 / 28])
    assert values["height"].tolist() == pytest.approx([16 / 28, 20 / 28])
    assert values["total ink"][1] == pytest.approx(40 / 784)
    assert values["centre column"][1] == pytest.approx(13.5 / 27)


def test_uint8_and_unit_floats_agree_and_blank_images_work():
    images = np.stack([ring(), bar(), np.zeros((28, 28), np.uint8)])
    as_uint8 = F.hand_made_features(images)
    assert np.allclose(as_uint8, F.hand_made_features(images / 255.0))
    assert np.isfinite(as_uint8).all()


def test_zone_ink_is_a_grid_of_means():
    image = np.zeros((1, 28, 28))
    image[0, :7, :7] = 1.0  # fill exactly the top-left zone
    zones = F.zone_ink(image)
    assert zones.shape == (1, 16) and zones[0, 0] == 1 and zones[0, 1:].sum() == 0
    assert F.zone_ink(image, zones=2)[0].tolist() == pytest.approx([49 / 196, 0, 0, 0])  # a quarter of one quadrant


def test_count_edges_counts_strokes_entered():
    line = np.array([[[0, 1, 1, 0, 1, 0, 0, 1]]], dtype=bool)
    assert F.count_edges(line, axis=2).tolist() == [[3]]


def test_hole_area_matches_digits_on_real_mnist():
    from course_utils import load_mnist

    (x, y), _ = load_mnist()
    area = F.hole_area(x[:2000] > 127)
    assert area[y[:2000] == 0].mean() > 0.05 > area[y[:2000] == 1].mean()


@pytest.mark.parametrize(
    "images, message",
    [
        (np.zeros((28, 28)), "single image"),
        (np.zeros((0, 28, 28)), "empty"),
        (np.full((1, 28, 28), 255.0), r"\[0, 1\]"),
        (np.zeros((1, 2, 2)), "at least"),
        (np.array([[["a"] * 28] * 28]), "numbers"),
    ],
)
def test_bad_images_are_rejected_with_a_clear_message(images, message):
    with pytest.raises(ValueError, match=message):
        F.hand_made_features(images)


def test_hole_area_rejects_wide_images():
    with pytest.raises(ValueError, match="64"):
        F.hole_area(np.zeros((1, 4, 65), dtype=bool))
