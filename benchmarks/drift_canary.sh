#!/usr/bin/env bash
# Drift canary: does the course still run on the newest releases of its stack?
#
# Colab upgrades its packages under every course (Keras 3 broke whole chapters elsewhere).
# This builds a fresh virtual environment with the newest release of each package of the stack,
# unpinned, as Colab would have them, runs every notebook through the batch runner, and prints
# which notebooks and which claims (by their words and values) break, plus any new stderr or
# warning output (which alone breaks nbval strict). Not part of .ci/run: it measures the world,
# not this repository.
#
#   bash benchmarks/drift_canary.sh                  # build (or reuse with KEEP_VENV=1) and run
#   CANARY_DIR=/tmp/canary bash benchmarks/drift_canary.sh
#
# Exit status: 0 nothing broke, 1 something broke (listed), 2 the environment could not be built.
# A pip constraint file on this machine (pip config: global.constraint) may cap some packages;
# the version table shows what was really installed next to the pins of requirements.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CANARY_DIR="${CANARY_DIR:-$ROOT/build/drift-canary}"
VENV="$CANARY_DIR/venv"
OUT="$CANARY_DIR/notebooks"
PYTHON="${PYTHON:-python3}"
if [ -z "${COURSE_DATA_DIR:-}" ] && [ -f "$ROOT/../shared/data/mnist.npz" ]; then
    COURSE_DATA_DIR="$(cd "$ROOT/../shared/data" && pwd)"  # the offline MNIST, as .ci/run uses
    export COURSE_DATA_DIR
fi

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) TENSORFLOW=tensorflow-cpu ;;
    *) TENSORFLOW=tensorflow ;;
esac
# The stack of requirements.txt and the "frameworks" extra, without versions.
STACK=("$TENSORFLOW" keras numpy matplotlib ipykernel nbformat nbclient papermill tqdm torch jax jaxlib)

mkdir -p "$CANARY_DIR"
LOG="$CANARY_DIR/pip.log"
if [ "${KEEP_VENV:-0}" = 1 ] && [ -x "$VENV/bin/python" ]; then
    echo "drift canary: reusing $VENV"
else
    echo "drift canary: building $VENV with the newest ${STACK[*]}"
    rm -rf "$VENV"
    if ! { "$PYTHON" -m venv "$VENV" \
           && "$VENV/bin/python" -m pip install -q --upgrade pip \
           && "$VENV/bin/python" -m pip install -q --upgrade "${STACK[@]}"; } >"$LOG" 2>&1; then
        echo "drift canary: could not build the environment; last lines of $LOG:" >&2
        tail -n 30 "$LOG" >&2
        exit 2
    fi
fi
# The course package from this checkout, without installing anything into the checkout.
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"

echo
echo "== versions: pinned in requirements.txt -> newest installed =="
"$VENV/bin/python" - "$ROOT/requirements.txt" "${STACK[@]}" <<'PY'
import re, sys
from importlib.metadata import PackageNotFoundError, version
pins = {}
for line in open(sys.argv[1]):
    match = re.match(r"^([\w.\-\[\]]+)==([^;\s]+)", line.strip())
    if match:
        pins.setdefault(match.group(1).lower(), match.group(2))
try:
    import tomllib
    extra = tomllib.load(open(sys.argv[1].replace("requirements.txt", "pyproject.toml"), "rb"))
    for pin in extra["project"]["optional-dependencies"]["frameworks"]:
        name, wanted = pin.split("==")
        pins.setdefault(name.lower(), wanted)
except Exception:
    pass
for name in sys.argv[2:]:
    try:
        installed = version(name)
    except PackageNotFoundError:
        installed = "not installed"
    pinned = pins.get(name.lower(), "-")
    mark = "" if installed.split("+")[0] == pinned else "   <- moved"
    print(f"{name:<16} {pinned:>12} -> {installed:<14}{mark}")
from jupyter_client.kernelspec import KernelSpecManager
spec = KernelSpecManager().get_kernel_spec("python3")
if not spec.resource_dir.startswith(sys.prefix):
    sys.exit(f"the python3 kernel would not run in {sys.prefix} but from {spec.resource_dir}")
PY

echo
echo "== every notebook through the runner (python -m coursetools.run) =="
rm -rf "$OUT"
set +e
(cd "$ROOT" && "$VENV/bin/python" -m coursetools.run --output-dir "$OUT" --no-progress) \
    >"$CANARY_DIR/run.out" 2>"$CANARY_DIR/run.err"
status=$?
set -e
cat "$CANARY_DIR/run.out"
if [ "$status" -eq 2 ]; then
    cat "$CANARY_DIR/run.err" >&2
    exit 2
fi

echo
echo "== what breaks on the newest stack =="
"$VENV/bin/python" - "$OUT" "$CANARY_DIR/run.err" "$VENV" <<'PY'
import re, sys
from pathlib import Path
import nbformat

out, err, venv = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
broken = 0
for line in err.read_text().splitlines():
    if line.startswith("FAILED "):
        broken += 1
        print(line)
for path in sorted(out.glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if not {"injected-parameters", "papermill-error-cell-tag"} & set(c.metadata.get("tags", []))]
    for number, cell in enumerate(cells, start=1):
        for output in cell.get("outputs", []):
            text = output.get("text", "") if output.get("output_type") == "stream" else ""
            if output.get("name") == "stderr" or re.search(r"\bWarning\b|WARNING", text):
                broken += 1
                first = next((l for l in text.splitlines() if l.strip()), "")[:160]
                print(f"STDERR {path.stem}: cell {number}: {first}")
                break
if not broken:
    print("nothing: every notebook ran and every claim held, with no stderr or warning output")
sys.exit(1 if broken else 0)
PY
