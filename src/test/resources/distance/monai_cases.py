#!/usr/bin/env python3
"""Writes monai_cases.json: random 2-D and 3-D mask pairs with anisotropic spacing, MONAI d388d1c's
compute_hausdorff_distance (max and 95th), compute_average_surface_distance(symmetric) and
compute_surface_dice on them, and the same four in float64 with scipy/numpy (the way gold v3 was computed:
edges by binary_erosion, distance_transform_edt with sampling on the array in NIfTI's (x, y, z) order,
numpy.percentile, numpy.mean). Run: PYTHONPATH=/tmp/monai-src /usr/bin/python3 monai_cases.py > monai_cases.json
Masks are C order over "shape" ({H, W} or {D, H, W}), "spacing" in the same order, as '0'/'1' strings."""
import json, sys, warnings
import numpy as np, torch
from scipy.ndimage import binary_erosion, distance_transform_edt
from monai.metrics import compute_hausdorff_distance, compute_average_surface_distance, compute_surface_dice

warnings.filterwarnings("ignore")
rng = np.random.default_rng(26)


def blobs(shape, count):
    grid = np.indices(shape).astype(float)
    mask = np.zeros(shape, bool)
    for _ in range(count):
        centre = [rng.uniform(0, n) for n in shape]
        radius = [rng.uniform(1, max(1.5, n / 3)) for n in shape]
        mask |= sum(((g - c) / r) ** 2 for g, c, r in zip(grid, centre, radius)) <= 1
    return mask


def scipy_reference(g, p, spacing, tol):
    # nibabel's array order: the C-order {z, y, x} array transposed to (x, y, z), spacing reversed
    g, p, sp = g.T, p.T, spacing[::-1]
    eg, ep = binary_erosion(g) ^ g, binary_erosion(p) ^ p
    if not eg.any() and not ep.any():
        return None
    if not eg.any() or not ep.any():
        return {"hd": "inf", "hd95": "inf", "assd": "inf", "nsd": 0.0}
    d_pg = distance_transform_edt(~eg, sampling=sp)[ep]
    d_gp = distance_transform_edt(~ep, sampling=sp)[eg]
    both = np.concatenate([d_pg, d_gp])
    return {"hd": float(max(d_pg.max(), d_gp.max())),
            "hd95": float(max(np.percentile(d_pg, 95), np.percentile(d_gp, 95))),
            "assd": float(both.mean()), "nsd": float((both <= tol).sum() / both.size)}


def monai(g, p, spacing, tol):
    yp = torch.tensor(p[None, None].astype(np.float32))
    yy = torch.tensor(g[None, None].astype(np.float32))
    sp = list(spacing)
    return {"hd": compute_hausdorff_distance(yp, yy, spacing=sp).item(),
            "hd95": compute_hausdorff_distance(yp, yy, percentile=95, spacing=sp).item(),
            "assd": compute_average_surface_distance(yp, yy, symmetric=True, spacing=sp).item(),
            "nsd": compute_surface_dice(yp, yy, [tol], spacing=sp).item()}


cases = []
for k in range(16):
    three_d = k % 2 == 1
    shape = tuple(int(n) for n in (rng.integers(6, 18, 3) if three_d else rng.integers(12, 48, 2)))
    spacing = [float(round(s, 3)) for s in rng.uniform(0.4, 3.0, len(shape))]
    g = blobs(shape, int(rng.integers(1, 4)))
    p = blobs(shape, int(rng.integers(1, 4))) if k % 5 else g ^ (rng.random(shape) < 0.05)
    tol = float(round(rng.uniform(0.5, 4.0), 3))
    cases.append({"shape": list(shape), "spacing": spacing, "tolerance": tol,
                  "reference": "".join("1" if v else "0" for v in g.ravel()),
                  "prediction": "".join("1" if v else "0" for v in p.ravel()),
                  "monai": monai(g, p, spacing, tol), "scipy": scipy_reference(g, p, spacing, tol)})
special = [("single voxels", (9, 7, 5)), ("reference empty", (12, 10)), ("both empty", (6, 5, 4)),
           ("prediction fills the image", (7, 6, 5))]
for name, shape in special:
    spacing = [float(round(s, 3)) for s in rng.uniform(0.4, 3.0, len(shape))]
    g = np.zeros(shape, bool)
    p = np.zeros(shape, bool)
    if name == "single voxels":
        g[0, 3, 4] = True
        p[8, 6, 0] = True
    elif name == "reference empty":
        p = blobs(shape, 2)
    elif name == "prediction fills the image":
        g = blobs(shape, 2)
        p[...] = True
    tol = 2.0
    cases.append({"name": name, "shape": list(shape), "spacing": spacing, "tolerance": tol,
                  "reference": "".join("1" if v else "0" for v in g.ravel()),
                  "prediction": "".join("1" if v else "0" for v in p.ravel()),
                  "monai": monai(g, p, spacing, tol), "scipy": scipy_reference(g, p, spacing, tol)})
json.dump({"monai": "d388d1c", "torch": torch.__version__, "cases": cases}, sys.stdout)
