"""Refresh the committed snapshot of Google Colab's runtime (tools/colab/) from googlecolab/backend-info.

    python -m coursetools.refresh_colab_snapshot            # the newest commit of the repository's main branch
    python -m coursetools.refresh_colab_snapshot --ref a724079

Fetches ``pip-freeze.txt`` (the CPU runtime's packages) and ``os-info.txt`` (its Python), checks that
both parse (a Python version; a ``name==version`` line for every package the Colab test installs),
then replaces the copies in ``tools/colab/`` atomically and records where they came from in
``tools/colab/source.txt``. Nothing is written unless both files are fetched and valid; offline, it
says so in one line and exits with status 1. Then run the Colab test (``python -m pytest
tests/test_colab.py``): the environment is rebuilt because the snapshot changed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from coursetools import colab

REPOSITORY = "googlecolab/backend-info"
FILES = ("pip-freeze.txt", "os-info.txt")
TIMEOUT = 30


class Offline(Exception):
    """GitHub could not be reached."""


class Invalid(Exception):
    """What was fetched is not a Colab snapshot the test can use."""


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "course-utils refresh_colab_snapshot"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise Invalid(f"{url}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise Offline(f"cannot reach {url.split('/')[2]} ({reason})") from None


def resolve(ref: str, get=fetch) -> tuple[str, str]:
    """``(commit, date)`` of ``ref``; when the API refuses (rate limit), ``(ref, "")``."""
    try:
        data = json.loads(get(f"https://api.github.com/repos/{REPOSITORY}/commits/{ref}"))
        return data["sha"], data["commit"]["committer"]["date"][:10]
    except (Invalid, KeyError, ValueError):
        return ref, ""


def validate(files: dict[str, str]) -> str:
    """A one-line description of the snapshot, or :class:`Invalid` saying what is wrong."""
    with tempfile.TemporaryDirectory() as scratch:
        paths = {name: Path(scratch) / name for name in FILES}
        for name, path in paths.items():
            path.write_text(files[name])
        try:
            python = colab.colab_python_version(paths["os-info.txt"])
        except colab.BuildError as error:
            raise Invalid(f"os-info.txt: {error}") from None
        versions = colab.colab_versions(paths["pip-freeze.txt"])
    lacking = [name for name in map(colab.normalise, colab.PACKAGES) if name not in versions]
    if len(versions) < 50 or lacking:
        raise Invalid(
            f"pip-freeze.txt: {len(versions)} 'name==version' lines"
            + (f", none for {', '.join(lacking)}" if lacking else "")
        )
    return f"Python {python}, " + ", ".join(f"{name} {versions[name]}" for name in ("tensorflow", "keras", "numpy"))


def write_atomically(path: Path, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
        handle.write(text)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, path)


def changes(old_dir: Path, files: dict[str, str]) -> list[str]:
    """What moved, for the packages the Colab test installs and Colab's Python."""
    lines = []
    try:
        old_python = colab.colab_python_version(old_dir / "os-info.txt")
        old = colab.colab_versions(old_dir / "pip-freeze.txt")
    except (OSError, colab.BuildError):
        return ["(no previous snapshot)"]
    with tempfile.TemporaryDirectory() as scratch:
        for name in FILES:
            (Path(scratch) / name).write_text(files[name])
        new_python = colab.colab_python_version(Path(scratch) / "os-info.txt")
        new = colab.colab_versions(Path(scratch) / "pip-freeze.txt")
    if old_python != new_python:
        lines.append(f"Python {old_python} -> {new_python}")
    for name in map(colab.normalise, colab.PACKAGES):
        if old.get(name) != new.get(name):
            lines.append(f"{name} {old.get(name)} -> {new.get(name)}")
    return lines


def refresh(directory: Path = colab.SNAPSHOT_DIR, ref: str = "main", get=fetch) -> str:
    """Fetch, check, then write the snapshot; returns the summary. Raises Offline or Invalid, writing nothing."""
    commit, date = resolve(ref, get)
    files = {}
    for name in FILES:
        raw = get(f"https://raw.githubusercontent.com/{REPOSITORY}/{commit}/{name}")
        try:
            files[name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid(f"{name} is not UTF-8 text") from None
    description = validate(files)
    moved = changes(directory, files)
    directory.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        write_atomically(directory / name, files[name])
    write_atomically(directory / "source.txt", f"{REPOSITORY} {commit}{f' ({date})' if date else ''}\n")
    return f"snapshot of {REPOSITORY} @ {commit[:12]}{f' ({date})' if date else ''}: {description}\n" + (
        "\n".join(f"  {line}" for line in moved) if moved else "  no change to Colab's Python or the test's packages"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m coursetools.refresh_colab_snapshot", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--ref", default="main", help="branch, tag or commit of googlecolab/backend-info")
    args = parser.parse_args(argv)
    try:
        print(refresh(ref=args.ref))
    except Offline as reason:
        print(f"offline: {reason}; the snapshot in tools/colab/ is unchanged", file=sys.stderr)
        return 1
    except Invalid as reason:
        print(
            f"error: not a usable Colab snapshot ({reason}); the snapshot in tools/colab/ is unchanged", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
