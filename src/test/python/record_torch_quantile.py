#!/usr/bin/env python3
"""Records torch.quantile(float32 tensor, 0.95), MONAI's HD95 step, on distance-like arrays (square roots of sums of
squared multiples of 0.8 and 5, as anisotropic distances are), with numpy's float64 percentile beside it, for
TorchQuantileTest. Value m of an array of n is sqrt((i 0.8)^2 + (j 0.8)^2 + (k 5)^2) with i = (7m + n) % 40,
j = (13m) % 41, k = m % 6, so the test makes the same arrays from n alone. Debian's python3-torch 1.13:
    /usr/bin/python3 src/test/python/record_torch_quantile.py > src/test/resources/volumes/torch_quantile.json"""
import json
import numpy as np, torch

cases = []
for n in [1, 2, 3, 7, 20, 21, 100, 1234, 5000, 20001, 65537]:
    m = np.arange(n)
    i, j, k = (7 * m + n) % 40, (13 * m) % 41, m % 6
    d = np.sqrt((i * 0.8) ** 2 + (j * 0.8) ** 2 + (k * 5.0) ** 2)
    t = torch.tensor(d.astype(np.float32))
    cases.append({"n": n, "torch": float(torch.quantile(t, 0.95).item()),
                  "numpy": float(np.percentile(d, 95))})
print(json.dumps({"q": 0.95, "cases": cases}))
