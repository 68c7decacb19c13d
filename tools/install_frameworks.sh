#!/usr/bin/env bash
# Install what notebooks/13_frameworks.ipynb needs beyond requirements.txt.
#
#   1. The package's "frameworks" extra (PyTorch and JAX, pinned in pyproject.toml) into the
#      active environment:  pip install -e ".[frameworks]".
#   2. A separate legacy environment for MXNet, which is retired (Apache attic): its last
#      release, 1.9.1, fails to import with NumPy 1.24 and later (tried: 1.24.4 and 1.26.4 stop
#      at `np.bool`, NumPy 2 at `np.PZERO`; the notebook shows the error live). It gets its own
#      virtual environment at .venv-mxnet/ in the repository (git-ignored) with NumPy 1.23.5,
#      built from a Python 3.8-3.11 (numpy 1.23.5 has no wheels for newer ones).
#      The notebook finds it there (or at $COURSE_MXNET_PYTHON) through course_utils.frameworks.
#
# Run it inside the activated project environment, from anywhere:  bash tools/install_frameworks.sh
# Idempotent (what is already in place is checked and kept), quiet (one line per step);
# on any failure it prints the failing step's full log and exits non-zero.
# Set COURSE_MXNET_BASE_PYTHON to choose the interpreter the legacy environment is built from.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MXNET_VENV="$ROOT/.venv-mxnet"
MXNET_PINS=("mxnet==1.9.1" "numpy==1.23.5")
PYTHON="${PYTHON:-python}"

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

say() { echo "install_frameworks: $*"; }
fail() { echo "install_frameworks: FAILED: $*" >&2; exit 1; }

# run "what" command...: run quietly; on failure show everything it printed.
run() {
    local what="$1"
    shift
    if ! "$@" >"$LOG" 2>&1; then
        cat "$LOG" >&2
        fail "$what (command: $*)"
    fi
}

# --- 1. PyTorch and JAX: the package's extra, into the active environment -------------------
command -v "$PYTHON" >/dev/null || fail "no '$PYTHON' on PATH: activate the project environment first"
# Already there when every pin of the extra is installed at its version (a local tag such as
# "+cpu" aside) and importable; then pip, slow even when it has nothing to do, is skipped.
EXTRA_CHECK='
import sys, tomllib
from importlib.metadata import version
with open(sys.argv[1], "rb") as file:
    pins = tomllib.load(file)["project"]["optional-dependencies"]["frameworks"]
for pin in pins:
    name, wanted = pin.split("==")
    assert version(name).split("+")[0] == wanted, (name, version(name), wanted)
import torch, jax
'
if "$PYTHON" -c "$EXTRA_CHECK" "$ROOT/pyproject.toml" >/dev/null 2>&1; then
    say "PyTorch and JAX already installed (extra 'frameworks')"
else
    run "pip install -e \".[frameworks]\"" "$PYTHON" -m pip install -q -e "$ROOT[frameworks]"
    run "checking the installed extra against pyproject.toml" "$PYTHON" -c "$EXTRA_CHECK" "$ROOT/pyproject.toml"
    say "PyTorch and JAX installed (extra 'frameworks')"
fi

# --- 2. The legacy MXNet environment ---------------------------------------------------------
# The check is the notebook's own claim: d/dx (x^2 + 3x + 2) at x = 2 is 7.
MXNET_CHECK='
import mxnet, numpy
from mxnet import autograd, nd
assert (mxnet.__version__, numpy.__version__) == ("1.9.1", "1.23.5"), (mxnet.__version__, numpy.__version__)
x = nd.array([2.0]); x.attach_grad()
with autograd.record():
    y = x**2 + 3*x + 2
y.backward()
assert x.grad.asscalar() == 7.0
'

mxnet_ok() { [ -x "$MXNET_VENV/bin/python" ] && "$MXNET_VENV/bin/python" -c "$MXNET_CHECK" >/dev/null 2>&1; }

# A Python that numpy 1.23.5 has wheels for (3.8 to 3.11). pyenv shims of versions that are
# not selected exist but fail, so each candidate is really run.
legacy_base_python() {
    local candidate
    for candidate in ${COURSE_MXNET_BASE_PYTHON:-} "$PYTHON" python3.11 python3.10 python3.9 python3.8 python3; do
        if "$candidate" -c 'import sys, venv; sys.exit(not (3, 8) <= sys.version_info[:2] <= (3, 11))' >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if mxnet_ok; then
    say "legacy MXNet environment already in place: $MXNET_VENV"
else
    BASE="$(legacy_base_python)" || fail "MXNet 1.9.1 needs a Python 3.8-3.11 with venv, none found; install one (e.g. python3.11) or set COURSE_MXNET_BASE_PYTHON"
    rm -rf "$MXNET_VENV"
    run "creating $MXNET_VENV" "$BASE" -m venv "$MXNET_VENV"
    run "pip install ${MXNET_PINS[*]} into $MXNET_VENV" "$MXNET_VENV/bin/python" -m pip install -q "${MXNET_PINS[@]}"
    run "computing a gradient with MXNet in $MXNET_VENV" "$MXNET_VENV/bin/python" -c "$MXNET_CHECK"
    say "legacy MXNet environment built: $MXNET_VENV (${MXNET_PINS[*]})"
fi
