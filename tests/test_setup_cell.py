"""The generated Colab install cell: installs the course package once, from the release's commit, and fails
clearly; while the repository is not marked as the course's own it names no repository at all. The setup cell
under it stays a few lines a student can read."""

import importlib.metadata
import subprocess
import sys
import types

import pytest

from coursetools import course, generated


@pytest.fixture
def on_colab(monkeypatch):
    """Pretend to be on Colab, and record every command the cell would run instead of running it."""
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    calls = []

    def fake_run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, fake_run.returncode, "", fake_run.stderr)

    fake_run.returncode, fake_run.stderr = 0, ""
    monkeypatch.setattr(subprocess, "run", fake_run)
    return fake_run, calls


@pytest.fixture
def published(monkeypatch):
    """The course as its owners will publish it: the repository is theirs, the release commit pinned."""
    monkeypatch.setattr(course, "REPOSITORY_IS_OURS", True)
    monkeypatch.setattr(course, "RELEASE_COMMIT", "0123456789abcdef0123456789abcdef01234567")


def run_setup_cell(monkeypatch, installed):
    def version(name):
        if installed is None:
            raise importlib.metadata.PackageNotFoundError(name)
        return installed

    monkeypatch.setattr(importlib.metadata, "version", version)
    exec(generated.install_source(), {})


def test_first_run_installs_the_release_commit_not_a_tag_or_branch(on_colab, published, monkeypatch):
    _, calls = on_colab
    run_setup_cell(monkeypatch, installed=None)
    assert len(calls) == 1 and calls[0][-1] == course.install_spec()
    assert calls[0][-1] == f"course-utils @ git+{course.REPOSITORY}@{course.RELEASE_COMMIT}"


@pytest.mark.parametrize(
    "ours, commit, problem",
    [
        (False, "0123456789abcdef0123456789abcdef01234567", "not marked as the course's own"),
        (True, None, "40-character commit hash"),
        (True, "v0.2.0", "40-character commit hash"),  # a tag can be moved
        (True, "main", "40-character commit hash"),
    ],
)
def test_no_install_spec_for_a_repository_not_ours_or_a_ref_that_can_move(monkeypatch, ours, commit, problem):
    monkeypatch.setattr(course, "REPOSITORY_IS_OURS", ours)
    monkeypatch.setattr(course, "RELEASE_COMMIT", commit)
    with pytest.raises(course.Unpublished, match=problem):
        course.install_spec()


def test_an_unpublished_course_names_no_repository_and_stops_clearly_on_colab(on_colab, monkeypatch):
    monkeypatch.setattr(course, "REPOSITORY_IS_OURS", False)
    source = generated.install_source()
    assert "github" not in source and "git+" not in source and "pip" not in source
    _, calls = on_colab
    with pytest.raises(SystemExit, match="This copy of the course is not published"):
        exec(source, {})
    assert calls == []


def test_a_second_run_does_no_pip_work(on_colab, published, monkeypatch):
    _, calls = on_colab
    run_setup_cell(monkeypatch, installed=course.VERSION)
    assert calls == []


def test_an_older_course_package_is_replaced(on_colab, published, monkeypatch):
    _, calls = on_colab
    run_setup_cell(monkeypatch, installed="0.0.1")
    assert len(calls) == 1


def test_a_failed_install_is_one_clear_message(on_colab, published, monkeypatch):
    fake_run, _ = on_colab
    fake_run.returncode = 1
    fake_run.stderr = "Collecting course-utils\nERROR: Could not find a version that satisfies the requirement\n"
    with pytest.raises(SystemExit) as stop:
        run_setup_cell(monkeypatch, installed=None)
    message = str(stop.value)
    assert "\n" not in message and "Could not find a version" in message and "run this cell again" in message


def test_the_version_has_one_home():
    """pyproject.toml and coursetools read the version from course_utils.__version__; nothing restates it."""
    import tomllib

    import course_utils

    project = tomllib.loads((course.ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and project["dynamic"] == ["version"]
    assert importlib.metadata.version("course-utils") == course.VERSION == course_utils.__version__


def test_the_setup_cell_is_short_and_the_install_cell_folded():
    assert len(generated.setup_source().splitlines()) <= 6
    exec(generated.setup_source(tensorflow=False), {"SEED": 0})  # runs here as it does everywhere
    assert generated.install_source().startswith("# @title ")  # Colab shows the title of a form cell
    assert generated.INSTALL_METADATA["cellView"] == "form" and generated.INSTALL_METADATA["jupyter"]["source_hidden"]


@pytest.mark.parametrize("is_published", [False, True])
def test_the_install_cell_does_nothing_outside_colab(monkeypatch, is_published):
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    if is_published:
        monkeypatch.setattr(course, "REPOSITORY_IS_OURS", True)
        monkeypatch.setattr(course, "RELEASE_COMMIT", "0" * 40)
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: calls.append(args))
    exec(generated.install_source(), {})
    assert calls == []
