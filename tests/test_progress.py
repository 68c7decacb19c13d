"""The live progress bar: its line, its throttling, and that it leaves only the empty output it started with."""

import json
import textwrap

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from course_utils import progress  # noqa: E402


class FakeHandle:
    """Stands in for IPython's DisplayHandle: records what the frontend would show."""

    def __init__(self, shown):
        self.shown = shown

    def update(self, bundle, raw=False):
        assert raw
        self.shown.append(("update", dict(bundle)))


@pytest.fixture
def displays(monkeypatch):
    """Pretend to run in a Jupyter kernel and record every display and update."""
    shown = []

    def display(bundle, raw=False, display_id=False):
        assert raw and display_id is True
        shown.append(("display", dict(bundle)))
        return FakeHandle(shown)

    import IPython.display

    monkeypatch.setattr(progress, "in_jupyter_kernel", lambda: True)
    monkeypatch.setattr(IPython.display, "display", display)
    return shown


def test_progress_line_says_where_training_is():
    line = progress.progress_line("small CNN", 2, 4, 0.375, {"loss": 0.12345, "accuracy": 0.9, "lr": 1.0}, 6.0)
    assert line.startswith("small CNN · epoch 2/4  ")
    assert "━" * 9 + "─" * 15 in line and " 38%" in line
    assert "loss 0.1235" in line and "accuracy 0.9000" in line and "lr" not in line
    assert line.endswith("⏱ 6 s, about 10 s left")


def test_progress_line_at_the_ends():
    assert "━" not in progress.progress_line("m", 1, 3, 0.0, {}, 0.0)
    done = progress.progress_line("m", 3, 3, 1.0, {"loss": 0.5}, 12.0)
    assert "━" * progress.BAR_WIDTH in done and "100%" in done and done.endswith("⏱ 12 s")
    assert "━" * progress.BAR_WIDTH in progress.progress_line("m", 3, 3, 1.7, {}, 1.0)  # clipped


def test_fit_draws_in_place_and_ends_empty(displays):
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x, y = np.zeros((40, 3), "float32"), np.zeros(40, "int64")
    model.fit(x, y, epochs=3, batch_size=8, verbose=0, callbacks=[progress.LiveProgress("tiny", every=0.0)])
    kinds = [kind for kind, _ in displays]
    assert kinds[0] == "display" and set(kinds[1:]) == {"update"}  # one display, then updates in place
    assert displays[0][1] == displays[-1][1] == progress.EMPTY  # starts and ends as the same empty output
    lines = [bundle["text/plain"] for _, bundle in displays[1:-1]]
    assert len(lines) == 3 * (5 + 1)  # every batch (every=0) and every epoch end
    assert lines[-1].startswith("tiny · epoch 3/3") and "100%" in lines[-1] and "loss" in lines[-1]


def test_redraws_are_throttled(displays):
    callback = progress.LiveProgress("m", every=3600)
    callback.set_params({"epochs": 2, "steps": 100})
    callback.on_train_begin()
    for epoch in range(2):
        callback.on_epoch_begin(epoch)
        for batch in range(100):
            callback.on_train_batch_end(batch, {"loss": 1.0})
        callback.on_epoch_end(epoch, {"loss": 1.0})
    callback.on_train_end()
    assert [kind for kind, _ in displays] == ["display", "update", "update", "update"]  # two epoch ends, the end


def test_outside_jupyter_it_shows_nothing(capsys):
    assert not progress.in_jupyter_kernel()
    callback = progress.LiveProgress()
    callback.set_params({"epochs": 1, "steps": 1})
    callback.on_train_begin()
    callback.on_train_batch_end(0, {"loss": 1.0})
    callback.on_epoch_end(0, {"loss": 1.0})
    callback.on_train_end()
    assert capsys.readouterr() == ("", "")


@pytest.mark.slow
def test_a_notebook_run_stores_only_the_empty_output(tmp_path):
    """Run a cell in a real kernel: the updates reach the frontend, the stored output is the first (empty) one."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    source = textwrap.dedent("""
        from course_utils.progress import LiveProgress
        callback = LiveProgress("m", every=0.0)
        callback.set_params({"epochs": 2, "steps": 3})
        callback.on_train_begin()
        for epoch in range(2):
            callback.on_epoch_begin(epoch)
            for batch in range(3):
                callback.on_train_batch_end(batch, {"loss": 0.5})
            callback.on_epoch_end(epoch, {"loss": 0.5})
        callback.on_train_end()
        print("done")
    """)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    messages = []
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    original = client.process_message

    def recording(msg, cell, cell_index):
        messages.append(msg["msg_type"])
        return original(msg, cell, cell_index)

    client.process_message = recording
    client.execute()
    outputs = notebook.cells[0].outputs
    assert messages.count("update_display_data") == 2 * 4 + 1  # live updates did reach the frontend
    assert [o["output_type"] for o in outputs] == ["display_data", "stream"]
    assert outputs[0]["data"] == progress.EMPTY and outputs[1]["text"] == "done\n"
    assert "━" not in json.dumps(notebook)  # no progress text stored
