"""MNIST for the course: found locally when possible, downloaded (and hash-checked) otherwise.

``load_mnist()`` looks in this order and uses the first file it finds:

1. the ``path`` argument, if given;
2. ``$COURSE_DATA_DIR/mnist.npz``;
3. ``data/mnist.npz`` in the course repository;
4. the Keras cache, ``~/.keras/datasets/mnist.npz``;
5. a download through Keras, which verifies the file's SHA-256.

Every local file is validated (keys, shapes, dtypes, label range) before use and
opened with ``allow_pickle=False``. A bad file raises :class:`MnistDataError`
naming the file and the fix; the file itself is never moved or deleted.

From a shell, ``python -m course_utils.data download`` fetches MNIST into the
Keras cache for offline use, and ``python -m course_utils.data check PATH``
validates a file.
"""

from __future__ import annotations

import argparse
import os
import sys
import zipfile
from pathlib import Path

import numpy as np

MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
#: The SHA-256 Keras checks for its own download of ``mnist.npz``.
MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
MNIST_FILENAME = "mnist.npz"
EXPECTED_SIZES = {"train": 60_000, "test": 10_000}
DOWNLOAD_COMMAND = "python -m course_utils.data download"
REPOSITORY_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class MnistDataError(RuntimeError):
    """MNIST could not be found, read or trusted; the message says how to fix it."""


def keras_cache_path() -> Path:
    """Where Keras keeps downloaded datasets (``$KERAS_HOME`` or ``~/.keras``)."""
    keras_home = os.environ.get("KERAS_HOME") or Path.home() / ".keras"
    return Path(keras_home) / "datasets" / MNIST_FILENAME


def candidate_paths(path: str | os.PathLike | None = None) -> list[tuple[str, Path]]:
    """The places ``load_mnist`` looks, in order, each with a short description."""
    places = []
    if path is not None:
        places.append(("the path you passed", Path(path)))
    data_dir = os.environ.get("COURSE_DATA_DIR")
    if data_dir:
        places.append(("$COURSE_DATA_DIR", Path(data_dir) / MNIST_FILENAME))
    places.append(("the course's data/ folder", REPOSITORY_DATA_DIR / MNIST_FILENAME))
    places.append(("the Keras cache", keras_cache_path()))
    return places


def _bad_file(path: Path, problem: str) -> MnistDataError:
    return MnistDataError(
        f"{path} is not a usable MNIST file: {problem}.\n"
        f"The file was left untouched. Move it aside (or pass another path), then "
        f"either point COURSE_DATA_DIR at a folder with a good mnist.npz or run "
        f"`{DOWNLOAD_COMMAND}` to fetch a verified copy."
    )


def validate_mnist(path: str | os.PathLike) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Read ``path`` and check it is MNIST in the Keras layout; return the four arrays.

    Raises :class:`MnistDataError` naming the file and what is wrong with it.
    """
    path = Path(path)
    if not path.is_file():
        raise MnistDataError(f"{path} does not exist or is not a file.")
    try:
        with np.load(path, allow_pickle=False) as archive:
            missing = {"x_train", "y_train", "x_test", "y_test"} - set(archive.files)
            if missing:
                raise _bad_file(path, f"it has no array(s) {sorted(missing)} (found {sorted(archive.files)})")
            arrays = {key: archive[key] for key in ("x_train", "y_train", "x_test", "y_test")}
    except MnistDataError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError) as exc:
        # np.load raises ValueError for object arrays under allow_pickle=False, and
        # BadZipFile/EOFError/OSError for truncated or non-npz files.
        raise _bad_file(path, f"it cannot be read as an .npz archive ({type(exc).__name__}: {exc})") from exc

    for split, size in EXPECTED_SIZES.items():
        images, labels = arrays[f"x_{split}"], arrays[f"y_{split}"]
        if images.shape != (size, 28, 28):
            raise _bad_file(path, f"x_{split} has shape {images.shape}, expected {(size, 28, 28)}")
        if labels.shape != (size,):
            raise _bad_file(path, f"y_{split} has shape {labels.shape}, expected {(size,)}")
        for key, array in ((f"x_{split}", images), (f"y_{split}", labels)):
            if array.dtype != np.uint8:
                raise _bad_file(path, f"{key} has dtype {array.dtype}, expected uint8")
        if labels.max() > 9:
            raise _bad_file(path, f"y_{split} holds labels up to {labels.max()}, expected digits 0..9")
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def download_mnist() -> Path:
    """Download MNIST into the Keras cache through Keras, which verifies its SHA-256."""
    try:  # only a download needs Keras (and TensorFlow under it); reading a local file needs NumPy alone
        import keras
    except ImportError as exc:  # pragma: no cover - the course always has Keras
        raise MnistDataError("Downloading MNIST needs Keras: pip install -r requirements.txt") from exc
    try:
        fetched = keras.utils.get_file(fname=MNIST_FILENAME, origin=MNIST_URL, file_hash=MNIST_SHA256)
    except Exception as exc:
        raise MnistDataError(f"Downloading MNIST from {MNIST_URL} failed ({type(exc).__name__}: {exc}).") from exc
    return Path(fetched)


def load_mnist(path: str | os.PathLike | None = None, *, download: bool = True):
    """Return MNIST as ``(x_train, y_train), (x_test, y_test)``, uint8, shaped like Keras'.

    Looks for a local file first (see the module docstring for the order) and
    downloads through Keras only when none exists and ``download`` is true. An
    explicit ``path`` that does not exist is an error rather than a reason to
    look elsewhere.
    """
    places = candidate_paths(path)
    if path is not None and not Path(path).is_file():
        raise MnistDataError(f"{path} does not exist. Pass the path of an mnist.npz file, or leave `path` out.")
    for _, candidate in places:
        if candidate.is_file():
            return validate_mnist(candidate)

    looked = "\n".join(f"  - {where}: {candidate}" for where, candidate in places)
    if not download:
        raise MnistDataError(f"No mnist.npz found. Looked in:\n{looked}\nRun `{DOWNLOAD_COMMAND}` to fetch it.")
    try:
        return validate_mnist(download_mnist())
    except MnistDataError as exc:
        raise MnistDataError(
            f"No local mnist.npz was found and the download failed.\nLooked in:\n{looked}\n"
            f"Download: {exc}\n"
            f"On a machine with internet access, run `{DOWNLOAD_COMMAND}` once; it stores a verified copy "
            f"in the Keras cache ({keras_cache_path()}). Or set COURSE_DATA_DIR to a folder holding mnist.npz."
        ) from exc


def prepare_images(images, *, flatten: bool = True) -> np.ndarray:
    """Scale uint8 images to float32 in [0, 1]: flattened to (n, 784) for dense networks,
    or with a channel axis, (n, 28, 28, 1), for convolutional ones."""
    images = np.asarray(images)
    if images.ndim != 3:
        raise ValueError(f"expected images shaped (n, height, width), got {images.shape}")
    scaled = np.divide(images, np.float32(255), dtype=np.float32)  # in one pass, without an intermediate copy
    return scaled.reshape(len(images), -1) if flatten else scaled[..., np.newaxis]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_utils.data", description="Manage the course's MNIST copy.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("download", help="download MNIST into the Keras cache (hash-verified)")
    check = commands.add_parser("check", help="validate an mnist.npz file")
    check.add_argument("path")
    commands.add_parser("where", help="show where load_mnist looks")
    args = parser.parse_args(argv)
    try:
        if args.command == "download":
            cached = keras_cache_path()
            if cached.is_file():
                validate_mnist(cached)
                print(f"MNIST is already in the Keras cache and valid: {cached}")
            else:
                print(f"Downloaded and verified: {download_mnist()}")
        elif args.command == "check":
            validate_mnist(args.path)
            print(f"{args.path}: valid MNIST")
        else:
            for where, candidate in candidate_paths():
                print(f"{where:28} {candidate}  ({'found' if candidate.is_file() else 'absent'})")
    except MnistDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
