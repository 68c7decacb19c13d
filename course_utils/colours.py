"""The course's colours, one home for every figure: Okabe & Ito's palette, safe for colour-blind readers.

Okabe & Ito (2008, "Color Universal Design") chose these eight colours so that they stay
distinguishable with each common kind of colour blindness. :data:`CATEGORICAL` is the order in
which figures use them for lines and classes (yellow is left out: it is too faint on white);
:func:`course_utils.setup` makes it Matplotlib's default colour cycle, so a notebook's own
``plt.plot`` calls use it too. ``tests/test_colours.py`` simulates protanopia, deuteranopia and
tritanopia on every colour set here and checks that the colours stay apart.
"""

from __future__ import annotations

BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE = "#0072B2", "#E69F00", "#009E73", "#CC79A7"
VERMILLION, SKY_BLUE, YELLOW = "#D55E00", "#56B4E9", "#F0E442"

#: Greys for what carries no category: text, axes, edges, connections, bars that are not the point.
BLACK, INK, DARK_GREY, GREY, LIGHT_GREY, WHITE = "#000000", "#222222", "#555555", "#999999", "#BBBBBB", "#FFFFFF"
#: The grid lines behind every plot (Matplotlib's grey, drawn faint by the course's plot style).
GRID = "#B0B0B0"
NEUTRALS = (BLACK, INK, DARK_GREY, GREY, GRID, LIGHT_GREY, WHITE)

#: Lines, series and classes, in this order.
CATEGORICAL = (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, VERMILLION, SKY_BLUE)

#: The two classes of a decision-boundary plot (points), and the regions each side of the boundary.
CLASS_COLOURS = (VERMILLION, BLUE)
REGION_COLOURS = ("#fde2c8", "#cde7f0")

#: A prediction that is right or wrong (titles and bars in the MNIST figures).
RIGHT, WRONG = BLUE, VERMILLION

#: Colour maps, by what an image shows: digits (ink dark on white), signed values centred on zero
#: (weights, kernels, edge maps: blue below, red above), magnitudes (feature maps) and counts (errors).
DIGITS_CMAP, SIGNED_CMAP, MAGNITUDE_CMAP, COUNTS_CMAP = "gray_r", "RdBu_r", "viridis", "Reds"
COLOUR_MAPS = (DIGITS_CMAP, SIGNED_CMAP, MAGNITUDE_CMAP, COUNTS_CMAP)
