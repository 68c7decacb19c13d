"""Sphinx configuration of the course website. Build it with ``python -m coursetools.site``.

The notebooks are rendered from their stored outputs (``nb_execution_mode = "off"``); the build script
stages them next to this file, with ``course.json`` (the version, repository and branch from
``coursetools.course``), so this file imports nothing of the course's. Everything the pages load is
local: the theme's own files and MathJax 3
(copied into ``_static/mathjax`` by the build script), never a CDN.
"""

from __future__ import annotations

import json
from pathlib import Path

STAGED = Path(__file__).resolve().parent / "course.json"
if not STAGED.exists():
    raise SystemExit("docs/ is built from a staged copy: run  python -m coursetools.site")
COURSE = json.loads(STAGED.read_text(encoding="utf-8"))

project = "Introduction to Deep Learning"
author = "The course authors"
copyright = "the course authors"  # noqa: A001
release = COURSE["version"]
version = COURSE["version"]

extensions = ["myst_nb"]
exclude_patterns = ["_build", "_templates", "**.ipynb_checkpoints"]

# Notebooks: stored outputs only; a widget needs a kernel, so no widget JavaScript (it would come from a CDN).
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "html_image"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

# Maths: the local MathJax 3 copy (relative paths are relative to _static/).
mathjax_path = "mathjax/tex-mml-chtml.js"

html_theme = "sphinx_book_theme"
html_title = project
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
# The figures are drawn on white: open in light mode (the reader can switch). Without a default the
# theme's script logs "Got invalid theme mode" as a console error.
html_context = {"default_mode": "light"}
html_theme_options = {
    "repository_url": COURSE["repository"],
    "repository_branch": COURSE["branch"],
    "use_repository_button": True,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "show_prev_next": True,
    "navigation_with_keys": False,
    "use_fullscreen_button": False,
    "use_download_button": False,
}


# --- Alt text of figures -------------------------------------------------------------------------------
# course_utils.plots.show stores one sentence per figure as the output's metadata
# {"image/png": {"alt": "..."}}; nbconvert, GitHub and JupyterLab read it there. myst-nb only carries
# width and height over from output metadata, so the two hooks below carry "alt" over too, falling back
# to the output's text/plain (e.g. "<Figure size 640x480 with 1 Axes>") when a figure has no sentence.

IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")


def _fill_missing_alt(app, docname, source):
    """source-read: give every image output without alt text its text/plain as alt (staged copy only)."""
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    nb = json.loads(source[0])
    changed = False
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mime in IMAGE_MIMES:
                if mime not in data:
                    continue
                meta = output.setdefault("metadata", {}).setdefault(mime, {})
                if not str(meta.get("alt", "")).strip():
                    plain = data.get("text/plain", "")
                    plain = "".join(plain) if isinstance(plain, list) else plain
                    meta["alt"] = plain.strip() or "Figure"
                    changed = True
    if changed:
        source[0] = json.dumps(nb, ensure_ascii=False)


def _render_image_with_alt():
    from myst_nb.core.render import NbElementRenderer

    if getattr(NbElementRenderer.render_image, "_course_alt", False):
        return
    original = NbElementRenderer.render_image

    def render_image(self, data):
        nodes = original(self, data)
        alt = str(data.output_metadata.get(data.mime_type, {}).get("alt", "")).strip()
        for node in nodes:
            if alt and not node.get("alt"):
                node["alt"] = alt
        return nodes

    render_image._course_alt = True
    NbElementRenderer.render_image = render_image


def setup(app):
    _render_image_with_alt()
    app.connect("source-read", _fill_missing_alt)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
