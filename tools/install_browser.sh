#!/usr/bin/env bash
# Install Debian's Chromium for tests/test_browser.py (JupyterLab driven by Playwright).
# Playwright's own browser download is not used: the test drives the system `chromium`.
# Quiet when all is well; on failure prints what went wrong and exits non-zero.
#   sudo bash tools/install_browser.sh
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install_browser.sh: chromium is missing and installing it needs root: sudo bash $0" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser.sh: chromium is missing and apt-get is not available: install Chromium with your package manager" >&2
    exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q chromium; } >"$log" 2>&1; then
    echo "install_browser.sh: 'apt-get install chromium' failed; last lines of its output:" >&2
    tail -n 30 "$log" >&2
    exit 1
fi
if ! chromium --version >/dev/null 2>&1; then
    echo "install_browser.sh: chromium was installed but 'chromium --version' fails:" >&2
    chromium --version >&2 || true
    exit 1
fi
