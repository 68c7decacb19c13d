"""load_mnist: valid files, every kind of bad file, the search order, and a failed download."""

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

from course_utils import data
from course_utils.data import MnistDataError, load_mnist


def write_mnist(path, n_train=60_000, n_test=10_000, **overrides):
    rng = np.random.default_rng(0)
    arrays = {
        "x_train": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "y_train": rng.integers(0, 10, n_train, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "y_test": rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    arrays.update(overrides)
    arrays = {k: v for k, v in arrays.items() if v is not None}
    np.savez(path, **arrays)
    return path


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """No COURSE_DATA_DIR, an empty Keras home, an empty repository data/ folder, no network."""
    monkeypatch.delenv("COURSE_DATA_DIR", raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    monkeypatch.setattr(data, "REPOSITORY_DATA_DIR", tmp_path / "repo_data")

    def no_network():
        raise MnistDataError("no network (simulated by the test)")

    monkeypatch.setattr(data, "download_mnist", no_network)
    return tmp_path


def test_valid_file_loads_in_keras_layout(isolated):
    path = write_mnist(isolated / "mnist.npz")
    (x_train, y_train), (x_test, y_test) = load_mnist(path)
    assert x_train.shape == (60_000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (60_000,) and x_test.shape == (10_000, 28, 28) and y_test.shape == (10_000,)


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"y_test": None}, "no array(s) ['y_test']"),
        ({"x_train": np.zeros((60_000, 784), np.uint8)}, "x_train has shape (60000, 784)"),
        ({"x_test": np.zeros((9_000, 28, 28), np.uint8)}, "x_test has shape (9000, 28, 28)"),
        ({"y_train": np.zeros((60_000, 1), np.uint8)}, "y_train has shape (60000, 1)"),
        ({"x_train": np.zeros((60_000, 28, 28), np.float32)}, "x_train has dtype float32"),
        ({"y_test": np.full(10_000, 10, np.uint8)}, "labels up to 10"),
    ],
)
def test_each_kind_of_bad_content_is_named_and_the_file_kept(isolated, overrides, message):
    path = write_mnist(isolated / "mnist.npz", **overrides)
    before = digest(path)
    with pytest.raises(MnistDataError) as error:
        load_mnist(path)
    assert str(path) in str(error.value) and message in str(error.value)
    assert "python -m course_utils.data download" in str(error.value)
    assert digest(path) == before


def test_truncated_file_is_reported_and_kept(isolated):
    path = write_mnist(isolated / "mnist.npz")
    path.write_bytes(path.read_bytes()[:1_000_000])
    before = digest(path)
    with pytest.raises(MnistDataError, match="cannot be read as an .npz archive"):
        load_mnist(path)
    assert digest(path) == before


def test_not_an_npz_file_is_reported(isolated):
    path = isolated / "mnist.npz"
    path.write_text("<html>404 Not Found</html>")
    with pytest.raises(MnistDataError, match="cannot be read"):
        load_mnist(path)
    assert path.read_text() == "<html>404 Not Found</html>"


def test_pickled_object_arrays_are_refused(isolated):
    path = isolated / "mnist.npz"
    np.savez(
        path, x_train=np.array([{"evil": 1}], dtype=object), y_train=np.zeros(1), x_test=np.zeros(1), y_test=np.zeros(1)
    )
    with pytest.raises(MnistDataError, match="cannot be read"):
        load_mnist(path)


def test_missing_explicit_path_is_an_error(isolated):
    with pytest.raises(MnistDataError, match="does not exist"):
        load_mnist(isolated / "nowhere.npz")


def test_search_order_env_var_before_repository_before_keras_cache(isolated, monkeypatch):
    env_dir, repo_dir, keras_dir = isolated / "env", isolated / "repo_data", isolated / "keras_home" / "datasets"
    for folder in (env_dir, repo_dir, keras_dir):
        folder.mkdir(parents=True)
    write_mnist(keras_dir / "mnist.npz", y_test=np.full(10_000, 3, np.uint8))
    assert load_mnist()[1][1][0] == 3
    write_mnist(repo_dir / "mnist.npz", y_test=np.full(10_000, 2, np.uint8))
    assert load_mnist()[1][1][0] == 2
    write_mnist(env_dir / "mnist.npz", y_test=np.full(10_000, 1, np.uint8))
    monkeypatch.setenv("COURSE_DATA_DIR", str(env_dir))
    assert load_mnist()[1][1][0] == 1


def test_missing_everywhere_and_download_failing_lists_every_place(isolated, monkeypatch):
    monkeypatch.setenv("COURSE_DATA_DIR", str(isolated / "env"))
    with pytest.raises(MnistDataError) as error:
        load_mnist()
    message = str(error.value)
    for place in (
        isolated / "env" / "mnist.npz",
        isolated / "repo_data" / "mnist.npz",
        isolated / "keras_home" / "datasets" / "mnist.npz",
    ):
        assert str(place) in message
    assert "no network (simulated by the test)" in message
    assert "python -m course_utils.data download" in message


def test_download_disabled_says_how_to_fetch(isolated):
    with pytest.raises(MnistDataError, match="course_utils.data download"):
        load_mnist(download=False)


def test_real_download_failure_without_network_is_wrapped(tmp_path, monkeypatch):
    """Through Keras' get_file, pointed at an unreachable local address (nothing leaves the machine)."""
    pytest.importorskip("keras")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(data, "MNIST_URL", "http://127.0.0.1:9/mnist.npz")
    with pytest.raises(MnistDataError, match="Downloading MNIST from http://127.0.0.1:9/mnist.npz failed"):
        data.download_mnist()
    assert not (tmp_path / "datasets" / "mnist.npz").exists()


def test_command_line_check_and_where(isolated, capsys):
    good = write_mnist(isolated / "good.npz")
    assert data.main(["check", str(good)]) == 0
    bad = isolated / "bad.npz"
    bad.write_text("junk")
    assert data.main(["check", str(bad)]) == 1
    assert "not a usable MNIST file" in capsys.readouterr().err
    assert data.main(["where"]) == 0


@pytest.mark.skipif(not os.environ.get("COURSE_DATA_DIR"), reason="no offline MNIST configured")
def test_offline_copy_used_by_the_course_is_valid():
    (x_train, y_train), (x_test, y_test) = load_mnist(download=False)
    assert np.bincount(y_test).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
