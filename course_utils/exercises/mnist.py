"""Exercise checks for 11_mnist."""

from __future__ import annotations

import numpy as np

from course_utils.exercises import (
    AnswerError,
    Verdict,
    as_array,
    as_whole_number,
    feedback,
    model_accuracy,
    parsed,
    unanswered,
)

SPLITS = ("train", "validation", "test")

#: Exercise 5 (open experiment): a plain MLP within this many parameters ...
PLAIN_MLP_MAX_PARAMETERS = 500_000
#: ... reaching at least this accuracy on the 6,000 validation images.
PLAIN_MLP_TARGET = 0.985


def check_parameter_count(n_parameters) -> Verdict:
    """Exercise 1: the number of weights and biases of 784 → Dense(64) → Dense(10)."""
    if unanswered(n_parameters):
        return Verdict(False)
    n_parameters, wrong = parsed(as_whole_number, n_parameters, "the parameter count")
    if wrong is not None:
        return wrong
    expected = (784 + 1) * 64 + (64 + 1) * 10
    if n_parameters == 784 * 64 + 64 * 10:
        return feedback(False, "", "Close: you counted the weights but not the biases. Each unit has one bias too.")
    return feedback(
        n_parameters == expected,
        f"(784 + 1)·64 + (64 + 1)·10 = {expected:,}: each unit has one weight per input plus a bias.",
        "Each Dense unit has one weight per input and one bias: (inputs + 1) × units, summed over both layers.",
    )


def check_per_digit_accuracy(matrix, answer) -> Verdict:
    """Exercise 2: from a confusion matrix, the fraction of each digit's images predicted correctly."""
    if unanswered(answer):
        return Verdict(False)
    answer, wrong = parsed(as_array, answer, "the per-digit accuracy")
    if wrong is not None:
        return wrong
    matrix = np.asarray(matrix)
    expected = np.diag(matrix) / matrix.sum(axis=1)
    if answer.shape != expected.shape:
        return feedback(
            False, "", f"Give one number per digit: an array of shape {expected.shape}, got {answer.shape}."
        )
    if np.allclose(answer, np.diag(matrix) / matrix.sum(axis=0)):
        return feedback(
            False,
            "",
            "You divided by the column sums (how often each digit was *predicted*). "
            "Rows are the true digits: divide by the row sums.",
        )
    if np.allclose(answer, 100 * expected):
        return feedback(False, "", "Those are percentages: give fractions between 0 and 1.")
    worst = int(expected.argmin())
    return feedback(
        np.allclose(answer, expected),
        f"The diagonal over the row sums. The hardest digit for this model is {worst} "
        f"({expected[worst]:.3f}); the easiest is {int(expected.argmax())} ({expected.max():.3f}).",
        "Correct predictions of digit d sit on the diagonal, matrix[d, d]; all images of digit d are row d.",
    )


def check_split_for_choosing_epochs(split) -> Verdict:
    """Exercise 3: which split to watch when choosing the number of epochs."""
    if unanswered(split):
        return Verdict(False)
    if not isinstance(split, str):
        return feedback(False, "", f"Answer with the name of a split, as text: one of {', '.join(map(repr, SPLITS))}.")
    split = split.strip().lower()
    if split not in SPLITS:
        return feedback(False, "", f"Answer with one of {', '.join(repr(s) for s in SPLITS)}.")
    hints = {
        "train": "Training accuracy keeps rising as the network memorises its data; it cannot tell you when to stop.",
        "test": "Choosing anything by the test score makes that score optimistic: the test set must stay unseen "
        "until the end.",
    }
    return feedback(
        split == "validation",
        "Decisions (epochs, width, dropout) are made on the validation split; the test set is used once, at the end.",
        hints.get(split, ""),
    )


def _curves(history) -> dict:
    curves = getattr(history, "history", history)
    if not isinstance(curves, dict):
        raise AnswerError(
            f"Pass the History object that fit returned (or its .history dict), not a {type(history).__name__}."
        )
    if "val_loss" not in curves or "loss" not in curves:
        raise AnswerError("This history has no validation curve: train with validation_data=(x_val, y_val).")
    return curves


def check_overfitting_onset(history, epoch) -> Verdict:
    """Exercise 4: the epoch (counted from 1) after which the validation loss of the student's own run rises."""
    if unanswered(history, epoch):
        return Verdict(False)
    curves, wrong = parsed(lambda answer, what: _curves(answer), history, "the history")
    if wrong is not None:
        return wrong
    epoch, wrong = parsed(as_whole_number, epoch, "the epoch")
    if wrong is not None:
        return wrong
    val_loss, loss = np.asarray(curves["val_loss"], dtype=float), np.asarray(curves["loss"], dtype=float)
    best = int(val_loss.argmin()) + 1
    if best == len(val_loss):
        return feedback(
            False,
            "",
            f"In your run the validation loss is lowest in its last epoch ({best}): it has not "
            "turned up yet. Train for more epochs (or on fewer images) and look again.",
        )
    if epoch == best - 1:
        return feedback(False, "", "Off by one: the plot counts epochs from 1, Python's indices from 0.")
    if epoch == int(loss.argmin()) + 1 and epoch != best:
        return feedback(False, "", "That is where the *training* loss is lowest; read the validation curve.")
    return feedback(
        epoch == best,
        f"Epoch {best}: the validation loss is lowest there ({val_loss[best - 1]:.3f}) and ends at "
        f"{val_loss[-1]:.3f}, while the training loss keeps falling (to {loss[-1]:.3f}). From epoch {best} on, "
        "the network learns its training images, not digits: it overfits.",
        "Find the epoch with the lowest validation loss (np.argmin of history.history['val_loss'], plus 1).",
    )


def check_plain_mlp(model, x_val, y_val) -> Verdict:
    """Exercise 5: a plain MLP (no convolutions) within PLAIN_MLP_MAX_PARAMETERS reaching PLAIN_MLP_TARGET.

    Trains nothing: it inspects the model's layers and counts its parameters, then measures its
    accuracy on the validation images it is given.
    """
    if unanswered(model):
        return Verdict(False)
    if not hasattr(model, "layers") or not hasattr(model, "predict"):
        return feedback(False, "", f"Pass your trained Keras model, not a {type(model).__name__}.")
    kinds = [type(layer).__name__ for layer in model.layers]
    not_plain = [kind for kind in kinds if "Conv" in kind or "Pool" in kind]
    if not_plain:
        return feedback(
            False,
            "",
            f"A plain MLP has no {not_plain[0]}: Dense layers only (Dropout, Flatten and "
            "normalisation are fine). Convolutions come in notebook 14.",
        )
    n_parameters = model.count_params()
    if n_parameters > PLAIN_MLP_MAX_PARAMETERS:
        return feedback(
            False,
            "",
            f"{n_parameters:,} parameters; the budget is {PLAIN_MLP_MAX_PARAMETERS:,}. Make a layer narrower.",
        )
    accuracy, wrong = model_accuracy(model, x_val, y_val)
    if wrong is not None:
        return wrong
    if accuracy > 0.995:
        return feedback(
            False,
            "",
            f"Validation accuracy {accuracy:.4f} is suspiciously high: did the validation "
            "images end up in the training data?",
        )
    return feedback(
        accuracy >= PLAIN_MLP_TARGET,
        f"Validation accuracy {accuracy:.4f} with {n_parameters:,} parameters. Now, and only now, evaluate it once "
        "on the test set.",
        f"Validation accuracy {accuracy:.4f}; the target is {PLAIN_MLP_TARGET}. More epochs with the decaying rate, "
        "more units or dropout may help: judge each change on the validation set.",
    )
