"""Exercise checks for 10_keras_apis."""

from __future__ import annotations

import keras
import numpy as np

from course_utils.data import load_mnist, prepare_images
from course_utils.exercises import (
    LEAK_MARGIN,
    AnswerError,
    Verdict,
    accuracy_without_leak,
    as_array,
    as_whole_number,
    checker,
    feedback,
    first_line,
    model_ready,
    sentence,
    unanswered,
)
from course_utils.keras_apis import conv2d_params, dense_params, gru_params, lstm_params

#: Exercise 1: LSTM(32) and GRU(32) reading sequences of 8 features per step.
RECURRENT_INPUTS, RECURRENT_UNITS = 8, 32
#: Exercise 2: Conv2D(16, 3) on 28×28×1 images, then Flatten, then Dense(10).
CONV_IMAGE, CONV_FILTERS, CONV_KERNEL, DENSE_UNITS = 28, 16, 3, 10
#: Exercise 4: the accuracy a Dense-only model must reach on the held-out sum-sign sequences ...
SEQUENCE_TARGET = 0.95
#: ... and how many new sequences the check draws itself, to compare (sequences the student never had).
FRESH_SEQUENCES = 2000
#: Exercise 5 (open): trained on the first 6,000 training images with validation_split=0.1, so validated on
#: images 5,400 to 6,000; at least this validation accuracy ...
OPEN_TRAIN_IMAGES, OPEN_VALIDATION_SPLIT = 6000, 0.1
OPEN_TARGET = 0.92
#: ... with at most this many parameters (the lecture notes' MLP has 109,386).
OPEN_MAX_PARAMETERS = 30_000
#: Training images 6,000 to 10,000, which no cell of the notebook uses: the check's own fresh images.
OPEN_FRESH = slice(6000, 10_000)


@checker
def check_recurrent_params(n_lstm, n_gru) -> Verdict:
    """Exercise 1: parameters of ``LSTM(32)`` and of ``GRU(32)`` (Keras defaults) on 8 features per step."""
    if unanswered(n_lstm, n_gru):
        return Verdict(False)
    n_lstm = as_whole_number(n_lstm, "the LSTM's parameter count")
    n_gru = as_whole_number(n_gru, "the GRU's parameter count")
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


@checker
def check_flatten_dense(flat_length, dense_parameters) -> Verdict:
    """Exercise 2: Conv2D(16, 3) on 28×28×1 images, then Flatten, then Dense(10): Flatten's length, Dense's count."""
    if unanswered(flat_length, dense_parameters):
        return Verdict(False)
    flat_length = as_whole_number(flat_length, "the length of Flatten's output")
    dense_parameters = as_whole_number(dense_parameters, "the Dense layer's parameter count")
    n, k, filters, units = CONV_IMAGE, CONV_KERNEL, CONV_FILTERS, DENSE_UNITS
    side = n - k + 1
    flat = side * side * filters
    dense = dense_params(flat, units)
    conv = conv2d_params(1, filters, k)
    if flat_length != flat:
        hints = {
            n * n * filters: f"With padding='valid' a {k}×{k} kernel does not fit at every pixel: how many positions "
            f"does it have along a side of {n}?",
            side * side: "That is one filter's map; Flatten puts the maps of all the filters in one vector.",
            n * n: "That is the input image's pixel count; Flatten comes after the Conv2D, so it reads its maps.",
            conv: "That is the Conv2D's parameter count; the question asks how many values Flatten outputs.",
        }
        hint = hints.get(
            flat_length, "Flatten's length is the Conv2D output's height × width × channels (section 5's formula)."
        )
        return feedback(False, "", hint)
    if dense_parameters != dense:
        hints = {
            flat * units: "Those are the weights; each of the Dense layer's units also has a bias.",
            dense + conv: "That adds the Conv2D's parameters; the question asks for the Dense layer's alone.",
            flat + units: "Every unit has a weight for each of the Flatten values, not one weight in all.",
        }
        hint = hints.get(dense_parameters, "A Dense layer has inputs × units weights plus one bias per unit.")
        return feedback(False, "Flatten's length is right.", hint)
    return feedback(
        True,
        f"{side}·{side}·{filters} = {flat:,} values, and {flat:,}·{units} + {units} = {dense:,} parameters in the "
        f"Dense layer, against {conv} in the Conv2D: the layer after Flatten holds almost all of them.",
        "",
    )


def _model(model, what: str):
    if not isinstance(model, keras.Model):
        raise AnswerError(f"{sentence(what)} is a Keras model; got {type(model).__name__}.")
    return model


@checker
def check_two_output_model(model) -> Verdict:
    """Exercise 3: one 784-pixel input, a shared Dense(64, relu), outputs Dense(10, softmax) and Dense(1, sigmoid)."""
    if unanswered(model):
        return Verdict(False)
    model = _model(model, "two_headed")
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


def sum_signs(sequences) -> np.ndarray:
    """Exercise 4's labels: 1 where the numbers of a sequence add up to more than 0."""
    return (np.asarray(sequences).reshape(len(sequences), -1).sum(axis=1) > 0).astype("float32")


def _sequence_accuracies(model, *sets):
    """``([accuracy on the sum-sign labels of each set], None)`` of the student's model, else ``(None, Verdict)``.

    All the sets in one pass: a Keras model is called directly (a few thousand short sequences are one batch,
    and a direct call sets up no prediction loop); anything else that predicts, through its ``predict``.
    """
    x = np.concatenate(sets)
    try:
        keras_model = isinstance(model, keras.Model)
        outputs = np.asarray(model(x, training=False) if keras_model else model.predict(x, verbose=0))
    except Exception as error:  # the student's model: one line, no traceback
        return None, feedback(False, "", f"Your model raised {type(error).__name__}: {first_line(error)}")
    if outputs.size != len(x):
        return None, feedback(
            False, "", "End with one sigmoid unit, Dense(1, activation='sigmoid'): one probability per sequence."
        )
    right = (outputs.ravel() > 0.5) == (sum_signs(x) > 0.5)
    ends = np.cumsum([len(part) for part in sets])
    return [float(part.mean()) for part in np.split(right, ends[:-1])], None


@checker
def check_sequence_model(model, held_out, lstm_needed) -> Verdict:
    """Exercise 4: a trained model without recurrent layers for the sum-sign labels, and the verdict.

    Trains nothing: measures the model on the ``held_out`` sequences the student kept out of training, and
    on :data:`FRESH_SEQUENCES` new ones it draws itself; a held-out score far above the fresh one means the
    held-out sequences were trained on.
    """
    if unanswered(model, lstm_needed):
        return Verdict(False)
    model, wrong = model_ready(model, "your dense_model")
    if wrong is not None:
        return wrong
    lstm_needed = _yes_no(lstm_needed, "my_lstm_needed")
    held_out = as_array(held_out, "the held-out sequences")

    recurrent = [layer.name for layer in getattr(model, "layers", []) if isinstance(layer, keras.layers.RNN)]
    if recurrent:
        return feedback(
            False, "", f"Use no recurrent layer (yours has {recurrent}): Flatten the 12 numbers, then Dense."
        )
    held_out = held_out.astype("float32").reshape(len(held_out), -1, 1)
    expected = getattr(model, "input_shape", None) if getattr(model, "inputs", None) else None
    if isinstance(expected, tuple) and tuple(expected[1:]) != held_out.shape[1:]:
        return feedback(
            False,
            "",
            f"The model expects inputs of shape {tuple(expected[1:])}, but the sequences have shape "
            f"{held_out.shape[1:]}: build it with keras.Input(shape={held_out.shape[1:]}).",
        )
    fresh = np.random.default_rng(2025).uniform(-1, 1, size=(FRESH_SEQUENCES, *held_out.shape[1:]))
    accuracies, wrong = _sequence_accuracies(model, held_out, fresh.astype("float32"))
    if wrong is not None:
        return wrong
    accuracy, fresh_accuracy = accuracies
    p = min(max((accuracy + fresh_accuracy) / 2, 0.01), 0.99)
    if accuracy - fresh_accuracy > LEAK_MARGIN + 3 * np.sqrt(p * (1 - p) * (1 / len(held_out) + 1 / len(fresh))):
        return feedback(
            False,
            "",
            f"Your model scores {accuracy:.3f} on the held-out sequences but only {fresh_accuracy:.3f} on "
            f"{len(fresh):,} new ones it never had: it has seen the held-out sequences during training, and a score "
            "on sequences a model trained on measures its memory. Train on sequences[:2000] only.",
        )
    if accuracy < SEQUENCE_TARGET:
        return feedback(
            False,
            "",
            f"Your model reaches {accuracy:.3f} on the held-out sequences; train it on sum_labels until it "
            f"reaches {SEQUENCE_TARGET} (more epochs or a larger learning rate) before you judge.",
        )
    if lstm_needed:
        return feedback(
            False, "", f"Your model, which has no memory from step to step, reaches {accuracy:.3f}. Judge again."
        )
    return feedback(
        True,
        f"{accuracy:.3f} on the held-out sequences without any recurrent layer. The label depends only on the sum "
        "of the 12 numbers, whatever their order: one sigmoid neuron with 12 equal weights computes its sign. Pick "
        "the layer for the structure of the task; a recurrent layer earns its cost when order matters, as in "
        "section 5.",
        "",
    )


@checker
def check_small_data_model(model) -> Verdict:
    """Exercise 5 (open): at most 30,000 parameters and ≥ 92% validation accuracy, trained on 6,000 images.

    Trains nothing: counts the model's parameters and measures it on the validation images of
    ``validation_split=0.1`` (training images 5,400 to 6,000), and on training images 6,000 to 10,000,
    which the notebook never uses, to tell a model that trained on its validation images.
    """
    if unanswered(model):
        return Verdict(False)
    model, wrong = model_ready(model, "your model")
    if wrong is not None:
        return wrong
    n = model.count_params()
    if n > OPEN_MAX_PARAMETERS:
        return feedback(
            False, "", f"Your model has {n:,} parameters; the target allows at most {OPEN_MAX_PARAMETERS:,}."
        )

    (x_train, y_train), _ = load_mnist()
    first_validation = int(OPEN_TRAIN_IMAGES * (1 - OPEN_VALIDATION_SPLIT))
    validation = (
        prepare_images(x_train[first_validation:OPEN_TRAIN_IMAGES]),
        y_train[first_validation:OPEN_TRAIN_IMAGES],
    )
    fresh = prepare_images(x_train[OPEN_FRESH]), y_train[OPEN_FRESH]
    accuracy, wrong = accuracy_without_leak(model, validation, fresh)
    if wrong is not None:
        return wrong
    if accuracy < OPEN_TARGET:
        return feedback(
            False,
            "",
            f"Validation accuracy {accuracy:.3f}; the target is {OPEN_TARGET}. Decide on the validation split what "
            "to change (layers, epochs, learning rate), then train again.",
        )
    return feedback(
        True,
        f"Validation accuracy {accuracy:.3f} with {n:,} parameters, trained on {first_validation:,} images. Now, "
        "once, you may measure the test set.",
        "",
    )
