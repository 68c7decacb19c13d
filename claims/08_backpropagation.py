"""What 08_backpropagation states, checked after its last cell (names are the notebook's variables)."""
# ruff: noqa: F821

# Section 1: the chain rule by hand
claim("the forward pass gives e = −6, d = 4, L = −12", (e, d, L), (e, d, L) == (-6.0, 4.0, -12.0))
claim(
    "the backward pass gives ∂L/∂(a, b, c) = (9, −2, −3)",
    (dL_da, dL_db, dL_dc),
    (dL_da, dL_db, dL_dc) == (9.0, -2.0, -3.0),
)
claim(
    "finite differences agree with the hand-computed gradients",
    finite_differences,
    np.allclose(finite_differences, [dL_da, dL_db, dL_dc], rtol=0, atol=1e-6),
)
claim("GradientTape finds the hand-computed gradients exactly", tape_gradients, tape_gradients == [dL_da, dL_db, dL_dc])
claim(
    "101,770 parameters need 203,540 forward passes for one finite-difference gradient",
    2 * 101_770,
    2 * 101_770 == 203_540,
)

# Section 2: the Value class
claim(
    "Value gets the three hand-computed gradients",
    (va.grad, vb.grad, vc.grad),
    (va.grad, vb.grad, vc.grad) == (dL_da, dL_db, dL_dc),
)
value_gap = np.abs(np.array(ours) - theirs).max()
claim(
    "Value and GradientTape agree on the neuron to 12 digits",
    f"{value_gap:.1e}",
    np.allclose(ours, theirs, rtol=1e-12, atol=1e-15),
)
claim("the Value network's loss falls to below 0.05 in 100 steps", f"{value_losses[-1]:.4f}", value_losses[-1] < 0.05)
claim("the Value network gets every one of the 16 points right", value_correct, value_correct == 16)
claim("Keras takes as many steps as the Value network", len(keras_sign_losses), len(keras_sign_losses) == 100)
claim(
    "Keras's SGD and our Value network have the same loss at every step (within 1e-6)",
    f"{sign_loss_gap:.1e}",
    sign_loss_gap < 1e-6,
)
claim(
    "Keras's SGD and our Value network end with the same weights (up to float32 rounding, within 1e-4)",
    f"{sign_weight_gap:.1e}",
    sign_weight_gap < 1e-4,
)

# Section 3: the 2-3-2 network
claim(
    "finite differences give p − y at the output", numeric[0], np.allclose(numeric[0], P[0] - Y[0], rtol=0, atol=1e-8)
)
claim(
    "the small network has 17 parameters",
    sum(p.size for p in params.values()),
    sum(p.size for p in params.values()) == 17,
)
claim("the gradient check's relative errors are far below 1e-6", errors, max(errors.values()) < 1e-8)
claim("our gradients match Keras' within 1e-5", f"{largest:.1e}", largest < 1e-5)
loss_gap = abs(loss_now() - float(keras_loss))
claim("our loss and Keras' agree (within 1e-5)", f"{loss_gap:.1e}", loss_gap < 1e-5)

# Section 4: training from scratch
claim(
    "the 784-128-10 network has 101,770 parameters",
    sum(p.size for p in net.values()),
    sum(p.size for p in net.values()) == 101_770,
)
claim(
    "the loss starts near ln 10 (within 0.15)",
    f"{start_loss - np.log(10):+.3f}",
    abs(start_loss - np.log(10)) < 0.15,
)
for value, (_moved, spread, accuracy) in equal_starts.items():
    claim(f"from all weights {value} the hidden units stay identical", f"{spread:.1e}", spread < 1e-6)
    claim(f"from all weights {value} the network fails (test accuracy below 0.4)", f"{accuracy:.3f}", accuracy < 0.4)
claim("from all weights 0, W1 never moves", equal_starts[0.0][0], equal_starts[0.0][0] == 0)
digit_shares = np.bincount(y_test) / len(y_test)
claim(
    "from all weights 0 the network gives every image the same digit: its accuracy is that digit's share, about 10%",
    f"{equal_starts[0.0][2]:.4f}",
    0.09 < equal_starts[0.0][2] < 0.12 and np.isclose(equal_starts[0.0][2], digit_shares).any(),
)
claim("from all weights 0.01, W1 moves", equal_starts[0.01][0], equal_starts[0.01][0] > 0)
claim("our loop reaches at least 95% test accuracy", f"{numpy_accuracy:.4f}", numpy_accuracy >= 0.95)
claim("one epoch is 469 steps of 128 images", steps_per_epoch, BATCH_SIZE != 128 or steps_per_epoch == 469)
claim("the loop takes EPOCHS · steps_per_epoch steps", len(losses), len(losses) == EPOCHS * steps_per_epoch)
claim("our loop trains in seconds (under 30)", f"{watch.seconds:.1f} s", watch.seconds < 30)
claim("the loss starts near ln 10 (first batch above 2)", f"{losses[0]:.3f}", losses[0] > 2)
claim("the mean loss of the last 50 batches is below 0.2", f"{np.mean(losses[-50:]):.3f}", np.mean(losses[-50:]) < 0.2)
claim("the loss falls fast in the first hundred steps", f"{np.mean(losses[90:110]):.3f}", np.mean(losses[90:110]) < 0.6)
backward_ratio = backward_seconds / forward_seconds
claim(
    "a backward pass takes about as long as a forward pass (0.5 to 2 times)",
    f"{backward_ratio:.2f}",
    0.5 < backward_ratio < 2,
)

# Section 5: vanishing gradients
depth_ratio = sigmoid_norms[0] / sigmoid_norms[DEPTH - 1]
claim(
    "the first sigmoid layer's gradient is of the order of 0.25⁹ ≈ 4e-6 of the last one's (1e-7 to 1e-4)",
    f"{depth_ratio:.1e}",
    1e-7 < depth_ratio < 1e-4,
)
claim("each sigmoid layer multiplies the gradient by about 0.25 (0.2 to 0.3)", f"{shrink:.3f}", 0.2 < shrink < 0.3)
claim(
    "the mean sigmoid slope is just under 0.25 (above 0.2)",
    f"{min(slopes):.3f} to {max(slopes):.3f}",
    0.2 < min(slopes) and max(slopes) <= 0.25,
)
claim("0.25⁹ ≈ 4·10⁻⁶", f"{0.25**9:.2e}", abs(0.25**9 - 4e-6) < 3e-7)
claim("the ReLU stack's hidden-layer gradients are within a factor of 10", f"{relu_spread:.2f}", relu_spread < 10)

# Section 5: exploding gradients and the initial scale
claim(
    "with He's scale the gradient keeps its size from layer to layer (factor per layer 0.9 to 1.1)",
    f"{growth[1]:.3f}",
    0.9 < growth[1] < 1.1,
)
claim(
    "with half of He's scale the gradient about halves at every layer (0.42 to 0.58)",
    f"{growth[0.5]:.3f}",
    0.42 < growth[0.5] < 0.58,
)
claim(
    "with twice He's scale the gradient about doubles at every layer (1.8 to 2.25)",
    f"{growth[2]:.3f}",
    1.8 < growth[2] < 2.25,
)
explode_ratio = scaled_gradients[2][0] / scaled_gradients[2][-1]
claim(
    "with twice He's scale the first hidden layer gets about 2⁹ ≈ 500 times the last one's gradient (200 to 1500)",
    f"{explode_ratio:.0f}",
    200 < explode_ratio < 1500,
)
claim("2⁹ ≈ 500", 2**9, 2**9 == 512)
claim(
    "He's scale keeps the standard deviation of z over 50 ReLU layers (factor per layer 0.95 to 1.05)",
    f"{layer_factor[2]:.3f}",
    0.95 < layer_factor[2] < 1.05,
)
he_drift = z_stds[2][-1] / z_stds[2][0]
claim(
    "with He's scale layer 50's standard deviation stays near layer 1's (within a factor of 5)",
    f"{he_drift:.2f}",
    0.2 < he_drift < 5,
)
claim(
    "Var(w) = 1/n_in shrinks the standard deviation by about 1/√2 ≈ 0.71 per layer (within 0.05)",
    f"{layer_factor[1]:.3f}",
    abs(layer_factor[1] - np.sqrt(1 / 2)) < 0.05,
)
claim(
    "Var(w) = 4/n_in grows the standard deviation by about √2 ≈ 1.41 per layer (within 0.05)",
    f"{layer_factor[4]:.3f}",
    abs(layer_factor[4] - np.sqrt(2)) < 0.05,
)
claim(
    "with Var(w) = 1/n_in layer 50's standard deviation is less than a millionth of layer 1's",
    f"{z_stds[1][-1] / z_stds[1][0]:.1e}",
    z_stds[1][-1] / z_stds[1][0] < 1e-6,
)
claim(
    "with Var(w) = 4/n_in layer 50's standard deviation is more than a million times layer 1's",
    f"{z_stds[4][-1] / z_stds[4][0]:.1e}",
    z_stds[4][-1] / z_stds[4][0] > 1e6,
)
claim("Keras's Dense uses glorot_uniform by default", default_init, default_init == "GlorotUniform")
claim('kernel_initializer="he_normal" gives He\'s initialisation', relu_init, relu_init == "HeNormal")
# exercise 4, its solution: only W2 starts at zero, and the network still learns
claim(
    "with only W2 at zero the network learns: the check accepts its accuracy after one epoch (0.9 or more)",
    f"{zero_output_accuracy:.4f}, check says {zero_output_verdict}",
    zero_output_verdict.correct and zero_output_accuracy >= 0.9,
)
claim(
    "with only W2 at zero the network learns nearly as well as from a random start (within 3 points of section 4)",
    f"{zero_output_accuracy:.4f} against {numpy_accuracy:.4f}",
    zero_output_accuracy > numpy_accuracy - 0.03,
)
claim("√(3/2) ≈ 1.22", f"{np.sqrt(3 / 2):.3f}", abs(np.sqrt(3 / 2) - 1.22) < 0.005)
