import numpy as np
import pytest

from course_utils.perceptron import GATE_INPUTS, GATE_TARGETS, Perceptron, best_linear_accuracy, step


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
def test_learns_linearly_separable_gates(seed, gate):
    neuron = Perceptron(2, rng=np.random.default_rng(seed))
    mistakes = neuron.fit(GATE_INPUTS, GATE_TARGETS[gate], epochs=100)
    assert mistakes[-1] == 0 and neuron.accuracy(GATE_INPUTS, GATE_TARGETS[gate]) == 1.0


@pytest.mark.parametrize("seed", range(5))
def test_never_learns_xor(seed):
    neuron = Perceptron(2, rng=np.random.default_rng(seed))
    mistakes = neuron.fit(GATE_INPUTS, GATE_TARGETS["XOR"], epochs=100)
    assert min(mistakes) > 0 and neuron.accuracy(GATE_INPUTS, GATE_TARGETS["XOR"]) < 1.0


def test_best_line_on_xor_is_three_of_four():
    assert best_linear_accuracy(GATE_INPUTS, GATE_TARGETS["XOR"]) == 0.75
    assert best_linear_accuracy(GATE_INPUTS, GATE_TARGETS["OR"]) == 1.0


def test_update_rule_by_hand():
    neuron = Perceptron(2, learning_rate=0.5)
    neuron.fit(np.array([[1.0, 1.0]]), np.array([1]), epochs=1)
    assert neuron.weights.tolist() == [0.5, 0.5] and neuron.bias == 0.5


def test_step_is_strict():
    assert step([-1, 0, 1e-9]).tolist() == [0, 0, 1]


def test_bad_shapes_are_explained():
    neuron = Perceptron(2)
    with pytest.raises(ValueError, match=r"shape \(n_samples, 2\)"):
        neuron.predict([1, 0])
    with pytest.raises(ValueError, match="one target per row"):
        neuron.fit(GATE_INPUTS, [0, 1])
    with pytest.raises(ValueError, match="at least 1"):
        Perceptron(0)
