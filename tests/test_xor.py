"""course_utils.xor: fast full-batch fitting and side-by-side training give the same models as plain fit."""

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from course_utils import xor  # noqa: E402
from course_utils.reproducibility import seed_everything  # noqa: E402


def compiled_model(seed, units=4, learning_rate=0.001):
    seed_everything(seed)
    model = xor.build_xor_model(units)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy")
    return model


def test_data_and_model_shape():
    assert xor.XOR_X.shape == (4, 2) and xor.XOR_X.dtype == np.float32
    assert xor.XOR_Y.tolist() == [0, 1, 1, 0]
    assert xor.build_xor_model().count_params() == 2 * 4 + 4 + 4 + 1
    assert xor.build_xor_model(16).count_params() == 2 * 16 + 16 + 16 + 1


@pytest.mark.parametrize("bad", [0, -3, 2.5, True, "4"])
def test_hidden_units_must_be_a_positive_integer(bad):
    with pytest.raises(ValueError, match="hidden_units must be a positive integer"):
        xor.build_xor_model(bad)


def test_fit_full_batch_is_plain_fit():
    plain = compiled_model(3)
    history = plain.fit(xor.XOR_X, xor.XOR_Y, epochs=15, verbose=0)
    fast = compiled_model(3)
    fast_history = xor.fit_full_batch(fast, xor.XOR_X, xor.XOR_Y, epochs=15)
    for a, b in zip(plain.get_weights(), fast.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)
    np.testing.assert_allclose(history.history["loss"], fast_history.history["loss"], atol=1e-6)
    assert len(fast_history.history["loss"]) == 15


def test_fit_full_batch_validates():
    with pytest.raises(ValueError, match="compile the model"):
        xor.fit_full_batch(xor.build_xor_model(), xor.XOR_X, xor.XOR_Y, epochs=2)
    with pytest.raises(ValueError, match="epochs must be a positive integer"):
        xor.fit_full_batch(compiled_model(0), xor.XOR_X, xor.XOR_Y, epochs=0)
    with pytest.raises(ValueError, match=r"X must have shape \(n, 2\)"):
        xor.fit_full_batch(compiled_model(0), np.zeros((4, 3)), xor.XOR_Y, epochs=1)
    with pytest.raises(ValueError, match=r"y must have shape \(4,\)"):
        xor.fit_full_batch(compiled_model(0), xor.XOR_X, np.zeros(3), epochs=1)


def test_training_together_equals_training_alone():
    runs = xor.seed_experiment([5, 6], hidden_units=8, learning_rate=0.01, epochs=25)
    for run in runs:
        alone = compiled_model(run.seed, units=8, learning_rate=0.01)
        xor.fit_full_batch(alone, xor.XOR_X, xor.XOR_Y, epochs=25)
        for a, b in zip(alone.get_weights(), run.model.get_weights()):
            np.testing.assert_allclose(a, b, atol=1e-5)
        assert run.largest_weight_change > 0


def test_train_together_validates():
    with pytest.raises(ValueError, match="at least one model"):
        xor.train_together([], xor.XOR_X, xor.XOR_Y, epochs=1)
    with pytest.raises(ValueError, match="same shape"):
        xor.train_together([xor.build_xor_model(4), xor.build_xor_model(8)], xor.XOR_X, xor.XOR_Y, epochs=1)
    wide = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3), keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="Dense\\(1\\)"):
        xor.train_together([wide], xor.XOR_X, xor.XOR_Y, epochs=1)
    with pytest.raises(ValueError, match="learning_rate must be a positive number"):
        xor.train_together([xor.build_xor_model()], xor.XOR_X, xor.XOR_Y, epochs=1, learning_rate=0)
    with pytest.raises(ValueError, match="seeds must be distinct"):
        xor.seed_experiment([1, 1])
    with pytest.raises(ValueError, match="at least one seed"):
        xor.seed_experiment([])


def test_solves_xor_and_dead_units():
    assert xor.solves_xor([0.1, 0.9, 0.6, 0.4])
    assert not xor.solves_xor([0.1, 0.9, 0.4, 0.4])
    with pytest.raises(ValueError, match="expected 4 probabilities"):
        xor.solves_xor([0.1, 0.9])
    model = xor.build_xor_model(3)
    kernel, bias, *rest = model.get_weights()
    kernel[:, 0], bias[0] = -1.0, -0.5  # unit 0 is negative on all four inputs
    kernel[:, 1:], bias[1:] = 1.0, 0.0
    model.set_weights([kernel, bias, *rest])
    assert xor.dead_units(model) == 1
