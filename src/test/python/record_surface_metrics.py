"""Writes src/test/resources/audit/surface-metrics.json: small random 2-D and 3-D mask pairs (blobs, single voxels,
masks touching the border, empty ones) with random anisotropic spacing, and section 2's hd, hd95, assd and nsd from
audit_reference.py (scipy's EDT, float64), checked against MONAI's own functions; plus numpy's sums of a few arrays
(its pairwise order) for PairwiseSumTest.

    MONAI_SRC=/tmp/monai-src /usr/bin/python3 src/test/python/record_surface_metrics.py src/test/resources/audit
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import audit_reference as ref  # noqa: E402


def mask(rng, shape, kind):
    m = np.zeros(shape, bool)
    if kind == "empty":
        return m
    if kind == "single":
        m[tuple(int(rng.integers(0, s)) for s in shape)] = True
        return m
    if kind == "border":
        m[(slice(0, max(1, shape[0] // 3)),) + tuple(slice(None) for _ in shape[1:])] = True
        return m
    grid = np.indices(shape).astype(float)
    centre = [rng.uniform(0, s) for s in shape]
    radius = [rng.uniform(1, max(1.5, s / 2.5)) for s in shape]
    return sum(((g - c) / r) ** 2 for g, c, r in zip(grid, centre, radius)) <= 1


def main(out_dir):
    rng = np.random.default_rng(7)
    kinds = ["blob", "blob", "blob", "single", "border", "empty"]
    cases = []
    for i in range(40):
        dims = 2 if i % 2 == 0 else 3
        shape = tuple(int(rng.integers(3, 14 if dims == 3 else 30)) for _ in range(dims))
        spacing = [float(np.round(rng.uniform(0.3, 3.0), 2)) for _ in range(dims)]
        a, b = kinds[i % len(kinds)], kinds[(i * 5 + 1) % len(kinds)]
        g, p = mask(rng, shape, a), mask(rng, shape, b)
        tolerance = float(np.round(rng.uniform(0, 3), 1))
        hd, hd95, assd, nsd = ref.surface(g, p, spacing, tolerance)
        G, P = g.astype(np.int64), p.astype(np.int64)
        numbers = {"1": ref.class_numbers(G, P, 1, spacing, tolerance)}
        ref.monai_check(G, P, [1], spacing, tolerance, numbers)
        fix = lambda v: None if np.isnan(v) else ("inf" if np.isinf(v) else v)
        cases.append({"shape": list(shape), "spacing": spacing, "tolerance": tolerance,
                      "reference": np.flatnonzero(g.ravel()).tolist(), "prediction": np.flatnonzero(p.ravel()).tolist(),
                      "hd": fix(hd), "hd95": fix(hd95), "assd": fix(assd), "nsd": fix(nsd)})
    sums = []
    for n in (0, 1, 5, 8, 9, 16, 127, 128, 129, 300, 1000, 4099):
        values = (np.sin(np.arange(n) * 1.7) * 1000 + 1 / (np.arange(n) + 3)).tolist()
        sums.append({"values": values, "sum": float(np.sum(np.array(values))),
                     "mean": float(np.mean(np.array(values))) if n else None})
    with open(os.path.join(out_dir, "surface-metrics.json"), "w") as f:
        json.dump({"cases": cases, "sums": sums}, f)


if __name__ == "__main__":
    main(sys.argv[1])
