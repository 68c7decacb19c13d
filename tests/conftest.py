"""Test-wide settings: offline MNIST, quiet TensorFlow."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_MNIST_DIR = ROOT.parent / "shared" / "data"

# Kernels started by nbval inherit this environment, so notebooks never download MNIST here.
if "COURSE_DATA_DIR" not in os.environ and OFFLINE_MNIST_DIR.is_dir():
    os.environ["COURSE_DATA_DIR"] = str(OFFLINE_MNIST_DIR)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
