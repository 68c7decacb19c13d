"""One call at the top of every notebook: seeds, op determinism, quiet logs, one plot style."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import random
import re
import sys
import tempfile

import matplotlib
import numpy as np

from course_utils.colours import CATEGORICAL, GRID

#: The Matplotlib look shared by every figure in the course.
PLOT_STYLE = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 80,
    "axes.grid": True,
    "grid.color": GRID,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.frameon": False,
    "image.cmap": "gray_r",
}


#: What TensorFlow prints on stderr while it is imported, before its own logging starts, and that
#: ``TF_CPP_MIN_LOG_LEVEL`` cannot hide. Only these lines are dropped; anything else passes through.
STARTUP_NOTICES = (
    re.compile(r"^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$"),
    re.compile(r"^I\d{4} [\d:.]+\s+\d+ port\.cc:\d+\] oneDNN custom operations are on\."),
)


def quiet_tensorflow_logs() -> None:
    """Silence TensorFlow's C++ log lines; it only works before TensorFlow is imported."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@contextlib.contextmanager
def _drop_startup_notices():
    """Capture file descriptor 2 (where C++ code writes) and re-emit everything but the known notices.

    oneDNN's fast kernels stay on (turning them off costs about 1.8x on every convolution); the notice
    they print at import is the only thing removed, so an unexpected warning still reaches the reader.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            text = captured.read().decode("utf-8", "replace")
            kept = [line for line in text.splitlines() if line and not any(p.search(line) for p in STARTUP_NOTICES)]
            if kept:
                print("\n".join(kept), file=sys.stderr)


def import_tensorflow():
    """Import TensorFlow quietly, or explain in one sentence what to do when it is not installed."""
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    if importlib.util.find_spec("tensorflow") is None:
        raise SetupError(
            "This notebook needs TensorFlow, which this runtime does not have. On Colab choose "
            "Runtime > Change runtime type > CPU (the TPU runtime has no TensorFlow); elsewhere "
            "run: pip install -r requirements.txt"
        )
    quiet_tensorflow_logs()
    with _drop_startup_notices(), _without_jax_for_tensorflow_lite():
        import tensorflow as tf  # imported here, not at the top: a notebook without TensorFlow never loads it
    return tf


@contextlib.contextmanager
def _without_jax_for_tensorflow_lite():
    """Let ``import tensorflow`` skip JAX, which it does not need.

    TensorFlow Lite's converter, imported with TensorFlow, tries ``import jax`` for converting JAX
    functions, which the course never does; where JAX is installed (Colab, notebook 13) that adds
    0.4 s to every notebook. For the length of the import, ``import jax`` fails as if JAX were
    missing (the converter expects that); afterwards JAX imports normally, as in notebook 13.
    """
    if "jax" in sys.modules:  # already imported: nothing to save
        yield
        return
    sys.modules["jax"] = None
    try:
        yield
    finally:
        if sys.modules.get("jax", 0) is None:
            del sys.modules["jax"]


class SetupError(RuntimeError):
    """The runtime cannot run the course; the message says what to do."""

    def _render_traceback_(self):  # IPython shows only the message, not a traceback
        return [f"{type(self).__name__}: {self}"]


def setup(seed: int = 0, *, tensorflow: bool = True) -> None:
    """Make a notebook reproducible and quiet.

    Seeds Python, NumPy and (with ``tensorflow=True``) TensorFlow/Keras, turns on
    TensorFlow's op determinism, silences its start-up notices, and sets the course's
    Matplotlib style. Re-running a notebook after this prints the same numbers.

    On GPUs of the Ampere generation and newer, TensorFlow multiplies float32 matrices in
    TF32 (10 bits of mantissa) by default; that breaks the course's float tolerances, so
    ``setup`` turns TF32 off. On a runtime without TensorFlow (Colab's TPU runtime) it raises
    :class:`SetupError` saying which runtime to choose.

    Notebooks that never touch TensorFlow pass ``tensorflow=False`` and skip its
    import (a few seconds).
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    if tensorflow:
        tf = import_tensorflow()
        tf.config.experimental.enable_tensor_float_32_execution(False)
    seed_everything(seed, tensorflow=tensorflow)
    if tensorflow:
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
        import keras  # here, not at the top: setup(SEED, tensorflow=False) must not load TensorFlow

        keras.utils.set_random_seed(seed)


def set_plot_style() -> None:
    """Apply :data:`PLOT_STYLE` to every figure drawn from now on."""
    matplotlib.rcParams.update({**PLOT_STYLE, "axes.prop_cycle": matplotlib.cycler(color=CATEGORICAL)})
