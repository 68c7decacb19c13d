"""Exercise checks for 05_activation_functions."""

from __future__ import annotations

import numpy as np

from course_utils import activations as act
from course_utils.exercises import (
    Verdict,
    as_array,
    as_number,
    call_student,
    checker,
    feedback,
    unanswered,
)

#: Exercise 1: two linear layers (x @ W + b), to be collapsed into one.
W1 = np.array([[1.0, 2.0], [0.0, -1.0]])
B1 = np.array([1.0, 0.0])
W2 = np.array([[2.0], [1.0]])
B2 = np.array([-1.0])

#: Exercise 3: the input scales the student tries, and the slope below which a unit counts as saturated.
SCALES = (1, 3, 10, 30, 100)
SATURATED_SLOPE = 0.05

#: Exercise 4: the XOR inputs and targets, and how close every output must come.
XOR_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_TARGETS = np.array([0.0, 1.0, 1.0, 0.0])
XOR_TOLERANCE = 0.1

_PROBE = np.array([-8.0, -2.5, -0.3, 0.0, 0.4, 1.0, 3.0, 8.0])


def _call(function, z, name: str):
    """``function(z)`` as a float array of z's shape, or a one-line hint saying what went wrong."""
    values, wrong = call_student(function, z, what=name, returns="an array")
    if wrong is not None:
        return None, wrong
    if values.shape != z.shape:
        return None, feedback(
            False, "", f"{name} should return one value per z, an array of shape {z.shape}; it returned {values.shape}."
        )
    return values, None


@checker
def check_collapsed_layer(weights, bias) -> Verdict:
    """Exercise 1: the (W, b) of the one linear layer equal to x @ W1 + B1 followed by @ W2 + B2."""
    if unanswered(weights, bias):
        return Verdict(False)
    want_w, want_b = act.collapse([(W1, B1), (W2, B2)])
    weights = as_array(weights, "W", want_w.size)
    bias = as_array(bias, "b", want_b.size)
    if not np.allclose(weights, want_w.ravel()):
        return feedback(False, "", "Recompute W: the combined weights are the matrix product W1 @ W2.")
    return feedback(
        np.allclose(bias, want_b),
        f"W = W1 @ W2 = {want_w.ravel().tolist()} and b = b1 @ W2 + b2 = {want_b.tolist()}: two layers, one line.",
        "W is right. For b: the first layer's bias also passes through the second layer's weights.",
    )


@checker
def check_softplus(my_softplus, my_softplus_derivative) -> Verdict:
    """Exercise 2: softplus(z) = log(1 + e^z) and its derivative, each a function of a NumPy array."""
    if unanswered(my_softplus, my_softplus_derivative):
        return Verdict(False)
    for function, name in ((my_softplus, "my_softplus"), (my_softplus_derivative, "my_softplus_derivative")):
        if not callable(function):
            return feedback(False, "", f"Assign a function to {name} (def ...), not a {type(function).__name__}.")
    values, failed = _call(my_softplus, _PROBE, "my_softplus")
    if failed is not None:
        return failed
    if not np.allclose(values, np.log1p(np.exp(_PROBE)), atol=1e-6):
        if np.allclose(values, act.relu(_PROBE)):
            return feedback(False, "", "That is ReLU itself; softplus is log(1 + e^z), a smooth version of it.")
        if np.allclose(values, np.log10(1 + np.exp(_PROBE)), atol=1e-6):
            return feedback(False, "", "Right formula with log base 10; softplus uses the natural logarithm, np.log.")
        return feedback(
            False, "", "my_softplus(z) should be log(1 + e^z) for every z: compare your values with it at z = 0 and 1."
        )
    slopes, failed = _call(my_softplus_derivative, _PROBE, "my_softplus_derivative")
    if failed is not None:
        return failed
    if np.allclose(slopes, act.sigmoid_derivative(_PROBE)):
        return feedback(False, "", "That is the sigmoid's own slope. Differentiate log(1 + e^z) with the chain rule.")
    if np.allclose(slopes, act.relu_derivative(_PROBE)):
        return feedback(False, "", "That is ReLU's slope, which jumps from 0 to 1. Softplus' slope changes smoothly.")
    return feedback(
        np.allclose(slopes, act.sigmoid(_PROBE), atol=1e-6),
        "The slope of softplus is e^z / (1 + e^z) = sigmoid(z): a smooth ReLU whose slope is the sigmoid.",
        "Apply the chain rule, (log u)' = u'/u with u = 1 + e^z, and compare your function with the slope "
        "(my_softplus(z + 1e-6) − my_softplus(z)) / 1e-6 at a few z.",
    )


@checker
def check_saturating_scale(scale) -> Verdict:
    """Exercise 3: the smallest input scale in SCALES at which more than half of the sigmoid slopes are < 0.05."""
    if unanswered(scale):
        return Verdict(False)
    scale = as_number(scale, "the scale")
    if scale not in SCALES:
        return feedback(False, "", f"Choose one of the scales you tried: {', '.join(map(str, SCALES))}.")
    if scale < 10:
        return feedback(False, "", f"Look again at scale {scale:g}: most slopes are still above {SATURATED_SLOPE}.")
    return feedback(
        scale == 10,
        "At 10 times larger inputs most sigmoid units already sit on a flat part of the curve; at 1 almost none "
        "do. This is one reason inputs are scaled to small numbers (the lecture notes' MNIST code divides pixels "
        "by 255).",
        "More than half are saturated at that scale, but already at a smaller one too: find the first.",
    )


@checker
def check_sigmoid_xor(weights1, bias1, weights2, bias2) -> Verdict:
    """Exercise 4: y = sigmoid(x @ W1 + b1) @ W2 + b2 within XOR_TOLERANCE of XOR on all four inputs."""
    if unanswered(weights1, bias1, weights2, bias2):
        return Verdict(False)
    parts = []
    for answer, what, size in ((weights1, "W1", 4), (bias1, "b1", 2), (weights2, "W2", 2), (bias2, "b2", 1)):
        value = as_array(answer, what, size)
        parts.append(value)
    w1, b1, w2, b2 = parts
    z = XOR_INPUTS @ w1.reshape(2, 2) + b1
    outputs = act.sigmoid(z) @ w2 + b2[0]
    errors = np.abs(outputs - XOR_TARGETS)
    shown = ", ".join(f"{o:.3f}" for o in outputs)
    if np.all(errors < XOR_TOLERANCE):
        slope = act.sigmoid_derivative(z).max()
        return feedback(
            True,
            f"Outputs {shown} for the inputs (0,0), (0,1), (1,0), (1,1). The largest sigmoid slope at these "
            f"points is {slope:.3g}: weights large enough to make each sigmoid a sharp step also put it where "
            "it barely learns (section 4).",
            "",
        )
    return feedback(
        False,
        "",
        f"Your network outputs {shown} for (0,0), (0,1), (1,0), (1,1); every output must be within "
        f"{XOR_TOLERANCE} of 0, 1, 1, 0. Hint: with large weights a sigmoid unit acts like notebook 02's step "
        "neuron; which two gates of notebook 02 can a linear output combine into XOR?",
    )
