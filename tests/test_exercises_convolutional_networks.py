"""The 14_convolutional_networks checkers accept right answers, reject wrong ones, and tolerate placeholders."""

from course_utils.convolution import convolve2d
from course_utils.exercises.convolutional_networks import (
    EXERCISE_KERNEL, EXERCISE_PATCH, check_conv_layer, check_convolution_value,
)


def test_conv_layer(capsys):
    assert check_conv_layer((24, 24, 8), 208)
    assert not check_conv_layer((28, 28, 8), 208)
    assert "padding" in capsys.readouterr().out
    assert not check_conv_layer((24, 24, 8), 200)
    assert not check_conv_layer(None, 208)


def test_convolution_value():
    assert check_convolution_value(convolve2d(EXERCISE_PATCH, EXERCISE_KERNEL)[0, 0])
    assert check_convolution_value(3.0)
    assert not check_convolution_value(-3.0)
    assert not check_convolution_value(None)
