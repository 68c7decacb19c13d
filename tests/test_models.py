"""The MNIST model builders: exact architectures, parameter counts, compiled state, clear errors."""

import numpy as np
import pytest

from course_utils import models
from course_utils.layer_math import conv2d_params, dense_params

keras = pytest.importorskip("keras")


def layer_kinds(model):
    return [type(layer).__name__ for layer in model.layers]


def test_lecture_mlp_is_the_lecture_notes_model():
    model = models.build_lecture_mlp()
    assert layer_kinds(model) == ["Dense", "Dense"]
    assert [layer.units for layer in model.layers] == [128, 10]
    assert model.layers[-1].activation.__name__ == "softmax"
    assert model.count_params() == 101_770 == dense_params(784, 128) + dense_params(128, 10)
    assert model.optimizer is not None and model.loss == "sparse_categorical_crossentropy"
    assert model.steps_per_execution == 16


def test_improved_mlp_is_wider_with_dropout_and_a_decaying_rate():
    model = models.build_improved_mlp(decay_steps=100)
    assert layer_kinds(model) == ["Dense", "Dropout", "Dense"]
    assert model.count_params() == 203_530
    assert model.layers[1].rate == 0.2
    schedule = model.optimizer.learning_rate  # evaluated at step 0
    assert float(schedule) == pytest.approx(2e-3)


def test_small_cnn_layers_and_parameters():
    model = models.small_cnn()
    assert layer_kinds(model) == ["Conv2D", "MaxPooling2D"] * 2 + ["Flatten", "Dense", "Dropout", "Dense"]
    expected = (
        conv2d_params(1, 16, 3) + conv2d_params(16, 32, 3) + dense_params(5 * 5 * 32, 128) + dense_params(128, 10)
    )
    assert model.count_params() == expected == 108_618
    assert model.get_layer("pool2").output.shape[1:] == (5, 5, 32)


def test_models_predict_probabilities():
    model = models.small_cnn()
    probabilities = model.predict(np.zeros((3, 28, 28, 1), "float32"), verbose=0)
    assert probabilities.shape == (3, 10) and np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)


def test_training_steps():
    assert models.training_steps(54_000, 128, 6) == 422 * 6
    assert models.training_steps(128, 128, 1) == 1


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: models.training_steps(0, 128, 1), "n_samples must be a positive integer, got 0"),
        (lambda: models.training_steps(100, 12.5, 1), "batch_size must be a positive integer"),
        (
            lambda: models.compile_classifier(keras.Sequential(), learning_rate=-1),
            "learning_rate must be a positive number",
        ),
    ],
)
def test_bad_arguments_are_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_compile_classifier_gives_the_fast_cpu_recipe():
    model = models.compile_classifier(models.small_cnn(), 8e-3, decay_steps=100, steps_per_execution=16)
    assert float(model.optimizer.learning_rate) == pytest.approx(8e-3)  # evaluated at step 0
    assert model.get_layer("dropout").rate == 0.2
    assert model.steps_per_execution == 16


def test_steps_per_execution_is_checked():
    with pytest.raises(ValueError, match="steps_per_execution must be a positive integer"):
        models.compile_classifier(keras.Sequential(), steps_per_execution=0)
