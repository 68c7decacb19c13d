"""course_utils.generalisation reads histories and TensorBoard files correctly, and draws its figures."""

import numpy as np
import pytest

from course_utils import generalisation

HISTORY = {
    "loss": [1.0, 0.5, 0.3, 0.2, 0.1],
    "accuracy": [0.70, 0.85, 0.95, 0.99, 1.00],
    "val_loss": [0.9, 0.6, 0.5, 0.55, 0.7],
    "val_accuracy": [0.72, 0.84, 0.88, 0.89, 0.88],
}


class FakeHistory:
    history = HISTORY


def test_best_epoch_counts_from_one_and_knows_losses_from_accuracies():
    assert generalisation.best_epoch(HISTORY) == 3
    assert generalisation.best_epoch(HISTORY, "val_accuracy") == 4
    assert generalisation.best_epoch(FakeHistory(), "loss") == 5


def test_best_epoch_takes_the_earliest_on_a_tie():
    assert generalisation.best_epoch({"val_loss": [0.5, 0.4, 0.4, 0.6]}) == 2


def test_epochs_run():
    assert generalisation.epochs_run(HISTORY) == 5


def test_read_scalars_reads_back_what_tf_summary_wrote(tmp_path):
    tf = pytest.importorskip("tensorflow")
    scalar = tf.compat.v1.SummaryMetadata(plugin_data=tf.compat.v1.SummaryMetadata.PluginData(plugin_name="scalars"))
    writer = tf.summary.create_file_writer(str(tmp_path))
    nested = tf.summary.create_file_writer(str(tmp_path / "validation"))
    with writer.as_default():
        for step, value in enumerate([0.9, 0.5, 0.4]):
            tf.summary.write("epoch_loss", value, step=step, metadata=scalar)
    with nested.as_default():
        tf.summary.write("epoch_loss", 0.7, step=0, metadata=scalar)
    writer.close()
    nested.close()

    scalars = generalisation.read_scalars(tmp_path)
    assert sorted(scalars) == ["epoch_loss", "validation/epoch_loss"]
    steps, values = scalars["epoch_loss"]
    assert list(steps) == [0, 1, 2] and np.allclose(values, [0.9, 0.5, 0.4])
    assert np.allclose(scalars["validation/epoch_loss"][1], [0.7])


@pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")  # Keras logging its learning rate
def test_read_scalars_reads_what_keras_tensorboard_wrote_and_skips_the_rest(tmp_path):
    """keras.callbacks.TensorBoard writes train/ and validation/ folders (and the model as a graph)."""
    tf = pytest.importorskip("tensorflow")
    pytest.importorskip("tensorboard")
    import keras

    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x, y = np.random.default_rng(0).normal(size=(40, 4)).astype("float32"), np.arange(40) % 2
    history = model.fit(
        x, y, epochs=3, batch_size=20, validation_data=(x, y), verbose=0,
        callbacks=[keras.callbacks.TensorBoard(str(tmp_path))],  # writes the model's description too
    )  # fmt: skip
    with tf.summary.create_file_writer(str(tmp_path / "notes")).as_default():
        tf.summary.text("note", "not a number", step=0)

    scalars = generalisation.read_scalars(tmp_path)
    assert "notes/note" not in scalars
    steps, values = scalars["validation/epoch_loss"]
    assert list(steps) == [0, 1, 2] and np.allclose(values, history.history["val_loss"])
    assert np.allclose(scalars["train/epoch_accuracy"][1], history.history["accuracy"])


def test_read_scalars_of_an_empty_folder_is_empty(tmp_path):
    pytest.importorskip("tensorflow")
    assert generalisation.read_scalars(tmp_path) == {}


def test_figures_draw():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figures = [
        generalisation.plot_learning_curves(FakeHistory(), title="t"),
        generalisation.plot_against([1000, 2000, 4000], [1.0, 0.99, 0.97], [0.91, 0.93, 0.94], "images", log2=True),
        generalisation.plot_validation_curves({"a": HISTORY["val_loss"], "b": HISTORY["loss"]}),
        generalisation.plot_scalars({"epoch_loss": (np.arange(3), np.array([0.9, 0.5, 0.4]))}, ["epoch_loss"]),
        generalisation.plot_l2_sweep([1e-4, 1e-3, 1e-2], [1.0, 1.0, 0.98], [0.91, 0.92, 0.90], [17, 9, 4], 0.91, 24),
        generalisation.plot_dropout_masks({"a": np.eye(4) * 2, "b": np.ones((4, 4))}, title="masks"),
    ]
    learning_curves = figures[0]
    assert len(learning_curves.axes) == 2
    assert any("epoch 3" in text.get_text() for text in learning_curves.axes[1].get_legend().get_texts())
    l2_sweep = figures[4]
    assert [ax.get_xscale() for ax in l2_sweep.axes] == ["log", "log"]
    assert len(figures[5].axes) == 2
    for fig in figures:
        plt.close(fig)


def test_validation_curves_show_the_whole_climb_after_the_minimum():
    """A validation loss that ends far above its minimum is not cut off by the zoom."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = generalisation.plot_validation_curves({"climbs": [1.5, 0.4, 0.5, 0.9], "flat": [1.2, 0.45, 0.46, 0.47]})
    bottom, top = fig.axes[0].get_ylim()
    assert bottom <= 0.4 and top >= 0.9  # the lowest point and the end of the climb are both inside
    assert top < 1.5  # the first epochs, above the climb, are still clipped
    plt.close(fig)
