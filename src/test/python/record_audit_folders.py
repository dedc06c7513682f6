"""Writes the audit folders of src/test/resources/audit/: random label maps with every awkward case the contract
names (classes absent from both, missed structures, false positives on an empty ground truth, an empty prediction,
touching the border), in every format a case is read from (8-bit, 16-bit, palette and 0/255 PNGs; bool and integer
.npy label maps, big-endian ones; float32/float64 probabilities C x H x W and a single map with a threshold), and
for each folder `args.txt` (the audit's options) and `expected.json` computed by audit_reference.py, whose
per-case distances are checked against MONAI's own functions and whose MONAI means against do_metric_reduction.

    MONAI_SRC=/tmp/monai-src /usr/bin/python3 src/test/python/record_audit_folders.py src/test/resources/audit
"""
import json
import math
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))
import audit_reference as ref  # noqa: E402


def blob(rng, h, w, inside=True):
    """An ellipse at a random place (sometimes cut by the border), as a boolean mask."""
    cy, cx = rng.uniform(0, h), rng.uniform(0, w)
    ry, rx = rng.uniform(2, max(3, h / 3)), rng.uniform(2, max(3, w / 3))
    y, x = np.mgrid[0:h, 0:w]
    return ((y - cy) / ry) ** 2 + ((x - cx) / rx) ** 2 <= 1


def case(rng, h, w, n_classes, kind):
    G = np.zeros((h, w), np.int64)
    for c in range(1, n_classes):
        if kind == "absent" and c == 1:
            continue
        G[blob(rng, h, w)] = c
    P = G.copy()
    # a shifted, eroded or dilated copy: the usual near miss
    P = np.roll(P, (rng.integers(-2, 3), rng.integers(-2, 3)), axis=(0, 1))
    if rng.random() < 0.5:
        P[blob(rng, h, w)] = rng.integers(0, n_classes)
    if kind == "missed":
        P[P == n_classes - 1] = 0
    if kind == "fp-on-empty":
        G[G == 1] = 0
        P[blob(rng, h, w)] = 1
    if kind == "empty-prediction":
        P[:] = 0
    if kind == "both-empty":
        G[:] = 0
        P[:] = 0
    return G, P


def softmax_probabilities(rng, P, n_classes, dtype):
    logits = rng.normal(0, 1, (n_classes,) + P.shape)
    for c in range(n_classes):
        logits[c][P == c] += 4
    e = np.exp(logits - logits.max(0))
    probs = (e / e.sum(0)).astype(dtype)
    tie = (P == 0)
    probs[1][tie] = probs[0][tie]  # a tie: the first class (0) must win
    return probs


def write_png(path, M, mode):
    if mode == "L":
        Image.fromarray(M.astype(np.uint8), "L").save(path)
    elif mode == "I;16":
        Image.fromarray(M.astype(np.uint16), "I;16").save(path)
    elif mode == "P":
        im = Image.fromarray(M.astype(np.uint8), "P")
        im.putpalette([v for i in range(256) for v in ((i * 53) % 256, (i * 97) % 256, (i * 31) % 256)])
        im.save(path)
    elif mode == "255":
        Image.fromarray((M > 0).astype(np.uint8) * 255, "L").save(path)


def folder(root, name, seed, n_cases, n_classes, formats, args, spacing_xy=(1.0, 1.0), tolerance=1.0,
           threshold=0.5, classes_given=None):
    rng = np.random.default_rng(seed)
    d = os.path.join(root, name)
    os.makedirs(os.path.join(d, "labels"), exist_ok=True)
    os.makedirs(os.path.join(d, "predictions"), exist_ok=True)
    kinds = ["plain", "absent", "missed", "fp-on-empty", "empty-prediction", "both-empty"]
    cases = []
    top = 0
    maps = []
    for i in range(n_cases):
        h, w = int(rng.integers(12, 48)), int(rng.integers(12, 48))
        kind = kinds[i % len(kinds)] if i < len(kinds) else "plain"
        G, P = case(rng, h, w, n_classes, kind)
        stem = f"case_{seed:03d}_{i:02d}"
        lf, pf = formats[i % len(formats)]
        # what the prediction file holds decides the labels the audit sees (probabilities: their argmax/threshold)
        if pf in ("f4", "f8"):
            probs = softmax_probabilities(rng, P, n_classes, np.float32 if pf == "f4" else np.float64)
            np.save(os.path.join(d, "predictions", stem + ".npy"), probs)
            P = probs.argmax(0)
        elif pf == "p1":
            p = np.clip(np.where(P > 0, 0.5 + rng.uniform(0, 0.5, P.shape), rng.uniform(0, 0.5, P.shape)), 0, 1)
            p[0, 0] = threshold  # exactly the threshold: class 1
            np.save(os.path.join(d, "predictions", stem + ".npy"), p.astype(np.float32))
            P = (p.astype(np.float32) >= np.float32(threshold)).astype(np.int64)
        elif pf.startswith("npy:"):
            np.save(os.path.join(d, "predictions", stem + ".npy"), P.astype(np.dtype(pf[4:])))
        else:
            write_png(os.path.join(d, "predictions", stem + ".png"), P, pf)
            if pf == "255":
                P = (P > 0).astype(np.int64)
        if lf.startswith("npy:"):
            np.save(os.path.join(d, "labels", stem + ".npy"), G.astype(np.dtype(lf[4:])))
        else:
            write_png(os.path.join(d, "labels", stem + ".png"), G, lf)
            if lf == "255":
                G = (G > 0).astype(np.int64)
        maps.append((stem, G, P))
        top = max(top, int(G.max()), int(P.max()))
    n = classes_given if classes_given else top + 1
    classes = list(range(1, n))
    sampling = (spacing_xy[1], spacing_xy[0])  # numpy axes (rows = y, columns = x)
    for stem, G, P in sorted(maps):
        numbers = {str(c): ref.class_numbers(G, P, c, sampling, tolerance) for c in classes}
        ref.monai_check(G, P, classes, sampling, tolerance, numbers)
        cases.append({"case": stem, "spacing": list(spacing_xy), "classes": numbers})
    out = {"classes": classes, "tolerance": tolerance, "cases": cases, "aggregates": ref.aggregates(cases, classes)}
    check_monai_reduction(out)
    with open(os.path.join(d, "expected.json"), "w") as f:
        json.dump(out, f, indent=1, default=None, allow_nan=True)
    with open(os.path.join(d, "args.txt"), "w") as f:
        f.write(" ".join(args) + "\n")
    # JSON as the contract writes it: NaN null, infinity "inf"
    text = open(os.path.join(d, "expected.json")).read().replace("NaN", "null").replace("Infinity", '"inf"')
    with open(os.path.join(d, "expected.json"), "w") as f:
        f.write(text)


def check_monai_reduction(out):
    """MONAI's do_metric_reduction(..., "mean") (in float32) on MONAI's per-case values must give the recorded means."""
    sys.path.insert(0, os.environ.get("MONAI_SRC", "/tmp/monai-src"))
    import torch
    from monai.metrics.utils import do_metric_reduction
    keys = [str(c) for c in out["classes"]]
    for m in ("dice", "hd95", "nsd"):
        f = []
        for k in out["cases"]:
            row = []
            for c in keys:
                n = k["classes"][c]
                v = n[m]
                if m == "dice" and n["n_ref"] == 0:
                    v = math.nan
                if m == "hd95" and (n["n_ref"] == 0 or n["n_pred"] == 0):
                    v = math.nan
                row.append(v)
            f.append(row)
        got, _ = do_metric_reduction(torch.tensor(f, dtype=torch.float64), "mean")
        want = out["aggregates"]["monai"][m]["mean"]
        if abs(got.item() - want) > 1e-6 * max(1, abs(want)):  # MONAI reduces in float32
            raise SystemExit(f"do_metric_reduction {m}: {got.item()} against {want}")


if __name__ == "__main__":
    root = sys.argv[1]
    folder(root, "mixed-formats", 1, 14, 3, [("L", "L"), ("I;16", "f4"), ("P", "npy:int32"), ("npy:uint8", "P"),
                                             ("npy:int16", "f8"), ("npy:>i8", "I;16")], ["--tolerance", "2"], tolerance=2.0)
    folder(root, "binary-threshold", 2, 9, 2, [("255", "p1"), ("npy:bool", "255"), ("L", "npy:uint16")],
           ["--threshold", "0.5"])
    folder(root, "spacing-four-classes", 3, 10, 4, [("L", "L"), ("npy:int8", "f4")],
           ["--spacing", "0.7,1.3", "--tolerance", "1.5", "--classes", "5"], spacing_xy=(0.7, 1.3), tolerance=1.5,
           classes_given=5)
