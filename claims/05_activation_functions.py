"""What 05_activation_functions states, checked after its last cell (names are the notebook's variables)."""

with np.errstate(over="ignore"):
    naive_limit = notes_sigmoid(-1000.0)
claim("the notes' one-line sigmoid still returns the right limit, 0, at z = -1000", naive_limit, naive_limit == 0)
with np.errstate(over="raise"):
    safe_limits = (float(sigmoid(-1000.0)), float(sigmoid(1000.0)))
claim("the saved sigmoid gives 0 and 1 at z = -1000 and 1000 without overflowing", safe_limits, safe_limits == (0, 1))
claim(
    "our sigmoid gives the notes' formula's values on the grid",
    f"{np.abs(sigmoid(z) - notes_sigmoid(z)).max():.1e}",
    np.allclose(sigmoid(z), notes_sigmoid(z), rtol=1e-12, atol=0),
)
claim(
    "on the grid sigmoid stays inside (0, 1)",
    f"{sigmoid(z).min():.3g} .. {sigmoid(z).max():.12f}",
    np.all((sigmoid(z) > 0) & (sigmoid(z) < 1)),
)
claim(
    "on the grid tanh stays inside (-1, 1)",
    f"{tanh(z).min():.12f} .. {tanh(z).max():.12f}",
    np.all((tanh(z) > -1) & (tanh(z) < 1)),
)
claim("ReLU is 0 or more on the grid and reaches 10", relu(z).max(), np.all(relu(z) >= 0) and relu(z).max() == 10)
claim("Leaky ReLU with slope 0.1 gives -1 at z = -10", leaky_relu(-10.0), leaky_relu(-10.0) == -1.0)
claim("sigmoid(40) rounds to exactly 1 in float64", sigmoid(40.0), sigmoid(40.0) == 1)
claim("sigmoid(17) rounds to exactly 1 in float32", sigmoid(np.float32(17)), sigmoid(np.float32(17)) == 1)
claim("sigmoid(17) does not round to 1 in float64", 1 - sigmoid(17.0), sigmoid(17.0) < 1)
for name, difference in keras_difference.items():
    claim(f"our {name} and Keras' differ by about 1e-7 at most (below 1e-6) in float32", difference, difference < 1e-6)
claim("keras.layers.LeakyReLU defaults to a slope of 0.3", layer_default, layer_default == 0.3)
claim("keras.activations.leaky_relu defaults to a slope of 0.2", function_default, function_default == 0.2)
claim(
    "our Leaky ReLU with slope 0.3 equals Keras' default layer",
    leaky_difference[0.3, "LeakyReLU()"],
    leaky_difference[0.3, "LeakyReLU()"] < 1e-6,
)
claim(
    "our Leaky ReLU with slope 0.1 equals LeakyReLU(negative_slope=0.1)",
    leaky_difference[0.1, "LeakyReLU(0.1)"],
    leaky_difference[0.1, "LeakyReLU(0.1)"] < 1e-6,
)
claim(
    "the lecture notes' slope 0.1 and Keras' default differ by 1.2 at z = -6",
    leaky_difference[0.1, "LeakyReLU()"],
    np.isclose(leaky_difference[0.1, "LeakyReLU()"], 1.2, atol=1e-5),
)
claim(
    "the linear network has 3 layers and 337 parameters", deep_linear.count_params(), deep_linear.count_params() == 337
)
claim("collapse gives one layer of 3 parameters, W (2, 1) and b (1,)", (W.shape, b.shape), W.size + b.size == 3)
collapse_difference = np.abs(network_out - (x @ W + b)).max()
claim(
    "the one collapsed layer gives the network's outputs on 256 inputs", collapse_difference, collapse_difference < 1e-5
)
claim("no line gets more than 3 of the 4 XOR points right", best_line, best_line == 0.75)
claim("the random linear stack gets at most 3 of the 4 XOR points right", linear_correct, linear_correct <= 3)
claim(
    "one ReLU hidden layer of 2 units outputs XOR exactly",
    relu_network(xor_x),
    np.array_equal(relu_network(xor_x), xor_y),
)
claim(
    "sigmoid's largest slope is 0.25, at z = 0",
    f"{slopes.max()} at {z[slopes.argmax()]}",
    slopes.max() == 0.25 and z[slopes.argmax()] == 0,
)
claim("sigmoid's slope at z = 5 is below 0.007", sigmoid_derivative(5.0), sigmoid_derivative(5.0) < 0.007)
claim(
    "tanh's slope peaks at 1, at z = 0",
    tanh_derivative(z).max(),
    tanh_derivative(0.0) == 1.0 == tanh_derivative(z).max(),
)
claim("0.25 to the 10th is less than one millionth", 0.25**10, 0.25**10 < 1e-6)
claim("with biases 0 no unit is dead", dead_units(z_healthy).sum(), dead_units(z_healthy).sum() == 0)
claim("with biases -3 many of the 50 units die (at least 20)", dead.sum(), dead.sum() >= 20)
claim("every dead ReLU unit gets an all-zero weight gradient", dead.sum(), np.all(grad_relu[:, dead] == 0))
claim("no live ReLU unit gets a zero weight gradient", (~dead).sum(), np.all(grad_relu[:, ~dead] != 0))
claim(
    "with Leaky ReLU every unit gets a gradient",
    np.sum(np.all(grad_leaky == 0, axis=0)),
    not np.any(np.all(grad_leaky == 0, axis=0)),
)
claim("larger inputs bring some dead units back", revived.sum(), revived.sum() >= 1)
