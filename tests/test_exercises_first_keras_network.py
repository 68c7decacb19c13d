"""The 09_first_keras_network checkers accept right answers, reject wrong ones, and tolerate placeholders."""

from course_utils.exercises.first_keras_network import check_fixed_model_parameters, check_gradient_steps


def test_parameter_checker(capsys):
    assert check_fixed_model_parameters(65)
    assert check_fixed_model_parameters(65.0)
    assert not check_fixed_model_parameters(48)
    assert "biases" in capsys.readouterr().out
    assert not check_fixed_model_parameters(17)
    assert not check_fixed_model_parameters("many")
    assert not check_fixed_model_parameters(None)
    assert "Not answered yet" in capsys.readouterr().out


def test_steps_checker(capsys):
    assert check_gradient_steps(600)
    assert not check_gradient_steps(300)
    assert "batch_size=2" in capsys.readouterr().out
    assert not check_gradient_steps(1200)
    assert not check_gradient_steps(600.5)
    assert not check_gradient_steps(None)
