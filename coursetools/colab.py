"""A stand-in for Google Colab's CPU runtime, and the course notebooks run in it.

    python -m coursetools.colab                  # build (or reuse) the environment, run every notebook
    python -m coursetools.colab 02 11            # only these notebooks (stem, number or path)
    python -m coursetools.colab --build-only     # only build (or reuse) the environment

``tests/test_colab.py`` runs the same thing in the test command. What it builds, under
``build/colab-env/`` (git-ignored):

- ``venv/``: a virtual environment on Colab's Python minor version (``tools/colab/os-info.txt``),
  from pyenv (``pyenv versions --bare``), ``$COURSE_COLAB_PYTHON`` or ``python3.X`` on the PATH,
  with Colab's versions of everything the notebooks touch (``PACKAGES``, installed with Colab's
  ``pip freeze`` in ``tools/colab/pip-freeze.txt`` as pip constraints). PyTorch and JAX are left out,
  so the cells of ``13_frameworks`` take their "not installed" path. Rebuilt only when the
  snapshot, ``PACKAGES``, the interpreter or ``pyproject.toml``'s dependencies change.
- a stand-in ``google.colab`` module that an IPython startup file imports when the kernel starts,
  as Colab's kernel does: the notebooks' setup cell then takes its Colab branch.
- ``course_utils`` installed by the setup cell itself: the setup cell of the first notebook runs in
  that kernel with its install spec pointed at ``course-utils @ git+file://<this repository>@<HEAD>``
  (so what is tested is ``pyproject.toml``'s dependency ranges on Colab's stack, not
  ``requirements.txt``). Redone when HEAD moves; it fails when the install changes any of Colab's
  packages. Uncommitted changes to ``course_utils`` are not in it, unless ``COURSE_COLAB_WORKTREE=1``
  (or ``--worktree``): then the setup cell installs from a commit of the working tree made in
  ``build/colab-env/worktree/`` (this checkout untouched).

``COURSE_COLAB_ENV_DIR`` puts the environment elsewhere (e.g. a cache kept between CI runs: the
stack is keyed, so a stale one is rebuilt, and course_utils is reinstalled for each new commit).

The notebooks then run from ``notebooks/`` (cwd) in that kernel with nbclient, with pip unable to
download anything: the setup cell must find ``course_utils`` already installed and skip its install,
as on a second run on Colab. Each executed copy goes to ``build/colab-env/runs/``, with the kernel's
own process output beside it; one summary line per notebook goes to ``build/colab-env/summary.txt``.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import tomllib
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager

from coursetools import course, execution, generated

ROOT = course.ROOT

SNAPSHOT_DIR = ROOT / "tools" / "colab"
FREEZE = SNAPSHOT_DIR / "pip-freeze.txt"
OS_INFO = SNAPSHOT_DIR / "os-info.txt"
#: Where the environment lives; ``COURSE_COLAB_ENV_DIR`` moves it, e.g. outside a CI clone so that it is reused.
ENV_DIR = Path(os.environ.get("COURSE_COLAB_ENV_DIR") or ROOT / "build" / "colab-env")
OFFLINE_MNIST_DIR = course.OFFLINE_DATA_DIR
#: The repository whose HEAD the setup cell installs course_utils from (this checkout).
REPOSITORY_DIR = ROOT
#: Set to 1 to install course_utils from a snapshot of the working tree instead of HEAD (uncommitted changes too).
WORKTREE_VARIABLE = "COURSE_COLAB_WORKTREE"

#: What the notebooks and course_utils touch, at Colab's versions. Not torch/jax: 13_frameworks'
#: cells then take their "not installed" path (and the environment stays about 1.5 GB smaller).
PACKAGES = [
    "pip",
    "setuptools",
    "wheel",
    "tensorflow",
    "keras",
    "numpy",
    "matplotlib",
    "matplotlib-inline",
    "ipykernel",
    "ipython",
    "ipywidgets",
    "jupyter_client",
    "jupyter_core",
    "traitlets",
    "pyzmq",
    "tornado",
    "nbformat",
    "nbclient",
    "tqdm",
    "h5py",
    "ml_dtypes",
    "protobuf",
    "pillow",
    "threadpoolctl",  # 08_backpropagation; a dependency of course_utils
    "tensorboard",  # 12_generalisation's keras.callbacks.TensorBoard
]
#: Must stay absent, so the frameworks notebook is tested the way described above.
ABSENT = ["torch", "jax"]
#: Bump to force a rebuild when the way the environment is built changes.
BUILD_SCHEME = 1
CELL_TIMEOUT = 900  # seconds per cell: only stops a hung kernel
STARTUP_TIMEOUT = 120

_REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")
_NETWORK_TROUBLE = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "No route to host",
    "ConnectTimeoutError",
    "ProxyError",
)


class Unavailable(Exception):
    """The environment cannot be built on this machine (no interpreter of Colab's Python, no network)."""


class BuildError(Exception):
    """Building the environment failed for a reason the project must fix."""


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# ---------------------------------------------------------------------------------------------
# The snapshot


def colab_python_version(os_info: Path = OS_INFO) -> str:
    """Colab's Python, e.g. ``3.13.15``, as its ``os-info.txt`` states it."""
    match = re.search(r"^Python (3\.\d+\.\d+)", os_info.read_text(), re.M)
    if not match:
        raise BuildError(f"{os_info} names no Python version (expected a line 'Python 3.X.Y')")
    return match.group(1)


def colab_versions(freeze: Path = FREEZE) -> dict[str, str]:
    """``{normalised name: version}`` for every ``name==version`` line of Colab's ``pip freeze``."""
    versions = {}
    for line in freeze.read_text().splitlines():
        match = _REQUIREMENT.match(line.strip())
        if match:
            versions[normalise(match.group(1))] = match.group(2)
    return versions


def constraints_text(freeze: Path = FREEZE) -> str:
    """Colab's ``pip freeze`` as pip constraints: only ``name==version`` lines.

    Left out: comments, direct references (``name @ https://...``, ``name @ git+...``,
    ``name @ file://...``: pip refuses them as constraints) and ``-e`` lines.
    """
    kept = [line.strip() for line in freeze.read_text().splitlines() if _REQUIREMENT.match(line.strip())]
    return "\n".join(kept) + "\n"


# ---------------------------------------------------------------------------------------------
# Colab's Python


def find_python(minor: str) -> Path:
    """An interpreter of Python ``minor`` (e.g. ``3.13``), or :class:`Unavailable` saying where it looked."""
    override = os.environ.get("COURSE_COLAB_PYTHON")
    if override:
        if not Path(override).is_file():
            raise Unavailable(f"COURSE_COLAB_PYTHON={override} does not exist")
        return Path(override)
    looked = []
    pyenv = shutil.which("pyenv")
    if pyenv:
        done = subprocess.run([pyenv, "versions", "--bare"], capture_output=True, text=True)
        pattern = re.compile(rf"{re.escape(minor)}\.\d+")
        candidates = [v.strip() for v in done.stdout.splitlines() if pattern.fullmatch(v.strip())]
        candidates.sort(key=lambda v: int(v.rsplit(".", 1)[1]), reverse=True)
        for version in candidates:
            prefix = subprocess.run([pyenv, "prefix", version], capture_output=True, text=True).stdout.strip()
            python = Path(prefix) / "bin" / f"python{minor}"
            if python.is_file():
                return python
        looked.append(f"pyenv ({', '.join(candidates) or f'no {minor}.x among `pyenv versions --bare`'})")
    else:
        looked.append("pyenv (not on the PATH)")
    on_path = shutil.which(f"python{minor}")
    if on_path:
        return Path(on_path)
    looked.append(f"python{minor} on the PATH")
    raise Unavailable(
        f"no Python {minor} interpreter (Colab's Python) on this machine: looked in "
        f"{' and '.join(looked)}. Install one (`pyenv install {minor}`) or set COURSE_COLAB_PYTHON to its path"
    )


# ---------------------------------------------------------------------------------------------
# Building


@dataclass
class ColabEnv:
    """A built environment: its interpreter, kernelspec and what it holds."""

    directory: Path
    python: Path
    python_version: str
    source: str  # where course_utils came from: "HEAD <commit>" or "the working tree"
    versions: dict[str, str]
    lock: object = None

    def release(self) -> None:
        """Let another session rebuild the environment (call when done running notebooks)."""
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def __enter__(self) -> ColabEnv:
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    @property
    def kernels(self) -> Path:
        return self.directory / "kernels"

    def describe(self) -> str:
        shown = ", ".join(
            f"{name} {self.versions.get(name, '?')}"
            for name in ("tensorflow", "keras", "numpy", "matplotlib", "ipykernel", "ipython")
        )
        return (
            f"Colab stand-in: Python {self.python_version}, {shown}; "
            f"course-utils {self.versions.get('course-utils', '?')} installed by the setup cell from {self.source}"
        )


def _run(command: list, what: str, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip()
        if any(sign in output for sign in _NETWORK_TROUBLE):
            raise Unavailable(f"{what}: no network to download Colab's packages ({_last_line(output)})")
        raise BuildError(f"{what} failed:\n{output[-3000:]}")
    return done


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def _log(message: str) -> None:
    print(f"[colab-env] {message}", file=sys.stderr, flush=True)


def _lock(directory: Path):
    """The environment's lock file: exclusive while building, shared while notebooks run in it, so two
    test sessions never rebuild the environment under each other's kernels."""
    directory.mkdir(parents=True, exist_ok=True)
    handle = open(directory / ".lock", "w")  # noqa: SIM115 - held by the ColabEnv until release()
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _pyproject_dependencies() -> list[str]:

    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def stack_key(python: Path, constraints: str) -> str:
    """What the installed stack depends on; a different key means a fresh environment."""
    version = subprocess.run(
        [str(python), "-c", "import sys; print(sys.version)"], capture_output=True, text=True
    ).stdout.strip()
    parts = [
        f"scheme {BUILD_SCHEME}",
        str(python),
        version,
        constraints,
        "\n".join(PACKAGES),
        "\n".join(_pyproject_dependencies()),
    ]
    return hashlib.sha256("\n--\n".join(parts).encode()).hexdigest()


def head_commit(repository: Path = REPOSITORY_DIR) -> str:
    return _run(["git", "-C", repository, "rev-parse", "HEAD"], "git rev-parse HEAD").stdout.strip()


def worktree_snapshot(env_dir: Path) -> Path:
    """A repository at ``build/colab-env/worktree`` whose HEAD is this checkout's working tree, committed
    there (tracked and untracked files, not ignored ones) with a fixed date: the same files give the same
    commit, so the environment reinstalls course_utils only when they change. This checkout is not touched."""
    snapshot = env_dir / "worktree"
    if snapshot.exists():
        shutil.rmtree(snapshot)
    _run(["git", "clone", "-q", "--no-checkout", ROOT, snapshot], "cloning this checkout")
    listed = _run(["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], "git ls-files")
    for name in sorted(set(filter(None, listed.stdout.split("\0")))):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    fixed = {
        "GIT_AUTHOR_NAME": "colab-env",
        "GIT_AUTHOR_EMAIL": "colab-env@localhost",
        "GIT_COMMITTER_NAME": "colab-env",
        "GIT_COMMITTER_EMAIL": "colab-env@localhost",
        "GIT_AUTHOR_DATE": "2000-01-01T00:00:00+0000",
        "GIT_COMMITTER_DATE": "2000-01-01T00:00:00+0000",
    }
    _run(["git", "-C", snapshot, "add", "-A"], "git add (working tree snapshot)")
    _run(
        ["git", "-C", snapshot, "commit", "-q", "--allow-empty", "--no-verify", "-m", "working tree"],
        "git commit (working tree snapshot)",
        env={**os.environ, **fixed},
    )
    return snapshot


def uncommitted_package_changes() -> list[str]:
    """Files of the installed package that differ from HEAD here (they are not in the environment)."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", "course_utils", "pyproject.toml"],
        capture_output=True,
        text=True,
    )
    return [line[3:] for line in done.stdout.splitlines() if line.strip()]


def installed_versions(python: Path) -> dict[str, str]:
    done = _run([python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check"], "pip list")
    return {normalise(item["name"]): item["version"] for item in json.loads(done.stdout)}


def install_spec_for(commit: str, repository: Path = REPOSITORY_DIR) -> str:
    """The setup cell's install spec, pointed at this repository's commit instead of the public release."""
    return f"course-utils @ git+file://{repository}@{commit}"


def _write_stand_in(directory: Path) -> None:
    """``google.colab`` (no ``google/__init__.py``: ``google`` stays a namespace package, protobuf's
    ``google.protobuf`` keeps working) and an IPython startup file that imports it, as Colab's kernel does."""
    package = directory / "stand-in" / "google" / "colab"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(
        '"""Stand-in for Colab\'s google.colab: its presence is what the '
        'course\'s setup cell checks."""\n\nSTAND_IN = True\n'
    )
    startup = directory / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-google-colab.py").write_text("import google.colab  # noqa: F401  (Colab's kernel imports it)\n")


def _write_kernelspec(directory: Path, python: Path) -> None:
    spec = directory / "kernels" / "colab"
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (Colab stand-in)",
                "language": "python",
            },
            indent=1,
        )
        + "\n"
    )


def kernel_environment(env_dir: Path, python: Path, allow_pip: bool = False) -> dict[str, str]:
    """The kernel's environment: as on Colab, nothing of this checkout's own virtual environment.

    Without ``allow_pip``, pip cannot download anything (no index, git limited to local
    repositories): a setup cell that tried to install instead of skipping fails at once.
    """
    keep = (
        "HOME",
        "LANG",
        "LC_ALL",
        "TMPDIR",
        "TERM",
        "USER",
        "COURSE_DATA_DIR",
        "SSL_CERT_FILE",
        "PIP_CERT",
        "PIP_DEFAULT_TIMEOUT",
        "PIP_FIND_LINKS",
        "PIP_INDEX_URL",
        "PIP_EXTRA_INDEX_URL",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "NO_PROXY",
        "http_proxy",
        "https_proxy",
        "no_proxy",
    )
    env = {name: os.environ[name] for name in keep if name in os.environ}
    if "COURSE_DATA_DIR" not in env and OFFLINE_MNIST_DIR.is_dir():
        env["COURSE_DATA_DIR"] = str(OFFLINE_MNIST_DIR)  # as conftest.py: offline MNIST
    own = {str(ROOT / ".venv" / "bin"), os.environ.get("VIRTUAL_ENV", "\0") + "/bin"}
    path = [part for part in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep) if part not in own]
    env.update(
        {
            "PATH": os.pathsep.join([str(python.parent), *path]),
            "PYTHONPATH": str(env_dir / "stand-in"),
            "IPYTHONDIR": str(env_dir / "ipython"),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "PYTHONUNBUFFERED": "1",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # ipykernel's debugger: no frozen-modules notice at start
        }
    )
    if not allow_pip:
        env.update({"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "GIT_ALLOW_PROTOCOL": "file"})
    return env


def _build_stack(env_dir: Path, python: Path, constraints: Path) -> Path:
    venv = env_dir / "venv"
    if venv.exists():
        shutil.rmtree(venv)
    _log(f"creating {venv} from {python}")
    _run([python, "-m", "venv", venv], "creating the virtual environment")
    env_python = venv / "bin" / "python"
    _log(f"installing Colab's versions of {len(PACKAGES)} packages (pip constraints: {FREEZE.relative_to(ROOT)})")
    _run([env_python, "-m", "pip", "install", "-q", "-c", constraints, *PACKAGES], "installing Colab's packages")
    return env_python


def _check_stack(env_python: Path, wanted: dict[str, str]) -> dict[str, str]:
    have = installed_versions(env_python)
    wrong = [
        f"{name} {have.get(name, 'missing')} (Colab: {wanted[name]})"
        for name in map(normalise, PACKAGES)
        if name in wanted and have.get(name) != wanted[name]
    ]
    present = [name for name in ABSENT if name in have]
    if wrong or present:
        raise BuildError(
            "the environment does not hold Colab's versions: "
            + "; ".join(wrong + [f"{name} is installed (must be absent)" for name in present])
        )
    return have


def _install_course_utils(env_dir: Path, env_python: Path, repository: Path, commit: str) -> dict[str, str]:
    """Install course_utils as the published install cell does: the generated cell, after the first notebook's
    cells before it (as committed at ``commit``), run in the Colab kernel with its URL at ``git+file://`` of
    ``commit``."""

    spec = install_spec_for(commit, repository)
    subprocess.run([str(env_python), "-m", "pip", "uninstall", "-y", "-q", "course-utils"], capture_output=True)
    before = installed_versions(env_python)
    stem, nb = _first_notebook_at(repository, commit)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    setup_index = next((i for i, cell in enumerate(code) if generated.is_install_cell(cell)), None)
    if setup_index is None:
        raise BuildError(f"{stem} has no Colab install cell (starting with {generated.INSTALL_TITLE!r})")
    # The committed cell of an unpublished course installs nothing; the published form is what Colab will
    # run, so that is what is tested, pointed at this commit.
    installer = nbformat.v4.new_notebook()
    installer.cells = [nbformat.v4.new_code_cell(cell.source) for cell in code[:setup_index]]  # SEED and the like
    installer.cells.append(nbformat.v4.new_code_cell(generated.install_source(spec)))
    _log(f"installing course-utils with {stem}'s setup cell from {spec}")
    result = execute(installer, env_dir, env_python, "install", cwd=course.NOTEBOOK_DIR, allow_pip=True)
    if result.status != "passed":
        raise BuildError(f"the setup cell could not install course-utils from {spec}: {result.message}")
    after = installed_versions(env_python)
    changed = [
        f"{name} {before[name]} -> {after.get(name, 'removed')}" for name in before if after.get(name) != before[name]
    ]
    added = [f"{name} {after[name]}" for name in after if name not in before and name != "course-utils"]
    if changed or added:
        (env_dir / "stack.key").unlink(missing_ok=True)  # the stack is no longer Colab's: rebuild next time
        raise BuildError(
            "installing course-utils as the setup cell does changed Colab's own packages ("
            + "; ".join(changed + [f"added {a}" for a in added])
            + "): pyproject.toml's dependency ranges must admit Colab's versions"
        )
    if after.get("course-utils") != course.VERSION:
        raise BuildError(f"the setup cell installed course-utils {after.get('course-utils')}, not {course.VERSION}")
    return after


def _first_notebook_at(repository: Path, commit: str):
    """``(stem, notebook)`` of the first course notebook as committed at ``commit``."""

    for stem, _ in course.NOTEBOOKS:
        shown = subprocess.run(
            ["git", "-C", str(repository), "show", f"{commit}:notebooks/{stem}.ipynb"], capture_output=True, text=True
        )
        if shown.returncode == 0:
            return stem, nbformat.reads(shown.stdout, as_version=4)
    raise BuildError(f"no course notebook at {commit[:12]} in {repository}")


def build(env_dir: Path = ENV_DIR, rebuild: bool = False, worktree: bool | None = None) -> ColabEnv:
    """The Colab environment, built or reused; :class:`Unavailable` when this machine cannot have it.

    ``course_utils`` comes from this checkout's HEAD, or with ``worktree`` (default: the variable
    ``COURSE_COLAB_WORKTREE=1``) from its working tree, uncommitted changes included."""
    if worktree is None:
        worktree = os.environ.get(WORKTREE_VARIABLE, "") not in ("", "0")
    version = colab_python_version()
    minor = version.rsplit(".", 1)[0]
    python = find_python(minor)
    wanted = colab_versions()
    missing = [name for name in map(normalise, PACKAGES) if name not in wanted]
    if missing:
        raise BuildError(f"Colab's pip freeze ({FREEZE.relative_to(ROOT)}) has no version of {', '.join(missing)}")
    lock = _lock(env_dir)
    try:
        return _build_locked(env_dir, python, wanted, rebuild, lock, worktree)
    except BaseException:
        lock.close()
        raise


def _build_locked(env_dir: Path, python: Path, wanted: dict[str, str], rebuild: bool, lock, worktree: bool) -> ColabEnv:
    constraints = env_dir / "constraints.txt"
    text = constraints_text()
    key = stack_key(python, text)
    env_python = env_dir / "venv" / "bin" / "python"
    stack_file, package_file = env_dir / "stack.key", env_dir / "package.key"
    fresh = rebuild or not env_python.exists() or not stack_file.exists() or stack_file.read_text() != key
    if fresh:
        stack_file.unlink(missing_ok=True)
        package_file.unlink(missing_ok=True)
        constraints.write_text(text)
        started = time.perf_counter()
        env_python = _build_stack(env_dir, python, constraints)
        _check_stack(env_python, wanted)
        stack_file.write_text(key)
        _log(f"stack built in {time.perf_counter() - started:.0f} s")
    _write_stand_in(env_dir)
    _write_kernelspec(env_dir, env_python)
    repository = worktree_snapshot(env_dir) if worktree else REPOSITORY_DIR
    commit = head_commit(repository)
    spec = install_spec_for(commit, repository)
    if not package_file.exists() or package_file.read_text() != spec:
        package_file.unlink(missing_ok=True)
        have = _install_course_utils(env_dir, env_python, repository, commit)
        package_file.write_text(spec)
    else:
        have = installed_versions(env_python)
    python_version = _run(
        [env_python, "-c", "import platform; print(platform.python_version())"], "python --version"
    ).stdout.strip()
    fcntl.flock(lock, fcntl.LOCK_SH)  # built: others may run notebooks in it too, none may rebuild it
    source = "the working tree" if worktree else f"HEAD {commit[:12]}"
    return ColabEnv(env_dir, env_python, python_version, source, have, lock)


# ---------------------------------------------------------------------------------------------
# Running notebooks


@dataclass
class Result:
    name: str
    seconds: float
    status: str  # "passed" or "failed"
    message: str = ""
    output: Path | None = None

    def line(self) -> str:
        text = f"{self.name:<28} {self.seconds:7.1f} s  {self.status}"
        return text + (f": {self.message}" if self.message else "")


def execute(
    nb, env_dir: Path, env_python: Path, name: str, cwd: Path, output: Path | None = None, allow_pip: bool = False
) -> Result:
    """Run ``nb`` top to bottom in the Colab kernel; never raises for the notebook's own error."""
    runs = env_dir / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    output = output or runs / f"{name}.ipynb"
    km = AsyncKernelManager(
        kernel_name="colab", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(env_dir / "kernels")])
    )
    status, message, seconds = execution.execute(
        nb,
        cwd,
        CELL_TIMEOUT,
        log=output.with_suffix(".kernel.log"),
        env=kernel_environment(env_dir, env_python, allow_pip=allow_pip),
        km=km,
        startup_timeout=STARTUP_TIMEOUT,
        extra_arguments=["--HistoryManager.hist_file=:memory:"],
    )
    nbformat.write(nb, output)
    return Result(name, seconds, status, message, output)


def run_notebook(env: ColabEnv, path: Path, name: str | None = None) -> Result:
    """Run the notebook at ``path`` (cwd: its folder) in the Colab kernel, pip unable to install.

    Its install cell is run in the form a published course has (an unpublished one stops on Colab, by design),
    pointed at this checkout: course_utils is already installed at its version, so the cell skips pip."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source == generated.install_source():  # the generated cell, as committed
            cell.source = generated.install_source(spec=install_spec_for(head_commit()))
    return execute(nb, env.directory, env.python, name or path.stem, cwd=path.parent)


def write_summary(env: ColabEnv, results: list[Result], path: Path | None = None) -> str:
    lines = [env.describe()]
    stale = uncommitted_package_changes() if env.source.startswith("HEAD") else []
    if stale:
        lines.append(f"note: uncommitted changes not in the environment: {', '.join(stale)}")
    lines += [result.line() for result in results]
    total = sum(result.seconds for result in results)
    passed = sum(result.status == "passed" for result in results)
    lines.append(f"{'total':<28} {total:7.1f} s  {passed}/{len(results)} passed")
    text = "\n".join(lines) + "\n"
    (path or env.directory / "summary.txt").write_text(text)
    return text


def _notebook_path(argument: str) -> Path:
    candidate = Path(argument)
    if candidate.suffix == ".ipynb" and candidate.exists():
        return candidate.resolve()
    for stem, _ in course.existing_notebooks():
        if argument in (stem, stem[:2]):
            return course.notebook_path(stem)
    raise SystemExit(f"error: no notebook {argument!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools.colab", description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="stems, numbers or paths (default: every notebook)")
    parser.add_argument("--build-only", action="store_true", help="build or reuse the environment, run nothing")
    parser.add_argument("--rebuild", action="store_true", help="build the environment afresh")
    parser.add_argument(
        "--worktree",
        action="store_true",
        default=None,
        help="course_utils from the working tree, uncommitted changes included (default: HEAD)",
    )
    args = parser.parse_args(argv)
    paths = [_notebook_path(a) for a in args.notebooks] or [
        course.notebook_path(s) for s, _ in course.existing_notebooks()
    ]
    try:
        env = build(rebuild=args.rebuild, worktree=args.worktree)
    except Unavailable as reason:
        print(f"skipped: {reason}", file=sys.stderr)
        return 0
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    with env:
        print(env.describe())
        if args.build_only:
            return 0
        results = []
        for path in paths:
            results.append(run_notebook(env, path))
            print(results[-1].line(), flush=True)
        print(write_summary(env, results).splitlines()[-1])
    return 0 if all(result.status == "passed" for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
