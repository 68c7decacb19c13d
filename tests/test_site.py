"""The course website (python -m coursetools.site): it builds with warnings as errors, and in headless
Chromium its pages render maths, load every image, link only to pages that exist, log no console error,
give every figure an alt text and pass an axe-core scan with no serious or critical violation.

Needs the ``site`` extra (pip install -e '.[site]'), the npm assets (bash tools/fetch_site_assets.sh),
Playwright and /usr/bin/chromium; skipped with the reason otherwise. Screenshots go to artifacts/site/.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import chromium as chromium_browser
import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "build" / "site"
NODE = ROOT / "build" / "node" / "node_modules"
AXE = NODE / "axe-core" / "axe.min.js"
MATHJAX = NODE / "mathjax" / "es5" / "tex-mml-chtml.js"
ARTIFACTS = ROOT / "artifacts" / "site"
#: The index and three notebook pages with maths and figures.
PAGES = ["index.html", "02_neuron.html", "05_activation_functions.html", "08_backpropagation.html"]


def _missing() -> str | None:
    for module, what in [
        ("sphinx", "the site extra (pip install -e '.[site]')"),
        ("myst_nb", "the site extra (pip install -e '.[site]')"),
        ("sphinx_book_theme", "the site extra (pip install -e '.[site]')"),
        ("playwright", "Playwright (pip install playwright)"),
    ]:
        if importlib.util.find_spec(module) is None:
            return f"{module} not installed: needs {what}"
    for path, how in [(AXE, "bash tools/fetch_site_assets.sh"), (MATHJAX, "bash tools/fetch_site_assets.sh")]:
        if not path.exists():
            return f"{path.relative_to(ROOT)} missing: run {how}"
    if chromium_browser.executable() is None:
        return f"Chromium is not installed: {chromium_browser.INSTALL}"
    return None


pytestmark = [pytest.mark.slow, pytest.mark.skipif(_missing() is not None, reason=_missing() or "")]


@pytest.fixture(scope="module")
def site() -> Path:
    """Build the site once for the module; the build script runs sphinx-build -W (warnings are errors)."""
    result = subprocess.run([sys.executable, "-m", "coursetools.site"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"site build failed (warnings are errors):\n{result.stdout}\n{result.stderr}"
    assert (SITE / "index.html").exists()
    return SITE


@pytest.fixture(scope="module")
def server(site: Path):
    """The built site served on 127.0.0.1 from a thread; shut down after the module."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = chromium_browser.launch(p)
        try:
            yield b
        finally:
            b.close()


def test_build_has_every_notebook_in_course_order(site: Path):
    from coursetools import course

    index = (site / "index.html").read_text(encoding="utf-8")
    positions = []
    notebooks = course.existing_notebooks()
    for i, (stem, _title) in enumerate(notebooks):
        page = site / f"{stem}.html"
        assert page.exists(), f"{stem} has no page"
        html = page.read_text(encoding="utf-8")
        assert course.colab_url(stem) in html, f"{stem}: no Colab link"
        ipynb = f"{course.REPOSITORY}/blob/{course.BRANCH}/notebooks/{stem}.ipynb"
        assert ipynb in html, f"{stem}: no link to the .ipynb"
        assert f'href="{stem}.html"' in index, f"index does not link {stem}"
        # Previous/next navigation in course order (the first page's previous is the index).
        prev_page = f"{notebooks[i - 1][0]}.html" if i else "index.html"
        assert re.search(rf'class="left-prev"\s+href="{re.escape(prev_page)}"', html), f"{stem}: no link back"
        if i + 1 < len(notebooks):
            next_page = f"{notebooks[i + 1][0]}.html"
            assert re.search(rf'class="right-next"\s+href="{re.escape(next_page)}"', html), f"{stem}: no next"
        positions.append(index.index(f'href="{stem}.html"'))
        assert "cdn.jsdelivr" not in html and "unpkg.com" not in html and "fonts.googleapis" not in html
    assert positions == sorted(positions), "index lists the notebooks out of course order"


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@pytest.mark.parametrize("page_name", PAGES)
def test_page_in_browser(server: str, browser, page_name: str):
    url = urljoin(server, page_name)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console_errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: console_errors.append(f"uncaught: {exc}"))

    def route(r):
        if urlparse(r.request.url).hostname not in {"127.0.0.1"}:
            foreign.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == 200

        # Maths: MathJax typesets the page (notebook pages all hold maths).
        if page_name != "index.html":
            page.wait_for_selector("mjx-container", state="attached", timeout=60_000)
            assert page.locator("mjx-container").count() > 0
            assert page.locator(".math").count() > 0

        # Figures: every image loaded, every output image with alt text.
        broken = page.evaluate(
            """async () => {
                const imgs = Array.from(document.images);
                await Promise.all(imgs.map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }));
                return imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src);
            }"""
        )
        assert broken == [], f"{page_name}: images that did not load: {broken}"
        no_alt = page.evaluate(
            """() => Array.from(document.querySelectorAll('.cell_output img, .output img'))
                .filter(i => !(i.getAttribute('alt') || '').trim()).map(i => i.src)"""
        )
        assert no_alt == [], f"{page_name}: output images without alt text: {no_alt}"
        if page_name != "index.html":
            assert page.locator(".cell_output img").count() > 0, f"{page_name}: expected figures"

        # Same-site links: every page exists, every #fragment names an element of it.
        hrefs = page.evaluate("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
        checked: dict[str, tuple[int, str]] = {}
        bad = []
        for href in hrefs:
            if urlparse(href).netloc != urlparse(server).netloc:
                continue
            target, fragment = urldefrag(href)
            if target not in checked:
                checked[target] = _fetch(target)
            status, body = checked[target]
            if status != 200:
                bad.append(f"{href} -> {status}")
            elif fragment and f'id="{fragment}"' not in body:
                bad.append(f"{href} -> no element #{fragment}")
        assert bad == [], f"{page_name}: broken links:\n" + "\n".join(bad)

        # Accessibility: axe-core, no serious or critical violation.
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} at " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in results["violations"]
            if v.get("impact") in {"serious", "critical"}
        ]
        assert serious == [], f"{page_name}: axe-core violations:\n" + "\n".join(serious)

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{Path(page_name).stem}.png"), full_page=False)

        assert foreign == [], f"{page_name}: requests off the local site: {foreign}"
        assert console_errors == [], f"{page_name}: console errors: {console_errors}"
    finally:
        page.close()
