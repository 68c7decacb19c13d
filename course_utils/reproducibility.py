"""One call at the top of every notebook: seeds, op determinism, quiet logs, one plot style."""

from __future__ import annotations

import os
import random

import numpy as np

#: The Matplotlib look shared by every figure in the course.
PLOT_STYLE = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 80,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.frameon": False,
    "image.cmap": "gray_r",
}


def quiet_tensorflow_logs() -> None:
    """Silence TensorFlow's C++ start-up chatter; it only works before TensorFlow is imported.

    ``TF_CPP_MIN_LOG_LEVEL=3`` hides C++ log lines. It does not hide the "oneDNN custom
    operations are on" notice, which TensorFlow prints before its logging starts; that
    notice is about oneDNN's fused kernels reordering floating-point sums, which makes
    results differ in the last bits from CPU to CPU. Turning those kernels off removes
    the cause, so the notice is not printed and the numbers are more portable.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")


def setup(seed: int = 0, *, tensorflow: bool = True) -> None:
    """Make a notebook reproducible and quiet.

    Seeds Python, NumPy and (with ``tensorflow=True``) TensorFlow/Keras, turns on
    TensorFlow's op determinism, silences its C++ logs, and sets the course's
    Matplotlib style. Re-running a notebook after this prints the same numbers.
    Notebooks that never touch TensorFlow pass ``tensorflow=False`` and skip its
    import (a few seconds).
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    quiet_tensorflow_logs()
    seed_everything(seed, tensorflow=tensorflow)
    if tensorflow:
        import tensorflow as tf

        tf.config.experimental.enable_op_determinism()
    set_plot_style()


def seed_everything(seed: int, *, tensorflow: bool = True) -> None:
    """Reset Python's, NumPy's and (optionally) TensorFlow/Keras' random generators to ``seed``.

    ``setup`` calls this once; call it again before each run of an experiment
    that compares seeds, so each run starts from the same state whatever ran before.
    """
    seed = int(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    if tensorflow:
        import keras

        keras.utils.set_random_seed(seed)


def set_plot_style() -> None:
    """Apply :data:`PLOT_STYLE` to every figure drawn from now on."""
    import matplotlib

    matplotlib.rcParams.update(PLOT_STYLE)

