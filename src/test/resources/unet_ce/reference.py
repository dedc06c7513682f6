"""Reference cases for unet_ce: U-Net's weighted cross-entropy (Ronneberger et al. 2015).

The weight map is computed here from the paper's definition with scipy (8-connected objects of the foreground,
exact Euclidean distance transforms, w_c = valid / (classes present * pixels of the class), the border term
w0 exp(-(d1 + d2)^2 / (2 sigma^2)) on background pixels when there are two objects or more; ignored pixels weigh 0),
and the loss with torch float64: sum over valid pixels of w * CE (BCE with logits, or softmax CE), divided by the
valid pixels for "mean"; gradients by autograd. Run: /usr/bin/python3 reference.py > torch-float64.json
"""
import json

import numpy as np
import scipy.ndimage as ndi
import torch
import torch.nn.functional as F


def weights(classes, w0, sigma):
    valid = classes >= 0
    w = np.zeros(classes.shape)
    present = [c for c in np.unique(classes[valid])]
    for c in present:
        w[classes == c] = valid.sum() / (len(present) * (classes == c).sum())
    objects, k = ndi.label(classes > 0, structure=np.ones((3, 3)))
    if k >= 2:
        d = np.stack([ndi.distance_transform_edt(objects != o) for o in range(1, k + 1)])
        d.sort(axis=0)
        border = w0 * np.exp(-(d[0] + d[1]) ** 2 / (2 * sigma ** 2))
        w = np.where(classes == 0, w + border, w)
    return w


def case(mode, logits, target, params):
    channels, h, wd = logits.shape
    ignore = params.get("ignore_index")
    valid = np.ones((h, wd), bool) if ignore is None else target[0] != ignore
    if mode == "multiclass":
        classes = np.where(valid, target[0], -1)
    else:
        classes = np.where(valid, target[0], -1)
    w = torch.tensor(weights(classes, params.get("w0", 10.0), params.get("sigma", 5.0)))
    z = torch.tensor(logits, requires_grad=True)
    vt = torch.tensor(valid)
    if mode == "multiclass":
        t = torch.tensor(np.where(valid, target[0], 0)).long()
        per = F.cross_entropy(z.unsqueeze(0), t.unsqueeze(0), reduction="none")[0]
    else:
        t = torch.tensor(np.where(valid, target[0], 0)).double()
        per = F.binary_cross_entropy_with_logits(z[0], t, reduction="none")
    per = torch.where(vt, per * w, torch.zeros_like(per))
    red = params.get("reduction", "mean")
    loss = per.sum() / max(int(vt.sum()), 1) if red == "mean" else per.sum()
    if int(vt.sum()) == 0 and red == "mean":
        loss = per.sum() * 0
    loss.backward()
    return {"mode": mode, "shape": [channels, h, wd], "logits": logits.ravel().tolist(),
            "target": target.ravel().tolist(), "params": params, "value": loss.item(),
            "gradient": z.grad.numpy().ravel().tolist()}


def blobs(rng, h, w, classes, count):
    t = np.zeros((h, w), int)
    for _ in range(count):
        cy, cx, r = rng.integers(0, h), rng.integers(0, w), rng.integers(1, 4)
        yy, xx = np.ogrid[:h, :w]
        t[(yy - cy) ** 2 + (xx - cx) ** 2 <= r * r] = rng.integers(1, classes)
    return t


rng = np.random.default_rng(2026)
cases = []
for k in range(6):
    h, w = 12 + k, 14
    t = blobs(rng, h, w, 2, 3 + k)
    cases.append(case("binary", rng.normal(0, 3, (1, h, w)), t[None], {"w0": float(rng.uniform(2, 20)),
                                                                        "sigma": float(rng.uniform(1, 8))}))
for k in range(4):
    h, w, c = 11, 13 + k, 3
    t = blobs(rng, h, w, c, 4 + k)
    cases.append(case("multiclass", rng.normal(0, 3, (c, h, w)), t[None], {"sigma": float(rng.uniform(1, 8))}))
# touching cells one pixel apart, ignore_index, sum reduction
t = np.zeros((10, 12), int)
t[2:8, 1:5] = 1
t[2:8, 6:10] = 1
t[0, 0] = 255
cases.append(case("binary", rng.normal(0, 2, (1, 10, 12)), t[None], {"ignore_index": 255, "reduction": "sum"}))
# one object only (no border term), an empty target, one pixel, logits of +-1000
t = np.zeros((6, 6), int)
t[2, 3] = 1
cases.append(case("binary", rng.choice([-1000.0, 1000.0], (1, 6, 6)), t[None], {}))
cases.append(case("binary", rng.normal(0, 2, (1, 5, 7)), np.zeros((1, 5, 7), int), {}))
cases.append(case("multiclass", rng.choice([-1000.0, 0.5, 1000.0], (3, 4, 5)), blobs(rng, 4, 5, 3, 2)[None], {"w0": 5.0}))
print(json.dumps({"source": "src/test/resources/unet_ce/reference.py, torch " + torch.__version__ + " float64, scipy",
                  "cases": cases}, indent=1))
