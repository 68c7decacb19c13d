"""Time every notebook (and two library costs) against the budgets in benchmarks/budgets.toml.

    python benchmarks/run_benchmark.py                 # every existing notebook, in course order
    python benchmarks/run_benchmark.py 11_mnist 14     # some notebooks (no series total then)

Each notebook is executed headlessly in a fresh kernel through the batch runner
(``course_utils.run``, papermill), with its stored parameters; the executed copies go to
``benchmarks/results/`` (git-ignored) together with a JSON record of the run. Also measured:
``import course_utils`` in a fresh interpreter (best of 3) and the ``fit`` of the seed's MLP
(784-128-10, Adam, 3 epochs, batch 128, validating on the test set exactly as the seed does).

Prints a table of measured seconds against budget. Exit status 1 when anything is over its
budget, a notebook fails or has no budget; 0 otherwise. This is a measurement, not a test:
run it on an idle machine (timings on a busy one are inflated).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from course_utils import course, run  # noqa: E402

BUDGETS = HERE / "budgets.toml"
RESULTS = HERE / "results"
OFFLINE_MNIST_DIR = ROOT.parent / "shared" / "data"

IMPORT_CODE = "import time; t = time.perf_counter(); import course_utils; print(time.perf_counter() - t)"
SEED_MLP_CODE = """
import time
import course_utils
from course_utils.data import prepare_images
course_utils.setup(0)
import keras
(x_train, y_train), (x_test, y_test) = course_utils.load_mnist()
x_train, x_test = prepare_images(x_train), prepare_images(x_test)
model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(128, activation="relu"),
                          keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
started = time.perf_counter()
model.fit(x_train, y_train, epochs=3, batch_size=128, validation_data=(x_test, y_test), verbose=0)
seconds = time.perf_counter() - started
accuracy = model.evaluate(x_test, y_test, verbose=0)[1]
print(seconds, accuracy)
"""


def python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    return result.stdout.strip().splitlines()[-1]


def measure_import(repeats: int = 3) -> float:
    return min(float(python(IMPORT_CODE)) for _ in range(repeats))


def measure_seed_mlp() -> tuple[float, float]:
    seconds, accuracy = python(SEED_MLP_CODE).split()
    return float(seconds), float(accuracy)


def row(name, seconds, budget, note=""):
    if seconds is None:
        status = "FAILED"
    elif budget is None:
        status = "NO BUDGET"
    else:
        status = "ok" if seconds <= budget else "OVER"
    return {"item": name, "seconds": seconds, "budget": budget, "status": status, "note": note}


def print_table(rows) -> None:
    headers = ("item", "measured s", "budget s", "status")
    cells = [(r["item"], "-" if r["seconds"] is None else f"{r['seconds']:.3f}" if r["seconds"] < 1 else f"{r['seconds']:.1f}",
              "-" if r["budget"] is None else f"{r['budget']:g}",
              r["status"] + (f"  ({r['note']})" if r["note"] else "")) for r in rows]
    widths = [max(len(c[i]) for c in [headers, *cells]) for i in range(3)]
    line = lambda c: f"{c[0]:<{widths[0]}}  {c[1]:>{widths[1]}}  {c[2]:>{widths[2]}}  {c[3]}"  # noqa: E731
    print(line(headers))
    print("  ".join("-" * w for w in [*widths, 6]))
    for c in cells:
        print(line(c))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="stems or numbers; default: every existing notebook")
    parser.add_argument("--no-library", action="store_true", help="skip the import and seed-MLP measurements")
    args = parser.parse_args(argv)
    budgets = tomllib.loads(BUDGETS.read_text())
    if "COURSE_DATA_DIR" not in os.environ and OFFLINE_MNIST_DIR.is_dir():
        os.environ["COURSE_DATA_DIR"] = str(OFFLINE_MNIST_DIR)  # as tools/build_notebooks.py does
    try:
        jobs = run.plan(args.notebooks, [])
    except run.RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    rows = []
    if not args.no_library:
        try:
            rows.append(row("import course_utils", measure_import(), budgets["import_course_utils"], "best of 3"))
        except RuntimeError as error:
            rows.append(row("import course_utils", None, budgets["import_course_utils"], str(error)))
        try:
            seconds, accuracy = measure_seed_mlp()
            rows.append(row("seed MLP fit (3 epochs)", seconds, budgets["seed_mlp_fit"], f"test accuracy {accuracy:.3f}"))
        except RuntimeError as error:
            rows.append(row("seed MLP fit (3 epochs)", None, budgets["seed_mlp_fit"], str(error)))

    stamp = time.strftime("%Y%m%d-%H%M%S")
    results = run.run(jobs, RESULTS / stamp)
    for result in results:
        budget = budgets["notebooks"].get(result.name)
        if result.status == "passed":
            rows.append(row(result.name, result.seconds, budget))
        else:
            rows.append({**row(result.name, None, budget, result.message[:120]), "seconds_until_failure": result.seconds})
    selected_all = not args.notebooks
    if selected_all:
        total = sum(r.seconds for r in results)
        ok = all(r.status == "passed" for r in results)
        rows.append(row(f"series ({len(results)} notebooks)", total if ok else None, budgets["series"],
                        "" if ok else "a notebook failed"))
    print_table(rows)
    record = {"when": stamp, "python": platform.python_version(), "machine": platform.machine(),
              "cpus": os.cpu_count(), "load_average": os.getloadavg(), "rows": rows}
    (RESULTS / stamp).mkdir(parents=True, exist_ok=True)
    (RESULTS / stamp / "benchmark.json").write_text(json.dumps(record, indent=2))
    print(f"results in {RESULTS / stamp}; load average during the run: "
          + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    return 0 if all(r["status"] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
