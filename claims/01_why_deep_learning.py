"""What 01_why_deep_learning states, checked after its last cell (names are the notebook's variables)."""
# ruff: noqa: F821

claim(
    "MNIST has 70,000 images of 28×28 pixels",
    f"{len(mnist_train_images) + len(x_test):,} of {mnist_train_images.shape[1:]}",
    len(mnist_train_images) + len(x_test) == 70_000 and mnist_train_images.shape[1:] == x_test.shape[1:] == (28, 28),
)

claim(
    "the example 1 has no hole, the example 0 and 8 have one",
    example_features["hole area"],
    example_features["hole area"][1] == 0 and (example_features["hole area"][[0, 2]] > 0).all(),
)
claim(
    "a line across the middle meets two strokes of the example 0 and one of the example 1",
    example_features["edges on middle row"],
    example_features["edges on middle row"][0] == 2 and example_features["edges on middle row"][1] == 1,
)
claim("the first test digit is a 7", y_test[0], y_test[0] == 7)
seven_grid = seven_zones.reshape(4, 4)
claim(
    "the 7's zone ink is 0.28 and 0.45 in the middle two zones of the second row",
    np.round(seven_grid[1, 1:3], 2),
    np.allclose(np.round(seven_grid[1, 1:3], 2), [0.28, 0.45]),
)
claim(
    "the 7's ink runs down to the bottom row of zones; the top row and the outer columns stay almost empty",
    f"bottom row {seven_grid[3].sum():.2f}, top row {seven_grid[0].sum():.2f}, outer columns up to "
    f"{seven_grid[:, [0, 3]].max():.2f}",
    seven_grid[3].sum() > 0.2 and seven_grid[0].sum() < 0.01 and seven_grid[:, [0, 3]].max() < 0.05,
)
claim(
    "the 7 has most of its ink high up: its top half of zones holds more than its bottom half",
    f"{seven_grid[:2].sum():.2f} against {seven_grid[2:].sum():.2f}",
    seven_grid[:2].sum() > seven_grid[2:].sum(),
)
claim(
    "hand_made_features uses zone_ink for its first 16 numbers",
    f"{np.abs(hand_made_features(x_test[:100])[:, :16] - zone_ink(x_test[:100] / 255)).max():.1e}",
    np.allclose(hand_made_features(x_test[:100])[:, :16], zone_ink(x_test[:100] / 255)),
)
claim("the classifier sees 28 numbers per image", features_train.shape, features_train.shape == (N_TRAIN, 28))

claim(
    "the linear classifier on hand-made features gets about 88% of the test digits right (86% to 91%)",
    f"{hand_made_linear_accuracy:.4f}",
    0.86 <= hand_made_linear_accuracy <= 0.91,
)
claim(
    "the linear classifier gets about 12% of the test digits wrong (10% to 14%)",
    f"{1 - hand_made_linear_accuracy:.4f}",
    0.10 <= 1 - hand_made_linear_accuracy <= 0.14,
)
claim(
    "the network on raw pixels gets about 95% of the test digits right (94% to 96.5%)",
    f"{pixel_network_accuracy:.4f}",
    0.94 <= pixel_network_accuracy <= 0.965,
)
claim("the pixel network is right more often by about 7 points (5 to 9)", f"{margin:+.4f}", 0.05 < margin < 0.09)
claim(
    "the pixel network makes well under half as many mistakes, about 40% as many (33% to 48%)",
    f"{error_ratio:.3f}",
    0.33 <= error_ratio <= 0.48,
)

hand_made_gain = hand_made_network_accuracy - hand_made_linear_accuracy
claim(
    "the hidden layer adds more than 2 points on the hand-made features",
    f"{hand_made_gain:+.4f}",
    hand_made_gain > 0.02,
)
pixel_gain = pixel_network_accuracy - pixel_linear_accuracy
claim("the hidden layer adds more than 2 points on the pixels", f"{pixel_gain:+.4f}", pixel_gain > 0.02)
linear_gap = pixel_linear_accuracy - hand_made_linear_accuracy
claim("with a linear classifier the pixels win by more than 1 point", f"{linear_gap:+.4f}", linear_gap > 0.01)
network_gap = pixel_network_accuracy - hand_made_network_accuracy
claim("with the same hidden layer the pixels win by more than 0.4 points", f"{network_gap:+.4f}", network_gap > 0.004)
network_error_ratio = (1 - pixel_network_accuracy) / (1 - hand_made_network_accuracy)
claim(
    "with the same hidden layer the pixel network makes fewer mistakes (under 95% as many)",
    f"{network_error_ratio:.3f}",
    network_error_ratio < 0.95,
)

if SEED == 0:  # section 5 quotes the table of SEED = 0
    quoted = {
        "the hidden layer adds about 4 points on the hand-made features": (hand_made_gain, 4.0),
        "the hidden layer adds about 3.5 points on the pixels": (pixel_gain, 3.5),
        "with a linear classifier the pixels win by about 3.2 points": (linear_gap, 3.2),
        "with the same hidden layer the pixels win by about 2.7 points": (network_gap, 2.7),
    }
    for words, (gap, points) in quoted.items():
        claim(f"at SEED 0, {words}", f"{gap * 100:.2f}", abs(gap * 100 - points) <= 0.15)
    claim(
        "at SEED 0, with the same hidden layer the pixel network makes about 64% as many mistakes",
        f"{network_error_ratio:.3f}",
        abs(network_error_ratio - 0.64) <= 0.02,
    )
    network_errors = f"{1 - pixel_network_accuracy:.1%} against {1 - hand_made_network_accuracy:.1%}"
    claim(
        "at SEED 0, the two networks get 4.8% and 7.5% of the test digits wrong",
        network_errors,
        network_errors == "4.8% against 7.5%",
    )

claim(
    "the weight matrix has one column per hidden neuron",
    first_layer_weights.shape,
    first_layer_weights.shape == (784, HIDDEN_UNITS),
)
dead_weights = np.abs(first_layer_weights[:, dead]).max() if dead else 0.0
colour_scale = np.abs(first_layer_weights[:, :24]).max()  # the figure's colour scale: its largest weight
claim(
    "a dead neuron's square is almost blank: its weights stay below a third of the figure's colour scale",
    f"{dead_weights:.3f} of {colour_scale:.3f}",
    dead_weights < colour_scale / 3,
)
claim(
    "a dead neuron outputs 0 for every training image",
    f"{len(dead)} dead",
    all(hidden_outputs[:, n].max() == 0 for n in dead),
)
border = np.ones((28, 28), dtype=bool)
border[2:-2, 2:-2] = False
claim(
    "pixels along the border are blank in almost every image (under 5% inked, two outermost rows and columns)",
    f"{ink_share[border.ravel()].max():.2%}",
    ink_share[border.ravel()].max() < 0.05,
)
outer_three = np.ones((28, 28), dtype=bool)
outer_three[3:-3, 3:-3] = False
claim(
    "the pixels with no ink in any training image all lie in the three outermost rows and columns",
    f"{never.sum()} pixels, {(never & ~outer_three.ravel()).sum()} further in",
    never.any() and not (never & ~outer_three.ravel()).any(),
)
claim(
    "the weights of pixels with no ink kept their random starting values exactly",
    f"{weight_change[never].max()}",
    weight_change[never].max() == 0,
)
rare_over_common = weight_change[rare].mean() / weight_change[common].mean()
claim(
    "the weights of pixels inked in under 1% of the images moved about as far as the others (0.75 to 1.25 times)",
    f"{rare_over_common:.3f}",
    0.75 <= rare_over_common <= 1.25,
)

claim("the pixel network has 50,890 parameters", pixel_network.count_params(), pixel_network.count_params() == 50_890)
hand_made_trained = sum(int(np.prod(w.shape)) for w in hand_made_network.trainable_weights)
claim(
    "the hand-made network of section 5 has 2,506 trained parameters and 57 normalisation numbers",
    f"{hand_made_trained} + {hand_made_network.count_params() - hand_made_trained}",
    hand_made_trained == 2_506 and hand_made_network.count_params() == 2_506 + 57,
)
claim("1,024 hidden neurons on the 28 features make about 40,000 parameters", trainable, 39_000 <= trainable <= 41_000)

wide_gain = wide_accuracy - hand_made_network_accuracy
claim(
    "sixteen times the hidden neurons gain the hand-made network at most about two points (under 2.5)",
    f"{wide_gain:+.4f}",
    wide_gain < 0.025,
)
claim(
    "the wide hand-made network stays below the pixel network",
    f"{wide_accuracy:.4f} against {pixel_network_accuracy:.4f}",
    wide_accuracy < pixel_network_accuracy,
)
if SEED == 0:  # the solution of exercise 3 quotes the accuracies of SEED = 0
    quoted_accuracies = f"{hand_made_network_accuracy:.3f} → {wide_accuracy:.3f}, pixels {pixel_network_accuracy:.3f}"
    claim(
        "at SEED 0, the wide hand-made network goes 0.925 → 0.941 and the pixel network reaches 0.952",
        quoted_accuracies,
        quoted_accuracies == "0.925 → 0.941, pixels 0.952",
    )

# check your understanding, question 3
middle_row_edges = features_train[:, FEATURE_NAMES.index("edges on middle row")]
claim("edge counts go up to 4", f"{middle_row_edges.max():.0f}", middle_row_edges.max() == 4)
hole_areas = features_train[:, FEATURE_NAMES.index("hole area")]
claim(
    "a hole area is a few hundredths (the mean over the training digits that have a hole)",
    f"{hole_areas[hole_areas > 0].mean():.3f}",
    0.01 <= hole_areas[hole_areas > 0].mean() <= 0.09,
)
