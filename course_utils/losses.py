"""The gradients of two losses with respect to the logit z of a sigmoid output, p = sigmoid(z).

Both are written in 06_loss_functions' cell marked ``# saved in course_utils.losses`` and saved here
unchanged (``tests/test_saved_cells.py`` keeps the two identical): the heart of the "why cross-entropy"
lesson. The sigmoid's own slope p(1 − p) multiplies MSE's gradient and vanishes when p is near 0 or 1,
even when the prediction is confidently *wrong*; in cross-entropy it cancels out. ``y`` is the label
(0 or 1) and ``p`` the predicted probability, numbers or NumPy arrays. :func:`plot_losses_vs_probability`
draws 06's figure of both losses against the predicted probability.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from course_utils.colours import CATEGORICAL as COLOURS


def mse_gradient_wrt_z(y, p):
    return 2 * (p - y) * p * (1 - p)  # the sigmoid's slope p(1 - p) is a factor


def cross_entropy_gradient_wrt_z(y, p):
    return p - y  # the log cancels the sigmoid's slope


def plot_losses_vs_probability(p=None):
    """For a sample whose true label is 1: each loss (left) and |dL/dz| at the sigmoid's logit (right) against p."""
    p = np.linspace(0.001, 0.999, 500) if p is None else np.asarray(p, dtype=float)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.4))
    left.plot(p, -np.log(p), lw=2.2, color=COLOURS[0], label="cross-entropy  −log p")
    left.plot(p, (1 - p) ** 2, lw=2.2, color=COLOURS[1], ls="--", label="MSE  (1 − p)²")
    left.set_ylim(0, 5)
    left.set_title("loss when the true label is 1")
    gradients = (("cross-entropy", cross_entropy_gradient_wrt_z), ("MSE", mse_gradient_wrt_z))
    for (label, gradient), colour, style in zip(gradients, COLOURS, ("-", "--")):
        right.plot(p, np.abs(gradient(1.0, p)), lw=2.2, color=colour, ls=style, label=label)
    right.set_title("gradient size |dL/dz| reaching the network")
    right.axvspan(0, 0.1, color=COLOURS[4], alpha=0.12)
    right.annotate("confidently wrong", (0.02, 0.55), fontsize=10, color=COLOURS[4])
    for ax in (left, right):
        ax.set_xlabel("predicted probability p of the true class")
        ax.legend()
    fig.tight_layout()
    return fig
