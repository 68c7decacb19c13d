"""Execute course notebooks in batch with papermill, never touching the source notebooks.

    python -m coursetools.run                              # every notebook, in course order
    python -m coursetools.run 11_mnist -p EPOCHS 5         # one notebook, one parameter
    python -m coursetools.run 02 11 -p SEED 3 --output-dir /tmp/runs
    python -m coursetools.run --quick                      # smoke run with smaller parameters
    python -m coursetools.run --quick --jobs 2             # two notebooks at a time (one per core)
    python -m coursetools.run 09 11 --seeds 0-11           # claim sweep: which claims fail for which SEED

Notebooks are named by file stem (``11_mnist``), number (``11``), file name or path.
Each executed copy is written to ``--output-dir`` (default ``build/run``), run with the
notebook's folder as working directory and the caller's environment (``COURSE_DATA_DIR`` reaches the
kernel; when it is unset and ``../shared/data`` exists beside the checkout, it points there).

Before anything runs, every ``-p NAME VALUE`` is checked against the notebooks' ``parameters``
cells (read with ``ast``, never executed): the name must be declared there, and the value is
converted to the type of the declared default (``-p EPOCHS abc`` is refused when the notebook
says ``EPOCHS = 3``). With several notebooks, a parameter goes to those that declare it and must
be declared by at least one of them.

After a notebook's last cell, its claims (``claims/NN_name.py``, see :mod:`coursetools.claims`) run in
the same kernel; a claim that does not hold fails the notebook, named by its words and the value it got.

``--quick`` is a smoke run: does every cell still run? It lowers parameters to the values in
``coursetools/quick.toml``; a notebook not listed there gets ``EPOCHS = 1`` if it declares ``EPOCHS``.
Values given with ``-p`` win over quick values. Claims need the full parameters, so a quick run
does not check them.

``--seeds 0-11`` is a claim sweep: each notebook runs once per SEED (copies in ``seed_N/`` folders), and the
report lists, per notebook, every claim that failed, with the seeds it failed for and the values it got.
Exit status 1 when any claim failed.

``--jobs N`` runs N notebooks at a time, each in its own kernel and worker process; the report
stays in course order. Much of a short notebook's time is starting its kernel and importing
TensorFlow, one core's work, so two at a time on two cores finish a quick run sooner.

Exit status: 0 when every notebook ran to the end, 1 when one failed (the message names the
notebook, the cell and the failing line), 2 for bad input (one line, nothing runs).
"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
import tomllib
from tqdm import tqdm

from coursetools import claims, course, execution

#: Quick values for a notebook that ``quick.toml`` does not list.
QUICK_DEFAULTS = {"EPOCHS": 1}
QUICK_FILE = Path(__file__).with_name("quick.toml")
DEFAULT_OUTPUT_DIR = course.ROOT / "build" / "run"
KERNEL_NAME = "python3"
CELL_TIMEOUT = 1800  # seconds per cell: far above any budget, only stops a hung kernel


class RunError(Exception):
    """Bad input: reported as one line, and nothing runs."""


# ---------------------------------------------------------------------------------------------
# The parameters cell


@dataclass(frozen=True)
class Parameter:
    """One name assigned in a notebook's ``parameters`` cell."""

    name: str
    default: object = None  # the literal value, or None when it is not a literal
    literal: bool = True  # False: ``X = some_call()``, the type is unknown

    @property
    def type_name(self) -> str:
        return type(self.default).__name__ if self.literal else "any"


def parameters_cell(nb):
    """The code cell tagged ``parameters``, or None."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return cell
    return None


def parse_parameters(source: str, where: str = "the parameters cell") -> dict[str, Parameter]:
    """Every ``NAME = value`` (or ``NAME: type = value``) at the top level of ``source``."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise RunError(f"{where} is not valid Python (line {error.lineno}: {error.msg})") from None
    declared: dict[str, Parameter] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        try:
            default, literal = ast.literal_eval(value), True
        except ValueError:
            default, literal = None, False
        for target in targets:
            if isinstance(target, ast.Name):
                declared[target.id] = Parameter(target.id, default, literal)
            elif isinstance(target, (ast.Tuple, ast.List)):  # A, B = 1, 2: each name is a parameter
                names = [t.id if isinstance(t, ast.Name) else None for t in target.elts]
                values = default if literal and isinstance(default, (tuple, list)) else None
                for i, name in enumerate(names):
                    if name is None:
                        continue
                    known = values is not None and len(values) == len(names)
                    declared[name] = Parameter(name, values[i] if known else None, known)
    return declared


def _literal_or_text(text: str):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


_TRUE, _FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}


def convert(parameter: Parameter, value, where: str):
    """``value`` (usually a command-line string) as the type of ``parameter``'s default."""
    default, expected = parameter.default, parameter.type_name
    bad = RunError(
        f"{where}: {parameter.name} expects {_article(expected)} {expected} "
        f"(declared {parameter.name} = {default!r}), got {value!r}"
    )
    if not parameter.literal or default is None:
        return _literal_or_text(value) if isinstance(value, str) else value
    if not isinstance(value, str):  # a quick value, already a Python literal
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if type(value) is not type(default):
            raise bad
        return value
    text = value.strip()
    if isinstance(default, bool):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise bad
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise bad from None
    if isinstance(default, float):
        try:
            return float(text)
        except ValueError:
            raise bad from None
    if isinstance(default, str):
        return value
    parsed = _literal_or_text(text)
    if isinstance(default, (list, tuple)) and isinstance(parsed, (list, tuple)):
        return type(default)(parsed)
    if type(parsed) is not type(default):
        raise bad
    return parsed


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


# ---------------------------------------------------------------------------------------------
# Planning: which notebooks, with which parameters (all checked before anything runs)


@dataclass
class Job:
    path: Path
    declared: dict[str, Parameter]
    parameters: dict[str, object] = field(default_factory=dict)
    quick: bool = False
    sweep: bool = False  # a claim sweep: failed claims are collected per seed
    folder: str = ""  # subfolder of the output folder for the executed copy (a sweep's seed_N)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def checks_claims(self) -> bool:
        return not self.quick


def resolve_notebook(name: str) -> Path:
    """A course notebook by stem, number or file name, or any ``.ipynb`` path."""
    known = [stem for stem, _ in course.existing_notebooks()]
    key = name.removesuffix(".ipynb")
    for stem in known:
        if key == stem or key == stem.split("_", 1)[0] or (key.isdigit() and int(key) == int(stem[:2])):
            return course.notebook_path(stem)
    path = Path(name)
    if path.suffix == ".ipynb" and path.is_file():
        return path.resolve()
    planned = [stem for stem, _ in course.NOTEBOOKS if key == stem or key == stem[:2]]
    if planned:
        raise RunError(
            f"notebook {planned[0]} is part of the course but {course.notebook_path(planned[0])} does not exist yet"
        )
    choices = ", ".join(known) or "none exist yet"
    raise RunError(f"unknown notebook {name!r}: give a path to an .ipynb file or one of: {choices}")


def read_declared(path: Path) -> dict[str, Parameter]:
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:  # noqa: BLE001 - any unreadable file is bad input
        raise RunError(f"cannot read {path}: {type(error).__name__}: {(str(error).splitlines() or [''])[0]}") from None
    cell = parameters_cell(nb)
    return {} if cell is None else parse_parameters(cell.source, f"the parameters cell of {path.stem}")


def quick_table() -> dict[str, dict[str, object]]:
    """``quick.toml``: the smoke run's smaller parameters, per notebook."""
    with open(QUICK_FILE, "rb") as file:
        return tomllib.load(file)


def quick_values(name: str) -> dict[str, object]:
    return dict(quick_table().get(name, {}))


def plan(names, parameters, quick: bool = False) -> list[Job]:
    """Check every notebook name and parameter; return what to run, in order."""
    paths = (
        [resolve_notebook(n) for n in names]
        if names
        else [course.notebook_path(stem) for stem, _ in course.existing_notebooks()]
    )
    if not paths:
        raise RunError(f"no notebooks found in {course.NOTEBOOK_DIR}")
    unique = list(dict.fromkeys(paths))
    jobs = [Job(path, read_declared(path), quick=quick) for path in unique]
    if quick:
        for job in jobs:
            for name, value in quick_values(job.name).items():
                if name not in job.declared:
                    raise RunError(
                        f"{QUICK_FILE.name} gives {job.name} a quick value for {name!r}, which it does not declare"
                    )
                job.parameters[name] = convert(job.declared[name], value, f"{job.name} ({QUICK_FILE.name})")
            for name, value in QUICK_DEFAULTS.items():
                if name in job.declared and name not in job.parameters and job.name not in quick_table():
                    job.parameters[name] = convert(job.declared[name], value, f"{job.name} (--quick)")
    for name, value in parameters:
        takers = [job for job in jobs if name in job.declared]
        if not takers:
            declared = sorted({p for job in jobs for p in job.declared})
            where = (
                f"{jobs[0].name} declares no parameter"
                if len(jobs) == 1
                else "none of the selected notebooks declares parameter"
            )
            listing = ", ".join(declared) if declared else "nothing (no parameters cell)"
            raise RunError(f"{where} {name!r}; declared: {listing}")
        for job in takers:
            job.parameters[name] = convert(job.declared[name], value, job.name)
    return jobs


# ---------------------------------------------------------------------------------------------
# Running


@dataclass
class Result:
    name: str
    seconds: float
    status: str  # "passed" or "failed"
    message: str = ""  # where and why it failed
    output: Path | None = None
    claims: list[claims.Claim] | None = None  # None: not checked (a quick run, a failed cell, no claims file)

    @property
    def failed_claims(self) -> list[claims.Claim]:
        return claims.failed(self.claims or [])

    @property
    def shown_status(self) -> str:
        if self.failed_claims:
            return f"{self.status} ({len(self.failed_claims)} of {len(self.claims)} claims not held)"
        if self.claims and self.status == "passed":
            return f"passed ({len(self.claims)} claims held)"
        return self.status


def _from_error(error) -> str:
    """The description from papermill's exception alone (when the executed copy cannot be read)."""
    line = execution.failing_line(getattr(error, "traceback", []) or [], getattr(error, "source", ""))
    return execution.describe(
        None,
        getattr(error, "exec_count", None),
        getattr(error, "ename", type(error).__name__),
        getattr(error, "evalue", str(error)),
        line,
    )


def running_cell(cell_index: int | None, injected_index: int | None) -> int | None:
    """The number of the cell that was running, counted as in the source notebook (from 1).

    ``cell_index`` counts the cells of the notebook papermill runs, which has the injected
    parameters cell after the ``parameters`` cell; the source notebook does not.
    """
    if cell_index is None:
        return None
    return cell_index + 1 - (injected_index is not None and injected_index < cell_index)


def _write_partial(notebook, output: Path) -> None:
    """Keep what ran before a failure papermill does not save (a dead kernel, a timeout) for inspection."""

    if notebook is not None and not output.exists():
        try:
            nbformat.write(notebook, output)
        except Exception:  # noqa: BLE001 - the report names the failure without this copy
            pass


@contextmanager
def _process_output_to(path: Path):
    """Point file descriptors 1 and 2 at ``path`` meanwhile: a kernel started here inherits them.

    The kernel's own process output (C++ library logs, crash messages) then goes to a log file
    next to the executed copy instead of through the progress bar; the notebook's outputs are
    unaffected.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    try:
        with open(path, "wb") as log:
            os.dup2(log.fileno(), 1)
            os.dup2(log.fileno(), 2)
            yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


def execute(job: Job, output_dir: Path) -> Result:
    """Run one notebook with papermill into ``output_dir``; never raises for a notebook's own error."""

    logging.getLogger("papermill").setLevel(logging.ERROR)  # we report failures ourselves
    output = output_dir.resolve() / job.folder / job.path.name
    output.parent.mkdir(parents=True, exist_ok=True)
    log = output.with_suffix(".kernel.log")
    status, message = "passed", ""
    source = str(job.path)
    claims_cell = claims.cell_source(job.path) if job.checks_claims else None
    if claims_cell is not None:  # the claims run in the same kernel, after the last cell
        source = nbformat.read(job.path, as_version=4)
        source.cells.append(nbformat.v4.new_code_cell(claims_cell, metadata={"tags": [claims.TAG]}))
    checked = None
    # papermill would rewrite the whole output notebook before and after every cell (a second or
    # more for a notebook with many figures); it writes it once at the end instead, and these hooks
    # keep what a failure report needs: the notebook being run and the cell that is running.
    progress = {"notebook": None, "cell": None, "injected": None}

    def on_notebook_start(notebook):
        progress["notebook"] = notebook

    def on_cell_start(cell, cell_index):
        progress["cell"] = cell_index
        if "injected-parameters" in cell.metadata.get("tags", []):
            progress["injected"] = cell_index

    with _process_output_to(log):
        started = time.perf_counter()
        try:
            papermill.execute_notebook(
                source,
                str(output),
                parameters=job.parameters,
                request_save_on_cell_execute=False,
                kernel_name=KERNEL_NAME,
                cwd=str(job.path.parent),
                progress_bar=False,
                log_output=False,
                execution_timeout=CELL_TIMEOUT,
                config=execution.kernel_config(),
                # Every output has arrived when the last cell finishes, so the kernel is stopped at once:
                # a graceful shutdown waits about a second more per notebook for a TensorFlow process to
                # exit. The notebooks remove their own temporary files, nothing is left to the kernel.
                shutdown_kernel="immediate",
                on_notebook_start=on_notebook_start,
                on_cell_start=on_cell_start,
            )
            if claims_cell is not None:
                checked = _take_claims(output)
                if checked is None:
                    status, message = "failed", "the claims cell printed no results"
                elif claims.failed(checked):
                    status = "failed"
                    message = "claim not held: " + "; ".join(map(str, claims.failed(checked)))
        except papermill.PapermillExecutionError as error:
            try:
                raised = execution.error_cells(nbformat.read(output, as_version=4))
            except Exception:  # noqa: BLE001 - the exception alone still says what failed
                raised = [(error.ename, _from_error(error))]
            status, message = "failed", (raised or [(None, _from_error(error))])[0][1]
        except Exception as error:  # noqa: BLE001 - kernel died, timeout, ...: report, go on
            number = running_cell(progress["cell"], progress["injected"])
            _write_partial(progress["notebook"], output)
            status, message = (
                "failed",
                (f"cell {number}: " if number else "")
                + f"{type(error).__name__}: "
                + (" ".join(str(error).split())[:300] or "no message"),
            )
        finally:
            seconds = time.perf_counter() - started
    if log.exists() and log.stat().st_size == 0:
        log.unlink()
    elif status == "failed":
        message += f" (kernel process output: {log})"
    return Result(job.name, seconds, status, message, output, checked)


def _take_claims(output: Path) -> list[claims.Claim] | None:
    """Read the claims cell's results from an executed copy and remove the cell from it."""
    nb = nbformat.read(output, as_version=4)
    cells = [c for c in nb.cells if claims.TAG in c.metadata.get("tags", [])]
    if not cells:
        return None
    nb.cells = [c for c in nb.cells if claims.TAG not in c.metadata.get("tags", [])]
    nbformat.write(nb, output)
    return claims.parse(claims.stream_text(cells[0].outputs))


def summary_table(results: list[Result]) -> str:
    rows = [(r.name, f"{r.seconds:.1f}", r.shown_status) for r in results]
    rows.append(
        (
            "total",
            f"{sum(r.seconds for r in results):.1f}",
            f"{sum(r.status == 'passed' for r in results)}/{len(results)} passed",
        )
    )
    headers = ("notebook", "seconds", "status")
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(3)]

    def fmt(row):
        return f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]}"

    return "\n".join([fmt(headers), "  ".join("-" * w for w in widths), *map(fmt, rows)])


def start_order(jobs: list[Job], expected: dict[str, float] | None = None) -> list[int]:
    """The order in which to start the jobs when several run at a time: longest expected first.

    A long notebook started last would run alone at the end while the other workers wait; started
    first, the short ones fill in around it. Jobs without an expected time go first, in their order.
    """
    expected = expected or {}
    return sorted(range(len(jobs)), key=lambda index: -expected.get(jobs[index].name, float("inf")))


def previous_seconds(jobs: list[Job], output_dir: Path) -> dict[str, float]:
    """How long each notebook took when it last ran into ``output_dir`` (papermill records it), where it did."""

    seconds = {}
    for job in jobs:
        try:
            notebook = json.loads((output_dir / job.path.name).read_text(encoding="utf-8"))
            seconds[job.name] = float(notebook["metadata"]["papermill"]["duration"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # never ran there, or did not finish: no estimate
    return seconds


#: The kernels of a quick run with several notebooks at a time compute on one thread each (TensorFlow's
#: two thread pools, NumPy's BLAS), so that they do not take each other's cores; a quick run's numbers are
#: not checked, and a full run keeps the thread counts a student's kernel has.
ONE_THREAD_PER_KERNEL = {"TF_NUM_INTRAOP_THREADS": "1", "TF_NUM_INTEROP_THREADS": "1", "OMP_NUM_THREADS": "1"}


def _compute_on_one_thread() -> None:
    """A worker's initializer: the kernels it starts inherit :data:`ONE_THREAD_PER_KERNEL`."""
    os.environ.update(ONE_THREAD_PER_KERNEL)


def run(
    jobs: list[Job],
    output_dir: Path,
    progress: bool = True,
    workers: int = 1,
    expected: dict[str, float] | None = None,
) -> list[Result]:
    """Execute the jobs, ``workers`` notebooks at a time (each in its own kernel); results in job order.

    ``expected`` (seconds per notebook name, e.g. from :func:`previous_seconds`) only decides which
    notebooks start first when ``workers`` > 1.
    """

    output_dir.mkdir(parents=True, exist_ok=True)
    bar = tqdm(
        total=len(jobs),
        desc="notebooks",
        unit="nb",
        disable=not progress,
        file=sys.stderr,
        bar_format="{desc}: {n_fmt}/{total_fmt} |{bar}| {elapsed}<{remaining} {postfix}",
    )

    def report(job: Job, result: Result) -> None:
        shown = ", ".join(f"{k}={v!r}" for k, v in job.parameters.items())
        bar.write(
            f"{result.shown_status}  {job.name}  {result.seconds:.1f} s" + (f"  [{shown}]" if shown else ""),
            file=sys.stderr,
        )
        bar.update()

    results: dict[int, Result] = {}
    if workers <= 1 or len(jobs) <= 1:
        for index, job in enumerate(jobs):
            bar.set_postfix_str(job.name)
            results[index] = execute(job, output_dir)
            report(job, results[index])
    else:
        # Each worker is a fresh interpreter: execute() redirects the process's own stdout/stderr.
        context = multiprocessing.get_context("spawn")
        one_thread = all(job.quick for job in jobs)
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_compute_on_one_thread if one_thread else None,
        ) as pool:
            futures = {pool.submit(execute, jobs[index], output_dir): index for index in start_order(jobs, expected)}
            bar.set_postfix_str(f"{workers} at a time")
            for future in as_completed(futures):
                index = futures[future]
                results[index] = future.result()
                report(jobs[index], results[index])
    bar.close()
    return [results[index] for index in range(len(jobs))]


# ---------------------------------------------------------------------------------------------
# Command line


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage block
        raise RunError(f"{message} (see --help)")


def parse_args(argv=None):
    parser = _Parser(
        prog="python -m coursetools.run",
        description=__doc__.split("\n\n")[0],
        epilog="Exit status: 0 all passed, 1 a notebook failed, 2 bad input.",
    )
    parser.add_argument(
        "notebooks",
        nargs="*",
        metavar="NOTEBOOK",
        help="stem (11_mnist), number (11), file name or path; default: all, in course order",
    )
    parser.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a parameter declared in the notebooks' parameters cell (repeatable)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=DEFAULT_OUTPUT_DIR,
        metavar="DIR",
        help=f"where the executed copies go (default: {DEFAULT_OUTPUT_DIR})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: smaller parameters (coursetools/quick.toml, else EPOCHS=1); claims are not checked",
    )
    parser.add_argument(
        "--seeds",
        type=parse_seeds,
        metavar="LIST",
        help="claim sweep: run each notebook once per SEED (e.g. 0-11 or 0,3,7) and list every "
        "claim that fails, per notebook, with its seeds and values",
    )
    parser.add_argument(
        "--jobs",
        type=_positive_jobs,
        default=1,
        metavar="N",
        help="run N notebooks at a time, each in its own kernel (default 1; the times of a notebook "
        "then include waiting for the others)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser.parse_args(argv)


def _positive_jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs is a whole number of notebooks at a time, 1 or more; got {text!r}")
    return int(text)


def parse_seeds(text: str) -> list[int]:
    """``0-11`` or ``0,3,7`` (or both: ``0-3,9``) as a sorted list of seeds."""
    seeds = set()
    for part in text.split(","):
        low, dash, high = part.strip().partition("-")
        if not low.isdigit() or (dash and not high.isdigit()):
            raise argparse.ArgumentTypeError(f"seeds are written like 0-11 or 0,3,7; got {text!r}")
        seeds.update(range(int(low), int(high or low) + 1))
    return sorted(seeds)


def sweep(
    names, parameters, seeds: list[int], output_dir: Path, progress: bool = True, quick: bool = False, workers: int = 1
):
    """Run the notebooks once per seed; return ``{(notebook, seed): Result}``."""
    if any(name == "SEED" for name, _ in parameters):
        raise RunError("--seeds sets SEED itself; drop -p SEED")
    jobs, job_seeds = [], []
    for seed in seeds:  # one run over every (seed, notebook), so that --jobs keeps every worker busy
        for job in plan(names, [*parameters, ("SEED", str(seed))], quick=quick):
            job.sweep, job.folder = True, f"seed_{seed}"
            jobs.append(job)
            job_seeds.append(seed)
    results = run(jobs, output_dir, progress=progress, workers=workers)
    return {(result.name, seed): result for result, seed in zip(results, job_seeds)}


def sweep_report(results) -> str:
    """Per notebook: seeds whose claims all held, and every claim that failed, with its seeds and values."""
    lines = []
    for name in dict.fromkeys(name for name, _ in results):
        runs = {seed: r for (n, seed), r in results.items() if n == name}
        held = [seed for seed, r in runs.items() if r.status == "passed"]
        counts = {len(r.claims) for r in runs.values() if r.claims is not None}
        counted = f" ({'/'.join(map(str, sorted(counts)))} claims)" if counts else ""
        lines.append(f"{name}: claims held for {len(held)}/{len(runs)} seeds{counted}")
        failures: dict[str, list[str]] = {}
        for seed, result in runs.items():
            if result.status == "passed":
                continue
            if result.failed_claims:
                for claim in result.failed_claims:
                    failures.setdefault(claim.words, []).append(f"{seed} ({claim.got})")
            else:
                failures.setdefault(result.message, []).append(str(seed))
        for words, seeds in failures.items():
            lines.append(f"  NOT HELD for SEED {', '.join(seeds)}: {words}")
    return "\n".join(lines)


def sweep_record(results) -> dict:
    """``{notebook: {claim words: {seed: value}}}``, to see how far each claim is from its threshold."""
    record: dict[str, dict[str, dict[str, str]]] = {}
    for (name, seed), result in sorted(results.items(), key=lambda item: (item[0][0], item[0][1])):
        table = record.setdefault(name, {})
        for claim in result.claims or []:
            table.setdefault(claim.words, {})[str(seed)] = claim.got + ("" if claim.held else "  (NOT HELD)")
        if result.claims is None:
            table.setdefault("(claims not checked)", {})[str(seed)] = result.message
    return record


def main(argv=None) -> int:
    try:
        args = parse_args(argv)
        jobs = plan(args.notebooks, args.parameter, quick=args.quick)
        output_dir = args.output_dir.resolve()
        sources = {job.path.parent.resolve() for job in jobs}
        if output_dir in sources:
            raise RunError(f"--output-dir {args.output_dir} holds the source notebooks; choose another folder")
    except RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    course.use_offline_data()
    if args.seeds:
        return _main_sweep(args, output_dir)
    try:
        started = time.perf_counter()
        expected = previous_seconds(jobs, output_dir) if args.jobs > 1 else None
        results = run(jobs, output_dir, progress=not args.no_progress, workers=args.jobs, expected=expected)
        wall = time.perf_counter() - started
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    print(summary_table(results))
    if args.jobs > 1:
        print(f"wall time with {args.jobs} notebooks at a time: {wall:.1f} s")
    print(f"executed copies in {output_dir}")
    failed = [r for r in results if r.status != "passed"]
    for result in failed:
        print(f"FAILED {result.name}: {result.message}", file=sys.stderr)
    return 1 if failed else 0


def _main_sweep(args, output_dir: Path) -> int:
    try:
        results = sweep(
            args.notebooks,
            args.parameter,
            args.seeds,
            output_dir,
            progress=not args.no_progress,
            quick=args.quick,
            workers=args.jobs,
        )
    except RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    print(sweep_report(results))
    record = output_dir / "sweep.json"
    record.write_text(json.dumps(sweep_record(results), indent=1, ensure_ascii=False) + "\n")
    print(f"executed copies in {output_dir}/seed_N; every claim's value for every seed in {record}")
    clean = all(r.status == "passed" for r in results.values())
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
