"""A pytest plugin that loosens every exercise check on purpose: whatever the answer, the feedback is "Correct!".

``tests/test_exercise_checks_can_fail.py`` runs each student-simulation test file with it
(``-p loosened_checkers``) and expects red: a simulation test that stays green against a checker that accepts
everything would not be testing anything.
"""

import importlib
import pkgutil

import course_utils.exercises as exercises


def pytest_configure(config):
    real = exercises.feedback

    def accept_everything(correct, success, hint):
        return real(True, success, hint)

    exercises.feedback = accept_everything
    for module in pkgutil.iter_modules(exercises.__path__):
        topic = importlib.import_module(f"{exercises.__name__}.{module.name}")
        if getattr(topic, "feedback", None) is real:
            topic.feedback = accept_everything
