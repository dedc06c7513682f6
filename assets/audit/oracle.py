#!/usr/bin/python3
"""The bundled sample's expected numbers, computed without LossLab: MONAI d388d1c's own metric functions and
do_metric_reduction for the monai family, numpy for nnU-Net's means and smp's reductions (written from their
definitions in CONTRACTS_V3 section 3). Run from this folder with MONAI's source on the path:

    PYTHONPATH=/tmp/monai-src /usr/bin/python3 oracle.py > ../../src/test/resources/audit/bundled-expected.json
"""
import json
import os
import warnings

import numpy as np
import torch
from PIL import Image
from monai.metrics import compute_dice, compute_hausdorff_distance, compute_surface_dice
from monai.metrics.utils import do_metric_reduction

warnings.filterwarnings("ignore")  # MONAI warns on every empty mask, which is the point of the sample
TOLERANCE = 1.0
CLASSES = 2


def read(path):
    if path.endswith(".npy"):
        return np.load(path).argmax(0)
    return np.asarray(Image.open(path)).astype(np.int64)


def main():
    names = sorted(f[:-4] for f in os.listdir("labels"))
    truth, pred = [], []
    for name in names:
        truth.append(read(os.path.join("labels", name + ".png")))
        file = [f for f in os.listdir("predictions") if f.startswith(name + ".")][0]
        pred.append(read(os.path.join("predictions", file)))
    onehot = lambda maps: torch.from_numpy(np.stack([[m == c for c in range(CLASSES + 1)] for m in maps]).astype(np.float64))
    y_pred, y = onehot(pred), onehot(truth)
    monai = {
        "dice": compute_dice(y_pred, y, include_background=False, ignore_empty=True),
        "hd95": compute_hausdorff_distance(y_pred, y, include_background=False, percentile=95),
        "nsd": compute_surface_dice(y_pred, y, [TOLERANCE] * CLASSES, include_background=False),
    }
    counts = np.zeros((len(names), CLASSES, 3), np.int64)  # tp, fp, fn
    for i, (t, p) in enumerate(zip(truth, pred)):
        for c in range(1, CLASSES + 1):
            g, q = t == c, p == c
            counts[i, c - 1] = [(g & q).sum(), (q & ~g).sum(), (g & ~q).sum()]
    tp, fp, fn = counts[..., 0], counts[..., 1], counts[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        dice = 2 * tp / (2 * tp + fp + fn)
        iou = tp / (tp + fp + fn)
    out = {"cases": names, "tolerance": TOLERANCE, "per_case": {}, "aggregates": {"nnunet": {}, "monai": {}, "smp": {}}}
    for i, name in enumerate(names):
        out["per_case"][name] = {str(c): {"dice": none(dice[i, c - 1]), "monai_hd95": none(monai["hd95"][i, c - 1].item())}
                                 for c in range(1, CLASSES + 1)}
    for key, values in (("dice", dice), ("iou", iou)):
        per_class = np.nanmean(values, axis=0)
        out["aggregates"]["nnunet"][key] = {"per_class": per_class.tolist(), "foreground_mean": float(np.mean(per_class))}
    for key, values in monai.items():
        nans = np.isnan(values.numpy())
        # left out: a (case, class) with a voxel in either mask that MONAI's value leaves out (before the
        # reduction, which sets the NaNs to 0 in place)
        counted = {"not_nans": int((~nans).sum()), "left_out": int((nans & ~np.isnan(dice)).sum())}
        mean, _ = do_metric_reduction(values, "mean")
        out["aggregates"]["monai"][key] = {"mean": mean.item(), **counted}
    for key, score in (("iou_score", lambda a, b, c: a / (a + b + c)), ("f1_score", lambda a, b, c: 2 * a / (2 * a + b + c))):
        out["aggregates"]["smp"][key] = smp(tp, fp, fn, score)
    print(json.dumps(out, indent=1))


def smp(tp, fp, fn, score):
    """smp's four reductions with zero_division = 1 (micro never substitutes)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        one = lambda v: np.where(np.isnan(v), 1.0, v)
        return {"micro": float(score(tp.sum(), fp.sum(), fn.sum())),
                "macro": float(one(score(tp.sum(0), fp.sum(0), fn.sum(0))).mean()),
                "micro-imagewise": float(one(score(tp.sum(1), fp.sum(1), fn.sum(1))).mean()),
                "macro-imagewise": float(one(score(tp, fp, fn)).mean(0).mean())}


def none(v):
    v = float(v)
    return None if np.isnan(v) else ("inf" if np.isinf(v) else v)


if __name__ == "__main__":
    main()
