import numpy as np

from course_utils.neuron import GATE_INPUTS, GATE_TARGETS, best_linear_accuracy, step


def test_gate_targets_are_the_truth_tables():
    x1, x2 = GATE_INPUTS[:, 0].astype(int), GATE_INPUTS[:, 1].astype(int)
    assert GATE_TARGETS["AND"].tolist() == (x1 & x2).tolist()
    assert GATE_TARGETS["OR"].tolist() == (x1 | x2).tolist()
    assert GATE_TARGETS["NAND"].tolist() == (1 - (x1 & x2)).tolist()
    assert GATE_TARGETS["XOR"].tolist() == (x1 ^ x2).tolist()


def test_best_line_on_xor_is_three_of_four():
    assert best_linear_accuracy(GATE_INPUTS, GATE_TARGETS["XOR"]) == 0.75
    assert best_linear_accuracy(GATE_INPUTS, GATE_TARGETS["OR"]) == 1.0


def test_best_line_separates_every_separable_gate():
    for gate in ("AND", "OR", "NAND"):
        assert best_linear_accuracy(GATE_INPUTS, GATE_TARGETS[gate]) == 1.0


def test_step_is_strict():
    assert step([-1, 0, 1e-9]).tolist() == [0, 0, 1]
    assert step(np.array([[0.5, -0.5]])).tolist() == [[1, 0]]
