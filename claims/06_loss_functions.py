"""What 06_loss_functions states, checked after its last cell (names are the notebook's variables)."""

claim("the lecture notes' MSE is 0.35 / 3 = 0.116667", f"{mse:.6f}", round(mse, 6) == 0.116667)
claim(
    "our mean_squared_error gives the lecture notes' MSE",
    mean_squared_error(y_true, y_pred),
    mean_squared_error(y_true, y_pred) == mse,
)
claim("Keras' MSE agrees to about 7 digits", f"{keras_mse - mse:.1e}", abs(keras_mse - mse) < 1e-6)
claim("the MAE of the example is 0.3", mae, np.isclose(mae, 0.3))
claim("Keras' MAE agrees", f"{keras_mae - mae:.1e}", abs(keras_mae - mae) < 1e-6)
claim("one prediction off by 5 multiplies the MSE by more than 70", mse_growth, mse_growth > 70)
claim("one prediction off by 5 multiplies the MAE by 6", mae_growth, np.isclose(mae_growth, 6))
claim("the hesitant answer (0.6 for a 1) costs most", per_sample.round(4), per_sample.argmax() == 2)
claim("the confident right answer (0.99 for a 1) costs almost nothing", per_sample.min(), per_sample.min() < 0.011)
claim("Keras' binary cross-entropy agrees with ours", f"{keras_bce - bce:.1e}", abs(keras_bce - bce) < 1e-6)
claim("sigmoid(17) rounds to exactly 1 in float32", sigmoid(np.float32(17)), sigmoid(np.float32(17)) == 1)
claim(
    "sigmoid rounds to exactly 0 below about z = -104 in float32, not before",
    (float(sigmoid(np.float32(-100))), float(sigmoid(np.float32(-104.5)))),
    sigmoid(np.float32(-100)) > 0 and sigmoid(np.float32(-104.5)) == 0,
)
claim("a confident right answer with p exactly 1 gives nan", right, np.isnan(right))
claim("a confident wrong answer with p exactly 0 gives infinity", wrong, wrong == np.inf)
(naive, naive_grad), (clipped, clipped_grad), (keras_p, keras_p_grad), (logits, logits_grad) = results.values()
claim("float32's sigmoid of -120 is exactly 0", float(p_exact), float(p_exact) == 0)
claim(
    "-log p as written: infinite loss and nan gradient", (naive, naive_grad), naive == np.inf and np.isnan(naive_grad)
)
claim("Keras' epsilon is 1e-7", keras.config.epsilon(), keras.config.epsilon() == 1e-7)
claim(
    "clipping gives -log 1e-7, about 16.1, with a gradient of exactly 0",
    (clipped, clipped_grad),
    np.isclose(clipped, -np.log(1e-7), rtol=1e-5) and round(clipped, 1) == 16.1 and clipped_grad == 0,
)
claim(
    "Keras' BinaryCrossentropy on p clips the same way: flat",
    (keras_p, keras_p_grad),
    np.isclose(keras_p, clipped, rtol=1e-5) and keras_p_grad == 0,
)
claim(
    "from the logit the loss is exactly 120 and the gradient p - y = -1",
    (logits, logits_grad),
    logits == 120 and logits_grad == -1,
)
tf_sigmoid_edge = (float(tf.sigmoid(np.float32(-86.0))), float(tf.sigmoid(np.float32(-88.5))))
claim(
    "TensorFlow's float32 sigmoid is exactly 0 already below about -88 (not yet at -86)",
    tf_sigmoid_edge,
    tf_sigmoid_edge[0] > 0 and tf_sigmoid_edge[1] == 0,
)
claim(
    "the Dense sigmoid layer's probability is exactly 0 and carries its logit",
    (float(p_layer[0, 0]), hasattr(p_layer, "_keras_logits")),
    float(p_layer[0, 0]) == 0 and hasattr(p_layer, "_keras_logits"),
)
(layer_loss, layer_grad), (reshaped_loss, reshaped_grad) = layer_results.values()
claim(
    "through a Dense sigmoid layer Keras' loss is the honest 120 and dL/dw is -1",
    (layer_loss, layer_grad),
    np.isclose(layer_loss, 120, rtol=1e-6) and layer_grad == -1,
)
claim(
    "after one reshape between layer and loss: the clipped 16.1 and a gradient of 0",
    (reshaped_loss, reshaped_grad),
    np.isclose(reshaped_loss, clipped, rtol=1e-5) and round(reshaped_loss, 1) == 16.1 and reshaped_grad == 0,
)
claim("every probability row sums to 1", probs.sum(axis=1), np.allclose(probs.sum(axis=1), 1))
claim("Keras' categorical cross-entropy agrees with ours", f"{keras_cce - cce:.1e}", abs(keras_cce - cce) < 1e-6)
claim("Keras' sparse categorical cross-entropy agrees", f"{keras_sparse - cce:.1e}", abs(keras_sparse - cce) < 1e-6)
grid = np.linspace(0, 1, 101)
claim("the MSE of a probability never exceeds 1", ((1 - grid) ** 2).max(), np.all((1 - grid) ** 2 <= 1))
claim("at p = 0.01 cross-entropy's gradient is 0.99", grad_ce, np.isclose(grad_ce, 0.99))
claim("at p = 0.01 MSE's gradient is below 0.02", grad_mse, grad_mse < 0.02)
claim("at p = 0.01 MSE's gradient is more than 50 times weaker", grad_ce / grad_mse, grad_ce / grad_mse > 50)
claim(
    "started confidently wrong, cross-entropy reaches at least 90% training accuracy in 30 steps",
    accuracy["cross_entropy"],
    accuracy["cross_entropy"] >= 0.9,
)
claim("started confidently wrong, MSE stays below 20% training accuracy", accuracy["mse"], accuracy["mse"] <= 0.2)
