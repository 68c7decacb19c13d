"""What every student-simulation test checks about one answer's feedback (imported by tests/test_exercises_*.py).

Each test file lists its cases (exercise, case, check, answers, verdict, phrase) and, per exercise, the texts
that would give the answer away; its test calls ``assert_feedback(check(*answers), capsys.readouterr().out,
verdict, phrase, ANSWERS[exercise])``.
"""


def assert_feedback(result, out: str, verdict: bool, phrase: str, answers=()) -> None:
    """The verdict is ``verdict``; the feedback is one message (one line), no traceback, and says ``phrase``.

    For a wrong answer, none of ``answers`` (the right answer written as text, or the measured values that
    decide it) appears in the feedback: a hint points to where to look, it never gives the answer away.
    """
    assert bool(result) is verdict, out
    assert out.count("\n") == 1 and "Traceback" not in out, out
    assert phrase in out, out
    if not verdict:
        leaked = [answer for answer in answers if answer in out]
        assert not leaked, f"the hint gives the answer away ({leaked}): {out}"
