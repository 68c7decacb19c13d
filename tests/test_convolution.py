"""NumPy reference convolution and parameter counts."""

import numpy as np
import pytest

from course_utils.convolution import conv2d_parameter_count, convolve2d, dense_parameter_count


def test_convolve2d_by_hand():
    image = np.arange(16.0).reshape(4, 4)
    kernel = np.array([[1.0, 0.0], [0.0, -1.0]])
    out = convolve2d(image, kernel)
    assert out.shape == (3, 3)
    assert np.allclose(out, -5.0)  # image[i, j] - image[i+1, j+1] = -5 everywhere
    assert convolve2d(image, np.ones((1, 1)))[2, 3] == image[2, 3]


def test_convolve2d_matches_keras_conv2d():
    keras = pytest.importorskip("keras")
    rng = np.random.default_rng(0)
    image, kernel = rng.random((8, 8)), rng.normal(size=(3, 3))
    layer = keras.layers.Conv2D(1, 3, use_bias=False)
    layer.build((None, 8, 8, 1))
    layer.set_weights([kernel[:, :, None, None]])
    keras_out = np.asarray(layer(image[None, :, :, None].astype("float32")))[0, :, :, 0]
    assert np.allclose(convolve2d(image, kernel), keras_out, atol=1e-5)


def test_parameter_counts():
    assert dense_parameter_count(784, 128) == 100_480
    assert conv2d_parameter_count(3, 1, 16) == 160
    assert conv2d_parameter_count(3, 16, 32) == 4_640


@pytest.mark.parametrize("call, message", [
    (lambda: convolve2d(np.zeros((4, 4, 1)), np.ones((2, 2))), r"image must be 2-D .* got shape \(4, 4, 1\)"),
    (lambda: convolve2d(np.zeros((4, 4)), np.ones(3)), "kernel must be 2-D"),
    (lambda: convolve2d(np.zeros((2, 2)), np.ones((3, 3))), "larger than the image"),
    (lambda: dense_parameter_count(0, 3), "n_inputs must be a positive integer"),
    (lambda: conv2d_parameter_count(3, 1, 2.5), "filters must be a positive integer"),
])
def test_bad_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()
