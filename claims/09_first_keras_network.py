"""What 09_first_keras_network states, checked after its last cell (names are the notebook's variables)."""
# ruff: noqa: F821 (claim() and the notebook's variables are in scope when the claims run)

# 1. The XOR network of the lecture notes
claim("the 2-4-1 network has 17 parameters", model.count_params(), model.count_params() == (2 * 4 + 4) + (4 + 1) == 17)

# 2. Training it with fit
spread = np.abs(probabilities - 0.5).max()
claim("after 100 epochs every probability is within 0.4 of 0.5", f"{spread:.3f}", spread < 0.4)
claim("the loss is still close to ln 2: between 0.5 and 0.9", f"{final_loss:.3f}", 0.5 < final_loss < 0.9)

# 3. One run is not enough
claim("train_runs ends where fit ends (weights within 1e-5)", f"{difference:.1e}", difference < 1e-5)
claim("at most 20 of the 100 runs of the original network solve XOR", n_solved, n_solved <= 0.2 * N_RUNS)
claim(
    "the loop's count is the runs' own verdict, run by run",
    n_solved,
    [row[5] == "yes" for row in rows] == [r.solved for r in runs],
)
claim(
    "even the most confident solved run has one probability less than 0.1 from 0.5",
    f"{best_solved_margin:.3f}",
    best_solved_margin < 0.1,
)

# 4. Why it fails
claim("no weight moved by more than 0.2 in 100 steps", f"{largest_change:.3f}", largest_change < 0.2)
claim("the largest change is a little more than 100 × 0.001", f"{largest_change:.3f}", 0.1 < largest_change)
claim("a starting hidden weight is about 0.5 in size", f"{typical_start:.3f}", 0.4 < typical_start < 0.6)
claim("about a quarter of the hidden units start dead", f"{dead_at_start:.3f}", 0.1 < dead_at_start < 0.4)
claim(
    "training only adds dead units",
    f"{dead_at_start:.3f} -> {dead_at_end:.3f}",
    dead_at_start <= dead_at_end < 0.45,
)

# 5. One change at a time
claim(
    "each change alone solves more runs than the original and fewer than all",
    f"{n_solved} vs {solved_by}",
    all(n_solved < solved < N_RUNS for solved in solved_by.values()),
)
units_solved = solved_by[f"{FIX_UNITS} hidden units"]
claim(
    "of the three changes, the extra units solve the most runs",
    solved_by,
    all(units_solved > solved for name, solved in solved_by.items() if name != f"{FIX_UNITS} hidden units"),
)
claim(
    "a change solving half of all runs solves 2 to 8 of ten in 98% of cases",
    f"{two_to_eight:.4f}",
    round(two_to_eight, 2) == 0.98,
)

# 6. A fix that works
claim("the fixed network solves at least 99 of the 100 runs", fixed_solved, fixed_solved >= 0.99 * N_RUNS)
claim("in every solved run every probability is more than 0.3 from 0.5", f"{margin:.3f}", margin > 0.3)
claim("some of the 32 units still die", sum(r.dead_units for r in fixed_runs), any(r.dead_units for r in fixed_runs))

# 7. compile, fit and History
claim("History records one loss per epoch", len(curves["loss"]), len(curves["loss"]) == FIX_EPOCHS)
claim("the fixed network ends with accuracy 1", curves["accuracy"][-1], curves["accuracy"][-1] == 1.0)
claim("the loss starts near ln 2 (between 0.55 and 0.85)", f"{curves['loss'][0]:.3f}", 0.55 < curves["loss"][0] < 0.85)
claim("the loss falls below 0.1", f"{curves['loss'][-1]:.4f}", curves["loss"][-1] < 0.1)
claim(
    "the accuracy takes only the values 0, ¼, ½, ¾ and 1",
    sorted(set(accuracy_per_epoch.tolist())),
    set(accuracy_per_epoch.tolist()) <= {0, 0.25, 0.5, 0.75, 1},
)
claim("the accuracy reaches 1 for good long before the last epoch (within the first 50)", settled, settled <= 50)
claim(
    "the loss then falls to a tenth or less of its value at that epoch",
    f"{curves['loss'][-1]:.4f} vs {curves['loss'][settled - 1]:.4f}",
    curves["loss"][-1] < 0.1 * curves["loss"][settled - 1],
)
claim("evaluate gives accuracy 1 on the four points", fixed_accuracy, fixed_accuracy == 1.0)
claim(
    "the fixed network solves XOR",
    str([round(float(p), 3) for p in fixed_probabilities]),
    solves_xor(fixed_probabilities),
)

# Exercises (training-dependent verdicts: the solution cells print them, the claims hold them)
claim("exercise 3: learning rate 1.0 is worse, and the check accepts that verdict", big_runs_verdict, big_runs_verdict)
big_solved = sum(r.solved for r in big_runs)
claim("exercise 3's solution: only a few runs solve XOR at learning rate 1.0", big_solved, big_solved <= 0.2 * N_RUNS)
big_dead = sum(r.dead_units for r in big_runs) / (FIX_UNITS * N_RUNS)
claim("exercise 3's solution: most hidden units end dead at learning rate 1.0", f"{big_dead:.3f}", big_dead > 0.5)
claim("exercise 4: elu at learning rate 0.05 meets the target", my_runs_verdict, my_runs_verdict)
