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
claim("the classifier sees 28 numbers per image", features_train.shape, features_train.shape == (N_TRAIN, 28))

claim(
    "the linear classifier on hand-made features gets about 89% of the test digits right (86% to 92%)",
    f"{hand_made_linear_accuracy:.4f}",
    0.86 <= hand_made_linear_accuracy <= 0.92,
)
claim(
    "the network on raw pixels gets about 95% of the test digits right (94% to 96.5%)",
    f"{pixel_network_accuracy:.4f}",
    0.94 <= pixel_network_accuracy <= 0.965,
)
claim("the pixel network is right more often by about 6 points (4 to 8)", f"{margin:+.4f}", 0.04 < margin < 0.08)
claim(
    "the pixel network makes about half as many mistakes (30% to 60% as many)",
    f"{error_ratio:.3f}",
    0.3 < error_ratio < 0.6,
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
        "with a linear classifier the pixels win by about 2.7 points": (linear_gap, 2.7),
        "with the same hidden layer the pixels win by about 2 points": (network_gap, 2.0),
    }
    for words, (gap, points) in quoted.items():
        claim(f"at SEED 0, {words}", f"{gap * 100:.2f}", abs(gap * 100 - points) <= 0.15)
    claim(
        "at SEED 0, with the same hidden layer the pixel network makes about 70% as many mistakes",
        f"{network_error_ratio:.3f}",
        abs(network_error_ratio - 0.70) <= 0.02,
    )

claim(
    "the weight matrix has one column per hidden neuron",
    first_layer_weights.shape,
    first_layer_weights.shape == (784, HIDDEN_UNITS),
)
claim(
    "every pixel within two of the edge has ink in fewer than 5% of the training images",
    f"{inked_share.max():.2%}",
    inked_share.max() < 0.05,
)

if SEED == 0:  # the solution of exercise 3 quotes the accuracies of SEED = 0
    quoted_accuracies = f"{hand_made_network_accuracy:.3f} → {wide_accuracy:.3f}, pixels {pixel_network_accuracy:.3f}"
    claim(
        "at SEED 0, the wide hand-made network goes 0.931 → 0.941 and the pixel network reaches 0.952",
        quoted_accuracies,
        quoted_accuracies == "0.931 → 0.941, pixels 0.952",
    )
