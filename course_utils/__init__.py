"""Shared code for the Introduction to Deep Learning notebooks.

Importing the package is cheap: it loads neither TensorFlow nor Matplotlib.
The names below are imported from their modules on first use.

    import course_utils
    course_utils.setup(SEED)                    # seeds, determinism, quiet logs, plot style
    (x_train, y_train), (x_test, y_test) = course_utils.load_mnist()

Two kinds of modules, one naming rule:

* **Topic modules** are named after the notebook whose cells they save, the same names as the exercise
  checks in ``course_utils.exercises``: ``why_deep_learning`` (01), ``neuron`` (02), ``forward_propagation``
  (04), ``activations`` (05), ``losses`` (06), ``gradient_descent`` (07), ``backpropagation`` (08),
  ``first_keras_network`` (09), ``keras_apis`` (10), ``mnist`` (11), ``generalisation`` (12), ``frameworks``
  (13), ``convolutional_networks`` (14). Each holds the functions its notebook's cells save for later
  notebooks (``# saved in course_utils.<module>``) and the figures that notebook draws.
* **Service modules** are named after the service: ``reproducibility`` (``setup``), ``data``, ``plots`` and
  ``colours``, ``diagrams`` (network and neuron drawings), ``tables``, ``progress``, ``timing``, ``exercises``.
"""

from importlib import import_module

__version__ = "0.2.0"

_LAZY = {
    "setup": "course_utils.reproducibility",
    "load_mnist": "course_utils.data",
    "MnistDataError": "course_utils.data",
}

__all__ = sorted(_LAZY)


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'course_utils' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
