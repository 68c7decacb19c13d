"""What 14_convolutional_networks states, checked after its last cell (names are the notebook's variables).

The accuracy claims are about the full training of the parameters cell (EPOCHS = 3, all 54,000 images).
"""

# ruff: noqa: F821 (claim() and the notebook's variables are in scope when the claims run)

from course_utils.mnist import build_improved_mlp, build_lecture_mlp  # the models notebook 11 trains

# 1. Why convolutions
claim("the first test image is a 7", y_test[0], y_test[0] == 7)
claim("a 3 x 3 kernel gives 26 x 26 maps of the 28 x 28 digit", edges.shape, edges.shape == (26, 26, 2))
keras_gap = float(abs(keras_edges - edges).max())
claim(
    "Keras' Conv2D computes what our convolve2d computes (largest difference below 1e-5)",
    f"{keras_edges.shape}, {keras_gap:.1e}",
    keras_edges.shape == (26, 26, 2) and keras_gap < 1e-5,
)
claim(
    "Conv2D(16, 3x3) has 160 parameters, a Dense layer with its 10,816 outputs 8,490,560: more than 50,000 times",
    f"{conv_count:,} and {dense_count:,}",
    conv_count == 160 and dense_count == 8_490_560 and dense_count / conv_count > 50_000,
)

# 2. A small CNN
claim(
    "the CNN has 108,618 parameters and its last pooling gives 5 x 5 x 32",
    f"{cnn.count_params():,}, {tuple(cnn.get_layer('pool2').output.shape[1:])}",
    cnn.count_params() == 108_618 and cnn.get_layer("pool2").output.shape[1:] == (5, 5, 32),
)
conv_params = [cnn.get_layer(name).count_params() for name in ("conv1", "conv2")]
claim("the two convolutional layers have 160 + 4,640 = 4,800 parameters", conv_params, conv_params == [160, 4_640])
claim("after 3 epochs the CNN is above 99% test accuracy", f"{cnn_accuracy:.4f}", cnn_accuracy > 0.990)

# 3. Side by side with the MLPs of notebook 11


def layer_settings(model):
    """Every layer's configuration (kind, sizes, activation, ...), without its name."""
    return [{key: value for key, value in layer.get_config().items() if key != "name"} for layer in model.layers]


same_lecture = layer_settings(lecture_mlp) == layer_settings(build_lecture_mlp())
claim("the lecture notes' MLP has the layers notebook 11 trains", f"same layers: {same_lecture}", same_lecture)
same_improved = layer_settings(improved_mlp) == layer_settings(build_improved_mlp(decay_steps=1))
claim("the improved MLP has the layers notebook 11 trains", f"same layers: {same_improved}", same_improved)
lecture_params, improved_params, cnn_params = (model.count_params() for _, model, _, _ in results)
claim(
    "the CNN has about as many parameters as the lecture notes' MLP (within 10%)",
    f"{cnn_params / lecture_params:.3f}",
    1.0 < cnn_params / lecture_params < 1.1,
)
claim(
    "the CNN has about half as many parameters as the improved MLP",
    f"{cnn_params / improved_params:.3f}",
    0.5 < cnn_params / improved_params < 0.55,
)
errors = {name: 1 - value for name, value in accuracy.items()}
cnn_share = errors["small CNN"] / errors["improved MLP (784-256-10, dropout)"]
claim("the CNN makes less than half the mistakes of the improved MLP", f"{cnn_share:.3f}", cnn_share < 0.5)
claim(
    "the improved MLP makes fewer mistakes than the lecture notes' MLP",
    f"{errors['improved MLP (784-256-10, dropout)']:.4f} vs {errors['784-128-10 MLP (lecture notes)']:.4f}",
    errors["improved MLP (784-256-10, dropout)"] < errors["784-128-10 MLP (lecture notes)"],
)
claim(
    "trained as briefly as the CNN, the improved MLP ends below notebook 11's about 98% (0.978 at the least)",
    f"{accuracy['improved MLP (784-256-10, dropout)']:.4f}",
    accuracy["improved MLP (784-256-10, dropout)"] < 0.978,
)
claim(
    "on the same images the CNN takes longer to train than either MLP",
    f"CNN {cnn_time.seconds:.1f} s, MLPs {mlp_times['lecture_mlp'].seconds:.1f} s and "
    f"{mlp_times['improved_mlp'].seconds:.1f} s",
    cnn_time.seconds > max(mlp_times["lecture_mlp"].seconds, mlp_times["improved_mlp"].seconds),
)

# 4. What the network sees
claim(
    "the first layer has 16 kernels of 3 x 3 and 16 biases",
    f"{conv1_kernels.shape}, {conv1_bias.shape}",
    conv1_kernels.shape == (3, 3, 1, 16) and conv1_bias.shape == (16,),
)
claim(
    "a few (2 to 10) of the 16 first-layer biases are positive: those maps have a non-zero background",
    positive,
    2 <= positive <= 10,
)
map_gap = float(abs(conv1_maps[:, :, 0] - by_hand).max())
claim(
    "the first feature map is our convolve2d with the learned kernel, plus the bias, through ReLU",
    f"{conv1_maps.shape}, largest difference {map_gap:.1e}",
    conv1_maps.shape == (26, 26, 16) and map_gap < 1e-4,
)
claim(
    "on the empty top-left corner every map shows max(bias, 0)",
    f"corner ink {digit[:3, :3].max()}, largest difference {corner_gap:.1e}",
    digit[:3, :3].max() == 0 and corner_gap < 1e-6,
)
claim("the second layer's maps are 11 x 11, 32 of them", conv2_maps.shape, conv2_maps.shape == (11, 11, 32))

# Exercise 4
dense_part = cnn.get_layer("dense").count_params() + cnn.get_layer("output").count_params()
claim("the CNN's two Dense layers hold 103,818 of its parameters", dense_part, dense_part == 103_818)
claim(
    "keras.io's convnet has 34,826 parameters, under 40,000",
    keras_io_convnet.count_params(),
    keras_io_convnet.count_params() == 34_826,
)
