"""Run five deep-learning frameworks side by side, and say how to install any that is missing.

TensorFlow and Keras come with the course's requirements. PyTorch and JAX are the
package's optional extra ``frameworks``::

    pip install -e ".[frameworks]"        # from a checkout of the course

MXNet is retired (moved to the Apache attic in 2023): its last release, 1.9.1, fails to
import with NumPy 1.24 and later (:func:`try_mxnet_with_this_numpy` shows the real error), so
it cannot live in the course's environment.
``tools/install_frameworks.sh`` builds a separate legacy environment for it at
``.venv-mxnet/`` in the repository, and :func:`run_in_mxnet` runs a function of
ours there in a subprocess and brings its result back. Importing MXNet takes seconds, so that
subprocess is started once and kept for every later call (:func:`start_mxnet`); it ends with the kernel.

    from course_utils import frameworks
    torch = frameworks.optional_import("torch")     # the module, or None after printing how to install it
    if torch: ...

:func:`make_line_data` makes the one task all five frameworks fit: noisy points around y = 3x + 2.
"""

from __future__ import annotations

import atexit
import importlib
import importlib.util
import inspect
import json
import os
import select
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from course_utils import gradient_descent

ROOT = Path(__file__).resolve().parent.parent

#: Environment variable naming the legacy MXNet interpreter (overrides the default location).
MXNET_PYTHON_VARIABLE = "COURSE_MXNET_PYTHON"
#: Where ``tools/install_frameworks.sh`` builds the legacy MXNet environment.
MXNET_VENV = ROOT / ".venv-mxnet"

#: Importable name -> (what the student calls it, how to install it).
OPTIONAL_FRAMEWORKS = {
    "torch": ("PyTorch", 'pip install -e ".[frameworks]"   (on Colab: PyTorch is preinstalled)'),
    "jax": ("JAX", 'pip install -e ".[frameworks]"   (on Colab: JAX is preinstalled)'),
}


def is_installed(module: str) -> bool:
    """True when ``module`` can be imported here (checked without importing it)."""
    return importlib.util.find_spec(module) is not None


def install_hint(module: str) -> str:
    """A friendly message saying that ``module`` is missing and the one command that installs it."""
    if module not in OPTIONAL_FRAMEWORKS:
        raise ValueError(f"module must be one of {sorted(OPTIONAL_FRAMEWORKS)}, got {module!r}")
    name, command = OPTIONAL_FRAMEWORKS[module]
    return (
        f"ℹ️  {name} is not installed in this environment, so its cells are skipped.\n"
        f"   To run them, install the course's optional frameworks from the repository folder:\n"
        f"       {command}\n"
        f"   then restart the kernel and run the notebook again."
    )


def optional_import(module: str):
    """Import an optional framework (``"torch"`` or ``"jax"``), or print how to install it and return None.

    JAX is pinned to the CPU (``JAX_PLATFORMS=cpu``, unless you set that variable yourself)
    before it is imported: the course's examples are tiny, the results are then the same on
    every machine, and JAX does not warn about a GPU or TPU it could not find.
    """
    hint = install_hint(module)  # also rejects a module that is not one of the optional frameworks
    if not is_installed(module):
        print(hint)
        return None
    if module == "jax":
        os.environ.setdefault("JAX_PLATFORMS", "cpu")
    return importlib.import_module(module)


# --- MXNet, in its legacy environment ------------------------------------------------------


class MXNetUnavailable(RuntimeError):
    """The legacy MXNet environment does not exist; the message says how to create it."""


class MXNetRunError(RuntimeError):
    """Code run in the legacy MXNet environment failed; the message ends with its error output."""


@dataclass
class LegacyResult:
    """What a function run by :func:`run_in_mxnet` returned, printed and how long it took."""

    value: object
    stdout: str
    seconds: float


def mxnet_python() -> Path:
    """The legacy MXNet interpreter: ``$COURSE_MXNET_PYTHON`` if set, else ``.venv-mxnet``'s python."""
    override = os.environ.get(MXNET_PYTHON_VARIABLE)
    if override:
        return Path(override)
    if sys.platform == "win32":  # pragma: no cover - the course is tested on Linux
        return MXNET_VENV / "Scripts" / "python.exe"
    return MXNET_VENV / "bin" / "python"


def mxnet_available() -> bool:
    """True when the legacy MXNet interpreter exists (run :func:`mxnet_missing_message` otherwise)."""
    return mxnet_python().is_file()


def mxnet_missing_message() -> str:
    """Why MXNet needs its own environment, where it was looked for, and the command that builds it."""
    where = mxnet_python()
    return (
        "ℹ️  MXNet's legacy environment is not here, so this cell is skipped.\n"
        f"   Looked for its Python at {where}"
        + (f" (from ${MXNET_PYTHON_VARIABLE})" if os.environ.get(MXNET_PYTHON_VARIABLE) else "")
        + ".\n"
        "   MXNet is retired (Apache attic); its last release 1.9.1 fails to import with NumPy 1.24\n"
        "   and later, so it gets a separate environment. From the repository folder, build it\n"
        "   (about 300 MB, Linux x86_64) with:\n"
        "       bash tools/install_frameworks.sh\n"
        f"   or point ${MXNET_PYTHON_VARIABLE} at a Python that has mxnet==1.9.1 and numpy==1.23.5.\n"
        "   (On Colab, whose Python is too new for NumPy 1.23.5, just read this notebook's stored output.)"
    )


#: The legacy interpreter's side of :func:`run_in_mxnet`: it imports MXNet once (the slow part), then
#: runs one function per request line and answers with one JSON line on a stream of its own, so that
#: nothing else the function or MXNet's C++ code writes can get mixed into the answers.
_WORKER = r"""
import contextlib, io, json, os, sys, time, traceback
answers = os.fdopen(os.dup(1), "w")
os.dup2(2, 1)  # anything else written to stdout, C++ code included, goes to the error stream
try:
    import mxnet  # noqa: F401  (seconds; every request after it finds MXNet imported)
except Exception:
    pass  # a Python without MXNet still runs functions that do not need it
for line in iter(sys.stdin.readline, ""):
    request = json.loads(line)
    captured = io.StringIO()
    try:
        namespace = {"__name__": "__legacy__"}
        exec(request["source"], namespace)
        with contextlib.redirect_stdout(captured):
            started = time.perf_counter()
            value = namespace[request["name"]](**request["kwargs"])
            seconds = time.perf_counter() - started
        answer = {"value": value, "stdout": captured.getvalue(), "seconds": seconds}
        text = json.dumps(answer)
    except BaseException:
        text = json.dumps({"error": traceback.format_exc()})
    answers.write(text + "\n")
    answers.flush()
"""


@dataclass
class _Worker:
    python: Path
    process: subprocess.Popen
    errors: object  # the temporary file that receives the interpreter's error output


_worker: _Worker | None = None


def _stop_worker(kill: bool = False) -> None:
    """End the legacy interpreter: at the end of its input (it finishes what it runs), or at once with ``kill``."""
    global _worker
    if _worker is None:
        return
    worker, _worker = _worker, None
    try:
        if kill:
            worker.process.kill()
        worker.process.stdin.close()  # the worker's loop ends at the end of its input
        worker.process.wait(timeout=5)
    except Exception:  # pragma: no cover - a worker that does not end on its own
        worker.process.kill()
        worker.process.wait()
    finally:
        worker.process.stdout.close()
        worker.errors.close()


atexit.register(_stop_worker)


def start_mxnet() -> None:
    """Start the legacy MXNet interpreter, if it is not running yet, and return at once.

    The interpreter imports MXNet (a few seconds) in the background, then waits for the functions
    :func:`run_in_mxnet` sends it; it is kept for every later call and ends with the kernel.
    :func:`run_in_mxnet` calls this itself. Without the environment, raises :class:`MXNetUnavailable`.
    """
    global _worker
    if not mxnet_available():
        raise MXNetUnavailable(mxnet_missing_message())
    python = mxnet_python()
    if _worker is not None and _worker.python == python and _worker.process.poll() is None:
        return
    _stop_worker()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [str(python), "-u", "-c", _WORKER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env=env,
        cwd=str(ROOT),
    )
    _worker = _Worker(python, process, errors)


def _error_tail(worker: _Worker) -> str:
    worker.errors.seek(0)
    return "\n".join(worker.errors.read().decode("utf-8", "replace").strip().splitlines()[-15:])


def run_in_mxnet(function, timeout: float = 120, **kwargs) -> LegacyResult:
    """Run ``function(**kwargs)`` in the legacy MXNet environment and return what it gave back.

    ``function`` is one of our own, self-contained functions (it imports what it needs inside
    its body); its source is sent to the legacy interpreter, which runs it offline. The
    keyword arguments and the return value must be JSON-serialisable (numbers, lists,
    dicts, strings). What the function prints comes back as ``stdout``, and ``seconds`` is the time
    the call took inside the legacy interpreter. The interpreter's own error output is kept apart, so
    nothing leaks into the notebook, and shown only in the :class:`MXNetRunError` raised when the
    function fails (or nothing answers within ``timeout`` seconds). The interpreter is started once
    (:func:`start_mxnet`) and kept, so MXNet is imported only once. Without the environment,
    :class:`MXNetUnavailable` carries :func:`mxnet_missing_message`.
    """
    start_mxnet()
    worker = _worker
    source = textwrap.dedent(inspect.getsource(function))
    request = {"source": source, "name": function.__name__, "kwargs": kwargs}
    failed = f"{function.__name__} failed in the legacy MXNet environment ({worker.python})"
    try:
        worker.process.stdin.write(json.dumps(request) + "\n")
        worker.process.stdin.flush()
        ready, _, _ = select.select([worker.process.stdout], [], [], timeout)
        line = worker.process.stdout.readline() if ready else None
    except (BrokenPipeError, OSError):
        line = ""
    if not line:
        tail = _error_tail(worker)
        _stop_worker(kill=True)  # a fresh interpreter next time
        why = f"no answer within {timeout:g} s" if line is None else "the interpreter stopped"
        raise MXNetRunError(f"{failed}: {why}\n{tail}".rstrip())
    answer = json.loads(line)
    if "error" in answer:
        tail = "\n".join(answer["error"].strip().splitlines()[-15:])
        raise MXNetRunError(f"{failed}:\n{tail}")
    return LegacyResult(value=answer["value"], stdout=answer["stdout"], seconds=answer["seconds"])


@dataclass
class ImportAttempt:
    """What happened when MXNet was imported next to this environment's NumPy."""

    numpy_version: str
    error: str | None  # the exception's last line, e.g. "AttributeError: ...", or None if it imported
    location: str | None  # where in MXNet's own source it failed: "mxnet/numpy/utils.py, line 42"
    code: str | None  # the failing line of MXNet's source


_IMPORT_PROBE = """
import json, pathlib, sys, traceback, warnings
sys.path.append({site!r})  # after this environment's own packages: its NumPy wins
import numpy
result = {{"numpy": numpy.__version__, "error": None, "location": None, "code": None}}
try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import mxnet  # noqa: F401
except Exception as error:
    result["error"] = traceback.format_exception_only(type(error), error)[0].strip()
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/mxnet/" in pathlib.Path(f.filename).as_posix()]
    if frames:
        last = frames[-1]
        path = pathlib.Path(last.filename).as_posix()
        result["location"] = path[path.rfind("mxnet/"):] + f", line {{last.lineno}}"
        result["code"] = (last.line or "").strip()
print(json.dumps(result))
"""


@dataclass
class LegacyPackage:
    """The MXNet package of the legacy environment, read from its metadata without importing it."""

    site: Path  # the folder holding the ``mxnet`` package
    version: str
    requires: list[str]  # its declared dependencies, e.g. "numpy<2.0.0,>1.16.0"


_PACKAGE_PROBE = """
import importlib.metadata, importlib.util, json
spec = importlib.util.find_spec("mxnet")
print(json.dumps({"site": spec.submodule_search_locations[0], "version": importlib.metadata.version("mxnet"),
                  "requires": importlib.metadata.requires("mxnet") or []}))
"""


_packages: dict[Path, LegacyPackage] = {}  # legacy interpreter -> its MXNet package, read once


def legacy_mxnet_package() -> LegacyPackage:
    """Where the legacy environment's MXNet lives, its version and what it declares it needs."""
    if not mxnet_available():
        raise MXNetUnavailable(mxnet_missing_message())
    if mxnet_python() in _packages:
        return _packages[mxnet_python()]
    completed = subprocess.run([str(mxnet_python()), "-c", _PACKAGE_PROBE], capture_output=True, text=True, timeout=60)
    if completed.returncode != 0:
        raise MXNetRunError(
            f"no mxnet package in the legacy environment ({mxnet_python()}):\n{completed.stderr[-500:]}"
        )
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    # "numpy (<2.0.0,>1.16.0)" in older metadata, "numpy<2.0.0,>1.16.0" in newer: one spelling
    requires = [r.split(";")[0].replace(" ", "").replace("(", "").replace(")", "") for r in found["requires"]]
    package = LegacyPackage(Path(found["site"]).parent, found["version"], requires)
    _packages[mxnet_python()] = package
    return package


def try_mxnet_with_this_numpy(timeout: float = 120) -> ImportAttempt:
    """Import the legacy environment's MXNet in a fresh process of *this* Python, next to *this* NumPy.

    This is what ``pip install mxnet`` into a current environment would give: the very MXNet 1.9.1
    package, found after this environment's own packages, so NumPy is this environment's one.
    The process is separate, so a failed import leaves the notebook's kernel untouched. Returns the
    NumPy version, the error's last line and where in MXNet's source it happened (None if it imported).
    """
    probe = _IMPORT_PROBE.format(site=str(legacy_mxnet_package().site))
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=timeout, env=env, cwd=str(ROOT)
    )
    if completed.returncode != 0 or not completed.stdout.strip():
        raise MXNetRunError(f"the import probe itself failed:\n{completed.stderr[-1000:]}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return ImportAttempt(result["numpy"], result["error"], result["location"], result["code"])


def count_code_lines(function) -> int:
    """Lines of code in a function: its source without the ``def`` line, docstring, comments and blank lines."""
    lines = textwrap.dedent(inspect.getsource(function)).splitlines()
    body = lines[1:]
    docstring = inspect.getdoc(function)
    text = "\n".join(body)
    if docstring is not None:
        for quote in ('"""', "'''"):
            start = text.find(quote)
            if start != -1 and not text[:start].strip():
                end = text.find(quote, start + 3)
                text = text[end + 3 :]
                break
    return sum(1 for line in text.splitlines() if line.strip() and not line.strip().startswith("#"))


TRUE_W, TRUE_B = 3.0, 2.0


def make_line_data(seed: int, n: int = 100, noise: float = 0.1):
    """``n`` points of y = 3x + 2 plus Gaussian noise (std ``noise``), x uniform in [-1, 1]; float32.

    The same generator as 07_gradient_descent's (:func:`course_utils.gradient_descent.make_line_data`),
    seeded with ``seed`` and cast to float32, the precision every framework here computes in.
    """
    x, y = gradient_descent.make_line_data(n, TRUE_W, TRUE_B, noise, np.random.default_rng(seed))
    return x.astype("float32"), y.astype("float32")
