"""Debian's Chromium for the tests that drive a browser (Playwright's own browser download fails offline)."""

import shutil

#: Headless in a container: no sandbox, no GPU, and nothing that reaches for the network on its own.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
INSTALL = "run `sudo apt-get install -y chromium` (Debian/Ubuntu) or `sudo bash tools/install_browser.sh`"


def executable() -> str | None:
    """The path of Debian's ``chromium``, or None when it is not installed."""
    return shutil.which("chromium")


def launch(playwright):
    """A headless Chromium browser from a running ``sync_playwright()``; the caller closes it."""
    return playwright.chromium.launch(executable_path=executable(), headless=True, args=FLAGS)
