"""The numbers of CONTRACTS_V3 sections 2 and 3, written from the contract with numpy/scipy in float64 (an
independent implementation the Java audit is tested against), and a check of each number against MONAI d388d1c's
own metric functions (oracles/monai-d388d1c.tgz unpacked at $MONAI_SRC, default /tmp/monai-src).

Used by record_audit_folders.py and record_surface_metrics.py; run with Debian's /usr/bin/python3 (numpy, scipy,
python3-torch)."""
import math
import os
import sys
import warnings

import numpy as np
from scipy.ndimage import binary_erosion, distance_transform_edt

warnings.filterwarnings("ignore")


def edges(mask):
    """Voxels of the mask with a face neighbour outside it, the border counting as outside (MONAI's recipe)."""
    return mask & ~binary_erosion(mask, border_value=0)


def surface(ref, pred, spacing, tolerance):
    """hd, hd95, assd, nsd of section 2 (spacing in the order of the array's axes)."""
    if not ref.any() and not pred.any():
        return [math.nan] * 4
    if not ref.any() or not pred.any():
        return [math.inf, math.inf, math.inf, 0.0]
    er, ep = edges(ref), edges(pred)
    d_pg = distance_transform_edt(~er, sampling=spacing)[ep]
    d_gp = distance_transform_edt(~ep, sampling=spacing)[er]
    hd = max(d_pg.max(), d_gp.max())
    hd95 = max(np.percentile(d_pg, 95), np.percentile(d_gp, 95))
    assd = np.concatenate([d_pg, d_gp]).mean()
    nsd = (np.sum(d_pg <= tolerance) + np.sum(d_gp <= tolerance)) / (len(d_pg) + len(d_gp))
    return [float(hd), float(hd95), float(assd), float(nsd)]


def class_numbers(G, P, c, spacing, tolerance):
    g, p = G == c, P == c
    tp = int(np.sum(g & p)); fp = int(np.sum(~g & p)); fn = int(np.sum(g & ~p)); tn = int(np.sum(~g & ~p))
    n_ref, n_pred = tp + fn, tp + fp
    empty = n_ref + n_pred == 0
    dice = math.nan if empty else 2 * tp / (2 * tp + fp + fn)
    iou = math.nan if empty else tp / (tp + fp + fn)
    hd, hd95, assd, nsd = surface(g, p, spacing, tolerance)
    return dict(tp=tp, fp=fp, fn=fn, tn=tn, n_ref=n_ref, n_pred=n_pred, dice=dice, iou=iou, hd=hd, hd95=hd95,
                assd=assd, nsd=nsd)


def aggregates(cases, classes):
    """Section 3 from the per-case numbers (cases: list of {"classes": {"1": {...}}})."""
    keys = [str(c) for c in classes]
    def col(m):
        return np.array([[k["classes"][c][m] for c in keys] for k in cases], dtype=float)
    out = {"nnunet": {}, "monai": {}, "smp": {}}
    for m in ("dice", "iou"):
        per = [float(np.nanmean(col(m)[:, j])) if not np.all(np.isnan(col(m)[:, j])) else math.nan
               for j in range(len(keys))]
        out["nnunet"][m] = {"per_class": dict(zip(keys, per)), "foreground_mean": float(np.mean(per))}
    n_ref, n_pred = col("n_ref"), col("n_pred")
    monai_values = {"dice": np.where(n_ref == 0, np.nan, col("dice")),
                    "hd95": np.where((n_ref == 0) | (n_pred == 0), np.nan, col("hd95")),
                    "nsd": col("nsd")}
    for m, f in monai_values.items():
        ok = ~np.isnan(f)
        counts = ok.sum(1)
        per_case = np.where(counts > 0, np.where(ok, f, 0).sum(1) / np.maximum(counts, 1), 0.0)
        with_value = int((counts > 0).sum())
        out["monai"][m] = {"mean": float(per_case.sum() / with_value) if with_value else 0.0, "not_nans": int(ok.sum())}
    tp, fp, fn = col("tp"), col("fp"), col("fn")
    scores = {"iou_score": lambda a, b, c: a / (a + b + c), "f1_score": lambda a, b, c: 2 * a / (2 * a + b + c)}
    with np.errstate(all="ignore"):
        for name, s in scores.items():
            one = lambda x: np.where(np.isnan(x), 1.0, x)
            out["smp"][name] = {
                "micro": float(s(tp.sum(), fp.sum(), fn.sum())),
                "macro": float(one(s(tp.sum(0), fp.sum(0), fn.sum(0))).mean()),
                "micro-imagewise": float(one(s(tp.sum(1), fp.sum(1), fn.sum(1))).mean()),
                "macro-imagewise": float(one(s(tp, fp, fn)).mean(0).mean()),
            }
    return out


def monai_check(G, P, classes, spacing, tolerance, numbers):
    """MONAI's own functions on the one-hot masks must give section 2's numbers (to float32) under its rules."""
    sys.path.insert(0, os.environ.get("MONAI_SRC", "/tmp/monai-src"))
    import torch
    from monai.metrics import (compute_average_surface_distance, compute_dice, compute_hausdorff_distance,
                               compute_surface_dice)
    for c in classes:
        g = torch.tensor((G == c)[None, None].astype(np.float32))
        p = torch.tensor((P == c)[None, None].astype(np.float32))
        n = numbers[str(c)]
        sp = list(spacing)
        got = {
            "dice": compute_dice(p, g, include_background=True).item(),
            "hd": compute_hausdorff_distance(p, g, include_background=True, spacing=sp).item(),
            "hd95": compute_hausdorff_distance(p, g, include_background=True, percentile=95, spacing=sp).item(),
            "assd": compute_average_surface_distance(p, g, include_background=True, symmetric=True, spacing=sp).item(),
            "nsd": compute_surface_dice(p, g, [tolerance], include_background=True, spacing=sp).item(),
        }
        both = n["n_ref"] > 0 and n["n_pred"] > 0
        want = {
            "dice": n["dice"] if n["n_ref"] > 0 else math.nan,
            "hd": n["hd"] if both else None,  # MONAI: inf or nan when a mask is empty, not section 2's rule
            "hd95": n["hd95"] if both else math.nan,
            "assd": n["assd"] if both else None,
            "nsd": n["nsd"],
        }
        for k, w in want.items():
            if w is None:
                continue
            v = got[k]
            if not ((math.isnan(w) and math.isnan(v)) or abs(v - w) <= 1e-5 * max(1.0, abs(w))):
                raise SystemExit(f"MONAI disagrees on class {c} {k}: MONAI {v}, section 2 {w}")
