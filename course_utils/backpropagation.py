"""What 08_backpropagation uses beyond the cells it writes itself.

* :func:`numerical_gradient` and :func:`relative_error`, the gradient check, are saved from 08's cells
  (the exercise checks use them);
* :func:`draw_graph`, :func:`graph_of`: a computational graph drawn with Matplotlib, from a
  description or from a micrograd-style value.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from course_utils.colours import BLUE, DARK_GREY, INK, VERMILLION, WHITE, YELLOW

# --- The gradient check, saved from 08_backpropagation, section 3 ------------------------------------


def numerical_gradient(f, x, eps=1e-6):
    """Central differences: nudge each entry of the array x by ±eps and watch f()."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        kept = x[i]
        x[i] = kept + eps
        above = f()
        x[i] = kept - eps
        below = f()
        x[i] = kept
        grad[i] = (above - below) / (2 * eps)
    return grad


def relative_error(g, g_estimate):
    """‖g − g̃‖ / (‖g‖ + ‖g̃‖): 0 for a perfect match, about 1 for an unrelated one."""
    return np.linalg.norm(g - g_estimate) / (np.linalg.norm(g) + np.linalg.norm(g_estimate))


# --- Computational graphs ----------------------------------------------------------------------------

#: Okabe-Ito colours (safe for colour-blind readers): values, gradients, nodes, edges.
VALUE_COLOR, GRAD_COLOR, NODE_COLOR, EDGE_COLOR = BLUE, VERMILLION, YELLOW, DARK_GREY


def _layout(nodes: dict) -> dict:
    """x: an operation sits one column right of its latest parent, an input one column left of its first use;
    y: the mean of the parents' y (an input goes above its column), spread at least 1.1 apart in a column."""
    depth: dict = {}

    def find_depth(name, trail=()):
        if name in trail:
            raise ValueError(f"the graph has a cycle through {name!r}")
        if name not in depth:
            parents = nodes[name][1]
            depth[name] = 0 if not parents else 1 + max(find_depth(p, (*trail, name)) for p in parents)
        return depth[name]

    for name in nodes:
        find_depth(name)
    for name, (_, parents) in nodes.items():
        if not parents:
            uses = [depth[child] for child, (_, ps) in nodes.items() if name in ps]
            depth[name] = max(min(uses) - 1, 0) if uses else 0
    positions: dict = {}
    for column in range(max(depth.values()) + 1):
        members = [n for n in nodes if depth[n] == column]
        inner = [n for n in members if nodes[n][1]]
        ys = {n: float(np.mean([positions[p][1] for p in nodes[n][1]])) for n in inner}
        top = max(ys.values(), default=0.0)
        leaves = [n for n in members if not nodes[n][1]]
        for i, n in enumerate(leaves):
            ys[n] = (top + 1.3 * (len(leaves) - i)) if inner else -(i - (len(leaves) - 1) / 2) * 1.3
        ranked = sorted(members, key=lambda n: -ys[n])
        for above, below in zip(ranked, ranked[1:]):  # keep nodes of one column apart
            ys[below] = min(ys[below], ys[above] - 1.1)
        for name in members:
            positions[name] = (2.2 * column, ys[name])
    return positions


def _number(value) -> str:
    return f"{value:.4g}".replace("-", "−")


def draw_graph(
    nodes: dict, values: dict | None = None, grads: dict | None = None, title: str = "", positions: dict | None = None
):
    """Draw a computational graph; returns the figure.

    ``nodes`` maps each node's name to ``(operation, parents)``: ``("", [])`` for an input,
    e.g. ``("×", ["a", "b"])`` for a product; a name starting with ``_`` is not shown. ``values``
    and ``grads`` (optional, by name) are written under each node: the value of the forward
    pass in blue, the gradient ∂L/∂node of the backward pass in vermillion. Nodes are laid out
    left to right by their distance from the inputs, unless ``positions`` gives ``(x, y)``.
    """
    if not isinstance(nodes, dict) or not nodes:
        raise ValueError("nodes must be a non-empty dict: name -> (operation, parents)")
    for name, spec in nodes.items():
        if not (isinstance(spec, (tuple, list)) and len(spec) == 2):
            raise ValueError(f"node {name!r}: expected (operation, parents), got {spec!r}")
        missing = [p for p in spec[1] if p not in nodes]
        if missing:
            raise ValueError(f"node {name!r} has parents that are not nodes: {missing}")
    values, grads = values or {}, grads or {}
    positions = positions or _layout(nodes)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    rows = 1 + bool(values) + bool(grads)
    fig, ax = plt.subplots(figsize=(1.9 * (max(xs) - min(xs)) / 2.2 + 2.4, 1.15 * (max(ys) - min(ys)) + 1.9))
    half_width, half_height = 0.55, 0.28
    for name, (_, parents) in nodes.items():
        x1, y1 = positions[name]
        for parent in parents:
            x0, y0 = positions[parent]
            bend = 0.0 if x1 - x0 <= 2.3 else (-0.25 if y0 >= y1 else 0.25)  # long edges bow outwards
            ax.add_patch(
                FancyArrowPatch(
                    (x0 + half_width, y0),
                    (x1 - half_width, y1),
                    arrowstyle="-|>",
                    mutation_scale=12,
                    color=EDGE_COLOR,
                    lw=1.2,
                    connectionstyle=f"arc3,rad={bend}",
                    zorder=1,
                )
            )
    for name, (operation, _) in nodes.items():
        x, y = positions[name]
        ax.add_patch(
            FancyBboxPatch(
                (x - half_width, y - half_height),
                2 * half_width,
                2 * half_height,
                boxstyle="round,pad=0.04",
                fc=NODE_COLOR if operation else WHITE,
                ec=INK,
                zorder=2,
            )
        )
        label = operation if name.startswith("_") else f"{name} = {operation}" if operation else name
        ax.text(x, y, label, ha="center", va="center", fontsize=10, zorder=3)
        line = y - half_height - 0.2
        if name in values:
            ax.text(x, line, _number(values[name]), ha="center", va="center", fontsize=9, color=VALUE_COLOR)
            line -= 0.26
        if name in grads:
            ax.text(
                x,
                line,
                f"∂L: {_number(grads[name])}",
                ha="center",
                va="center",
                fontsize=9,
                color=GRAD_COLOR,
                fontweight="bold",
            )
    handles = []
    if values:
        handles.append(plt.Line2D([], [], color=VALUE_COLOR, marker="s", ls="", label="value (forward pass)"))
    if grads:
        handles.append(plt.Line2D([], [], color=GRAD_COLOR, marker="s", ls="", label="∂L/∂node (backward pass)"))
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=len(handles), fontsize=9)
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.35 - 0.26 * rows, max(ys) + 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def graph_of(root, names: dict | None = None):
    """``(nodes, values, grads)`` for :func:`draw_graph` from a micrograd-style value.

    ``root`` is an object with ``data``, ``grad``, ``parents`` (or micrograd's ``_prev``) and
    ``op`` (or ``_op``). ``names`` maps some of the objects to names (e.g. ``{x: "x"}``); the
    others are drawn with their operation only (their names start with ``_``).
    """
    names = {id(k): v for k, v in (names or {}).items()}
    order, seen = [], set()

    def visit(v):
        if id(v) in seen:
            return
        seen.add(id(v))
        for parent in _parents(v):
            visit(parent)
        order.append(v)

    visit(root)
    labels, used = {}, {}
    for v in order:
        if id(v) in names:
            labels[id(v)] = names[id(v)]
            continue
        op = _op(v) or "v"
        used[op] = used.get(op, 0) + 1
        labels[id(v)] = f"_{op}{used[op]}"
    taken = {}
    for v in order:
        label = labels[id(v)]
        taken[label] = taken.get(label, 0) + 1
        if taken[label] > 1:
            labels[id(v)] = f"{label}#{taken[label]}"
    nodes = {labels[id(v)]: (_op(v), [labels[id(p)] for p in _parents(v)]) for v in order}
    values = {labels[id(v)]: float(v.data) for v in order}
    grads = {labels[id(v)]: float(v.grad) for v in order}
    return nodes, values, grads


def _parents(v):
    return tuple(getattr(v, "parents", None) or getattr(v, "_prev", None) or ())


def _op(v) -> str:
    return getattr(v, "op", None) or getattr(v, "_op", None) or ""
