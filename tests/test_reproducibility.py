"""setup(): quiet TensorFlow, identical numbers on a re-run, clear errors for bad seeds."""

import os
import subprocess
import sys

import numpy as np
import pytest

from course_utils.reproducibility import PLOT_STYLE, seed_everything, setup

TRAIN_A_LITTLE = """
import course_utils
course_utils.setup({seed})
import keras, numpy as np
x = np.random.rand(64, 5).astype("float32"); y = (x.sum(axis=1) > 2.5).astype("float32")
model = keras.Sequential([keras.Input(shape=(5,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3, batch_size=16, verbose=0)
print(repr(model.predict(x[:3], verbose=0).ravel().tolist()))
"""


def run_clean(code):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TF_")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)


def test_setup_makes_tensorflow_silent_and_runs_repeatable():
    first, second = run_clean(TRAIN_A_LITTLE.format(seed=1)), run_clean(TRAIN_A_LITTLE.format(seed=1))
    assert first.returncode == 0, first.stderr
    assert first.stderr == "", f"TensorFlow printed on stderr after setup(): {first.stderr[:300]}"
    assert first.stdout == second.stdout
    assert run_clean(TRAIN_A_LITTLE.format(seed=2)).stdout != first.stdout


@pytest.mark.parametrize("bad", [-1, 1.5, "0", True])
def test_bad_seed_is_explained(bad):
    with pytest.raises(ValueError, match="seed must be a non-negative integer"):
        setup(bad, tensorflow=False)


def test_numpy_only_setup_seeds_and_styles():
    import matplotlib

    setup(7, tensorflow=False)
    first = np.random.rand(3)
    seed_everything(7, tensorflow=False)
    assert np.array_equal(first, np.random.rand(3))
    assert matplotlib.rcParams["axes.grid"] == PLOT_STYLE["axes.grid"]


WRITE_NOTICES_AND_A_WARNING = r"""
import os
from course_utils.reproducibility import _drop_startup_notices
with _drop_startup_notices():
    os.write(2, b"WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n")
    os.write(2, b"I0000 00:00:1795669439.221020    2559 port.cc:153] oneDNN custom operations are on. You may see...\n")
    os.write(2, b"UserWarning: something nobody expected\n")
"""


def test_only_the_known_startup_notices_are_dropped():
    result = run_clean(WRITE_NOTICES_AND_A_WARNING)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "UserWarning: something nobody expected"


def test_setup_keeps_onednn_on_and_turns_tf32_off():
    result = run_clean(
        "import os, course_utils; course_utils.setup(0); import tensorflow as tf\n"
        "print(os.environ.get('TF_ENABLE_ONEDNN_OPTS'), tf.config.experimental.tensor_float_32_execution_enabled())"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["None", "False"]


def test_tensorflow_is_imported_without_jax_and_jax_still_imports_afterwards():
    pytest.importorskip("jax")
    result = run_clean(
        "import sys, course_utils; course_utils.setup(0)\n"
        "print('jax' in sys.modules)\n"
        "import jax.numpy as jnp; print(float(jnp.ones(3).sum()))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "3.0"]


def test_a_runtime_without_tensorflow_gets_one_clear_message(monkeypatch):
    import importlib.util

    from course_utils import reproducibility

    real_find_spec = importlib.util.find_spec
    monkeypatch.delitem(sys.modules, "tensorflow", raising=False)
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "tensorflow" else real_find_spec(name, *a)
    )
    with pytest.raises(reproducibility.SetupError, match=r"Runtime > Change runtime type > CPU"):
        setup(0)
