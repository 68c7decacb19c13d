"""Test-wide settings: offline MNIST, quiet TensorFlow, and each notebook's claims after its last cell."""

import os
from queue import Empty

import pytest

from coursetools import claims, course

# Kernels started by nbval inherit this environment, so notebooks never download MNIST here.
course.use_offline_data()
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

CLAIMS_TIMEOUT = 300  # seconds: the claims only read variables and do small sums


class ClaimsItem(pytest.Item):
    """``claims/<notebook>.py``, run in nbval's kernel right after the notebook's last cell.

    nbval checks the stored outputs cell by cell; this item checks the numbers the prose states, in the
    same execution of the notebook. It fails with every claim that did not hold, by its words and value.
    """

    def __init__(self, *, stem, **kwargs):
        super().__init__(**kwargs)
        self.stem = stem

    def runtest(self):
        kernel = self.parent.kernel
        if kernel is None or not kernel.is_alive():
            raise ClaimsError(f"the kernel of {self.stem} is not running: its cells failed before the claims")
        msg_id = kernel.execute_cell_input(claims.cell_source(self.path), allow_stdin=False)
        text = []
        while True:
            try:
                msg = kernel.get_message(stream="iopub", timeout=CLAIMS_TIMEOUT)
            except Empty:
                raise ClaimsError(f"the claims of {self.stem} did not finish within {CLAIMS_TIMEOUT} s") from None
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content["execution_state"] == "idle":
                break
            if kind == "stream" and content["name"] == "stdout":
                text.append(content["text"])
            elif kind == "error":
                raise ClaimsError(f"the claims cell of {self.stem} raised {content['ename']}: {content['evalue']}")
        checked = claims.parse("".join(text))
        if checked is None:
            raise ClaimsError(f"the claims cell of {self.stem} printed no results")
        if claims.failed(checked):
            raise ClaimsError("\n".join(f"NOT HELD: {claim}" for claim in claims.failed(checked)))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ClaimsError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.stem}: claims ({claims.path_for(self.path).name})"


class ClaimsError(Exception):
    pass


def pytest_collection_modifyitems(config, items):
    _add_claims_items(items)
    _skip_frameworks_without_them(items)


def _add_claims_items(items):
    """After the last nbval cell of each notebook that has a claims file, its claims item."""
    last = {}
    for index, item in enumerate(items):
        if type(item).__name__ == "IPyNbCell":
            last[item.parent] = index
    for notebook, index in sorted(last.items(), key=lambda pair: -pair[1]):
        stem = notebook.path.stem
        if claims.path_for(notebook.path).is_file():
            items.insert(index + 1, ClaimsItem.from_parent(notebook, name="claims", stem=stem))


def _skip_frameworks_without_them(items):
    """13_frameworks compares outputs of PyTorch, JAX and MXNet: without them (an optional extra and
    a legacy environment, see README), its stored outputs cannot match, so skip it and say why."""
    from course_utils import frameworks

    missing = [name for name in ("torch", "jax") if not frameworks.is_installed(name)]
    if not frameworks.mxnet_available():
        missing.append("the legacy MXNet environment")
    if not missing:
        return
    skip = pytest.mark.skip(reason=f"13_frameworks needs {', '.join(missing)}: run `bash tools/install_frameworks.sh`")
    for item in items:
        if item.nodeid.startswith("notebooks/13_frameworks.ipynb") or "13_frameworks" in item.name:
            item.add_marker(skip)
