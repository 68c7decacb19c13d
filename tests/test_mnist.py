"""Confusion matrix, most-confused pair and misclassified selection."""

import matplotlib
import numpy as np
import pytest

from course_utils import convolutional_networks, mnist
from course_utils.keras_apis import conv2d_params, dense_params
from course_utils.mnist import accuracy, confusion_matrix, misclassified, most_confused_pair


def test_confusion_matrix_counts():
    matrix = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 1, 1], n_classes=3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [0, 2, 1]]
    assert matrix.sum() == 6


def test_most_confused_pair_ignores_the_diagonal():
    matrix = np.array([[50, 1, 0], [0, 40, 0], [0, 7, 30]])
    assert most_confused_pair(matrix) == (2, 1, 7)


def test_misclassified_most_confident_first():
    probabilities = np.array([[0.9, 0.1], [0.3, 0.7], [0.4, 0.6], [0.05, 0.95]])
    y_true = np.array([0, 0, 0, 1])
    assert misclassified(y_true, probabilities).tolist() == [1, 2]
    assert misclassified(y_true, probabilities, limit=1).tolist() == [1]
    assert misclassified([0, 1], np.eye(2)).tolist() == []


def test_accuracy():
    assert accuracy([1, 2, 3, 4], [1, 2, 0, 4]) == 0.75


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: confusion_matrix([0, 1], [0, 1, 1]), "same length"),
        (lambda: confusion_matrix([0, 10], [0, 1]), r"y_true must hold labels 0..9, got values from 0 to 10"),
        (lambda: confusion_matrix([[0, 1]], [0, 1]), "1-D array"),
        (lambda: confusion_matrix([0, 1], np.array([0.2, 0.8])), "argmax"),
        (lambda: most_confused_pair(np.ones((3, 2))), "square confusion matrix"),
        (lambda: misclassified([0, 1], np.ones((3, 10))), r"probabilities must have shape \(2, n_classes\)"),
        (lambda: misclassified([0, 1], np.eye(2), limit=-1), "limit must be a non-negative integer"),
        (lambda: accuracy([], []), "non-empty"),
    ],
)
def test_bad_inputs_are_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


keras = pytest.importorskip("keras")


def layer_kinds(model):
    return [type(layer).__name__ for layer in model.layers]


def test_lecture_mlp_is_the_lecture_notes_model():
    model = mnist.build_lecture_mlp()
    assert layer_kinds(model) == ["Dense", "Dense"]
    assert [layer.units for layer in model.layers] == [128, 10]
    assert model.layers[-1].activation.__name__ == "softmax"
    assert model.count_params() == 101_770 == dense_params(784, 128) + dense_params(128, 10)
    assert model.optimizer is not None and model.loss == "sparse_categorical_crossentropy"
    assert model.steps_per_execution == 16


def test_improved_mlp_is_wider_with_dropout_and_a_decaying_rate():
    model = mnist.build_improved_mlp(decay_steps=100)
    assert layer_kinds(model) == ["Dense", "Dropout", "Dense"]
    assert model.count_params() == 203_530
    assert model.layers[1].rate == 0.2
    schedule = model.optimizer.learning_rate  # evaluated at step 0
    assert float(schedule) == pytest.approx(4.5e-3)


def test_small_cnn_layers_and_parameters():
    model = convolutional_networks.small_cnn()
    assert layer_kinds(model) == ["Conv2D", "MaxPooling2D"] * 2 + ["Flatten", "Dense", "Dropout", "Dense"]
    expected = (
        conv2d_params(1, 16, 3) + conv2d_params(16, 32, 3) + dense_params(5 * 5 * 32, 128) + dense_params(128, 10)
    )
    assert model.count_params() == expected == 108_618
    assert model.get_layer("pool2").output.shape[1:] == (5, 5, 32)


def test_models_predict_probabilities():
    model = convolutional_networks.small_cnn()
    probabilities = model.predict(np.zeros((3, 28, 28, 1), "float32"), verbose=0)
    assert probabilities.shape == (3, 10) and np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)


def test_training_steps():
    assert mnist.training_steps(54_000, 128, 6) == 422 * 6
    assert mnist.training_steps(128, 128, 1) == 1


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: mnist.training_steps(0, 128, 1), "n_samples must be a positive integer, got 0"),
        (lambda: mnist.training_steps(100, 12.5, 1), "batch_size must be a positive integer"),
        (
            lambda: mnist.compile_classifier(keras.Sequential(), learning_rate=-1),
            "learning_rate must be a positive number",
        ),
    ],
)
def test_bad_arguments_are_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_compile_classifier_gives_the_fast_cpu_recipe():
    model = mnist.compile_classifier(convolutional_networks.small_cnn(), 8e-3, decay_steps=100, steps_per_execution=16)
    assert float(model.optimizer.learning_rate) == pytest.approx(8e-3)  # evaluated at step 0
    assert model.get_layer("dropout").rate == 0.2
    assert model.steps_per_execution == 16


def test_steps_per_execution_is_checked():
    with pytest.raises(ValueError, match="steps_per_execution must be a positive integer"):
        mnist.compile_classifier(keras.Sequential(), steps_per_execution=0)


matplotlib.use("Agg")


def test_confusion_matrix_writes_every_count():
    matrix = np.arange(9).reshape(3, 3)
    fig = mnist.plot_confusion_matrix(matrix)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == [str(v) for v in matrix.ravel()]


def test_probability_gallery_marks_wrong_predictions():
    probabilities = np.full((2, 10), 0.01)
    probabilities[0, 3], probabilities[1, 7] = 0.91, 0.91
    fig = mnist.plot_probability_gallery(np.zeros((2, 784)), np.array([3, 1]), probabilities)
    titles = [ax.get_title() for ax in fig.axes[:2]]
    assert titles == ["true 3 → 3", "true 1 → 7"]
    assert fig.axes[1].title.get_color() == mnist.WRONG_COLOR
    assert len(fig.axes) == 4


def test_probability_gallery_marks_the_true_class_visibly_even_when_its_bar_is_empty():
    probabilities = np.zeros((2, 10))
    probabilities[0, 7], probabilities[1, 2] = 1.0, 1.0  # true classes 3 and 2: the first bar is empty
    fig = mnist.plot_probability_gallery(np.zeros((2, 784)), np.array([3, 2]), probabilities)
    for bar_ax, true_class in zip(fig.axes[2:], (3, 2)):
        markers = [line for line in bar_ax.lines if line.get_marker() == mnist.TRUE_MARKER]
        assert len(markers) == 1 and list(markers[0].get_xdata()) == [true_class]
        assert markers[0].get_ydata()[0] > probabilities[0, true_class] + 0.05  # above the bar, so it shows
        bold = [label.get_text() for label in bar_ax.get_xticklabels() if label.get_fontweight() == "bold"]
        assert bold == [str(true_class)]


def test_shade_overfitting_onset_marks_the_epoch_and_shades_the_gap():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    train, val = [0.9, 0.5, 0.3, 0.2], [0.6, 0.45, 0.35, 0.33]
    ax.plot(range(1, 5), train)
    mnist.shade_overfitting_onset(ax, train, val, 3)
    assert len(ax.collections) == 1  # the shaded gap
    assert [line.get_xdata()[0] for line in ax.lines if line.get_linestyle() == ":"] == [3]
    assert "epoch 3" in " ".join(t.get_text() for t in ax.get_legend().get_texts())
    for onset in (0, 5, 2.0, True):
        with pytest.raises(ValueError, match="onset"):
            mnist.shade_overfitting_onset(ax, train, val, onset)
    with pytest.raises(ValueError, match="one training and one validation loss"):
        mnist.shade_overfitting_onset(ax, train, val[:3], 2)
    plt.close(fig)


def test_overfitting_onset_figure_has_the_losses_and_one_gap_bar_per_epoch():
    train, val = [0.9, 0.5, 0.3, 0.2], [0.6, 0.45, 0.35, 0.33]
    fig = mnist.plot_overfitting_onset(train, val, 3, title="t")
    loss_ax, gap_ax = fig.axes
    assert loss_ax.get_yscale() == "log" and len(loss_ax.collections) == 1
    heights = [bar.get_height() for bar in gap_ax.patches]
    assert np.allclose(heights, np.subtract(val, train))


def test_filters_one_panel_each():
    fig = convolutional_networks.plot_filters(np.random.default_rng(0).normal(size=(3, 3, 1, 10)))
    assert sum(bool(ax.images) for ax in fig.axes) == 10


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: mnist.plot_confusion_matrix(np.ones((2, 3))), "square"),
        (
            lambda: mnist.plot_probability_gallery(np.zeros((2, 28, 28)), np.array([1]), np.ones((2, 10))),
            "one label",
        ),
        (
            lambda: mnist.plot_probability_gallery(np.zeros((2, 30)), np.array([1, 2]), np.ones((2, 10))),
            "squares",
        ),
        (lambda: convolutional_networks.plot_filters(np.zeros((3, 3, 2, 4))), r"\(k, k, 1, filters\)"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
