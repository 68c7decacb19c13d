"""Exercise checks for 14_convolutional_networks."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import Verdict, feedback, unanswered

#: The patch and kernel of exercise 2 (a vertical-edge detector on the left edge of a stroke).
EXERCISE_PATCH = np.array([[0.0, 0.5, 1.0], [0.0, 0.5, 1.0], [0.0, 1.0, 1.0]])
EXERCISE_KERNEL = np.array([[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]])


def check_conv_layer(output_shape, n_parameters) -> Verdict:
    """Exercise 1: output shape and parameter count of Conv2D(8, 5x5) on a 28x28x1 image, no padding."""
    if unanswered(output_shape, n_parameters):
        return Verdict(False)
    shape = tuple(int(v) for v in np.ravel(output_shape))
    if shape != (24, 24, 8):
        hint = ("A 5x5 window fits 28 - 5 + 1 positions along each side, and each filter makes one channel."
                if shape != (28, 28, 8) else "Without padding the window cannot be centred on border pixels: the map shrinks.")
        return feedback(False, "", f"The shape is not {shape}. {hint}")
    return feedback(
        int(n_parameters) == (5 * 5 * 1 + 1) * 8,
        "(24, 24, 8) and (5·5·1 + 1)·8 = 208 parameters, whatever the image size.",
        "The shape is right. Parameters: each filter has 5·5·1 weights and one bias.",
    )


def check_convolution_value(value) -> Verdict:
    """Exercise 2: the output of EXERCISE_KERNEL on EXERCISE_PATCH (sum of the elementwise products)."""
    if unanswered(value):
        return Verdict(False)
    expected = float(np.sum(EXERCISE_PATCH * EXERCISE_KERNEL))
    return feedback(
        np.isclose(float(value), expected),
        f"Each row gives right − left: 1.0 + 1.0 + 1.0 = {expected:.1f}. A large value means "
        "'dark on the right, light on the left': a vertical edge.",
        "Multiply each patch pixel by the kernel weight in the same position and add all nine products.",
    )
