#!/usr/bin/python3
"""Writes the bundled audit sample: labels/ and predictions/ of 12 cases, 96 x 96, classes 1 (organ) and 2 (lesion).

Each case is drawn from discs and squares so that one convention's rule shows in it (README.md, "The cases").
Predictions are 8-bit PNG label maps, except cases 02, 07 and 10, whose predictions are float32 softmax
probabilities 3 x 96 x 96 in .npy (their argmax is the label map drawn), so that the Segmentation workspace
shows their heatmaps. Run from this folder: /usr/bin/python3 make_sample.py (numpy and Pillow).
"""
import os

import numpy as np
from PIL import Image

SIZE = 96
yy, xx = np.mgrid[0:SIZE, 0:SIZE]


def disc(cy, cx, r):
    return (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r


def square(y, x, side):
    m = np.zeros((SIZE, SIZE), bool)
    m[y:y + side, x:x + side] = True
    return m


def label_map(organ=None, lesion=None):
    out = np.zeros((SIZE, SIZE), np.uint8)
    if organ is not None:
        out[organ] = 1
    if lesion is not None:
        out[lesion] = 2
    return out


def good(k):
    """A case found well: the organ off by a pixel or two, the lesion by one."""
    cy, cx, ly, lx = 46 + k, 48 - k, 40 + 2 * k, 52 - k
    truth = label_map(disc(cy, cx, 26), disc(ly, lx, 6))
    pred = label_map(disc(cy + 1, cx + (k % 3), 25), disc(ly + 1, lx, 6))
    return truth, pred


CASES = {}
for k in range(1, 7):
    CASES["case%02d" % k] = good(k)
# 07: the lesion missed (the organ drawn over it): Dice 0, HD95 infinite, MONAI leaves its HD95 out
CASES["case07"] = (label_map(disc(48, 48, 26), disc(40, 56, 5)), label_map(disc(48, 49, 26)))
# 08: a lesion predicted where there is none: nnU-Net counts Dice 0, MONAI leaves the case's lesion out
CASES["case08"] = (label_map(disc(50, 46, 24)), label_map(disc(50, 47, 24), disc(44, 40, 4)))
# 09: nothing in either: absent from both, left out by nnU-Net and MONAI, scored 1 by smp's imagewise reductions
CASES["case09"] = (label_map(), label_map())
# 10: a 2 x 2 lesion found one pixel off: Dice 0.25, as heavy as a whole organ in smp's macro-imagewise
CASES["case10"] = (label_map(disc(48, 48, 26), square(44, 50, 2)), label_map(disc(48, 49, 26), square(45, 51, 2)))
# 11: the organ found, plus a 6 x 6 false-positive speck in a corner: Dice still 0.9, HD95 the speck's distance
CASES["case11"] = (label_map(disc(46, 46, 24), disc(40, 50, 5)),
                   label_map(disc(46, 47, 24) | square(84, 84, 6), disc(41, 50, 5)))
# 12: the organ half found (a slice of it missed): Dice and HD95 both bad
CASES["case12"] = (label_map(disc(48, 48, 26), disc(56, 40, 6)),
                   label_map(disc(48, 48, 26) & (xx < 56), disc(56, 41, 6)))

PROBABILITIES = {"case02", "case07", "case10"}


def softmax_of(labels, seed):
    """Float32 probabilities 3 x H x W whose argmax is labels: the drawn class ahead, softened near edges."""
    rng = np.random.default_rng(seed)
    onehot = np.stack([labels == c for c in range(3)]).astype(np.float64)
    blurred = onehot.copy()
    for _ in range(3):  # a few box-blur passes: confidence falls near the boundaries, as a network's does
        padded = np.pad(blurred, ((0, 0), (1, 1), (1, 1)), mode="edge")
        blurred = sum(padded[:, 1 + dy:1 + dy + SIZE, 1 + dx:1 + dx + SIZE] for dy in (-1, 0, 1) for dx in (-1, 0, 1)) / 9
    logits = 4 * onehot + 2 * blurred + 0.3 * rng.standard_normal(onehot.shape)
    logits -= logits.max(0, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(0, keepdims=True)
    p = p.astype(np.float32)
    assert (p.argmax(0) == labels).all()
    return p


def main():
    for folder in ("labels", "predictions"):
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
    files = []
    for seed, (name, (truth, pred)) in enumerate(sorted(CASES.items())):
        Image.fromarray(truth).save(os.path.join("labels", name + ".png"))
        files.append("labels/" + name + ".png")
        if name in PROBABILITIES:
            np.save(os.path.join("predictions", name + ".npy"), softmax_of(pred, seed))
            files.append("predictions/" + name + ".npy")
        else:
            Image.fromarray(pred).save(os.path.join("predictions", name + ".png"))
            files.append("predictions/" + name + ".png")
    with open("index.txt", "w") as out:
        out.write("# the files of the bundled audit sample (written by make_sample.py): the app copies them out of the jar\n")
        out.write("\n".join(sorted(files)) + "\n")


if __name__ == "__main__":
    main()
