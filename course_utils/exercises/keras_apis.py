"""Exercise checks for 10_keras_apis."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import (
    AnswerError,
    Verdict,
    as_number,
    as_whole_number,
    feedback,
    model_accuracy,
    parsed,
    sentence,
    unanswered,
)
from course_utils.keras_apis import dense_params, gru_params, lstm_params

#: Exercise 1: LSTM(32) and GRU(32) reading sequences of 8 features per step.
RECURRENT_INPUTS, RECURRENT_UNITS = 8, 32
#: Exercise 4: the accuracy a Dense-only model must reach on the held-out sum-sign sequences.
SEQUENCE_TARGET = 0.95
#: Exercise 5 (open): at least this accuracy on the 2,000 test images ...
OPEN_TARGET = 0.92
#: ... with at most this many parameters (the lecture notes' MLP has 109,386).
OPEN_MAX_PARAMETERS = 30_000
OPEN_TEST_IMAGES = 2000


def check_recurrent_params(n_lstm, n_gru) -> Verdict:
    """Exercise 1: parameters of ``LSTM(32)`` and of ``GRU(32)`` (Keras defaults) on 8 features per step."""
    if unanswered(n_lstm, n_gru):
        return Verdict(False)
    n_lstm, wrong = parsed(as_whole_number, n_lstm, "the LSTM's parameter count")
    if wrong is not None:
        return wrong
    n_gru, wrong = parsed(as_whole_number, n_gru, "the GRU's parameter count")
    if wrong is not None:
        return wrong
    d, u = RECURRENT_INPUTS, RECURRENT_UNITS
    block = u * d + u * u + u
    lstm, gru = lstm_params(d, u), gru_params(d, u)
    if n_lstm != lstm:
        if n_lstm == 3 * block:
            hint = "That counts the three gates; the candidate (the new memory content) is a fourth block."
        elif n_lstm == 4 * (u * d + u):
            hint = "Each block also has recurrent weights: every unit sees the previous step's 32 outputs."
        else:
            hint = "An LSTM has 4 weight blocks, each with input weights (u·d), recurrent weights (u·u) and a bias (u)."
        return feedback(False, "", hint)
    if n_gru != gru:
        if n_gru == gru_params(d, u, reset_after=False):
            hint = "Keras' default is reset_after=True: each block has two bias vectors, not one."
        elif n_gru == 4 * block or n_gru == 4 * (block + u):
            hint = "A GRU has two gates (reset, update) plus the candidate: 3 blocks, not 4."
        else:
            hint = "A GRU has 3 blocks, each with input weights (u·d), recurrent weights (u·u) and two biases (2u)."
        return feedback(False, f"The LSTM is right ({lstm:,}).", hint)
    return feedback(
        True,
        f"LSTM 4·(32·8 + 32·32 + 32) = {lstm:,}; GRU 3·(32·8 + 32·32 + 2·32) = {gru:,}. The recurrent weights "
        "(32·32 per block) are the largest part: they carry the memory from step to step.",
        "",
    )


def check_dropout_scale(scale) -> Verdict:
    """Exercise 2: the factor by which ``Dropout(0.2)`` multiplies the kept values during training."""
    if unanswered(scale):
        return Verdict(False)
    value, wrong = parsed(as_number, scale, "the scale")
    if wrong is not None:
        return wrong
    if abs(value - 0.8) < 1e-9:
        return feedback(False, "", "0.8 is the fraction kept; the kept values are divided by it, not multiplied.")
    if abs(value - 0.2) < 1e-9:
        return feedback(False, "", "0.2 is the fraction dropped; what happens to the values that are kept?")
    return feedback(
        abs(value - 1.25) < 1e-6,
        "1 / (1 − 0.2) = 1.25: the kept 80% are scaled up so the expected sum stays what it is at inference.",
        "Dropout keeps a fraction 1 − rate of the values and rescales them so their expected value is unchanged.",
    )


def _model(model, what: str):
    import keras

    if not isinstance(model, keras.Model):
        raise AnswerError(f"{sentence(what)} is a Keras model; got {type(model).__name__}.")
    return model


def check_two_output_model(model) -> Verdict:
    """Exercise 3: one 784-pixel input, a shared Dense(64, relu), outputs Dense(10, softmax) and Dense(1, sigmoid)."""
    if unanswered(model):
        return Verdict(False)
    model, wrong = parsed(_model, model, "two_headed")
    if wrong is not None:
        return wrong
    inputs = model.inputs if hasattr(model, "inputs") else None
    if not inputs or len(inputs) != 1 or tuple(inputs[0].shape) != (None, 784):
        return feedback(False, "", "One input, keras.Input(shape=(784,)): a Functional model starts from its Input.")
    outputs = model.outputs
    shapes = sorted(tuple(o.shape) for o in outputs) if outputs else []
    if shapes != [(None, 1), (None, 10)]:
        return feedback(
            False,
            "",
            "Two outputs, keras.Model(inputs, [digit, even]): Dense(10, softmax) for the digit "
            f"and Dense(1, sigmoid) for 'is it even?'; your outputs have shapes {shapes}.",
        )
    expected = dense_params(784, 64) + dense_params(64, 10) + dense_params(64, 1)
    if model.count_params() != expected:
        return feedback(
            False,
            "",
            f"Your model has {model.count_params():,} parameters; with ONE shared Dense(64) "
            f"feeding both outputs it has {expected:,}. Did each output get its own hidden layer?",
        )
    return feedback(
        True,
        f"One input, one shared hidden layer, two outputs: {expected:,} parameters. A Sequential list cannot branch "
        "like this; compile it with one loss per output, e.g. loss=['sparse_categorical_crossentropy', "
        "'binary_crossentropy'].",
        "",
    )


def _yes_no(answer, what: str) -> bool:
    if isinstance(answer, (bool, np.bool_)):
        return bool(answer)
    if isinstance(answer, str) and answer.strip().lower() in ("yes", "no"):
        return answer.strip().lower() == "yes"
    raise AnswerError(f"{sentence(what)} is True or False; got {answer!r}.")


def check_sequence_model(model, x_test, y_test, lstm_needed) -> Verdict:
    """Exercise 4: a model without recurrent layers for the sum-sign sequences, and the verdict: is an LSTM needed?

    Trains nothing: it measures the student's trained model on the held-out sequences.
    """
    if unanswered(model, lstm_needed):
        return Verdict(False)
    model, wrong = parsed(_model, model, "dense_model")
    if wrong is not None:
        return wrong
    lstm_needed, wrong = parsed(_yes_no, lstm_needed, "my_lstm_needed")
    if wrong is not None:
        return wrong
    import keras

    recurrent = [layer.name for layer in model.layers if isinstance(layer, keras.layers.RNN)]
    if recurrent:
        return feedback(
            False, "", f"Use no recurrent layer (yours has {recurrent}): Flatten the 12 numbers, then Dense."
        )
    outputs = np.asarray(model.predict(np.asarray(x_test), verbose=0)).reshape(len(x_test), -1)
    if outputs.shape[1] != 1:
        return feedback(
            False, "", "End with one sigmoid unit, Dense(1, activation='sigmoid'): one probability per sequence."
        )
    accuracy = float(((outputs[:, 0] > 0.5) == (np.asarray(y_test).ravel() > 0.5)).mean())
    if accuracy < SEQUENCE_TARGET:
        return feedback(
            False,
            "",
            f"Your model reaches {accuracy:.3f} on the held-out sequences; train it until it "
            f"reaches {SEQUENCE_TARGET} (more epochs or a larger learning rate) before you judge.",
        )
    if lstm_needed:
        return feedback(False, "", f"Your Dense model reaches {accuracy:.3f} without any memory: is the LSTM needed?")
    return feedback(
        True,
        f"{accuracy:.3f} without any recurrent layer. The label depends only on the sum of the 12 numbers, a linear "
        "function: one sigmoid neuron with 12 equal weights computes it exactly. Pick the layer for the structure "
        "of the task; a recurrent layer earns its cost when order matters or the sequence length varies.",
        "",
    )


def check_small_data_model(model, x_test, y_test) -> Verdict:
    """Exercise 5 (open): trained on the 6,000-image subset, at most 30,000 parameters, ≥ 92% on 2,000 test images.

    Trains nothing: it counts the model's parameters and measures it on the first 2,000 test images.
    """
    if unanswered(model):
        return Verdict(False)
    model, wrong = parsed(_model, model, "my_model")
    if wrong is not None:
        return wrong
    x_test, y_test = np.asarray(x_test), np.asarray(y_test).ravel()
    if len(x_test) < OPEN_TEST_IMAGES or len(y_test) != len(x_test):
        return feedback(
            False, "", f"Pass the test images and labels, x_test and y_test (at least {OPEN_TEST_IMAGES:,})."
        )
    n = model.count_params()
    if n > OPEN_MAX_PARAMETERS:
        return feedback(
            False, "", f"Your model has {n:,} parameters; the target allows at most {OPEN_MAX_PARAMETERS:,}."
        )
    accuracy, wrong = model_accuracy(model, x_test[:OPEN_TEST_IMAGES], y_test[:OPEN_TEST_IMAGES])
    if wrong is not None:
        return wrong
    if accuracy < OPEN_TARGET:
        return feedback(
            False,
            "",
            f"{accuracy:.3f} on the {OPEN_TEST_IMAGES:,} test images; the target is {OPEN_TARGET}. "
            "Decide on the validation split what to change, then measure the test set again.",
        )
    return feedback(
        True,
        f"{accuracy:.3f} on the {OPEN_TEST_IMAGES:,} test images with {n:,} parameters, trained on 6,000 images.",
        "",
    )
