"""Training examples written by `scenewright simulate` (main/segment/training-export.ts).

Each example is a folder with features.npy [N, 23] f4, neighbours.npy [N, K] i4, semantic.npy [N] i4,
instance.npy [N] i4 and meta.json; a folder without meta.json is incomplete and skipped.
"""
import json
import os

import numpy as np
import torch

FEATURE_LAYOUT_VERSION = 1
# Simulated rooms with seeds from here on are held out: never trained on, never used to tune.
HELD_OUT_SEED = 1_000_000


class Example:
    def __init__(self, folder: str):
        with open(os.path.join(folder, "meta.json")) as f:
            self.meta = json.load(f)
        if self.meta.get("featureLayoutVersion") != FEATURE_LAYOUT_VERSION:
            raise ValueError(f"{folder}: feature layout {self.meta.get('featureLayoutVersion')}, expected {FEATURE_LAYOUT_VERSION}")
        load = lambda name: np.load(os.path.join(folder, name))
        self.name = self.meta["name"]
        self.features = load("features.npy").astype(np.float32)
        self.neighbours = load("neighbours.npy").astype(np.int64)
        self.semantic = load("semantic.npy").astype(np.int64)
        self.instance = load("instance.npy").astype(np.int64)
        n = self.features.shape[0]
        for arr, what in ((self.neighbours, "neighbours"), (self.semantic, "semantic"), (self.instance, "instance")):
            if arr.shape[0] != n:
                raise ValueError(f"{folder}: {what} has {arr.shape[0]} rows for {n} superpoints")
        self.seed = self.meta.get("seed")
        self.real = self.seed is None


def load_folder(root: str):
    out = []
    if not os.path.isdir(root):
        return out
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if os.path.isfile(os.path.join(folder, "meta.json")):
            out.append(Example(folder))
    return out


def augment(features: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Quarter turns and mirrors about z (rooms are wall-aligned), scale, and lighting changes."""
    f = features.copy()
    k = int(rng.integers(0, 4))
    for _ in range(k):
        # (x, y) -> (-y, x) for centroids and normals; extents swap.
        f[:, [0, 1]] = np.stack([-f[:, 1], f[:, 0]], axis=1)
        f[:, [13, 14]] = np.stack([-f[:, 14], f[:, 13]], axis=1)
        f[:, [3, 4]] = f[:, [4, 3]]
    if rng.random() < 0.5:
        f[:, 0] = -f[:, 0]
        f[:, 13] = -f[:, 13]
    s = rng.uniform(0.9, 1.1)
    f[:, 0:6] *= s
    f[:, 10:13] *= s
    brightness = rng.uniform(0.75, 1.2)
    shift = rng.uniform(-0.04, 0.04, size=3)
    f[:, 16:19] = np.clip(f[:, 16:19] * brightness + shift, 0, 1)
    f[:, 19:22] *= brightness
    return f


def to_tensors(ex: Example, features: np.ndarray):
    return (torch.from_numpy(features), torch.from_numpy(ex.neighbours), torch.from_numpy(ex.semantic), torch.from_numpy(ex.instance))
