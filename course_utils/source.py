"""Show the real source of a course helper inside a notebook, so students see what runs."""

from __future__ import annotations

import inspect


def show_source(obj) -> None:
    """Display the source code of a function or class, syntax-highlighted in Jupyter.

    Falls back to plain text outside IPython.
    """
    code = inspect.getsource(obj)
    try:
        from IPython.display import Code, display
    except ImportError:  # pragma: no cover - notebooks always have IPython
        print(code)
        return
    display(Code(code, language="python"))
