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
    "within 12 epochs the network gets every training image right, and stays there (to within 2 images)",
    f"epoch {first_perfect}, final {curves['accuracy'][-1]:.4f}",
    curves["accuracy"][-1] >= 0.998 and first_perfect <= 12,
)
claim(
    "on the validation images it stays near 91% (between 90% and 93%)",
    f"{curves['val_accuracy'][-1]:.4f}",
    0.90 <= curves["val_accuracy"][-1] <= 0.93,
)
claim("the gap is about 9 points (7 to 10)", f"{gap[-1]:.4f}", 0.07 <= gap[-1] <= 0.10)
claim("the validation loss is lowest early (by epoch 12)", f"epoch {best}", best <= 12)
claim(
    "the validation loss ends at least 30% above its minimum (the printed rise)",
    f"{baseline_rise:.1%}",
    baseline_rise >= 0.30,
)
claim(
    "validation accuracy does not fall with the climb (ends at most a point below its value at the minimum)",
    f"{curves['val_accuracy'][best - 1]:.4f} -> {curves['val_accuracy'][-1]:.4f}",
    curves["val_accuracy"][-1] >= curves["val_accuracy"][best - 1] - 0.01,
)

# 3. More data
claim(
    "every network of section 3 gets 240 updates, 240 batches of 100; the larger sets are seen in 12, 6 and 3 epochs",
    f"{EPOCHS * N_SMALL // 100} updates; epochs {[max(1, EPOCHS * N_SMALL // n) for n in sizes[1:]]}",
    EPOCHS * N_SMALL // 100 == 240 and [max(1, EPOCHS * N_SMALL // n) for n in sizes[1:]] == [12, 6, 3],
)
claim("every doubling of the data narrows the gap", f"{np.round(gap_by_size, 4)}", all(np.diff(gap_by_size) < 0))
claim(
    "with 8,000 images the gap is down to a point or two (at most 3 points)",
    f"{gap_by_size[-1]:.4f}",
    gap_by_size[-1] <= 0.03,
)
claim(
    "with 8,000 images validation accuracy is at least 2 points above the 1,000-image network's",
    f"{val_by_size[0]:.4f} -> {val_by_size[-1]:.4f}",
    val_by_size[-1] - val_by_size[0] >= 0.02,
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
    "going from 64 to 256 units did not lower validation accuracy by more than half a point",
    f"{val_by_width[2]:.4f} -> {val_by_width[3]:.4f}",
    val_by_width[3] >= val_by_width[2] - 0.005,
)

# 5. L2 weight decay
claim(
    "our penalty and Keras's give the same loss and the same gradients",
    f"{float(loss_by_hand):.6f} vs {float(loss_by_keras):.6f}, gradients differ by {gradient_difference}",
    abs(float(loss_by_hand) - float(loss_by_keras)) <= 1e-6 and gradient_difference <= 1e-6,
)
claim("the penalty's gradient is 2·λ·w", f"{decay_matches}", bool(decay_matches))
claim(
    "the stronger λ, the smaller the hidden weights, all below the unpenalised network's",
    f"{np.round(norm_by_strength, 2)} vs {baseline_norm:.2f}",
    all(np.diff(norm_by_strength) < 0) and norm_by_strength[0] < baseline_norm,
)
claim(
    "at λ = 0.01 the hidden weights are less than a quarter of the unpenalised network's",
    f"{norm_by_strength[-1] / baseline_norm:.3f}",
    norm_by_strength[-1] <= 0.25 * baseline_norm,
)
claim(
    "up to λ = 0.001 the network still gets almost all its training images right (at least 98%)",
    f"{np.round(train_by_strength[:2], 4)}",
    min(train_by_strength[:2]) >= 0.98,
)
claim(
    "up to λ = 0.001 validation accuracy stays within 2 points of the unpenalised network's",
    f"{[round(v - curves['val_accuracy'][-1], 4) for v in val_by_strength[:2]]}",
    all(abs(v - curves["val_accuracy"][-1]) <= 0.02 for v in val_by_strength[:2]),
)
claim(
    "at λ = 0.01 the network no longer gets every training image right",
    f"{train_by_strength[-1]:.4f}",
    train_by_strength[-1] <= 0.999,
)
claim(
    "at λ = 0.01 validation accuracy does not rise (at most half a point above the unpenalised network's)",
    f"{val_by_strength[-1] - curves['val_accuracy'][-1]:+.4f}",
    val_by_strength[-1] <= curves["val_accuracy"][-1] + 0.005,
)
claim(
    "L2 does not raise validation accuracy by more than a point and a half, at any strength",
    f"{max(val_by_strength) - curves['val_accuracy'][-1]:+.4f}",
    max(val_by_strength) <= curves["val_accuracy"][-1] + 0.015,
)
claim(
    "with λ = 0.001 the hidden weights end up less than half as large",
    f"{l2_norm / baseline_norm:.3f}",
    l2_norm <= 0.5 * baseline_norm,
)

# 6. Dropout
claim(
    "dropout by hand: about half of 96 outputs switched off, survivors doubled, another half in step 2",
    f"{int((step_1 == 0).sum())} off, values {np.unique(step_1)}",
    30 <= (step_1 == 0).sum() <= 66
    and set(np.unique(step_1)) == {0.0, 2.0}
    and not np.array_equal(step_1 == 0, step_2 == 0),
)
claim(
    "by hand and in Keras: values 0 and 2, about half switched off (49% to 51%), mean about 1 (0.99 to 1.01)",
    f"{ {name: (round(float(np.mean(out == 0)), 4), round(float(out.mean()), 4)) for name, out in after_dropout.items()} }",  # noqa: E501
    all(
        set(np.unique(out)) == {0.0, 2.0} and 0.49 <= np.mean(out == 0) <= 0.51 and 0.99 <= out.mean() <= 1.01
        for out in after_dropout.values()
    ),
)
claim(
    "Keras's dropout passes the outputs through unchanged at prediction time",
    "",
    np.array_equal(keras_at_prediction, many),
)
claim(
    "with dropout the validation loss climbs less after its minimum",
    f"{rise['dropout (0.5)']:.4f} vs {rise['no regulariser']:.4f}",
    rise["dropout (0.5)"] < rise["no regulariser"],
)
claim(
    "with dropout the validation loss ends lower than without a regulariser",
    f"{val_cross_entropy['dropout (0.5)'][-1]:.4f} vs {val_cross_entropy['no regulariser'][-1]:.4f}",
    val_cross_entropy["dropout (0.5)"][-1] < val_cross_entropy["no regulariser"][-1],
)

# 7. Data augmentation
claim(
    "augmentation raises validation accuracy",
    f"{augmented_val:.4f} vs {curves['val_accuracy'][-1]:.4f}",
    augmented_val > curves["val_accuracy"][-1],
)
claim(
    "with augmentation the network no longer gets all of its 1,000 original images right (below 99.8%)",
    f"{augmented_train:.4f}",
    augmented_train < 0.998,
)

# 8. Early stopping, checkpoints and logs
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
logged_steps, logged_val_loss = scalars["validation/epoch_loss"]
claim(
    "the event files hold exactly what fit recorded, one value per epoch",
    f"{len(logged_steps)} steps",
    list(logged_steps) == list(range(early_epochs)) and np.allclose(logged_val_loss, early_history.history["val_loss"]),
)

# 9. Choosing on the validation set
base = results["none"]
claim(
    "L2, dropout, augmentation and early stopping all end with a lower validation cross-entropy than no regulariser",
    f"{ {name: round(r['val_loss'], 4) for name, r in results.items()} }",
    all(r["val_loss"] < base["val_loss"] for name, r in results.items() if name != "none"),
)
claim(
    "L2, dropout and early stopping land within 2 points of no regulariser's validation accuracy",
    f"{ {name: round(r['val'] - base['val'], 4) for name, r in results.items()} }",
    all(abs(results[name]["val"] - base["val"]) <= 0.02 for name in ("L2 (0.001)", "dropout (0.5)", "early stopping")),
)
claim(
    "augmentation is ahead of no regulariser",
    f"{results['augmentation']['val'] - base['val']:+.4f}",
    results["augmentation"]["val"] > base["val"],
)
claim(
    "the gap of L2 and dropout is as wide as without a regulariser, within 2 points",
    f"{ {name: round(r['gap'], 4) for name, r in results.items()} }",
    all(abs(results[name]["gap"] - base["gap"]) <= 0.02 for name in ("L2 (0.001)", "dropout (0.5)")),
)
claim(
    "L2 and dropout still fit almost all 1,000 training images (at least 98%)",
    f"{results['L2 (0.001)']['train']:.4f}, {results['dropout (0.5)']['train']:.4f}",
    min(results["L2 (0.001)"]["train"], results["dropout (0.5)"]["train"]) >= 0.98,
)
claim(
    "augmentation's gap is less than half of no regulariser's",
    f"{results['augmentation']['gap']:.4f} vs {base['gap']:.4f}",
    results["augmentation"]["gap"] < 0.5 * base["gap"],
)
claim(
    "early stopping gets within a point and a half of no regulariser's accuracy in fewer epochs than EPOCHS",
    f"{results['early stopping']['val'] - base['val']:+.4f} in {results['early stopping']['epochs']} of {EPOCHS}",
    results["early stopping"]["val"] >= base["val"] - 0.015 and results["early stopping"]["epochs"] < EPOCHS,
)
best_without_new_images = max(
    results[name]["val"] for name in ("none", "L2 (0.001)", "dropout (0.5)", "early stopping")
)
claim(
    "8 times more data beats L2, dropout and early stopping by at least a point",
    f"{val_by_size[-1]:.4f} vs {best_without_new_images:.4f}",
    val_by_size[-1] >= best_without_new_images + 0.01,
)

claim(
    "augmentation has the highest validation accuracy: the most of any cure keeping the 1,000 images",
    f"{chosen}",
    chosen == "augmentation",
)

# 10. The test set, once
claim(
    "the test accuracy lands within 2.5 points of the validation estimate",
    f"{test_accuracy:.4f} vs {results[chosen]['val']:.4f}",
    abs(test_accuracy - results[chosen]["val"]) <= 0.025,
)
claim("the test accuracy is 89.5% or more", f"{test_accuracy:.4f}", test_accuracy >= 0.895)
