"""What 07_gradient_descent states, checked after its last cell (names are the notebook's variables)."""
# ruff: noqa: F821

import inspect

from keras.src.trainers.epoch_iterator import EpochIterator  # what fit uses to cut an epoch into batches

from course_utils.exercises.gradient_descent import steps_to_floor

# Section 2: the lecture notes' simulation and its closed form
claim(
    "the loop and 8·0.8^k agree at every step",
    f"{np.abs(np.array(x_history) - closed_form).max():.1e}",
    np.allclose(x_history, closed_form, rtol=1e-12, atol=0),
)
claim("the lecture notes' run ends at x_15 ≈ 0.281", f"{x_history[-1]:.4f}", round(x_history[-1], 3) == 0.281)
claim(
    "gradient_descent repeats the lecture notes' loop exactly",
    f"{np.abs(notes_run - x_history).max()}",
    np.array_equal(notes_run, x_history),
)
bowl_factors = bowl_run[1:] / bowl_run[:-1]
claim(
    "on the bowl each step multiplies w1 by 0.9 and w2 by 0.5",
    f"{bowl_factors.min(axis=0)}, {bowl_factors.max(axis=0)}",
    np.allclose(bowl_factors, [0.9, 0.5]),
)

# Section 3: the learning rate
behaviours = {eta: classify_run(run) for eta, run in runs.items()}
claim(
    "0.01 crawls, 0.1 converges, 0.95 oscillates, 1.05 diverges",
    behaviours,
    behaviours == {0.01: "crawls", 0.1: "converges", 0.95: "oscillates", 1.05: "diverges"},
)
claim("η = 0.5 lands exactly on the minimum in one step", one_step.tolist(), one_step[1] == 0)
claim("η = 1 bounces between 8 and −8", bounce.tolist(), bounce.tolist() == [8, -8, 8, -8, 8])
claim(
    "every η between 0 and 1 has a factor |1 − 2η| < 1 (converges)",
    "0.01..0.99",
    all(abs(1 - 2 * eta) < 1 for eta in np.linspace(0.01, 0.99, 99)),
)
claim(
    "every η > 1 has a factor |1 − 2η| > 1 (diverges)",
    "1.01, 1.5, 3",
    all(abs(1 - 2 * eta) > 1 for eta in (1.01, 1.5, 3)),
)
slider_behaviour = [behaviour[eta] for eta in slider_values]
claim(
    "on the slider: 0.01-0.09 crawls, 0.10-0.50 converges, 0.51-1.00 oscillates, 1.01-1.05 diverges",
    slider_ranges,
    slider_behaviour == ["crawls"] * 9 + ["converges"] * 41 + ["oscillates"] * 50 + ["diverges"] * 5,
)
oscillating = {eta: gradient_descent(lambda x: 2 * x, 8.0, eta, 15) for eta in (0.51, 0.99, 1.0)}
claim(
    "an oscillating run settles quickly just above 0.5, slowly towards 1, never at 1",
    {eta: f"{abs(run[-1]):.2g}" for eta, run in oscillating.items()},
    abs(oscillating[0.51][-1]) < 1e-6 < 0.5 < abs(oscillating[0.99][-1]) < abs(oscillating[1.0][-1]) == 8,
)

# Section 4: GradientTape
claim("GradientTape gives dL/dx = 16 at x = 8", float(grad_at_8), float(grad_at_8) == 16.0)
claim("GradientTape and Keras SGD follow the loop's path to about 6 digits", f"{path_gap:.1e}", path_gap < 1e-5)

# Section 5: the line fit
tape_gap = np.abs(np.array(tape_grad) - line_gradient([0.5, -1.0])).max()
claim("GradientTape finds the same line gradient as the formulas", f"{tape_gap:.1e}", tape_gap < 1e-10)
claim("gradient descent recovers the slope within 0.2 of 3", f"{w_fit:.3f}", abs(w_fit - 3) < 0.2)
claim("gradient descent recovers the intercept within 0.2 of 2", f"{b_fit:.3f}", abs(b_fit - 2) < 0.2)
polyfit_gap = max(abs(w_fit - slope), abs(b_fit - intercept))
claim("gradient descent agrees with np.polyfit to 3 decimals", f"{polyfit_gap:.1e}", polyfit_gap < 1e-3)
claim("the loss is within 1% of its final value in fewer than 100 steps", settled, settled < 100)
claim("the line fit's loss stops near the noise variance 0.25", f"{line_losses[-1]:.4f}", 0.15 < line_losses[-1] < 0.35)
claim(
    "the loss drops fast in the first tens of steps (below a tenth of the start after 30)",
    f"{line_losses[0]:.3f} -> {line_losses[30]:.3f}",
    line_losses[30] < 0.1 * line_losses[0],
)

# Solution of exercise 3
floor_steps = {eta: steps_to_floor(x_data, y_data, eta) for eta in (0.01, 0.1, 0.5, 0.9, 1.1)}
claim(
    "exercise 3: 0.01 and 1.1 never reach the floor in 300 steps",
    floor_steps,
    floor_steps[0.01] is None and floor_steps[1.1] is None,
)
claim(
    "exercise 3: 0.5 needs the fewest steps, 0.9 more, 0.1 more still",
    floor_steps,
    floor_steps[0.5] < floor_steps[0.9] < floor_steps[0.1],
)

# Section 6: mini-batch SGD (10 epochs, η = 0.1)
sgd_ratio = {size: losses / least_squares_loss for size, (losses, steps) in sgd_runs.items()}
sgd_steps = {size: steps for size, (losses, steps) in sgd_runs.items()}
claim(
    "10 epochs on 100 points take 1000, 100 and 10 steps for batch sizes 1, 10, 100",
    sgd_steps,
    sgd_steps == {1: 1000, 10: 100, 100: 10},
)
claim(
    "the full batch is still far above the floor after 10 epochs (more than 3 times)",
    f"{sgd_ratio[100][-1]:.3f}",
    sgd_ratio[100][-1] > 3,
)
claim(
    "the full batch's loss falls at every epoch",
    f"{np.diff(sgd_runs[100][0]).max():.3f}",
    np.all(np.diff(sgd_runs[100][0]) < 0),
)
claim("batches of 10 reach the floor after 10 epochs (within 2%)", f"{sgd_ratio[10][-1]:.4f}", sgd_ratio[10][-1] < 1.02)
sgd_reached = int(np.argmax(sgd_ratio[10] < 1.05))
claim(
    "batches of 10 reach the floor within a few epochs (within 5% by epoch 8, and stay)",
    sgd_reached,
    sgd_ratio[10][sgd_reached] < 1.05 and sgd_reached <= 8 and np.all(sgd_ratio[10][sgd_reached:] < 1.05),
)
claim(
    "batch size 1 drops close to the floor in the first epoch (below 2.5 times), lower than the others",
    {size: f"{ratio[1]:.2f}" for size, ratio in sgd_ratio.items()},
    sgd_ratio[1][1] < 2.5 and sgd_ratio[1][1] < sgd_ratio[10][1] < sgd_ratio[100][1],
)
sgd_rises = int(np.sum(np.diff(sgd_runs[1][0]) > 0))
claim("batch size 1's loss goes up in some epochs", sgd_rises, sgd_rises >= 1)

# Section 2's note on Keras' epochs: fit's default batches of 32, and shuffling
keras_batches = {size: EpochIterator(x=x_data[:, None], y=y_data, batch_size=size).num_batches for size in (None, 100)}
claim(
    "Keras' fit cuts 100 samples into ceil(100/32) = 4 batches by default, 1 with the whole dataset as one batch",
    keras_batches,
    keras_batches == {None: 4, 100: 1},
)
keras_shuffle = inspect.signature(keras.Model.fit).parameters["shuffle"].default
claim("Keras' fit shuffles every epoch by default", keras_shuffle, keras_shuffle is True)

# Solution of exercise 4 (the exercise asks for at most 8 steps)
fast_fit_steps = {
    "0.75": steps_to_floor(x_data, y_data, 0.75),
    "(1.5, 0.5)": steps_to_floor(x_data, y_data, np.array([1.5, 0.5])),
}
claim(
    "exercise 4: learning rate 0.75 reaches the floor in at most 8 steps", fast_fit_steps, fast_fit_steps["0.75"] <= 8
)
claim(
    "exercise 4: (1.5, 0.5) reaches the floor in fewer steps than 0.75, at most 4",
    fast_fit_steps,
    fast_fit_steps["(1.5, 0.5)"] <= 4 and fast_fit_steps["(1.5, 0.5)"] < fast_fit_steps["0.75"],
)
