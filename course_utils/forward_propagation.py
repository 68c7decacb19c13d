"""Forward propagation in plain NumPy: what a stack of Keras ``Dense`` layers computes.

:func:`dense` and :func:`forward` are written in 04_forward_propagation's cell marked
``# saved in course_utils.forward_propagation`` and saved here unchanged (``tests/test_saved_cells.py`` keeps the
two identical). A network is a list of ``(W, b, activation)`` layers: ``W`` has shape (inputs, units),
as Keras stores it, ``b`` shape (units,), and ``activation`` is a function of a NumPy array. One sample
is a vector of shape (inputs,); a batch is a matrix of shape (n, inputs), one sample per row, and the
same lines handle both.
"""

from __future__ import annotations


def dense(x, W, b, activation):
    return activation(x @ W + b)


def forward(x, layers):
    for W, b, activation in layers:
        x = dense(x, W, b, activation)
    return x
