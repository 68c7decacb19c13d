"""One home per teaching function: the cell. A cell whose first line is ``# saved in course_utils.X`` is the
source of the functions and classes it defines; ``course_utils.X`` holds the same code (compared as syntax
trees, so formatting and comments may differ, names, docstrings and statements may not) for later
notebooks to import, d2l's ``#@save``."""

import ast
import importlib
import inspect
import re
import textwrap

import nbformat
import pytest

from coursetools import course

MARK = re.compile(r"^# saved in (course_utils(?:\.\w+)+)\s*$")


def saved_cells():
    found = []
    for stem, _ in course.existing_notebooks():
        nb = nbformat.read(course.notebook_path(stem), as_version=4)
        for number, cell in enumerate(nb.cells):
            first = cell.source.splitlines()[0] if cell.source else ""
            match = MARK.match(first)
            if cell.cell_type == "code" and match:
                found.append(pytest.param(stem, number, match.group(1), cell.source, id=f"{stem}-cell{number}"))
    return found


def definitions(tree):
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)}


def differences(cell_source: str, module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    in_cell = definitions(ast.parse(cell_source))
    if not in_cell:
        return [f"the cell defines no function or class to save in {module_name}"]
    problems = []
    for name, node in in_cell.items():
        saved = getattr(module, name, None)
        if saved is None:
            problems.append(f"{module_name} has no {name}")
            continue
        saved_node = ast.parse(textwrap.dedent(inspect.getsource(saved))).body[0]
        if ast.dump(saved_node) != ast.dump(node):
            problems.append(f"{name} in {module_name} differs from the cell's")
    return problems


@pytest.mark.parametrize(("stem", "number", "module_name", "source"), saved_cells())
def test_saved_cell_is_identical_to_its_package_copy(stem, number, module_name, source):
    assert differences(source, module_name) == []


def test_a_changed_cell_is_caught():
    """The comparison can fail: an edited copy of a saved cell differs from the package."""
    cells = saved_cells()
    if not cells:
        pytest.skip("no saved cells")
    _, _, module_name, source = cells[0].values
    changed = source.replace("return", "return 1 +", 1) if "return" in source else source + "\nx = 1\n"
    assert differences(changed, module_name) != [] or "return" not in source
