#!/usr/bin/env python3
"""Writes the NIfTI-1 files NiftiReaderTest reads, with nibabel, and expected.json: what nibabel reads back
from each (shape, zooms, the voxels of np.asanyarray(img.dataobj) in the file's order, i fastest), or null
where nibabel's values are not a label map; for a patched vox_offset also the voxels written at byte 352
(nibabel 5 reads a vox_offset of 0 from byte 0 and refuses 1..351; the contract reads both at 352). Run here: /usr/bin/python3 make_nifti.py"""
import gzip, json, os, struct
import numpy as np, nibabel as nib

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(26)
expected = {}


def patch(path, fmt, offset, value, order):
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(struct.pack(order + fmt, value))


def write(name, data, order="<", zooms=(0.8, 0.6, 2.5), scale=None, vox_offset=None, extension=False,
          pixdim_signs=None):
    header = nib.Nifti1Header(endianness=order)
    header.set_data_dtype(data.dtype.newbyteorder("="))
    img = nib.Nifti1Image(data, np.diag(list(zooms[:3]) + [1] * (4 - len(zooms[:3]))), header=header)
    img.header.set_zooms(zooms[: data.ndim])
    if extension:
        img.header.extensions.append(nib.nifti1.Nifti1Extension("comment", b"written by make_nifti.py"))
    plain = os.path.join(here, name.replace(".gz", ".tmp.nii") if name.endswith(".gz") else name)
    img.to_filename(plain)
    if scale is not None:  # nibabel rescales on save; the fields are written over afterwards
        patch(plain, "f", 112, scale[0], order)
        patch(plain, "f", 116, scale[1], order)
    if vox_offset is not None:
        patch(plain, "f", 108, vox_offset, order)
    if pixdim_signs is not None:
        for axis, sign in enumerate(pixdim_signs):
            patch(plain, "f", 80 + 4 * axis, sign * zooms[axis], order)
    if name.endswith(".gz"):
        with open(plain, "rb") as f, gzip.open(os.path.join(here, name), "wb") as g:
            g.write(f.read())
        os.remove(plain)
    written = [int(v) for v in np.asarray(data).ravel(order="F")]
    try:
        back = nib.load(os.path.join(here, name))
    except nib.spatialimages.HeaderDataError as e:  # nibabel 5 refuses a vox_offset of 1..351
        expected[name] = {"nibabel_error": str(e), "written": written}
        return
    values = np.asanyarray(back.dataobj)
    assert back.header.endianness == order, name
    label_map = bool(np.all(np.isfinite(values)) and np.all(values == np.round(values)))
    expected[name] = {"shape": list(values.shape), "zooms": [float(z) for z in back.header.get_zooms()],
                      "datatype": str(back.header.get_data_dtype()),
                      "values": [int(v) for v in values.ravel(order="F")] if label_map else None}
    if vox_offset is not None:  # what was written at byte 352 (nibabel 5 reads a vox_offset of 0 from byte 0)
        expected[name]["written"] = written


types = ["u1", "i1", "i2", "u2", "i4", "u4", "i8", "f4", "f8"]
for t in types:
    for order in "<>":
        for gz in (False, True):
            data = rng.integers(0, 5, (5, 4, 3)).astype(order + t)
            if t in ("i1", "i2", "i4", "i8"):
                data[0, 0, 0] = -3
            if t in ("u2", "i4", "u4", "i8"):
                data[4, 3, 2] = 40000 if t != "u2" else 65535
            name = f"{t}_{'le' if order == '<' else 'be'}.nii" + (".gz" if gz else "")
            write(name, data, order)
write("planar_2d.nii", rng.integers(0, 3, (6, 7)).astype("u1"), zooms=(0.7, 1.3))
write("single_frame_4d.nii.gz", rng.integers(0, 3, (4, 3, 2, 1)).astype("i2"), zooms=(1.0, 1.5, 3.0, 2.0))
write("scaled_slope2_inter1.nii", rng.integers(0, 3, (4, 3, 2)).astype("i2"), scale=(2.0, 1.0))
write("scaled_slope_half_be.nii.gz", (2 * rng.integers(0, 3, (4, 3, 2))).astype(">u1"), order=">", scale=(0.5, 0.0))
write("scaled_slope1_inter3.nii", rng.integers(0, 3, (4, 3, 2)).astype("u1"), scale=(1.0, 3.0))
write("scaled_slope_nan.nii", rng.integers(0, 3, (4, 3, 2)).astype("u1"), scale=(float("nan"), 7.0))
write("scaled_slope0.nii", rng.integers(0, 3, (4, 3, 2)).astype("u1"), scale=(0.0, 7.0))
write("scaled_non_integer.nii", rng.integers(1, 3, (4, 3, 2)).astype("i2"), scale=(0.3, 0.0))
write("float_non_integer.nii", np.full((3, 2, 2), 1.5, "f4"))
write("vox_offset_zero.nii", rng.integers(0, 3, (4, 3, 2)).astype("u1"), vox_offset=0.0)
write("vox_offset_100.nii", rng.integers(0, 3, (4, 3, 2)).astype("u1"), vox_offset=100.0)
write("with_extension.nii.gz", rng.integers(0, 3, (4, 3, 2)).astype("i4"), extension=True)
write("negative_pixdim.nii", rng.integers(0, 3, (4, 3, 2)).astype("u1"), zooms=(0.9, 0.9, 4.0), pixdim_signs=(-1, 1, -1))
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump({"nibabel": nib.__version__, "files": expected}, f, indent=0)
