"""What 10_keras_apis states, checked after its last cell (names are the notebook's variables)."""
# ruff: noqa: F821 (claim() and the notebook's variables are in scope when the claims run)

# Section 1: one network, three APIs
counts = [m.count_params() for m in models.values()]
claim("the three APIs' networks each have 109,386 parameters", counts, counts == [109_386] * 3)
claim(
    "109,386 = (784·128 + 128) + (128·64 + 64) + (64·10 + 10)",
    (784 * 128 + 128) + (128 * 64 + 64) + (64 * 10 + 10),
    (784 * 128 + 128) + (128 * 64 + 64) + (64 * 10 + 10) == 109_386,
)
claim("with the same weights the three APIs give the same outputs", f"{api_gap:.1e}", api_gap < 1e-6)

# Section 2: two inputs
claim("the two-input model has two inputs", len(two_input.inputs), len(two_input.inputs) == 2)
claim(
    "it gives 10 probabilities for each of the 256 images", tuple(probabilities.shape), probabilities.shape == (256, 10)
)

# Section 3: the training flag
claim("two calls with training=False give identical outputs", np.array_equal(*inference), np.array_equal(*inference))
claim("two calls with training=True give different outputs", np.array_equal(*training), not np.array_equal(*training))

# Section 4: the hand-written loop
claim("5 hand-written GradientTape steps end at the same weights as fit", f"{loop_fit_gap:.1e}", loop_fit_gap < 1e-5)

# Section 5: layers
claim("Dense(64) maps (256, 784) to (256, 64)", hidden.shape, hidden.shape == (256, 64))
claim(
    "Dense(64) on 784 inputs has 50,240 parameters, as the formula says",
    (dense.count_params(), dense_params(784, 64)),
    dense.count_params() == dense_params(784, 64) == 50_240,
)
claim("Dropout leaves its input unchanged at inference", "", np.array_equal(at_inference, batch))
claim("Dropout has no parameters", dropout.count_params(), dropout.count_params() == 0)
claim(
    "Conv2D(32, (3, 3)) maps 28×28×1 to 26×26×32",
    feature_maps.shape[1:],
    feature_maps.shape[1:] == (28 - 3 + 1, 28 - 3 + 1, 32) == (26, 26, 32),
)
claim(
    "Conv2D(32, (3, 3)) on one channel has 320 parameters, as the formula says",
    (conv.count_params(), conv2d_params(1, 32, (3, 3))),
    conv.count_params() == conv2d_params(1, 32, (3, 3)) == 320,
)
claim("an int kernel_size is a square kernel", conv2d_params(1, 32, 3), conv2d_params(1, 32, 3) == 320)
claim("Flatten gives 26·26·32 = 21,632 values per image", tuple(flat.shape), tuple(flat.shape) == (256, 21_632))
claim("Flatten has no parameters", flatten.count_params(), flatten.count_params() == 0)
claim(
    "LSTM(16) on 1 feature has 1,152 parameters, as the formula says",
    (recurrent["LSTM"].count_params(), lstm_params(1, 16)),
    recurrent["LSTM"].count_params() == lstm_params(1, 16) == 1152,
)
claim(
    "GRU(16) on 1 feature has 912 parameters, as the formula says",
    (recurrent["GRU"].count_params(), gru_params(1, 16)),
    recurrent["GRU"].count_params() == gru_params(1, 16) == 912,
)
claim(
    "GRU(16, reset_after=False) has 864 parameters, as the formula says",
    (gru_without_reset_after.count_params(), gru_params(1, 16, reset_after=False)),
    gru_without_reset_after.count_params() == gru_params(1, 16, reset_after=False) == 864,
)
claim(
    "the labels are balanced: about half the sequences have their largest number in the second half",
    f"{labels.mean():.3f}",
    0.45 < labels.mean() < 0.55,
)
claim(
    "a sequence's label changes when its steps are reversed (the order decides it)",
    f"{(labels != (sequences[:, ::-1, 0].argmax(axis=1) >= 6)).mean():.3f}",
    (labels != (sequences[:, ::-1, 0].argmax(axis=1) >= 6)).all(),
)
claim(
    "the order-blind model stays near chance, about half right (between 0.4 and 0.6)",
    f"{sequence_accuracy['order-blind']:.3f}",
    0.4 < sequence_accuracy["order-blind"] < 0.6,
)
claim(
    "the LSTM gets more than 80% of the held-out sequences right",
    f"{sequence_accuracy['LSTM']:.3f}",
    sequence_accuracy["LSTM"] > 0.8,
)
claim(
    "a recurrent layer returns one vector of 16 numbers per sequence",
    recurrent["LSTM"].compute_output_shape((None, 12, 1)),
    tuple(recurrent["LSTM"].compute_output_shape((None, 12, 1))) == (None, 16),
)

# Section 6: compile, fit and validate
val_accuracy = history.history["val_accuracy"]
claim("one validation accuracy per epoch", len(val_accuracy), len(val_accuracy) == EPOCHS)
claim(
    "the lecture notes' network ends near 93% validation accuracy (within 3 points; exercise 5)",
    f"{val_accuracy[-1]:.3f}",
    abs(val_accuracy[-1] - 0.93) < 0.03,
)
claim("the test accuracy, measured once, is between 85% and 95%", f"{test_accuracy:.3f}", 0.85 < test_accuracy < 0.95)
val_test_gap = abs(test_accuracy - val_accuracy[-1])
claim(
    "the test accuracy is close to the final validation accuracy (within 5 points)",
    f"{val_test_gap:.3f}",
    val_test_gap < 0.05,
)
claim(
    "the model ends more accurate on the images it trained on than on held-out ones",
    f"{curves['accuracy'][-1]:.3f} vs {curves['val_accuracy'][-1]:.3f}",
    curves["accuracy"][-1] > curves["val_accuracy"][-1],
)
train_drop, val_drop = curves["loss"][1] - curves["loss"][-1], curves["val_loss"][1] - curves["val_loss"][-1]
claim(
    "from epoch 2 on, the validation loss falls much less than the training loss (less than two thirds as much)",
    f"{val_drop:.3f} vs {train_drop:.3f}",
    val_drop < 0.67 * train_drop,
)

# Section 7: save and reload
claim("the reloaded model predicts exactly the same", same, same)
claim("the reloaded model has 109,386 parameters", reloaded.count_params(), reloaded.count_params() == 109_386)

# Exercises (training-dependent verdicts: the solution cells print them, the claims hold them)
claim("exercise 4: one Dense(1) unit passes the check, so no LSTM is needed", sequence_verdict, sequence_verdict)
dense_held_out = ((np.asarray(dense_model(sequences[2000:])).ravel() > 0.5) == sum_labels[2000:]).mean()
claim(
    "exercise 4's solution gets above 95% of the held-out sequences right",
    f"{dense_held_out:.3f}",
    dense_held_out > 0.95,
)
claim("exercise 4's solution has 13 parameters", dense_model.count_params(), dense_model.count_params() == 13)
claim("exercise 5: the small CNN passes the check", small_model_verdict, small_model_verdict)
claim(
    "within 30,000 parameters an MLP has room for about 37 hidden units (29,425; 38 would not fit)",
    dense_params(784, 37) + dense_params(37, 10),
    dense_params(784, 37) + dense_params(37, 10) == 29_425 and dense_params(784, 38) + dense_params(38, 10) > 30_000,
)
claim(
    "exercise 2's model has 108,330 parameters, almost all in its Dense layer",
    conv_then_dense.count_params(),
    conv_then_dense.count_params() == 108_330 and conv_then_dense.layers[2].count_params() > 0.99 * 108_330,
)
pooled = my_model.layers[2].output.shape[1:]  # the maps after MaxPooling2D
claim("pooling halves each side of the 26×26 maps: 13·13·16 = 2,704 values", pooled, tuple(pooled) == (13, 13, 16))
claim(
    "the Dense layer shrinks to 27,050 parameters",
    my_model.layers[-1].count_params(),
    my_model.layers[-1].count_params() == dense_params(13 * 13 * 16, 10) == 27_050,
)
claim("exercise 5's CNN has 27,210 parameters", my_model.count_params(), my_model.count_params() == 27_210)
claim(
    "27,210 is a quarter of the MLP's 109,386 (within 1 point)",
    f"{27_210 / 109_386:.3f}",
    abs(my_model.count_params() / 109_386 - 0.25) < 0.01,
)
my_val_accuracy = my_history.history["val_accuracy"][-1]
claim("exercise 5's CNN reaches at least 92% validation accuracy", f"{my_val_accuracy:.3f}", my_val_accuracy >= 0.92)
