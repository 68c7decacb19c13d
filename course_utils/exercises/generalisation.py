"""Exercise checks for 12_generalisation."""

from __future__ import annotations

from course_utils.exercises import Verdict, as_choice, as_whole_number, feedback, model_accuracy, parsed, unanswered
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
OPEN_TARGET = 0.93


def check_stopping_epoch(history, answer) -> Verdict:
    """Exercise 1: the epoch ``EarlyStopping(restore_best_weights=True)`` would give back, read from a history."""
    if unanswered(answer):
        return Verdict(False)
    epoch, wrong = parsed(as_whole_number, answer, "the epoch")
    if wrong is not None:
        return wrong
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


def check_epochs_run(answer, best_epoch: int = 9, patience: int = 5, max_epochs: int = 30) -> Verdict:
    """Exercise 2: how many epochs ``fit`` runs under ``EarlyStopping(patience=...)`` when the best epoch is known."""
    if unanswered(answer):
        return Verdict(False)
    count, wrong = parsed(as_whole_number, answer, "the number of epochs")
    if wrong is not None:
        return wrong
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


def check_gap_prediction(prediction, gap_fewer, gap_reference) -> Verdict:
    """Exercise 3: the predicted direction of the gap with fewer images, against what was measured."""
    if unanswered(prediction):
        return Verdict(False)
    word, wrong = parsed(as_choice(("larger", "smaller")), prediction, "your prediction")
    if wrong is not None:
        return wrong
    measured = "larger" if gap_fewer > gap_reference else "smaller"
    return feedback(
        word == measured,
        f"The gap is {gap_fewer:.3f} with fewer images against {gap_reference:.3f}: fewer images are easier to "
        "memorise and say less about digits in general.",
        f"Measured: the gap is {gap_fewer:.3f} with fewer images against {gap_reference:.3f}, so it is {measured}. "
        "The network still reaches 100% on its training images; what changes is the validation side.",
    )


def check_regulariser_choice(answer) -> Verdict:
    """Exercise 4: the row of :data:`REGULARISER_TABLE` to keep, judged on the validation set."""
    if unanswered(answer):
        return Verdict(False)
    names = [row[0] for row in REGULARISER_TABLE]
    name, wrong = parsed(as_choice(names), answer, "the regulariser")
    if wrong is not None:
        return wrong
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


def check_open_experiment(model, x_val, y_val, target: float = OPEN_TARGET) -> Verdict:
    """Exercise 5: a model trained on the 1,000 small-set images reaching ``target`` validation accuracy."""
    if unanswered(model):
        return Verdict(False)
    if not hasattr(model, "predict"):
        return feedback(False, "", f"Pass your trained Keras model itself; got a {type(model).__name__}.")
    accuracy, wrong = model_accuracy(model, x_val, y_val)
    if wrong is not None:
        return wrong
    return feedback(
        accuracy >= target,
        f"Validation accuracy {accuracy:.3f} ≥ {target}. Now, and only now, you may measure it once on the test set.",
        f"Validation accuracy {accuracy:.3f}; the target is {target}. Try combining what helped "
        "(dropout, early stopping), dropout on the inputs too, or a wider layer.",
    )
