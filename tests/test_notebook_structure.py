"""Every notebook follows the course conventions (see README, "Conventions")."""

import json
import re
import subprocess
import sys

import nbformat
import pytest

from coursetools import claims, course, generated

NOTEBOOKS = [course.notebook_path(stem) for stem, _ in course.existing_notebooks()]
IDS = [path.stem for path in NOTEBOOKS]
ROOT = course.ROOT


def test_every_notebook_file_is_a_course_notebook():
    known = {f"{stem}.ipynb" for stem, _ in course.NOTEBOOKS}
    unknown = sorted(p.name for p in course.NOTEBOOK_DIR.glob("*.ipynb") if p.name not in known)
    assert not unknown, f"add these to coursetools/course.py NOTEBOOKS (or rename them): {unknown}"


def test_generated_cells_and_readme_are_up_to_date():
    assert generated.out_of_date() == [], "run: python -m coursetools.generated"


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(params=NOTEBOOKS, ids=IDS)
def notebook(request):
    return request.param, nbformat.read(request.param, as_version=4)


def test_header_cell(notebook):
    path, nb = notebook
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    title = generated.TITLE_PATTERN.search(first.source)
    assert title and title.group(1) == path.stem[:2], "first line must be '# NN · Title'"
    assert title.group(2).strip() == dict(course.NOTEBOOKS)[path.stem], "title must match course.NOTEBOOKS"
    summary = [line for line in first.source.splitlines()[1:] if line.strip() and not line.startswith("<!--")]
    assert summary, "a one-line summary must follow the title"


def test_parameters_cell_then_setup_cell(notebook):
    _, nb = notebook
    cells = code_cells(nb)
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one code cell tagged 'parameters'"
    assert re.search(r"^SEED = \d+(\s+#.*)?$", cells[tagged[0]].source, re.M)
    installs = [i for i, c in enumerate(cells) if generated.is_install_cell(c)]
    setups = [i for i, c in enumerate(cells) if generated.is_setup_cell(c)]
    assert installs == [tagged[0] + 1], "the Colab install cell comes right after the parameters cell"
    assert setups == [tagged[0] + 2], "the setup cell comes right after the Colab install cell"
    assert tagged[0] == 0, "the parameters cell is the first code cell"
    for name, line in parameter_lines(cells[tagged[0]].source).items():
        assert name == "SEED" or "#" in line, f"say in a comment what {name} changes for the student"


def test_stored_outputs_are_a_clean_top_to_bottom_run(notebook):
    _, nb = notebook
    cells = [c for c in code_cells(nb) if c.source.strip()]
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    for cell in cells:
        for output in cell.outputs:
            assert output.output_type != "error", cell.source[:80]
            assert not (output.output_type == "stream" and output.name == "stderr"), (
                cell.source[:80],
                output.text[:200],
            )
            text = output.get("text", "") + output.get("data", {}).get("text/plain", "")
            assert not re.search(r"\bWarning\b|WARNING|retracing", text), text[:200]
            assert not re.search(r"at 0x[0-9a-f]{6,}", text), f"memory address in output: {text[:120]}"


def parameter_lines(source):
    return {line.split("=")[0].strip(): line for line in source.splitlines() if re.match(r"^[A-Z_]+ = ", line)}


def test_claims_are_checked_and_exercises_present(notebook):
    path, nb = notebook
    source = "\n".join(c.source for c in code_cells(nb))
    assert claims.path_for(path).is_file(), f"the numbers of {path.stem} are proven in claims/{path.stem}.py"
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert re.search(r"^## .*Exercises", markdown, re.M), "each notebook ends with exercises"
    assert "course_utils.exercises" in source, "exercises are checked automatically"


def test_no_deprecated_or_remote_content(notebook):
    _, nb = notebook
    source = "\n".join(c.source for c in code_cells(nb))
    assert "input_shape=" not in source, "use keras.Input(shape=...) instead of input_shape="
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert not re.search(r"<img[^>]+src=\"?https?://|!\[[^\]]*\]\(https?://(?!colab)", markdown), "hot-linked image"


def test_navigation_is_last(notebook):
    path, nb = notebook
    assert nb.cells[-1].source == generated.navigation_source(path.stem)


def test_notebook_json_is_canonical(notebook):
    path, nb = notebook
    assert set(nb.metadata) <= {"kernelspec", "language_info", "colab"}
    for cell in nb.cells:
        assert "execution" not in cell.metadata


def test_conventions_checker_from_shared_tools_passes():
    checker = ROOT.parent / "shared" / "tools" / "nbcheck.py"
    if not checker.exists():
        pytest.skip("../shared/tools/nbcheck.py is not beside this checkout")
    if len(NOTEBOOKS) < 2:
        pytest.skip("navigation links need at least two notebooks")
    result = subprocess.run(
        [sys.executable, str(checker), "--all", *map(str, NOTEBOOKS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


# --- What a student sees when the notebook opens, and its voice -------------------------------------

#: "seed" used for the lecture notes rather than the random seed ("the seed's model", "the seed says").
NOTES_AS_SEED = re.compile(
    r"\bseed(?:'s| text| document| code| model| network| mlp| example| notes)\b"
    r"|\b(?:the|as in the|like the) seed\b(?! *[=0-9`])(?!\s+(?:is|of|changes|value|gives|only|makes|decides))",
    re.I,
)
#: Words for maintainers, not students.
MAINTAINER_TALK = re.compile(r"tests/|\bpapermill\b|\bissue\b|\bdrift\b|\bnbval\b|\bCI\b")


def student_markdown(nb):
    """Markdown cells a student reads (the generated navigation cell is links only)."""
    return [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"][:-1]


def test_badge_renders_as_a_link_to_colab_in_nbconvert_html(notebook):
    from nbconvert.filters.markdown import markdown2html

    path, nb = notebook
    html = markdown2html(nb.cells[0].source)
    link = re.search(r'<a href="([^"]+)"[^>]*>\s*<img [^>]*src="([^"]+)"', html)
    assert link, f"the badge does not render as a link: {html[-300:]}"
    assert link.group(1) == course.colab_url(path.stem) and link.group(2) == generated.BADGE_IMAGE


def test_opening_names_the_lecture_notes_section_it_follows(notebook):
    _, nb = notebook
    opening = " ".join(c.source for c in nb.cells[:3] if c.cell_type == "markdown")
    assert "lecture notes" in opening, "say which section of the lecture notes this notebook follows"


def test_stored_as_jupyterlab_saves_it_so_opening_does_not_modify_it(notebook):
    path, _ = notebook
    raw = json.loads(path.read_text())
    assert (raw["nbformat"], raw["nbformat_minor"]) == (4, 5), "store nbformat 4.5 (coursetools/build.py)"
    ids = [cell.get("id") for cell in raw["cells"]]
    assert all(ids) and len(set(ids)) == len(ids), "every cell needs its own id"
    info = raw["metadata"].get("language_info", {})
    assert {"name", "version", "mimetype", "file_extension", "codemirror_mode"} <= set(info), (
        "store the language_info the kernel reports (coursetools/build.py does)"
    )


def test_seed_means_only_the_random_seed(notebook):
    _, nb = notebook
    for i, text in student_markdown(nb):
        match = NOTES_AS_SEED.search(text)
        assert not match, f"markdown cell {i}: {match.group(0)!r}; call them 'the lecture notes'"


def test_prose_speaks_to_students_not_maintainers(notebook):
    _, nb = notebook
    for i, text in student_markdown(nb):
        match = MAINTAINER_TALK.search(text)
        assert not match, f"markdown cell {i} talks to maintainers: {match.group(0)!r}"


def section(nb, heading):
    """The markdown from ``## heading`` up to the next ``## `` heading (or the navigation)."""
    cells, inside = [], False
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            inside = cell.source.splitlines()[0][3:].strip().lower().startswith(heading)
            if inside:
                cells.append(cell.source.split("\n", 1)[1] if "\n" in cell.source else "")
                continue
        if cell.cell_type == "markdown" and cell.source.startswith(generated.NAV_MARKER):
            break
        if inside:
            cells.append(cell.source)
    return "\n".join(cells) if cells else None


def test_summary_questions_and_further_reading(notebook):
    _, nb = notebook
    summary = section(nb, "summary")
    assert summary is not None, "a '## Summary' section"
    assert 3 <= len(re.findall(r"^\s*[-*] ", summary, re.M)) <= 6, "the summary has 3-6 bullet points"
    questions = section(nb, "check your understanding")
    assert questions is not None, "a '## Check your understanding' section"
    assert 4 <= questions.count("<details>") <= 8, "4-8 questions, each answer folded in <details>"
    reading = section(nb, "further reading")
    assert reading is not None, "a '## Further reading' section"
    assert 2 <= len(re.findall(r"\]\(https?://", reading)) <= 6, "2-4 references, as links"


def test_every_figure_has_a_text_alternative(notebook):
    _, nb = notebook
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                alt = output.get("metadata", {}).get("image/png", {}).get("alt", "")
                assert alt.strip(), f"cell {i}: a figure without alt text; show it with course_utils.plots.show"


def test_solutions_are_tagged_and_folded(notebook):
    _, nb = notebook
    tagged = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    assert tagged, "solution cells carry the 'solution' tag"
    for cell in tagged:
        if cell.cell_type == "markdown":
            assert "<details>" in cell.source, "solution text is folded in <details>"
