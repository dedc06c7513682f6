#!/usr/bin/env python3
"""Writes N synthetic nnU-Net-like cases for the surface-distance benchmark (SurfaceMetricsBenchmark) and the
audit's: DIR/labels/case_NNN.nii.gz and DIR/predictions/case_NNN.nii.gz, 160 x 160 x 72 uint8, spacing
0.8 x 0.8 x 2.5 mm, two classes: an organ (a lumpy ellipsoid, about 70 x 55 x 28 voxels) and a lesion at its
edge (about 16 x 14 x 7), the prediction the same shapes moved by a voxel or two, grown or shrunk, and with
some boundary noise and a small false positive.
    /usr/bin/python3 bench/make_volumes.py DIR [N=24] [SEED=26]"""
import os, sys
import numpy as np, nibabel as nib
from scipy.ndimage import binary_dilation, binary_erosion, gaussian_filter

out, n, seed = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 24, int(sys.argv[3]) if len(sys.argv) > 3 else 26
rng = np.random.default_rng(seed)
shape, spacing = (160, 160, 72), (0.8, 0.8, 2.5)
grid = np.indices(shape, dtype=np.float32)


def lumpy(centre, radii, roughness):
    r = sum(((g - c) / a) ** 2 for g, c, a in zip(grid, centre, radii))
    noise = gaussian_filter(rng.standard_normal(shape).astype(np.float32), 4) * roughness
    return r + noise <= 1


for sub in ("labels", "predictions"):
    os.makedirs(os.path.join(out, sub), exist_ok=True)
for case in range(n):
    centre = np.array([rng.uniform(60, 100), rng.uniform(60, 100), rng.uniform(28, 44)])
    radii = np.array([rng.uniform(28, 40), rng.uniform(22, 32), rng.uniform(10, 16)])
    organ = lumpy(centre, radii, 8)
    lesion_centre = centre + radii * rng.choice([-0.8, 0.8], 3) * np.array([1, 0.5, 0.3])
    lesion = lumpy(lesion_centre, rng.uniform([6, 5, 3], [10, 9, 5]), 3)
    label = np.zeros(shape, np.uint8)
    label[organ] = 1
    label[lesion] = 2
    shift = rng.integers(-2, 3, 3)
    p_organ = np.roll(organ, shift, axis=(0, 1, 2))
    p_organ = binary_dilation(p_organ) if case % 3 == 0 else binary_erosion(p_organ) if case % 3 == 1 else p_organ
    p_organ ^= (rng.random(shape) < 0.02) & (binary_dilation(p_organ) ^ binary_erosion(p_organ))
    p_lesion = np.roll(lesion, rng.integers(-1, 2, 3), axis=(0, 1, 2))
    fp = lumpy(centre + radii * np.array([0.3, -0.4, 0.2]), (3, 3, 2), 0)
    pred = np.zeros(shape, np.uint8)
    pred[p_organ] = 1
    pred[p_lesion | fp] = 2
    affine = np.diag(list(spacing) + [1])
    nib.save(nib.Nifti1Image(label, affine), os.path.join(out, "labels", f"case_{case:03d}.nii.gz"))
    nib.save(nib.Nifti1Image(pred, affine), os.path.join(out, "predictions", f"case_{case:03d}.nii.gz"))
print(f"wrote {n} cases to {out}")
