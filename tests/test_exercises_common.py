"""The answer parsers every checker shares (course_utils.exercises): a wrong kind of answer is a one-line hint."""

import numpy as np
import pytest

from course_utils.exercises import AnswerError, as_array, as_choice, as_shape, model_accuracy


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
