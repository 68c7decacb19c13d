"""The course's table of contents and where it lives: the one place the repository URL is written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import course_utils

#: The course repository. Badges, navigation and the Colab install cell are generated from it
#: by ``python -m coursetools.generated``; change it here and re-run that command.
REPOSITORY = "https://github.com/deep-learning-course/intro-to-deep-learning"
BRANCH = "main"
#: Whether the course's owners hold ``REPOSITORY`` (its GitHub organisation is registered to them). Until it is
#: set, the Colab install cell installs nothing: an address anyone could register must never reach a student's
#: runtime. See README, "Publishing the course".
REPOSITORY_IS_OURS = False
#: The package version; its one home is ``course_utils.__version__`` (``pyproject.toml`` reads it from there).
VERSION = course_utils.__version__
RELEASE = f"v{VERSION}"
#: The full hash of the commit the release tag names in ``REPOSITORY`` (``git rev-parse v0.2.0^{commit}``).
#: Colab installs this commit, not the tag: a tag can be moved by whoever holds the repository, a commit hash
#: names exactly one content.
RELEASE_COMMIT: str | None = None

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
#: MNIST for offline runs (tests, CI, builds): ``../shared/data`` beside the checkout, when it exists.
OFFLINE_DATA_DIR = ROOT.parent / "shared" / "data"

#: Every notebook of the course, in order (file stem, short title).
NOTEBOOKS = [
    ("01_why_deep_learning", "Why Deep Learning?"),
    ("02_neuron", "The Neuron"),
    ("03_network_architecture", "Network Architecture"),
    ("04_forward_propagation", "Forward Propagation"),
    ("05_activation_functions", "Activation Functions"),
    ("06_loss_functions", "Loss Functions"),
    ("07_gradient_descent", "Gradient Descent"),
    ("08_backpropagation", "Backpropagation"),
    ("09_first_keras_network", "A First Keras Network"),
    ("10_keras_apis", "Keras APIs and Layers"),
    ("11_mnist", "Handwritten Digits with MNIST"),
    ("12_generalisation", "Generalisation: Overfitting and Regularisation"),
    ("13_frameworks", "A Tour of Deep Learning Frameworks"),
    ("14_convolutional_networks", "Convolutional Networks"),
]

#: The section of the lecture notes *Introduction to Deep Learning* each notebook follows (README's contents).
LECTURE_SECTIONS = {
    "01_why_deep_learning": "1. Why Deep Learning?",
    "02_neuron": "2. Biological Neuron vs Artificial Neuron",
    "03_network_architecture": "3. Neural Network Architecture",
    "04_forward_propagation": "4. Forward Propagation",
    "05_activation_functions": "5. Activation Functions",
    "06_loss_functions": "6. Cost Function (Error Function)",
    "07_gradient_descent": "7. Gradient Descent (Learning Process)",
    "08_backpropagation": "7. Gradient Descent, continued: where the gradients come from",
    "09_first_keras_network": "8. Hands-on Example: Simple Neural Network with Keras",
    "10_keras_apis": "Keras Layers and APIs",
    "11_mnist": "3. Neural Network Architecture (the MNIST code); Model Compilation & Training",
    "12_generalisation": "Commonly Used Keras Layers (Dropout), continued",
    "13_frameworks": "Popular Deep Learning Frameworks",
    "14_convolutional_networks": "Commonly Used Keras Layers (Conv2D), continued",
}


def notebook_path(stem: str) -> Path:
    return NOTEBOOK_DIR / f"{stem}.ipynb"


def existing_notebooks() -> list[tuple[str, str]]:
    """The course notebooks that exist in this checkout, in course order."""
    return [(stem, title) for stem, title in NOTEBOOKS if notebook_path(stem).exists()]


def colab_url(stem: str) -> str:
    github_path = REPOSITORY.removeprefix("https://github.com/")
    return f"https://colab.research.google.com/github/{github_path}/blob/{BRANCH}/notebooks/{stem}.ipynb"


class Unpublished(RuntimeError):
    """The repository is not marked as the course's own, or the release commit is not pinned."""


def published() -> bool:
    """True when the Colab install cell may name ``REPOSITORY``: it is ours and the release commit is pinned."""
    return REPOSITORY_IS_OURS and re.fullmatch(r"[0-9a-f]{40}", RELEASE_COMMIT or "") is not None


def install_spec() -> str:
    """What pip installs on Colab: the course package from the repository, at the release's commit."""
    if not REPOSITORY_IS_OURS:
        raise Unpublished(
            f"{REPOSITORY} is not marked as the course's own repository (course.REPOSITORY_IS_OURS): "
            "no install cell may name it. See README, 'Publishing the course'."
        )
    if not published():
        raise Unpublished(f"RELEASE_COMMIT must be the 40-character commit hash of {RELEASE}, got {RELEASE_COMMIT!r}")
    return f"course-utils @ git+{REPOSITORY}@{RELEASE_COMMIT}"


def use_offline_data() -> None:
    """Point ``COURSE_DATA_DIR`` at the offline MNIST when it is unset and ``../shared/data`` exists.

    Kernels started afterwards inherit it, so runs from the checkout never download MNIST.
    """
    if "COURSE_DATA_DIR" not in os.environ and OFFLINE_DATA_DIR.is_dir():
        os.environ["COURSE_DATA_DIR"] = str(OFFLINE_DATA_DIR)
