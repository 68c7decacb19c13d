"""Measure how long something takes, and print it in a form the tests know to ignore.

Durations always print as ``⏱ 12.3 s``; ``tests/sanitize.cfg`` replaces exactly that
pattern, so a notebook can show real timings and still pass nbval.
"""

from __future__ import annotations

import time


def format_seconds(seconds: float) -> str:
    """``⏱ 1.2 s``: the one format for durations in the course's outputs."""
    return f"⏱ {seconds:.1f} s"


class Stopwatch:
    """Context manager timing its block: ``with Stopwatch() as watch: ...; watch.seconds``."""

    def __init__(self):
        self.seconds = float("nan")

    def __enter__(self):
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._started
        return False

    def __str__(self) -> str:
        return format_seconds(self.seconds)
