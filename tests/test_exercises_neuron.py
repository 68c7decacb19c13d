"""The 02_neuron checkers accept right answers, reject wrong ones, and tolerate placeholders."""

from course_utils.exercises.neuron import check_nand_neuron, check_weighted_sum_prediction


def test_nand_checker(capsys):
    assert check_nand_neuron([-2, -2], 3)
    assert check_nand_neuron([-1.0, -1.0], 1.5)
    assert not check_nand_neuron([1, 1], -1.5)  # that is AND
    assert "(0, 0)" in capsys.readouterr().out
    assert not check_nand_neuron([-1, -1, -1], 2)
    assert not check_nand_neuron(None, None)
    assert "Not answered yet" in capsys.readouterr().out


def test_prediction_checker(capsys):
    assert check_weighted_sum_prediction(0.2, 1)
    assert not check_weighted_sum_prediction(0.2, 0)
    assert not check_weighted_sum_prediction(1.2, 1)
    assert not check_weighted_sum_prediction(None, 1)
