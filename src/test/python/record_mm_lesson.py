#!/usr/bin/env python3
"""Expected numbers of the bundled volume case (assets/volumes/mm-lesson-*.nii.gz) for VolumeHd95Test, computed
without LossLab: edges as MONAI and medpy take them (the mask minus its erosion by the 6-neighbourhood, the border
outside), scipy.ndimage.distance_transform_edt with sampling=spacing (x, y, z as nibabel gives the array), MONAI's
HD95 as its source defines it (the larger of the two directed 95th percentiles) written in numpy and also taken from
MONAI d388d1c itself (float32), medpy's hd95 (numpy.percentile of both directions' distances pooled) written in
numpy, the per-axial-slice 2-D HD95 from MONAI, and the histograms' counts.
    PYTHONPATH=/tmp/monai-src /usr/bin/python3 src/test/python/record_mm_lesson.py assets/volumes \
        > src/test/resources/volumes/mm_lesson_expected.json"""
import json, os, sys, warnings
import numpy as np, nibabel as nib, torch
from scipy.ndimage import binary_erosion, distance_transform_edt, generate_binary_structure
from monai.metrics import compute_hausdorff_distance

warnings.filterwarnings("ignore")
d = sys.argv[1]
load = lambda name: np.asarray(nib.load(os.path.join(d, f"mm-lesson-{name}.nii.gz")).dataobj)
label, prediction, missed = load("label"), load("prediction"), load("missed")
MM, VOXELS = (0.8, 0.8, 5.0), (1.0, 1.0, 1.0)


def edges(mask):
    return mask & ~binary_erosion(mask, structure=generate_binary_structure(mask.ndim, 1), border_value=0)


def directed(a, b, spacing):
    """Distances from each edge voxel of a to the nearest edge voxel of b (medpy's __surface_distances)."""
    return distance_transform_edt(~edges(b), sampling=spacing)[edges(a)]


def numbers(ref, pred, spacing):
    fwd, bwd = directed(pred, ref, spacing), directed(ref, pred, spacing)
    return {"p95_pred_to_truth": float(np.percentile(fwd, 95)), "p95_truth_to_pred": float(np.percentile(bwd, 95)),
            "hd95_monai": float(max(np.percentile(fwd, 95), np.percentile(bwd, 95))),
            "hd95_medpy": float(np.percentile(np.hstack((fwd, bwd)), 95)),
            "n_pred_edges": int(fwd.size), "n_truth_edges": int(bwd.size),
            "sum_pred_to_truth": float(fwd.sum()), "sum_truth_to_pred": float(bwd.sum()),
            "max": float(max(fwd.max(), bwd.max()))}


def monai_hd95(ref, pred, spacing):
    t = lambda m: torch.tensor(m[None, None].astype(np.float32))
    return float(compute_hausdorff_distance(t(pred), t(ref), percentile=95, spacing=list(spacing)).item())


out = {}
for name, spacing in (("mm", MM), ("voxels", VOXELS)):
    organ = numbers(label == 1, prediction == 1, spacing)
    organ["hd95_monai_itself"] = monai_hd95(label == 1, prediction == 1, spacing)
    out[name] = organ
lesion = numbers(label == 2, prediction == 2, MM)
lesion["hd95_monai_itself"] = monai_hd95(label == 2, prediction == 2, MM)
out["lesion"] = lesion
out["lesion_missed_monai_itself"] = "nan" if np.isnan(monai_hd95(label == 2, missed == 2, MM)) else "number"
out["monai_mean_hd95"] = (out["mm"]["hd95_monai"] + lesion["hd95_monai"]) / 2
out["monai_mean_hd95_missed"] = out["mm"]["hd95_monai"]  # nanmean over [organ, nan]
slices = []
for k in range(label.shape[2]):
    g, p = label[:, :, k] == 1, prediction[:, :, k] == 1
    if not g.any() and not p.any():
        slices.append("none")
    elif not g.any() or not p.any():
        slices.append("inf")
    else:
        fwd, bwd = directed(p, g, MM[:2]), directed(g, p, MM[:2])
        slices.append(float(max(np.percentile(fwd, 95), np.percentile(bwd, 95))))
        assert abs(monai_hd95(g, p, MM[:2]) - slices[-1]) <= 1e-5 * slices[-1]
out["slice_hd95"] = slices
print(json.dumps(out, indent=1))
