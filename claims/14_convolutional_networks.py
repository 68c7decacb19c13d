"""What 14_convolutional_networks states, checked after its last cell (names are the notebook's variables).

The accuracy claims are about the full training of the parameters cell (EPOCHS = 3, all 54,000 images).
"""

# ruff: noqa: F821 (claim() and the notebook's variables are in scope when the claims run)

import numpy as np

from course_utils.keras_apis import dense_params

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

claim(
    "a true convolution (the kernel flipped) gives the vertical-edge map with every sign reversed",
    f"{abs(flipped + edges[:, :, 0]).max():.1e}",
    abs(flipped + edges[:, :, 0]).max() < 1e-12,
)

# 2. Padding, stride and pooling
claim(
    "padding by a border of 1 and stride 2 by hand agree with Keras: 28 x 28 and 13 x 13",
    f"{padded.shape}, {strided.shape}, last gap {abs(ours - theirs).max():.1e}",
    padded.shape == (28, 28) and strided.shape == (13, 13) and abs(ours - theirs).max() < 1e-5,
)
claim(
    "the formula gives every shape Keras measures",
    [(row[3], row[4]) for row in sizes],
    all(row[3] == row[4] for row in sizes) and len(sizes) == 6,
)
claim(
    "pool2d agrees with Keras' MaxPooling2D: 13 x 13 x 2",
    f"{pooled_edges.shape}, {abs(pooled_edges - keras_pooled).max():.1e}",
    pooled_edges.shape == (13, 13, 2) and abs(pooled_edges - keras_pooled).max() < 1e-5,
)
frame = {"top": padded[0], "left": padded[:, 0], "right": padded[:, -1], "bottom": padded[-1]}
claim(
    "the border's frame of outputs responds only along the bottom, where the 7's stroke ends one pixel above the edge",
    {side: float(abs(values).max()) for side, values in frame.items()},
    all(abs(frame[side]).max() == 0 for side in ("top", "left", "right"))
    and abs(frame["bottom"]).max() > 0.5
    and digit[-1].max() == 0
    and digit[-2].max() > 0,
)
claim(
    "stride 2 keeps a quarter of the outputs",
    f"{strided.size} of {edges[:, :, 0].size}",
    strided.size * 4 == edges[:, :, 0].size,
)
red_strided, red_pooled = (strided > 0.5).sum(), (pooled_edges[:, :, 0] > 0.5).sum()
blue_strided, blue_pooled = (strided < -0.5).sum(), (pooled_edges[:, :, 0] < -0.5).sum()
claim(
    "pooling keeps the red side of the stroke whole, while the blue side mostly disappears",
    f"red pixels {red_pooled} pooled vs {red_strided} strided; blue {blue_pooled} pooled vs {blue_strided} strided",
    red_pooled > 1.5 * red_strided and blue_pooled < 0.5 * blue_strided,
)

# 3. Learning a kernel
kernel_gap = float(abs(kernel - vertical_edge).max())
claim(
    "the loss falls more than a thousandfold in 30 steps",
    f"{losses[0]:.3f} -> {losses[-1]:.5f}: {losses[0] / losses[-1]:.0f}x",
    len(losses) == 31 and losses[0] / losses[-1] > 1_000,
)
claim("the learned kernel is the hand-made one to within about 0.1 per weight", f"{kernel_gap:.3f}", kernel_gap < 0.15)
claim(
    "the learned kernel: -1 on the left, 0 in the middle, +1 on the right (rounded)",
    np.round(kernel).tolist(),
    np.array_equal(np.round(kernel), vertical_edge),
)

# 4. A small CNN
claim(
    "the CNN has 108,618 parameters and its last pooling gives 5 x 5 x 32",
    f"{cnn.count_params():,}, {tuple(cnn.get_layer('pool2').output.shape[1:])}",
    cnn.count_params() == 108_618 and cnn.get_layer("pool2").output.shape[1:] == (5, 5, 32),
)
conv_params = [cnn.get_layer(name).count_params() for name in ("conv1", "conv2")]
claim("the two convolutional layers have 160 + 4,640 = 4,800 parameters", conv_params, conv_params == [160, 4_640])
claim(
    "after 3 epochs the CNN is at about 99% test accuracy (98.8% to 99.4%), about one mistake in 100",
    f"{cnn_accuracy:.4f}",
    0.988 < cnn_accuracy < 0.994,
)

# 5. Side by side with the MLP of notebook 11
# The MLP is not trained here: its training and its mistakes are quoted from notebook 11, whose claims prove them
# ("the improved MLP trains for one epoch more ... in batches of 256", "misclassifies about 220 test digits (205 to
# 240)"). So "less than half its mistakes" holds when the CNN misclassifies fewer than half of 205.
MLP_11_FEWEST_WRONG = 205
mlp_params, cnn_params = improved_mlp.count_params(), cnn.count_params()
lecture_params = dense_params(784, 128) + dense_params(128, 10)
claim("the lecture notes' 784-128-10 MLP has 101,770 parameters", lecture_params, lecture_params == 101_770)
claim(
    "the MLP counted here is notebook 11's improved MLP: 784-256-10 with dropout, (784 + 1)·256 + (256 + 1)·10",
    f"{[type(layer).__name__ for layer in improved_mlp.layers]}, {mlp_params:,}",
    [type(layer).__name__ for layer in improved_mlp.layers] == ["Dense", "Dropout", "Dense"]
    and mlp_params == dense_params(784, 256) + dense_params(256, 10) == 203_530,
)
claim(
    "the CNN has about as many parameters as the lecture notes' MLP (within 10%)",
    f"{cnn_params / lecture_params:.3f}",
    1.0 < cnn_params / lecture_params < 1.1,
)
claim(
    "the CNN has about half as many parameters as the improved MLP",
    f"{cnn_params / mlp_params:.3f}",
    0.5 < cnn_params / mlp_params < 0.55,
)
claim(
    "the CNN trains for one epoch less than notebook 11's MLP (4 epochs in batches of 256)",
    f"{EPOCHS} epochs, batches of {BATCH_SIZE}",
    EPOCHS == 3 and BATCH_SIZE == 256,
)
claim(
    "multiplications per image: 784·256 + 256·10 for the MLP, 26·26·16·9 + 11·11·32·144 + 800·128 + 128·10 for the CNN",
    f"{mlp_multiplications:,} and {cnn_multiplications:,}",
    mlp_multiplications == 784 * 256 + 256 * 10
    and cnn_multiplications == 26 * 26 * 16 * 9 + 11 * 11 * 32 * 144 + 800 * 128 + 128 * 10,
)
claim(
    "for one image the CNN does nearly four times the multiplications of the MLP (3.5 to 4 times)",
    f"{cnn_multiplications / mlp_multiplications:.2f}",
    3.5 < cnn_multiplications / mlp_multiplications < 4,
)
claim(
    "the CNN makes less than half the mistakes of notebook 11's improved MLP (fewer than half of its fewest, 205)",
    f"{cnn_wrong} test digits wrong",
    cnn_wrong == round((1 - cnn_accuracy) * 10_000) and cnn_wrong < MLP_11_FEWEST_WRONG / 2,
)

# 6. What the network sees
claim(
    "the first layer has 16 kernels of 3 x 3 and 16 biases",
    f"{conv1_kernels.shape}, {conv1_bias.shape}",
    conv1_kernels.shape == (3, 3, 1, 16) and conv1_bias.shape == (16,),
)
claim(
    "a few (1 to 12) of the 16 first-layer biases are positive: those maps have a non-zero background",
    positive,
    1 <= positive <= 12,
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
claim(
    "pool2d gives Keras' pool1, 13 x 13 x 16",
    f"{pooled.shape}, {abs(pooled - pool1_maps).max():.1e}",
    pooled.shape == (13, 13, 16) and abs(pooled - pool1_maps).max() < 1e-6,
)
claim(
    "conv2's map 0 is the sum over 16 channels of convolve2d, plus the bias, through ReLU",
    f"{conv2_kernels.shape}, {gap_2:.1e}",
    conv2_kernels.shape == (3, 3, 16, 32) and gap_2 < 1e-4,
)
claim(
    "the rule gives receptive fields of 3, 4, 8 and 10 pixels",
    fields,
    fields == {"conv1": 3, "pool1": 4, "conv2": 8, "pool2": 10},
)
claim(
    "one-pixel images through the probe: every field starts at pixel (8, 8), is square and as large as the rule says",
    seen,
    all(
        (top, left, rows, columns, count) == (8, 8, fields[name], fields[name], fields[name] ** 2)
        for name, (top, left, rows, columns, count) in seen.items()
    ),
)


def alike(patches):
    """Per filter: the average correlation between its patches, each pair once."""
    filters, count = patches.shape[:2]
    flat = patches.reshape(filters, count, -1)
    flat = flat - flat.mean(axis=-1, keepdims=True)
    flat = flat / (np.linalg.norm(flat, axis=-1, keepdims=True) + 1e-12)
    pairs = np.einsum("fcd,fed->fce", flat, flat)
    return (pairs.sum(axis=(1, 2)) - count) / (count * (count - 1))


rng = np.random.default_rng(0)
random_rows = np.stack(
    [sample[rng.integers(len(sample), size=6), 10:18, 10:18, 0] for _ in range(8)]
)  # 8 rows of 6 patches from the middle of random digits
similarity = [float(alike(patches_1[shown_1]).mean()), float(alike(patches_2[shown_2]).mean())]
claim(
    "the patches in a row look alike: every shown filter's patches correlate (above 0.5 on average per layer, "
    "against about 0 for random patches)",
    f"{similarity[0]:.2f}, {similarity[1]:.2f}; random {alike(random_rows).mean():.2f}",
    min(similarity) > 0.5 and abs(alike(random_rows).mean()) < 0.25,
)
edge_rows = int((patches_1[shown_1].std(axis=(2, 3)).mean(axis=1) > 0.05).sum())
claim(
    "almost every shown first-layer row is an edge: at least 6 of the 8 rows have ink and background in their patches",
    f"{edge_rows} of 8",
    edge_rows >= 6,
)

# Exercises
claim(
    "exercise 3's layers: (14, 14, 8) then (7, 7, 8), by the formula",
    output_size(28, 5, 2, 2),
    output_size(28, 5, 2, 2) == 14,
)
dense_part = cnn.get_layer("dense").count_params() + cnn.get_layer("output").count_params()
claim("the CNN's two Dense layers hold 103,818 of its parameters", dense_part, dense_part == 103_818)
claim(
    "keras.io's convnet has 34,826 parameters, under 40,000",
    keras_io_convnet.count_params(),
    keras_io_convnet.count_params() == 34_826,
)
