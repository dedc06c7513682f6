#!/usr/bin/env python3
"""LossLab's PyTorch side of `bench --torch`: one live frame of the workspace, computed the way a
PyTorch user would, on the same standard scene and with the same number of threads as LossLab.

The scene (as LossLab's StandardScene): an N x N binary target, a disc of radius 0.2 N centred at
(0.4 N, 0.5 N); logits = normal noise (seed 0) + 3 on the disc, -3 elsewhere. (The noise is numpy's,
not LossLab's, so the values differ slightly; the work is the same.)

A frame: the per-pixel BCE and focal (gamma 2) maps; soft Dice, Jaccard and Tversky (0.3, 0.7) with
their gradients dL/dz by autograd; the Boundary-IoU bands (band = mask minus its erosion by d = 2% of
the diagonal) of the target and of the thresholded prediction, with OpenCV.

Runs with Debian's python3-torch and python3-opencv:
    python3 bench/torch_frame.py --size 512 --threads 2 [--reps 30] [--dtype float32]
Prints the versions, then torch_frame_ms_median=X and torch_frame_ms_min=X.
"""
import argparse
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--size", type=int, default=512)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--reps", type=int, default=30)
parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
args = parser.parse_args()

# the same threads as LossLab: PyTorch's intra-op pool and OpenCV's
torch.set_num_threads(args.threads)
cv2.setNumThreads(args.threads)
dtype = getattr(torch, args.dtype)
n = args.size

rows, cols = np.mgrid[0:n, 0:n]
disc = ((rows - 0.4 * n) ** 2 + (cols - 0.5 * n) ** 2) < (0.2 * n) ** 2
target_np = disc.astype(np.float64)
logits_np = np.random.default_rng(0).standard_normal((n, n)) + np.where(disc, 3.0, -3.0)
depth = max(1, int(round(0.02 * np.sqrt(2.0) * n)))
kernel = np.ones((3, 3), np.uint8)


def boundary_band(mask):
    """The mask minus its erosion by `depth` 3x3 steps, outside the image counting as background."""
    padded = cv2.copyMakeBorder(mask, depth, depth, depth, depth, cv2.BORDER_CONSTANT, value=0)
    eroded = cv2.erode(padded, kernel, iterations=depth)[depth:-depth, depth:-depth]
    return mask - eroded


def region_loss(p, t, alpha, beta):
    tp = (p * t).sum()
    fp = (p * (1 - t)).sum()
    fn = ((1 - p) * t).sum()
    return 1 - tp / (tp + alpha * fp + beta * fn).clamp_min(1e-7)


def frame():
    z = torch.tensor(logits_np, dtype=dtype, requires_grad=True)
    t = torch.tensor(target_np, dtype=dtype)
    bce = F.binary_cross_entropy_with_logits(z, t, reduction="none")
    focal = (1 - torch.exp(-bce)) ** 2 * bce
    p = torch.sigmoid(z)
    gradients = [torch.autograd.grad(region_loss(p, t, a, b), z, retain_graph=True)[0]
                 for a, b in ((0.5, 0.5), (1.0, 1.0), (0.3, 0.7))]
    predicted = (p.detach().numpy() >= 0.5).astype(np.uint8)
    bands = boundary_band(disc.astype(np.uint8)), boundary_band(predicted)
    return bce.detach(), focal.detach(), gradients, bands


for _ in range(5):
    frame()
times = []
for _ in range(args.reps):
    start = time.perf_counter()
    frame()
    times.append((time.perf_counter() - start) * 1e3)
times.sort()
print(f"torch {torch.__version__}, opencv {cv2.__version__}, {args.dtype}, N={n}, "
      f"threads torch={torch.get_num_threads()} opencv={cv2.getNumThreads()}, autograd gradients")
print(f"torch_frame_ms_min={times[0]:.3f}")
print(f"torch_frame_ms_median={times[len(times) // 2]:.3f}")
