"""The 14_convolutional_networks checkers accept right answers, reject wrong ones with a hint, never raise."""

import numpy as np
import pytest

from course_utils.exercises.convolutional_networks import (
    EXERCISE_KERNEL,
    EXERCISE_PATCH,
    MAX_PARAMETERS,
    check_conv_layer,
    check_convolution_value,
    check_receptive_field,
    check_shuffled_pixels,
    check_small_cnn,
    check_stride_shapes,
)


def test_conv_layer(capsys):
    assert check_conv_layer((24, 24, 8), 208)
    assert check_conv_layer([24, 24, 8], 208.0)
    assert check_conv_layer(np.array([24, 24, 8]), np.int64(208))
    capsys.readouterr()
    assert not check_conv_layer((28, 28, 8), 208)
    assert "padding" in capsys.readouterr().out
    assert not check_conv_layer((24, 24, 8), 200)
    assert not check_conv_layer((24, 24, 8), 5 * 5 * 8)
    assert "bias" in capsys.readouterr().out
    assert not check_conv_layer(None, 208)
    assert "Not answered" in capsys.readouterr().out


@pytest.mark.parametrize(
    "shape, count, hint",
    [
        ("24x24x8", 208, "three whole numbers"),
        ((24, 24), 208, "three whole numbers"),
        (24, 208, "three whole numbers"),
        ((24, 24.5, 8), 208, "whole number"),
        ((24, "24", 8), 208, "not the text"),
        ((24, 24, 8), 208.5, "whole number"),
        ((24, 24, 8), "208", "not the text '208'"),
        ((24, 24, 8), True, "not True"),
    ],
)
def test_conv_layer_wrong_kinds_are_one_line_hints(capsys, shape, count, hint):
    assert not check_conv_layer(shape, count)
    out = capsys.readouterr().out
    assert hint in out and out.count("\n") == 1


def test_convolution_value(capsys):
    assert check_convolution_value(np.sum(EXERCISE_PATCH * EXERCISE_KERNEL))  # the convolution at its one position
    assert check_convolution_value(3.0)
    assert check_convolution_value(3)
    assert "background → ink" in capsys.readouterr().out
    assert not check_convolution_value(-3.0)
    assert "other way round" in capsys.readouterr().out
    assert not check_convolution_value(2.5)
    assert not check_convolution_value(None)


@pytest.mark.parametrize(
    "answer, hint", [("three", "not the text"), (True, "not True"), ([3], "got a list"), (float("nan"), "finite")]
)
def test_convolution_value_wrong_kinds(capsys, answer, hint):
    assert not check_convolution_value(answer)
    out = capsys.readouterr().out
    assert hint in out and out.count("\n") == 1


ACCURACIES = {"CNN": (0.97, 0.91), "MLP": (0.93, 0.931)}


def test_shuffled_pixels(capsys):
    assert check_shuffled_pixels(ACCURACIES, "CNN")
    assert check_shuffled_pixels(ACCURACIES, " cnn ")
    out = capsys.readouterr().out
    assert "the CNN lost 6.0%" in out and "the MLP -0.1%" in out
    assert not check_shuffled_pixels(ACCURACIES, "MLP")
    assert "Compare the drops" in capsys.readouterr().out
    reversed_result = {"CNN": (0.97, 0.97), "MLP": (0.93, 0.80)}
    assert check_shuffled_pixels(reversed_result, "MLP")  # the answer must agree with what was measured
    assert not check_shuffled_pixels(ACCURACIES, None)
    assert not check_shuffled_pixels({"CNN": (None, None), "MLP": (None, None)}, None)
    assert "Not answered" in capsys.readouterr().out


@pytest.mark.parametrize(
    "accuracies, answer, hint",
    [
        (ACCURACIES, "both", 'Answer with the text "CNN" or "MLP"'),
        (ACCURACIES, 1, 'Answer with the text "CNN" or "MLP"'),
        (ACCURACIES, ["CNN"], 'Answer with the text "CNN" or "MLP"'),
        ({"CNN": (97, 91), "MLP": (93, 93)}, "CNN", "between 0 and 1 (0.97, not 97)"),
        ({"CNN": ("0.97", 0.91), "MLP": (0.93, 0.93)}, "CNN", "not the text '0.97'"),
        ({"CNN": (0.97, True), "MLP": (0.93, 0.93)}, "CNN", "not True"),
        ({"CNN": 0.97, "MLP": (0.93, 0.93)}, "CNN", "two accuracies"),
        ({"cnn": (0.97, 0.91), "MLP": (0.93, 0.93)}, "CNN", "Keep the form"),
        ([0.97, 0.91, 0.93, 0.93], "CNN", "Keep the form"),
    ],
)
def test_shuffled_pixels_wrong_kinds(capsys, accuracies, answer, hint):
    assert not check_shuffled_pixels(accuracies, answer)
    out = capsys.readouterr().out
    assert hint in out and out.count("\n") == 1


def small_cnn(dense_units=16):
    keras = pytest.importorskip("keras")
    from keras import layers

    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(4, 3, activation="relu"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dense(dense_units, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )


def test_small_cnn_measures_accuracy_itself(capsys):
    model = small_cnn()
    rng = np.random.default_rng(0)
    x = rng.random((50, 28, 28, 1)).astype("float32")
    predicted = model.predict(x, verbose=0).argmax(axis=1)
    assert check_small_cnn(model, x, predicted, fresh=(x, predicted))  # labels = its own predictions: 100%
    out = capsys.readouterr().out
    assert f"{model.count_params():,} parameters and 100.00% test accuracy" in out
    labels = predicted.copy()
    labels[:2] = (labels[:2] + 1) % 10  # 96% right
    assert not check_small_cnn(model, x, labels, fresh=(x, labels))
    assert "96.00%" in capsys.readouterr().out


def test_small_cnn_rejects_models_that_break_the_rules(capsys):
    keras = pytest.importorskip("keras")
    big = small_cnn(dense_units=64)
    assert big.count_params() > MAX_PARAMETERS
    assert not check_small_cnn(big, np.zeros((1, 28, 28, 1)), np.zeros(1))
    assert "more than 40,000" in capsys.readouterr().out
    mlp = keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)])
    assert not check_small_cnn(mlp, np.zeros((1, 28, 28, 1)), np.zeros(1))
    assert "no Conv2D layer" in capsys.readouterr().out
    flat = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10)])
    assert not check_small_cnn(flat)
    assert "(784,)" in capsys.readouterr().out
    two = keras.Sequential(
        [keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(2, 3), keras.layers.Flatten(), keras.layers.Dense(2)]
    )
    assert not check_small_cnn(two)
    assert "10 class scores" in capsys.readouterr().out
    unbuilt = keras.Sequential([keras.layers.Conv2D(2, 3)])
    assert not check_small_cnn(unbuilt)
    assert "keras.Input(shape=(28, 28, 1))" in capsys.readouterr().out
    assert not check_small_cnn("my_model")
    assert "not a str" in capsys.readouterr().out
    assert not check_small_cnn(None)


def one_message(out):
    """The feedback is one line, a verdict's own message, never a traceback."""
    return out.count("\n") == 1 and "Traceback" not in out


@pytest.mark.parametrize(
    "conv, pool, verdict, hint",
    [
        (None, None, False, "Not answered"),
        ((14, 14, 8), None, False, "Not answered"),
        ((14, 14, 8), (7, 7, 8), True, "border of 2"),
        ([14, 14, 8], np.array([7, 7, 8]), True, "border of 2"),
        ((28, 28, 8), (14, 14, 8), False, "stride of 2"),  # forgot the stride
        ((12, 12, 8), (6, 6, 8), False, 'padding="same" adds a border'),  # forgot the padding
        ((24, 24, 8), (12, 12, 8), False, "neither padding nor stride"),
        ((14, 14, 1), (7, 7, 1), False, "channels"),
        ((13, 13, 8), (6, 6, 8), False, "section 2's formula"),
        ((14, 14, 8), (14, 14, 8), False, "height and width change"),  # forgot the pooling
        ((14, 14, 8), (7, 7, 1), False, "channels stay"),
        ((14, 14, 8), (7, 7, 4), False, "channels stay"),
        ((14, 14, 8), (8, 8, 8), False, "halves its height and width"),
        ("14x14x8", (7, 7, 8), False, "three whole numbers"),
        ((14, 14), (7, 7, 8), False, "three whole numbers"),
        ((14, 14, 8), (7, 7.5, 8), False, "whole number"),
        ((14, 14, 8), (7, float("nan"), 8), False, "finite"),
        ((14, 14, 8), 7, False, "three whole numbers"),
        ((14, 14, 8), (7, 0, 8), False, "positive sizes"),
    ],
)
def test_stride_shapes(capsys, conv, pool, verdict, hint):
    assert bool(check_stride_shapes(conv, pool)) is verdict
    out = capsys.readouterr().out
    assert hint in out and one_message(out)
    if not verdict:
        assert "(7, 7, 8)" not in out and "14, 14, 8)" not in out.replace(f"{conv}", "")


@pytest.mark.parametrize(
    "field, verdict, hint",
    [
        (None, False, "Not answered"),
        (18, True, "10 + (3 - 1)"),
        (18.0, True, "10 + (3 - 1)"),
        (np.int64(18), True, "10 + (3 - 1)"),
        ((18, 18), True, "10 + (3 - 1)"),
        (12, False, "not 1 pixel apart"),  # the window added without the jump
        (14, False, "Count the jump again"),  # a jump of 2
        (10, False, "pool2's field"),
        (3, False, "pixels of the image"),
        (30, False, "not by multiplying"),
        (20, False, "Start from pool2's"),
        ("18", False, "not the text '18'"),
        (18.5, False, "whole number"),
        ([18], False, "got a list"),
        ((18, 17), False, "got a tuple"),
        (float("nan"), False, "finite"),
        (True, False, "not True"),
    ],
)
def test_receptive_field(capsys, field, verdict, hint):
    assert bool(check_receptive_field(field)) is verdict
    out = capsys.readouterr().out
    assert hint in out and one_message(out)
    if not verdict:
        assert "18" not in out.replace(repr(field), "").replace(str(field), "")


def test_small_cnn_catches_a_model_that_trained_on_the_test_images(capsys):
    model = small_cnn()
    rng = np.random.default_rng(1)
    x_test, x_fresh = rng.random((300, 28, 28, 1)).astype("float32"), rng.random((300, 28, 28, 1)).astype("float32")
    y_test = model.predict(x_test, verbose=0).argmax(axis=1)  # the model "knows" the test labels: 100%
    y_fresh = (model.predict(x_fresh, verbose=0).argmax(axis=1) + 1) % 10  # and is wrong on images it never had
    assert not check_small_cnn(model, x_test, y_test, fresh=(x_fresh, y_fresh))
    out = capsys.readouterr().out
    assert "has seen the test images" in out and one_message(out)
    y_fresh_honest = model.predict(x_fresh, verbose=0).argmax(axis=1)  # as good on fresh images: no leak
    assert check_small_cnn(model, x_test, y_test, fresh=(x_fresh, y_fresh_honest))
    assert "100.00% test accuracy" in capsys.readouterr().out


def test_small_cnn_malformed_models_are_one_plain_line(capsys):
    keras = pytest.importorskip("keras")
    wrong_size = keras.Sequential(
        [keras.Input(shape=(32, 32, 1)), keras.layers.Conv2D(2, 3), keras.layers.Flatten(), keras.layers.Dense(10)]
    )
    x = np.zeros((2, 28, 28, 1), dtype="float32")
    for model, hint in [
        (wrong_size, "(32, 32, 1)"),
        (keras.Sequential([keras.layers.Conv2D(2, 3)]), "keras.Input(shape=(28, 28, 1))"),
        (small_cnn, "not a function"),
        (np.zeros(3), "not a ndarray"),
    ]:
        assert not check_small_cnn(model, x, np.zeros(2), fresh=(x, np.zeros(2)))
        out = capsys.readouterr().out
        assert hint in out and one_message(out)


@pytest.mark.parametrize(
    "shape, count, hint",
    [
        ((28, 28, 8), 208, "padding"),
        ((26, 26, 8), 208, "5 x 5"),
        ((24, 24, 1), 208, "channels"),
        ((24, 24, 8), 200, "bias too"),
        ((24, 24, 8), 24 * 24 * 8, "number of outputs"),
        ((24, 24, 8), 26, "count one filter's weights"),
        ((23, 23, 8), 208, "section 2's formula"),
    ],
)
def test_conv_layer_near_misses_are_named_without_the_answer(capsys, shape, count, hint):
    assert not check_conv_layer(shape, count)
    out = capsys.readouterr().out
    assert hint in out and one_message(out)
    assert "208" not in out.replace(str(count), "") and "(24, 24, 8)" not in out.replace(str(shape), "")


@pytest.mark.parametrize("value", [-3.0, 2.5, 0.0, 9.0])
def test_convolution_value_wrong_answers_do_not_give_it_away(capsys, value):
    assert not check_convolution_value(value)
    out = capsys.readouterr().out
    assert one_message(out) and "3.0" not in out and "background → ink" not in out
