"""What 13_frameworks states, checked after its last cell (names are the notebook's variables)."""

# ruff: noqa: F821 (claim() and the notebook's variables are in scope when the claims run)

# 1. TensorFlow
claim("TensorFlow adds the constants 2 and 3 to 5", int(addition), int(addition) == 5)
claim("m @ m is [[7, 10], [15, 22]]", (m @ m).numpy().tolist(), (m @ m).numpy().tolist() == [[7.0, 10.0], [15.0, 22.0]])
claim("TensorFlow's tape gives f'(2) = 7", float(dy_dx), float(dy_dx) == 7.0)
claim("the traced graph of f gives f(2) = 12", float(poly(tf.constant(2.0))), float(poly(tf.constant(2.0))) == 12.0)

# 2. Keras
claim(
    "the lecture notes' model has 6,464 + 650 = 7,114 parameters, as Keras counts",
    f"{hidden} + {output}, Keras {model.count_params()}",
    hidden == 6464 and output == 650 and model.count_params() == hidden + output == 7114,
)
claim("Keras computes with TensorFlow", keras.backend.backend(), keras.backend.backend() == "tensorflow")

# 3. PyTorch and 4. JAX
claim("PyTorch's backward() gives f'(2) = 7", torch_gradient.item(), torch_gradient.item() == 7.0)
claim(
    "y.grad_fn, the last operation PyTorch recorded, is an addition", last_operation, last_operation == "AddBackward0"
)
claim("JAX's grad gives f'(2) = 7", float(df(2.0)), float(df(2.0)) == 7.0)
claim("jit(f)(2) = 12", value, value == 12.0)
claim("vmap(df) at 0, 1, 2, 3 gives 3, 5, 7, 9", df_batch.tolist(), df_batch.tolist() == [3.0, 5.0, 7.0, 9.0])

# 5. MXNet
numpy_here = tuple(int(part) for part in attempt.numpy_version.split(".")[:2])
claim(
    "MXNet 1.9.1 fails to import with an AttributeError next to this kernel's NumPy (1.24 or newer)",
    f"NumPy {attempt.numpy_version}: {attempt.error}",
    numpy_here >= (1, 24) and attempt.error is not None and attempt.error.startswith("AttributeError"),
)
claim(
    "next to NumPy 2, MXNet's import stops at np.PZERO",
    f"NumPy {attempt.numpy_version}: {attempt.code}",
    numpy_here < (2, 0) or "PZERO" in attempt.code,
)
claim("MXNet declares that it needs a NumPy below 2.0", package.requires, "numpy<2.0.0,>1.16.0" in package.requires)
claim("the legacy environment holds MXNet 1.9.1", package.version, package.version == "1.9.1")
claim(
    "the legacy environment's NumPy is 1.23.5, the last release before 1.24",
    result.value["numpy"],
    result.value["numpy"] == "1.23.5",
)
numpy_legacy = tuple(int(part) for part in result.value["numpy"].split(".")[:2])
claim(
    "MXNet's autograd gives f'(2) = 7, in its legacy environment with a NumPy older than 1.24",
    f"{result.value['gradient']} with NumPy {result.value['numpy']}",
    result.value["gradient"] == 7.0 and numpy_legacy < (1, 24),
)

# 6. One task in five frameworks
claim("all five frameworks fit the line", sorted(results), len(results) == 5)
claim("every framework recovers w and b within 0.05 of (3, 2)", f"{from_truth:.4f}", from_truth < 0.05)
claim("all five agree with the least-squares line within 0.001", f"{from_exact:.2e}", from_exact < 1e-3)
claim("Keras needs the fewest lines of code", f"{fewest} ({results[fewest][2]})", fewest == "Keras")

# exercise 3, its solution: which of the four learning rates recover the line in STEPS steps
claim(
    "0.5 and 0.9 recover the line; with 1.1 and 1.5 w and b do not (0.9 is the largest that works)",
    recovered,
    recovered == {0.5: True, 0.9: True, 1.1: False, 1.5: False},
)
unstable_fit = fit_line_torch if torch else fit_line_tensorflow  # the solution's fit
unstable = [unstable_fit(x_line, y_line, STEPS, rate) for rate in (1.1, 1.5)]
claim(
    "with 1.1 and 1.5, w and b grow without bound (beyond 1,000) or become nan",
    unstable,
    all(not np.isfinite([w, b]).all() or min(abs(w), abs(b)) > 1e3 for w, b in unstable),
)

# exercise 4, its solution: the tape-trained network follows sin(3x)
curve_x = np.linspace(-1, 1, 201, dtype="float32")
curve_mse = float(np.mean((network(tf.reshape(curve_x, (-1, 1))).numpy().ravel() - np.sin(3 * curve_x)) ** 2))
claim(
    "the solution's network follows sin(3x) with a mean squared error below the target 0.001",
    f"{curve_mse:.2e}, check says {curve_fit_verdict}",
    curve_mse < 1e-3 and curve_fit_verdict.correct,
)
