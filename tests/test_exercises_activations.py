"""The 05_activation_functions checkers accept right answers, reject wrong ones, and tolerate placeholders."""

import numpy as np

from course_utils.exercises.activations import check_collapsed_layer, check_leaky_relu


def test_leaky_relu_checker(capsys):
    assert check_leaky_relu(lambda z: np.where(z > 0, z, 0.1 * z))
    assert check_leaky_relu(lambda z: np.maximum(z, 0.1 * z))
    assert not check_leaky_relu(lambda z: np.maximum(z, 0.3 * z))  # Keras' layer default, not 0.1
    assert "Wrong output" in capsys.readouterr().out
    assert not check_leaky_relu(lambda z: np.maximum(0, z))
    assert not check_leaky_relu(lambda z: z[0])
    assert not check_leaky_relu(lambda z: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not check_leaky_relu(0.1)
    assert not check_leaky_relu(None)
    assert "Not answered yet" in capsys.readouterr().out


def test_collapsed_layer_checker(capsys):
    assert check_collapsed_layer([[4.0], [-1.0]], [1.0])
    assert check_collapsed_layer([4, -1], 1)
    assert not check_collapsed_layer([[4.0], [-1.0]], [-1.0])  # forgot b1 @ W2
    assert "b1 @ W2" in capsys.readouterr().out
    assert not check_collapsed_layer([[2.0], [1.0]], [1.0])
    assert not check_collapsed_layer([1.0, 2.0, 3.0], [1.0])
    assert not check_collapsed_layer(None, [1.0])
