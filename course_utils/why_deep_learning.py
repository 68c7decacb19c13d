"""Hand-made features of digit images: what a person would design before deep learning.

Classical machine learning needs someone to decide *what to measure* in an image.
:func:`hand_made_features` measures 28 things a person might think of for digits:

* **zone ink**: the image cut into a 4×4 grid, the share of ink in each of the 16 zones;
* **total ink**: how much of the image is ink (a 1 uses little, an 8 a lot);
* **symmetry**: how alike the image is to its left-right and its top-bottom mirror;
* **edge counts**: how many times a line across the image enters a stroke, averaged
  over all rows and all columns, and along the middle row and middle column;
* **bounding box**: width and height of the inked area;
* **centre of mass**: where the ink sits (row, column);
* **hole area**: the share of the image enclosed by strokes (0, 6, 8, 9 have holes).

01_why_deep_learning writes :func:`zone_ink` in a cell, feeds all 28 features to a linear classifier and
compares it with a network that learns its own features from the raw pixels.
"""

from __future__ import annotations

import numpy as np

#: The zone grid: ``ZONES × ZONES`` zones.
ZONES = 4
#: A pixel counts as ink when its value (scaled to [0, 1]) is above this.
INK_THRESHOLD = 0.5

#: One name per column of :func:`hand_made_features`, in order.
FEATURE_NAMES = [f"ink in zone ({r}, {c})" for r in range(ZONES) for c in range(ZONES)] + [
    "total ink",
    "left-right symmetry",
    "top-bottom symmetry",
    "edges per row",
    "edges per column",
    "edges on middle row",
    "edges on middle column",
    "width",
    "height",
    "centre row",
    "centre column",
    "hole area",
]


def as_unit_images(images) -> np.ndarray:
    """Images shaped (n, height, width) as float32 in [0, 1].

    uint8 images (0..255, as MNIST is stored) are divided by 255; float images must
    already lie in [0, 1]. Raises ``ValueError`` naming the problem otherwise.
    """
    images = np.asarray(images)
    if images.ndim == 2 and images.shape[0] == images.shape[1]:
        hint = " (a single image? pass images[np.newaxis] or a list of images)"
    else:
        hint = ""
    if images.ndim != 3:
        raise ValueError(f"images must have shape (n, height, width), got {images.shape}{hint}")
    if images.shape[0] == 0:
        raise ValueError("images is empty: pass at least one image")
    if min(images.shape[1:]) < ZONES:
        raise ValueError(f"images must be at least {ZONES}×{ZONES} pixels, got {images.shape[1:]}")
    if images.dtype == np.uint8:
        return images.astype(np.float32) / 255.0
    if not np.issubdtype(images.dtype, np.number) or np.issubdtype(images.dtype, np.complexfloating):
        raise ValueError(f"images must be numbers, got dtype {images.dtype}")
    images = images.astype(np.float32)
    if not np.isfinite(images).all() or images.min() < 0 or images.max() > 1:
        raise ValueError(
            "float images must hold values in [0, 1]; got values from "
            f"{np.nanmin(images):.3g} to {np.nanmax(images):.3g} (divide uint8 pixels by 255)"
        )
    return images


def zone_ink(images, zones=4):
    """The share of ink in each zone of a ``zones × zones`` grid laid over each image: shape (n, zones²), row by row.

    ``images``: shape (n, height, width), pixel values scaled to [0, 1].
    """
    row_groups = np.array_split(np.arange(images.shape[1]), zones)  # 28 rows: 4 groups of 7
    column_groups = np.array_split(np.arange(images.shape[2]), zones)
    shares = []
    for rows in row_groups:
        for columns in column_groups:
            zone = images[:, rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1]  # this zone of every image
            shares.append(zone.mean(axis=(1, 2)))
    return np.stack(shares, axis=1)


def count_edges(ink: np.ndarray, axis: int) -> np.ndarray:
    """How often a scan along ``axis`` steps from background into ink, per line: (n, lines)."""
    ink = np.asarray(ink, dtype=bool)
    padded = np.concatenate([np.zeros_like(np.take(ink, [0], axis=axis)), ink], axis=axis)
    starts = np.diff(padded.astype(np.int8), axis=axis) == 1
    return starts.sum(axis=axis)


def hole_area(ink: np.ndarray) -> np.ndarray:
    """Share of each image that is background enclosed by ink (not reachable from the border).

    ``ink``: booleans shaped (n, height, width), width at most 64. The background is
    flooded from the border, four neighbours at a time; what the flood never reaches
    is a hole. Each image row is packed into one 64-bit integer so the flood is fast.
    """
    ink = np.asarray(ink, dtype=bool)
    if ink.ndim != 3:
        raise ValueError(f"ink must have shape (n, height, width), got {ink.shape}")
    height, width = ink.shape[1:]
    if width > 64:
        raise ValueError(f"hole_area packs each row into 64 bits; images are {width} pixels wide")
    bits = np.uint64(1) << np.arange(width, dtype=np.uint64)
    packed = np.packbits(~ink, axis=2, bitorder="little")  # (n, height, ceil(width / 8)) bytes
    padded = np.zeros(ink.shape[:2] + (8,), dtype=np.uint8)
    padded[:, :, : packed.shape[2]] = packed
    background = padded.view("<u8")[:, :, 0]  # (n, height): bit j of a row is pixel j
    border = np.full(height, (np.uint64(1) << np.uint64(width - 1)) | np.uint64(1), dtype=np.uint64)
    border[0] = border[-1] = bits.sum(dtype=np.uint64)
    reached = background & border
    one = np.uint64(1)
    while True:
        grown = reached | (reached << one) | (reached >> one)
        grown[:, 1:] |= reached[:, :-1]
        grown[:, :-1] |= reached[:, 1:]
        grown &= background
        if np.array_equal(grown, reached):
            break
        reached = grown
    enclosed = background & ~reached
    counts = np.unpackbits(enclosed.view(np.uint8), axis=1).sum(axis=1)
    return counts / (height * width)


def hand_made_features(images) -> np.ndarray:
    """The 28 features named in :data:`FEATURE_NAMES`, one row per image: shape (n, 28), float32.

    ``images``: shape (n, height, width), uint8 (0..255) or float in [0, 1].
    """
    images = as_unit_images(images)
    n, height, width = images.shape
    ink = images > INK_THRESHOLD
    total = images.sum(axis=(1, 2))
    safe_total = np.maximum(total, 1e-6)

    mirror_lr = np.abs(images - images[:, :, ::-1]).sum(axis=(1, 2)) / (2 * safe_total)
    mirror_tb = np.abs(images - images[:, ::-1, :]).sum(axis=(1, 2)) / (2 * safe_total)

    row_edges, col_edges = count_edges(ink, axis=2), count_edges(ink, axis=1)
    any_row, any_col = ink.any(axis=2), ink.any(axis=1)
    box_height = np.where(
        any_row.any(axis=1), height - np.argmax(any_row[:, ::-1], axis=1) - np.argmax(any_row, axis=1), 0
    )
    box_width = np.where(
        any_col.any(axis=1), width - np.argmax(any_col[:, ::-1], axis=1) - np.argmax(any_col, axis=1), 0
    )

    row_index, col_index = np.arange(height), np.arange(width)
    centre_row = (images.sum(axis=2) @ row_index) / safe_total / (height - 1)
    centre_col = (images.sum(axis=1) @ col_index) / safe_total / (width - 1)

    columns = [
        zone_ink(images, ZONES),
        total[:, None] / (height * width),
        1 - np.clip(mirror_lr, 0, 1)[:, None],
        1 - np.clip(mirror_tb, 0, 1)[:, None],
        row_edges.mean(axis=1)[:, None],
        col_edges.mean(axis=1)[:, None],
        row_edges[:, height // 2][:, None],
        col_edges[:, width // 2][:, None],
        box_width[:, None] / width,
        box_height[:, None] / height,
        centre_row[:, None],
        centre_col[:, None],
        hole_area(ink)[:, None],
    ]
    features = np.concatenate(columns, axis=1).astype(np.float32)
    assert features.shape == (n, len(FEATURE_NAMES))
    return features
