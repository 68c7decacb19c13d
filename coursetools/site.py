"""Build the course website into build/site/ from the notebooks' stored outputs (nothing is re-executed).

    python -m coursetools.site

Needs the ``site`` extra (Sphinx, myst-nb, sphinx-book-theme) and the MathJax copy installed by
``bash tools/fetch_site_assets.sh``. Steps:

1. stage ``docs/`` and the course notebooks (``coursetools.course.NOTEBOOKS``, in order) into
   ``build/site-src/``; the copies get a line of links (Colab, the ``.ipynb`` on GitHub) under the title
   in place of the Colab badge, lose the notebook-to-notebook navigation cell (the site has its own
   previous/next links) and widget outputs (no kernel on a static page: their text form is shown);
2. write the table of contents into the staged ``index.md``;
3. copy MathJax 3 (``build/node/node_modules/mathjax/es5``) into the staged ``_static/mathjax``;
4. run ``sphinx-build -W`` (warnings are errors) into ``build/site/``.

The notebooks in ``notebooks/`` are never modified.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from coursetools import course

ROOT = course.ROOT

DOCS = ROOT / "docs"
STAGE = ROOT / "build" / "site-src"
SITE = ROOT / "build" / "site"
DOCTREES = ROOT / "build" / "site-doctrees"
MATHJAX = ROOT / "build" / "node" / "node_modules" / "mathjax" / "es5"
CONTENTS_MARKER = "<!-- COURSE_CONTENTS -->"
BADGE = re.compile(r"\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def ipynb_url(stem: str) -> str:
    return f"{course.REPOSITORY}/blob/{course.BRANCH}/notebooks/{stem}.ipynb"


def links_line(stem: str) -> str:
    return (
        f"[Open this notebook in Colab]({course.colab_url(stem)}) · "
        f"[The notebook file ({stem}.ipynb) on GitHub]({ipynb_url(stem)})"
    )


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def stage_notebook(stem: str, src: Path, dest: Path) -> None:
    nb = json.loads(src.read_text(encoding="utf-8"))
    cells = []
    linked = False
    for cell in nb["cells"]:
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            if text.lstrip().startswith("<!--navigation-->"):
                continue  # the site's own previous/next links replace it
            # Links to the README (outside the site) point at the site's contents page instead.
            text = re.sub(r"\]\(\.\./README\.md(#[\w-]*)?\)", "](index.md)", text)
            if not linked:
                if BADGE.search(text):
                    text = BADGE.sub(links_line(stem), text, count=1)
                    linked = True
                elif text.lstrip().startswith("# "):
                    title, _, rest = text.lstrip().partition("\n")
                    text = f"{title}\n\n{links_line(stem)}\n{rest}"
                    linked = True
                text = BADGE.sub("", text)
            cell["source"] = text
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_MIME in data and len(data) > 1:
                del data[WIDGET_MIME]
        cells.append(cell)
    if not linked:
        cells.insert(0, {"cell_type": "markdown", "metadata": {}, "source": links_line(stem)})
    nb["cells"] = cells
    nb.get("metadata", {}).pop("widgets", None)
    dest.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def contents(notebooks: list[tuple[str, str]]) -> str:
    rows = ["| Notebook | Lecture-notes section |", "| --- | --- |"]
    for stem, title in notebooks:
        number = stem.split("_", 1)[0]
        rows.append(f"| [{number} · {title}]({stem}.ipynb) | {course.LECTURE_SECTIONS.get(stem, '')} |")
    toctree = ["```{toctree}", ":hidden:", ":maxdepth: 1", ":caption: Notebooks", ""]
    toctree += [f"{stem.split('_', 1)[0]} · {title} <{stem}>" for stem, title in notebooks]
    toctree.append("```")
    return "\n".join(rows) + "\n\n" + "\n".join(toctree) + "\n"


def stage() -> list[tuple[str, str]]:
    if STAGE.exists():
        shutil.rmtree(STAGE)
    shutil.copytree(DOCS, STAGE, ignore=shutil.ignore_patterns("__pycache__", "_build"))
    about = {"version": course.VERSION, "repository": course.REPOSITORY, "branch": course.BRANCH}
    (STAGE / "course.json").write_text(json.dumps(about), encoding="utf-8")
    notebooks = course.existing_notebooks()
    for stem, _title in notebooks:
        stage_notebook(stem, course.notebook_path(stem), STAGE / f"{stem}.ipynb")
    index = STAGE / "index.md"
    text = index.read_text(encoding="utf-8")
    if CONTENTS_MARKER not in text:
        raise SystemExit(f"docs/index.md lacks the marker {CONTENTS_MARKER}")
    index.write_text(text.replace(CONTENTS_MARKER, contents(notebooks)), encoding="utf-8")
    if not (MATHJAX / "tex-mml-chtml.js").exists():
        raise SystemExit(f"MathJax not found at {MATHJAX}: run  bash tools/fetch_site_assets.sh")
    # tex-mml-chtml.js plus what it loads at view time: fonts, TeX extensions, accessibility, menu.
    shutil.copytree(MATHJAX, STAGE / "_static" / "mathjax", ignore=shutil.ignore_patterns("node-main*", "adaptors"))
    return notebooks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=SITE, help="output folder (default build/site/)")
    args = parser.parse_args(argv)
    try:
        import myst_nb  # noqa: F401
        import sphinx  # noqa: F401
        import sphinx_book_theme  # noqa: F401
    except ImportError as exc:
        raise SystemExit(f"{exc}: install the site extra first:  pip install -e '.[site]'") from exc
    start = time.perf_counter()
    notebooks = stage()
    if args.out.exists():
        shutil.rmtree(args.out)
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-q",
        "-b",
        "html",
        "-d",
        str(DOCTREES),
        str(STAGE),
        str(args.out),
    ]
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode:
        return result.returncode
    print(
        f"site with {len(notebooks)} notebooks in {args.out} ({time.perf_counter() - start:.0f} s); "
        f"open {args.out / 'index.html'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
