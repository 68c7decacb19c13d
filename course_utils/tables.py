"""Small result tables, rendered as Markdown in Jupyter (and as plain text elsewhere)."""

from __future__ import annotations


def markdown_table(headers, rows) -> str:
    """A GitHub-flavoured Markdown table; every row must have one value per header."""
    headers = [str(h) for h in headers]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        row = [str(value) for value in row]
        if len(row) != len(headers):
            raise ValueError(f"row {row} has {len(row)} values for {len(headers)} columns")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def show_table(headers, rows) -> None:
    """Display a table in the notebook (Markdown), or print it outside Jupyter."""
    table = markdown_table(headers, rows)
    try:
        from IPython import get_ipython
        from IPython.display import Markdown, display
    except ImportError:  # pragma: no cover
        print(table)
        return
    if get_ipython() is None:
        print(table)
    else:
        display(Markdown(table))
