"""Generate the parts of every notebook that must never be edited by hand.

Each notebook has three generated cells, recognised by a marker:

* the Colab badge line in the first (title) cell, recognised by the badge image's URL (a line that
  starts with an HTML comment would be an HTML block, and the badge would show as literal text);
* the setup code cell, first line ``# Setup (generated ...)``: installs the course
  package on Colab, then imports ``course_utils`` and calls ``setup(SEED)``;
* the last cell, ``<!--navigation-->``: previous / contents / next links.

The README's contents table, between ``<!--contents-->`` markers, is generated too.

    python -m coursetools.generated           # rewrite notebooks and README
    python -m coursetools.generated --check   # exit 1 if anything is out of date
"""

from __future__ import annotations

import argparse
import re
import sys

import nbformat

from coursetools import course

BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
NAV_MARKER = "<!--navigation-->"
#: The first line of the Colab install cell: a Colab form title, so Colab shows the title, not the code.
INSTALL_TITLE = "# @title Colab only: install the course package"
#: Colab folds a form cell's code; JupyterLab folds a cell with ``source_hidden``; the site leaves it out.
INSTALL_METADATA = {"cellView": "form", "jupyter": {"source_hidden": True}, "tags": ["remove-cell"]}
SETUP_PATTERN = re.compile(r"^import course_utils\n\ncourse_utils\.setup\(SEED(, tensorflow=False)?\)$")
CONTENTS_START, CONTENTS_END = "<!--contents-->", "<!--/contents-->"
TITLE_PATTERN = re.compile(r"^# (\d\d) · (.+)$", re.M)


def badge(stem: str) -> str:
    return f"[![Open In Colab]({BADGE_IMAGE})]({course.colab_url(stem)})"


def install_source(spec: str | None = None) -> str:
    """The Colab install cell: does nothing outside Colab, and on Colab nothing once the package is there.

    It installs ``spec``, by default the published release (:func:`coursetools.course.install_spec`). While the
    course is not published, the cell names no repository at all: on Colab it stops with a sentence saying so.
    """
    if spec is None and not course.published():
        return "\n".join(
            [
                INSTALL_TITLE,
                "import sys",
                "",
                'if "google.colab" in sys.modules:  # everywhere else, course_utils is installed with the course',
                "    raise SystemExit(",
                '        "This copy of the course is not published, so there is no course package to install "',
                '        "here. Open the published course, or run the notebooks in JupyterLab from a checkout "',
                '        "(see its README)."',
                "    )",
            ]
        )
    return "\n".join(
        [
            INSTALL_TITLE,
            "import sys",
            "",
            'if "google.colab" in sys.modules:  # everywhere else, course_utils is installed with the course',
            "    import importlib.metadata",
            "    import subprocess",
            "",
            "    try:",
            '        installed = importlib.metadata.version("course-utils")',
            "    except importlib.metadata.PackageNotFoundError:",
            "        installed = None",
            f'    if installed != "{course.VERSION}":',
            f'        package = "{spec or course.install_spec()}"',
            "        pip = subprocess.run(  # quiet: only a failure is reported, in one line",
            '            [sys.executable, "-m", "pip", "install", "-q", package], capture_output=True, text=True',
            "        )",
            "        if pip.returncode != 0:",
            '            lines = pip.stderr.strip().splitlines() or ["no message"]',
            '            errors = [line for line in lines if line.startswith(("ERROR:", "error:", "fatal:"))]',
            "            reason = (errors or lines)[-1]",
            "            raise SystemExit(",
            '                f"Could not install the course package ({reason}). "',
            '                "Check that this runtime is connected to the internet, then run this cell again."',
            "            )",
        ]
    )


def setup_source(tensorflow: bool = True) -> str:
    """The setup cell a student reads: seeds, determinism, quiet logs and one plot style, in one call."""
    call = "course_utils.setup(SEED)" if tensorflow else "course_utils.setup(SEED, tensorflow=False)"
    return f"import course_utils\n\n{call}"


def is_install_cell(cell) -> bool:
    return cell.cell_type == "code" and cell.source.startswith(INSTALL_TITLE)


def is_setup_cell(cell) -> bool:
    return cell.cell_type == "code" and bool(SETUP_PATTERN.match(cell.source.strip()))


def navigation_source(stem: str) -> str:
    stems = [s for s, _ in course.existing_notebooks()]
    titles = dict(course.NOTEBOOKS)
    index = stems.index(stem)
    parts = []
    if index > 0:
        previous = stems[index - 1]
        parts.append(f"[< {previous[:2]} · {titles[previous]}]({previous}.ipynb)")
    parts.append("[Contents](../README.md#contents)")
    if index + 1 < len(stems):
        following = stems[index + 1]
        parts.append(f"[{following[:2]} · {titles[following]} >]({following}.ipynb)")
    return f"{NAV_MARKER}\n" + " | ".join(parts)


def contents_table() -> str:
    rows = ["| # | Notebook | Lecture notes section | Open in Colab |", "| --- | --- | --- | --- |"]
    for stem, title in course.existing_notebooks():
        section = course.LECTURE_SECTIONS[stem]
        rows.append(
            f"| {stem[:2]} | [{title}](notebooks/{stem}.ipynb) | {section} | [Colab]({course.colab_url(stem)}) |"
        )
    return "\n".join(rows)


def _setup_uses_tensorflow(source: str) -> bool:
    return "tensorflow=False" not in source


def regenerate_notebook(nb, stem: str) -> None:
    """Rewrite the badge, setup and navigation cells of ``nb`` in place."""
    first = nb.cells[0]
    if first.cell_type != "markdown" or not TITLE_PATTERN.search(first.source):
        raise ValueError(f"{stem}: the first cell must be markdown starting with '# NN · Title'")
    lines = [line for line in first.source.splitlines() if BADGE_IMAGE not in line]
    first.source = "\n".join(lines).rstrip() + "\n\n" + badge(stem)

    installs = [i for i, c in enumerate(nb.cells) if is_install_cell(c)]
    setups = [i for i, c in enumerate(nb.cells) if is_setup_cell(c)]
    if len(installs) != 1 or setups != [installs[0] + 1]:
        raise ValueError(
            f"{stem}: expected one Colab install cell (first line {INSTALL_TITLE!r}) followed by the setup cell "
            f"({setup_source()!r})"
        )
    install = nb.cells[installs[0]]
    install.source = install_source()
    install.metadata.update(INSTALL_METADATA)
    setup = nb.cells[setups[0]]
    setup.source = setup_source(_setup_uses_tensorflow(setup.source))

    if nb.cells[-1].cell_type == "markdown" and nb.cells[-1].source.startswith(NAV_MARKER):
        nb.cells[-1].source = navigation_source(stem)
    else:
        nb.cells.append(nbformat.v4.new_markdown_cell(navigation_source(stem)))


def regenerate_readme(text: str) -> str:
    pattern = re.compile(re.escape(CONTENTS_START) + ".*?" + re.escape(CONTENTS_END), re.S)
    if not pattern.search(text):
        raise ValueError(f"README.md has no {CONTENTS_START} ... {CONTENTS_END} block")
    return pattern.sub(lambda _: f"{CONTENTS_START}\n{contents_table()}\n{CONTENTS_END}", text)


def out_of_date() -> list[str]:
    """Files whose generated parts differ from what this module would write."""
    stale = []
    for stem, _ in course.existing_notebooks():
        path = course.notebook_path(stem)
        nb = nbformat.read(path, as_version=4)
        before = nbformat.writes(nb)
        regenerate_notebook(nb, stem)
        if nbformat.writes(nb) != before:
            stale.append(str(path))
    readme = course.ROOT / "README.md"
    if readme.exists() and regenerate_readme(readme.read_text()) != readme.read_text():
        stale.append(str(readme))
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools.generated", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    args = parser.parse_args(argv)
    if args.check:
        stale = out_of_date()
        for path in stale:
            print(f"out of date: {path}")
        if stale:
            print("run: python -m coursetools.generated")
        return 1 if stale else 0
    for stem, _ in course.existing_notebooks():
        path = course.notebook_path(stem)
        nb = nbformat.read(path, as_version=4)
        regenerate_notebook(nb, stem)
        nbformat.write(nb, path)
    readme = course.ROOT / "README.md"
    readme.write_text(regenerate_readme(readme.read_text()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
