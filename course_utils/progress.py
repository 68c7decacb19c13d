"""A one-line progress bar for ``model.fit`` that updates in place and leaves nothing in the saved notebook.

    from course_utils.progress import LiveProgress
    model.fit(x, y, epochs=5, verbose=0, callbacks=[LiveProgress("small CNN")])

While ``fit`` runs in JupyterLab, Jupyter Notebook, VS Code or Colab, the cell shows one line such as
``small CNN · epoch 3/5 ━━━━━━━━━━━━━━━──────── 52%  loss 0.041  accuracy 0.987  ⏱ 6 s, about 5 s left``,
redrawn in place at most every ``every`` seconds. When training ends, the line is replaced by an empty
output, exactly what the callback displayed first.

Why that matters for the stored notebooks: the bar is a Jupyter *display* (``display_id``) that the
callback updates in place. A notebook runner that applies updates (nbclient, and so the course's build)
stores the display's last state; one that ignores them (nbval) records its first state. Both are the
same empty output, so no progress text is ever stored, and a re-run compares equal. Outside a Jupyter
kernel (a script, a terminal) the callback does nothing.
"""

from __future__ import annotations

import time

import keras

#: What the progress display starts and ends as: an empty plain-text output.
EMPTY = {"text/plain": ""}

BAR_WIDTH = 24


def in_jupyter_kernel() -> bool:
    """True inside a Jupyter kernel (JupyterLab, Notebook, VS Code, Colab), False in a script or terminal."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def progress_line(label: str, epoch: int, epochs: int, fraction: float, logs: dict, elapsed: float) -> str:
    """The text of the bar: where training is, its latest loss and accuracy, time spent and left.

    ``epoch`` counts from 1; ``fraction`` is the share of the whole training done, 0..1.
    """
    fraction = min(max(fraction, 0.0), 1.0)
    filled = round(fraction * BAR_WIDTH)
    parts = [f"{label} · epoch {epoch}/{epochs}", "━" * filled + "─" * (BAR_WIDTH - filled), f"{fraction:4.0%}"]
    parts += [f"{name} {logs[name]:.4f}" for name in ("loss", "accuracy") if name in logs]
    timing = f"⏱ {elapsed:.0f} s"
    if 0 < fraction < 1:
        timing += f", about {elapsed * (1 - fraction) / fraction:.0f} s left"
    return "  ".join([*parts, timing])


class LiveProgress(keras.callbacks.Callback):
    """Show training progress on one line that updates in place; leave an empty output when done.

    ``label`` names the model on the line; ``every`` is the shortest time in seconds between two
    redraws (the end of an epoch always redraws).
    """

    def __init__(self, label: str = "training", every: float = 0.5):
        super().__init__()
        self.label = label
        self.every = every
        self._handle = None

    def on_train_begin(self, logs=None):
        self._handle = None
        if not in_jupyter_kernel():
            return
        from IPython.display import display

        self._handle = display(EMPTY, raw=True, display_id=True)
        self._started = self._drawn = time.perf_counter()
        self._epoch = 0
        self._epochs = self.params.get("epochs") or 1
        self._steps = self.params.get("steps") or 0

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self._handle is None or time.perf_counter() - self._drawn < self.every:
            return
        within = (batch + 1) / self._steps if self._steps else 0.0
        self._draw((self._epoch + within) / self._epochs, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self._handle is not None:
            self._draw((epoch + 1) / self._epochs, logs)

    def on_train_end(self, logs=None):
        if self._handle is not None:
            self._handle.update(EMPTY, raw=True)
            self._handle = None

    def _draw(self, fraction: float, logs) -> None:
        now = time.perf_counter()
        line = progress_line(self.label, self._epoch + 1, self._epochs, fraction, logs or {}, now - self._started)
        self._handle.update({"text/plain": line}, raw=True)
        self._drawn = now
