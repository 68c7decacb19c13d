"""Every figure the package draws uses the course's colours: read from the drawn figures, not from the code.

Each drawing function of ``course_utils`` is called on small inputs; every line, marker, patch, collection and
text of the figure it draws is read back, and each colour must be one of ``course_utils.colours``: the
Okabe-Ito palette, its light region colours, or a neutral grey; every image must use one of its colour maps.
A new drawing function must be added to ``MAKERS`` (a test below finds the ones that are missing).
"""

import ast
import inspect
import pkgutil

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

import course_utils  # noqa: E402
from course_utils import (  # noqa: E402
    activations,
    backpropagation,
    colours,
    diagrams,
    gradient_descent,
    losses,
    mnist,
    plots,
)
from course_utils import convolutional_networks as cnn  # noqa: E402
from course_utils import generalisation as gen  # noqa: E402
from course_utils.reproducibility import set_plot_style  # noqa: E402

ALLOWED = {
    c.lower()
    for c in (*colours.CATEGORICAL, colours.YELLOW, *colours.REGION_COLOURS, *colours.NEUTRALS, *colours.CLASS_COLOURS)
}
RNG = np.random.default_rng(0)


def _axes_figure(draw):
    fig, ax = plt.subplots()
    draw(ax)
    return fig


class _Fit:
    history = {"loss": [1.0, 0.6, 0.5], "val_loss": [1.1, 0.8, 0.9], "accuracy": [0.5, 0.7, 0.8]}
    history["val_accuracy"] = [0.5, 0.6, 0.65]


class _History:
    history = {"loss": [1.0, 0.6, 0.5], "val_loss": [1.1, 0.8, 0.9], "accuracy": [0.5, 0.7, 0.8]}


def _makers():
    runs = {"η = 0.1": [10.0, 8.0, 6.4], "η = 1.05": [10.0, -11.0, 12.1]}
    fit = gradient_descent.LineFit(w=0.9, b=0.1, losses=[1.0, 0.5, 0.2])
    x = np.linspace(-1, 1, 20)
    return {
        "plots.plot_decision_boundary": lambda: (
            plots.plot_decision_boundary(
                lambda X: X[:, 0] > 0, np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 1]), resolution=20
            ).figure
            if hasattr(plots.plot_decision_boundary(lambda X: X[:, 0] > 0, np.eye(2), np.array([0, 1])), "figure")
            else plt.gcf()
        ),
        "plots.plot_history": lambda: plots.plot_history(_History()),
        "plots.show_images": lambda: plots.show_images(RNG.random((3, 28, 28)), titles=["a", "b", "c"]),
        "diagrams.draw_biological_neuron": lambda: _axes_figure(diagrams.draw_biological_neuron),
        "diagrams.draw_artificial_neuron": lambda: _axes_figure(diagrams.draw_artificial_neuron),
        "diagrams.neuron_comparison": diagrams.neuron_comparison,
        "diagrams.layered_network": lambda: diagrams.layered_network([784, 128, 10], ["in", "hidden", "out"]),
        "diagrams.weight_images": lambda: diagrams.weight_images(RNG.normal(size=(784, 4)), count=4, columns=2),
        "diagrams.gate_lines": lambda: diagrams.gate_lines(1.0, 1.0, -1.5),
        "activations.plot_activations": activations.plot_activations,
        "losses.plot_losses_vs_probability": losses.plot_losses_vs_probability,
        "gradient_descent.plot_descent_paths": lambda: gradient_descent.plot_descent_paths(runs),
        "gradient_descent.plot_distance_to_minimum": lambda: gradient_descent.plot_distance_to_minimum(runs),
        "gradient_descent.plot_line_fit": lambda: gradient_descent.plot_line_fit(x, 2 * x, fit, true_line=(2, 0)),
        "backpropagation.draw_graph": lambda: backpropagation.draw_graph(
            {"x": ("", []), "y": ("", []), "xy": ("×", ["x", "y"])}, values={"x": 2.0, "xy": 6.0}, grads={"x": 3.0}
        ),
        "generalisation.plot_learning_curves": lambda: gen.plot_learning_curves(_Fit()),
        "generalisation.plot_against": lambda: gen.plot_against(
            [1, 2, 4], [0.9, 0.95, 0.99], [0.85, 0.88, 0.9], "size", log2=True
        ),
        "generalisation.plot_validation_curves": lambda: gen.plot_validation_curves(
            {"none": [1.0, 0.8, 0.9], "L2": [1.0, 0.7, 0.75]}
        ),
        "generalisation.plot_scalars": lambda: gen.plot_scalars(
            {"epoch_loss": (np.arange(3), np.array([1.0, 0.7, 0.6]))}, ["epoch_loss"]
        ),
        "generalisation.plot_l2_sweep": lambda: gen.plot_l2_sweep(
            [1e-4, 1e-3, 1e-2], [1.0, 0.99, 0.95], [0.9, 0.91, 0.9], [30.0, 12.0, 5.0], 0.9, 31.0
        ),
        "generalisation.plot_dropout_masks": lambda: gen.plot_dropout_masks(
            {"rate 0.5": RNG.integers(0, 2, (8, 16)) * 2.0, "rate 0.8": RNG.integers(0, 2, (8, 16)) * 5.0}
        ),
        "mnist.plot_confusion_matrix": lambda: mnist.plot_confusion_matrix(RNG.integers(0, 9, (10, 10))),
        "mnist.plot_probability_gallery": lambda: mnist.plot_probability_gallery(
            RNG.random((2, 784)), np.array([3, 1]), np.eye(10)[[3, 7]]
        ),
        "mnist.shade_overfitting_onset": lambda: _axes_figure(
            lambda ax: mnist.shade_overfitting_onset(ax, [1.0, 0.6, 0.4, 0.3], [1.0, 0.7, 0.8, 0.9], 2)
        ),
        "mnist.plot_overfitting_onset": lambda: mnist.plot_overfitting_onset(
            [1.0, 0.6, 0.4, 0.3], [1.0, 0.7, 0.8, 0.9], 2, title="t"
        ),
        "convolutional_networks.plot_edge_maps": lambda: cnn.plot_edge_maps(
            RNG.random((6, 6)), RNG.normal(size=(4, 4, 2)), ["a", "b"], title="t"
        ),
        "convolutional_networks.plot_feature_maps": lambda: cnn.plot_feature_maps(
            RNG.random((6, 6)), RNG.random((4, 4, 4)), columns=2
        ),
        "convolutional_networks.plot_filters": lambda: cnn.plot_filters(RNG.normal(size=(3, 3, 1, 4))),
        "convolutional_networks.plot_sized_maps": lambda: cnn.plot_sized_maps(
            [RNG.normal(size=(6, 6)), RNG.normal(size=(3, 3))], ["big", "small"]
        ),
        "convolutional_networks.plot_learned_kernel": lambda: cnn.plot_learned_kernel(
            [1.0, 0.1, 0.01], RNG.normal(size=(3, 3)), RNG.normal(size=(3, 3))
        ),
        "convolutional_networks.plot_receptive_fields": lambda: cnn.plot_receptive_fields(
            RNG.random((28, 28)), [(8, 8, 3), (8, 8, 10)], ["conv1", "pool2"]
        ),
        "convolutional_networks.plot_top_patches": lambda: cnn.plot_top_patches(
            [RNG.random((2, 3, 3, 3)), RNG.random((2, 3, 8, 8))], ["first", "second"], [["f0", "f1"], ["g0", "g1"]]
        ),
    }


MAKERS = _makers()


def drawn_colours(fig) -> set[str]:
    """Every colour the figure paints with (fully transparent paint and the figure's white ground left out)."""
    found = set()

    def add(colour):
        rgba = np.atleast_2d(matplotlib.colors.to_rgba_array(colour))
        for r, g, b, a in rgba:
            if a > 0:
                found.add(to_hex((r, g, b)))

    for artist in fig.findobj():
        if isinstance(artist, matplotlib.lines.Line2D) and artist.get_visible():
            add(artist.get_color())
            if artist.get_marker() not in (None, "None", "", " "):
                add(artist.get_markerfacecolor())
                add(artist.get_markeredgecolor())
        elif isinstance(artist, matplotlib.patches.Patch) and artist.get_visible():
            if artist is fig.patch or isinstance(artist.axes, matplotlib.axes.Axes) and artist is artist.axes.patch:
                continue  # the white ground of the figure and of each axes
            add(artist.get_facecolor())
            add(artist.get_edgecolor())
        elif isinstance(artist, matplotlib.collections.Collection) and artist.get_visible():
            if artist.get_array() is None:  # a colour-mapped collection is judged by its colour map
                add(artist.get_facecolor())
                add(artist.get_edgecolor())
        elif isinstance(artist, matplotlib.text.Text) and artist.get_visible() and artist.get_text():
            add(artist.get_color())
    return found


def colour_maps(fig) -> set[str]:
    """The named colour maps of the figure's colour-mapped artists; a list of colours (``contourf(colors=...)``)
    stands for its colours, which must be the course's."""
    names = set()
    for artist in fig.findobj():
        if isinstance(artist, matplotlib.cm.ScalarMappable) and artist.get_array() is not None:
            cmap = artist.get_cmap()
            if isinstance(cmap, matplotlib.colors.ListedColormap) and cmap.name in ("from_list", "unnamed"):
                names |= {to_hex(c) for c in cmap.colors} - ALLOWED
            else:
                names.add(cmap.name)
    return names


@pytest.fixture(autouse=True)
def course_style():
    set_plot_style()
    yield
    plt.close("all")


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_every_colour_a_figure_paints_is_the_courses(name):
    fig = MAKERS[name]()
    foreign = sorted(drawn_colours(fig) - ALLOWED)
    assert not foreign, f"{name} paints with colours that are not in course_utils.colours: {foreign}"
    maps = colour_maps(fig) - set(colours.COLOUR_MAPS)
    assert not maps, f"{name} uses colour maps that are not in course_utils.colours.COLOUR_MAPS: {sorted(maps)}"


def test_a_foreign_colour_is_seen():
    """The reading can fail: a line in Matplotlib's old default blue is found."""
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], color="tab:blue")
    ax.set_title("t", color=colours.INK)
    assert drawn_colours(fig) - ALLOWED == {"#1f77b4"}


def drawing_functions():
    """``module.function`` for every public function of course_utils whose code draws on a figure or axes."""
    found = set()
    for module in pkgutil.iter_modules(course_utils.__path__):
        if module.ispkg:
            continue
        mod = __import__(f"course_utils.{module.name}", fromlist=["_"])
        tree = ast.parse(inspect.getsource(mod))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                code = ast.unparse(node)
                if any(call in code for call in ("plt.subplots", "ax.plot", ".imshow(", "add_patch", "ax.bar(")):
                    found.add(f"{module.name}.{node.name}")
    return found - {"plots.show", "reproducibility.set_plot_style"}


def test_every_drawing_function_is_read():
    missing = sorted(drawing_functions() - set(MAKERS))
    assert not missing, f"add these to MAKERS in tests/test_figure_colours.py: {missing}"
