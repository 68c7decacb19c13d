"""Forward propagation in plain NumPy: what a stack of Keras ``Dense`` layers computes.

Each dense layer does three things to its input ``x``:

1. multiply by the weights: ``x @ W`` (W has shape (inputs, units), as Keras stores it);
2. add the bias: ``z = x @ W + b``;
3. apply the activation: ``a = f(z)``, which becomes the next layer's input.

One sample is a vector of shape (inputs,); a batch is a matrix of shape (n, inputs), one
sample per row, and the same three lines handle both. 04_forward_propagation checks
that :func:`forward` reproduces ``model.predict`` of a Keras model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_utils import activations


@dataclass(frozen=True)
class DenseLayer:
    """The numbers that define one dense layer: ``activation(x @ weights + bias)``.

    ``weights`` has shape (inputs, units), ``bias`` shape (units,), and ``activation``
    is a name known to :func:`course_utils.activations.get` ("relu", "softmax", ...).
    """

    weights: np.ndarray
    bias: np.ndarray
    activation: str = "linear"

    def __post_init__(self):
        weights = np.asarray(self.weights, dtype=float)
        bias = np.asarray(self.bias, dtype=float)
        if weights.ndim != 2:
            raise ValueError(f"weights must have shape (inputs, units), got {weights.shape}")
        if bias.shape != (weights.shape[1],):
            raise ValueError(f"bias must have one value per unit, shape ({weights.shape[1]},), got {bias.shape}")
        activations.get(self.activation)  # raises ValueError naming the known activations
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "bias", bias)

    @property
    def units(self) -> int:
        return self.weights.shape[1]

    @property
    def n_inputs(self) -> int:
        return self.weights.shape[0]

    def count_params(self) -> int:
        """Weights plus biases: inputs · units + units."""
        return self.weights.size + self.bias.size


@dataclass(frozen=True)
class LayerTrace:
    """What one layer computed: its weighted sums plus bias ``z`` and its activations ``a``."""

    z: np.ndarray
    a: np.ndarray


def _as_inputs(x, n_inputs: int) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim not in (1, 2) or x.shape[-1] != n_inputs:
        raise ValueError(
            f"x must have shape ({n_inputs},) for one sample or (n, {n_inputs}) for a batch, got {x.shape}"
        )
    return x


def dense_forward(x, layer: DenseLayer) -> LayerTrace:
    """One dense layer on one sample (shape (inputs,)) or a batch (shape (n, inputs))."""
    if not isinstance(layer, DenseLayer):
        raise TypeError(f"layer must be a DenseLayer, got {type(layer).__name__}")
    x = _as_inputs(x, layer.n_inputs)
    z = x @ layer.weights + layer.bias
    return LayerTrace(z=z, a=activations.get(layer.activation)(z))


def forward_trace(x, layers) -> list[LayerTrace]:
    """Run ``x`` through ``layers`` in order; return every layer's ``z`` and ``a``."""
    layers = list(layers)
    if not layers:
        raise ValueError("layers is empty: pass at least one DenseLayer")
    for i, (before, after) in enumerate(zip(layers, layers[1:])):
        if before.units != after.n_inputs:
            raise ValueError(f"layer {i} has {before.units} units but layer {i + 1} expects {after.n_inputs} inputs")
    traces, a = [], x
    for layer in layers:
        trace = dense_forward(a, layer)
        traces.append(trace)
        a = trace.a
    return traces


def forward(x, layers) -> np.ndarray:
    """The network's output for ``x``: the last layer's activations."""
    return forward_trace(x, layers)[-1].a
