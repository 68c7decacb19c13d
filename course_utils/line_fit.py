"""One small task in five frameworks: fit y = 3x + 2 by gradient descent.

Every implementation does the same thing, so they can be compared line by line:
start from w = b = 0, and ``steps`` times take one full-batch gradient step on the
mean squared error ``mean((w·x + b − y)²)`` with the same learning rate. Each
function imports its framework inside its body, so it is self-contained:
:func:`fit_line_mxnet` is sent as source to MXNet's legacy environment by
:func:`course_utils.frameworks.run_in_mxnet`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_utils import gradient_descent
from course_utils.frameworks import (
    MXNetUnavailable,
    count_code_lines,
    install_hint,
    is_installed,
    optional_import,
    run_in_mxnet,
)
from course_utils.timing import Stopwatch

TRUE_W, TRUE_B = 3.0, 2.0


def make_line_data(seed: int, n: int = 100, noise: float = 0.1):
    """``n`` points of y = 3x + 2 plus Gaussian noise (std ``noise``), x uniform in [-1, 1]; float32.

    The same generator as 07_gradient_descent's (:func:`course_utils.gradient_descent.make_line_data`),
    seeded with ``seed`` and cast to float32, the precision every framework here computes in.
    """
    x, y = gradient_descent.make_line_data(n, TRUE_W, TRUE_B, noise, np.random.default_rng(seed))
    return x.astype("float32"), y.astype("float32")


def fit_line_tensorflow(x, y, steps=200, learning_rate=0.1):
    """TensorFlow: variables, a GradientTape records the loss, then we update by hand."""
    import tensorflow as tf

    x, y = tf.constant(x, tf.float32), tf.constant(y, tf.float32)
    w, b = tf.Variable(0.0), tf.Variable(0.0)
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((w * x + b - y) ** 2)
        dw, db = tape.gradient(loss, [w, b])
        w.assign_sub(learning_rate * dw)
        b.assign_sub(learning_rate * db)
    return float(w.numpy()), float(b.numpy())


def fit_line_keras(x, y, steps=200, learning_rate=0.1):
    """Keras: a one-neuron Dense layer; compile and fit write the loop for us."""
    import keras
    import numpy as np

    x, y = np.asarray(x, "float32").reshape(-1, 1), np.asarray(y, "float32").reshape(-1, 1)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, kernel_initializer="zeros")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="mse")
    # One epoch of `steps` identical full batches: the same steps as epochs=steps, without the
    # per-epoch bookkeeping that would make this toy problem take seconds.
    model.fit(np.tile(x, (steps, 1)), np.tile(y, (steps, 1)), batch_size=len(x), shuffle=False, verbose=0)
    w, b = model.layers[0].get_weights()
    return float(w[0, 0]), float(b[0])


def fit_line_torch(x, y, steps=200, learning_rate=0.1):
    """PyTorch: tensors that require grad, backward() fills .grad, we update without recording."""
    import torch

    x, y = torch.as_tensor(x, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32)
    w, b = torch.zeros((), requires_grad=True), torch.zeros((), requires_grad=True)
    for _ in range(steps):
        loss = ((w * x + b - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():  # the update itself must not become part of the next graph
            w -= learning_rate * w.grad
            b -= learning_rate * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return w.item(), b.item()


def fit_line_jax(x, y, steps=200, learning_rate=0.1):
    """JAX: a pure loss function; grad differentiates it, jit compiles the update step."""
    import jax
    import jax.numpy as jnp

    x, y = jnp.asarray(x, jnp.float32), jnp.asarray(y, jnp.float32)

    def loss(params):
        return jnp.mean((params[0] * x + params[1] - y) ** 2)

    step = jax.jit(lambda params: params - learning_rate * jax.grad(loss)(params))
    params = jnp.zeros(2)
    for _ in range(steps):
        params = step(params)
    return float(params[0]), float(params[1])


def fit_line_mxnet(x, y, steps=200, learning_rate=0.1):
    """MXNet: NDArrays with attached gradients, autograd.record(), in-place updates."""
    from mxnet import autograd, nd

    x, y = nd.array(x), nd.array(y)
    w, b = nd.zeros(1), nd.zeros(1)
    w.attach_grad()
    b.attach_grad()
    for _ in range(steps):
        with autograd.record():
            loss = ((w * x + b - y) ** 2).mean()
        loss.backward()
        w -= learning_rate * w.grad
        b -= learning_rate * b.grad
    return float(w.asscalar()), float(b.asscalar())


#: The five implementations, in the order the notebook presents them.
FITS = {
    "TensorFlow": fit_line_tensorflow,
    "Keras": fit_line_keras,
    "PyTorch": fit_line_torch,
    "JAX": fit_line_jax,
    "MXNet": fit_line_mxnet,
}
_NEEDS = {"PyTorch": "torch", "JAX": "jax"}


@dataclass
class FitResult:
    """The line one framework recovered, how many lines of code it took, and how long it ran."""

    framework: str
    w: float
    b: float
    lines: int
    seconds: float


def fit_everywhere(x, y, steps: int = 200, learning_rate: float = 0.1) -> list[FitResult]:
    """Run every implementation in :data:`FITS` on the same data; a framework that is missing is
    skipped after printing how to install it. MXNet runs in its legacy environment and is timed there."""
    results = []
    for framework, fit in FITS.items():
        module = _NEEDS.get(framework)
        if module and not is_installed(module):
            print(install_hint(module))
            continue
        if module:
            optional_import(module)  # sets up JAX for the CPU before its first import
        if framework == "MXNet":
            try:
                run = run_in_mxnet(
                    fit, x=np.asarray(x).tolist(), y=np.asarray(y).tolist(), steps=steps, learning_rate=learning_rate
                )
            except MXNetUnavailable as missing:
                print(missing)
                continue
            (w, b), seconds = run.value, run.seconds
        else:
            with Stopwatch() as watch:
                w, b = fit(x, y, steps=steps, learning_rate=learning_rate)
            seconds = watch.seconds
        results.append(FitResult(framework, float(w), float(b), count_code_lines(fit), seconds))
    return results
