"""Exercise checks for 10_keras_apis."""

from __future__ import annotations

from course_utils.exercises import Verdict, feedback, unanswered
from course_utils.layer_math import conv2d_output_size, conv2d_params


def check_conv2d_layer(output_shape, n_parameters) -> Verdict:
    """Exercise 1: ``Conv2D(16, (5, 5))`` on 28x28 grey images: output shape (h, w, channels) and parameter count."""
    if unanswered(output_shape, n_parameters):
        return Verdict(False)
    try:
        shape = tuple(int(v) for v in output_shape)
    except (TypeError, ValueError):
        return feedback(False, "", f"`output_shape` should be three whole numbers (height, width, channels), got {output_shape!r}.")
    expected_shape = (*conv2d_output_size(28, 28, 5), 16)
    expected_params = conv2d_params(1, 16, 5)
    if shape != expected_shape:
        return feedback(False, "", "With padding='valid' a k×k kernel fits n − k + 1 times along each side of an n-pixel "
                        "image, and there is one output channel per filter.")
    if n_parameters == 5 * 5 * 16:
        return feedback(False, "", "You counted the weights; each filter also has one bias.")
    return feedback(
        n_parameters == expected_params,
        f"Output {expected_shape}; parameters 5·5·1·16 weights + 16 biases = {expected_params}.",
        "Each filter has kernel height × kernel width × input channels weights plus one bias.",
    )


def check_dropout_scale(scale) -> Verdict:
    """Exercise 2: the factor by which ``Dropout(0.2)`` multiplies the kept values during training."""
    if unanswered(scale):
        return Verdict(False)
    try:
        value = float(scale)
    except (TypeError, ValueError):
        return feedback(False, "", f"`scale` should be a number, got {scale!r}.")
    if abs(value - 0.8) < 1e-9:
        return feedback(False, "", "0.8 is the fraction kept; the kept values are divided by it, not multiplied.")
    return feedback(
        abs(value - 1.25) < 1e-6,
        "1 / (1 − 0.2) = 1.25: the kept 80% are scaled up so the expected sum stays what it is at inference.",
        "Dropout keeps a fraction 1 − rate of the values and rescales them so their expected value is unchanged.",
    )
