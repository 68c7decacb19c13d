"""The lecture notes' 784-128-64-10 network written with each of Keras' three APIs (reference for notebook 10).

All three build the same layers (Dense 128 relu, Dense 64 relu, Dense 10 softmax)
and have 109,386 parameters; with the same weights they compute the same outputs.
Notebook 10 writes the three versions in its own cells and checks them against these.
"""

from __future__ import annotations

from course_utils.layer_math import positive_int

#: Layer widths of the lecture notes' network: 784 inputs, hidden 128 and 64, 10 outputs.
MLP_SIZES = (784, 128, 64, 10)


def _check_inputs(inputs) -> int:
    return positive_int("inputs", inputs)


def sequential_mlp(inputs: int = 784):
    """Sequential API: a plain stack of layers, one input, one output."""
    import keras

    _check_inputs(inputs)
    return keras.Sequential(
        [
            keras.Input(shape=(inputs,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ],
        name="sequential_mlp",
    )


def functional_mlp(inputs: int = 784):
    """Functional API: layers called on tensors; the model is the graph from inputs to outputs."""
    import keras

    x_in = keras.Input(shape=(_check_inputs(inputs),))
    x = keras.layers.Dense(128, activation="relu")(x_in)
    x = keras.layers.Dense(64, activation="relu")(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs=x_in, outputs=outputs, name="functional_mlp")


def subclassed_mlp_class():
    """Return the Subclassing-API class (defined on first use so importing this module skips Keras)."""
    import keras

    class SubclassedMLP(keras.Model):
        """Subclassing API: layers made in ``__init__``, the computation written in ``call``."""

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.d1 = keras.layers.Dense(128, activation="relu")
            self.d2 = keras.layers.Dense(64, activation="relu")
            self.out = keras.layers.Dense(10, activation="softmax")

        def call(self, x):
            x = self.d1(x)
            x = self.d2(x)
            return self.out(x)

    return SubclassedMLP


def subclassed_mlp(inputs: int = 784):
    """An instance of the subclassed model, called once on zeros so its weights exist.

    (A subclassed model creates its weights when it first sees data; ``build`` alone
    would not know the input size of each layer.)
    """
    import numpy as np

    model = subclassed_mlp_class()(name="subclassed_mlp")
    model(np.zeros((1, _check_inputs(inputs)), dtype="float32"))
    return model
