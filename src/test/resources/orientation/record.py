"""Records nibabel's reading of orientations for OrientationTest and the volume view's tests.

Run with Debian's python3 (nibabel 5): /usr/bin/python3 record.py (in this folder). Writes:
- affines.json: for each affine, nibabel's io_orientation (array axis i -> world axis, sign) and aff2axcodes;
- small NIfTI files (uint8 labels, x fastest) with a qform only, an sform only, both, or neither, and for each
  nibabel's best affine (img.affine) and its axcodes, and the radiological slices of the labels: every axial
  (anterior up, patient's right on the left), coronal (superior up, right on the left) and sagittal (superior up,
  anterior on the left) slice, computed through nibabel's as_closest_canonical (RAS) and numpy flips, keyed by the
  voxel index along the file's own array axis that the plane holds fixed; and the same slices of a volume holding each
  voxel's flat C-order index (k, j, i), which say which voxel every displayed pixel shows.
"""
import json

import nibabel as nib
import numpy as np

rng = np.random.default_rng(26)


def rotation(ax, ay, az):
    cx, sx, cy, sy, cz, sz = np.cos(ax), np.sin(ax), np.cos(ay), np.sin(ay), np.cos(az), np.sin(az)
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return rz @ ry @ rx


def affine(linear):
    a = np.eye(4)
    a[:3, :3] = linear
    a[:3, 3] = [-10.5, 20.25, 3.0]
    return a


cases = {
    "ras_identity": np.diag([1.0, 1.0, 1.0]),
    "lps_itk": np.diag([-0.8, -0.8, 5.0]),
    "las_fsl": np.diag([-2.0, 2.0, 2.0]),
    "permuted_yzx": np.array([[0, 0, 2.5], [0.7, 0, 0], [0, 1.5, 0]]),
    "permuted_flipped": np.array([[0, -0.9, 0], [0, 0, -4.0], [1.2, 0, 0]]),
    "coronal_acquired": np.array([[-0.5, 0, 0], [0, 0, 3.0], [0, -0.5, 0]]),
    "oblique_small": rotation(0.2, -0.15, 0.3) @ np.diag([0.8, 0.8, 5.0]),
    "oblique_large": rotation(0.6, 0.5, -0.7) @ np.diag([1.0, 1.2, 2.0]),
    "oblique_flipped": rotation(-0.3, 0.35, 0.25) @ np.diag([-1.0, 1.0, -3.0]),
    "sheared": np.array([[0.9, 0.3, 0.0], [0.0, -1.1, 0.2], [0.1, 0.0, 2.0]]),
}
for n in range(6):
    q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    cases["random_%d" % n] = q @ np.diag(rng.uniform(0.5, 4.0, size=3))

records = []
for name, linear in cases.items():
    a = affine(linear)
    ornt = nib.orientations.io_orientation(a)
    records.append({"name": name, "affine": a[:3, :].tolist(),
                    "ornt": [[int(r[0]), int(r[1])] for r in ornt],
                    "axcodes": "".join(nib.aff2axcodes(a))})
with open("affines.json", "w") as f:
    json.dump(records, f, indent=1)


def radiological(data, img):
    """The displayed slices of each plane, keyed by the index along the file's fixed array axis (numpy (i, j, k))."""
    ornt = nib.orientations.io_orientation(img.affine)
    canonical = np.asanyarray(nib.as_closest_canonical(img).dataobj)  # (x: L->R, y: P->A, z: I->S)
    out = {}
    for plane, world in (("axial", 2), ("coronal", 1), ("sagittal", 0)):
        voxel_axis = int(np.where(ornt[:, 0] == world)[0][0])
        sign = ornt[voxel_axis, 1]
        n = data.shape[voxel_axis]
        slices = []
        for t in range(n):
            c = t if sign > 0 else n - 1 - t
            if plane == "axial":
                s = canonical[:, :, c]  # (x, y)
                shown = s[::-1, ::-1].T  # rows: y from A down, columns: x from R (max x) to the left
            elif plane == "coronal":
                s = canonical[:, c, :]  # (x, z)
                shown = s[::-1, ::-1].T  # rows: z from S down, columns: x from R
            else:
                s = canonical[c, :, :]  # (y, z)
                shown = s[::-1, ::-1].T  # rows: z from S down, columns: y from A
            slices.append(shown.astype(int).tolist())
        out[plane] = {"voxel_axis": voxel_axis, "slices": slices}
    return out


shape = (5, 4, 3)  # (i, j, k): nx, ny, nz
labels = np.zeros(shape, dtype=np.uint8)
labels[1:4, 1:3, 0:2] = 1
labels[0, 0, 0] = 2  # a corner voxel tells every flip
labels[4, 3, 2] = 2
labels[2, 0, 1] = 3
files = []
for name, linear, qform, sform in (
        ("qform_permuted_flipped", cases["permuted_flipped"], 1, 0),
        ("sform_lps", cases["lps_itk"], 0, 2),
        ("both_oblique", cases["oblique_small"], 1, 4),
        ("sform_over_qform", cases["permuted_yzx"], 1, 1),
        ("no_orientation", cases["ras_identity"], 0, 0)):
    img = nib.Nifti1Image(labels, None)
    a = affine(linear)
    if name == "sform_over_qform":
        img.set_qform(affine(cases["lps_itk"]), code=qform)  # the sform wins, as nibabel's get_best_affine
        img.set_sform(a, code=sform)
    else:
        img.set_qform(a if qform else None, code=qform)
        img.set_sform(a if sform else None, code=sform)
    img.header.set_data_dtype(np.uint8)
    nib.save(img, name + ".nii")
    back = nib.load(name + ".nii")
    entry = {"name": name, "file": name + ".nii", "qform_code": int(back.header["qform_code"]),
             "sform_code": int(back.header["sform_code"]), "best_affine": back.affine[:3, :].tolist(),
             "axcodes": "".join(nib.aff2axcodes(back.affine)),
             "data_ijk": np.asanyarray(back.dataobj).astype(int).tolist()}
    if qform or sform:
        entry["shown"] = radiological(labels, back)
        # which voxel each displayed pixel is: the same planes of a volume holding its own C-order index (k, j, i)
        ids = np.transpose(np.arange(labels.size).reshape(shape[::-1]), (2, 1, 0)).astype(np.uint8)
        entry["shown_ids"] = radiological(ids, nib.Nifti1Image(ids, back.affine))
    files.append(entry)
with open("files.json", "w") as f:
    json.dump(files, f)
