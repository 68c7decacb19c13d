"""What 04_forward_propagation states, checked after its last cell (names are the notebook's variables)."""

claim(
    "by hand, the hidden layer gives h = (1.0, 0.5, 0.0)",
    f"{np.round(hidden, 6).tolist()}",
    np.allclose(hidden, [1.0, 0.5, 0.0]),
)
claim("the output sums are z = (2.0, -0.5)", f"{np.round(z_out, 6).tolist()}", np.allclose(z_out, [2.0, -0.5]))
claim(
    "softmax turns them into the probabilities (0.924, 0.076)",
    f"{np.round(y, 4).tolist()}",
    np.allclose(y, [0.924, 0.076], atol=5e-4),
)
claim(
    "the matrix form gives the numbers of the loops",
    f"h {np.round(h, 6).tolist()}, y {np.round(y_matrix, 4).tolist()}",
    np.allclose(h, hidden) and np.allclose(y_matrix, y),
)
claim(
    "a batch of four gives H of shape (4, 3) and Y of shape (4, 2)",
    f"{H.shape}, {Y.shape}",
    H.shape == (4, 3) and Y.shape == (4, 2),
)
claim("our sample is the first row of the batch's output", f"{np.round(Y[0], 4).tolist()}", np.allclose(Y[0], y))
claim(
    "every row of the batch's probabilities sums to 1",
    f"{np.round(Y.sum(axis=1), 6).tolist()}",
    np.allclose(Y.sum(axis=1), 1),
)
claim(
    "forward gives one sample the hand-computed probabilities",
    f"{np.round(forward(x, small_network), 4).tolist()}",
    np.allclose(forward(x, small_network), y),
)
claim(
    "forward gives the batch the numbers of section 3",
    f"{np.round(forward(X, small_network), 4).tolist()}",
    np.allclose(forward(X, small_network), Y),
)
claim(
    "the Keras model has layers 784 -> 128 (relu) -> 10 (softmax)",
    [k.shape for k, _, _ in mnist_network],
    kernel1.shape == (784, 128) and kernel2.shape == (128, 10),
)
claim(
    "Keras and our forward pass differ by a few times 1e-7 (less than 2e-6) on 1,000 test images",
    f"{largest_difference:.2e}",
    largest_difference < 2e-6,
)
claim("Keras and our forward pass predict the same digit for all 1,000 images", same_digit, same_digit)

# exercise 3, its solution: the raw pixels 0-255 fed to the trained network
raw_sure = (raw_probabilities.max(axis=1) > 0.99).mean()
scaled_sure = (numpy_probabilities.max(axis=1) > 0.99).mean()
raw_sure_and_wrong = (
    (raw_probabilities.max(axis=1) > 0.99) & (raw_probabilities.argmax(axis=1) != y_test[:1000])
).mean()
claim(
    "with raw pixels the accuracy hardly moves, by less than a point",
    f"{scaled_accuracy:.3f} -> {raw_accuracy:.3f}",
    abs(raw_accuracy - scaled_accuracy) < 0.01,
)
claim(
    "with raw pixels more than 99% of the images get a top probability above 0.99",
    f"{raw_sure:.1%}",
    raw_sure > 0.99,
)
claim(
    "with scaled pixels about 5% of the images get a top probability above 0.99 (2% to 10%)",
    f"{scaled_sure:.1%}",
    0.02 <= scaled_sure <= 0.10,
)
claim(
    "with raw pixels roughly one image in seven is wrong with more than 99% confidence (10% to 20%)",
    f"{raw_sure_and_wrong:.1%}",
    0.10 <= raw_sure_and_wrong <= 0.20,
)
