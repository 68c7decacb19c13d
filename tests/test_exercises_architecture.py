"""The 03_network_architecture checkers accept right answers, reject wrong ones, and explain a wrong kind of answer."""

import numpy as np
import pytest
from student import assert_feedback

from course_utils.exercises.architecture import (
    SMALL_MAX_PARAMETERS,
    TRAIN_IMAGES,
    check_model,
    check_parameter_count,
    check_small_network,
    exercise_parameter_count,
)


def test_the_exercise_network_has_218_058_parameters():
    assert exercise_parameter_count() == 218_058


def test_parameter_count_checker(capsys):
    assert check_parameter_count(218_058)
    assert check_parameter_count(218_058.0)
    assert check_parameter_count(np.int64(218_058))
    assert not check_parameter_count(217_728)  # weights only
    assert "bias" in capsys.readouterr().out
    assert not check_parameter_count(101_770)
    assert not check_parameter_count(None)


@pytest.mark.parametrize(
    "answer, hint",
    [
        (218_058.7, "whole number; 218058.7 is not"),
        (50890.7, "whole number; 50890.7 is not"),
        ("fifty", "not the text 'fifty'"),
        ("218058", "not the text '218058'"),
        (True, "not True"),
        ([218_058], "got a list"),
    ],
)
def test_parameter_count_checker_explains_a_wrong_kind_of_answer_in_one_line(capsys, answer, hint):
    assert not check_parameter_count(answer)
    out = capsys.readouterr().out
    assert hint in out and "Traceback" not in out and out.count("\n") == 1


def test_model_checker(capsys):
    keras = pytest.importorskip("keras")
    from keras import layers

    right = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(256, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    assert check_model(right)
    assert "218,058" in capsys.readouterr().out
    wrong = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(256, activation="relu"),
            layers.Dense(64, activation="relu"),
            layers.Dense(10),
        ]
    )
    assert not check_model(wrong)
    assert not check_model(keras.Sequential([keras.Input(shape=(28, 28)), layers.Flatten(), layers.Dense(10)]))
    assert "784 pixels" in capsys.readouterr().out
    assert not check_model("a model")
    assert "got a str" in capsys.readouterr().out
    assert not check_model(None)


class FakeModel:
    """Stands in for a trained Keras model: its inputs, parameter count and predictions are given."""

    def __init__(self, n_parameters, right_share, outputs=10, fresh_share=None):
        import keras

        self.inputs = [keras.Input(shape=(784,))]
        self.n_parameters, self.right_share, self.outputs = n_parameters, right_share, outputs
        self.fresh_share = right_share if fresh_share is None else fresh_share  # on the test images

    def count_params(self):
        return self.n_parameters

    def predict(self, images, verbose=0):
        from course_utils.data import load_mnist, prepare_images

        (x_train, y_train), (_, y_test) = load_mnist()
        validation = np.array_equal(images[:1], prepare_images(x_train[TRAIN_IMAGES : TRAIN_IMAGES + 1]))
        labels, share = (y_train[TRAIN_IMAGES:], self.right_share) if validation else (y_test, self.fresh_share)
        guesses = np.where(np.arange(len(labels)) < share * len(labels), labels, (labels + 1) % 10)
        return np.eye(self.outputs)[guesses % self.outputs]


@pytest.fixture
def fake_keras_model(monkeypatch):
    """Let FakeModel pass the checker's "is it a Keras model" test."""
    keras = pytest.importorskip("keras")
    monkeypatch.setattr(keras, "Model", (keras.Model, FakeModel))


def test_small_network_checker(capsys, fake_keras_model):
    assert check_small_network(FakeModel(23_860, 0.95))
    assert "95.0% validation accuracy" in capsys.readouterr().out
    assert not check_small_network(FakeModel(23_860, 0.90))
    assert "target 93%" in capsys.readouterr().out
    assert not check_small_network(FakeModel(SMALL_MAX_PARAMETERS + 1, 0.99))
    assert "more than 25,000" in capsys.readouterr().out
    assert not check_small_network(FakeModel(23_860, 0.99, outputs=5))
    assert "10 scores per image" in capsys.readouterr().out
    assert not check_small_network(None)


def test_small_network_checker_on_a_real_untrained_model(capsys):
    keras = pytest.importorskip("keras")
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(30, activation="relu"), layers.Dense(10)])
    assert not check_small_network(model)  # small enough, but untrained: about 10% right
    assert "23,860 parameters is small enough" in capsys.readouterr().out
    assert not check_small_network(42)
    assert "Pass a Keras model" in capsys.readouterr().out


# --- A student's session (issue 27): every exercise untouched, wrong in typical ways, malformed, and right. ---
# Each case: (exercise, case, checker, answers, verdict, a phrase the feedback must contain). Every feedback is
# one line without a traceback, and a wrong answer's feedback never contains the answer.


def _keras_model(*layer_specs, input_shape=(784,), built=True):
    import keras

    layers = [keras.layers.Dense(units, activation=activation) for units, activation in layer_specs]
    return keras.Sequential(([keras.Input(shape=input_shape)] if built else []) + layers)


def _tiny_trained(images_from: str):
    """A small network trained for one epoch on 600 images: the first training images or the validation ones."""
    import keras

    from course_utils.data import load_mnist, prepare_images

    (x_train, y_train), _ = load_mnist()
    start = TRAIN_IMAGES if images_from == "validation" else 0
    keras.utils.set_random_seed(0)
    model = _keras_model((30, "relu"), (10, "softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.fit(prepare_images(x_train[start : start + 600]), y_train[start : start + 600], epochs=1, verbose=0)
    return model


def resolve(answers):
    """Keras models are built when a case runs, not when the tests are collected."""
    builders = {
        "right model": lambda: _keras_model((256, "relu"), (64, "relu"), (10, "softmax")),
        "no softmax": lambda: _keras_model((256, "relu"), (64, "relu"), (10, None)),
        "one hidden layer": lambda: _keras_model((256, "relu"), (10, "softmax")),
        "unbuilt": lambda: _keras_model((256, "relu"), (64, "relu"), (10, "softmax"), built=False),
        "images": lambda: _keras_model((256, "relu"), (64, "relu"), (10, "softmax"), input_shape=(28, 28)),
        "small untrained": lambda: _keras_model((30, "relu"), (10, "softmax")),
        "too big": lambda: _keras_model((128, "relu"), (10, "softmax")),
        "tiny trained": lambda: _tiny_trained("training"),
    }
    return tuple(builders[a]() if isinstance(a, str) and a in builders else a for a in answers)


def _fake(*args, **kwargs):
    return FakeModel(*args, **kwargs)


E1, E2, E4 = check_parameter_count, check_model, check_small_network

STUDENT_CASES = [
    ("E1", "untouched", E1, (None,), False, "Not answered yet"),
    ("E1", "wrong: weights only", E1, (217_728,), False, "also has a bias"),
    ("E1", "wrong: output layer left out", E1, (217_408,), False, "output layer"),
    ("E1", "wrong: biases on the input layer", E1, (218_842,), False, "computes nothing"),
    ("E1", "malformed: text", E1, ("218k",), False, "without quotes"),
    ("E1", "malformed: a fraction", E1, (2.5e5 + 0.5,), False, "whole number"),
    ("E1", "right", E1, (218_058,), True, "218,058"),
    ("E2", "untouched", E2, (None,), False, "Not answered yet"),
    ("E2", "wrong: no softmax", E2, ("no softmax",), False, "Expected Dense layers"),
    ("E2", "wrong: one hidden layer", E2, ("one hidden layer",), False, "Expected Dense layers"),
    ("E2", "malformed: not built (no Input)", E2, ("unbuilt",), False, "keras.Input(shape=(784,))"),
    ("E2", "malformed: built for 28×28 images", E2, ("images",), False, "784 pixels"),
    ("E2", "malformed: text", E2, ("a model",), False, "Pass a Keras model"),
    ("E2", "right", E2, ("right model",), True, "218,058"),
    ("E4", "untouched", E4, (None,), False, "Not answered yet"),
    ("E4", "wrong: small but untrained", E4, ("small untrained",), False, "small enough"),
    ("E4", "wrong: too many parameters", E4, ("too big",), False, "more than 25,000"),
    ("E4", "wrong: briefly trained", E4, ("tiny trained",), False, "target 93%"),
    ("E4", "malformed: not built (no Input)", E4, ("unbuilt",), False, "keras.Input(shape=(784,))"),
    ("E4", "malformed: built for 28×28 images", E4, ("images",), False, "784 pixels"),
    ("E4", "malformed: a number", E4, (42,), False, "Pass a Keras model"),
]
ANSWERS = {"E1": ["218,058", "218058"], "E2": [], "E4": []}


@pytest.mark.parametrize("exercise, case, check, answers, verdict, phrase", STUDENT_CASES)
def test_a_students_session(exercise, case, check, answers, verdict, phrase, capsys):
    pytest.importorskip("keras")
    result = check(*resolve(answers))
    assert_feedback(result, capsys.readouterr().out, verdict, phrase, ANSWERS[exercise])


@pytest.mark.parametrize(
    "model, verdict, phrase",
    [
        ((23_860, 0.95), True, "95.0% validation accuracy"),
        ((23_860, 0.99, 10, 0.93), False, "has seen the validation images"),  # trained on the validation images
        ((23_860, 0.93, 10, 0.99), True, "93.0% validation accuracy"),  # saw the test images: judged fairly anyway
        ((23_860, 0.99, 5), False, "10 scores per image"),
    ],
)
def test_small_network_is_judged_on_validation_images_without_leak(model, verdict, phrase, capsys, fake_keras_model):
    assert bool(check_small_network(FakeModel(*model))) is verdict
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "Traceback" not in out and phrase in out, out
