#!/usr/bin/env python3
"""LossLab's PyTorch side of `bench --train`: one training step of the playground's logits model, done the
way a PyTorch user would: the logits are a leaf tensor, smp-style binary soft Dice (smooth 0, eps 1e-7) is
computed on their sigmoid, autograd gives the gradient, torch.optim.Adam (lr 0.01) updates them.

The scene is LossLab's standard bench scene (an N x N binary target, a disc of radius 0.2 N centred at
(0.4 N, 0.5 N); logits = normal noise + 3 on the disc, -3 elsewhere; numpy's noise, so the values differ
slightly from LossLab's, the work is the same).

    python3 bench/torch_train_step.py --size 512 --threads 2 [--reps 50] [--dtype float32]
Prints the versions, then torch_train_step_ms_median=X.
"""
import argparse
import time

import numpy as np
import torch

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--size", type=int, default=512)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--reps", type=int, default=50)
parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
args = parser.parse_args()
torch.set_num_threads(args.threads)
dtype = getattr(torch, args.dtype)

n = args.size
y, x = np.mgrid[0:n, 0:n]
disc = ((y - 0.4 * n) ** 2 + (x - 0.5 * n) ** 2 < (0.2 * n) ** 2).astype(np.float64)
rng = np.random.default_rng(0)
target = torch.tensor(disc, dtype=dtype)
logits = torch.tensor(rng.standard_normal((n, n)) + 3 * (2 * disc - 1), dtype=dtype).requires_grad_(True)
optimizer = torch.optim.Adam([logits], lr=0.01)


def dice_loss(z):
    p = torch.sigmoid(z)
    intersection = (p * target).sum()
    cardinality = (p + target).sum()
    score = 2 * intersection / torch.clamp(cardinality, min=1e-7)
    return (1 - score) * (target.sum() > 0)


def step():
    optimizer.zero_grad()
    loss = dice_loss(logits)
    loss.backward()
    optimizer.step()
    return loss.item()


for _ in range(20):
    step()
times = []
for _ in range(args.reps):
    start = time.perf_counter()
    step()
    times.append((time.perf_counter() - start) * 1e3)
times.sort()
print(f"torch {torch.__version__}, {args.dtype}, {n}x{n}, {torch.get_num_threads()} threads")
print(f"torch_train_step_ms_median={times[len(times) // 2]:.3f}")
