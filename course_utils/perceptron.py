"""A perceptron from scratch in NumPy, and the logic-gate data it learns from."""

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


class Perceptron:
    """A single artificial neuron: weighted sum plus bias, then a step.

    Trained with Rosenblatt's rule: for every misclassified sample,
    ``w += lr * (target - prediction) * x`` and ``b += lr * (target - prediction)``.
    """

    def __init__(self, n_inputs: int, learning_rate: float = 0.1, rng: np.random.Generator | None = None):
        """Start from zero weights, or from small random ones drawn from ``rng``."""
        if n_inputs < 1:
            raise ValueError(f"n_inputs must be at least 1, got {n_inputs}")
        if rng is None:
            self.weights, self.bias = np.zeros(n_inputs), 0.0
        else:
            self.weights, self.bias = rng.normal(0, 0.5, n_inputs), float(rng.normal(0, 0.5))
        self.learning_rate = learning_rate

    def weighted_sum(self, X):
        X = self._check_inputs(X)
        return X @ self.weights + self.bias

    def predict(self, X):
        return step(self.weighted_sum(X))

    def accuracy(self, X, y) -> float:
        return float(np.mean(self.predict(X) == np.asarray(y)))

    def fit(self, X, y, epochs: int = 20) -> list[int]:
        """Train for up to ``epochs`` passes; stop early after a pass with no mistakes.

        Returns the number of mistakes made in each pass.
        """
        X = self._check_inputs(X)
        y = np.asarray(y)
        if y.shape != (len(X),):
            raise ValueError(f"y must have one target per row of X: X has {len(X)} rows, y has shape {y.shape}")
        mistakes_per_epoch = []
        for _ in range(epochs):
            mistakes = 0
            for x_i, target in zip(X, y):
                error = target - step(x_i @ self.weights + self.bias)
                if error:
                    self.weights += self.learning_rate * error * x_i
                    self.bias += self.learning_rate * error
                    mistakes += 1
            mistakes_per_epoch.append(mistakes)
            if mistakes == 0:
                break
        return mistakes_per_epoch

    def _check_inputs(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.weights):
            raise ValueError(
                f"X must have shape (n_samples, {len(self.weights)}), got {X.shape}; "
                "pass one row per sample, e.g. GATE_INPUTS"
            )
        return X


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
