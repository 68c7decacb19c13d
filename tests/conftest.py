"""Test-wide settings: offline MNIST, quiet TensorFlow."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_MNIST_DIR = ROOT.parent / "shared" / "data"

# Kernels started by nbval inherit this environment, so notebooks never download MNIST here.
if "COURSE_DATA_DIR" not in os.environ and OFFLINE_MNIST_DIR.is_dir():
    os.environ["COURSE_DATA_DIR"] = str(OFFLINE_MNIST_DIR)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def pytest_collection_modifyitems(config, items):
    """13_frameworks compares outputs of PyTorch, JAX and MXNet: without them (an optional extra and
    a legacy environment, see README), its stored outputs cannot match, so skip it and say why."""
    import pytest

    from course_utils import frameworks

    missing = [name for name in ("torch", "jax") if not frameworks.is_installed(name)]
    if not frameworks.mxnet_available():
        missing.append("the legacy MXNet environment")
    if not missing:
        return
    skip = pytest.mark.skip(reason=f"13_frameworks needs {', '.join(missing)}: run `bash tools/install_frameworks.sh`")
    for item in items:
        if item.nodeid.startswith("notebooks/13_frameworks.ipynb") or "13_frameworks" in item.name:
            item.add_marker(skip)
