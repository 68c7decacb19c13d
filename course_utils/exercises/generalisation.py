"""Exercise checks for 12_generalisation."""

from __future__ import annotations

import numpy as np

from course_utils.data import load_mnist, prepare_images
from course_utils.exercises import (
    Verdict,
    accuracy_without_leak,
    as_choice,
    as_number,
    as_whole_number,
    checker,
    feedback,
    model_ready,
    unanswered,
)
from course_utils.generalisation import best_epoch, curves, epochs_run

#: Exercise 4: a results table from another run (1,000 training images), with its traps.
#: Columns: regulariser, training accuracy, validation accuracy, epochs run.
REGULARISER_TABLE = [
    ("none (baseline)", 1.000, 0.912, 24),
    ("L2, 0.01", 0.936, 0.903, 24),
    ("dropout 0.2", 1.000, 0.916, 24),
    ("dropout 0.5", 0.998, 0.921, 24),
    ("early stopping", 0.994, 0.913, 14),
]
#: Exercise 5: the validation accuracy the open experiment asks for, from the same 1,000 training images.
OPEN_TARGET = 0.95


@checker
def check_stopping_epoch(history, answer) -> Verdict:
    """Exercise 1: the epoch ``EarlyStopping(restore_best_weights=True)`` would give back, read from a history."""
    if unanswered(answer):
        return Verdict(False)
    epoch = as_whole_number(answer, "the epoch")
    expected = best_epoch(history, "val_loss")
    recorded = curves(history)
    hints = {
        expected - 1: "Off by one: Keras counts epochs from 1, while np.argmin counts positions from 0.",
        epochs_run(history): "That is the last epoch. The validation loss was lower earlier; the best epoch is "
        "the one with the lowest validation loss.",
    }
    if "val_accuracy" in recorded and best_epoch(history, "val_accuracy") != expected:
        hints.setdefault(
            best_epoch(history, "val_accuracy"),
            "That is where validation *accuracy* peaks; "
            "EarlyStopping watches the validation loss unless told otherwise (monitor='val_loss').",
        )
    return feedback(
        epoch == expected,
        f"The validation loss is lowest at epoch {expected} ({recorded['val_loss'][expected - 1]:.3f}): "
        "early stopping would keep the weights of that epoch.",
        hints.get(epoch, "Find the lowest point of the validation loss curve (np.argmin, plus 1)."),
    )


@checker
def check_epochs_run(answer, best_epoch: int = 9, patience: int = 5, max_epochs: int = 30) -> Verdict:
    """Exercise 2: how many epochs ``fit`` runs under ``EarlyStopping(patience=...)`` when the best epoch is known."""
    if unanswered(answer):
        return Verdict(False)
    count = as_whole_number(answer, "the number of epochs")
    expected = min(best_epoch + patience, max_epochs)
    hints = {
        best_epoch: f"Epoch {best_epoch} is the one it restores, but it only knows it was the best after "
        f"{patience} more epochs without improvement.",
        best_epoch + patience - 1: "Almost: count the epochs without improvement after the best one: "
        f"{best_epoch + 1}, ..., up to {patience} of them.",
        max_epochs: "It stops early: patience runs out long before the last epoch.",
    }
    return feedback(
        count == expected,
        f"Epochs {best_epoch + 1} to {expected} are {patience} epochs without a lower validation loss: "
        f"fit stops after epoch {expected} and restores the weights of epoch {best_epoch}.",
        hints.get(count, "After the best epoch, fit waits `patience` epochs for an improvement, then stops."),
    )


@checker
def check_gap_prediction(prediction, gap_fewer, gap_reference) -> Verdict:
    """Exercise 3: the predicted direction of the gap with fewer images, against what was measured."""
    if unanswered(prediction):
        return Verdict(False)
    word = as_choice(("larger", "smaller"))(prediction, "your prediction")
    measured = "larger" if gap_fewer > gap_reference else "smaller"
    return feedback(
        word == measured,
        f"The gap is {gap_fewer:.3f} with fewer images against {gap_reference:.3f}: fewer images are easier to "
        "memorise and say less about digits in general.",
        "The run says otherwise: print gap_500 and results['none']['gap'] and compare them. "
        "The network still reaches 100% on its training images; what changes is the validation side.",
    )


@checker
def check_regulariser_choice(answer) -> Verdict:
    """Exercise 4: the row of :data:`REGULARISER_TABLE` to keep, judged on the validation set."""
    if unanswered(answer):
        return Verdict(False)
    names = [row[0] for row in REGULARISER_TABLE]
    name = as_choice(names)(answer, "the regulariser")
    best = max(REGULARISER_TABLE, key=lambda row: row[2])[0]
    smallest_gap = min(REGULARISER_TABLE, key=lambda row: row[1] - row[2])[0]
    hints = {
        smallest_gap: "It has the smallest gap, but only because it also fits its training images worse: "
        "a network that learned nothing would have no gap at all. Choose by validation accuracy.",
        "none (baseline)": "The baseline is what the regularisers are compared with; one of them does better "
        "on the validation set.",
        "early stopping": "Fewer epochs is a welcome saving, but the choice is made on validation accuracy.",
    }
    return feedback(
        name == best,
        f"{best} has the highest validation accuracy ({max(row[2] for row in REGULARISER_TABLE):.3f}); the "
        "gap and the training accuracy are diagnostics, not the goal.",
        hints.get(name, "Compare the validation accuracy column: it estimates how the model does on new digits."),
    )


#: Exercise 5: how many training images the leak check scores the model on (MNIST training images that are in
#: neither the validation set nor, except by a chance of about 2%, the small training set).
FRESH_IMAGES = 3_000


def fresh_images(count: int = FRESH_IMAGES):
    """``(x, y)``: ``count`` flattened MNIST training images from the pool the small set was drawn from.

    The small set holds 1,000 of the pool's 54,000 images, so about 2% of these are in it: far too few to
    lift a fairly trained model's score on them, while a model that trained on the validation images
    scores clearly lower here than there.
    """
    (x_train, y_train), _ = load_mnist()
    picked = np.random.default_rng(12).choice(len(x_train) - 6_000, size=count, replace=False)
    return prepare_images(x_train[picked]), y_train[picked]


@checker
def check_open_experiment(model, x_val, y_val, target: float = OPEN_TARGET, fresh=None) -> Verdict:
    """Exercise 5: a model trained on the 1,000 small-set images reaching ``target`` validation accuracy.

    ``fresh`` (default :func:`fresh_images`) is a slice of images the student never trained on: a model that
    scores far higher on the validation images than on these has seen the validation images.
    """
    model, wrong = model_ready(model, "your model")
    if wrong is not None:
        return wrong
    accuracy, wrong = accuracy_without_leak(model, (x_val, y_val), fresh if fresh is not None else fresh_images())
    if wrong is not None:
        return wrong
    return feedback(
        accuracy >= target,
        f"Validation accuracy {accuracy:.3f} ≥ {target}. Now, and only now, you may measure it once on the test set.",
        f"Validation accuracy {accuracy:.3f}; the target is {target}. Try combining what helped "
        "(dropout, augmentation, early stopping), dropout on the inputs too, or a wider layer.",
    )


@checker
def check_dropout_prediction(survivor_value, fraction_off, rate: float = 0.8) -> Verdict:
    """Exercise 6: the value of a surviving output of 1, and the fraction switched off, for dropout at ``rate``."""
    if unanswered(survivor_value, fraction_off):
        return Verdict(False)
    value = as_number(survivor_value, "the survivor's value")
    fraction = as_number(fraction_off, "the fraction switched off")
    expected_value, kept = 1 / (1 - rate), 1 - rate
    value_right = abs(value - expected_value) <= 0.01 * expected_value
    fraction_right = abs(fraction - rate) <= 0.01
    if value_right and fraction_right:
        return feedback(
            True,
            f"With rate {rate}, a value survives with probability {kept:.1f}, so a fraction {rate} is switched off, "
            f"and a survivor is divided by {kept:.1f}: 1 becomes {expected_value:g}. On average the output stays 1.",
            "",
        )
    if not value_right:
        hints = {
            round(1 / rate, 6): "The survivors are divided by the fraction that survives, 1 − rate, not by the rate.",
            round(1.0, 6): "That is the value at prediction time; during training the survivors are scaled up.",
            round(2.0, 6): "That is the value for rate 0.5; recompute with the new rate.",
            round(kept, 6): "The survivors are divided by 1 − rate, not multiplied by it.",
        }
        return feedback(
            False, "", hints.get(round(value, 6), "Look at the last line of `dropout`: what is a survivor divided by?")
        )
    if abs(fraction - kept) <= 0.01:
        return feedback(
            False, "", "That is the fraction that survives; the question asks for the fraction switched off."
        )
    if 1 < fraction <= 100:
        return feedback(False, "", "Give the fraction between 0 and 1, not a percentage.")
    return feedback(False, "", "Each value is switched off with probability `rate`: read the line that draws `keep`.")


#: Exercise 7: validation accuracies this close (6 of 6,000 images) count as a tie: either strength is right.
TIE = 0.001


@checker
def check_l2_strength(answer, strengths, train_accuracy, val_accuracy) -> Verdict:
    """Exercise 7: the L2 strength to keep from the sweep, judged by validation accuracy."""
    if unanswered(answer):
        return Verdict(False)
    value = as_number(answer, "the strength")
    strengths = [float(s) for s in strengths]
    matches = [s for s in strengths if np.isclose(value, s, rtol=1e-6)]
    if not matches:
        listed = ", ".join(f"{s:g}" for s in strengths)
        return feedback(False, "", f"Answer with one of the strengths of the sweep: {listed}.")
    chosen = strengths.index(matches[0])
    best = int(np.argmax(val_accuracy))
    gaps = np.subtract(train_accuracy, val_accuracy)
    if val_accuracy[chosen] >= val_accuracy[best] - TIE:  # a tie, within a few validation images, is as good
        best = chosen
        return feedback(
            True,
            f"λ = {strengths[best]:g} has the highest validation accuracy of the sweep ({val_accuracy[best]:.3f}, "
            "ties included); "
            "training accuracy and the gap are diagnostics, not the goal.",
            "",
        )
    if chosen == int(np.argmin(gaps)):
        hint = (
            "That strength has the smallest gap, but a gap shrinks when the network fits its training images worse too."
        )
    elif chosen == int(np.argmax(train_accuracy)):
        hint = "Training accuracy cannot tell you how the network does on digits it has not seen."
    else:
        hint = "Compare the validation accuracies of the strengths (the printed lines or the figure's dashed curve)."
    return feedback(False, "", hint)
