"""Exercise checks for 14_convolutional_networks.

Every checker is decorated with :func:`course_utils.exercises.checker`, so an answer of the wrong kind
(text for a number, 208.5 for a count, a shape that is not three numbers) is a one-line hint.
"""

from __future__ import annotations

import keras
import numpy as np

from course_utils import load_mnist
from course_utils.data import prepare_images
from course_utils.exercises import (
    AnswerError,
    Verdict,
    accuracy_without_leak,
    as_number,
    as_shape,
    as_whole_number,
    checker,
    feedback,
    sentence,
    unanswered,
)

#: The patch and kernel of exercise 2 (the vertical-edge kernel of section 1 on the left edge of a stroke).
EXERCISE_PATCH = np.array([[0.0, 0.5, 1.0], [0.0, 0.5, 1.0], [0.0, 1.0, 1.0]])
EXERCISE_KERNEL = np.array([[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]])

#: The open experiment: a CNN with at most this many parameters ...
MAX_PARAMETERS = 40_000
#: ... that reaches at least this test accuracy on MNIST.
TARGET_ACCURACY = 0.99


@checker
def check_conv_layer(output_shape, n_parameters) -> Verdict:
    """Exercise 1: output shape and parameter count of Conv2D(8, 5x5) on a 28x28x1 image, no padding."""
    if unanswered(output_shape, n_parameters):
        return Verdict(False)
    shape = as_shape(output_shape, "the output shape", 3, "(height, width, channels)")
    count = as_whole_number(n_parameters, "the parameter count")
    if shape != (24, 24, 8):
        if shape[2] != 8:
            hint = "Look at the channels: each of the 8 filters makes one output channel."
        elif shape[:2] == (28, 28):
            hint = "Without padding the window cannot be centred on border pixels: the map shrinks."
        elif shape[:2] == (26, 26):
            hint = "26 is for a 3x3 kernel; this one is 5 x 5 (section 2's formula, or question 2)."
        else:
            hint = "Count the positions a 5x5 window fits along each side of 28 pixels (section 2's formula)."
        return feedback(False, "", f"The shape is not {shape}. {hint}")
    if count == 5 * 5 * 8:
        hint = "That counts the weights only: each filter has one bias too."
    elif count == 24 * 24 * 8:
        hint = "That is the number of outputs; the parameters are the kernels' weights and biases, shared by them all."
    else:
        hint = "The shape is right. For the parameters, count one filter's weights and bias, then all 8 filters."
    return feedback(
        count == (5 * 5 * 1 + 1) * 8, "(24, 24, 8) and (5·5·1 + 1)·8 = 208 parameters, whatever the image size.", hint
    )


@checker
def check_convolution_value(value) -> Verdict:
    """Exercise 2: the output of EXERCISE_KERNEL on EXERCISE_PATCH (sum of the elementwise products)."""
    if unanswered(value):
        return Verdict(False)
    number = as_number(value, "the kernel's output")
    expected = float(np.sum(EXERCISE_PATCH * EXERCISE_KERNEL))
    hint = (
        "The sign is the other way round: the right column has weights +1, the left column −1."
        if np.isclose(number, -expected)
        else "Multiply each patch pixel by the kernel weight in the same position and add all nine products."
    )
    return feedback(
        bool(np.isclose(number, expected)),
        f"Each row gives right − left: 1.0 + 1.0 + 1.0 = {expected:.1f}. A large positive value means "
        "background on the left, ink on the right: a background → ink edge, left to right.",
        hint,
    )


@checker
def check_stride_shapes(conv_shape, pool_shape) -> Verdict:
    """Exercise 3: Conv2D(8, 5, strides=2, padding="same") then MaxPooling2D(2) on a 28x28x1 image."""
    if unanswered(conv_shape, pool_shape):
        return Verdict(False)
    shapes = []
    for answer, what in ((conv_shape, "the convolution's output shape"), (pool_shape, "the pooling's output shape")):
        shape = as_shape(answer, what, 3, "(height, width, channels)")
        shapes.append(shape)
    conv, pool = shapes
    if conv != (14, 14, 8):
        if conv[2] != 8:
            hint = "Look at the channels: each of the 8 filters makes one output channel, whatever the input has."
        elif conv[:2] == (28, 28):
            hint = 'That is padding="same" with stride 1: the stride of 2 moves the kernel 2 pixels at a time.'
        elif conv[:2] == (12, 12):
            hint = 'That is stride 2 without padding: padding="same" adds a border of (5 - 1) / 2 pixels first.'
        elif conv[:2] == (24, 24):
            hint = "That is a 5x5 kernel with neither padding nor stride: this layer has both."
        else:
            hint = (
                'Use section 2\'s formula along each side, with n = 28, k = 5, the border of padding="same" and s = 2.'
            )
        return feedback(False, "", f"The convolution's shape is not {conv}. {hint}")
    if pool != (7, 7, 8):
        if pool == conv:
            hint = "MaxPooling2D(2) keeps one value of each 2x2 square: the height and width change."
        elif pool[:2] == (7, 7):
            hint = "The height and width are right; pooling works on each channel separately, so the channels stay."
        else:
            hint = "The convolution's shape is right; pooling 2x2 halves its height and width (rounding down)."
        return feedback(False, "", f"The pooling's shape is not {pool}. {hint}")
    return feedback(
        True,
        "(14, 14, 8) then (7, 7, 8): the border of 2 keeps 28 pixels of room, the stride of 2 halves them, "
        "and pooling halves them again.",
        "",
    )


#: Exercise 4: the receptive field of a third Conv2D(64, 3) after pool2 (10 pixels, positions 4 pixels apart).
THIRD_FIELD = 10 + (3 - 1) * 4


@checker
def check_receptive_field(field) -> Verdict:
    """Exercise 4: the receptive field, in pixels along each side, of a Conv2D(64, 3) added after pool2."""
    if unanswered(field):
        return Verdict(False)
    if isinstance(field, (tuple, list)) and len(field) == 2 and field[0] == field[1]:
        field = field[0]  # (18, 18) says the same as 18
    size = as_whole_number(field, "the receptive field's width in pixels")
    hints = {
        12: "A 3-wide window adds 2 neighbours, but after two poolings its neighbours are not 1 pixel apart.",
        14: "Count the jump again: each pooling of 2 doubles it, and there have been two since the image.",
        10: "That is pool2's field: the new layer's window reaches past it to its neighbours.",
        3: "That is the window in the layer's own input; count in pixels of the image, with the rule of section 6.",
        30: "The field grows by adding, (k - 1) · jump, not by multiplying.",
    }
    return feedback(
        size == THIRD_FIELD,
        "10 + (3 - 1) · 4 = 18 pixels: three small kernels and two poolings see most of a 28 x 28 digit.",
        hints.get(size, "Start from pool2's 10 pixels and add (window - 1) · jump, with the jump after pool2."),
    )


def as_accuracy(answer, what: str = "an accuracy") -> float:
    """A number between 0 and 1, or :class:`AnswerError` with a one-line hint."""
    value = as_number(answer, what)
    if not 0 <= value <= 1:
        raise AnswerError(f"{sentence(what)} is a fraction between 0 and 1 (0.97, not 97); got {answer}.")
    return value


@checker
def check_shuffled_pixels(accuracies, which_model) -> Verdict:
    """Exercise 3: which model lost more test accuracy when every image's pixels were shuffled the same way.

    ``accuracies`` is ``{"CNN": (original, shuffled), "MLP": (original, shuffled)}``, the test accuracies
    the student measured; ``which_model`` ("CNN" or "MLP") must agree with them.
    """
    if not isinstance(accuracies, dict) or set(accuracies) != {"CNN", "MLP"}:
        return feedback(False, "", 'Keep the form {"CNN": (original, shuffled), "MLP": (original, shuffled)}.')
    pairs = list(accuracies.values())
    if any(not isinstance(pair, (tuple, list)) or len(pair) != 2 for pair in pairs):
        return feedback(False, "", "Give each model two accuracies: (original pixels, shuffled pixels).")
    if unanswered(*[value for pair in pairs for value in pair], which_model):
        return Verdict(False)
    drop = {}
    for model, (original, shuffled) in accuracies.items():
        values = []
        for value, pixels in ((original, "original"), (shuffled, "shuffled")):
            number = as_accuracy(value, f"the {model}'s test accuracy on {pixels} pixels")
            values.append(number)
        drop[model] = values[0] - values[1]
    if not isinstance(which_model, str) or which_model.strip().upper() not in ("CNN", "MLP"):
        return feedback(False, "", f'Answer with the text "CNN" or "MLP", got {which_model!r}.')
    measured = max(drop, key=drop.get)
    return feedback(
        which_model.strip().upper() == measured,
        f"In your run the CNN lost {drop['CNN']:.1%} of test accuracy, the MLP {drop['MLP']:.1%}. The MLP never "
        "knew which pixels are neighbours, so one fixed shuffle changes nothing it can use; the CNN's small kernels "
        "look at neighbouring pixels, and after the shuffle neighbours are unrelated pixels from all over the image.",
        "Compare the drops: each model's accuracy on the original pixels minus its accuracy on the shuffled ones.",
    )


def _conv_layers(model):
    found = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            found.append(layer)
        elif hasattr(layer, "layers"):
            found.extend(_conv_layers(layer))
    return found


@checker
def check_small_cnn(model, x_test=None, y_test=None, fresh=None) -> Verdict:
    """The open experiment: a trained CNN with at most 40,000 parameters and at least 99% MNIST test accuracy.

    Trains nothing: checks that ``model`` is a Keras model with a ``Conv2D`` layer, reads 28x28x1
    images and outputs 10 class scores, counts its parameters, and measures its accuracy on the
    10,000 test images (loaded with ``course_utils.load_mnist`` unless ``x_test``/``y_test`` are given).
    It also measures the model on ``fresh`` images, ``(x, y)``, by default the validation images (the last
    6,000 training images, which the notebook keeps out of training): a test score far above that one means
    the model trained on the test images, and is reported as the leak it is.
    """
    if unanswered(model):
        return Verdict(False)
    if not isinstance(model, keras.Model):
        return feedback(False, "", f"Pass your Keras model itself (e.g. my_model), not a {type(model).__name__}.")
    try:
        input_shape, output_shape = tuple(model.inputs[0].shape[1:]), tuple(model.outputs[0].shape[1:])
    except (AttributeError, IndexError, ValueError):
        return feedback(False, "", "Your model has no input shape yet: start it with keras.Input(shape=(28, 28, 1)).")
    if input_shape != (28, 28, 1):
        return feedback(False, "", f"Your model reads inputs shaped {input_shape}; it should read images (28, 28, 1).")
    if output_shape != (10,):
        return feedback(False, "", f"Your model outputs shape {output_shape}; it should output 10 class scores, (10,).")
    if not _conv_layers(model):
        return feedback(False, "", "Your model has no Conv2D layer: the experiment asks for a convolutional network.")
    count = model.count_params()
    if count > MAX_PARAMETERS:
        return feedback(
            False,
            "",
            f"Your model has {count:,} parameters, more than {MAX_PARAMETERS:,}. Most of a small "
            "CNN's parameters usually sit in its Dense layers: look at model.summary().",
        )
    if x_test is None or y_test is None or fresh is None:
        (x_train, y_train), (x_test_all, y_test_all) = load_mnist()
        if x_test is None or y_test is None:
            x_test, y_test = prepare_images(x_test_all, flatten=False), y_test_all
        if fresh is None:
            fresh = (prepare_images(x_train[-6_000:], flatten=False), y_train[-6_000:])
    accuracy, wrong = accuracy_without_leak(model, (x_test, y_test), fresh, judged_name="test images")
    if wrong is not None:
        return wrong
    return feedback(
        accuracy >= TARGET_ACCURACY,
        f"{count:,} parameters and {accuracy:.2%} test accuracy (measured here on the 10,000 test images).",
        f"{count:,} parameters is within the limit, but the test accuracy is {accuracy:.2%}, below "
        f"{TARGET_ACCURACY:.0%}: train longer, or spend the parameters differently.",
    )
