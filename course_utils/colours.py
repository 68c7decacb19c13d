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
VERMILLION, SKY_BLUE = "#D55E00", "#56B4E9"

#: Lines, series and classes, in this order.
CATEGORICAL = (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, VERMILLION, SKY_BLUE)

#: The two classes of a decision-boundary plot (points), and the regions each side of the boundary.
CLASS_COLOURS = (VERMILLION, BLUE)
REGION_COLOURS = ("#fde2c8", "#cde7f0")

#: A prediction that is right or wrong (titles and bars in the MNIST figures).
RIGHT, WRONG = BLUE, VERMILLION
