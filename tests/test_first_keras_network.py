"""course_utils.first_keras_network: many networks trained as one computation end where each one's own fit ends."""

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from course_utils import first_keras_network  # noqa: E402
from course_utils.reproducibility import seed_everything  # noqa: E402


def xor_model(hidden_units=4, activation="relu"):
    """The lecture notes' network as notebook 09 builds it: Input(2) → Dense(hidden_units) → Dense(1, sigmoid)."""
    return keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(hidden_units, activation=activation),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )


def compiled_model(start, learning_rate=0.001, activation="relu"):
    model = xor_model(start[0].shape[1], activation=activation)
    model.set_weights(start)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy")
    return model


def test_data():
    assert first_keras_network.XOR_X.shape == (4, 2) and first_keras_network.XOR_X.dtype == np.float32
    assert first_keras_network.XOR_Y.tolist() == [0, 1, 1, 0]


@pytest.mark.parametrize("bad", [0, -3, 2.5, True, "4"])
def test_hidden_units_must_be_a_positive_integer(bad):
    with pytest.raises(ValueError, match="hidden_units must be a positive integer"):
        first_keras_network.glorot_starts(3, hidden_units=bad)


def test_glorot_starts_are_drawn_as_keras_draws_them():
    starts = first_keras_network.glorot_starts(400, hidden_units=4, seed=1)
    hidden = np.stack([s[0] for s in starts])
    output = np.stack([s[2] for s in starts])
    assert hidden.shape == (400, 2, 4) and output.shape == (400, 4, 1)
    assert np.abs(hidden).max() <= 1.0 and np.abs(output).max() <= np.sqrt(6 / 5)
    assert abs(np.abs(hidden).mean() - 0.5) < 0.03  # uniform on [-1, 1]
    assert all((s[1] == 0).all() and (s[3] == 0).all() for s in starts)
    seed_everything(0)
    keras_start = xor_model(4).get_weights()
    assert [w.shape for w in keras_start] == [w.shape for w in starts[0]]
    assert np.array_equal(
        first_keras_network.glorot_starts(3, 4, seed=7)[2][0], first_keras_network.glorot_starts(3, 4, seed=7)[2][0]
    )


def test_plain_fit_on_the_full_batch_dataset_is_plain_fit():
    start = first_keras_network.glorot_starts(1, 4, seed=3)[0]
    plain, fast = compiled_model(start), compiled_model(start)
    history = plain.fit(first_keras_network.XOR_X, first_keras_network.XOR_Y, epochs=15, verbose=0)
    fast_history = fast.fit(
        first_keras_network.full_batch_dataset(), epochs=15, steps_per_epoch=1, shuffle=False, verbose=0
    )
    for a, b in zip(plain.get_weights(), fast.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)
    np.testing.assert_allclose(history.history["loss"], fast_history.history["loss"], atol=1e-6)


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_training_together_equals_training_alone(activation):
    starts = first_keras_network.glorot_starts(3, hidden_units=8, seed=5)
    runs = first_keras_network.train_runs(starts, learning_rate=0.01, epochs=25, activation=activation)
    for start, run in zip(starts, runs):
        alone = compiled_model(start, learning_rate=0.01, activation=activation)
        alone.fit(first_keras_network.full_batch_dataset(), epochs=25, steps_per_epoch=1, shuffle=False, verbose=0)
        for a, b in zip(alone.get_weights(), run.weights):
            np.testing.assert_allclose(a, b, atol=1e-5)
        np.testing.assert_allclose(first_keras_network.predict_probabilities(alone), run.probabilities, atol=1e-5)
        assert run.solved == first_keras_network.solves_xor(run.probabilities)
        assert run.dead_units == first_keras_network.dead_units(alone)
        assert run.largest_weight_change > 0 and 0 <= run.margin <= 0.5
        assert (run.hidden_units, run.learning_rate, run.epochs, run.activation) == (8, 0.01, 25, activation)


def test_many_runs_and_probabilities_of():
    runs = first_keras_network.many_runs(4, hidden_units=2, learning_rate=0.05, epochs=5, seed=2)
    assert len(runs) == 4 and all(r.epochs == 5 for r in runs)
    np.testing.assert_allclose(
        first_keras_network.probabilities_of([r.weights for r in runs]), [r.probabilities for r in runs], atol=1e-6
    )


def test_train_runs_validates():
    with pytest.raises(ValueError, match="at least one start"):
        first_keras_network.train_runs([])
    with pytest.raises(ValueError, match="same shapes"):
        first_keras_network.train_runs(
            first_keras_network.glorot_starts(1, 4) + first_keras_network.glorot_starts(1, 8)
        )
    wide = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3), keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="Dense\\(1\\)"):
        first_keras_network.train_runs([wide.get_weights()])
    with pytest.raises(ValueError, match="learning_rate must be a positive number"):
        first_keras_network.train_runs(first_keras_network.glorot_starts(1), learning_rate=0)
    with pytest.raises(ValueError, match="epochs must be a positive integer"):
        first_keras_network.train_runs(first_keras_network.glorot_starts(1), epochs=0)
    with pytest.raises(ValueError, match="activation must be one of"):
        first_keras_network.train_runs(first_keras_network.glorot_starts(1), activation="softmax")
    with pytest.raises(ValueError, match="n_runs must be a positive integer"):
        first_keras_network.glorot_starts(0)
    with pytest.raises(ValueError, match=r"X must have shape \(n, 2\)"):
        first_keras_network.full_batch_dataset(np.zeros((4, 3)), first_keras_network.XOR_Y)


def test_solves_xor_and_dead_units():
    assert first_keras_network.solves_xor([0.1, 0.9, 0.6, 0.4])
    assert not first_keras_network.solves_xor([0.1, 0.9, 0.4, 0.4])
    with pytest.raises(ValueError, match="expected 4 probabilities"):
        first_keras_network.solves_xor([0.1, 0.9])
    model = xor_model(3)
    kernel, bias, *rest = model.get_weights()
    kernel[:, 0], bias[0] = -1.0, -0.5  # unit 0 is negative on all four inputs
    kernel[:, 1:], bias[1:] = 1.0, 0.0
    model.set_weights([kernel, bias, *rest])
    assert first_keras_network.dead_units(model) == 1
    assert first_keras_network.train_runs([model.get_weights()], epochs=1)[0].dead_units == 1


def test_training_graph_is_traced_once_per_activation():
    """Any number of runs, units and epochs reuses one traced graph: a call costs the arithmetic, not a trace."""
    for n_runs, units, epochs in [(2, 4, 3), (5, 8, 7), (1, 32, 2)]:
        first_keras_network.many_runs(n_runs, hidden_units=units, epochs=epochs, activation="sigmoid")
    assert first_keras_network._trainer("sigmoid").experimental_get_tracing_count() == 1
