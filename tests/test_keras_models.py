"""The three API versions of the seed's MLP are the same network."""

import numpy as np
import pytest

keras = pytest.importorskip("keras")

from course_utils import keras_models  # noqa: E402


def test_three_apis_same_parameters_and_outputs():
    models = [keras_models.sequential_mlp(), keras_models.functional_mlp(), keras_models.subclassed_mlp()]
    assert [m.count_params() for m in models] == [109_386] * 3
    for model in models[1:]:
        model.set_weights(models[0].get_weights())
    x = np.random.default_rng(0).random((5, 784), dtype=np.float32)
    outputs = [np.asarray(m(x)) for m in models]
    for out in outputs[1:]:
        np.testing.assert_allclose(out, outputs[0], atol=1e-6)
    np.testing.assert_allclose(outputs[0].sum(axis=1), 1, atol=1e-5)


def test_small_input_size_and_validation():
    assert keras_models.sequential_mlp(inputs=4).count_params() == 4 * 128 + 128 + 128 * 64 + 64 + 650
    for builder in (keras_models.sequential_mlp, keras_models.functional_mlp, keras_models.subclassed_mlp):
        with pytest.raises(ValueError, match="inputs must be a positive integer"):
            builder(0)
