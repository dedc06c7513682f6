"""Records the volume values of the registry's voxel-wise and surface entries on small random volume cases.

Run with Debian's python3 (torch 1.13) and MONAI's source on PYTHONPATH (/work/shared/oracles/monai-d388d1c.tgz):
    PYTHONPATH=/tmp/monai-src /usr/bin/python3 record.py > volume_cases.json
The soft losses follow smp's formulas written out in torch over every voxel (the prediction read as LossLab's slices
read it: logits +4 / -4 for a binary label, 4 at the predicted class and 0 elsewhere in multiclass); the metrics
follow smp's get_stats (micro); the distances are MONAI's compute_hausdorff_distance, compute_average_surface_distance
and compute_surface_dice with spacing=, include_background=False; hausdorff_dt and log_hausdorff_dt are MONAI's
HausdorffDTLoss / LogHausdorffDTLoss on the 3-D input (alpha 2, sigmoid for binary, softmax without the background for
3 classes; MONAI's distance fields are in voxels, without spacing); boundary is Kervadec et al.'s boundary loss with
their one_hot2dist written out with scipy's distance_transform_edt (no resolution: voxels), class 1.
"""
import json
import math
import numpy as np
import torch
import torch.nn.functional as F
from scipy.ndimage import distance_transform_edt
from monai.losses import HausdorffDTLoss, LogHausdorffDTLoss
from monai.metrics import (compute_average_surface_distance, compute_hausdorff_distance,
                           compute_surface_dice)

SURE = 4.0
torch.set_default_dtype(torch.float64)


def blobs(rng, shape, classes, fill):
    """Random labels smoothed into blobs (a 3 x 3 x 3 majority of random seeds), so boundaries are not all noise."""
    seeds = np.where(rng.random(shape) < fill, rng.integers(1, classes, shape), 0)
    out = np.zeros(shape, dtype=np.int64)
    padded = np.pad(seeds, 1)
    for z in range(shape[0]):
        for y in range(shape[1]):
            for x in range(shape[2]):
                window = padded[z:z + 3, y:y + 3, x:x + 3].ravel()
                counts = np.bincount(window, minlength=classes)
                out[z, y, x] = int(np.argmax(counts[1:]) + 1) if counts[1:].max() >= 6 else 0
    return out


def cases():
    rng = np.random.default_rng(26)
    out = []
    for name, shape, classes, spacing in [("binary", (6, 9, 8), 2, (3.0, 0.7, 0.9)),
                                          ("three_class", (5, 8, 9), 3, (2.5, 0.8, 1.1)),
                                          ("binary_thin_slices", (9, 6, 7), 2, (0.4, 1.5, 1.2))]:
        truth = blobs(rng, shape, classes, 0.55)
        pred = blobs(rng, shape, classes, 0.55)
        out.append((name, truth, pred, classes, spacing))
    shape = (4, 5, 6)
    truth = np.zeros(shape, dtype=np.int64)
    truth[0, 0, 0] = 1  # a single voxel in a corner
    pred = np.zeros(shape, dtype=np.int64)
    pred[3, 4, 5] = 1  # a single voxel in the opposite corner
    out.append(("single_voxels_corners", truth, pred, 2, (2.0, 0.5, 0.75)))
    truth = np.zeros(shape, dtype=np.int64)
    truth[:, 1:4, 0:3] = 1  # touches the border
    out.append(("empty_prediction", truth, np.zeros(shape, dtype=np.int64), 2, (1.5, 1.0, 0.6)))
    truth3 = blobs(rng, (4, 7, 6), 3, 0.6)
    pred3 = truth3.copy()
    pred3[pred3 == 2] = 0  # class 2 missed entirely
    pred3[:, :, -1] = 1  # a wall of class 1 on the border
    out.append(("three_class_missed", truth3, pred3, 3, (3.5, 0.9, 0.9)))
    return out


def logits_of(pred, classes):
    if classes == 2:
        return torch.where(torch.tensor(pred) == 1, SURE, -SURE).double()[None, None]  # 1 x 1 x D x H x W
    onehot = F.one_hot(torch.tensor(pred), classes).permute(3, 0, 1, 2).double()
    return (onehot * SURE)[None]


def region(probs, onehot, alpha, beta, gamma):
    """smp's Tversky over dims (batch, voxels): per class score, absent classes zeroed, mean, ^ gamma."""
    p = probs.flatten(2)
    t = onehot.flatten(2)
    tp = (p * t).sum((0, 2))
    fp = (p * (1 - t)).sum((0, 2))
    fn = ((1 - p) * t).sum((0, 2))
    score = tp / (tp + alpha * fp + beta * fn).clamp_min(1e-7)
    loss = (1 - score) * (t.sum((0, 2)) > 0)
    return float(loss.mean() ** gamma)


def focal(z, t, gamma=2.0):
    """smp's focal_loss_with_logits (no alpha), mean over the channel's voxels."""
    bce = F.binary_cross_entropy_with_logits(z, t, reduction="none")
    return float((((1 - torch.exp(-bce)) ** gamma) * bce).mean())


def confusion(pred_labels, truth, classes):
    """smp get_stats: binary thresholds the sigmoid at 0.5, multiclass compares labels per class; micro sums."""
    if classes == 2:
        p = pred_labels == 1
        t = truth == 1
        tp, fp, fn, tn = (p & t).sum(), (p & ~t).sum(), (~p & t).sum(), (~p & ~t).sum()
    else:
        tp = fp = fn = tn = 0
        for c in range(classes):
            p = pred_labels == c
            t = truth == c
            tp += (p & t).sum()
            fp += (p & ~t).sum()
            fn += (~p & t).sum()
            tn += (~p & ~t).sum()
    tp, fp, fn, tn = map(float, (tp, fp, fn, tn))
    div = lambda a, b: a / b if b else 0.0
    return {"f1_score": div(2 * tp, 2 * tp + fp + fn), "iou_score": div(tp, tp + fp + fn), "precision": div(tp, tp + fp),
            "recall": div(tp, tp + fn), "accuracy": div(tp + tn, tp + fp + fn + tn)}


def kervadec_signed(mask):
    """one_hot2dist of one class: outside the distance to the mask, inside minus (the distance to the outside - 1)."""
    if not mask.any():
        return np.zeros(mask.shape)
    neg = ~mask
    return distance_transform_edt(neg) * neg - (distance_transform_edt(mask) - 1) * mask


def finite(v):
    return None if (v is None or math.isnan(v) or math.isinf(v)) else v


def distances(truth, pred, classes, spacing):
    y = F.one_hot(torch.tensor(truth), classes).permute(3, 0, 1, 2)[None].double()
    yp = F.one_hot(torch.tensor(pred), classes).permute(3, 0, 1, 2)[None].double()
    hd = compute_hausdorff_distance(yp, y, include_background=False, spacing=list(spacing))[0]
    hd95 = compute_hausdorff_distance(yp, y, include_background=False, percentile=95, spacing=list(spacing))[0]
    assd = compute_average_surface_distance(yp, y, include_background=False, symmetric=True, spacing=list(spacing))[0]
    nsd = compute_surface_dice(yp, y, [2.0] * (classes - 1), include_background=False, spacing=list(spacing))[0]

    def mean(per_class, is_distance):
        """LossLab's reduction: a class empty on both sides is skipped; one empty side makes a distance infinite (the
        entry refuses, None here) and a surface Dice 0; no class left: refused."""
        kept = []
        for c in range(1, classes):
            t_empty = not (truth == c).any()
            p_empty = not (pred == c).any()
            if t_empty and p_empty:
                continue
            if t_empty or p_empty:
                if is_distance:
                    return None
                kept.append(0.0)
                continue
            kept.append(float(per_class[c - 1]))
        return sum(kept) / len(kept) if kept else None

    return {"hausdorff_distance": mean(hd, True), "hausdorff_distance_p95": mean(hd95, True),
            "surface_distance": mean(assd, True), "surface_dice_2mm": mean(nsd, False)}


def record():
    out = []
    for name, truth, pred, classes, spacing in cases():
        z = logits_of(pred, classes)
        t = torch.tensor(truth)[None]
        values = {}
        if classes == 2:
            probs = torch.sigmoid(z)
            onehot = t[:, None].double()
            values["bce"] = float(F.binary_cross_entropy_with_logits(z, onehot))
            values["focal"] = focal(z, onehot)
        else:
            probs = torch.softmax(z, 1)
            onehot = F.one_hot(t, classes).permute(0, 4, 1, 2, 3).double()
            values["ce"] = float(F.cross_entropy(z, t))
            values["focal"] = sum(focal(z[:, c], onehot[:, c]) for c in range(classes)) / classes
        values["dice"] = region(probs, onehot, 0.5, 0.5, 1.0)
        values["jaccard"] = region(probs, onehot, 1.0, 1.0, 1.0)
        values["tversky_a0.3_b0.7_g1.5"] = region(probs, onehot, 0.3, 0.7, 1.5)
        values.update(confusion(pred, truth, classes))
        foreground = probs[0, 0] if classes == 2 else probs[0, 1]
        values["boundary"] = float((foreground.numpy() * kervadec_signed(truth == 1)).mean())
        for key, loss in (("hausdorff_dt", HausdorffDTLoss), ("log_hausdorff_dt", LogHausdorffDTLoss)):
            if classes == 2:
                values[key] = float(loss(alpha=2.0, sigmoid=True)(z, t[:, None].double()))
            else:
                values[key] = float(loss(alpha=2.0, softmax=True, to_onehot_y=True, include_background=False)(z, t[:, None]))
        values.update({k: finite(v) for k, v in distances(truth, pred, classes, spacing).items()})
        out.append({"name": name, "shape": list(truth.shape), "spacing": list(spacing), "classes": classes,
                    "truth": truth.ravel().tolist(), "prediction": pred.ravel().tolist(), "values": values})
    return out


if __name__ == "__main__":
    print(json.dumps({"generator": "record.py (torch " + torch.__version__ + ", MONAI d388d1c)", "cases": record()}))
