"""Shared code for the Introduction to Deep Learning notebooks.

Importing the package is cheap: it loads neither TensorFlow nor Matplotlib.
The names below are imported from their modules on first use.

    import course_utils
    course_utils.setup(SEED)                    # seeds, determinism, quiet logs, plot style
    (x_train, y_train), (x_test, y_test) = course_utils.load_mnist()
"""

from importlib import import_module

__version__ = "0.2.0"

_LAZY = {
    "setup": "course_utils.reproducibility",
    "load_mnist": "course_utils.data",
    "MnistDataError": "course_utils.data",
    "show_source": "course_utils.source",
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
