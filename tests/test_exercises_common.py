"""The answer parsers every checker shares (course_utils.exercises): a wrong kind of answer is a one-line hint."""

import numpy as np
import pytest

from course_utils.exercises import (
    AnswerError,
    accuracy_without_leak,
    as_array,
    as_choice,
    as_shape,
    call_student,
    model_accuracy,
)


def test_as_array_reads_a_count_of_numbers_in_any_layout():
    assert as_array([1, 2.5], "the weights", 2).tolist() == [1.0, 2.5]
    assert as_array(np.array([[1], [2]]), "the weights", 2).tolist() == [1.0, 2.0]
    with pytest.raises(AnswerError, match="exactly 2 numbers; got 3"):
        as_array([1, 2, 3], "the weights", 2)
    with pytest.raises(AnswerError, match=r"a list of 2 numbers, e.g. \[0.5, 0.5\], not 3"):
        as_array(3, "the weights", 2)


def test_as_array_keeps_the_names_case_and_explains_ragged_rows():
    with pytest.raises(AnswerError, match="Each number of W1 is a number"):
        as_array([1, "one"], "W1", 2)
    with pytest.raises(AnswerError, match="every row as long as the others"):
        as_array([np.zeros(2), np.zeros((2, 2))], "W1", (2, 2))


def test_as_array_reshapes_to_a_shape_and_keeps_any_shape_without_one():
    assert as_array([3, -2], "W2", (2, 1)).tolist() == [[3.0], [-2.0]]
    with pytest.raises(AnswerError, match=r"needs shape \(2, 1\); got \(3,\)"):
        as_array([1, 2, 3], "W2", (2, 1))
    assert as_array([[0.5, 1], [1, 0.25]], "the accuracies").shape == (2, 2)


@pytest.mark.parametrize(
    "answer, hint",
    [
        ("0.5, 0.5", "not the text '0.5, 0.5'"),
        ([1, "two"], "not the text 'two'"),
        ([1, True], "not True"),
        ([1, float("nan")], "finite"),
        (print, "a list of 2 numbers"),
        (True, "not True"),
    ],
)
def test_as_array_explains_a_wrong_kind_of_answer(answer, hint):
    with pytest.raises(AnswerError, match=hint):
        as_array(answer, "the weights", 2)


def test_as_shape():
    assert as_shape([2, 3.0], "a shape") == (2, 3)
    assert as_shape((24, 24, 8), "the output shape", 3) == (24, 24, 8)
    with pytest.raises(AnswerError, match="shape"):
        as_shape(5, "a shape")
    with pytest.raises(AnswerError, match=r"three whole numbers, e.g. \(2, 3\)"):
        as_shape((24, 24), "the output shape", 3)
    with pytest.raises(AnswerError, match="not the text '24'"):
        as_shape((24, "24", 8), "the output shape", 3)
    with pytest.raises(AnswerError, match="positive sizes"):
        as_shape((2, 0), "a shape")


def test_as_choice_ignores_case_spaces_and_quotes_and_returns_the_option_as_written():
    parse = as_choice(("L2", "dropout"))
    assert parse(" l2 ", "the regulariser") == "L2"
    assert parse("'Dropout'", "the regulariser") == "dropout"
    with pytest.raises(AnswerError, match="one of the words 'L2' or 'dropout'; got 'batch norm'"):
        parse("batch norm", "the regulariser")
    with pytest.raises(AnswerError, match="in quotes; got 2"):
        parse(2, "the regulariser")


class FixedScores:
    """A stand-in classifier whose scores pick ``predicted``, or that raises like a model built for other inputs."""

    def __init__(self, predicted=None, classes=10, error=None):
        self.predicted, self.classes, self.error = predicted, classes, error

    def predict(self, x, verbose=0):
        if self.error:
            raise self.error
        return np.eye(self.classes)[self.predicted]


def test_model_accuracy_measures_a_working_model():
    accuracy, wrong = model_accuracy(FixedScores(np.array([1, 2, 3, 3])), np.zeros((4, 784)), np.array([1, 2, 3, 4]))
    assert accuracy == 0.75 and wrong is None


def test_model_accuracy_turns_a_broken_model_into_one_line(capsys):
    error = ValueError("Input 0 is incompatible with the layer:\nexpected shape=(None, 784)")
    accuracy, wrong = model_accuracy(FixedScores(error=error), np.zeros((4, 28, 28)), np.zeros(4))
    assert accuracy is None and not wrong
    out = capsys.readouterr().out
    assert "model.predict raised ValueError: Input 0 is incompatible" in out and out.count("\n") == 1

    accuracy, wrong = model_accuracy(FixedScores(np.array([1, 2]), classes=3), np.zeros((2, 784)), np.array([1, 2]))
    assert accuracy is None and not wrong
    assert "10 scores per image; it outputs shape (2, 3)" in capsys.readouterr().out


def _square(x):
    return x * x


@pytest.mark.parametrize(
    "function, hint",
    [
        ("f", "Assign a function (def ...) to my_f, not a str."),
        (lambda x: None, "My_f returned None: end it with a `return` of a number."),
        (lambda x: np.ones(3), "My_f should return one number; it returned 3 values (shape (3,))"),
        (lambda x: 1 / 0, "Calling my_f raised ZeroDivisionError: division by zero"),
        (lambda x: "two", "is a number, not the text 'two'"),
        (lambda x: float("nan"), "must be a finite number"),
    ],
)
def test_call_student_reports_a_broken_function_in_one_line(capsys, function, hint):
    value, verdict = call_student(function, 2.0, what="my_f")
    out = capsys.readouterr().out
    assert value is None and not verdict
    assert hint in out and "Traceback" not in out and out.count("\n") == 1


def test_call_student_returns_what_the_function_returns(capsys):
    assert call_student(_square, 3.0, what="square") == (9.0, None)
    assert call_student(lambda x: np.array([4.0]), 2.0, what="f") == (4.0, None)
    values, verdict = call_student(_square, np.array([1.0, 2.0]), what="square", returns="an array", shape=2)
    assert verdict is None and values.tolist() == [1.0, 4.0]
    value, verdict = call_student(None, 1.0)
    assert value is None and not verdict and "Not answered yet" in capsys.readouterr().out


keras = pytest.importorskip("keras")


def _digits(n, seed=0):
    """Two well-separated classes of random 'images': a model can learn them in a few steps."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    x = rng.normal(size=(n, 8)).astype("float32") + y[:, None] * 1.5
    return x, y


def _model(inputs=8):
    model = keras.Sequential([keras.Input(shape=(inputs,)), keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="sparse_categorical_crossentropy")
    return model


@pytest.mark.parametrize(
    "make, hint",
    [
        (lambda: keras.Sequential([keras.layers.Dense(2)]), "has no weights yet: start it with keras.Input"),
        (lambda: _model(inputs=4), "expects inputs of shape (4,), but these images have shape (8,)"),
        (lambda: "model", "should be a Keras model; got a str"),
    ],
)
def test_model_accuracy_explains_a_model_it_cannot_judge_in_one_line(capsys, make, hint):
    x, y = _digits(50)
    accuracy, verdict = model_accuracy(make(), x, y, classes=2)
    out = capsys.readouterr().out
    assert accuracy is None and not verdict
    assert hint in out and "Traceback" not in out and out.count("\n") == 1


def test_a_model_that_trained_on_the_judged_images_is_caught(capsys):
    """Memorising the validation images (a big model, many epochs on them) shows as a gap to fresh images."""
    rng = np.random.default_rng(1)
    x_val, y_val = rng.normal(size=(200, 8)).astype("float32"), rng.integers(0, 2, 200)  # labels are noise
    fresh = (rng.normal(size=(2000, 8)).astype("float32"), rng.integers(0, 2, 2000))
    keras.utils.set_random_seed(0)
    leaky = keras.Sequential(
        [keras.Input(shape=(8,)), keras.layers.Dense(256, activation="relu"), keras.layers.Dense(2, "softmax")]
    )
    leaky.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
    leaky.fit(np.tile(x_val, (150, 1)), np.tile(y_val, 150), batch_size=200, verbose=0)  # 150 passes in one epoch
    accuracy, verdict = accuracy_without_leak(leaky, (x_val, y_val), fresh, classes=2)
    out = capsys.readouterr().out
    assert accuracy is None and not verdict and "it has seen the validation images during training" in out

    honest = _model()
    keras.utils.set_random_seed(0)
    honest.fit(*_digits(500, seed=2), epochs=5, verbose=0)
    accuracy, verdict = accuracy_without_leak(honest, _digits(500, seed=3), _digits(2000, seed=4), classes=2)
    assert verdict is None and accuracy > 0.8
