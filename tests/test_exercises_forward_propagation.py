"""The 04_forward_propagation checkers accept right answers and reject wrong ones."""

from course_utils.exercises.forward_propagation import check_batch_shapes, check_hand_forward


def test_hand_forward_checker(capsys):
    assert check_hand_forward([1.0, 0.0], 2.5)
    assert not check_hand_forward([1.0, -2.5], 2.5)  # forgot ReLU
    assert "ReLU" in capsys.readouterr().out
    assert not check_hand_forward([1.0, 0.0], 3.0)
    assert not check_hand_forward([1.0], 2.5)
    assert not check_hand_forward(None, None)


def test_batch_shapes_checker(capsys):
    assert check_batch_shapes((784, 128), (32, 128), (32, 10))
    assert not check_batch_shapes((128, 784), (32, 128), (32, 10))
    assert "W1" in capsys.readouterr().out
    assert not check_batch_shapes(None, (32, 128), (32, 10))
