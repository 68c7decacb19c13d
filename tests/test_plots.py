"""course_utils.plots: figures shown with a text alternative, and the live figure a slider redraws."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

pytest.importorskip("IPython")

from course_utils.plots import LiveFigure, show  # noqa: E402


@pytest.fixture
def captured_displays():
    """An IPython shell whose display publisher records every display and update instead of printing it."""
    from IPython.core.displaypub import CapturingDisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    saved = shell.display_pub
    shell.display_pub = CapturingDisplayPublisher()
    yield shell.display_pub.outputs
    shell.display_pub = saved


def line_figure(slope):
    fig, ax = plt.subplots(figsize=(2, 2))
    ax.plot([0, 1], [0, slope])
    return fig


def test_show_stores_the_text_alternative_and_closes_the_figure(captured_displays):
    fig = line_figure(1)
    show(fig, "  a rising line ")
    (shown,) = captured_displays
    assert shown["data"]["text/plain"] == "[figure] a rising line"
    assert shown["metadata"] == {"image/png": {"alt": "a rising line"}}
    assert shown["data"]["image/png"].startswith(b"\x89PNG")
    assert not plt.fignum_exists(fig.number), "the figure is closed once shown"


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_show_without_a_text_alternative_says_what_is_missing(alt):
    with pytest.raises(ValueError, match="one sentence saying what the figure shows"):
        show(line_figure(1), alt)
    plt.close("all")


def test_live_figure_shows_once_then_redraws_in_place_only_when_the_pixels_change(captured_displays):
    figure = LiveFigure()
    assert figure.show(line_figure(1), "the starting line") is True
    (first,) = captured_displays
    assert not first["update"] and first["transient"]["display_id"]
    assert first["data"]["text/plain"] == "[figure] the starting line"
    assert first["metadata"] == {"image/png": {"alt": "the starting line"}}

    assert figure.show(line_figure(1), "the same line again") is False  # same pixels: nothing is sent
    assert len(captured_displays) == 1

    falling = line_figure(-1)
    assert figure.show(falling, "a falling line") is True
    second = captured_displays[-1]
    assert second["update"] and second["transient"]["display_id"] == first["transient"]["display_id"]
    assert second["data"]["image/png"] != first["data"]["image/png"]
    assert second["data"]["text/plain"] == "[figure] a falling line"
    assert not plt.fignum_exists(falling.number), "every figure is closed once shown"
