"""The 10_keras_apis checkers accept right answers, reject wrong ones, and tolerate placeholders."""

from course_utils.exercises.keras_apis import check_conv2d_layer, check_dropout_scale


def test_conv2d_checker(capsys):
    assert check_conv2d_layer((24, 24, 16), 416)
    assert check_conv2d_layer([24, 24, 16], 416)
    assert not check_conv2d_layer((24, 24, 16), 400)
    assert "bias" in capsys.readouterr().out
    assert not check_conv2d_layer((28, 28, 16), 416)
    assert not check_conv2d_layer("big", 416)
    assert not check_conv2d_layer(None, 416)
    assert "Not answered yet" in capsys.readouterr().out


def test_dropout_checker(capsys):
    assert check_dropout_scale(1.25)
    assert check_dropout_scale(5 / 4)
    assert not check_dropout_scale(0.8)
    assert "divided" in capsys.readouterr().out
    assert not check_dropout_scale(2)
    assert not check_dropout_scale(None)
