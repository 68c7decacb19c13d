"""The course's colours stay apart for colour-blind readers.

Each colour is passed through the simulation of Machado, Oliveira & Fernandes (2009, "A
physiologically-based model for simulation of color vision deficiency"), at full severity, for
protanopia, deuteranopia and tritanopia; two colours used side by side must then still differ by
at least MIN_DISTANCE in CIELAB (ΔE*ab; about 2 is the smallest difference people notice, and
Okabe-Ito's worst pair, under tritanopia, is about 16). Matplotlib's old default cycle (tab10)
fails this: its orange and green are about 5 apart under protanopia.
"""

import itertools

import numpy as np
import pytest

from course_utils import colours

#: Machado et al. (2009) matrices at severity 1.0, applied to linear RGB.
SIMULATIONS = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
MIN_DISTANCE = 15.0
TAB10 = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
COLOUR_SETS = {
    "CATEGORICAL": colours.CATEGORICAL,
    "CLASS_COLOURS": colours.CLASS_COLOURS,
    "REGION_COLOURS": colours.REGION_COLOURS,
    "RIGHT/WRONG": (colours.RIGHT, colours.WRONG),
}


def linear_rgb(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def cielab(rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of a linear-RGB colour, clipped to the displayable range first."""
    to_xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    t = to_xyz @ np.clip(rgb, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_as(hex_colour: str, vision: str) -> np.ndarray:
    rgb = linear_rgb(hex_colour)
    return cielab(rgb if vision == "typical" else np.array(SIMULATIONS[vision]) @ rgb)


def closest_pair(palette, vision: str) -> tuple[float, str, str]:
    return min(
        (float(np.linalg.norm(seen_as(a, vision) - seen_as(b, vision))), a, b)
        for a, b in itertools.combinations(palette, 2)
    )


@pytest.mark.parametrize("vision", ["typical", *SIMULATIONS])
@pytest.mark.parametrize("name", COLOUR_SETS)
def test_every_colour_set_stays_apart(name, vision):
    distance, a, b = closest_pair(COLOUR_SETS[name], vision)
    assert distance >= MIN_DISTANCE, f"{name}: {a} and {b} are only {distance:.1f} apart with {vision}"


def test_the_check_fails_matplotlibs_old_default_cycle():
    assert closest_pair(TAB10, "protanopia")[0] < MIN_DISTANCE
    assert closest_pair(TAB10, "deuteranopia")[0] < MIN_DISTANCE


def test_setup_makes_the_palette_matplotlibs_colour_cycle():
    matplotlib = pytest.importorskip("matplotlib")
    from course_utils.reproducibility import set_plot_style

    set_plot_style()
    cycle = [c.upper() for c in matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]]
    assert cycle == [c.upper() for c in colours.CATEGORICAL]
