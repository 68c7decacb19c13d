"""The 07_gradient_descent checkers accept right answers, reject wrong ones, and tolerate placeholders."""

from course_utils.exercises.gradient_descent import check_divergence_threshold, check_third_step


def test_third_step_checker(capsys):
    assert check_third_step(4.096)
    assert check_third_step(8 * 0.8**3)
    assert not check_third_step(3.2)  # kept the first gradient for all three steps
    assert "changes after every step" in capsys.readouterr().out
    assert not check_third_step(5.12)
    assert not check_third_step(None)
    assert "Not answered yet" in capsys.readouterr().out


def test_divergence_threshold_checker():
    assert check_divergence_threshold(0.2)
    assert not check_divergence_threshold(1.0)
    assert not check_divergence_threshold(0.1)
    assert not check_divergence_threshold(None)
