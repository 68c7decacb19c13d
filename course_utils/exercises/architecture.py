"""Exercise checks for 03_network_architecture."""

from __future__ import annotations

from course_utils.exercises import Verdict, feedback, unanswered

#: The network of the exercises: 784 inputs, two hidden ReLU layers, 10 softmax outputs.
EXERCISE_SIZES = (784, 256, 64, 10)


def dense_parameter_count(sizes) -> int:
    """Weights plus biases of a stack of fully connected layers: sum of n_in · n_out + n_out."""
    sizes = [int(s) for s in sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"sizes must list at least two positive layer sizes, got {sizes}")
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))


def check_parameter_count(count) -> Verdict:
    """Exercise 1: the number of trainable parameters of the 784-256-64-10 network."""
    if unanswered(count):
        return Verdict(False)
    expected = dense_parameter_count(EXERCISE_SIZES)
    weights_only = sum(a * b for a, b in zip(EXERCISE_SIZES, EXERCISE_SIZES[1:]))
    if count == weights_only:
        hint = "You counted the weights; every neuron of the hidden and output layers also has a bias."
    else:
        hint = "Per layer: (inputs × neurons) weights + one bias per neuron; then add the three layers."
    return feedback(
        count == expected,
        f"784·256+256 + 256·64+64 + 64·10+10 = {expected:,} parameters.",
        hint,
    )


def check_model(model) -> Verdict:
    """Exercise 2: a Keras model 784 → Dense(256, relu) → Dense(64, relu) → Dense(10, softmax)."""
    if unanswered(model):
        return Verdict(False)
    import keras

    if not isinstance(model, keras.Model):
        return feedback(False, "", f"`my_model` must be a Keras model, got a {type(model).__name__}.")
    try:
        input_shape = tuple(model.inputs[0].shape)
    except (AttributeError, IndexError, ValueError):
        return feedback(False, "", "The model has no input yet: start it with keras.Input(shape=(784,)).")
    if input_shape != (None, 784):
        return feedback(False, "", f"The input must be 784 pixels, keras.Input(shape=(784,)); got shape {input_shape}.")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    got = [(layer.units, keras.activations.serialize(layer.activation)) for layer in dense]
    wanted = [(256, "relu"), (64, "relu"), (10, "softmax")]
    return feedback(
        got == wanted,
        f"Your model has {model.count_params():,} parameters, the number you counted in Exercise 1.",
        f"Expected Dense layers (units, activation) {wanted}, got {got}.",
    )
