"""The logic-gate data of 02_neuron, the perceptron's step, and the best any single line can do on a gate.

02_neuron writes the perceptron itself in a cell; later notebooks and the slider diagrams use what is here.
"""

from __future__ import annotations

import numpy as np

#: The four input pairs of a two-input logic gate, one per row.
GATE_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
GATE_TARGETS = {
    "AND": np.array([0, 0, 0, 1]),
    "OR": np.array([0, 1, 1, 1]),
    "NAND": np.array([1, 1, 1, 0]),
    "XOR": np.array([0, 1, 1, 0]),
}


def step(z):
    """The perceptron's activation: 1 where z > 0, else 0."""
    return (np.asarray(z) > 0).astype(int)


#: The values of w1, w2 and b that :func:`best_linear_accuracy` tries by default.
LINE_GRID = np.linspace(-2, 2, 41)


def best_linear_accuracy(X, y, grid=LINE_GRID) -> float:
    """The best accuracy any line ``w1*x1 + w2*x2 + b > 0`` reaches on (X, y), by brute force.

    Tries every combination of ``w1, w2, b`` from ``grid``. On the four gate
    inputs a coarse grid is enough to find a separating line whenever one exists.
    """
    X, y, grid = np.asarray(X, dtype=float), np.asarray(y), np.asarray(grid, dtype=float)
    w1, w2, b = (axis.ravel() for axis in np.meshgrid(grid, grid, grid))
    outputs = step(np.outer(w1, X[:, 0]) + np.outer(w2, X[:, 1]) + b[:, None])
    return float(np.max(np.mean(outputs == y, axis=1)))
