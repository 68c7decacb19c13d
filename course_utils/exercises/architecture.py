"""Exercise checks for 03_network_architecture."""

from __future__ import annotations

import keras

from course_utils.data import load_mnist, prepare_images
from course_utils.exercises import Verdict, accuracy_without_leak, as_whole_number, checker, feedback, unanswered
from course_utils.keras_apis import dense_params, mlp_params

#: The network of exercises 1 and 2: 784 inputs, two hidden ReLU layers, 10 softmax outputs.
EXERCISE_SIZES = (784, 256, 64, 10)
#: Exercise 4: the most trainable parameters the small network may have, and the test accuracy it must reach.
SMALL_MAX_PARAMETERS = 25_000
SMALL_TARGET_ACCURACY = 0.93
#: Exercise 4: the student trains on the first TRAIN_IMAGES training images; the rest are the validation images.
TRAIN_IMAGES = 50_000


def exercise_parameter_count() -> int:
    """Weights plus biases of the 784-256-64-10 network, layer by layer."""
    return mlp_params(EXERCISE_SIZES)


@checker
def check_parameter_count(count) -> Verdict:
    """Exercise 1: the number of trainable parameters of the 784-256-64-10 network."""
    if unanswered(count):
        return Verdict(False)
    count = as_whole_number(count, "the parameter count")
    expected = exercise_parameter_count()
    weights_only = sum(dense_params(a, b, use_bias=False) for a, b in zip(EXERCISE_SIZES, EXERCISE_SIZES[1:]))
    biases_only = sum(EXERCISE_SIZES[1:])
    if count == weights_only:
        hint = "You counted the weights; every neuron of the hidden and output layers also has a bias."
    elif count == weights_only + biases_only + EXERCISE_SIZES[0]:
        hint = "The input layer computes nothing, so its 784 neurons have no bias."
    elif count == exercise_parameter_count() - (EXERCISE_SIZES[-2] * EXERCISE_SIZES[-1] + EXERCISE_SIZES[-1]):
        hint = "Right so far, but the output layer has weights and biases too."
    else:
        hint = "Per layer: (inputs × neurons) weights + one bias per neuron; then add the three layers."
    return feedback(
        count == expected,
        f"784·256+256 + 256·64+64 + 64·10+10 = {expected:,} parameters.",
        hint,
    )


def _input_problem(model) -> str | None:
    """Why ``model`` cannot take 784 pixels per image, or None when it can."""
    if not isinstance(model, keras.Model):
        return f"Pass a Keras model; got a {type(model).__name__}."
    try:
        input_shape = tuple(model.inputs[0].shape)
    except (AttributeError, IndexError, ValueError):
        return "The model has no input yet: start it with keras.Input(shape=(784,))."
    if input_shape != (None, 784):
        return f"The input must be 784 pixels, keras.Input(shape=(784,)); got shape {input_shape}."
    return None


@checker
def check_model(model) -> Verdict:
    """Exercise 2: a Keras model 784 → Dense(256, relu) → Dense(64, relu) → Dense(10, softmax)."""
    if unanswered(model):
        return Verdict(False)

    problem = _input_problem(model)
    if problem is not None:
        return feedback(False, "", problem)
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    got = [(layer.units, keras.activations.serialize(layer.activation)) for layer in dense]
    wanted = [(256, "relu"), (64, "relu"), (10, "softmax")]
    return feedback(
        got == wanted,
        f"Your model has {model.count_params():,} parameters, the number you counted in Exercise 1.",
        f"Expected Dense layers (units, activation) {wanted}, got {got}.",
    )


@checker
def check_small_network(model) -> Verdict:
    """Exercise 4: a trained model with at most SMALL_MAX_PARAMETERS parameters and the target validation accuracy.

    Trains nothing: it counts the model's parameters and measures its accuracy on the validation images, the
    last 10,000 of the 60,000 training images; it also scores the model on the 10,000 test images and reports
    a validation score far above that as a leak (the model has trained on the validation images).
    """
    if unanswered(model):
        return Verdict(False)
    problem = _input_problem(model)
    if problem is not None:
        return feedback(False, "", problem)
    n_parameters = model.count_params()
    if n_parameters > SMALL_MAX_PARAMETERS:
        return feedback(
            False,
            "",
            f"Your model has {n_parameters:,} parameters, more than {SMALL_MAX_PARAMETERS:,}: "
            "which layer holds most of them, and how can you make it smaller?",
        )

    (x_train, y_train), (x_test, y_test) = load_mnist()
    validation = prepare_images(x_train[TRAIN_IMAGES:]), y_train[TRAIN_IMAGES:]
    accuracy, wrong = accuracy_without_leak(model, validation, (prepare_images(x_test), y_test))
    if wrong is not None:
        return wrong
    return feedback(
        accuracy >= SMALL_TARGET_ACCURACY,
        f"{n_parameters:,} parameters and {accuracy:.1%} validation accuracy: "
        f"{101_770 / n_parameters:.1f} times smaller than the 784-128-10 network.",
        f"{n_parameters:,} parameters is small enough, but the validation accuracy is {accuracy:.1%} "
        f"(target {SMALL_TARGET_ACCURACY:.0%}). Train it longer, or on more of the first {TRAIN_IMAGES:,} "
        "training images.",
    )
