"""Executing a notebook, and saying in one line where and why it failed.

One home for the runner (``coursetools.run``, through papermill, which adds parameter injection), the build
(``coursetools.build``) and the Colab stand-in (``coursetools.colab``, in its own kernel): the kernel run
with nbclient, the failing cell counted as in the source notebook, and its failing line taken from the
traceback (IPython 8's ``Cell In[n]`` frames, or IPython 7's ``/tmp/ipykernel_N/M.py`` frames as on Colab).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import zmq
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets.config import Config

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: Cells that papermill adds to the notebook it runs; failures are counted as in the source notebook.
ADDED_TAGS = frozenset({"injected-parameters", "papermill-error-cell-tag"})
_IPYTHON7_CELL_FRAME = re.compile(r"^/\S*/ipykernel_\d+/\d+\.py in ")


def describe(number, count, ename, evalue, line) -> str:
    """``cell 14 (In [9]): ValueError: msg at `model.fit(x)```."""
    where = f"cell {number}" if number else "a cell"
    if count:
        where += f" (In [{count}])"
    evalue = " ".join(str(evalue or "").split())[:200]
    return f"{where}: {ename}: {evalue}".rstrip(": ") + (f" at `{line}`" if line else "")


def failing_line(traceback: list[str], source: str = "") -> str:
    """The line of the cell that raised: IPython's ``---->`` arrow in the cell's own frame.

    With chained exceptions the traceback holds several sections; the cell's frame of the last one is
    where the notebook failed. Without a frame, a one-line cell is its own failing line.
    """
    found, in_cell = "", False
    for block in traceback:
        for text in ANSI.sub("", block).splitlines():
            text = text.strip()
            if text.startswith(("Cell In[", "Input In [")) or _IPYTHON7_CELL_FRAME.match(text):
                in_cell = True
            elif text.startswith("File ") or re.match(r"^/\S+\.py in ", text):
                in_cell = False
            elif in_cell:
                match = re.match(r"^-+>\s*\d+\s(.*)$", text)
                if match:
                    found, in_cell = match.group(1).strip(), False
    if found:
        return found
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[0].strip() if len(lines) == 1 else ""


def error_cells(nb) -> list[tuple[str, str]]:
    """``(exception name, description)`` of every cell that raised, in order, numbered from 1 over the
    source notebook's cells (the cells papermill adds are left out)."""
    cells = [c for c in nb.cells if not ADDED_TAGS & set(c.metadata.get("tags", []))]
    found = []
    for number, cell in enumerate(cells, start=1):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                line = failing_line(output.get("traceback", []), cell.source)
                found.append((output.ename, describe(number, cell.execution_count, output.ename, output.evalue, line)))
                break
        else:
            if cell.metadata.get("papermill", {}).get("exception") is True:
                found.append(
                    ("CellExecutionError", describe(number, cell.execution_count, "CellExecutionError", "", ""))
                )
    return found


def last_started_cell(nb) -> int | None:
    """Number (from 1, over the source notebook's cells) of the last code cell that started executing."""
    cells = [c for c in nb.cells if not ADDED_TAGS & set(c.metadata.get("tags", []))]
    started = [n for n, c in enumerate(cells, start=1) if c.cell_type == "code" and c.get("execution_count")]
    return started[-1] if started else None


def kernel_config():
    """nbclient's own kernel manager, told to encrypt the kernel's sockets when the kernel can.

    Without keys, ipykernel >= 7 warns on stderr that it runs over TCP without encryption;
    provisioning CurveZMQ keys removes the cause of that line instead of hiding it. nbclient keeps
    owning the kernel: it notices when the kernel dies and shuts it down at the end.
    """
    config = Config()
    if zmq.has("curve") and "transport_encryption" in KernelManager.class_trait_names():
        config.KernelManager.transport_encryption = "auto"
    return config


def execute(nb, cwd: Path, timeout: int, log: Path | None = None, env: dict | None = None, **client) -> tuple:
    """Run ``nb`` in place, top to bottom, in a fresh kernel with ``cwd`` as working directory.

    ``client`` goes to nbclient's ``NotebookClient`` (``kernel_name``, ``km``, ``startup_timeout``, ...).
    The kernel process's own output goes to ``log`` when given. Never raises for the notebook's own error:
    returns ``(status, message, seconds)``, status ``"passed"`` or ``"failed"``.
    """
    client.setdefault("config", kernel_config())
    runner = NotebookClient(nb, timeout=timeout, resources={"metadata": {"path": str(cwd)}}, **client)
    status, message = "passed", ""
    started = time.perf_counter()
    process_output = open(log, "wb") if log else None  # noqa: SIM115 - closed below, after the kernel
    launch = {"env": os.environ.copy() if env is None else env}
    if process_output:
        launch.update(stdout=process_output, stderr=process_output)
    try:
        runner.execute(**launch)
    except CellExecutionError:
        status = "failed"
    except Exception as error:  # noqa: BLE001 - kernel died, timeout: report it, go on
        status = "failed"
        message = f"{type(error).__name__}: " + (" ".join(str(error).split())[:300] or "no message")
    finally:
        if process_output:
            process_output.close()
    seconds = time.perf_counter() - started
    if status == "failed":
        raised = error_cells(nb)
        running = last_started_cell(nb)
        if raised:
            message = raised[0][1]
        elif not message:
            message = "failed without an error output"
        if not raised and running:
            message = f"cell {running}: {message}"
        if log and log.exists() and log.stat().st_size:
            message += f" (kernel process output: {log})"
    return status, message, seconds
