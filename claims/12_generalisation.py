"""What 12_generalisation states, checked after its last cell (names are the notebook's variables)."""

# 1. A small training set
claim(
    "the small set has N_SMALL images and the validation set 6,000",
    f"{x_small.shape}, {x_val.shape}",
    x_small.shape == (N_SMALL, 784) and x_val.shape == (6_000, 784),
)
claim("each digit has at least 60 of the 1,000 images", f"{digit_counts.min()}", digit_counts.min() >= 0.06 * N_SMALL)

# 2. Overfitting on purpose
claim(
    "the baseline has (784 + 1)·256 + (256 + 1)·10 = 203,530 parameters, about 200 per training image",
    f"{baseline.count_params():,}",
    baseline.count_params() == (784 + 1) * 256 + (256 + 1) * 10 == 203_530,
)
claim(
    "within 15 epochs the network gets every training image right",
    f"epoch {first_perfect}, final {curves['accuracy'][-1]:.4f}",
    curves["accuracy"][-1] >= 0.999 and first_perfect <= 15,
)
claim(
    "on the validation images it stays near 91% (between 90% and 93%)",
    f"{curves['val_accuracy'][-1]:.4f}",
    0.90 <= curves["val_accuracy"][-1] <= 0.93,
)
claim("the gap is about 9 points (7 to 10)", f"{gap[-1]:.4f}", 0.07 <= gap[-1] <= 0.10)
claim("the validation loss is lowest early (by epoch 15)", f"epoch {best}", best <= 15)
claim(
    "the validation loss ends above its minimum (at least 2% higher)",
    f"{baseline_rise:.1%}",
    baseline_rise >= 0.02,
)
claim(
    "validation accuracy does not drop during the climb (at most half a point below its value at the minimum)",
    f"{curves['val_accuracy'][best - 1]:.4f} -> {curves['val_accuracy'][-1]:.4f}",
    curves["val_accuracy"][-1] >= curves["val_accuracy"][best - 1] - 0.005,
)

# 3. More data
claim("every doubling of the data narrows the gap", f"{np.round(gap_by_size, 4)}", all(np.diff(gap_by_size) < 0))
claim(
    "with 8,000 images the gap is down to a point or two (at most 3 points)",
    f"{gap_by_size[-1]:.4f}",
    gap_by_size[-1] <= 0.03,
)
claim(
    "with 8,000 images validation accuracy is several points (at least 2.5) above the 1,000-image network's",
    f"{val_by_size[0]:.4f} -> {val_by_size[-1]:.4f}",
    val_by_size[-1] - val_by_size[0] >= 0.025,
)

# 4. Capacity
claim(
    "4 hidden units get at most 90% of the training images right", f"{train_by_width[0]:.4f}", train_by_width[0] <= 0.9
)
claim("with 4 hidden units validation accuracy stays below 85%", f"{val_by_width[0]:.4f}", val_by_width[0] < 0.85)
claim(
    "from 64 units on, every network gets at least 998 of its 1,000 images right",
    f"{np.round(train_by_width[2:], 4)}",
    all(t >= 0.998 for t in train_by_width[2:]),
)
claim(
    "from 64 units on, every network is at least 7 points lower on the validation set",
    f"{[round(t - v, 4) for t, v in zip(train_by_width[2:], val_by_width[2:])]}",
    all(t - v >= 0.07 for t, v in zip(train_by_width[2:], val_by_width[2:])),
)
claim(
    "going from 64 to 256 units did not make validation accuracy worse",
    f"{val_by_width[2]:.4f} -> {val_by_width[3]:.4f}",
    val_by_width[3] >= val_by_width[2],
)

# 5. L2 and dropout
claim(
    "with L2 the hidden weights end up at most half as large",
    f"{l2_norm / baseline_norm:.3f}",
    l2_norm <= 0.5 * baseline_norm,
)
claim(
    "with L2 the validation loss climbs less than half as far after its minimum",
    f"{rise['L2 (0.001)']:.4f} vs {rise['no regulariser']:.4f}",
    rise["L2 (0.001)"] <= 0.5 * rise["no regulariser"],
)
claim(
    "with dropout the validation loss ends lower than without a regulariser",
    f"{val_cross_entropy['dropout (0.5)'][-1]:.4f} vs {val_cross_entropy['no regulariser'][-1]:.4f}",
    val_cross_entropy["dropout (0.5)"][-1] < val_cross_entropy["no regulariser"][-1],
)

# 6. Early stopping, checkpoints and logs
claim(
    "fit stopped exactly 5 epochs after the best one, before EPOCHS",
    f"best {early_best}, ran {early_epochs}",
    early_epochs == early_best + 5 < EPOCHS,
)
claim(
    "the restored model gives back the best epoch's validation loss",
    f"{early_val_loss:.5f} vs {min(early_history.history['val_loss']):.5f}",
    np.isclose(early_val_loss, min(early_history.history["val_loss"]), atol=1e-4),
)
claim(
    "the reloaded checkpoint has the same accuracy and loss",
    f"{reloaded_val_accuracy} vs {early_val_accuracy}",
    reloaded_val_accuracy == early_val_accuracy and np.isclose(reloaded_val_loss, early_val_loss, atol=1e-6),
)
logged_steps, logged_val_loss = scalars["epoch_val_loss"]
claim(
    "the event files hold exactly what fit recorded, one value per epoch",
    f"{len(logged_steps)} steps",
    list(logged_steps) == list(range(early_epochs)) and np.allclose(logged_val_loss, early_history.history["val_loss"]),
)

# 7. Choosing on the validation set
base = results["none"]
claim(
    "every regulariser ends with a lower validation cross-entropy than no regulariser",
    f"{ {name: round(r['val_loss'], 4) for name, r in results.items()} }",
    all(r["val_loss"] < base["val_loss"] for name, r in results.items() if name != "none"),
)
claim(
    "the regularisers land within about a point of no regulariser's validation accuracy (at most 1.5 points)",
    f"{ {name: round(r['val'] - base['val'], 4) for name, r in results.items()} }",
    all(abs(r["val"] - base["val"]) <= 0.015 for r in results.values()),
)
claim(
    "with L2 and dropout the gap stays about as wide as without (within 2 points)",
    f"{ {name: round(r['gap'], 4) for name, r in results.items()} }",
    all(abs(results[name]["gap"] - base["gap"]) <= 0.02 for name in ("L2 (0.001)", "dropout (0.5)")),
)
claim(
    "L2 and dropout still fit all 1,000 training images (at least 99.8%)",
    f"{results['L2 (0.001)']['train']:.4f}, {results['dropout (0.5)']['train']:.4f}",
    min(results["L2 (0.001)"]["train"], results["dropout (0.5)"]["train"]) >= 0.998,
)
claim(
    "early stopping gets within a point of no regulariser's accuracy in fewer epochs (at most 20)",
    f"{results['early stopping']['val'] - base['val']:+.4f} in {results['early stopping']['epochs']} epochs",
    results["early stopping"]["val"] >= base["val"] - 0.01 and results["early stopping"]["epochs"] <= 20 < EPOCHS,
)
claim(
    "8 times more data beats every regulariser by at least 2 points",
    f"{val_by_size[-1]:.4f} vs {max(r['val'] for r in results.values()):.4f}",
    val_by_size[-1] >= max(r["val"] for r in results.values()) + 0.02,
)

# 8. The test set, once
claim(
    "the test accuracy lands within 2.5 points of the validation estimate",
    f"{test_accuracy:.4f} vs {results[chosen]['val']:.4f}",
    abs(test_accuracy - results[chosen]["val"]) <= 0.025,
)
claim("the test accuracy is 89.5% or more", f"{test_accuracy:.4f}", test_accuracy >= 0.895)
