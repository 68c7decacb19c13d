"""Time every notebook (and three library costs) against the budgets in benchmarks/budgets.toml.

    python -m coursetools.benchmark                 # every existing notebook, in course order
    python -m coursetools.benchmark 11_mnist 14     # some notebooks (no series total then)
    python -m coursetools.benchmark --only cnn      # only the CNN race below (a few minutes)

Each notebook is executed headlessly in a fresh kernel through the batch runner
(``coursetools.run``, papermill), with its stored parameters; the executed copies go to
``build/benchmark/`` (git-ignored). The record of the run (the table below, as JSON and as
Markdown) goes to ``benchmarks/results/``, which is committed: it is the evidence for the budgets. Also measured:
``import course_utils`` in a fresh interpreter (best of 3) and the ``fit`` of the lecture notes' MLP
(784-128-10, Adam, 3 epochs, batch 128, validating on the test set exactly as the lecture notes do).

The CNN race: the course's CNN, trained with the recipe of 14_convolutional_networks (its
parameters cell gives the epochs, batch size and learning rate; the network is
``course_utils.convolutional_networks.small_cnn``, saved from the notebook's cell), and
keras.io's "Simple MNIST convnet" with its published code (Conv2D(32)-MaxPool-Conv2D(64)-MaxPool-
Flatten-Dropout(0.5)-Dense(10), Adam, batch 128, 15 epochs, validation_split 0.1), each in a fresh
interpreter set up like a notebook (``course_utils.setup(0)``). After every epoch a callback
measures the test accuracy; the clock is paused while it does, so the time reported is fit time
only. Each recipe stops once its test accuracy reaches 0.99; the table shows both
times-to-0.99 and their ratio, measured side by side in the same run.

When the whole course is timed, the quick run (``python -m coursetools.run --quick --jobs 2``, every
notebook with its quick parameters, two at a time) is timed after it, against its own budget; the
same run one notebook at a time is shown beside it for reference, and so is the full run two at a
time (the wall time of ``python -m coursetools.run --jobs 2``). The series' budget is for the
notebooks one after the other, as a student meets them. Two at a time, the longest notebooks (by
the series just measured) start first.

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

from coursetools import course, run

ROOT = course.ROOT
HERE = ROOT / "benchmarks"
BUDGETS = HERE / "budgets.toml"
RESULTS = HERE / "results"
EXECUTED = ROOT / "build" / "benchmark"
#: The quick run's budget is for `python -m coursetools.run --quick --jobs 2`: two notebooks at a time on the
#: two cores (starting a kernel and importing TensorFlow, most of a quick notebook's time, use one core).
QUICK_WORKERS = 2

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


CNN_NOTEBOOK = "14_convolutional_networks"
TARGET_ACCURACY = 0.99
RECIPES = {
    "course": "course CNN (notebook 14's recipe)",
    "keras.io": "keras.io Simple MNIST convnet",
}


def python(*args: str) -> str:
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    return result.stdout.strip().splitlines()[-1]


def measure_import(repeats: int = 3) -> float:
    return min(float(python("-c", IMPORT_CODE)) for _ in range(repeats))


def measure_lecture_mlp() -> tuple[float, float]:
    seconds, accuracy = python("-c", SEED_MLP_CODE).split()
    return float(seconds), float(accuracy)


def race(recipe: str) -> dict:
    """Train one recipe of the CNN race in this interpreter; return its time to 0.99 and accuracies.

    Runs in a child process (``--race RECIPE``) so each recipe starts from a fresh TensorFlow: that is why it
    imports the course and Keras here, not at the top of this module.
    """
    import course_utils
    from course_utils.data import prepare_images

    course_utils.setup(0)
    import keras
    import numpy as np

    from course_utils.reproducibility import seed_everything

    (x_train, y_train), (x_test, y_test) = course_utils.load_mnist()
    x_train, x_test = prepare_images(x_train, flatten=False), prepare_images(x_test, flatten=False)
    if recipe == "course":
        from course_utils.convolutional_networks import small_cnn
        from course_utils.mnist import compile_classifier, training_steps

        defaults = {name: p.default for name, p in run.read_declared(course.notebook_path(CNN_NOTEBOOK)).items()}
        epochs, batch_size = defaults["EPOCHS"], defaults["BATCH_SIZE"]
        x_fit, y_fit = x_train[:-6_000], y_train[:-6_000]
        seed_everything(0)  # as the notebook does right before building its CNN
        steps = training_steps(len(x_fit), batch_size, epochs)
        model = compile_classifier(small_cnn(), defaults["LEARNING_RATE"], steps, steps_per_execution=16)
        fit = dict(
            x=x_fit, y=y_fit, epochs=epochs, batch_size=batch_size, validation_data=(x_train[-6_000:], y_train[-6_000:])
        )
    elif recipe == "keras.io":  # https://keras.io/examples/vision/mnist_convnet/, as published
        from keras import layers

        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28, 1)),
                layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
                layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
                layers.MaxPooling2D(pool_size=(2, 2)),
                layers.Flatten(),
                layers.Dropout(0.5),
                layers.Dense(10, activation="softmax"),
            ]
        )
        model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
        fit = dict(
            x=x_train, y=keras.utils.to_categorical(y_train, 10), epochs=15, batch_size=128, validation_split=0.1
        )
    else:
        raise ValueError(f"unknown recipe {recipe!r}; known: {', '.join(RECIPES)}")

    class TestAccuracyClock(keras.callbacks.Callback):
        """After each epoch: test accuracy, with the clock paused; stop at the target."""

        def __init__(self):
            super().__init__()
            self.paused, self.accuracies, self.seconds_to_target = 0.0, [], None

        def on_epoch_end(self, epoch, logs=None):
            reached = time.perf_counter() - started - self.paused
            pause = time.perf_counter()
            predicted = self.model.predict(x_test, batch_size=1000, verbose=0).argmax(axis=1)
            self.accuracies.append(float(np.mean(predicted == y_test)))
            self.paused += time.perf_counter() - pause
            if self.accuracies[-1] >= TARGET_ACCURACY and self.seconds_to_target is None:
                self.seconds_to_target = reached
                self.model.stop_training = True

    clock = TestAccuracyClock()
    started = time.perf_counter()
    model.fit(**fit, verbose=0, callbacks=[clock])
    return {
        "recipe": recipe,
        "seconds_to_target": clock.seconds_to_target,
        "epochs": len(clock.accuracies),
        "test_accuracies": clock.accuracies,
        "parameters": model.count_params(),
    }


def measure_race() -> list[dict]:
    """Both recipes, one after the other, each in a fresh interpreter."""
    return [json.loads(python("-m", "coursetools.benchmark", "--race", recipe)) for recipe in RECIPES]


def race_rows(results: list[dict], budget) -> list[dict]:
    rows = []
    for result in results:
        reached = result["seconds_to_target"]
        accuracies = ", ".join(f"{a:.4f}" for a in result["test_accuracies"])
        note = (
            f"{result['parameters']:,} parameters; 0.99 at epoch {result['epochs']}"
            if reached is not None
            else f"never reached 0.99 in {result['epochs']} epochs"
        ) + f"; test accuracy per epoch {accuracies}"
        name = f"{RECIPES[result['recipe']]}: fit to 0.99"
        rows.append(row(name, reached, budget if result["recipe"] == "course" else None, note))
        if result["recipe"] != "course":
            rows[-1]["status"] = "reference"  # measured for the ratio, no budget of ours
    times = {r["recipe"]: r["seconds_to_target"] for r in results}
    if all(times.get(recipe) for recipe in RECIPES):
        ratio = times["keras.io"] / times["course"]
        rows.append(
            {
                "item": "ratio keras.io / course, time to 0.99",
                "seconds": None,
                "budget": None,
                "status": f"{ratio:.1f}x",
                "note": "",
                "ratio": ratio,
            }
        )
    return rows


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
    cells = [
        (
            r["item"],
            "-" if r["seconds"] is None else f"{r['seconds']:.3f}" if r["seconds"] < 1 else f"{r['seconds']:.1f}",
            "-" if r["budget"] is None else f"{r['budget']:g}",
            r["status"] + (f"  ({r['note']})" if r["note"] else ""),
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in [headers, *cells]) for i in range(3)]
    line = lambda c: f"{c[0]:<{widths[0]}}  {c[1]:>{widths[1]}}  {c[2]:>{widths[2]}}  {c[3]}"  # noqa: E731
    print(line(headers))
    print("  ".join("-" * w for w in [*widths, 6]))
    for c in cells:
        print(line(c))


def markdown_table(record) -> str:
    """The run's table as Markdown, with the machine it ran on, for benchmarks/results/."""
    lines = [
        f"# Benchmark {record['when']}",
        "",
        f"Python {record['python']} on {record['machine']}, {record['cpus']} CPUs; load average at the end "
        + ", ".join(f"{x:.1f}" for x in record["load_average"])
        + ".",
        "",
        "| item | measured s | budget s | status |",
        "| --- | ---: | ---: | --- |",
    ]
    for r in record["rows"]:
        seconds = "-" if r["seconds"] is None else f"{r['seconds']:.3g}" if r["seconds"] < 1 else f"{r['seconds']:.1f}"
        budget = "-" if r["budget"] is None else f"{r['budget']:g}"
        status = r["status"] + (f" ({r['note']})" if r["note"] else "")
        lines.append(f"| {r['item']} | {seconds} | {budget} | {status} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="stems or numbers; default: every existing notebook")
    parser.add_argument("--no-library", action="store_true", help="skip the import, seed-MLP and CNN-race measurements")
    parser.add_argument("--only", choices=["cnn"], help="cnn: only the CNN race (course CNN vs keras.io convnet)")
    parser.add_argument("--no-quick", action="store_true", help="skip the quick run of the whole course")
    parser.add_argument("--race", choices=list(RECIPES), help=argparse.SUPPRESS)  # child process of the race
    args = parser.parse_args(argv)
    course.use_offline_data()  # as the build and the runner do
    if args.race:
        print(json.dumps(race(args.race)))
        return 0
    budgets = tomllib.loads(BUDGETS.read_text())
    if args.only and args.notebooks:
        print("error: --only cnn runs no notebooks; leave out the notebook names", file=sys.stderr)
        return 2
    try:
        jobs = [] if args.only else run.plan(args.notebooks, [])
    except run.RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    rows = []
    if not args.no_library and not args.only:
        try:
            rows.append(row("import course_utils", measure_import(), budgets["import_course_utils"], "best of 3"))
        except RuntimeError as error:
            rows.append(row("import course_utils", None, budgets["import_course_utils"], str(error)))
        try:
            seconds, accuracy = measure_lecture_mlp()
            rows.append(
                row("seed MLP fit (3 epochs)", seconds, budgets["lecture_mlp_fit"], f"test accuracy {accuracy:.3f}")
            )
        except RuntimeError as error:
            rows.append(row("seed MLP fit (3 epochs)", None, budgets["lecture_mlp_fit"], str(error)))
    if args.only == "cnn" or not args.no_library:
        try:
            rows += race_rows(measure_race(), budgets["cnn_fit_to_099"])
        except RuntimeError as error:
            rows.append(row("CNN race (time to 0.99)", None, budgets["cnn_fit_to_099"], str(error)))

    stamp = time.strftime("%Y%m%d-%H%M%S")
    results = run.run(jobs, EXECUTED / stamp) if jobs else []
    for result in results:
        budget = budgets["notebooks"].get(result.name)
        if result.status == "passed":
            rows.append(row(result.name, result.seconds, budget))
        else:
            rows.append(
                {**row(result.name, None, budget, result.message[:120]), "seconds_until_failure": result.seconds}
            )
    selected_all = not args.notebooks and not args.only
    if selected_all:
        total = sum(r.seconds for r in results)
        ok = all(r.status == "passed" for r in results)
        rows.append(
            row(
                f"series ({len(results)} notebooks)",
                total if ok else None,
                budgets["series"],
                "" if ok else "a notebook failed",
            )
        )
        expected = {r.name: r.seconds for r in results}  # the longest start first when two run at a time
        if ok:
            started = time.perf_counter()
            parallel = run.run(
                run.plan([], []), EXECUTED / stamp / f"full-{QUICK_WORKERS}", workers=QUICK_WORKERS, expected=expected
            )
            wall = time.perf_counter() - started
            failed = [r.name for r in parallel if r.status != "passed"]
            rows.append(
                row(
                    f"series ({len(parallel)} notebooks, --jobs {QUICK_WORKERS}, wall time)",
                    None if failed else wall,
                    None,
                    f"failed: {', '.join(failed)}" if failed else "",
                )
            )
            if not failed:
                rows[-1]["status"] = "reference"
        if not args.no_quick:
            for workers in (1, QUICK_WORKERS):
                quick_jobs = run.plan([], [], quick=True)
                started = time.perf_counter()
                quick_results = run.run(
                    quick_jobs, EXECUTED / stamp / f"quick-{workers}", workers=workers, expected=expected
                )
                wall = time.perf_counter() - started
                failed = [r.name for r in quick_results if r.status != "passed"]
                name = f"quick run ({len(quick_results)} notebooks, " + (
                    "one at a time)" if workers == 1 else f"--jobs {workers})"
                )
                rows.append(
                    row(
                        name,
                        None if failed else wall,
                        budgets["quick_series"] if workers == QUICK_WORKERS else None,
                        f"failed: {', '.join(failed)}" if failed else "",
                    )
                )
                if workers == 1 and not failed:
                    rows[-1]["status"] = "reference"
    print_table(rows)
    record = {
        "when": stamp,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "rows": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{stamp}.json").write_text(json.dumps(record, indent=2) + "\n")
    (RESULTS / f"{stamp}.md").write_text(markdown_table(record))
    print(
        f"record in {RESULTS / stamp}.json and .md; load average during the run: "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    return 0 if all(r["status"] in ("ok", "reference") or r.get("ratio") for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
