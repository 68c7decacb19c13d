"""02_neuron really runs in JupyterLab in a real browser (headless Chromium driven by Playwright).

The test proves the cells ran in this browser session, not that the stored outputs exist:
it opens a copy of the notebook with every output and execution count cleared, runs all cells
from JupyterLab's Run menu, waits for the kernel to go idle, and then checks that fresh outputs
(counts 1..n, known texts, no error or stderr output) are shown in the page and saved to disk.
A screenshot goes to ``artifacts/browser/`` (git-ignored) for a human to look at.

Needs Debian's ``chromium`` (``apt-get install -y chromium``, or ``bash tools/install_browser.sh``
as root); without it the test is skipped. Playwright's own browser download is never used.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import chromium as chromium_browser
import nbformat
import pytest

from coursetools import course

NOTEBOOK = "02_neuron"
EXPECTED_TEXTS = ["z = 0.1, output = 1", "best any single line can do on XOR: 3/4"]
ARTIFACTS = course.ROOT / "artifacts" / "browser"
# Isolated JupyterLab settings: no news feed / update check (they would go online), and every
# cell attached to the page so its output can be read.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
SERVER_START_TIMEOUT = 90
RUN_TIMEOUT = 300

pytestmark = pytest.mark.slow


@pytest.fixture
def chromium() -> str:
    """Debian's Chromium, or a skip saying how to install it (checked before the server starts)."""
    path = chromium_browser.executable()
    if path is None:
        pytest.skip(f"Chromium is not installed: {chromium_browser.INSTALL}, then re-run this test")
    return path


@pytest.fixture
def page(chromium):
    """A page of headless Chromium (Debian's, never Playwright's own download), closed after the test."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements.txt (playwright)")
    with sync_api.sync_playwright() as playwright:
        browser = chromium_browser.launch(playwright)
        try:
            yield browser.new_page(viewport={"width": 1400, "height": 1000})
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cleared_copy(stem: str, folder: Path) -> tuple[Path, int]:
    """``stem`` copied into ``folder`` with outputs and counts removed (what shows was made here); its code cells."""
    nb = nbformat.read(course.notebook_path(stem), as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    for cell in code:
        cell.outputs, cell.execution_count = [], None
    path = folder / f"{stem}.ipynb"
    nbformat.write(nb, path)
    return path, len(code)


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on 127.0.0.1, isolated config, stopped by its PID afterwards."""
    root = tmp_path / "root"
    root.mkdir()
    home = tmp_path / "jupyter"
    for relative, values in LAB_SETTINGS.items():
        settings = home / "settings" / relative
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps(values))
    port, token = free_port(), uuid.uuid4().hex
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    log = (tmp_path / "jupyterlab.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--port-retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--allow-root",
            "--ServerApp.open_browser=False",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if server.poll() is not None:
                pytest.fail(
                    f"JupyterLab exited with {server.returncode}: {(tmp_path / 'jupyterlab.log').read_text()[-2000:]}"
                )
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer on {base} within {SERVER_START_TIMEOUT} s")
            time.sleep(0.5)
        yield {"root": root, "base": base, "token": token}
    finally:
        if server.poll() is None:
            os.kill(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(server.pid, signal.SIGKILL)
                server.wait(timeout=10)
        try:  # kernels the server started live in its session; none may outlive the test
            os.killpg(server.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        log.close()


def accept_dialogs(page, seen: list[str]) -> None:
    """Answer any modal dialog JupyterLab shows (e.g. kernel selection: keep the proposed kernel)."""
    dialogs = page.locator(".jp-Dialog")
    while dialogs.count():
        dialog = dialogs.first
        title = dialog.locator(".jp-Dialog-header").text_content(timeout=2000) or "(untitled)"
        seen.append(title.strip())
        dialog.locator(".jp-Dialog-button.jp-mod-accept").first.click()
        page.wait_for_timeout(300)


def wait_until(page, condition, timeout: float, dialogs: list[str], what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        accept_dialogs(page, dialogs)
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}; dialogs seen: {dialogs}")
        page.wait_for_timeout(250)


def saved_with_outputs(path: Path) -> bool:
    try:
        cells = json.loads(path.read_text())["cells"]
    except (ValueError, KeyError):  # being written
        return False
    return any(cell.get("outputs") for cell in cells if cell["cell_type"] == "code")


def open_notebook(page, lab, name: str, dialogs: list[str], code_cells: int | None = None):
    """Open ``name`` from the server's root; wait until it shows its cells (all ``code_cells``) and its kernel idles."""
    page.goto(
        f"{lab['base']}/lab/tree/{name}?reset&token={lab['token']}", wait_until="domcontentloaded", timeout=120_000
    )
    cells = page.locator(".jp-NotebookPanel .jp-CodeCell")
    opened = (lambda: cells.count() == code_cells) if code_cells else (lambda: cells.count() > 0)
    wait_until(page, opened, 120, dialogs, f"{name} to open")
    indicator = page.locator(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator")
    wait_until(
        page,
        lambda: indicator.get_attribute("data-status") == "idle",
        120,
        dialogs,
        "the kernel to start (status idle)",
    )
    return indicator


def run_cleared_copy(page, lab, path: Path, n_code: int, dialogs: list[str]) -> None:
    """Open the cleared copy (no outputs yet), Run All Cells, and wait until every cell ran and the kernel idles."""
    indicator = open_notebook(page, lab, path.name, dialogs, code_cells=n_code)
    prompts = page.locator(".jp-CodeCell .jp-InputPrompt")
    assert all(text.strip() in ("[ ]:", "") for text in prompts.all_text_contents()), (
        "the copy should have no execution counts before running"
    )
    assert page.locator(".jp-OutputArea-output").count() == 0, "the copy should have no outputs"

    run_all_cells(page, prompts, dialogs)
    # A folded input (the Colab install cell) shows no prompt: its count is checked on disk afterwards.
    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    expected_prompts = [
        f"[{i}]:" for i, cell in enumerate(code, start=1) if not cell.metadata.get("jupyter", {}).get("source_hidden")
    ]
    try:
        wait_until(
            page,
            lambda: (
                [t.strip() for t in prompts.all_text_contents() if t.strip()] == expected_prompts
                and indicator.get_attribute("data-status") == "idle"
            ),
            RUN_TIMEOUT,
            dialogs,
            f"all {n_code} cells to run and the kernel to go idle",
        )
    except pytest.fail.Exception as timeout:  # say where it stopped: the prompts and any error shown
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{path.stem}-run-timeout.png"), full_page=True)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        raise AssertionError(
            f"{timeout}; prompts {[t.strip() for t in prompts.all_text_contents()]}; "
            f"error outputs {errors.all_text_contents()[:3]}; screenshot in {ARTIFACTS}"
        ) from None


def run_all_cells(page, prompts, dialogs: list[str], attempts: int = 3) -> None:
    """Run > Run All Cells, once JupyterLab enables it; again if no cell started within 30 s.

    Lumino marks a disabled menu item with a class, not an attribute, so a click on it succeeds and
    does nothing (the notebook panel not yet the current widget, say). The selector waits for the
    enabled item; a run that never starts is retried, which cannot run the cells twice.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for _ in range(attempts):
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        item = page.locator(".lm-Menu-item:not(.lm-mod-disabled)", has_text="Run All Cells").first
        try:
            item.click(timeout=10_000)
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")  # close the menu; it is rebuilt with fresh states when reopened
            continue
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if any(text.strip() not in ("[ ]:", "") for text in prompts.all_text_contents()):
                return
            accept_dialogs(page, dialogs)
            page.wait_for_timeout(250)
    pytest.fail(f"Run All Cells did not start the notebook in {attempts} attempts; dialogs seen: {dialogs}")


def test_02_neuron_runs_in_jupyterlab_in_chromium(page, lab):
    path, n_code = cleared_copy(NOTEBOOK, lab["root"])
    dialogs: list[str] = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    run_cleared_copy(page, lab, path, n_code, dialogs)

    texts = "\n".join(page.locator(".jp-OutputArea-output").all_text_contents())
    for expected in EXPECTED_TEXTS:
        assert expected in texts, f"{expected!r} is not shown in the page"
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert errors.count() == 0, f"error or stderr output: {errors.all_text_contents()[:3]}"
    assert page.locator(".jp-OutputArea-output img").count() >= 3, "the figures should be drawn"

    page.locator(".jp-OutputArea-output", has_text=EXPECTED_TEXTS[1]).first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{NOTEBOOK}.png"))

    page.keyboard.press("Control+s")  # the outputs of this session, written by JupyterLab
    wait_until(page, lambda: saved_with_outputs(path), 60, dialogs, "JupyterLab to save the notebook")

    saved = nbformat.read(path, as_version=4)
    code = [cell for cell in saved.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, n_code + 1))
    assert not [o for c in code for o in c.outputs if o.output_type == "error" or o.get("name") == "stderr"]
    saved_text = "".join(o.get("text", "") for c in code for o in c.outputs)
    assert all(expected in saved_text for expected in EXPECTED_TEXTS)


def open_stored_notebook(page, lab, stem: str, dialogs: list[str]) -> None:
    """Copy a course notebook as stored (outputs included) into the server's root and open it."""
    shutil.copy(course.notebook_path(stem), lab["root"] / f"{stem}.ipynb")
    open_notebook(page, lab, f"{stem}.ipynb", dialogs)


@pytest.mark.parametrize("stem", ["02_neuron", "14_convolutional_networks"])
def test_badge_is_a_colab_link_and_opening_leaves_the_notebook_unmodified(page, lab, stem):
    """The first line shows the badge as a link, and opening (kernel started) does not mark the tab dirty.

    JupyterLab compares the stored language_info with the kernel's; it matches on the Python the
    notebooks were built with, which is the one this test runs.
    """
    dialogs: list[str] = []
    open_stored_notebook(page, lab, stem, dialogs)
    badge = page.locator(".jp-NotebookPanel .jp-MarkdownCell").first.locator("a:has(img)")
    wait_until(page, lambda: badge.count() == 1, 60, dialogs, "the badge to render as a link around an image")
    assert badge.get_attribute("href") == course.colab_url(stem)
    assert "colab-badge.svg" in badge.locator("img").get_attribute("src")
    page.wait_for_timeout(2000)  # the kernel's info reply has arrived and been merged by now
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=stem)
    assert tab.count() == 1
    assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), "opening marked the notebook modified"
    # What a student sees first: the Colab install cell folded, the setup cell short, no proof in any cell.
    assert page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputPlaceholder").count() == 1, "install cell not folded"
    first = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputArea-editor").all_inner_texts()[:3]
    assert "course_utils.setup(SEED" in " ".join(first) and "install" not in " ".join(first)
    page.screenshot(path=str(ARTIFACTS / f"{stem}-first-screen.png"))


@pytest.mark.parametrize("stem", ["02_neuron", "07_gradient_descent"])
def test_the_live_slider_redraws_its_figure(page, lab, stem):
    """Run the notebook in JupyterLab, click near the right end of the first slider, and see its figure change.

    The notebook is a copy without outputs, run to the end (kernel idle) before the slider is
    touched, so the figure compared is the one this session drew and the slider's callback is not
    queued behind other cells. A click on the slider's track moves the handle there (noUiSlider).
    """
    path, n_code = cleared_copy(stem, lab["root"])
    dialogs: list[str] = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    run_cleared_copy(page, lab, path, n_code, dialogs)
    cell = page.locator(".jp-CodeCell", has=page.locator(".widget-slider")).first
    figure = cell.locator(".jp-OutputArea-output img").first
    track = cell.locator(".widget-slider .noUi-base").first
    wait_until(page, lambda: figure.count() == 1 and track.count() == 1, 60, dialogs, "the slider and figure")
    before = figure.get_attribute("src")
    track.scroll_into_view_if_needed()
    box = track.bounding_box()
    page.mouse.click(box["x"] + 0.85 * box["width"], box["y"] + box["height"] / 2)
    wait_until(
        page,
        lambda: figure.count() == 1 and figure.get_attribute("src") != before,
        60,
        dialogs,
        "the figure to be redrawn after moving the slider",
    )
    assert cell.locator(".jp-OutputArea-output img").count() == 1, "the figure is redrawn in place, not added"
    page.screenshot(path=str(ARTIFACTS / f"{stem}-slider.png"))
