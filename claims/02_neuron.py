"""What 02_neuron states, checked after its last cell (names are the notebook's variables)."""
# ruff: noqa: F821

from course_utils.diagrams import gate_scores

claim(
    "the neuron of section 2 computes z = 0.1 and outputs 1",
    f"z = {z}, output {y_hat}",
    np.isclose(z, 0.1) and y_hat == 1,
)

for gate in ("AND", "OR"):
    correct = int((trained[gate].predict(GATE_INPUTS) == GATE_TARGETS[gate]).sum())
    claim(f"the perceptron learns {gate} perfectly, 4/4", f"{correct}/4", correct == 4)
    claim(f"its last pass over {gate} makes no mistake", mistakes_per_pass[gate], mistakes_per_pass[gate][-1] == 0)
    passes = len(mistakes_per_pass[gate])
    claim(f"it learns {gate} within a few dozen passes (at most 30)", passes, passes <= 30)

starting_scores = gate_scores(1.0, 1.0, -1.5)
claim(
    "the sliders' starting line w = (1, 1), b = -1.5 gets AND 4/4, OR 2/4 and XOR 1/4",
    starting_scores,
    starting_scores == {"AND": 4, "OR": 2, "XOR": 1},
)

claim("the XOR perceptron runs all 100 passes", len(xor_mistakes), len(xor_mistakes) == 100)
claim("every one of the 100 passes on XOR makes at least one mistake", min(xor_mistakes), min(xor_mistakes) > 0)
claim("the trained XOR perceptron gets fewer than 4 of 4 right", f"{xor_correct}/4", xor_correct < 4)

for gate, best in (("AND", 1.0), ("OR", 1.0), ("XOR", 0.75)):
    found = best_linear_accuracy(GATE_INPUTS, GATE_TARGETS[gate])
    claim(f"the best single line gets {best * 4:.0f}/4 of {gate}", found, found == best)

two_layer_outputs = two_layer_xor(GATE_INPUTS)
claim(
    "OR and NAND in a hidden layer with AND on top compute XOR 4/4",
    two_layer_outputs.tolist(),
    (two_layer_outputs == GATE_TARGETS["XOR"]).all(),
)
or_weights = trained["OR"].weights
claim(
    "the two lines of the last figure (the OR neuron's and the NAND neuron's) are not parallel",
    f"OR weights {or_weights}, NAND weights {nand_neuron.weights}",
    not np.isclose(or_weights[0] * nand_neuron.weights[1], or_weights[1] * nand_neuron.weights[0]),
)

if SEED == 0:  # the solution of exercise 3 quotes the passes from the random start of SEED = 0
    claim(
        "from SEED 0's random start, rate 0.01 takes 42 passes and rate 1 takes 4",
        random_passes,
        random_passes[0.01] == 42 and random_passes[1.0] == 4,
    )
