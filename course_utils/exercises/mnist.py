"""Exercise checks for 11_mnist."""

from __future__ import annotations

import math

import numpy as np

from course_utils.data import load_mnist, prepare_images
from course_utils.exercises import (
    AnswerError,
    Verdict,
    accuracy_without_leak,
    as_array,
    as_choice,
    as_number,
    as_whole_number,
    checker,
    feedback,
    model_ready,
    unanswered,
)

SPLITS = ("train", "validation", "test")

#: Exercise 1: gradient steps of fit on the 54,000 training images of section 6, in batches of 128, for 10 epochs.
#: (Section 7 counts them for its batches of 256, so the exercise asks for the lecture notes' 128.)
STEPS_IMAGES, STEPS_BATCH, STEPS_EPOCHS = 54_000, 128, 10
#: Exercise 2: per-digit accuracies within half a unit of the third decimal are correct (any correct rounding);
#: within half a unit of the second, the method is right but the rounding too coarse.
DIGIT_TOLERANCE, DIGIT_NEAR = 0.0005, 0.005
#: Exercise 4: epochs whose validation loss is within this of the lowest are on its flat bottom: all are right.
FLAT_BOTTOM = 0.002
#: Exercise 4: a History whose last validation loss matches the model's loss on these images this closely
#: (relative; fit computes the same mean cross-entropy, so an honest match is closer than 1e-5) was validated on them.
SAME_LOSS = 1e-3
#: Exercise 5: a model at the target whose validation accuracy is above its test accuracy by more than this has
#: trained on the validation images. Honest MLPs score within a few tenths of a point on both (0.9808 vs 0.9773
#: in section 7; 0.9865 vs 0.9849 for a 512-unit MLP), ones trained on all 60,000 training images 1.3 to 1.5
#: points higher on validation (0.9937 vs 0.979; 0.9993 vs 0.9858). The shared check of
#: course_utils.exercises (LEAK_MARGIN plus three standard errors, 0.0157 here) misses those.
PLAIN_MLP_LEAK_GAP = 0.008

#: Exercise 5 (open experiment): a plain MLP within this many parameters ...
PLAIN_MLP_MAX_PARAMETERS = 500_000
#: ... reaching at least this accuracy on the 6,000 validation images.
PLAIN_MLP_TARGET = 0.985


@checker
def check_gradient_steps(steps) -> Verdict:
    """Exercise 1: gradient steps of ``fit`` on 54,000 images, batches of 128, 10 epochs (the last batch smaller)."""
    if unanswered(steps):
        return Verdict(False)
    value = as_number(steps, "the number of gradient steps")
    per_epoch = math.ceil(STEPS_IMAGES / STEPS_BATCH)
    expected = per_epoch * STEPS_EPOCHS
    exact = STEPS_IMAGES / STEPS_BATCH * STEPS_EPOCHS
    if value == expected:
        return feedback(
            True,
            f"{STEPS_IMAGES:,} / {STEPS_BATCH} = {STEPS_IMAGES / STEPS_BATCH:.2f}, so {per_epoch} batches per epoch, "
            f"the last one smaller, and {expected:,} steps in {STEPS_EPOCHS} epochs: the decay_steps a schedule "
            "over this run needs.",
            "",
        )
    hints = {
        (STEPS_IMAGES // STEPS_BATCH) * STEPS_EPOCHS: "One step short in every epoch: the images left over after the "
        "last full batch form one more, smaller batch, and that is a step too.",
        round(exact, 3): "The number of batches is whole: the images left over after the last full batch form one "
        "more, smaller batch.",
        per_epoch: f"That is one epoch; the run has {STEPS_EPOCHS}.",
        math.ceil(60_000 / STEPS_BATCH) * STEPS_EPOCHS: "That counts all 60,000 training images; section 6 keeps "
        "6,000 of them for validation, and fit trains on the rest.",
        math.ceil(STEPS_IMAGES / 256) * STEPS_EPOCHS: "That is with section 7's batches of 256; this run uses "
        "batch_size=128.",
    }
    hint = hints.get(round(value, 3))
    if hint is None and abs(value - exact) < 1:
        hint = hints[round(exact, 3)]
    return feedback(
        False,
        "",
        hint or "Count the batches of one epoch (section 7 does it for batches of 256), then multiply by the epochs.",
    )


@checker
def check_per_digit_accuracy(matrix, answer) -> Verdict:
    """Exercise 2: from a confusion matrix, the fraction of each digit's images predicted correctly.

    Any value within half a unit of the third decimal is right (so is every correct rounding to 3 decimals).
    """
    if unanswered(answer):
        return Verdict(False)
    answer = as_array(answer, "the per-digit accuracy")
    matrix = np.asarray(matrix)
    expected = np.diag(matrix) / matrix.sum(axis=1)
    if answer.size != expected.size:
        return feedback(
            False, "", f"Give one number per digit: {expected.size} numbers, got {answer.size} (shape {answer.shape})."
        )
    answer = answer.reshape(expected.shape)

    def close(values, tolerance=DIGIT_TOLERANCE + 1e-9):
        return bool(np.all(np.abs(answer - values) <= tolerance))

    if close(np.diag(matrix) / matrix.sum(axis=0)) and not close(expected):
        return feedback(
            False,
            "",
            "You divided by the column sums (how often each digit was *predicted*). "
            "Rows are the true digits: divide by the row sums.",
        )
    if close(100 * expected, 100 * DIGIT_NEAR):
        return feedback(False, "", "Those are percentages: give fractions between 0 and 1.")
    if not close(expected) and close(expected, DIGIT_NEAR + 1e-9):
        return feedback(
            False, "", "Right method; keep at least 3 decimals: the digits' accuracies differ in the third."
        )
    worst = int(expected.argmin())
    return feedback(
        close(expected),
        f"The diagonal over the row sums. The hardest digit for this model is {worst} "
        f"({expected[worst]:.3f}); the easiest is {int(expected.argmax())} ({expected.max():.3f}).",
        "Correct predictions of digit d sit on the diagonal, matrix[d, d]; all images of digit d are row d.",
    )


@checker
def check_split_for_choosing_epochs(split) -> Verdict:
    """Exercise 3: which split to watch when choosing the number of epochs."""
    if unanswered(split):
        return Verdict(False)
    split = as_choice(SPLITS)(split, "the split")
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


def _history(history, what: str):
    if isinstance(history, dict):
        raise AnswerError(
            "Pass the History object that fit returned (my_history itself, not its .history dict): "
            "the check also reads the model it trained."
        )
    curves = getattr(history, "history", None)
    if not isinstance(curves, dict):
        raise AnswerError(f"Pass the History object that fit returned, not a {type(history).__name__}.")
    if "val_loss" not in curves or "loss" not in curves:
        raise AnswerError("This history has no validation curve: train with validation_data=(x_val, y_val).")
    if len(curves["val_loss"]) < 2:
        raise AnswerError(f"This history has {len(curves['val_loss'])} epoch; train for 30 as the exercise says.")
    return history


def _mnist_split(rows: slice, test: bool = False):
    """Images and labels of the training (or test) set, as rows of 784 floats in [0, 1], loaded by the check."""
    (x_train, y_train), (x_test, y_test) = load_mnist()
    images, labels = (x_test, y_test) if test else (x_train, y_train)
    return prepare_images(images[rows]), labels[rows]


def _cross_entropy(model, x, y) -> float | None:
    try:
        probabilities = np.asarray(model.predict(x, verbose=0), dtype=float)
    except Exception:  # the student's model: the caller says what to do in one line
        return None
    if probabilities.shape != (len(y), 10):
        return None
    return float(-np.mean(np.log(np.clip(probabilities[np.arange(len(y)), y], 1e-7, 1))))


@checker
def check_overfitting_onset(history, epoch) -> Verdict:
    """Exercise 4: the epoch (counted from 1) after which the validation loss of the student's own run rises.

    Reads the student's ``History`` and the model it trained (``history.model``): the last validation loss
    must be the model's loss on the validation images (the last 6,000 training images, loaded here), not on
    the test images. Every epoch on the flat bottom of the curve (within :data:`FLAT_BOTTOM` of the lowest
    validation loss) is right.
    """
    if unanswered(history, epoch):
        return Verdict(False)
    history = _history(history, "the history")
    epoch = as_whole_number(epoch, "the epoch")
    curves = history.history
    val_loss, loss = np.asarray(curves["val_loss"], dtype=float), np.asarray(curves["loss"], dtype=float)
    model = getattr(history, "model", None)
    if model is not None:
        last = val_loss[-1]
        on_validation = _cross_entropy(model, *_mnist_split(slice(-6_000, None)))
        if on_validation is None or abs(on_validation - last) > SAME_LOSS * last:
            on_test = _cross_entropy(model, *_mnist_split(slice(None), test=True))
            if on_test is not None and abs(on_test - last) <= SAME_LOSS * last:
                return feedback(
                    False,
                    "",
                    "This run was validated on the test images: choosing an epoch by them is the leak of section 6, "
                    "and their score would no longer tell how the network does on new digits. Train again with "
                    "validation_data=(x_val, y_val).",
                )
            return feedback(
                False,
                "",
                "The last validation loss of this History is not the model's loss on x_val: train a fresh model "
                "once, with validation_data=(x_val, y_val), and pass the History that fit returned.",
            )
    best = int(val_loss.argmin()) + 1
    bottom = [e + 1 for e in np.flatnonzero(val_loss <= val_loss.min() + FLAT_BOTTOM)]
    if bottom[-1] == len(val_loss):
        return feedback(
            False,
            "",
            f"In your run the validation loss is (within {FLAT_BOTTOM}) lowest in its last epoch ({len(val_loss)}): "
            "it has not turned up yet. Train for more epochs (or on fewer images) and look again.",
        )
    if epoch in bottom:
        around = f"epochs {bottom[0]} to {bottom[-1]} are all within {FLAT_BOTTOM} of it, " if len(bottom) > 1 else ""
        return feedback(
            True,
            f"Epoch {epoch}: the validation loss is lowest around there ({val_loss[best - 1]:.3f} in epoch {best}; "
            f"{around}a difference the plot cannot show) and ends at {val_loss[-1]:.3f}, while the training loss "
            f"keeps falling (to {loss[-1]:.3f}). After it the network learns its training images, not digits: it "
            "overfits.",
            "",
        )
    if epoch == best - 1:
        return feedback(False, "", "Off by one: the plot counts epochs from 1, Python's indices from 0.")
    if epoch == int(loss.argmin()) + 1:
        return feedback(False, "", "That is where the *training* loss is lowest; read the validation curve.")
    return feedback(
        False,
        "",
        "Read the validation curve, history.history['val_loss']: in which epoch is it lowest? Count epochs from 1.",
    )


@checker
def check_plain_mlp(model) -> Verdict:
    """Exercise 5: a plain MLP (no convolutions) within PLAIN_MLP_MAX_PARAMETERS reaching PLAIN_MLP_TARGET.

    Trains nothing: it inspects the model's layers and counts its parameters, then measures its accuracy
    on the validation images (the last 6,000 training images) and on the 10,000 test images, both loaded
    here: a validation score far above the test score means the validation images were trained on.
    """
    if unanswered(model):
        return Verdict(False)
    model, wrong = model_ready(model, "your model")
    if wrong is not None:
        return wrong
    kinds = [type(layer).__name__ for layer in getattr(model, "layers", [])]
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
    validation, test = _mnist_split(slice(-6_000, None)), _mnist_split(slice(None), test=True)
    accuracy, wrong = accuracy_without_leak(model, validation, test)
    if wrong is not None:
        return wrong
    test_accuracy = float(np.mean(np.asarray(model.predict(test[0], verbose=0)).argmax(axis=1) == test[1]))
    if accuracy >= PLAIN_MLP_TARGET and accuracy - test_accuracy > PLAIN_MLP_LEAK_GAP:
        return feedback(
            False,
            "",
            f"Your model scores {accuracy:.4f} on the validation images but only {test_accuracy:.4f} on the test "
            "images: it has seen the validation images during training (x_train holds them; x_fit does not). A "
            "score on images a model trained on measures its memory, not how well it generalises. Train on "
            "x_fit, y_fit only.",
        )
    return feedback(
        accuracy >= PLAIN_MLP_TARGET,
        f"Validation accuracy {accuracy:.4f} with {n_parameters:,} parameters. Now, and only now, evaluate it once "
        "on the test set.",
        f"Validation accuracy {accuracy:.4f}; the target is {PLAIN_MLP_TARGET}. More epochs with the decaying rate, "
        "more units or dropout may help: judge each change on the validation set.",
    )
