"""What 03_network_architecture states, checked after its last cell (names are the notebook's variables)."""
# ruff: noqa: F821

claim("a 28×28 image has 784 pixels, one input neuron each", 28 * 28, 28 * 28 == 784)

warning = caught[0]
claim(
    "input_shape= on a Dense layer draws a UserWarning (not a DeprecationWarning) that recommends Input(shape)",
    f"{warning.category.__name__}: {warning.message}",
    warning.category is UserWarning and "Input(shape)" in str(warning.message),
)
claim(
    "the old style still builds a model of 101,770 parameters",
    old_model.count_params(),
    old_model.count_params() == 101_770,
)

claim(
    "the hidden layer has 784·128 + 128 = 100,480 parameters, as Keras counts",
    keras_hidden,
    keras_hidden == hidden_params == 100_480,
)
claim(
    "the output layer has 128·10 + 10 = 1,290 parameters, as Keras counts",
    keras_output,
    keras_output == output_params == 1_290,
)
claim("the network has 101,770 parameters, as Keras counts", model.count_params(), model.count_params() == 101_770)
share = hidden_params / model.count_params()
claim("99% of the parameters sit between the input and the hidden layer", f"{share:.4f}", round(share, 2) == 0.99)

claim(
    "a batch keeps its size through the network: (BATCH_SIZE, 784) -> (BATCH_SIZE, 128) -> (BATCH_SIZE, 10)",
    f"{tuple(batch.shape)} -> {tuple(hidden_out.shape)} -> {tuple(output_out.shape)}",
    batch.shape == (BATCH_SIZE, 784) and hidden_out.shape == (BATCH_SIZE, 128) and output_out.shape == (BATCH_SIZE, 10),
)

claim(
    "after a few seconds of training the network gets about 90% of the test images right (87% to 93%)",
    f"{test_accuracy:.4f}",
    0.87 <= test_accuracy <= 0.93,
)

claim("some scores are negative", f"{scores.min():.2f}", (scores < 0).any())
claim("the scores of an image do not sum to 1", scores.sum(axis=1)[:4], not np.allclose(scores.sum(axis=1), 1))
claim(
    "every probability lies between 0 and 1",
    f"{probabilities.min()} to {probabilities.max()}",
    (probabilities >= 0).all() and (probabilities <= 1).all(),
)
claim(
    "the probabilities of every image sum to 1",
    f"{np.abs(probabilities.sum(axis=1) - 1).max():.1e} off",
    np.allclose(probabilities.sum(axis=1), 1, atol=1e-6),
)
claim(
    "softmax of our scores gives Keras' probabilities (to 1e-6)",
    f"{softmax_difference:.1e}",
    softmax_difference <= 1e-6,
)
claim(
    "the largest score and the largest probability name the same digit for every image",
    same_digit,
    same_digit == len(scores),
)

# section 5's last paragraph: Keras clips probabilities, but a softmax layer's loss is computed from its scores
claim_images = prepare_images(x_test[:1000])
claim_scores = keras.ops.matmul(model.get_layer("hidden")(claim_images), output_layer.kernel) + output_layer.bias
least_likely = keras.ops.convert_to_numpy(keras.ops.argmin(claim_scores, axis=1))  # each image's least likely digit
loss_from_layer = keras.ops.convert_to_numpy(
    keras.losses.sparse_categorical_crossentropy(least_likely, model(claim_images))
)
loss_from_scores = keras.ops.convert_to_numpy(
    keras.losses.sparse_categorical_crossentropy(least_likely, claim_scores, from_logits=True)
)
loss_from_probabilities = keras.ops.convert_to_numpy(
    keras.losses.sparse_categorical_crossentropy(least_likely, model.predict(claim_images, verbose=0))
)
claim(
    "on the probabilities alone (model.predict's) Keras clips at 1e-7: the loss is capped near 16",
    f"{loss_from_probabilities.max():.3f}",
    loss_from_probabilities.max() <= -np.log(1e-7) + 1e-3,
)
claim(
    "from the scores the loss is not capped (above 17 for some test image's least likely digit)",
    f"{loss_from_scores.max():.2f}",
    loss_from_scores.max() > 17,
)
layer_gap = np.abs(loss_from_layer - loss_from_scores).max()
claim(
    "Keras' crossentropy on a softmax layer's output uses the scores it kept: the same loss as from_logits=True",
    f"{layer_gap:.1e}",
    layer_gap <= 1e-4 * loss_from_scores.max(),
)
