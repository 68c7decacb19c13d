"""The gradients of two losses with respect to the logit z of a sigmoid output, p = sigmoid(z).

Both are written in 06_loss_functions' cell marked ``# saved in course_utils.losses`` and saved here
unchanged (``tests/test_saved_cells.py`` keeps the two identical): the heart of the "why cross-entropy"
lesson. The sigmoid's own slope p(1 − p) multiplies MSE's gradient and vanishes when p is near 0 or 1,
even when the prediction is confidently *wrong*; in cross-entropy it cancels out. ``y`` is the label
(0 or 1) and ``p`` the predicted probability, numbers or NumPy arrays.
"""

from __future__ import annotations


def mse_gradient_wrt_z(y, p):
    return 2 * (p - y) * p * (1 - p)  # the sigmoid's slope p(1 - p) is a factor


def cross_entropy_gradient_wrt_z(y, p):
    return p - y  # the log cancels the sigmoid's slope
