"""Every notebook runs on Google Colab's own Python and package versions (a stand-in for Colab's CPU runtime).

``coursetools/colab.py`` builds the environment once and caches it under ``build/colab-env/``: Python
of Colab's minor version (from pyenv), Colab's versions from the committed snapshot
``tools/colab/pip-freeze.txt`` used as pip constraints, a stand-in ``google.colab`` imported when the
kernel starts, and ``course_utils`` installed by a notebook's own setup cell from a ``git+file://``
URL of this repository's HEAD. Then every notebook runs there, with pip unable to download anything
(the setup cell must skip its install, as on a second run). Skipped, saying why, on a machine
without an interpreter of Colab's Python or without a network for the first build.

A summary line per notebook (time, status) is printed at the end of the module and written to
``build/colab-env/summary.txt``. ``COURSE_COLAB_WORKTREE=1`` installs ``course_utils`` from the working
tree instead of HEAD (to try uncommitted changes); ``python -m coursetools.colab 02 11`` runs notebooks
by hand.
"""

import json

import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursetools import colab, course, generated, refresh_colab_snapshot

ROOT = course.ROOT

STEMS = [stem for stem, _ in course.existing_notebooks()]


@pytest.fixture(scope="module")
def env():
    """The Colab environment, built or reused; held (shared) so no other session rebuilds it meanwhile."""
    try:
        built = colab.build()
    except colab.Unavailable as reason:
        pytest.skip(f"no Colab stand-in on this machine: {reason}")
    except colab.BuildError as error:
        pytest.fail(f"building the Colab stand-in failed: {error}", pytrace=False)
    yield built
    built.release()


@pytest.fixture(scope="module")
def results(env, request):
    """Every notebook's result; at the end, the summary goes to build/colab-env/summary.txt and the terminal."""
    collected = []
    yield collected
    if not collected:
        return
    text = colab.write_summary(env, collected)
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is None:
        print("\n" + text)
        return
    with capture.global_and_fixture_disabled():  # shown without -s, as the test command's output
        print("\n" + text, end="", flush=True)


@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_notebook_runs_on_colabs_python_and_versions(stem, env, results):
    result = colab.run_notebook(env, course.notebook_path(stem))
    results.append(result)
    stale = colab.uncommitted_package_changes() if env.source.startswith("HEAD") and result.status != "passed" else []
    hint = (
        f" [note: the environment has HEAD's course_utils, without the uncommitted {', '.join(stale)}; "
        f"{colab.WORKTREE_VARIABLE}=1 installs the working tree]"
        if stale
        else ""
    )
    if result.status != "passed":
        pytest.fail(f"{stem} fails on Colab ({env.describe()}): {result.message}{hint}", pytrace=False)


@pytest.mark.slow
def test_no_notebook_installed_anything(env):
    """The setup cell found course_utils installed and skipped pip (a second run on Colab): nothing changed."""
    assert colab.installed_versions(env.python) == env.versions


@pytest.mark.slow
def test_the_kernel_is_colabs_and_the_setup_cell_takes_its_colab_branch_without_pip(env, tmp_path):
    minor = colab.colab_python_version().rsplit(".", 1)[0]
    nb = new_notebook()
    nb.cells = [
        new_code_cell("SEED = 0"),
        new_code_cell(generated.install_source(spec=colab.install_spec_for(colab.head_commit()))),
        new_code_cell(generated.setup_source(tensorflow=False)),
        new_code_cell(
            f'import platform, sys\nassert platform.python_version().startswith("{minor}.")\n'
            f'assert "google.colab" in sys.modules\n'
            f'assert installed == "{course.VERSION}", installed  # set only in the Colab branch\n'
            f'assert "pip" not in globals(), "the setup cell ran pip"\n'
            f"assert course_utils.__file__.startswith(sys.prefix), course_utils.__file__"
        ),
    ]
    path = tmp_path / "colab_branch.ipynb"
    nbformat.write(nb, path)
    result = colab.run_notebook(env, path)
    assert result.status == "passed", result.message


def notebook_using(source: str):
    nb = new_notebook()
    nb.cells = [
        new_markdown_cell("# 99 · Uses something newer than Colab has"),
        new_code_cell("import numpy as np"),
        new_code_cell(source),
    ]
    return nb


@pytest.mark.slow
def test_a_notebook_using_what_colabs_versions_lack_fails_naming_notebook_cell_and_error(env, tmp_path):
    """np.strings.slice is NumPy 2.3+: it works with this checkout's NumPy, not with Colab's 2.1.3."""
    assert hasattr(np.strings, "slice"), "this checkout's NumPy should have it"
    path = tmp_path / "99_newer_numpy.ipynb"
    nbformat.write(notebook_using('words = np.array(["colab", "jupyter"])\nnp.strings.slice(words, 0, 3)'), path)
    result = colab.run_notebook(env, path)
    assert result.status == "failed"
    line = result.line()
    assert line.startswith("99_newer_numpy ")
    assert "cell 3 (In [2]): AttributeError:" in line and "slice" in line
    assert "at `np.strings.slice(words, 0, 3)`" in line


# --- fast: the snapshot and the interpreter lookup ------------------------------------------------


def test_the_snapshot_becomes_pip_constraints_pip_accepts():
    text = colab.constraints_text()
    lines = text.splitlines()
    assert "tensorflow==2.20.0" in lines or any(line.startswith("tensorflow==") for line in lines)
    assert all("==" in line and " @ " not in line and not line.startswith(("#", "-")) for line in lines)
    assert not [line for line in lines if line.split("==")[0] in ("torch", "google-colab")]
    versions = colab.colab_versions()
    assert all(colab.normalise(name) in versions for name in colab.PACKAGES)
    assert colab.colab_python_version().startswith("3.")


def test_without_an_interpreter_of_colabs_python_it_says_how_to_get_one(monkeypatch):
    monkeypatch.delenv("COURSE_COLAB_PYTHON", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(colab.Unavailable, match=r"no Python 3\.99 interpreter.*pyenv install 3\.99"):
        colab.find_python("3.99")


# --- fast: refreshing the snapshot ------------------------------------------------------------------


def snapshot_copy(tmp_path):
    directory = tmp_path / "colab"
    directory.mkdir()
    for name in refresh_colab_snapshot.FILES:
        (directory / name).write_text((colab.SNAPSHOT_DIR / name).read_text())
    return directory


def fake_github(files):
    def get(url):
        if "api.github.com" in url:
            commit = {
                "sha": "0123456789abcdef0123456789abcdef01234567",
                "commit": {"committer": {"date": "2027-01-02T03:04:05Z"}},
            }
            return json.dumps(commit).encode()
        return files[url.rsplit("/", 1)[1]]

    return get


def test_refresh_writes_a_snapshot_that_parses_and_says_what_moved(tmp_path):
    directory = snapshot_copy(tmp_path)
    freeze = (colab.FREEZE.read_text().replace("numpy==2.1.3", "numpy==2.3.5")).encode()
    os_info = colab.OS_INFO.read_text().replace("Python 3.13.15", "Python 3.14.2").encode()
    summary = refresh_colab_snapshot.refresh(
        directory, get=fake_github({"pip-freeze.txt": freeze, "os-info.txt": os_info})
    )
    assert "0123456789ab (2027-01-02)" in summary and "Python 3.13.15 -> 3.14.2" in summary
    assert "numpy 2.1.3 -> 2.3.5" in summary
    assert (directory / "pip-freeze.txt").read_bytes() == freeze
    assert colab.colab_python_version(directory / "os-info.txt") == "3.14.2"
    assert (directory / "source.txt").read_text().startswith("googlecolab/backend-info 0123456789abcdef")


def test_refresh_keeps_the_old_snapshot_when_offline_or_given_something_else(tmp_path):
    directory = snapshot_copy(tmp_path)
    before = {path.name: path.read_text() for path in directory.iterdir()}

    def offline(url):
        raise refresh_colab_snapshot.Offline("cannot reach api.github.com (Name or service not known)")

    with pytest.raises(refresh_colab_snapshot.Offline):
        refresh_colab_snapshot.refresh(directory, get=offline)
    page = b"<!DOCTYPE html><html><body>Sign in to GitHub</body></html>"
    with pytest.raises(refresh_colab_snapshot.Invalid, match="pip-freeze.txt"):
        refresh_colab_snapshot.refresh(
            directory, get=fake_github({"pip-freeze.txt": page, "os-info.txt": colab.OS_INFO.read_bytes()})
        )
    assert {path.name: path.read_text() for path in directory.iterdir()} == before


@pytest.mark.slow
def test_a_setup_cell_that_would_install_fails_at_once_naming_the_cell(env, tmp_path):
    """In the notebook runs pip cannot download: a setup cell that does not skip its install fails there."""
    # Another release, from an address that cannot be reached: pip has nothing it may download.
    setup = generated.install_source(spec="course-utils @ https://example.invalid/course_utils-9.9.9.whl")
    setup = setup.replace(f'"{course.VERSION}"', '"9.9.9"')
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# 99 · Wants another release"), new_code_cell("SEED = 0"), new_code_cell(setup)]
    path = tmp_path / "99_other_release.ipynb"
    nbformat.write(nb, path)
    result = colab.run_notebook(env, path)
    assert result.status == "failed" and result.seconds < 60
    assert "cell 3 (In [2]): SystemExit: Could not install the course package" in result.message
