"""Exercise checks for 08_backpropagation."""

from __future__ import annotations

import math

import numpy as np

from course_utils.backpropagation import numerical_gradient, relative_error
from course_utils.data import load_mnist, prepare_images
from course_utils.exercises import Verdict, accuracy_without_leak, as_number, checker, feedback, first_line, unanswered

#: Exercise 1: L = (x·y + z)² at this point.
HAND_POINT = {"x": 2.0, "y": -1.0, "z": 3.0}
#: Exercise 5: the validation accuracy to reach, and the largest hidden layer allowed.
OPEN_TARGET, OPEN_MAX_HIDDEN = 0.975, 256
#: Exercise 5: the student trains on the first 50,000 training images; the last 10,000 are the validation images.
VALIDATION_START = 50_000
#: Exercise 5: a network that has not trained on the validation images is about as sure of them as of images it
#: never had (mean cross-entropy 0.95 to 1.13 times as large, measured over seeds and training lengths); one that
#: trained on them is far surer (0.44 to 0.86 times). Below this ratio the check reports the leak.
LEAK_LOSS_RATIO = 0.9


def _hand_gradients() -> tuple[float, float, float]:
    x, y, z = HAND_POINT["x"], HAND_POINT["y"], HAND_POINT["z"]
    v = x * y + z
    return 2 * v * y, 2 * v * x, 2 * v


@checker
def check_hand_backward(dL_dx, dL_dy, dL_dz) -> Verdict:
    """Exercise 1: ∂L/∂x, ∂L/∂y, ∂L/∂z of L = (x·y + z)² at x = 2, y = −1, z = 3."""
    if unanswered(dL_dx, dL_dy, dL_dz):
        return Verdict(False)
    answers = []
    for name, answer in (("the gradient for x", dL_dx), ("the gradient for y", dL_dy), ("the gradient for z", dL_dz)):
        value = as_number(answer, name)
        answers.append(value)
    want = _hand_gradients()
    if np.allclose(answers, want):
        return feedback(
            True,
            "u = x·y = −2, v = u + z = 1, L = v² = 1. Backwards: ∂L/∂v = 2v = 2, "
            "∂L/∂z = 2, ∂L/∂u = 2, ∂L/∂x = 2·y = −2, ∂L/∂y = 2·x = 4.",
            "",
        )
    v = HAND_POINT["x"] * HAND_POINT["y"] + HAND_POINT["z"]
    if np.allclose(answers, np.array(want) / (2 * v)):
        return feedback(
            False,
            "",
            "Those are the gradients of v = x·y + z. The square adds one more link to "
            "the chain: multiply by ∂L/∂v = 2v.",
        )
    if np.allclose(answers, [want[1], want[0], want[2]]):
        return feedback(False, "", "∂L/∂x and ∂L/∂y are swapped: ∂(x·y)/∂x is y, the other factor.")
    wrong = [name for name, got, right in zip(("∂L/∂x", "∂L/∂y", "∂L/∂z"), answers, want) if not np.isclose(got, right)]
    return feedback(
        False,
        "",
        f"Check {', '.join(wrong)}. Forward first (u = x·y, v = u + z, L = v²), then "
        "backwards from ∂L/∂L = 1, multiplying by each local derivative.",
    )


# --- Exercise 2: the backward pass of a sigmoid layer ---------------------------------------------------


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_layer_reference(X, W, b, dA):
    """(dX, dW, db) for A = sigmoid(X @ W + b), given dA = ∂L/∂A."""
    A = _sigmoid(X @ W + b)
    dZ = dA * A * (1 - A)
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def _exercise_inputs():
    rng = np.random.default_rng(8)
    return rng.normal(size=(5, 4)), rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=(5, 3))


#: Exercise 2: where a failing gradient's formula is taught (section 3's table), never the formula itself.
_WHERE_TO_LOOK = {
    "dX": "dX is what the layer hands to the layer below, like dH in the table",
    "dW": "dW is built like dW₂ in the table, with X in place of H",
    "db": "db is built like db₂ in the table",
}


@checker
def check_sigmoid_backward(sigmoid_layer_backward) -> Verdict:
    """Exercise 2: a function (X, W, b, dA) -> (dX, dW, db) for A = sigmoid(X @ W + b), gradient-checked."""
    if unanswered(sigmoid_layer_backward):
        return Verdict(False)
    if not callable(sigmoid_layer_backward):
        return feedback(False, "", "Pass the function itself (its name, without parentheses), not its result.")
    X, W, b, dA = _exercise_inputs()
    try:
        with np.errstate(all="ignore"):
            result = sigmoid_layer_backward(X.copy(), W.copy(), b.copy(), dA.copy())
    except Exception as error:  # the student's code: report it in one line, never crash
        return feedback(False, "", f"Calling your function raised {type(error).__name__}: {first_line(error)}")
    if result is None:  # the exercise's template returns None until it is filled in
        unanswered(None)
        return Verdict(False)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        return feedback(False, "", "Return three arrays, in this order: dX, dW, db.")
    got = []
    for name, r in zip(("dX", "dW", "db"), result):
        if r is None:
            return feedback(False, "", f"Your {name} is None: compute it and return it with the others.")
        try:
            got.append(np.asarray(r, dtype=float))
        except (TypeError, ValueError):
            return feedback(False, "", "dX, dW and db must be NumPy arrays of numbers.")
    for name, g, shape in zip(("dX", "dW", "db"), got, (X.shape, W.shape, b.shape)):
        if g.shape != shape:
            if name == "db" and g.shape == dA.shape:
                return feedback(
                    False,
                    "",
                    "db has one row per sample: the bias is shared by all samples, so "
                    "their contributions add up, like b's two paths in section 1.",
                )
            return feedback(False, "", f"{name} should have the shape of {name[1:]}, {shape}; yours is {g.shape}.")
        if not np.isfinite(g).all():
            return feedback(
                False, "", f"Your {name} contains NaN or inf: look for a division or an exp that overflows."
            )

    A = _sigmoid(X @ W + b)
    skipped = (dA @ W.T, X.T @ dA, dA.sum(axis=0))
    if all(np.allclose(g, s) for g, s in zip(got, skipped)):
        return feedback(
            False, "", "You passed dA straight through the sigmoid: first multiply by its slope, as the hint says."
        )
    dZ_wrong = dA * _sigmoid(A) * (1 - _sigmoid(A))
    if all(np.allclose(g, s) for g, s in zip(got, (dZ_wrong @ W.T, X.T @ dZ_wrong, dZ_wrong.sum(axis=0)))):
        return feedback(False, "", "σ′(z) = σ(z)(1 − σ(z)) = A(1 − A): use A itself, not σ(A).")

    def loss():  # L = Σ dA ⊙ A, so that ∂L/∂A = dA
        return float((dA * _sigmoid(X @ W + b)).sum())

    errors = {
        name: relative_error(g, numerical_gradient(loss, param))
        for name, g, param in zip(("dX", "dW", "db"), got, (X, W, b))
    }
    bad = [name for name, error in errors.items() if not error < 1e-6]
    if bad:
        right = [name for name in ("dX", "dW", "db") if name not in bad]
        hint = f" ({', '.join(right)} {'is' if len(right) == 1 else 'are'} right.)" if right else ""
        if len(bad) == 3:
            where = (
                "All three are built from dZ, the gradient at the sums, so look at dZ first: "
                "the sigmoid's slope, in this exercise's hint."
            )
        else:
            where = "Compare with section 3's table: " + "; ".join(_WHERE_TO_LOOK[name] for name in bad) + "."
        return feedback(False, "", f"The gradient check fails for {', '.join(bad)}.{hint} {where}")
    worst = max(errors.values())
    bound = next(f"1e-{k}" for k in (10, 8, 6) if worst < 10.0**-k)
    return feedback(True, f"The gradient check passes: relative errors below {bound} for dX, dW and db.", "")


# --- Exercise 3: the loss at the start ----------------------------------------------------------------


#: Exercise 3 asks "about what loss": ln 26 ≈ 3.258, so 3.2, 3.26 and 3.3 are all right.
STARTING_LOSS_TOLERANCE = 0.06


@checker
def check_starting_loss(loss) -> Verdict:
    """Exercise 3: the cross-entropy at the start of training for 26 classes (letters)."""
    if unanswered(loss):
        return Verdict(False)
    value = as_number(loss, "the starting loss")
    want = math.log(26)
    if math.isclose(value, -want, abs_tol=STARTING_LOSS_TOLERANCE):
        return feedback(False, "", "A loss is −ln of a probability below 1, so it is positive: check the sign.")
    if math.isclose(value, math.log2(26), abs_tol=STARTING_LOSS_TOLERANCE):
        return feedback(False, "", "Cross-entropy uses the natural logarithm (ln), not log base 2.")
    if math.isclose(value, math.log(10), abs_tol=0.01):
        return feedback(False, "", "ln 10 is for 10 classes. With 26 letters, what probability does each get?")
    if math.isclose(value, 1 / 26, abs_tol=0.002):
        return feedback(False, "", "That is the probability each letter gets; the loss is minus its logarithm.")
    if math.isclose(value, math.log10(26), abs_tol=0.01):
        return feedback(False, "", "Cross-entropy uses the natural logarithm (ln), not log base 10.")
    return feedback(
        math.isclose(value, want, abs_tol=STARTING_LOSS_TOLERANCE),
        f"Every letter gets probability ≈ 1/26, so the loss starts near −ln(1/26) = ln 26 ≈ {want:.3f}.",
        "Small random weights give every class about the same score. What probability does softmax give each "
        "of 26 classes, and what is −ln of it?",
    )


# --- Exercise 4: zero weights in the output layer only ------------------------------------------------


@checker
def check_zero_output_layer(trains, accuracy) -> Verdict:
    """Exercise 4: does the network learn when only W2 starts at zero? Your verdict and your measured accuracy."""
    if unanswered(trains, accuracy):
        return Verdict(False)
    if not isinstance(trains, (bool, np.bool_)):
        return feedback(False, "", "Answer `my_trains` with True (it learns) or False (it does not).")
    value = as_number(accuracy, "the test accuracy")
    if not 0 <= value <= 1:
        return feedback(False, "", "Give the accuracy as a fraction between 0 and 1 (0.95, not 95).")
    if value < 0.9:
        return feedback(
            False,
            "",
            "That accuracy is low for one epoch of this network. Start from init_params, "
            "set only W2 to zeros (keep W1 random), and train one full epoch.",
        )
    if not trains:
        return feedback(
            False,
            "",
            f"Your own measurement ({value:.3f}) says it learns. Look at why: which "
            "layer's gradient is not zero at the first step?",
        )
    return feedback(
        True,
        "At the first step dH = dZ2·W2ᵀ is zero, so W1 does not move, but dW2 = Hᵀ·dZ2 is "
        "not: the random W1 makes every hidden unit different, so W2's rows become different "
        "and from the second step on W1 learns too. One random layer breaks the symmetry.",
        "",
    )


# --- Exercise 5: the open experiment -------------------------------------------------------------------


def _validation_and_fresh():
    """The validation images (the last 10,000 training images) and, for the leak check, the 10,000 test images."""
    (x_train, y_train), (x_test, y_test) = load_mnist()
    validation = prepare_images(x_train[VALIDATION_START:]), y_train[VALIDATION_START:]
    return validation, (prepare_images(x_test), y_test)


class _ParamsNetwork:
    """A parameter dict ``{"W1", "b1", "W2", "b2"}`` with the ``predict`` the shared model checks call."""

    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2

    def predict(self, x, verbose=0):
        return np.maximum(x @ self.W1 + self.b1, 0) @ self.W2 + self.b2

    def mean_cross_entropy(self, x, labels) -> float:
        scores = self.predict(x).astype(np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        log_p = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(labels)), labels].mean())


@checker
def check_open_experiment(params) -> Verdict:
    """Exercise 5: a 784-h-10 ReLU network (h ≤ 256), trained on the first 50,000 training images, at ≥ 0.975
    accuracy on the last 10,000 (the validation images).

    ``params`` is the dict ``{"W1", "b1", "W2", "b2"}``; the checker measures the validation accuracy itself,
    and compares the network with 10,000 images it never had (the test images) to tell whether it has seen
    the validation images.
    """
    if unanswered(params):
        return Verdict(False)
    names = ("W1", "b1", "W2", "b2")
    if not isinstance(params, dict) or set(params) != set(names):
        return feedback(
            False,
            "",
            "Pass the parameters as the dict your training loop uses: {'W1': ..., 'b1': ..., 'W2': ..., 'b2': ...}.",
        )
    missing = [name for name in names if params[name] is None]
    if missing:
        return feedback(
            False,
            "",
            f"Your {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} None: pass the "
            "dict after training, with an array for every parameter.",
        )
    try:
        W1, b1, W2, b2 = (np.asarray(params[name], dtype=np.float32) for name in names)
    except (TypeError, ValueError):
        return feedback(False, "", "Every parameter must be a NumPy array of numbers.")
    hidden = W1.shape[1] if W1.ndim == 2 else -1
    if W1.shape != (784, hidden) or b1.shape != (hidden,) or W2.shape != (hidden, 10) or b2.shape != (10,):
        return feedback(
            False,
            "",
            f"Expected W1 (784, h), b1 (h,), W2 (h, 10), b2 (10,); got {W1.shape}, {b1.shape}, {W2.shape}, {b2.shape}.",
        )
    if hidden > OPEN_MAX_HIDDEN:
        return feedback(False, "", f"{hidden} hidden units is more than the {OPEN_MAX_HIDDEN} allowed.")
    if not all(np.isfinite(p).all() for p in (W1, b1, W2, b2)):
        return feedback(False, "", "Some weights are inf or NaN: the training diverged. Try a smaller learning rate.")
    network = _ParamsNetwork(W1, b1, W2, b2)
    validation, fresh = _validation_and_fresh()
    accuracy, wrong = accuracy_without_leak(network, validation, fresh, judged_name="validation images")
    if wrong is not None:
        return wrong
    with np.errstate(all="ignore"):
        validation_loss, fresh_loss = network.mean_cross_entropy(*validation), network.mean_cross_entropy(*fresh)
    if validation_loss < LEAK_LOSS_RATIO * fresh_loss:
        return feedback(
            False,
            "",
            f"Your network is much surer of the validation images than of {len(fresh[1]):,} images it never had "
            f"(mean cross-entropy {validation_loss:.3f} against {fresh_loss:.3f}): it has trained on them, so its "
            "validation accuracy measures its memory, not how well it generalises. Train on X_train[:50_000] only, "
            "from a fresh init_params (section 4's network has seen all 60,000 training images).",
        )
    return feedback(
        accuracy >= OPEN_TARGET,
        f"Validation accuracy {accuracy:.4f} with {hidden} hidden units, from a loop you wrote yourself.",
        f"Validation accuracy {accuracy:.4f}: not yet {OPEN_TARGET}. Train longer, or lower the learning rate for "
        "the last epochs, or widen the hidden layer.",
    )


# --- Exercise 6: the initial scale ----------------------------------------------------------------------

#: Exercise 6: Var(w) = 3/n_in in a ReLU stack multiplies Var(z) by 3/2 per layer.
SCALE_VARIANCE = 3.0


@checker
def check_init_scale(factor) -> Verdict:
    """Exercise 6: the per-layer factor of the standard deviation of z in a ReLU stack with Var(w) = 3/n_in."""
    if unanswered(factor):
        return Verdict(False)
    value = as_number(factor, "the factor per layer")
    want = math.sqrt(SCALE_VARIANCE / 2)
    if math.isclose(value, SCALE_VARIANCE / 2, abs_tol=0.06):
        return feedback(False, "", "1.5 is the factor on the variance; the standard deviation is its square root.")
    if math.isclose(value, math.sqrt(SCALE_VARIANCE), abs_tol=0.06) or math.isclose(value, SCALE_VARIANCE, abs_tol=0.1):
        return feedback(
            False, "", "ReLU sets half of z to 0, so E[x²] = Var(z)/2: the variance's factor is n_in·Var(w)/2."
        )
    return feedback(
        math.isclose(value, want, abs_tol=0.06),
        f"n_in·Var(w)/2 = 3/2 per layer on the variance, so √(3/2) ≈ {want:.3f} on the standard deviation: "
        "the signal grows, more slowly than with 4/n_in.",
        "Start from Var(z) = n_in·Var(w)·E[x²] with E[x²] = Var(z)/2 after a ReLU; the standard deviation is the "
        "square root of the variance.",
    )
