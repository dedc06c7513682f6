#!/usr/bin/env python3
"""Writes the bundled volume case of the lesson "millimetres, not voxels" (and of the plots volume-mm and
volume-voxels): 64 x 64 x 24 voxels of 0.8 x 0.8 x 5 mm (x, y, z), uint8 label maps made with nibabel:
    mm-lesson-label.nii.gz           class 1 an organ (a lumpy ellipsoid, 14 slices), class 2 a small lesion beside it
    mm-lesson-prediction.nii.gz      the organ with one slice too many on top (5 mm, 1 voxel) and leaking 4 voxels
                                     (3.2 mm) to the right over its middle slices; the lesion found 8 voxels (6.4 mm) off
    mm-lesson-missed.nii.gz          the same, but the lesion missed (no voxel of class 2)
    /usr/bin/python3 assets/volumes/make_mm_lesson.py [OUT_DIR=assets/volumes]"""
import os, sys
import numpy as np, nibabel as nib

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
shape, spacing = (64, 64, 24), (0.8, 0.8, 5.0)
x, y, z = np.indices(shape, dtype=np.float64)


def ellipsoid(cx, cy, cz, rx, ry, rz, lump=0.0):
    r = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 + ((z - cz) / rz) ** 2
    return r + lump * np.sin(x / 3.0) * np.cos(y / 4.0) <= 1


organ = ellipsoid(30, 32, 11.5, 18, 14, 7.2, 0.08)
lesion = ellipsoid(52, 16, 10, 3.5, 3.5, 1.6)
label = np.zeros(shape, np.uint8)
label[organ] = 1
label[lesion & ~organ] = 2

top = int(np.nonzero(organ.any(axis=(0, 1)))[0].max())
p_organ = organ.copy()
p_organ[:, :, top + 1] = organ[:, :, top]  # one slice too many on top: 5 mm along z, 1 voxel
p_organ |= np.roll(organ, 4, axis=0) & (x > 36) & (z >= 8) & (z <= 14)  # a leak 4 voxels (3.2 mm) to the right
p_lesion = np.roll(lesion, -8, axis=0)  # found 8 voxels (6.4 mm) off
prediction = np.zeros(shape, np.uint8)
prediction[p_organ] = 1
prediction[p_lesion & ~p_organ] = 2
missed = prediction.copy()
missed[missed == 2] = 0

affine = np.diag(list(spacing) + [1.0])
for name, data in (("label", label), ("prediction", prediction), ("missed", missed)):
    nib.save(nib.Nifti1Image(data, affine), os.path.join(out, f"mm-lesson-{name}.nii.gz"))
print(f"wrote mm-lesson-*.nii.gz to {out}: organ {int((label == 1).sum())} voxels, lesion {int((label == 2).sum())}")
